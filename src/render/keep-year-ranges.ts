/**
 * Year ranges in escaped text ("2002-03", "2001-2004") wrapped so that a line never breaks
 * at their hyphen: a printed title that ends "… Action Plan 2002-" with "2003" on the next
 * line reads as a mistake. A span keeps the text as written (copied or searched, it is
 * still "2002-03"), where a no-break hyphen would not.
 */
const YEAR_RANGE = /\b(?:1[89]|20)\d\d-(?:\d\d|(?:1[89]|20)\d\d)\b/g;

export function keepYearRanges(escapedText: string): string {
  return escapedText.replace(YEAR_RANGE, (range) => `<span class="nowrap">${range}</span>`);
}
