import type { Rule } from './rule.js';

/** An objective without a title takes its national objective's wording, which needs exactly one code. */
export const missingTitle: Rule = {
  code: 'rule/missing-title',
  check(plan) {
    return plan.objectives
      // A qp-map objective with no national code is reported once, by rule/one-national-code.
      .filter((objective) => objective.titleSource === 'id' && objective.national.length !== 1)
      .filter((objective) => !(plan.kind === 'qp-map' && objective.national.length === 0))
      .map((objective) => ({
        severity: 'error' as const,
        code: 'rule/missing-title',
        message: `Objective '${objective.id}' needs a title: only an objective with exactly one national code can take its title from the national wording.`,
        pointer: objective.pointer,
      }));
  },
};
