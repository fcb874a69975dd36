import type { Measure, Unit } from '../plan/model.js';
import { formatValue } from './format-values.js';

/**
 * An indicator's figure as its measure reads: a level as it is (61%); a difference with
 * its sign, a percentage difference in points (+10 percentage points); a change with its
 * sign and the word (+47% change). Never a bare "10%" for a difference, which reads as a share.
 */
export function formatMeasured(value: number, unit: Unit, measure: Measure): string {
  if (measure === 'level') return formatValue(value, unit);
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const size = Math.abs(value);
  if (measure === 'difference') return unit === 'percent' ? `${sign}${formatValue(size, 'number')} percentage ${size === 1 ? 'point' : 'points'}` : `${sign}${formatValue(size, unit)}`;
  return `${sign}${formatValue(size, unit)} change`;
}
