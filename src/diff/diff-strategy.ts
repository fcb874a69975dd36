import type { Plan, StrategyItem } from '../plan/model.js';
import type { Change } from './change.js';
import { compareFields, oneLine } from './compare-fields.js';
import { addedRecord, removedRecord } from './entity-records.js';
import { matchItems, type MatchKey } from './match-items.js';

const key = (item: StrategyItem): MatchKey => ({ id: item.id, text: item.title });

/** The medium-term strategy: its title and horizon, then its items, paired by id, then title. */
export function diffStrategy(oldPlan: Plan, newPlan: Plan): Change[] {
  const before = oldPlan.strategy;
  const after = newPlan.strategy;
  if (!before && !after) return [];
  if (!before) return [addedRecord('strategy', null, after!.title ?? `Strategy to ${after!.horizon}`, after!.pointer)];
  if (!after) return [removedRecord('strategy', null, before.title ?? `Strategy to ${before.horizon}`, before.pointer)];

  const changes = compareFields({ entity: 'strategy', id: null, label: after.title ?? `Strategy to ${after.horizon}`, oldPointer: before.pointer, newPointer: after.pointer }, [
    { field: 'title', before: before.title, after: after.title, text: true },
    { field: 'horizon', before: before.horizon, after: after.horizon },
  ]);
  const m = matchItems(before.items, after.items, key, key);
  const pairOfNew = new Map(m.pairs.map((p) => [p.new, p]));
  for (const item of after.items) {
    const pair = pairOfNew.get(item);
    if (!pair) {
      changes.push(addedRecord('strategy', item.id, oneLine(item.title), item.pointer));
      continue;
    }
    const ref = { entity: 'strategy' as const, id: item.id, label: oneLine(item.title), oldPointer: pair.old.pointer, newPointer: item.pointer, match: pair.match };
    changes.push(
      ...compareFields(ref, [
        { field: 'id', before: pair.old.id, after: item.id },
        { field: 'title', before: pair.old.title, after: item.title, text: true },
        { field: 'text', before: pair.old.text, after: item.text, text: true },
        { field: 'national', before: pair.old.national, after: item.national },
        // Targets without their pointers: a target that only moved down the list is the same target.
        { field: 'targets', before: pair.old.targets.map(({ pointer: _, ...t }) => t), after: item.targets.map(({ pointer: _, ...t }) => t) },
      ]),
    );
  }
  changes.push(...m.removed.map((item) => removedRecord('strategy', item.id, oneLine(item.title), item.pointer)));
  return changes;
}
