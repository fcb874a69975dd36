import type { Achievement, Action, Objective, Plan } from '../plan/model.js';
import type { Change, EntityKind, MatchInfo } from './change.js';
import { oneLine } from './compare-fields.js';
import { achievementChanges, actionChanges, addedRecord, objectiveChanges, objectiveLabel, removedRecord } from './entity-records.js';
import { matchItems, type MatchKey, type Pair } from './match-items.js';

export interface ObjectivesDiff {
  changes: Change[];
  /** Each old action paired with its successor, in its own objective or moved to another. */
  actionPairs: Map<Action, Pair<Action>>;
  /** New achievements paired with no old one: what last year's actions may have turned into. */
  addedAchievements: Achievement[];
  /** New actions paired with no old one. */
  addedActions: Action[];
}

type Item = Action | Achievement;
interface Placed<T extends Item> {
  item: T;
  objective: Objective;
}

const itemKey = (item: Item): MatchKey => ({ id: item.id, text: item.text });
const placedKey = <T extends Item>(p: Placed<T>): MatchKey => itemKey(p.item);

/**
 * Objectives, and their achievements and actions. Objectives are paired first (by id,
 * then by national objective, then by title); then the items of each pair of objectives;
 * then what is left over on both sides is paired again across objectives, to catch an
 * item that moved to another objective.
 */
export function diffObjectives(oldPlan: Plan, newPlan: Plan): ObjectivesDiff {
  const objectiveKey = (o: Objective): MatchKey => ({ id: o.id, code: o.national.length > 0 ? o.national.join(' ') : undefined, text: o.title });
  const objectives = matchItems(oldPlan.objectives, newPlan.objectives, objectiveKey, objectiveKey);

  const actions = diffItems(oldPlan, newPlan, objectives.pairs, (o) => o.actions);
  const achievements = diffItems(oldPlan, newPlan, objectives.pairs, (o) => o.achievements);

  const changes: Change[] = [];
  for (const objective of newPlan.objectives) {
    const pair = objectives.pairs.find((p) => p.new === objective);
    if (pair) changes.push(...objectiveChanges(pair.old, objective, pair.match));
    else changes.push(addedRecord('objective', objective.id, objectiveLabel(objective), objective.pointer));
    changes.push(...achievements.recordsFor(objective, 'achievement', achievementChanges));
    changes.push(...actions.recordsFor(objective, 'action', actionChanges));
  }
  for (const objective of objectives.removed) {
    changes.push(removedRecord('objective', objective.id, objectiveLabel(objective), objective.pointer));
    changes.push(...achievements.removedFrom(objective, 'achievement'), ...actions.removedFrom(objective, 'action'));
  }
  return {
    changes,
    actionPairs: new Map(actions.pairs.map((p) => [p.old.item, { old: p.old.item, new: p.new.item, match: p.match }])),
    addedAchievements: achievements.added.map((p) => p.item),
    addedActions: actions.added.map((p) => p.item),
  };
}

type FieldChanges<T extends Item> = (before: T, after: T, objective: string, match: MatchInfo) => Change[];

function diffItems<T extends Item>(oldPlan: Plan, newPlan: Plan, objectivePairs: Pair<Objective>[], itemsOf: (o: Objective) => T[]) {
  const place = (objective: Objective) => itemsOf(objective).map((item): Placed<T> => ({ item, objective }));
  const idsOf = (plan: Plan) => new Set(plan.objectives.flatMap((o) => itemsOf(o).flatMap((i) => (i.id === undefined ? [] : [i.id]))));
  const options = { oldIdsElsewhere: idsOf(oldPlan), newIdsElsewhere: idsOf(newPlan) };

  const pairs: (Pair<Placed<T>> & { moved: boolean })[] = [];
  const oldLeft: Placed<T>[] = [];
  const newLeft: Placed<T>[] = [];
  const paired = new Set<Objective>();
  for (const p of objectivePairs) {
    paired.add(p.old).add(p.new);
    const m = matchItems(place(p.old), place(p.new), placedKey, placedKey, options);
    pairs.push(...m.pairs.map((pair) => ({ ...pair, moved: false })));
    oldLeft.push(...m.removed);
    newLeft.push(...m.added);
  }
  oldLeft.push(...oldPlan.objectives.filter((o) => !paired.has(o)).flatMap(place));
  newLeft.push(...newPlan.objectives.filter((o) => !paired.has(o)).flatMap(place));

  // Second pass, across objectives: what one objective lost and another gained.
  const across = matchItems(oldLeft, newLeft, placedKey, placedKey);
  const partnerOf = new Map(objectivePairs.map((p) => [p.old, p.new]));
  pairs.push(...across.pairs.map((pair) => ({ ...pair, moved: partnerOf.get(pair.old.objective) !== pair.new.objective })));
  const removed = across.removed;
  const added = across.added;
  const pairOfNew = new Map(pairs.map((p) => [p.new.item, p]));

  return {
    pairs,
    added,
    /** The records of the items now in `objective`: changed, moved in, added, and removed from its predecessor. */
    recordsFor(objective: Objective, entity: EntityKind, fieldChanges: FieldChanges<T>): Change[] {
      const out: Change[] = [];
      for (const item of itemsOf(objective)) {
        const pair = pairOfNew.get(item);
        if (!pair) {
          out.push(addedRecord(entity, item.id ?? null, oneLine(item.text), item.pointer, objective.id));
          continue;
        }
        if (pair.moved) {
          out.push({
            type: 'moved',
            entity,
            id: item.id ?? pair.old.item.id ?? null,
            field: 'objective',
            before: pair.old.objective.id,
            after: objective.id,
            oldPointer: pair.old.item.pointer,
            newPointer: item.pointer,
            label: oneLine(item.text),
            objective: objective.id,
            match: pair.match,
          });
        }
        out.push(...fieldChanges(pair.old.item, item, objective.id, pair.match));
      }
      const predecessor = objectivePairs.find((p) => p.new === objective)?.old;
      if (predecessor) out.push(...this.removedFrom(predecessor, entity));
      return out;
    },
    removedFrom(objective: Objective, entity: EntityKind): Change[] {
      return removed.filter((p) => p.objective === objective).map((p) => removedRecord(entity, p.item.id ?? null, oneLine(p.item.text), p.item.pointer, objective.id));
    },
  };
}
