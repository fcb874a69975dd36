import type { Problem } from '../../problems/problem.js';
import { readDue, readPeriod } from '../period.js';
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
          message: `This action is due ${action.due}, before the plan period ${plan.period} starts (${period.range.start}); update the date, or mark it done or dropped.`,
          pointer: `${action.pointer}/due`,
        });
      }
    }
    return problems;
  },
};
