import type Handlebars from 'handlebars';
import type MarkdownIt from 'markdown-it';
import type { AbbreviationMarker } from './abbreviation-marker.js';
import { FIELD_HELPER, lookupField } from './guard-field-lookups.js';

/** What every render passes to helpers through Handlebars' @data. */
export interface RenderData {
  marker: AbbreviationMarker;
}

type HelperOptions = Handlebars.HelperOptions & { data: RenderData };

/** The helpers templates may use, built-in and custom ones alike. */
export function registerHelpers(hb: typeof Handlebars, md: MarkdownIt): void {
  const safe = (html: string) => new hb.SafeString(html);
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    [FIELD_HELPER]: lookupField,
    /** Markdown as blocks (paragraphs, lists), abbreviations marked. */
    markdown: (text: unknown, options: HelperOptions) => safe(md.render(String(text ?? ''), { marker: options.data.marker })),
    /** Markdown inside a line (a table cell, a list item): no paragraph around it. */
    markdownInline: (text: unknown, options: HelperOptions) =>
      safe(md.renderInline(String(text ?? '').replace(/\s*\n\s*/g, ' '), { marker: options.data.marker })),
    /** Plain text, escaped, with abbreviations marked. */
    text: (text: unknown, options: HelperOptions) => safe(options.data.marker.mark(String(text ?? ''))),
    /** The abbreviations this document has used so far, for its glossary. */
    glossaryEntries: (options: HelperOptions) => options.data.marker.used(),
    /** A CSS string literal, for generated content such as the page header: nothing can close the <style>. */
    cssString: (text: unknown) => safe(cssString(String(text ?? ''))),
    join: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
    eq: (a: unknown, b: unknown) => a === b,
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  };
  hb.registerHelper(helpers);
}

export const HELPER_NAMES: ReadonlySet<string> = new Set([FIELD_HELPER, 'markdown', 'markdownInline', 'text', 'glossaryEntries', 'cssString', 'join', 'eq', 'or']);

/** Everything but letters, digits and a few harmless marks is written as a CSS escape: no character of the text can end the string. */
function cssString(text: string): string {
  const escaped = [...text].map((c) => (/^[\p{L}\p{N} ,.\-:;()'’–]$/u.test(c) && c !== "'" ? c : `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `)).join('');
  return `"${escaped}"`;
}
