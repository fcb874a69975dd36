import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { importDocument, type ImportOptions } from '../../src/import/import-document.js';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import type { Plan } from '../../src/plan/model.js';
import { ROOT } from '../helpers/run-mapc.js';

export const SEEDS = '/work/shared/seeds';
export const IOW_PLAN = 'plans/isle-of-wight-qp-map-2002-03.yaml';
export const DEVON_PLAN = 'plans/devon-children-and-families-2004-05.yaml';

/** Imports text, HTML or bytes; fails the test when the import fails. */
export async function importText(content: string | Uint8Array, name: string, options: ImportOptions = {}) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const outcome = await importDocument(bytes, name, options);
  if (!outcome.ok) throw new Error(`import failed: ${outcome.problem.message}`);
  return outcome;
}

/** The plan an import wrote, which must have no errors (warnings allowed). */
export function validPlan(yaml: string): Plan {
  const { plan, problems } = checkPlanSource(yaml);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!plan || errors.length > 0) throw new Error(`imported plan has errors: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}\n${yaml}`);
  return plan;
}

export function handPlan(path: string): Plan {
  return validPlan(readFileSync(join(ROOT, path), 'utf8'));
}

/**
 * How the achievements and actions of the hand-encoded plan were found in the import:
 * `missing` (removed: not found, or found in the other list), `moved` (in another
 * objective), `extra` (in the import only).
 */
export function itemsFound(hand: Plan, imported: Plan) {
  const changes = diffPlans(hand, imported).changes;
  const count = (entity: string, type: string) => changes.filter((c) => c.entity === entity && c.type === type).length;
  const total = (list: 'achievements' | 'actions') => hand.objectives.reduce((n, o) => n + o[list].length, 0);
  return {
    achievements: { of: total('achievements'), missing: count('achievement', 'removed'), moved: count('achievement', 'moved'), extra: count('achievement', 'added') },
    actions: { of: total('actions'), missing: count('action', 'removed'), moved: count('action', 'moved'), extra: count('action', 'added') },
    objectives: { of: hand.objectives.length, missing: count('objective', 'removed'), extra: count('objective', 'added') },
    keyActions: { of: hand.keyActions.length, missing: count('keyAction', 'removed'), extra: count('keyAction', 'added') },
    strategy: { of: hand.strategy?.items.length ?? 0, missing: count('strategy', 'removed'), extra: count('strategy', 'added') },
  };
}
