import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { closestMatch } from '../problems/closest-match.js';
import Handlebars from 'handlebars';
import { knownExpansions } from '../plan/abbreviations.js';
import { frameworkNames } from '../plan/framework-referred-to.js';
import type { Plan } from '../plan/model.js';
import { AbbreviationMarker } from './abbreviation-marker.js';
import { registerHelpers, type RenderData } from './helpers.js';
import { createMarkdown } from './markdown.js';
import { BUILT_IN_DOCUMENTS, TemplateError, TemplateSet } from './template-set.js';
import { labelText } from '../plan/labels.js';
import { buildPlanView } from './view-model.js';
import type { ContentsView } from './contents-view.js';
import type { PlanView } from './view-model.js';

export { TemplateError } from './template-set.js';
export { TemplateFieldError } from './guard-field-lookups.js';

/** The id of a bound part's first element, `part-1`, …: its contents entry links to it, and its page is found by it. */
export function boundPartAnchor(index: number): string {
  return `part-${index + 1}`;
}

export interface RendererOptions {
  /** mapc's own templates folder. */
  builtInTemplates: string;
  /** A built-in document name (map, report, strategy) or the user's template folder. */
  template?: string;
  /** For messages: template paths are shown relative to it. */
  cwd: string;
  /** Written into each document's generator meta tag. */
  generator: string;
}

/** Links from one part of a multi-part document to its neighbours and the contents. */
export interface Navigation {
  previous: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
  contents: { href: string; label: string } | null;
}

export interface RenderedDocument {
  /** The document's name: map, report, strategy, or the custom template's. */
  name: string;
  /** File name without extension: `<plan id>` or `<plan id>.report`. */
  baseName: string;
  html: string;
  /** For the PDF's metadata: what the document is, in the reader's words. */
  title: string;
  subject: string;
  keywords: string[];
}

const DOCUMENT_KINDS: Record<string, string> = {
  map: 'Management Action Plan',
  report: 'Committee report',
  strategy: 'Strategic plan',
};

/** What kind of document a template makes, in the words of its PDF's subject and keywords: 'Plan' for a council's own. */
export function documentKind(name: string): string {
  return DOCUMENT_KINDS[name] ?? 'Plan';
}

/** Renders plans to self-contained HTML documents through Handlebars templates. */
export class Renderer {
  private readonly templates: TemplateSet;
  private readonly styles: string;
  private readonly chosen: string | undefined;

  constructor(private readonly options: RendererOptions) {
    const hb = Handlebars.create();
    registerHelpers(hb, createMarkdown());
    const isBuiltInName = options.template === undefined || (BUILT_IN_DOCUMENTS as readonly string[]).includes(options.template);
    if (!isBuiltInName) mustBeTemplateFolder(options.template!, options.cwd);
    this.templates = new TemplateSet(hb, {
      builtIn: options.builtInTemplates,
      ...(isBuiltInName ? {} : { custom: resolve(options.cwd, options.template!) }),
      displayRoot: options.cwd,
    });
    this.chosen = isBuiltInName ? options.template : undefined;
    this.styles = this.templates.styles();
  }

  /** The documents a plan gets: the chosen one, or map (+ report) for a qp-map and strategy for a strategy. */
  documentsFor(plan: Plan): string[] {
    if (this.chosen === 'report' && !plan.report) throw new TemplateError(`the plan has no report, so there is no committee paper to make: leave out --template report, or add a report.`);
    if (this.chosen) return [this.chosen];
    if (this.templates.isSingleCustomDocument) return ['document'];
    const names = plan.kind === 'qp-map' ? ['map', ...(plan.report ? ['report'] : [])] : ['strategy'];
    const missing = names.filter((name) => !this.templates.hasDocument(name));
    if (missing.length > 0) throw new TemplateError(`the template folder has no ${missing.map((m) => `${m}/document.hbs`).join(' or ')}.`);
    return names;
  }

  /** The contents page of a multi-part document. */
  renderContents(contents: ContentsView): string {
    const template = this.templates.document('contents');
    const data: RenderData = { marker: new AbbreviationMarker(new Map()) };
    return this.running('contents', () => template({ ...contents, styles: this.styles, document: { ...contents.document, generator: this.options.generator } }, { data }));
  }

