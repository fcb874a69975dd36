import type { Indicator } from '../plan/model.js';
import { judge, type Judgement } from './compare-indicator.js';
import { formatValue } from './format-values.js';
import { indicatorChart } from './indicator-chart.js';
import type { Labels } from '../plan/labels.js';
import { formatMeasured } from './measured-value.js';
import { polarityLabel } from './polarity-label.js';

/** An indicator as templates see it: figures formatted, judged against the national one, drawn. */
export interface IndicatorLink {
  id: string;
  anchor: string;
  label: string;
}

export interface IndicatorView extends IndicatorLink {
  code: string | null;
  unit: string;
  polarity: string;
  polarityLabel: string;
  period: string | null;
  value: string;
  national: string | null;
  comparator: string | null;
  target: string | null;
  targetPeriod: string | null;
  history: { period: string; value: string }[];
  note: string | null;
  againstNational: { judgement: Judgement; label: string };
  chart: string;
}

const JUDGEMENT_LABELS: Record<Judgement, keyof Labels> = {
  better: 'betterThanNational',
  worse: 'worseThanNational',
  same: 'sameAsNational',
  'not-judged': 'notCompared',
};

export function linkOf(indicator: IndicatorView): IndicatorLink {
  return { id: indicator.id, anchor: indicator.anchor, label: indicator.label };
}

export function indicatorView(i: Indicator, authority: string, labels: Labels): IndicatorView {
  const judgement = judge(i, i.value, i.national);
  return {
    id: i.id,
    anchor: `indicator-${i.id}`,
    label: i.label,
    code: i.code ?? null,
    unit: i.unit,
    polarity: i.polarity,
    polarityLabel: polarityLabel(i.polarity, labels),
    period: i.period ?? null,
    value: formatMeasured(i.value, i.unit, i.measure, labels),
    national: i.national === undefined ? null : formatValue(i.national, i.unit),
    comparator: i.comparator === undefined ? null : formatValue(i.comparator, i.unit),
    target: i.target === undefined ? null : formatMeasured(i.target.value, i.unit, i.measure, labels),
    targetPeriod: i.target?.period ?? null,
    history: i.history.map((h) => ({ period: h.period, value: formatValue(h.value, i.unit) })),
    note: i.note ?? null,
    againstNational: { judgement, label: labels[JUDGEMENT_LABELS[judgement]] },
    chart: indicatorChart(i, authority, labels),
  };
}

