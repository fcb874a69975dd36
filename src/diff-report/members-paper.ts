import type { FieldView, GroupView } from './diff-groups.js';

/** Longer than this, a rewritten piece of boilerplate is said to be reworded rather than shown twice. */
const SHOWN_WHOLE_UP_TO = 120;

/**
 * The sections of changes as members read them: no ids, and the paper's own boilerplate
 * (the covering paper, the plan's title), which every year rewrites for the new dates, not
 * shown word by word: a short one is shown old and new, a long one said to be reworded. An
 * item, or a section, left with nothing to show is left out. The officers' version
 * (`--detail`) keeps everything.
 */
export function forMembers(groups: GroupView[]): GroupView[] {
  return groups.map(membersSection).filter((g) => g.items.length > 0);
}

function membersSection(group: GroupView): GroupView {
  const items = group.items
    .map((item) => ({ ...item, fields: item.fields.filter((f) => !f.technical).map(plainBoilerplate) }))
    // An item whose only change was its id says nothing to a member.
    .filter((item, i) => item.fields.length > 0 || group.items[i]!.fields.length === 0 || item.whatPieces !== null || item.oldWhat !== null || item.type !== 'changed');
  return { ...group, items };
}

function plainBoilerplate(field: FieldView): FieldView {
  if (!field.boilerplate || field.pieces === null) return field;
  const long = (field.before?.length ?? 0) > SHOWN_WHOLE_UP_TO || (field.after?.length ?? 0) > SHOWN_WHOLE_UP_TO;
  return long ? { ...field, pieces: null, before: null, after: null, reworded: true } : { ...field, pieces: null };
}
