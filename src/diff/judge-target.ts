import type { Indicator } from '../plan/model.js';
import { readPeriod } from '../plan/period.js';
import type { TargetStatus } from './change.js';

/**
 * A figure against its target, by date as well as by value. A target "6% by 2003-04" is
 * judged by the 2003-04 figure: the 2002-03 figure, 7%, has not missed it, the target is
 * not yet due and 1 point is still to go. A figure that already reaches a later target
 * has met it early. A target or figure without a period (or one that cannot be read) is
 * judged as due, as a standing target is.
 */
export function targetStatus(polarity: Indicator['polarity'], figure: { value: number; period?: string | undefined }, target: { value: number; period?: string | undefined }): TargetStatus {
  if (polarity === 'neutral') return 'not-judged';
  if (polarity === 'higher-is-better' ? figure.value >= target.value : figure.value <= target.value) return 'met';
  return dueBy(figure.period, target.period) ? 'not-met' : 'not-yet-due';
}

/** How far the figure still is from the target, in the indicator's unit; 0 once met, null when not judged. */
export function distanceToTarget(polarity: Indicator['polarity'], value: number, target: number): number | null {
  if (polarity === 'neutral') return null;
  const short = polarity === 'higher-is-better' ? target - value : value - target;
  // Rounded: 7.1 - 6 must read 1.1, not 1.0999999999999996.
  return Math.max(0, Math.round(short * 1e6) / 1e6);
}

/** Whether a figure for `figurePeriod` is the one a target "by `targetPeriod`" is judged by: its period has reached the target's end. */
function dueBy(figurePeriod: string | undefined, targetPeriod: string | undefined): boolean {
  if (figurePeriod === undefined || targetPeriod === undefined) return true;
  const figure = readPeriod(figurePeriod);
  const target = readPeriod(targetPeriod);
  if (!figure.ok || !target.ok) return true;
  return figure.range.end >= target.range.end;
}
