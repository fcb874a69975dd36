import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it } from 'vitest';
import { registerHelpers } from '../../src/render/helpers.js';
import { createMarkdown } from '../../src/render/markdown.js';
import { precompiledTemplatesModule } from '../../src/render/precompile-templates.js';
import { TemplateSet } from '../../src/render/template-set.js';
import { planFile, renderAll } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/run-mapc.js';

const copies: string[] = [];
afterEach(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

/** A Handlebars environment that counts the templates it compiles from source. */
function countingHandlebars(): { hb: typeof Handlebars; compiled: () => number } {
  const hb = Handlebars.create();
  registerHelpers(hb, createMarkdown());
  let count = 0;
  const compile = hb.compile.bind(hb);
  hb.compile = ((input: unknown, options?: CompileOptions) => {
    count++;
    return compile(input, options);
  }) as typeof hb.compile;
  return { hb, compiled: () => count };
}

function copyOfTemplates(): string {
  const copy = mkdtempSync(join(tmpdir(), 'mapc-templates-'));
  copies.push(copy);
  cpSync(join(ROOT, 'templates'), copy, { recursive: true });
  return copy;
}

const DOCUMENTS = ['map', 'report', 'strategy', 'contents', 'bound'];
/** The documents whose content is a body partial (body.hbs) inside their page. */
const BODIES = ['map', 'report', 'strategy'];

/** Every document's template and every body, compiled or taken as built. */
function loadAll(templates: TemplateSet): void {
  for (const name of DOCUMENTS) templates.document(name);
  for (const name of BODIES) templates.body(name);
}

describe("mapc's own templates, precompiled by npm run build", () => {
  it('are up to date with templates/ and the code that prepares them (if not, run npm run build)', () => {
    const built = readFileSync(join(ROOT, 'src/render/generated/precompiled-templates.js'), 'utf8');
    expect(built).toBe(precompiledTemplatesModule(join(ROOT, 'templates')));
  });

  it('are used as built: no template is compiled from source', () => {
    const { hb, compiled } = countingHandlebars();
    const templates = new TemplateSet(hb, { builtIn: join(ROOT, 'templates'), displayRoot: ROOT });
    loadAll(templates);
    expect(compiled()).toBe(0);
  });

  it('are not used by another version of Handlebars, which compiles every template from source', () => {
    const { hb, compiled } = countingHandlebars();
    Object.defineProperty(hb, 'VERSION', { value: '4.0.0' });
    const templates = new TemplateSet(hb, { builtIn: join(ROOT, 'templates'), displayRoot: ROOT });
    loadAll(templates);
    expect(compiled()).toBeGreaterThan(DOCUMENTS.length + BODIES.length);
  });

  it('give way to a template edited since the build, which is compiled from its file', () => {
    const folder = copyOfTemplates();
    const file = join(folder, 'map/body.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{/main}}', '<p>Edited since the build</p>\n{{/main}}'));
    const { hb, compiled } = countingHandlebars();
    const templates = new TemplateSet(hb, { builtIn: folder, displayRoot: ROOT });
    loadAll(templates);
    expect(compiled()).toBe(1);
    const [map] = renderAll(planFile('plans/isle-of-wight-qp-map-2002-03.yaml'), 'map', folder);
    expect(map!.html).toContain('<p>Edited since the build</p>\n</main>');
  });

  it('render the example plans exactly as the same templates compiled from source do', () => {
    const folder = copyOfTemplates();
    // A comment at the end of every template changes its hash, not what it renders.
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.hbs'));
    for (const path of files) appendFileSync(join(folder, path), '{{!-- edited --}}');
    const { hb, compiled } = countingHandlebars();
    const templates = new TemplateSet(hb, { builtIn: folder, displayRoot: ROOT });
    loadAll(templates);
    // Every shared partial, document and body, from source: the comparison below is with them.
    expect(compiled()).toBe(files.filter((path) => path.startsWith('partials/')).length + DOCUMENTS.length + BODIES.length);
    for (const source of ['plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/devon-children-and-families-2004-05.yaml']) {
      const plan = planFile(source);
      expect(renderAll(plan, undefined, folder).map((d) => d.html)).toEqual(renderAll(plan).map((d) => d.html));
    }
  });
});
