import type { Achievement, Action, Objective } from '../plan/model.js';
import type { Change, EntityKind, MatchInfo } from './change.js';
import { compareFields, oneLine, type PairRef } from './compare-fields.js';

/**
 * The records of one kind of entity: added, removed, and the field changes of a pair.
 * Kept apart from the matching so that each entity's fields are listed in one place.
 */

export function addedRecord(entity: EntityKind, id: string | null, label: string, newPointer: string, objective?: string): Change {
  return { type: 'added', entity, id, newPointer, label, ...(objective === undefined ? {} : { objective }) };
}

export function removedRecord(entity: EntityKind, id: string | null, label: string, oldPointer: string, objective?: string): Change {
  return { type: 'removed', entity, id, oldPointer, label, ...(objective === undefined ? {} : { objective }) };
}

export function objectiveLabel(o: Objective): string {
  return `Objective ${o.number}: ${oneLine(o.title)}`;
}

export function objectiveChanges(before: Objective, after: Objective, match: MatchInfo): Change[] {
  const ref: PairRef = { entity: 'objective', id: after.id, label: objectiveLabel(after), oldPointer: before.pointer, newPointer: after.pointer, match };
  return compareFields(ref, [
    { field: 'id', before: before.id, after: after.id },
    { field: 'number', before: before.number, after: after.number },
    { field: 'title', before: before.title, after: after.title, text: true },
    { field: 'national', before: before.national, after: after.national },
    { field: 'summary', before: before.summary, after: after.summary, text: true },
    { field: 'indicators', before: before.indicators, after: after.indicators },
  ]);
}

export function actionChanges(before: Action, after: Action, objective: string, match: MatchInfo): Change[] {
  const ref = itemRef('action', before, after, objective, match);
  return compareFields(ref, [
    { field: 'id', before: before.id, after: after.id },
    { field: 'text', before: before.text, after: after.text, text: true, at: null },
    { field: 'lead', before: before.lead, after: after.lead },
    { field: 'partners', before: before.partners, after: after.partners },
    { field: 'due', before: before.due, after: after.due },
    { field: 'status', before: before.status, after: after.status },
    { field: 'cost', before: before.cost, after: after.cost },
    { field: 'indicators', before: before.indicators, after: after.indicators },
  ]);
}

export function achievementChanges(before: Achievement, after: Achievement, objective: string, match: MatchInfo): Change[] {
  const ref = itemRef('achievement', before, after, objective, match);
  return compareFields(ref, [
    { field: 'id', before: before.id, after: after.id },
    { field: 'text', before: before.text, after: after.text, text: true, at: null },
    { field: 'indicators', before: before.indicators, after: after.indicators },
  ]);
}

function itemRef(entity: EntityKind, before: Action | Achievement, after: Action | Achievement, objective: string, match: MatchInfo): PairRef {
  return { entity, id: after.id ?? before.id ?? null, label: oneLine(after.text), oldPointer: before.pointer, newPointer: after.pointer, objective, match };
}
