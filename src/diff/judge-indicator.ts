import type { Indicator } from '../plan/model.js';
import type { Assessment, IndicatorJudgement } from './change.js';
import { distanceToTarget, targetStatus } from './judge-target.js';

/**
 * What a change in an indicator's figure means: better or worse by its polarity, whether
 * it meets its target, whether it came closer to the national figure, and whether it is a
 * new year's figure or last year's figure corrected (which is no improvement at all).
 */
export function judgeIndicator(before: Indicator, after: Indicator): { assessment: Assessment; judgement: IndicatorJudgement } {
  const target = after.target ?? before.target;
  const revision = (before.period ?? null) === (after.period ?? null) ? 'same-period' : 'new-period';
  return {
    // A figure corrected for the same period is neither better nor worse, whatever its direction.
    assessment: revision === 'same-period' ? 'corrected' : assess(after.polarity, before.value, after.value),
    judgement: {
      unit: after.unit,
      polarity: after.polarity,
      before: { value: before.value, period: before.period ?? null },
      after: { value: after.value, period: after.period ?? null },
      revision,
      target:
        target === undefined
          ? null
          : {
              value: target.value,
              period: target.period ?? null,
              metBefore: before.target === undefined ? null : meets(before.polarity, before.value, before.target.value),
              metAfter: after.target === undefined ? null : meets(after.polarity, after.value, after.target.value),
              statusBefore: before.target === undefined ? null : targetStatus(before.polarity, before, before.target),
              status: after.target === undefined ? null : targetStatus(after.polarity, after, after.target),
              toGo: after.target === undefined ? null : distanceToTarget(after.polarity, after.value, after.target.value),
            },
      national: againstNational(before, after),
    },
  };
}

export function assess(polarity: Indicator['polarity'], before: number, after: number): Assessment {
  if (polarity === 'neutral') return 'not-judged';
  if (before === after) return 'unchanged';
  return after > before === (polarity === 'higher-is-better') ? 'improved' : 'worsened';
}

function meets(polarity: Indicator['polarity'], value: number, target: number): boolean | null {
  if (polarity === 'neutral') return null;
  return polarity === 'higher-is-better' ? value >= target : value <= target;
}

function againstNational(before: Indicator, after: Indicator): IndicatorJudgement['national'] {
  if (before.national === undefined || after.national === undefined) return null;
  // Rounded: 0.1 + 0.2 must not make a gap "widen" by a hair.
  const gapBefore = round(Math.abs(before.value - before.national));
  const gapAfter = round(Math.abs(after.value - after.national));
  const leadBefore = lead(after.polarity, before.value, before.national);
  const leadAfter = lead(after.polarity, after.value, after.national);
  return {
    before: before.national,
    after: after.national,
    gapBefore,
    gapAfter,
    gap: gapAfter < gapBefore ? 'narrowed' : gapAfter > gapBefore ? 'widened' : 'unchanged',
    standing: after.polarity === 'neutral' ? 'not-judged' : after.value === after.national ? 'same' : meets(after.polarity, after.value, after.national) ? 'better' : 'worse',
    leadBefore,
    leadAfter,
    // A wider gap is good news on the better side and bad news on the worse: only the signed lead says which.
    trend: leadBefore === null || leadAfter === null ? 'not-judged' : leadAfter > leadBefore ? 'improved' : leadAfter < leadBefore ? 'worsened' : 'unchanged',
  };
}

/** How far a figure is better than the national one (negative when worse), by the indicator's polarity. */
function lead(polarity: Indicator['polarity'], value: number, national: number): number | null {
  if (polarity === 'neutral') return null;
  return round(polarity === 'higher-is-better' ? value - national : national - value);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
