import { closestMatch } from '../../problems/closest-match.js';
import type { Problem } from '../../problems/problem.js';
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
          message: `'${code}' is not an objective of ${plan.framework.name}, whose codes are ${codes[0]} to ${codes[codes.length - 1]}.`,
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
