import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import PRECOMPILED from './generated/precompiled-templates.js';
import { templateFingerprint } from './precompile-templates.js';
import { builtInTemplateName, COMPILE_OPTIONS, prepareTemplate, TemplateError } from './prepare-template.js';

export { TemplateError } from './prepare-template.js';

/** The documents mapc knows how to make; a template folder may provide its own. */
export const BUILT_IN_DOCUMENTS = ['map', 'report', 'strategy'] as const;

/** Documents of a multi-part project, not of a plan. */
const PROJECT_DOCUMENTS = ['contents', 'bound'];

/**
 * Where templates come from: mapc's own `templates/` folder, and optionally the user's
 * folder of the same layout (`<document>/document.hbs`, `partials/*.hbs`, `styles/*.css`),
 * or a folder holding just one `document.hbs`. The user's files win; what they leave
 * out falls back to the built-in partials and styles.
 */
export interface TemplateFolders {
  builtIn: string;
  custom?: string;
  /** Shown in error messages instead of absolute paths. */
  displayRoot: string;
}

export class TemplateSet {
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(
    private readonly hb: typeof Handlebars,
    private readonly folders: TemplateFolders,
  ) {
    for (const [name, file] of this.partialFiles()) {
      hb.registerPartial(name, this.compile(file));
    }
  }

  /** The custom folder holds a single document.hbs rather than one folder per document. */
  get isSingleCustomDocument(): boolean {
    return this.folders.custom !== undefined && existsSync(join(this.folders.custom, 'document.hbs'));
  }

  hasDocument(name: string): boolean {
    return this.documentFile(name) !== undefined;
  }

  document(name: string): Handlebars.TemplateDelegate {
    const file = this.documentFile(name);
    if (!file) throw new TemplateError(`there is no template for the document '${name}'.`);
    return this.compile(file);
  }

  /** Every stylesheet, built-in ones replaced by the user's of the same name, in name order. */
  styles(): string {
    const files = new Map<string, string>();
    for (const folder of this.folders.custom ? [this.folders.builtIn, this.folders.custom] : [this.folders.builtIn]) {
      for (const file of listFiles(join(folder, 'styles'), '.css')) files.set(basename(file), file);
    }
    return [...files.keys()]
      .sort()
      .map((name) => readFileSync(files.get(name)!, 'utf8').trim())
      .join('\n\n');
  }

  private documentFile(name: string): string | undefined {
    const custom = this.folders.custom;
    if (custom) {
      // One custom document.hbs stands for the plans' documents; contents pages and bound
      // PDFs of projects come from the built-in templates unless the folder has its own.
      if (this.isSingleCustomDocument && !PROJECT_DOCUMENTS.includes(name)) return join(custom, 'document.hbs');
      if (existsSync(join(custom, name, 'document.hbs'))) return join(custom, name, 'document.hbs');
    }
    const builtIn = join(this.folders.builtIn, name, 'document.hbs');
    return existsSync(builtIn) ? builtIn : undefined;
  }

  private partialFiles(): Map<string, string> {
    const partials = new Map<string, string>();
    for (const folder of this.folders.custom ? [this.folders.builtIn, this.folders.custom] : [this.folders.builtIn]) {
      for (const file of listFiles(join(folder, 'partials'), '.hbs')) partials.set(basename(file, '.hbs'), file);
    }
    return partials;
  }

  private compile(file: string): Handlebars.TemplateDelegate {
    const cached = this.compiled.get(file);
    if (cached) return cached;
    const source = readFileSync(file, 'utf8');
    const builtIn = relative(this.folders.builtIn, file).split(sep).join('/');
    const isBuiltIn = !builtIn.startsWith('..');
    const display = isBuiltIn ? builtInTemplateName(builtIn) : relative(this.folders.displayRoot, file).split(sep).join('/');
    const template = (isBuiltIn && this.precompiled(builtIn, source)) || this.compileSource(source, display);
    this.compiled.set(file, template);
    return template;
  }

  /**
   * One of mapc's own templates as `npm run build` compiled it (scripts/precompile-templates.js),
   * sparing a build the 40 ms Handlebars takes to compile them; none if the file has been
   * edited since (as in a developer's watch mode), or Handlebars is another version.
   */
  private precompiled(path: string, source: string): Handlebars.TemplateDelegate | undefined {
    if (PRECOMPILED.handlebars !== this.hb.VERSION || !Object.hasOwn(PRECOMPILED.templates, path)) return undefined;
    const entry = PRECOMPILED.templates[path]!;
    return entry.sha256 === templateFingerprint(source) ? this.hb.template(entry.spec) : undefined;
  }

  private compileSource(source: string, display: string): Handlebars.TemplateDelegate {
    return this.hb.compile(prepareTemplate(this.hb, source, display), COMPILE_OPTIONS);
  }
}

function listFiles(folder: string, extension: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => join(folder, name));
}
