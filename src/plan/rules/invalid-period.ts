import type { Problem } from '../../problems/problem.js';
import { readPeriod } from '../period.js';
import type { Rule } from './rule.js';

/** The schema checks a period's shape; this checks it makes sense (2002-03, not 2002-05). */
export const invalidPeriod: Rule = {
  code: 'rule/invalid-period',
  check(plan) {
    const periods: [string, string | undefined][] = [
      ['/period', plan.period],
      ['/reviewPeriod', plan.reviewPeriod],
      ['/strategy/horizon', plan.strategy?.horizon],
    ];
    for (const indicator of plan.indicators) {
      periods.push([`${indicator.pointer}/period`, indicator.period]);
      periods.push([`${indicator.pointer}/target/period`, indicator.target?.period]);
      indicator.history.forEach((entry, i) => periods.push([`${indicator.pointer}/history/${i}/period`, entry.period]));
    }
    for (const target of plan.strategy?.items.flatMap((item) => item.targets) ?? []) {
      periods.push([`${target.pointer}/by`, target.by]);
    }
    for (const line of plan.funding) periods.push([`${line.pointer}/period`, line.period]);

    const problems: Problem[] = [];
    for (const [pointer, period] of periods) {
      if (period === undefined) continue;
      const reading = readPeriod(period);
      if (!reading.ok) {
        problems.push({
          severity: 'error',
          code: 'rule/invalid-period',
          message: `'${period}' is not a period: ${reading.reason}.`,
          pointer,
        });
      }
    }
    return problems;
  },
};
