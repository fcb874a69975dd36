import type { Measure, Unit } from '../plan/model.js';
import { LABEL_DEFAULTS } from '../plan/generated/label-defaults.js';
import { formatValue } from './format-values.js';
import { labelText, type Labels } from '../plan/labels.js';

/** The labels a measured figure is worded with. */
export type MeasureLabels = Pick<Labels, 'percentagePoint' | 'percentagePoints' | 'changeValue'>;

/**
 * An indicator's figure as its measure reads: a level as it is (61%); a difference with
 * its sign, a percentage difference in points (+10 percentage points); a change with its
 * sign and the word (+47% change). Never a bare "10%" for a difference, which reads as a share.
 * The words are the plan's labels (percentagePoint(s), changeValue).
 */
export function formatMeasured(value: number, unit: Unit, measure: Measure, labels: MeasureLabels = LABEL_DEFAULTS): string {
  if (measure === 'level') return formatValue(value, unit);
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const size = Math.abs(value);
  if (measure === 'difference') {
    return unit === 'percent' ? labelText(size === 1 ? labels.percentagePoint : labels.percentagePoints, { value: `${sign}${formatValue(size, 'number')}` }) : `${sign}${formatValue(size, unit)}`;
  }
  return labelText(labels.changeValue, { value: `${sign}${formatValue(size, unit)}` });
}
