import type { Problem } from '../../problems/problem.js';
import type { Rule } from './rule.js';

/**
 * A MAP that plans nothing for a national objective was not of an acceptable standard for
 * the grant: each objective of a qp-map needs an action of its own, or a key action point
 * that names it.
 */
export const objectiveWithoutActions: Rule = {
  code: 'rule/objective-without-actions',
  check(plan) {
    if (plan.kind !== 'qp-map') return [];
    const named = new Set(plan.keyActions.flatMap((k) => k.objectives));
    const problems: Problem[] = [];
    for (const objective of plan.objectives) {
      if (objective.actions.length > 0 || named.has(objective.id)) continue;
      problems.push({
        severity: 'warning',
        code: 'rule/objective-without-actions',
        message: `Objective '${objective.id}' plans nothing: it has no actions, and no key action point names it. Add its actions, or add '${objective.id}' to the objectives of a key action point.`,
        pointer: `${objective.pointer}/id`,
      });
    }
    return problems;
  },
};
