import type { Indicator, Plan } from '../plan/model.js';
import type { Change, MatchInfo } from './change.js';
import { compareFields, oneLine, sameValue, type PairRef } from './compare-fields.js';
import { addedRecord, removedRecord } from './entity-records.js';
import { judgeIndicator } from './judge-indicator.js';
import { matchItems, type MatchKey } from './match-items.js';

const key = (i: Indicator): MatchKey => ({ id: i.id, code: i.code, text: i.label });

/** Indicators, paired by id, then national code, then label. */
export function diffIndicators(oldPlan: Plan, newPlan: Plan): Change[] {
  const m = matchItems(oldPlan.indicators, newPlan.indicators, key, key);
  const pairOfNew = new Map(m.pairs.map((p) => [p.new, p]));
  const changes: Change[] = [];
  for (const indicator of newPlan.indicators) {
    const pair = pairOfNew.get(indicator);
    changes.push(...(pair ? indicatorChanges(pair.old, indicator, pair.match) : [addedRecord('indicator', indicator.id, oneLine(indicator.label), indicator.pointer)]));
  }
  changes.push(...m.removed.map((i) => removedRecord('indicator', i.id, oneLine(i.label), i.pointer)));
  return changes;
}

function indicatorChanges(before: Indicator, after: Indicator, match: MatchInfo): Change[] {
  const ref: PairRef = { entity: 'indicator', id: after.id, label: oneLine(after.label), oldPointer: before.pointer, newPointer: after.pointer, match };
  const figure = figureChanges(ref, before, after);
  return [
    ...compareFields(ref, [
      { field: 'id', before: before.id, after: after.id },
      { field: 'label', before: before.label, after: after.label, text: true },
      { field: 'code', before: before.code, after: after.code },
      { field: 'unit', before: before.unit, after: after.unit },
      { field: 'polarity', before: before.polarity, after: after.polarity },
    ]),
    ...figure,
    ...compareFields(ref, [
      { field: 'national', before: before.national, after: after.national },
      { field: 'comparator', before: before.comparator, after: after.comparator },
      { field: 'target', before: before.target, after: after.target },
      { field: 'note', before: before.note, after: after.note, text: true },
    ]),
  ];
}

/**
 * The figure and its period and history, read together: a new year's figure normally
 * comes with last year's moving into the history, and that move is part of one change,
 * not two. A history that gained last year's figure while the figure itself stayed (what
 * rollover leaves) is reported as the figure moved into the history.
 */
function figureChanges(ref: PairRef, before: Indicator, after: Indicator): Change[] {
  const out: Change[] = [];
  const moved = before.period === undefined ? undefined : { period: before.period, value: before.value };
  const historyGainedOld = moved !== undefined && sameValue([...before.history, moved], after.history);
  const samePeriod = (before.period ?? null) === (after.period ?? null);

  if (!samePeriod || before.value !== after.value) {
    const { assessment, judgement } = judgeIndicator(before, after);
    out.push({
      type: 'changed',
      entity: 'indicator',
      id: ref.id,
      field: 'value',
      before: before.value,
      after: after.value,
      assessment,
      oldPointer: `${before.pointer}/value`,
      newPointer: `${after.pointer}/value`,
      label: ref.label,
      match: ref.match!,
      judgement,
    });
    if (!samePeriod && historyGainedOld) return out;
  } else if (historyGainedOld) {
    out.push({
      type: 'changed',
      entity: 'indicator',
      id: ref.id,
      field: 'history',
      before: before.history,
      after: after.history,
      oldPointer: before.history.length > 0 ? `${before.pointer}/history` : before.pointer,
      newPointer: `${after.pointer}/history`,
      label: ref.label,
      match: ref.match!,
      movedToHistory: moved,
    });
    return out;
  }
  return [...out, ...compareFields(ref, [{ field: 'history', before: before.history, after: after.history }])];
}
