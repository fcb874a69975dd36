/** Everything but letters, digits and a few harmless marks is written as a CSS escape: no character of the text can end the string. */
export function cssString(text: string): string {
  const escaped = [...text].map((c) => (/^[\p{L}\p{N} ,.\-:;()’–]$/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `)).join('');
  return `"${escaped}"`;
}

/**
 * A label as the value of a printed page's generated content (`content: …` in @page):
 * its text as CSS strings, each `{page}` and `{pages}` the page counters ("Page {page} of
 * {pages}" → `"Page " counter(page) " of " counter(pages)`). Any other word in braces is
 * printed as written, so that a mistyped one shows on the page.
 */
export function cssContent(text: string): string {
  const pieces = text.split(/\{(pages?)\}/);
  const values = pieces.map((piece, i) => (i % 2 === 1 ? `counter(${piece})` : piece === '' ? '' : cssString(piece)));
  return values.filter((value) => value !== '').join(' ') || '""';
}
