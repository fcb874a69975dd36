import { readDue } from '../plan/period.js';
import type { LabelKey } from '../plan/generated/label-defaults.js';
import type { Change, DiffSummary, FollowThrough, PlanDiff } from './change.js';
import { capitalised, ENGLISH, type Say } from './diff-phrases.js';

/** A carried-forward action now due later than it was: the slip a committee asks about. */
export function slipped(entry: FollowThrough): boolean {
  if (entry.dueBefore === undefined || entry.dueAfter === undefined) return false;
  const before = readDue(entry.dueBefore);
  const after = readDue(entry.dueAfter);
  return before.ok && after.ok && after.range.end > before.range.end;
}

export function summarise(changes: readonly Change[], followed: readonly FollowThrough[]): DiffSummary {
  const count = (test: (c: Change) => boolean) => changes.filter(test).length;
  const newFigure = (c: Change) => c.judgement?.revision === 'new-period';
  return {
    added: count((c) => c.type === 'added'),
    removed: count((c) => c.type === 'removed'),
    changed: count((c) => c.type === 'changed'),
    improved: count((c) => newFigure(c) && c.assessment === 'improved'),
    worsened: count((c) => newFigure(c) && c.assessment === 'worsened'),
    moved: count((c) => c.type === 'moved'),
    corrected: count((c) => c.judgement?.revision === 'same-period'),
    followThrough: countOutcomes(followed),
  };
}

/** This year's outcomes; what last year's plan had already marked done or dropped is counted apart, once. */
export function countOutcomes(followed: readonly FollowThrough[]): DiffSummary['followThrough'] {
  const thisYear = followed.filter((f) => !f.markedLastYear);
  const outcomes = (test: (f: FollowThrough) => boolean) => thisYear.filter(test).length;
  return {
    achieved: outcomes((f) => f.outcome === 'achieved'),
    done: outcomes((f) => f.outcome === 'done'),
    carriedForward: outcomes((f) => f.outcome === 'carried-forward' && !slipped(f)),
    carriedForwardLater: outcomes((f) => f.outcome === 'carried-forward' && slipped(f)),
    dropped: outcomes((f) => f.outcome === 'dropped'),
    unreported: outcomes((f) => f.outcome === 'unreported'),
    markedLastYear: followed.length - thisYear.length,
  };
}

/**
 * The summary a member reads first, in words and in the plan's own terms: "3 key action
 * points completed, 2 carried forward, 1 dropped, 2 indicators improved, 1 worsened."
 * Actions and key action points are counted apart, since a MAP's key action points are
 * not its actions. The noun comes with the first figure of each group, as people write it.
 * Its words are labels (`say`); the commas, the colon and the full stop are the code's.
 */
export function summarySentence(diff: Pick<PlanDiff, 'summary' | 'changes' | 'followThrough' | 'keyActionFollowThrough'>, say: Say = ENGLISH): string {
  if (diff.changes.length === 0) return say('diffSummaryNone');
  const s = diff.summary;
  const unchanged = diff.changes.filter((c) => c.judgement?.revision === 'new-period' && c.assessment === 'unchanged').length;
  const awaiting = diff.changes.filter((c) => c.movedToHistory !== undefined).length;
  const groups = [
    outcomeGroup(['diffNounAction', 'diffNounActions'], countOutcomes(diff.followThrough), say),
    outcomeGroup(['diffNounKeyAction', 'diffNounKeyActions'], countOutcomes(diff.keyActionFollowThrough), say),
    group(['diffNounIndicator', 'diffNounIndicators'], [
      [s.improved, 'diffSummaryImproved'],
      [s.worsened, 'diffSummaryWorsened'],
      [unchanged, 'diffSummaryUnchanged'],
      [s.corrected, 'diffSummaryCorrected'],
      [awaiting, 'diffSummaryAwaiting'],
    ], say),
  ].flat();
  if (groups.length === 0) {
    const kinds: [number, LabelKey][] = [[s.added, 'diffSummaryAdded'], [s.removed, 'diffSummaryRemoved'], [s.moved, 'diffSummaryMoved'], [s.changed, 'diffSummaryChanged']];
    const changes = say(diff.changes.length === 1 ? 'diffSummaryChange' : 'diffSummaryChanges', { count: diff.changes.length });
    return `${changes}: ${kinds.filter(([n]) => n > 0).map(([n, key]) => say('diffSummaryNext', { count: n, outcome: say(key) })).join(', ')}.`;
  }
  return `${capitalised(groups.join(', '))}.`;
}

type Noun = [one: LabelKey, many: LabelKey];

function outcomeGroup(noun: Noun, f: DiffSummary['followThrough'], say: Say): string[] {
  return group(noun, [
    [f.achieved + f.done, 'diffSummaryCompleted'],
    [f.carriedForward, 'diffSummaryCarried'],
    [f.carriedForwardLater, 'diffSummaryCarriedLater'],
    [f.dropped, 'diffSummaryDropped'],
    [f.unreported, 'diffSummaryNotReported'],
  ], say);
}

function group(noun: Noun, parts: [number, LabelKey][], say: Say): string[] {
  const present = parts.filter(([n]) => n > 0);
  return present.map(([n, outcome], i) =>
    i === 0 ? say('diffSummaryFirst', { count: n, items: say(n === 1 ? noun[0] : noun[1]), outcome: say(outcome) }) : say('diffSummaryNext', { count: n, outcome: say(outcome) }),
  );
}
