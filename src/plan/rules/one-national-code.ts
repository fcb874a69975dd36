import type { Problem } from '../../problems/problem.js';
import type { Rule } from './rule.js';

/** In a MAP each objective answers exactly one national objective: that is how the Department read them. */
export const oneNationalCode: Rule = {
  code: 'rule/one-national-code',
  check(plan) {
    if (plan.kind !== 'qp-map') return [];
    return plan.objectives
      .filter((objective) => objective.national.length !== 1)
      .map(
        (objective): Problem => ({
          severity: 'error',
          code: 'rule/one-national-code',
          message:
            objective.national.length === 0
              ? `Objective '${objective.id}' has no national code; in a qp-map each objective names exactly one, e.g. national: [QP1].`
              : `Objective '${objective.id}' names ${objective.national.length} national codes; in a qp-map each objective names exactly one.`,
          // Without a national key the locator stops at the objective itself, which is the right place.
          pointer: `${objective.pointer}/national`,
        }),
      );
  },
};
