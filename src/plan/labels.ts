import { LABEL_DEFAULTS, type LabelKey } from './generated/label-defaults.js';

export type Labels = Record<LabelKey, string>;

/**
 * The wording of a document's own headings and phrases: the schema's defaults, then a
 * project's (mapc.yaml) labels, then the plan's, key by key. The schema has already
 * refused unknown keys and bounded each to 200 characters.
 */
export function labelsFor(planLabels: Record<string, string>, projectLabels: Record<string, string> = {}): Labels {
  const labels: Labels = { ...LABEL_DEFAULTS };
  for (const source of [projectLabels, planLabels]) {
    for (const [key, text] of Object.entries(source)) if (Object.hasOwn(LABEL_DEFAULTS, key)) labels[key as LabelKey] = text;
  }
  return labels;
}

/** A label as plain text, for a PDF's running header (written as a CSS string, cssString). */
export function labelText(text: string, values: Record<string, unknown>): string {
  return fillLabel(text, values, (piece) => piece);
}

/**
 * A label with each `{name}` replaced by the value given for it, every piece passed through
 * `escape` (render's labelHtml escapes for HTML). A value that is empty takes its
 * placeholder away with the brackets and the space before it ("What we have achieved
 * ({reviewPeriod})" without a review period reads "What we have achieved"). A placeholder
 * with no value given is printed as written, so that a mistyped one shows on the page. One
 * pass over at most 200 characters.
 */
export function fillLabel(text: string, values: Record<string, unknown>, escape: (text: string) => string): string {
  return text
    .replace(/ ?\(\{(\w+)\}\)| ?\{(\w+)\}|[^{ ]+|./g, (piece, bracketed: string | undefined, bare: string | undefined) => {
      const name = bracketed ?? bare;
      if (name === undefined || !Object.hasOwn(values, name)) return escape(piece);
      const value = values[name];
      if (value === null || value === undefined || value === '') return '';
      return escape(piece.replace(`{${name}}`, () => String(value)));
    })
    .trim();
}
