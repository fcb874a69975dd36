import type { Problem } from '../../problems/problem.js';
import { readPeriod } from '../period.js';
import type { Rule } from './rule.js';

/** A target is for the future of the figure it sets: one dated before the value's own period is a slip. */
export const targetBeforeValue: Rule = {
  code: 'rule/target-before-value',
  check(plan) {
    const problems: Problem[] = [];
    for (const indicator of plan.indicators) {
      if (indicator.period === undefined || indicator.target?.period === undefined) continue;
      const value = readPeriod(indicator.period);
      const target = readPeriod(indicator.target.period);
      if (value.ok && target.ok && target.range.end < value.range.start) {
        problems.push({
          severity: 'warning',
          code: 'rule/target-before-value',
          message: `Indicator '${indicator.id}' has a target for ${indicator.target.period}, before the period of its value (${indicator.period}).`,
          pointer: `${indicator.pointer}/target/period`,
        });
      }
    }
    return problems;
  },
};
