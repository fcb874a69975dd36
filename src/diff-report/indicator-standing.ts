import type { IndicatorJudgement, TargetStatus } from '../diff/change.js';
import type { Unit } from '../plan/model.js';
import { formatValue } from '../render/format-values.js';

/**
 * An indicator's standing against its target and the national figure, in the words a
 * councillor reads right first time. "Gap widened; better than national" reads as bad
 * news when it is good, and "not met" before the target's year has begun reads as a
 * failure; so a gap is said as a lead that grew or shrank or a shortfall, and a target by
 * whether it is due yet, with how far there is to go.
 */

/** A difference between two figures: points for percentages (8% to 7% is 1 point), else in the unit. */
export function difference(n: number, unit: Unit): string {
  return unit === 'percent' ? `${formatValue(n, 'number')} ${n === 1 ? 'point' : 'points'}` : formatValue(n, unit);
}

/** "6% by 2003-04: not yet due, 1 point to go"; "6% by 2003-04: met (last year: not met)". */
export function targetWords(target: NonNullable<IndicatorJudgement['target']>, unit: Unit): string {
  const goal = `${formatValue(target.value, unit)}${target.period ? ` by ${target.period}` : ''}`;
  const now = target.status === null ? null : statusWords(target.status, target.toGo, unit);
  const then = target.statusBefore === 'met' || target.statusBefore === 'not-met' ? ` (last year: ${statusWords(target.statusBefore, null, unit)})` : '';
  return `${goal}${now ? `: ${now}` : ''}${then}`;
}

function statusWords(status: TargetStatus, toGo: number | null, unit: Unit): string | null {
  const distance = toGo ? difference(toGo, unit) : null;
  switch (status) {
    case 'met':
      return 'met';
    case 'not-met':
      return distance ? `not met, ${distance} short` : 'not met';
    case 'not-yet-due':
      return distance ? `not yet due, ${distance} to go` : 'not yet due';
    default:
      return null;
  }
}

/** "12%; our lead over the national figure grew from 4 to 5 points"; "now 2 points worse than national (was 1 point better)". */
export function nationalWords(n: NonNullable<IndicatorJudgement['national']>, unit: Unit): string {
  const figure = n.before === n.after ? formatValue(n.after, unit) : `${formatValue(n.before, unit)} → ${formatValue(n.after, unit)}`;
  return `${figure}; ${n.leadBefore === null || n.leadAfter === null ? neutralGap(n, unit) : lead(n.leadBefore, n.leadAfter, unit)}`;
}

function lead(before: number, after: number, unit: Unit): string {
  const d = (v: number) => difference(Math.abs(v), unit);
  const side = (v: number) => (v > 0 ? `${d(v)} better` : v < 0 ? `${d(v)} worse` : 'level');
  if (before > 0 && after > 0) {
    if (after === before) return `still ${d(after)} better than national`;
    const bare = unit === 'percent' ? formatValue(before, 'number') : formatValue(before, unit);
    return `our lead over the national figure ${after > before ? 'grew' : 'shrank'} from ${bare} to ${d(after)}`;
  }
  if (before < 0 && after < 0) {
    if (after === before) return `still ${d(after)} worse than national`;
    return `now ${d(after)} worse than national (was ${d(before)} worse): ${after > before ? 'closing the gap' : 'falling further behind'}`;
  }
  if (after === 0) return before === 0 ? 'level with national, as last year' : `now level with national (was ${side(before)})`;
  return `now ${side(after)} than national (was ${side(before)})`;
}

/** A neutral indicator is neither ahead nor behind: only the size of the gap is said. */
function neutralGap(n: NonNullable<IndicatorJudgement['national']>, unit: Unit): string {
  if (n.gap === 'unchanged') return `gap unchanged at ${difference(n.gapAfter, unit)}`;
  const bare = unit === 'percent' ? formatValue(n.gapBefore, 'number') : formatValue(n.gapBefore, unit);
  return `gap ${n.gap} from ${bare} to ${difference(n.gapAfter, unit)}`;
}
