/**
 * The printed layout, read back from the PDFs: no heading or table head left as the last
 * text of a page, no two-column theme continued on a page without its column headings and
 * its title, no year range broken at its hyphen. Every example plan and two plans long enough to break
 * every layout across pages (long-plans.ts) are built by one `mapc build` of a project
 * whose parts they are, so that each part's own PDFs and the bound PDF of all of them are
 * checked, as they print.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContentsView } from '../../src/render/contents-view.js';
import { Renderer } from '../../src/render/render-document.js';
import { ROOT, runBinary } from '../helpers/mapc.js';
import { planFrom } from '../helpers/render-plan.js';
import { fileTempDir } from '../helpers/temporary.js';
import { htmlWords } from './html-words.js';
import { layoutFaults } from './layout-faults.js';
import { longMapPlan, longStrategyPlan } from './long-plans.js';
import { pdfWords } from './pdf-words.js';

const EXAMPLES = ['devon-children-and-families-2004-05', 'devon-part-3-3-example', 'isle-of-wight-qp-map-2002-03', 'isle-of-wight-qp-map-2003-04'];
const PROJECT = { id: 'layout-check', title: 'Social Services Strategic Plan 2004-2008', authority: 'Devon County Council' };

/** Each PDF a part makes, beside the HTML it was printed from. */
const DOCUMENTS = [
  'devon-children-and-families-2004-05',
  'devon-part-3-3-example',
  'iow-qp-map-2002-03',
  'iow-qp-map-2002-03.report',
  'iow-qp-map-2003-04',
  'iow-qp-map-2003-04.report',
  'long-map',
  'long-map.report',
  'long-strategy',
];

let folder = '';
let parts: string[] = [];

beforeAll(async () => {
  folder = fileTempDir('layout');
  mkdirSync(join(folder, 'plans'));
  for (const name of EXAMPLES) copyFileSync(join(ROOT, 'plans', `${name}.yaml`), join(folder, 'plans', `${name}.yaml`));
  writeFileSync(join(folder, 'plans/long-map.yaml'), longMapPlan());
  writeFileSync(join(folder, 'plans/long-strategy.yaml'), longStrategyPlan());
  parts = [...EXAMPLES, 'long-map', 'long-strategy'].map((name) => `plans/${name}.yaml`);
  const project = [`mapc: 1`, `id: ${PROJECT.id}`, `title: ${PROJECT.title}`, `authority: ${PROJECT.authority}`, 'parts:', ...parts.map((p) => `  - ${p}`), 'build: { out: out, to: [html, pdf] }'];
  writeFileSync(join(folder, 'mapc.yaml'), `${project.join('\n')}\n`);
  const built = await runBinary(['build', '--quiet'], { cwd: folder, timeoutMs: 300_000 });
  expect(built.stderr + built.stdout).toBe('');
  expect(built.code).toBe(0);
}, 320_000);

describe('the printed layout', () => {
  it.each(DOCUMENTS)('%s.pdf: heads kept with what follows, columns headed on every page, year ranges whole', (name) => {
    const html = readFileSync(join(folder, 'out', `${name}.html`), 'utf8');
    expect(layoutFaults(htmlWords(html), pdfWords(join(folder, 'out', `${name}.pdf`)))).toEqual([]);
  });

  it('the bound PDF of all the parts: the same', () => {
    const plans = parts.map((part) => planFrom(readFileSync(join(folder, part), 'utf8')));
    const links = plans.map((plan) => ({ plan, href: `${plan.id}.html`, pdfHref: `${plan.id}.pdf` }));
    const renderer = new Renderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'mapc test' });
    const html = renderer.renderBound(buildContentsView(PROJECT, links, `${PROJECT.id}.pdf`), plans);
    expect(layoutFaults(htmlWords(html), pdfWords(join(folder, 'out', `${PROJECT.id}.pdf`)))).toEqual([]);
  });
});
