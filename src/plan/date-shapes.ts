const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date written in another common shape, converted to the format's: '31/03/2005',
 * '31.3.2005', '31-03-2005' (day first, as in England), '31 March 2005', '31st Mar 2005',
 * 'March 31, 2005'; 'March 2005' is a month, its last day where a day is wanted. Undefined
 * for anything else, or a day no calendar has.
 */
export function dateInFormat(written: string, { monthWillDo }: { monthWillDo: boolean }): string | undefined {
  const text = written.trim().toLowerCase();
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const dayMonth = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/.exec(text);
  if (dayMonth) return isoDate(Number(dayMonth[3]), monthNumber(dayMonth[2]!), Number(dayMonth[1]));
  const monthDay = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (monthDay) return isoDate(Number(monthDay[3]), monthNumber(monthDay[1]!), Number(monthDay[2]));
  const monthOnly = /^([a-z]+)\.?,? (\d{4})$/.exec(text);
  if (monthOnly) {
    const year = Number(monthOnly[2]);
    const month = monthNumber(monthOnly[1]!);
    if (month === undefined) return undefined;
    return monthWillDo ? `${year}-${pad(month)}` : isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
  }
  return undefined;
}

function monthNumber(name: string): number | undefined {
  const at = name.length >= 3 ? MONTHS.indexOf(name.slice(0, 3)) : -1;
  // 'Mar', 'March', 'Sept': a prefix of the month's full name only.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][at];
  return at >= 0 && (full!.startsWith(name) || name === 'sept') ? at + 1 : undefined;
}

function isoDate(year: number, month: number | undefined, day: number): string | undefined {
  if (month === undefined || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
