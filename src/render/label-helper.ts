import type Handlebars from 'handlebars';
import { closestMatch } from '../problems/closest-match.js';
import { LABEL_DEFAULTS } from '../plan/generated/label-defaults.js';
import { cssContent } from './css-string.js';
import { keepYearRanges } from './keep-year-ranges.js';
import { labelText } from '../plan/labels.js';
import { labelHtml } from './label-html.js';
import { TemplateError } from './template-error.js';

/**
 * `{{phrase "key" name=value …}}`: the HTML of the label of the document being rendered (its root's
 * `labels`, or the defaults for a template rendered without them), escaped, with its
 * placeholders filled. A key that is not a label is the template's mistake, said with the
 * nearest key.
 */
export function labelHelper(key: unknown, options: Handlebars.HelperOptions): string {
  // A year range in a heading never breaks at its hyphen (see keep-year-ranges.ts).
  return keepYearRanges(labelHtml(labelOf(key, options), options.hash ?? {}));
}

/** `{{phraseText "key"}}`: the label as plain text, for an attribute (a phone's column name, data-label), escaped by Handlebars. */
export function labelTextHelper(key: unknown, options: Handlebars.HelperOptions): string {
  return labelText(labelOf(key, options), options.hash ?? {});
}

/** `{{phraseCss "pageNumber"}}`: the label as CSS generated content, for a printed page's margin (css-string.ts). */
export function labelCssHelper(key: unknown, options: Handlebars.HelperOptions): string {
  return cssContent(labelOf(key, options));
}

function labelOf(key: unknown, options: Handlebars.HelperOptions): string {
  const name = String(key);
  if (!Object.hasOwn(LABEL_DEFAULTS, name)) {
    const near = closestMatch(name, Object.keys(LABEL_DEFAULTS));
    throw new TemplateError(`{{phrase "${name}"}}: there is no such label${near ? `: did you mean '${near}'?` : '.'}`);
  }
  const labels = (options.data?.root as { labels?: Record<string, string> } | undefined)?.labels;
  return labels && Object.hasOwn(labels, name) ? labels[name]! : LABEL_DEFAULTS[name as keyof typeof LABEL_DEFAULTS];
}
