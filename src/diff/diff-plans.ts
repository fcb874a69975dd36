import type { Plan } from '../plan/model.js';
import type { PlanDiff } from './change.js';
import { diffFunding } from './diff-funding.js';
import { diffIndicators } from './diff-indicators.js';
import { diffKeyActions } from './diff-key-actions.js';
import { diffObjectives } from './diff-objectives.js';
import { diffPlanFields } from './diff-plan-fields.js';
import { diffReport } from './diff-report.js';
import { diffStrategy } from './diff-strategy.js';
import { followThrough } from './follow-through.js';
import { summarise } from './summarise.js';

/**
 * Compares two plans, usually one plan in consecutive years: every change, in the order
 * of the new plan (plan, key action points, objectives with their achievements and
 * actions, indicators, strategy, funding, covering paper), and what became of each of
 * the old plan's actions. A pure function of the two plans.
 */
export function diffPlans(oldPlan: Plan, newPlan: Plan): PlanDiff {
  const keyActions = diffKeyActions(oldPlan, newPlan);
  const objectives = diffObjectives(oldPlan, newPlan);
  const changes = [
    ...diffPlanFields(oldPlan, newPlan),
    ...keyActions.changes,
    ...objectives.changes,
    ...diffIndicators(oldPlan, newPlan),
    ...diffStrategy(oldPlan, newPlan),
    ...diffFunding(oldPlan, newPlan),
    ...diffReport(oldPlan, newPlan),
  ];
  const followed = followThrough(oldPlan, newPlan, objectives, keyActions.matching);
  return {
    old: { id: oldPlan.id, period: oldPlan.period, title: oldPlan.title },
    new: { id: newPlan.id, period: newPlan.period, title: newPlan.title },
    changes,
    followThrough: followed.actions,
    keyActionFollowThrough: followed.keyActions,
    summary: summarise(changes, [...followed.actions, ...followed.keyActions]),
  };
}
