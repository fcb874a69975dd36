/**
 * Periods and dates as the plan format writes them. A period is a UK financial year
 * (2002-03: April 2002 to March 2003), a span of calendar years (2001-2004) or one year
 * (2008). Days are compared as ISO strings, which sort as dates do.
 */
export interface DayRange {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

export type PeriodReading = { ok: true; range: DayRange } | { ok: false; reason: string };

export function readPeriod(period: string | number): PeriodReading {
  const text = String(period);
  const financial = /^(\d{4})-(\d{2})$/.exec(text);
  if (financial) {
    const first = Number(financial[1]);
    if ((first + 1) % 100 !== Number(financial[2])) {
      return { ok: false, reason: `a financial year's second part is the year after the first: ${first}-${pad((first + 1) % 100)}` };
    }
    return { ok: true, range: { start: `${first}-04-01`, end: `${first + 1}-03-31` } };
  }
  const span = /^(\d{4})-(\d{4})$/.exec(text);
  if (span) {
    if (Number(span[2]) <= Number(span[1])) return { ok: false, reason: 'a span of years ends after it starts' };
    return { ok: true, range: { start: `${span[1]}-01-01`, end: `${span[2]}-12-31` } };
  }
  if (/^\d{4}$/.test(text)) return { ok: true, range: { start: `${text}-01-01`, end: `${text}-12-31` } };
  return { ok: false, reason: 'not a period' };
}

/** A due date: a day, a month or a period, as the range of days it covers. */
export function readDue(due: string | number): PeriodReading {
  const text = String(due);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return isCalendarDate(text) ? { ok: true, range: { start: text, end: text } } : { ok: false, reason: 'no such day' };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  // 2003-04 is both a month and a financial year; for a due date the month reading is the natural one.
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    return { ok: true, range: { start: `${text}-01`, end: `${text}-${pad(daysInMonth(year, m))}` } };
  }
  return readPeriod(due);
}

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
