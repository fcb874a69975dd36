import type { Problem } from '../../problems/problem.js';
import { formatDate } from '../format-date.js';
import { readPeriod, type DayRange } from '../period.js';
import type { Rule } from './rule.js';

/**
 * The covering report is the one for this plan's year: it has a meeting date (rollover
 * leaves it out, for the officer to set), not one before the plan period starts, and
 * its title does not name another period. Each is what last year's paper, kept as a
 * start, would still say.
 */
export const reportPeriod: Rule = {
  code: 'rule/report-period',
  check(plan) {
    const period = readPeriod(plan.period);
    if (!plan.report || !period.ok) return [];
    const problems: Problem[] = [];
    const warn = (pointer: string, message: string, atKey = false): void => {
      problems.push({ severity: 'warning', code: 'rule/report-period', message, pointer, ...(atKey ? { atKey } : {}) });
    };
    const { date, title } = plan.report;
    if (date === undefined) {
      warn('/report', `The covering report has no date: add the date of the meeting it goes to, as date: under report.`, true);
    } else if (date < period.range.start) {
      warn('/report/date', `The covering report is dated ${formatDate(date)}, before the plan period ${plan.period} starts (${formatDate(period.range.start)}): set the date of the meeting that will consider this plan.`);
    }
    const other = periodsNamed(title);
    if (other.length > 0 && !other.some((named) => overlaps(named.range, period.range))) {
      // A report without a title of its own takes the plan's, and the fix goes there (a
      // report that repeats the plan's title has it stale in both places, /title among them).
      const pointer = title === plan.title ? '/title' : '/report/title';
      warn(pointer, `The covering report is titled for ${other[0]!.text}, not for the plan period ${plan.period}: retitle it for ${plan.period}.`);
    }
    return problems;
  },
};

/** Financial years (2003-04, 2003/2004) and spans (2004-2008) a text names, each with its days. */
function periodsNamed(text: string): { text: string; range: DayRange }[] {
  const found: { text: string; range: DayRange }[] = [];
  for (const match of text.matchAll(/(?<!\d)(\d{4})\s*[-/–]\s*(\d{4}|\d{2})(?!\d)/g)) {
    const first = Number(match[1]);
    let last = match[2]!.length === 4 ? Number(match[2]) : Math.floor(first / 100) * 100 + Number(match[2]);
    if (match[2]!.length === 2 && last <= first) last += 100;
    // Two consecutive years are a financial year, as councils write them; more are a span.
    const period = last === first + 1 ? `${first}-${String(last % 100).padStart(2, '0')}` : `${first}-${last}`;
    const reading = readPeriod(period);
    if (reading.ok) found.push({ text: match[0], range: reading.range });
  }
  return found;
}

function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && a.end >= b.start;
}
