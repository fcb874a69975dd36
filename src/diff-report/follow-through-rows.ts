import type { DiffSummary, FollowThrough, PlanDiff } from '../diff/change.js';
import { OUTCOME_SYMBOLS } from '../diff/field-names.js';
import { countOutcomes, slipped } from '../diff/summarise.js';
import { formatDate } from '../plan/format-date.js';
import { how, oneLine, type Placed } from './diff-words.js';
import type { LabelKey } from '../plan/generated/label-defaults.js';
import type { Say } from '../diff/diff-phrases.js';

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

export function followNoun(diff: PlanDiff, say: Say): FollowNoun {
  const actions = diff.followThrough.length > 0;
  const keyActions = diff.keyActionFollowThrough.length > 0;
  if (actions && keyActions) return { one: say('diffNounEither'), many: say('diffNounBoth') };
  return keyActions ? { one: say('diffNounKeyAction'), many: say('diffNounKeyActions') } : { one: say('diffNounAction'), many: say('diffNounActions') };
}

const OUTCOME_ORDER = ['achieved', 'done', 'carried-forward', 'dropped', 'unreported'];

/** Last year's key action points, then actions, by outcome; what last year already settled comes last. */
export function followRows(diff: PlanDiff, where: Map<string, Placed>, say: Say): FollowView[] {
  const rank = (f: FollowThrough) => (f.markedLastYear ? OUTCOME_ORDER.length : OUTCOME_ORDER.indexOf(f.outcome));
  return [...diff.keyActionFollowThrough.map((f) => [f, say('diffKindKeyAction')] as const), ...diff.followThrough.map((f) => [f, say('diffKindAction')] as const)]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([f, kind]) => followView(f, kind, where, say));
}

/** The follow-through in numbers, each kind of commitment under its own name. */
export function followCounts(diff: PlanDiff, say: Say): { label: string; value: number }[] {
  const rows = (noun: 'diffNounActions' | 'diffNounKeyActions', f: DiffSummary['followThrough']) => {
    const items = say(noun);
    return [
      { label: say('diffCountCompleted', { items }), value: f.achieved + f.done },
      { label: say('diffCountCarried', { items }), value: f.carriedForward + f.carriedForwardLater },
      { label: say('diffCountLater', { items }), value: f.carriedForwardLater },
      { label: say('diffCountDropped', { items }), value: f.dropped },
      { label: say('diffCountNotReported', { items }), value: f.unreported },
      ...(f.markedLastYear > 0 ? [{ label: say('diffCountMarkedLastYear', { items }), value: f.markedLastYear }] : []),
    ];
  };
  return [
    ...(diff.keyActionFollowThrough.length > 0 ? rows('diffNounKeyActions', countOutcomes(diff.keyActionFollowThrough)) : []),
    ...(diff.followThrough.length > 0 || diff.keyActionFollowThrough.length === 0 ? rows('diffNounActions', countOutcomes(diff.followThrough)) : []),
  ];
}

/** What became of each outcome, in the paper's words. */
const OUTCOME_LABELS: Record<FollowThrough['outcome'], LabelKey> = {
  achieved: 'diffOutcomeAchieved',
  done: 'diffOutcomeDone',
  'carried-forward': 'diffOutcomeCarried',
  dropped: 'diffOutcomeDropped',
  unreported: 'diffOutcomeNotReported',
};

export function outcomeLabel(outcome: FollowThrough['outcome'], say: Say): string {
  return say(OUTCOME_LABELS[outcome]);
}

function followView(f: FollowThrough, kind: string, where: Map<string, Placed>, say: Say): FollowView {
  const found = where.get(f.evidence ?? f.newPointer ?? '');
  const place = { where: found?.objective ?? '' };
  const moved = f.dueAfter && f.dueBefore ? { ...place, due: formatDate(f.dueAfter), was: formatDate(f.dueBefore) } : undefined;
  const detail = {
    achieved: () => say('diffSaysAchieved', { ...place, text: oneLine(found?.text ?? '') }),
    done: () => (f.newPointer ? say('diffSaysDone', place) : ''),
    'carried-forward': () =>
      !found?.objective
        ? say(found && oneLine(found.text) !== oneLine(f.text) ? 'diffSaysStillKeyActionReworded' : 'diffSaysStillKeyAction')
        : moved
          ? say(slipped(f) ? 'diffSaysStillOpenLater' : 'diffSaysStillOpenDue', moved)
          : say('diffSaysStillOpen', place),
    dropped: () => (f.newPointer ? say('diffSaysDropped', place) : ''),
    unreported: () => say('diffSaysNotInPlan'),
  }[f.outcome]();
  const dropped = f.outcome === 'dropped';
  // Settled last year: said after what the new plan says, if anything, and not counted again.
  const already = say(dropped ? 'diffSaysAlreadyDropped' : 'diffSaysAlreadyDone');
  return {
    symbol: OUTCOME_SYMBOLS[f.outcome],
    outcome: f.outcome,
    outcomeLabel: f.markedLastYear ? say(dropped ? 'diffOutcomeDroppedLastYear' : 'diffOutcomeDoneLastYear') : outcomeLabel(f.outcome, say),
    kind,
    id: f.action,
    text: oneLine(f.text),
    // Done or dropped without a place in the new plan is settled last year (markedLastYear).
    detail: f.markedLastYear || !detail ? [detail, already].filter(Boolean).join(' ') : detail,
    lowConfidence: f.match?.confidence === 'low',
    how: how(f.match, say),
  };
}
