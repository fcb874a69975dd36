import type Handlebars from 'handlebars';
import type MarkdownIt from 'markdown-it';
import type { AbbreviationMarker } from './abbreviation-marker.js';
import { cssString } from './css-string.js';
import { escapeHtml } from './escape-html.js';
import { FIELD_HELPER, lookupField } from './guard-field-lookups.js';
import { labelCssHelper, labelHelper, labelTextHelper } from './label-helper.js';
import { TemplateError } from './template-error.js';
import { placeTextHeadings } from './text-headings.js';

/** What every render passes to helpers through Handlebars' @data. */
export interface RenderData {
  marker: AbbreviationMarker;
  /** Set when a document's body is rendered as one part of a bound document (Renderer.renderBound). */
  binding?: Binding;
}

/**
 * How a part's body is written into a bound document: every id and reference to one
 * starts with `idPrefix` ('part2-'), so that the parts' ids stay unique; every heading is
 * `headingOffset` levels down, under the document's own title. Templates ask through the
 * helpers anchorId, level and main; nothing is changed in the HTML afterwards.
 */
export interface Binding {
  idPrefix: string;
  headingOffset: number;
}

type HelperOptions = Handlebars.HelperOptions & { data: RenderData };

/** The helpers templates may use, built-in and custom ones alike. */
export function registerHelpers(hb: typeof Handlebars, md: MarkdownIt): void {
  const safe = (html: string) => new hb.SafeString(html);
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    [FIELD_HELPER]: lookupField,
    /**
     * Markdown as blocks (paragraphs, lists), abbreviations marked. Its headings go under the
     * template's heading of level `under` (`{{markdown summary under=2}}`), or without it
     * print as bold paragraphs (placeTextHeadings); in a bound part they move down too.
     */
    markdown: (text: unknown, options: HelperOptions) => safe(renderMarkdown(md, String(text ?? ''), options)),
    /** Markdown inside a line (a table cell, a list item): no paragraph around it. */
    markdownInline: (text: unknown, options: HelperOptions) =>
      safe(md.renderInline(String(text ?? '').replace(/\s*\n\s*/g, ' '), { marker: options.data.marker })),
    /** Plain text, escaped, with abbreviations marked. */
    text: (text: unknown, options: HelperOptions) => safe(options.data.marker.mark(String(text ?? ''))),
    /** One of the document's own headings or phrases, as the plan words it: `{{phrase "emphasesHeading" period=period}}`. */
    phrase: (key: unknown, options: HelperOptions) => safe(labelHelper(key, options)),
    /** The same as plain text, for an attribute: `data-label="{{phraseText "lead"}}"`. */
    phraseText: (key: unknown, options: HelperOptions) => labelTextHelper(key, options),
    /** The same as a printed page's generated content, `{page}` and `{pages}` its counters: `content: {{phraseCss "pageNumber"}}`. */
    phraseCss: (key: unknown, options: HelperOptions) => safe(labelCssHelper(key, options)),
    /** The abbreviations this document has used so far, for its glossary. */
    glossaryEntries: (options: HelperOptions) => options.data.marker.used(),
    /** A CSS string literal, for generated content such as the page header: nothing can close the <style>. */
    cssString: (text: unknown) => safe(cssString(String(text ?? ''))),
    /**
     * The top of each printed page, as a CSS string: the document's `runningHeader` where it
     * has one (a committee paper: committee, date, paper), else its short title.
     */
    runningHeader: (options: HelperOptions) => {
      const document = (options.data as { root?: { document?: { runningHeader?: unknown; shortTitle?: unknown } } }).root?.document;
      return safe(cssString(String(document?.runningHeader ?? document?.shortTitle ?? '')));
    },
    join: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
    eq: (a: unknown, b: unknown) => a === b,
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    /**
     * An id, or a reference to one, made of its arguments: `{{anchorId anchor "--title"}}`,
     * prefixed in a bound part. A part of an entity's element (its heading, a column) is
     * named after the entity's anchor with "--": a plan's ids are slugs, which never hold
     * "--", so objective `foo`'s heading can't be objective `foo-title`'s section.
     */
    anchorId: (...args: unknown[]) => {
      const options = args.pop() as HelperOptions;
      return (options.data.binding?.idPrefix ?? '') + args.map((arg) => String(arg ?? '')).join('');
    },
    /** A heading's level, `<h{{level 2}}>`: one lower in a bound part, under the document's title (h6 at most). */
    level: (level: unknown, options: HelperOptions) => {
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
        throw new TemplateError(`{{level ${JSON.stringify(level) ?? String(level)}}}: a heading's level is a number from 1 to 6, as in <h{{level 2}}>.`);
      }
      return Math.min(6, level + (options.data.binding?.headingOffset ?? 0));
    },
    /** The document's main content: its <main> on a page of its own; in a bound part a division, the whole having one <main>. */
    main: function (this: unknown, options: HelperOptions) {
      const binding = options.data.binding;
      const element = binding ? 'div' : 'main';
      return safe(`<${element} id="${escapeHtml(binding?.idPrefix ?? '')}main">\n${options.fn(this)}</${element}>\n`);
    },
  };
  hb.registerHelper(helpers);
}

export const HELPER_NAMES: ReadonlySet<string> = new Set([
  FIELD_HELPER,
  'markdown',
  'markdownInline',
  'text',
  'phrase',
  'phraseText',
  'phraseCss',
  'glossaryEntries',
  'cssString',
  'runningHeader',
  'join',
  'eq',
  'or',
  'anchorId',
  'level',
  'main',
]);

/** As md.render, with the headings of a plan's own text placed under the template's (placeTextHeadings). */
function renderMarkdown(md: MarkdownIt, text: string, options: HelperOptions): string {
  const env = { marker: options.data.marker };
  const tokens = md.parse(text, env);
  const under = options.hash?.under;
  if (under !== undefined && (typeof under !== 'number' || !Number.isInteger(under) || under < 1 || under > 6)) {
    throw new TemplateError(`{{markdown … under=${JSON.stringify(under) ?? String(under)}}}: under is the level, 1 to 6, of the heading that holds the text, as in {{markdown summary under=2}}.`);
  }
  placeTextHeadings(tokens, under, options.data.binding?.headingOffset ?? 0);
  return md.renderer.render(tokens, md.options, env);
}
