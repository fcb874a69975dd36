import type { Change, EntityKind, MatchInfo } from './change.js';
import { diffText } from './word-diff.js';

/** An old entity and the new one it was paired with, as the change records name them. */
export interface PairRef {
  entity: EntityKind;
  id: string | null;
  label: string;
  oldPointer: string;
  newPointer: string;
  objective?: string;
  match?: MatchInfo;
}

export interface FieldValues {
  field: string;
  before: unknown;
  after: unknown;
  /** Prose: compared word by word. */
  text?: boolean;
  /**
   * Where the field sits below the entity's pointer (default: the field's own name). The
   * text of an item written as a plain string has no key of its own, so it points at the item.
   */
  at?: string | null;
}

/**
 * A value the file may not have written: absent, or an empty list the model gives for an
 * absent key (indicators: []). A pointer then names the entity, which is in the file.
 */
function unwritten(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

/** A `changed` record for each field that differs; absent values are null, as JSON has them. */
export function compareFields(ref: PairRef, fields: readonly FieldValues[]): Change[] {
  const changes: Change[] = [];
  for (const f of fields) {
    const before = f.before ?? null;
    const after = f.after ?? null;
    if (sameValue(before, after)) continue;
    const at = f.at === null ? '' : `/${f.at ?? f.field.replace(/\./g, '/')}`;
    changes.push({
      type: 'changed',
      entity: ref.entity,
      id: ref.id,
      field: f.field,
      before,
      after,
      oldPointer: unwritten(before) ? ref.oldPointer : ref.oldPointer + at,
      newPointer: unwritten(after) ? ref.newPointer : ref.newPointer + at,
      label: ref.label,
      ...(ref.objective === undefined ? {} : { objective: ref.objective }),
      ...(ref.match === undefined ? {} : { match: ref.match }),
      ...(f.text && typeof before === 'string' && typeof after === 'string' ? { words: diffText(before, after) } : {}),
    });
  }
  return changes;
}

/**
 * Values as the plan means them: numbers and strings compared exactly, lists and mappings
 * by content. Text that differs only in where the lines were folded is the same text.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b || unfold(a) === unfold(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Text as it reads: paragraph breaks kept, every other run of spaces and line breaks one space. */
function unfold(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' '))
    .join('\n\n');
}

/** One line of a possibly long, folded text, for labels. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
