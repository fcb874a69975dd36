import type { DiffSummary, FollowThrough, PlanDiff } from '../diff/change.js';
import { OUTCOME_NAMES } from '../diff/field-names.js';
import { countOutcomes, slipped } from '../diff/summarise.js';
import { formatDate } from '../plan/format-date.js';
import { how, oneLine, type Placed } from './diff-words.js';

export interface FollowView {
  symbol: string;
  outcome: string;
  outcomeLabel: string;
  kind: string;
  id: string | null;
  text: string;
  detail: string;
  lowConfidence: boolean;
  how: string | null;
}

/** What last year's commitments are called in this plan: a MAP whose only commitments are key action points has no "actions". */
export interface FollowNoun {
  one: string;
  many: string;
}

export function followNoun(diff: PlanDiff): FollowNoun {
  const actions = diff.followThrough.length > 0;
  const keyActions = diff.keyActionFollowThrough.length > 0;
  if (actions && keyActions) return { one: 'action or key action point', many: 'actions and key action points' };
  return keyActions ? { one: 'key action point', many: 'key action points' } : { one: 'action', many: 'actions' };
}

const OUTCOME_ORDER = ['achieved', 'done', 'carried-forward', 'dropped', 'unreported'];

/** Last year's key action points, then actions, by outcome; what last year already settled comes last. */
export function followRows(diff: PlanDiff, where: Map<string, Placed>): FollowView[] {
  const rank = (f: FollowThrough) => (f.markedLastYear ? OUTCOME_ORDER.length : OUTCOME_ORDER.indexOf(f.outcome));
  return [...diff.keyActionFollowThrough.map((f) => [f, 'Key action point'] as const), ...diff.followThrough.map((f) => [f, 'Action'] as const)]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([f, kind]) => followView(f, kind, where));
}

/** The follow-through in numbers, each kind of commitment under its own name. */
export function followCounts(diff: PlanDiff): { label: string; value: number }[] {
  const rows = (many: string, f: DiffSummary['followThrough']) => {
    const Many = `${many[0]!.toUpperCase()}${many.slice(1)}`;
    return [
      { label: `${Many} completed`, value: f.achieved + f.done },
      { label: `${Many} carried forward`, value: f.carriedForward + f.carriedForwardLater },
      { label: '… of which with a later date', value: f.carriedForwardLater },
      { label: `${Many} dropped`, value: f.dropped },
      { label: `${Many} not reported on`, value: f.unreported },
      ...(f.markedLastYear > 0 ? [{ label: `${Many} already done or dropped last year (not counted again)`, value: f.markedLastYear }] : []),
    ];
  };
  return [
    ...(diff.keyActionFollowThrough.length > 0 ? rows("last year's key action points", countOutcomes(diff.keyActionFollowThrough)) : []),
    ...(diff.followThrough.length > 0 || diff.keyActionFollowThrough.length === 0 ? rows("last year's actions", countOutcomes(diff.followThrough)) : []),
  ];
}

function followView(f: FollowThrough, kind: string, where: Map<string, Placed>): FollowView {
  const names = OUTCOME_NAMES[f.outcome];
  const found = where.get(f.evidence ?? f.newPointer ?? '');
  const place = found?.objective ? ` (${found.objective})` : '';
  const detail = {
    achieved: `Reported as achieved${place}: “${oneLine(found?.text ?? '')}”`,
    done: f.newPointer ? `Marked done${place}.` : 'Already marked done last year.',
    'carried-forward': !found?.objective
      ? `Still a key action point${found && oneLine(found.text) !== oneLine(f.text) ? ', reworded' : ''}.`
      : `Still open${place}${f.dueAfter && f.dueBefore ? `, now due ${formatDate(f.dueAfter)} (was ${formatDate(f.dueBefore)}${slipped(f) ? ', later' : ''})` : ''}.`,
    dropped: f.newPointer ? `Marked dropped${place}.` : 'Already marked dropped last year.',
    unreported: 'Not in the new plan, and no new achievement reports it.',
  }[f.outcome];
  const earlier = f.outcome === 'dropped' ? 'dropped' : 'done';
  return {
    symbol: names.symbol,
    outcome: f.outcome,
    outcomeLabel: f.markedLastYear ? `${earlier[0]!.toUpperCase()}${earlier.slice(1)} last year` : names.label,
    kind,
    id: f.action,
    text: oneLine(f.text),
    detail: f.markedLastYear ? `${detail.startsWith('Already') ? detail.slice(0, -1) : `${detail} Already marked ${earlier} last year`}: not counted again.` : detail,
    lowConfidence: f.match?.confidence === 'low',
    how: how(f.match),
  };
}
