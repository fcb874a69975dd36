import type { Indicator } from '../plan/model.js';

export type Judgement = 'better' | 'worse' | 'same' | 'not-judged';

/**
 * Whether a figure is better or worse than another (the national one, say), given the
 * indicator's polarity. A neutral indicator, or a missing figure, is not judged.
 */
export function judge(indicator: Pick<Indicator, 'polarity'>, value: number, other: number | undefined): Judgement {
  if (other === undefined || indicator.polarity === 'neutral') return 'not-judged';
  if (value === other) return 'same';
  const higher = value > other;
  return higher === (indicator.polarity === 'higher-is-better') ? 'better' : 'worse';
}
