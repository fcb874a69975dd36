import type { Rule } from './rule.js';

/** A MAP that skips a national objective was not of an acceptable standard for the grant. */
export const frameworkCoverage: Rule = {
  code: 'rule/framework-coverage',
  check(plan) {
    if (plan.kind !== 'qp-map') return [];
    const covered = new Set(plan.objectives.flatMap((o) => o.national));
    const missing = plan.framework.objectives.filter((o) => !covered.has(o.code)).map((o) => o.code);
    if (missing.length === 0) return [];
    return [
      {
        severity: 'warning',
        code: 'rule/framework-coverage',
        message: `No objective addresses ${missing.join(', ')} of ${plan.framework.name}; a MAP should cover every national objective. Add an objective with national: [${missing[0]}].`,
        pointer: '/objectives',
        atKey: true,
      },
    ];
  },
};
