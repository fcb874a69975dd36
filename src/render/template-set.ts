import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { readFileInside } from '../plan/read-file-inside.js';
import { checkPartTemplate, includesPartial, type TemplateFiles } from './check-part-template.js';
import PRECOMPILED from './generated/precompiled-templates.js';
import { templateFingerprint } from './precompile-templates.js';
import { builtInTemplateName, COMPILE_OPTIONS, prepareTemplate, TemplateError } from './prepare-template.js';

export { TemplateError } from './prepare-template.js';

/** A template or stylesheet is kilobytes; past this, a file is a mistake or an attack. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** The documents mapc knows how to make; a template folder may provide its own. */
export const BUILT_IN_DOCUMENTS = ['map', 'report', 'strategy'] as const;

/** Documents of a multi-part project, not of a plan. */
const PROJECT_DOCUMENTS = ['contents', 'bound'];

/**
 * Where templates come from: mapc's own `templates/` folder, and optionally the user's
 * folder of the same layout (`<document>/document.hbs` and `<document>/body.hbs`,
 * `partials/*.hbs`, `styles/*.css`), or a folder holding just one `document.hbs` (and its
 * `body.hbs`). The user's files win; what they leave out falls back to the built-in ones.
 *
 * A document is a page (document.hbs: head, skip link, draft mark, links to the other
 * parts) around its body (body.hbs: the content), which the page includes as `{{> body}}`
 * and a bound document takes alone for each of its parts.
 */
export interface TemplateFolders {
  builtIn: string;
  custom?: string;
  /** Shown in error messages instead of absolute paths. */
  displayRoot: string;
}

export class TemplateSet {
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  private readonly bodies = new Map<string, Handlebars.TemplateDelegate>();
  private readonly partials: Map<string, string>;

  constructor(
    private readonly hb: typeof Handlebars,
    private readonly folders: TemplateFolders,
  ) {
    this.partials = this.partialFiles();
    const body = this.partials.get('body');
    if (body) {
      throw new TemplateError(`${this.display(body)}: 'body' is the name of each document's own content (<document>/body.hbs, or body.hbs beside a single document.hbs), which {{> body}} includes. Give this partial another name.`);
    }
    for (const [name, file] of this.partials) {
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

  /**
   * What `{{> body}}` includes in the page of the document `name`: its body.hbs, the user's
   * else mapc's. A page that includes it when there is none stops with a TemplateError
   * (Handlebars' own error would say neither which file nor what to do).
   */
  body(name: string): Handlebars.TemplateDelegate {
    let body = this.bodies.get(name);
    if (!body) {
      const file = this.bodyFile(name);
      const page = this.documentFile(name);
      const shown = page ? this.display(page) : `the document '${name}'`;
      body = file
        ? this.compile(file)
        : () => {
            throw new TemplateError(`${shown} includes {{> body}}, but there is no body.hbs beside it: put the document's content there.`);
          };
      this.bodies.set(name, body);
    }
    return body;
  }

  /**
   * The body of the document `name`, to render as one part of a bound document. With the
   * user's templates it is first checked: the page must include it (else the page, not
   * the body, is what the user wrote), and it must write its ids and headings through
   * the helpers that binding changes (check-part-template.ts). mapc's own pass the same
   * checks (tests/render/bound-document.test.ts), and are not read again on every build.
   */
  bodyForBinding(name: string): Handlebars.TemplateDelegate {
    if (this.folders.custom) {
      const files = this.templateFiles();
      const page = this.documentFile(name);
      if (page && !includesPartial(page, 'body', files)) {
        const body = this.isSingleCustomDocument && !PROJECT_DOCUMENTS.includes(name) ? 'body.hbs' : `${name}/body.hbs`;
        throw new TemplateError(
          `${this.display(page)} does not include {{> body}}, so its parts cannot be bound into one document: put the document's content in ${body} and write {{> body}} where it was.`,
        );
      }
      const body = this.bodyFile(name);
      if (body) checkPartTemplate(body, files);
    }
    return this.body(name);
  }

  /** The partials a template may include by name: the user's and mapc's own. */
  partialNames(): string[] {
    return [...this.partials.keys()].sort();
  }

  /** Every stylesheet, built-in ones replaced by the user's of the same name, in name order. */
  styles(): string {
    const files = new Map<string, string>();
    for (const folder of this.folders.custom ? [this.folders.builtIn, this.folders.custom] : [this.folders.builtIn]) {
      for (const file of listFiles(join(folder, 'styles'), '.css')) files.set(basename(file), file);
    }
    return [...files.keys()]
      .sort()
      .map((name) => this.read(files.get(name)!).trim())
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

  /** As documentFile, for the document's body.hbs. */
  private bodyFile(name: string): string | undefined {
    const custom = this.folders.custom;
    if (custom) {
      if (this.isSingleCustomDocument && !PROJECT_DOCUMENTS.includes(name)) return existsSync(join(custom, 'body.hbs')) ? join(custom, 'body.hbs') : undefined;
      if (existsSync(join(custom, name, 'body.hbs'))) return join(custom, name, 'body.hbs');
    }
    const builtIn = join(this.folders.builtIn, name, 'body.hbs');
    return existsSync(builtIn) ? builtIn : undefined;
  }

  /** The templates as the binding checks read them: parsed from their files, partials as this set resolves them. */
  private templateFiles(): TemplateFiles {
    return {
      partialFile: (name) => this.partials.get(name),
      parse: (file) => this.parse(file),
      display: (file) => this.display(file),
    };
  }

  private parse(file: string): hbs.AST.Program {
    try {
      return this.hb.parse(this.read(file));
    } catch (error) {
      throw new TemplateError(`${this.display(file)}: ${(error as Error).message.trim().replace(/\n/g, '\n  ')}`);
    }
  }

  /**
   * A template file's text. A user's file is read only from inside their template folder
   * (a link out of it, say in styles/, is refused and its content never read, so it cannot
   * be published), only if it is a regular file, and only up to a size no template needs.
   */
  private read(file: string): string {
    const root = this.builtInPath(file) !== undefined || this.folders.custom === undefined ? this.folders.builtIn : this.folders.custom;
    const read = readFileInside(file, root, MAX_TEMPLATE_BYTES);
    if ('reason' in read) throw new TemplateError(`${this.display(file)}: not read: ${read.message}.`);
    return read.bytes.toString('utf8');
  }

  /** A template's name in messages: "mapc's templates/map/body.hbs", or the user's file relative to the working folder. */
  private display(file: string): string {
    const builtIn = this.builtInPath(file);
    return builtIn !== undefined ? builtInTemplateName(builtIn) : relative(this.folders.displayRoot, file).split(sep).join('/');
  }

  /** The file's path in mapc's templates folder ('map/document.hbs'), if it is one of mapc's own. */
  private builtInPath(file: string): string | undefined {
    const path = relative(this.folders.builtIn, file).split(sep).join('/');
    return path.startsWith('..') ? undefined : path;
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
    const source = this.read(file);
    const builtIn = this.builtInPath(file);
    const template = (builtIn !== undefined && this.precompiled(builtIn, source)) || this.compileSource(source, this.display(file));
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
