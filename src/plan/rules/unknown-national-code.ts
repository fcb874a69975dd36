import { closestMatch } from '../../problems/closest-match.js';
import type { Problem } from '../../problems/problem.js';
import { FRAMEWORKS, type FrameworkId } from '../frameworks.js';
import type { Rule } from './rule.js';

/** A `national` code names an objective of the plan's framework (QP1-QP11 or ECM1-ECM5). */
export const unknownNationalCode: Rule = {
  code: 'rule/unknown-national-code',
  check(plan) {
    const codes = plan.framework.objectives.map((o) => o.code);
    const lists = [...plan.objectives, ...(plan.strategy?.items ?? [])];
    const problems: Problem[] = [];
    for (const item of lists) {
      item.national.forEach((code, i) => {
        if (codes.includes(code)) return;
        const problem: Problem = {
          severity: 'error',
          code: 'rule/unknown-national-code',
          message: `'${code}' is not an objective of ${plan.framework.name}, whose codes are ${codes[0]} to ${codes[codes.length - 1]}.${otherFramework(code, plan.framework.id)}`,
          pointer: `${item.pointer}/national/${i}`,
        };
        const suggestion = closestMatch(code, codes);
        if (suggestion) problem.suggestion = suggestion;
        problems.push(problem);
      });
    }
    return problems;
  },
};

/** A code from the other framework usually means the plan's `framework` is not set as meant. */
function otherFramework(code: string, current: FrameworkId): string {
  const other = Object.values(FRAMEWORKS).find((f) => f.id !== current && f.objectives.some((o) => o.code === code));
  return other ? ` It is an objective of ${other.name}: if this plan follows it, set framework: ${other.id}.` : '';
}
