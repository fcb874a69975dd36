import type { Problem } from '../../problems/problem.js';
import type { Rule } from './rule.js';

/**
 * Rollover copies each indicator's figure into its history and leaves it as the current
 * figure until the officer enters the new one. A figure whose period and value are both
 * already in the history is that copy: published, it would show last year's figure as
 * this year's.
 */
export const staleFigure: Rule = {
  code: 'rule/stale-figure',
  check(plan) {
    const problems: Problem[] = [];
    for (const indicator of plan.indicators) {
      if (indicator.period === undefined) continue;
      const carried = indicator.history.some((entry) => entry.period === indicator.period && entry.value === indicator.value);
      if (!carried) continue;
      problems.push({
        severity: 'warning',
        code: 'rule/stale-figure',
        message: `Indicator '${indicator.id}' still shows its ${indicator.period} figure (${indicator.value}), which is already in its history: enter the newer figure and its period.`,
        pointer: `${indicator.pointer}/value`,
      });
    }
    return problems;
  },
};
