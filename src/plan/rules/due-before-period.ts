import type { Problem } from '../../problems/problem.js';
import { readDue, readPeriod } from '../period.js';
import { formatDate as formatDay } from '../format-date.js';
import type { Rule } from './rule.js';

/** An action due before the plan's period starts was probably copied forward and not updated. */
export const dueBeforePeriod: Rule = {
  code: 'rule/due-before-period',
  check(plan) {
    const period = readPeriod(plan.period);
    if (!period.ok) return [];
    const problems: Problem[] = [];
    for (const action of plan.objectives.flatMap((o) => o.actions)) {
      if (action.due === undefined || action.status === 'done' || action.status === 'dropped') continue;
      const due = readDue(action.due);
      if (due.ok && due.range.end < period.range.start) {
        problems.push({
          severity: 'warning',
          code: 'rule/due-before-period',
          message: `This action is due ${describeDue(action.due)}, before the plan period ${plan.period} starts (${formatDay(period.range.start)}); update the date, or mark it done or dropped.${financialYearHint(action.due)}`,
          pointer: `${action.pointer}/due`,
        });
      }
    }
    return problems;
  },
};

/** "2002-03" is read as March 2002, which is worth saying: it also looks like a financial year. */
function describeDue(due: string): string {
  return /^\d{4}-\d{2}$/.test(due) ? `${due} (read as ${formatDay(due)})` : due;
}

function financialYearHint(due: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(due);
  if (!month || (Number(month[1]) + 1) % 100 !== Number(month[2])) return '';
  return ` If you meant the financial year ${due}, write its last day, ${Number(month[1]) + 1}-03-31.`;
}
