import type { KeyAction, Plan } from '../plan/model.js';
import type { Change } from './change.js';
import { compareFields, oneLine } from './compare-fields.js';
import { addedRecord, removedRecord } from './entity-records.js';
import { matchItems, type MatchKey, type Matching } from './match-items.js';

const key = (k: KeyAction): MatchKey => ({ id: k.id, text: k.text });

/** The key action points, paired by id, then by their text. */
export function diffKeyActions(oldPlan: Plan, newPlan: Plan): { changes: Change[]; matching: Matching<KeyAction> } {
  const matching = matchItems(oldPlan.keyActions, newPlan.keyActions, key, key);
  const pairOfNew = new Map(matching.pairs.map((p) => [p.new, p]));
  const changes: Change[] = [];
  for (const k of newPlan.keyActions) {
    const pair = pairOfNew.get(k);
    if (!pair) {
      changes.push(addedRecord('keyAction', k.id ?? null, oneLine(k.text), k.pointer));
      continue;
    }
    const ref = { entity: 'keyAction' as const, id: k.id ?? pair.old.id ?? null, label: oneLine(k.text), oldPointer: pair.old.pointer, newPointer: k.pointer, match: pair.match };
    changes.push(
      ...compareFields(ref, [
        { field: 'id', before: pair.old.id, after: k.id },
        { field: 'text', before: pair.old.text, after: k.text, text: true, at: null },
        { field: 'objectives', before: pair.old.objectives, after: k.objectives },
      ]),
    );
  }
  changes.push(...matching.removed.map((k) => removedRecord('keyAction', k.id ?? null, oneLine(k.text), k.pointer)));
  return { changes, matching };
}
