import type { Problem } from '../../problems/problem.js';
import { formatDate } from '../format-date.js';
import { isCalendarDate, readDue } from '../period.js';
import type { Rule } from './rule.js';

/** The schema checks a date's shape; this checks the day exists (no 30 February). */
export const invalidDate: Rule = {
  code: 'rule/invalid-date',
  check(plan) {
    const dates: [string, string | undefined][] = [
      ['/dates/submitted', plan.dates.submitted],
      ['/dates/approved', plan.dates.approved],
      ['/dates/published', plan.dates.published],
      ['/report/date', plan.report?.date],
    ];
    const problems: Problem[] = dates
      .filter(([, date]) => date !== undefined && !isCalendarDate(date))
      .map(([pointer, date]) => notADay(pointer, date!));
    for (const action of plan.objectives.flatMap((o) => o.actions)) {
      if (action.due === undefined || !/^\d{4}-\d{2}(-\d{2})?$/.test(action.due)) continue;
      const reading = readDue(action.due);
      if (!reading.ok) problems.push(notADay(`${action.pointer}/due`, action.due));
    }
    return problems;
  },
};

function notADay(pointer: string, date: string): Problem {
  const month = Number(date.slice(5, 7));
  const message =
    month < 1 || month > 12
      ? `There is no month ${month} in '${date}'; dates are written year-month-day (YYYY-MM-DD).`
      : `'${date}' is not a day of the calendar: ${formatDate(date.slice(0, 7))} has no day ${Number(date.slice(8, 10))}.`;
  return { severity: 'error', code: 'rule/invalid-date', message, pointer };
}
