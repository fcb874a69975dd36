import type { Indicator } from '../plan/model.js';
import type { Labels } from '../plan/labels.js';

/** "Higher is better", as the plan words it: in the indicators table and at the end of a chart's description. */
export function polarityLabel(polarity: Indicator['polarity'], labels: Labels): string {
  return polarity === 'higher-is-better' ? labels.higherIsBetter : polarity === 'lower-is-better' ? labels.lowerIsBetter : labels.neitherIsBetter;
}
