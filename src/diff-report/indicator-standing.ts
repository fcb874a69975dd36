import type { IndicatorJudgement, TargetStatus } from '../diff/change.js';
import type { Unit } from '../plan/model.js';
import { formatValue } from '../render/format-values.js';
import { ENGLISH, type Say } from '../diff/diff-phrases.js';

/**
 * An indicator's standing against its target and the national figure, in the words a
 * councillor reads right first time. "Gap widened; better than national" reads as bad
 * news when it is good, and "not met" before the target's year has begun reads as a
 * failure; so a gap is said as a lead that grew or shrank or a shortfall, and a target by
 * whether it is due yet, with how far there is to go.
 */

/** A difference between two figures: points for percentages (8% to 7% is 1 point), else in the unit. */
export function difference(n: number, unit: Unit, say: Say = ENGLISH): string {
  return unit === 'percent' ? say(n === 1 ? 'diffPoint' : 'diffPoints', { value: formatValue(n, 'number') }) : formatValue(n, unit);
}

/** "6% by 2003-04: not yet due, 1 point to go"; "6% by 2003-04: met (last year: not met)". */
export function targetWords(target: NonNullable<IndicatorJudgement['target']>, unit: Unit, say: Say = ENGLISH): string {
  const value = formatValue(target.value, unit);
  const goal = target.period ? say('diffTargetBy', { value, period: target.period }) : value;
  const now = target.status === null ? null : statusWords(target.status, target.toGo, unit, say);
  const withNow = now ? say('diffTargetStanding', { target: goal, standing: now }) : goal;
  const then = target.statusBefore === 'met' || target.statusBefore === 'not-met' ? statusWords(target.statusBefore, null, unit, say) : null;
  return then ? say('diffTargetLastYear', { target: withNow, standing: then }) : withNow;
}

function statusWords(status: TargetStatus, toGo: number | null, unit: Unit, say: Say): string | null {
  const distance = toGo ? difference(toGo, unit, say) : null;
  switch (status) {
    case 'met':
      return say('diffTargetMet');
    case 'not-met':
      return distance ? say('diffTargetShort', { difference: distance }) : say('diffTargetNotMet');
    case 'not-yet-due':
      return distance ? say('diffTargetToGo', { difference: distance }) : say('diffTargetNotDue');
    default:
      return null;
  }
}

/** "12%; our lead over the national figure grew from 4 to 5 points"; "now 2 points worse than national (was 1 point better)". */
export function nationalWords(n: NonNullable<IndicatorJudgement['national']>, unit: Unit, say: Say = ENGLISH): string {
  const figure = n.before === n.after ? formatValue(n.after, unit) : `${formatValue(n.before, unit)} → ${formatValue(n.after, unit)}`;
  return say('diffNational', { figure, standing: n.leadBefore === null || n.leadAfter === null ? neutralGap(n, unit, say) : lead(n.leadBefore, n.leadAfter, unit, say) });
}

function lead(before: number, after: number, unit: Unit, say: Say): string {
  const d = (v: number) => difference(Math.abs(v), unit, say);
  const side = (v: number) => (v > 0 ? say('diffSideBetter', { difference: d(v) }) : v < 0 ? say('diffSideWorse', { difference: d(v) }) : say('diffSideLevel'));
  if (before > 0 && after > 0) {
    if (after === before) return say('diffStillBetter', { difference: d(after) });
    const bare = unit === 'percent' ? formatValue(before, 'number') : formatValue(before, unit);
    return say(after > before ? 'diffLeadGrew' : 'diffLeadShrank', { from: bare, to: d(after) });
  }
  if (before < 0 && after < 0) {
    if (after === before) return say('diffStillWorse', { difference: d(after) });
    return say(after > before ? 'diffWorseClosing' : 'diffWorseFalling', { now: d(after), was: d(before) });
  }
  if (after === 0) return before === 0 ? say('diffLevelAsLastYear') : say('diffNowLevel', { was: side(before) });
  return say('diffNowSide', { now: side(after), was: side(before) });
}

/** A neutral indicator is neither ahead nor behind: only the size of the gap is said. */
function neutralGap(n: NonNullable<IndicatorJudgement['national']>, unit: Unit, say: Say): string {
  if (n.gap === 'unchanged') return say('diffGapUnchanged', { difference: difference(n.gapAfter, unit, say) });
  const bare = unit === 'percent' ? formatValue(n.gapBefore, 'number') : formatValue(n.gapBefore, unit);
  return say(n.gap === 'widened' ? 'diffGapWidened' : 'diffGapNarrowed', { from: bare, to: difference(n.gapAfter, unit, say) });
}
