import type { Change } from '../diff/change.js';
import { ASSESSMENT_SYMBOLS } from '../diff/field-names.js';
import type { Say } from '../diff/diff-phrases.js';
import type { LabelKey } from '../plan/generated/label-defaults.js';
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

/** Each judgement in the paper's words. */
const ASSESSMENT_LABELS: Record<string, LabelKey> = {
  improved: 'diffAssessImproved',
  worsened: 'diffAssessWorsened',
  unchanged: 'diffAssessUnchanged',
  'not-judged': 'diffAssessNotJudged',
  corrected: 'diffAssessCorrected',
  awaiting: 'diffAssessAwaiting',
};

/** One indicator's change of figure, judged: better or worse, against target and national. */
export function indicatorRow(c: Change, units: Map<string, Unit>, say: Say): IndicatorRowView {
  const unit = units.get(c.id ?? '') ?? 'number';
  const base = { id: c.id ?? '', label: c.label, lowConfidence: c.match?.confidence === 'low', how: how(c.match, say) };
  if (c.movedToHistory) {
    const { period, value } = c.movedToHistory;
    return {
      ...base,
      symbol: ASSESSMENT_SYMBOLS.awaiting!,
      assessment: 'awaiting',
      assessmentLabel: say(ASSESSMENT_LABELS.awaiting!),
      before: `${formatValue(value, unit)} (${period})`,
      after: say('diffNotYetEntered'),
      polarity: '',
      target: null,
      national: null,
      note: say('diffNoteAwaiting', { period }),
    };
  }
  const j = c.judgement!;
  const correction = j.revision === 'same-period';
  const figure = (v: { value: number; period: string | null }) => `${formatValue(v.value, unit)}${v.period ? ` (${v.period})` : ''}`;
  return {
    ...base,
    symbol: ASSESSMENT_SYMBOLS[c.assessment!]!,
    assessment: c.assessment!,
    assessmentLabel: say(ASSESSMENT_LABELS[c.assessment!]!),
    before: figure(j.before),
    after: figure(j.after),
    polarity: say(j.polarity === 'higher-is-better' ? 'higherIsBetter' : j.polarity === 'lower-is-better' ? 'lowerIsBetter' : 'diffNeitherBetter'),
    target: j.target && targetWords(j.target, unit, say),
    national: j.national && nationalWords(j.national, unit, say),
    note: correction ? (j.after.period ? say('diffNoteCorrected', { period: j.after.period }) : say('diffNoteCorrectedSame')) : null,
  };
}

