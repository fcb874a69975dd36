import type { FundingLine, Plan } from '../plan/model.js';
import type { Change } from './change.js';
import { compareFields, oneLine } from './compare-fields.js';
import { addedRecord, removedRecord } from './entity-records.js';
import { matchItems, type MatchKey } from './match-items.js';

/**
 * Funding lines have no ids. A line is the same line when its source, objective and
 * period are (its amount is what changes); failing that, the same source and objective
 * (a new year's line); failing that, a similar source.
 */
const key = (line: FundingLine): MatchKey => ({ code: `${line.source}\u0000${line.objective ?? ''}\u0000${line.period ?? ''}`, text: `${line.source} ${line.objective ?? ''}` });

export function diffFunding(oldPlan: Plan, newPlan: Plan): Change[] {
  const m = matchItems(oldPlan.funding, newPlan.funding, key, key);
  const pairOfNew = new Map(m.pairs.map((p) => [p.new, p]));
  const changes: Change[] = [];
  for (const line of newPlan.funding) {
    const pair = pairOfNew.get(line);
    if (!pair) {
      changes.push(addedRecord('funding', null, oneLine(line.source), line.pointer, line.objective));
      continue;
    }
    const ref = { entity: 'funding' as const, id: null, label: oneLine(line.source), oldPointer: pair.old.pointer, newPointer: line.pointer, match: pair.match, ...(line.objective === undefined ? {} : { objective: line.objective }) };
    changes.push(
      ...compareFields(ref, [
        { field: 'source', before: pair.old.source, after: line.source },
        { field: 'amount', before: pair.old.amount, after: line.amount },
        { field: 'objective', before: pair.old.objective, after: line.objective },
        { field: 'period', before: pair.old.period, after: line.period },
        { field: 'note', before: pair.old.note, after: line.note, text: true },
      ]),
    );
  }
  changes.push(...m.removed.map((line) => removedRecord('funding', null, oneLine(line.source), line.pointer, line.objective)));
  return changes;
}
