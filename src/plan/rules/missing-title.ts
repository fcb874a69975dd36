import type { Rule } from './rule.js';

/** An objective without a title takes its national objective's wording, which needs exactly one code. */
export const missingTitle: Rule = {
  code: 'rule/missing-title',
  check(plan) {
    return plan.objectives
      .filter((objective) => objective.titleSource === 'id' && objective.national.length !== 1)
      .map((objective) => ({
        severity: 'error' as const,
        code: 'rule/missing-title',
        message: `Objective '${objective.id}' needs a title: only an objective with exactly one national code can take its title from the national wording.`,
        pointer: objective.pointer,
      }));
  },
};
