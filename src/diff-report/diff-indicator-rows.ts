import type { Change } from '../diff/change.js';
import { ASSESSMENT_NAMES } from '../diff/field-names.js';
import type { Unit } from '../plan/model.js';
import { how } from './diff-words.js';
import { nationalWords, targetWords } from './indicator-standing.js';
import { formatValue } from '../render/format-values.js';

export interface IndicatorRowView {
  id: string;
  label: string;
  symbol: string;
  assessment: string;
  assessmentLabel: string;
  before: string;
  after: string;
  polarity: string;
  target: string | null;
  national: string | null;
  /** Said of a figure that is not a new year's: corrected, or not yet entered. */
  note: string | null;
  lowConfidence: boolean;
  how: string | null;
}

/** One indicator's change of figure, judged: better or worse, against target and national. */
export function indicatorRow(c: Change, units: Map<string, Unit>): IndicatorRowView {
  const unit = units.get(c.id ?? '') ?? 'number';
  const base = { id: c.id ?? '', label: c.label, lowConfidence: c.match?.confidence === 'low', how: how(c.match) };
  if (c.movedToHistory) {
    const { period, value } = c.movedToHistory;
    const names = ASSESSMENT_NAMES.awaiting!;
    return {
      ...base,
      symbol: names.symbol,
      assessment: 'awaiting',
      assessmentLabel: names.label,
      before: `${formatValue(value, unit)} (${period})`,
      after: 'Not yet entered',
      polarity: '',
      target: null,
      national: null,
      note: `The ${period} figure is now in the indicator's history; the new figure has not been entered.`,
    };
  }
  const j = c.judgement!;
  const correction = j.revision === 'same-period';
  const names = ASSESSMENT_NAMES[c.assessment!]!;
  const figure = (v: { value: number; period: string | null }) => `${formatValue(v.value, unit)}${v.period ? ` (${v.period})` : ''}`;
  return {
    ...base,
    symbol: names.symbol,
    assessment: c.assessment!,
    assessmentLabel: names.label,
    before: figure(j.before),
    after: figure(j.after),
    polarity: j.polarity === 'higher-is-better' ? 'Higher is better' : j.polarity === 'lower-is-better' ? 'Lower is better' : 'Neither higher nor lower is better',
    target: j.target && targetWords(j.target, unit),
    national: j.national && nationalWords(j.national, unit),
    note: correction ? `The ${j.after.period ?? 'same'} figure corrected: not a new year's figure, so neither better nor worse.` : null,
  };
}

