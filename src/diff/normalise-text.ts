/**
 * Text as the matcher compares it. Officers renumber items, fix capitals and punctuation,
 * and reword from year to year; none of that should turn an action into a removal and an
 * addition.
 */

/** Leading numbering: "1.", "2)", "(a)", "iv.", "3.2 ", "-". */
const NUMBERING = /^\s*(?:\(?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+|\d+(?:\.\d+)+\s+|\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)\s*|[-*•]\s+)/i;

/** Lower case, no numbering, no punctuation or markdown marks, single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(NUMBERING, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words that every sentence of a plan shares; counting them would make any two sentences look alike. */
const STOPWORDS = new Set(
  'a an and are as at be been by for from has have in into is it its of on or our so such that the their there these this those to was were which will with within we us all also more new'.split(' '),
);

/**
 * The words that carry meaning, each cut to a crude stem (a trailing s dropped, then the
 * first six letters) so that "consultation" and "consulting", "carer" and "carers", count
 * as the same word. Good enough to say two sentences are about the same thing; never shown.
 */
export function contentWords(text: string): string[] {
  const words = normaliseText(text).split(' ').filter((w) => w !== '');
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words).map((w) => (w.length > 3 ? w.replace(/s$/, '') : w).slice(0, 6));
}
