import type { Plan, ReportSection } from '../plan/model.js';
import type { Change } from './change.js';
import { compareFields, type PairRef } from './compare-fields.js';
import { addedRecord, removedRecord } from './entity-records.js';
import { matchItems, type MatchKey } from './match-items.js';

const sectionKey = (s: ReportSection): MatchKey => ({ text: s.heading });

/** The covering committee paper: its fields, and its sections paired by heading. */
export function diffReport(oldPlan: Plan, newPlan: Plan): Change[] {
  const before = oldPlan.report;
  const after = newPlan.report;
  if (!before && !after) return [];
  if (!before) return [addedRecord('report', null, after!.title, after!.pointer)];
  if (!after) return [removedRecord('report', null, before.title, before.pointer)];

  const ref: PairRef = { entity: 'report', id: null, label: after.title, oldPointer: before.pointer, newPointer: after.pointer };
  const changes = compareFields(ref, [
    { field: 'committee', before: before.committee, after: after.committee },
    { field: 'date', before: before.date, after: after.date },
    { field: 'paper', before: before.paper, after: after.paper },
    // A paper without a title of its own takes the plan's, whose change is already reported.
    ...(before.title === oldPlan.title && after.title === newPlan.title ? [] : [{ field: 'title', before: before.title, after: after.title, text: true }]),
    { field: 'from', before: before.from, after: after.from },
    { field: 'purpose', before: before.purpose, after: after.purpose, text: true },
    { field: 'background', before: before.background, after: after.background, text: true },
  ]);
  changes.push(
    ...compareFields(ref, [
      { field: 'conclusion', before: before.conclusion, after: after.conclusion, text: true },
      { field: 'recommendations', before: before.recommendations, after: after.recommendations },
      { field: 'backgroundPapers', before: before.backgroundPapers, after: after.backgroundPapers },
      { field: 'contacts', before: before.contacts, after: after.contacts },
      { field: 'signedBy', before: before.signedBy, after: after.signedBy },
      { field: 'appendix', before: before.appendix, after: after.appendix },
    ]),
  );

  const m = matchItems(before.sections, after.sections, sectionKey, sectionKey);
  const pairOfNew = new Map(m.pairs.map((p) => [p.new, p]));
  after.sections.forEach((section, i) => {
    const pair = pairOfNew.get(section);
    const at = `sections/${i}`;
    if (!pair) {
      changes.push({ type: 'changed', entity: 'report', id: null, field: 'section', before: null, after: section.heading, oldPointer: before.pointer, newPointer: `${after.pointer}/${at}`, label: section.heading });
      return;
    }
    const old = before.sections.indexOf(pair.old);
    const sectionRef: PairRef = { ...ref, label: section.heading, oldPointer: `${before.pointer}/sections/${old}`, newPointer: `${after.pointer}/${at}`, match: pair.match };
    changes.push(
      ...compareFields(sectionRef, [
        { field: 'section.heading', at: 'heading', before: pair.old.heading, after: section.heading, text: true },
        { field: 'section.body', at: 'body', before: pair.old.body, after: section.body, text: true },
        { field: 'section.include', at: 'include', before: pair.old.include, after: section.include },
        { field: 'section.closing', at: 'closing', before: pair.old.closing, after: section.closing, text: true },
      ]),
    );
  });
  for (const section of m.removed) {
    const at = `${before.pointer}/sections/${before.sections.indexOf(section)}`;
    changes.push({ type: 'changed', entity: 'report', id: null, field: 'section', before: section.heading, after: null, oldPointer: at, newPointer: after.pointer, label: section.heading });
  }

  return changes;
}
