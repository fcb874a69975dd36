import type { Problem } from '../../problems/problem.js';
import type { Located, Plan } from '../model.js';
import type { Rule } from './rule.js';

/** Ids are unique within their kind: `diff` and every reference rely on it. */
export const duplicateId: Rule = {
  code: 'rule/duplicate-id',
  check(plan) {
    const kinds: [string, (Located & { id?: string })[]][] = [
      ['objective', plan.objectives],
      ['action', plan.objectives.flatMap((o) => o.actions)],
      ['achievement', plan.objectives.flatMap((o) => o.achievements)],
      ['key action', plan.keyActions],
      ['indicator', plan.indicators],
      ['strategy item', plan.strategy?.items ?? []],
    ];
    return kinds.flatMap(([kind, items]) => duplicatesOf(kind, items));
  },
};

function duplicatesOf(kind: string, items: (Located & { id?: string })[]): Problem[] {
  const firstAt = new Map<string, string>();
  const problems: Problem[] = [];
  for (const item of items) {
    if (item.id === undefined) continue;
    const first = firstAt.get(item.id);
    if (first === undefined) {
      firstAt.set(item.id, item.pointer);
      continue;
    }
    problems.push({
      severity: 'error',
      code: 'rule/duplicate-id',
      message: `The ${kind} id '${item.id}' is already used by the ${kind} on {related}; give each ${kind} its own id.`,
      pointer: `${item.pointer}/id`,
      related: `${first}/id`,
    });
  }
  return problems;
}
