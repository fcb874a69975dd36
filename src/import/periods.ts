const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The periods a document names, in the plan format's words: "2002-2003", "2002/2003" and
 * "2004/05" are the financial year `2002-03`; "2001- 2004" a span `2001-2004`.
 */
export function periodIn(text: string): string | undefined {
  const match = /\b((?:19|20)\d\d)\s*[-–/]\s*(\d{2}|(?:19|20)\d\d)\b/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(match[2]) : Number(match[2]);
  if (end === start + 1) return `${start}-${String(end % 100).padStart(2, '0')}`;
  if (end > start + 1 && end - start <= 10) return `${start}-${end}`;
  return undefined;
}

/** "30 APRIL 2002", "30th April 2002", "2002-04-30" as `2002-04-30`. */
export function dateIn(text: string): string | undefined {
  const iso = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  if (iso) return iso[0];
  const match = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+((?:19|20)\d\d)\b/.exec(text);
  const month = match ? MONTHS.indexOf(match[2]!.toLowerCase()) : -1;
  if (!match || month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}
