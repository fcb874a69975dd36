import type { Problem } from '../../problems/problem.js';
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
  return {
    severity: 'error',
    code: 'rule/invalid-date',
    message: `'${date}' is not a day of the calendar; check the month and the day (YYYY-MM-DD).`,
    pointer,
  };
}
