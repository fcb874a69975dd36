import { closestMatch } from '../../problems/closest-match.js';
import type { Problem } from '../../problems/problem.js';
import type { Plan } from '../model.js';
import type { Rule } from './rule.js';

/** Every id a plan refers to exists in it, or the rendered plan would have holes. */
export const unknownReference: Rule = {
  code: 'rule/unknown-reference',
  check(plan) {
    const indicatorIds = plan.indicators.map((i) => i.id);
    const objectiveIds = plan.objectives.map((o) => o.id);
    const problems: Problem[] = [];
    const check = (ids: readonly string[], listPointer: string, kind: string, known: string[]) => {
      ids.forEach((id, i) => {
        if (known.includes(id)) return;
        problems.push(missing(id, `${listPointer}/${i}`, kind, known));
      });
    };
    for (const objective of plan.objectives) {
      check(objective.indicators, `${objective.pointer}/indicators`, 'indicator', indicatorIds);
      for (const item of [...objective.achievements, ...objective.actions]) {
        check(item.indicators, `${item.pointer}/indicators`, 'indicator', indicatorIds);
      }
    }
    for (const keyAction of plan.keyActions) {
      check(keyAction.objectives, `${keyAction.pointer}/objectives`, 'objective', objectiveIds);
    }
    for (const line of plan.funding) {
      if (line.objective !== undefined && !objectiveIds.includes(line.objective)) {
        problems.push(missing(line.objective, `${line.pointer}/objective`, 'objective', objectiveIds));
      }
    }
    for (const target of plan.strategy?.items.flatMap((item) => item.targets) ?? []) {
      if (target.indicator !== undefined && !indicatorIds.includes(target.indicator)) {
        problems.push(missing(target.indicator, `${target.pointer}/indicator`, 'indicator', indicatorIds));
      }
    }
    return problems;
  },
};

function missing(id: string, pointer: string, kind: string, known: string[]): Problem {
  const suggestion = closestMatch(id, known);
  const problem: Problem = {
    severity: 'error',
    code: 'rule/unknown-reference',
    message:
      known.length === 0
        ? `There is no ${kind} '${id}': this plan has no ${kind}s yet.`
        : `There is no ${kind} with the id '${id}' in this plan.`,
    pointer,
  };
  if (suggestion) problem.suggestion = suggestion;
  return problem;
}
