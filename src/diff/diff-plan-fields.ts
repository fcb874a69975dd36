import type { Plan } from '../plan/model.js';
import type { Change } from './change.js';
import { compareFields, type PairRef } from './compare-fields.js';

/**
 * The plan's own fields. Id and period are reported too, although every year changes
 * them: two files that differ only there are still different files (diff's exit code 1).
 */
export function diffPlanFields(oldPlan: Plan, newPlan: Plan): Change[] {
  const ref: PairRef = { entity: 'plan', id: newPlan.id, label: newPlan.title, oldPointer: '', newPointer: '' };
  const glossaryKeys = [...new Set([...Object.keys(oldPlan.glossary), ...Object.keys(newPlan.glossary)])].sort();
  return compareFields(ref, [
    { field: 'id', before: oldPlan.id, after: newPlan.id },
    { field: 'kind', before: oldPlan.kind, after: newPlan.kind },
    { field: 'title', before: oldPlan.title, after: newPlan.title, text: true },
    { field: 'authority', before: oldPlan.authority, after: newPlan.authority },
    { field: 'service', before: oldPlan.service, after: newPlan.service },
    { field: 'period', before: oldPlan.period, after: newPlan.period },
    { field: 'reviewPeriod', before: oldPlan.reviewPeriod, after: newPlan.reviewPeriod },
    { field: 'status', before: oldPlan.status, after: newPlan.status },
    { field: 'dates.submitted', before: oldPlan.dates.submitted, after: newPlan.dates.submitted },
    { field: 'dates.approved', before: oldPlan.dates.approved, after: newPlan.dates.approved },
    { field: 'dates.published', before: oldPlan.dates.published, after: newPlan.dates.published },
    { field: 'framework', before: oldPlan.framework.id, after: newPlan.framework.id },
    { field: 'part', before: oldPlan.part, after: newPlan.part },
    { field: 'summary', before: oldPlan.summary, after: newPlan.summary, text: true },
    { field: 'emphases', before: oldPlan.emphases, after: newPlan.emphases },
    // One record per abbreviation: "CAMHS added" says more than the whole glossary twice.
    ...glossaryKeys.map((abbreviation) => ({
      field: `glossary.${abbreviation}`,
      at: `glossary/${abbreviation.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      before: oldPlan.glossary[abbreviation],
      after: newPlan.glossary[abbreviation],
    })),
  ]);
}