  /**
   * All parts in one document, for the combined PDF: `plans` are the parts, in the order of
   * `contents.parts`. Each part is its first document's body (body.hbs), rendered again
   * with its ids prefixed (`part1-`, `part2-`, …) and its headings a level down, under the
   * document's own title; its page (head, skip link, draft mark, links) is left out.
   * `pages` are the pages the parts start on, printed in the contents; none at first.
   */
  renderBound(contents: ContentsView, plans: Plan[], pages: readonly number[] = []): string {
    const template = this.templates.document('bound');
    const data: RenderData = { marker: new AbbreviationMarker(new Map()) };
    const parts = plans.map((plan, i) => {
      const name = this.documentsFor(plan)[0]!;
      const view = buildPlanView(plan);
      const binding = { idPrefix: `part${i + 1}-`, headingOffset: 1 };
      const body = this.templates.bodyForBinding(name)(this.pageContext(view, name, null), {
        data: { marker: new AbbreviationMarker(knownExpansions(plan)), binding } satisfies RenderData,
        ...NO_PROTOTYPES,
      });
      // A draft part's notice is worded by its own labels, as on its own page; the bound template's
      // phrases are the project's (its root's labels).
      const { draftMark, draftStatus, draftNotice } = view.labels;
      const notice = { mark: draftMark, region: draftStatus, text: draftNotice };
      // `page`: the page the part starts on, known once the document has been printed (page-numbered-print.ts).
      return { ...contents.parts[i]!, anchor: boundPartAnchor(i), page: pages[i] ?? null, statusLabel: view.statusLabel, notice, body };
    });
    const view = {
      ...contents,
      // The whole is not marked DRAFT page by page: its draft parts are (print CSS, page draft-part).
      isDraft: false,
      // Its contents page is, when a part is.
      hasDraftPart: contents.isDraft,
      parts,
      styles: this.styles,
      document: { name: 'bound', shortTitle: contents.title, generator: this.options.generator },
    };
    return this.running('bound', () => template(view, { data }));
  }

  render(plan: Plan, name: string, navigation: Navigation | null = null): RenderedDocument {
    const view = buildPlanView(plan);
    const template = this.templates.document(name);
    const data: RenderData = { marker: new AbbreviationMarker(knownExpansions(plan)) };
    const context = this.pageContext(view, name, navigation);
    const html = this.running(name, () => template(context, { data, partials: { body: this.templates.body(name) }, ...NO_PROTOTYPES }));
    const shortTitle = context.document.shortTitle;
    const kind = documentKind(name);
    return {
      name,
      baseName: name === 'report' ? `${plan.id}.report` : plan.id,
      html,
      title: shortTitle,
      subject: `${kind} of ${plan.authority} for ${plan.period}${plan.part ? `, part ${plan.part.number}` : ''}`,
      keywords: [kind, ...frameworkNames(plan), plan.period, plan.authority, ...(plan.service ? [plan.service] : [])],
    };
  }

  /**
   * Runs a template. Handlebars finds a partial only when it is included, so a mistyped
   * `{{> name}}` in a template of the user's is found here: a TemplateError saying which,
   * with the nearest name, not an internal error.
   */
  private running<T>(document: string, render: () => T): T {
    try {
      return render();
    } catch (error) {
      const missing = /^The partial (.+) could not be found/.exec((error as Error).message ?? '');
      if (!missing) throw error;
      const near = closestMatch(missing[1]!, this.templates.partialNames());
      throw new TemplateError(`the template of the document '${document}' includes the partial '${missing[1]}', and there is no partials/${missing[1]}.hbs${near ? `: did you mean '${near}'?` : '.'}`);
    }
  }

  /** What a plan's document and its body are rendered from: the plan's view, and the document's own details. */
  private pageContext(view: PlanView, name: string, navigation: Navigation | null) {
    const shortTitle = name === 'report' && view.report ? view.report.title : view.title;
    return { ...view, document: { name, shortTitle, runningHeader: runningHeader(view, name), generator: this.options.generator }, navigation, styles: this.styles };
  }
}

/** What each printed page says at its top: a committee paper's committee, meeting date and paper; a plan's title. */
function runningHeader(view: PlanView, name: string): string {
  if (name !== 'report' || !view.report) return view.title;
  const { committee, date, paper } = view.report;
  return [committee, date, ...(paper ? [labelText(view.labels.paper, { paper })] : [])].join(', ');
}

/** Templates see the data's own properties only, never those of its prototypes. */
const NO_PROTOTYPES = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

/** A `--template` that names neither a built-in document nor a folder is a mistake, not a wish for the defaults. */
function mustBeTemplateFolder(template: string, cwd: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(resolve(cwd, template)).isDirectory();
  } catch {
    // Missing or unreadable: said below.
  }
  if (isFolder) return;
  const near = closestMatch(template, BUILT_IN_DOCUMENTS);
  const hint = near ? `Did you mean '${near}'?` : `Give one of ${BUILT_IN_DOCUMENTS.join(', ')}, or the path of a folder of templates.`;
  throw new TemplateError(`the template '${template}' is neither a built-in document (${BUILT_IN_DOCUMENTS.join(', ')}) nor a folder. ${hint}`);
}
