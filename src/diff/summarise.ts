import { readDue } from '../plan/period.js';
import type { Change, DiffSummary, FollowThrough, PlanDiff } from './change.js';

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
 */
export function summarySentence(diff: Pick<PlanDiff, 'summary' | 'changes' | 'followThrough' | 'keyActionFollowThrough'>): string {
  if (diff.changes.length === 0) return 'No differences.';
  const s = diff.summary;
  const unchanged = diff.changes.filter((c) => c.judgement?.revision === 'new-period' && c.assessment === 'unchanged').length;
  const awaiting = diff.changes.filter((c) => c.movedToHistory !== undefined).length;
  const groups = [
    outcomeGroup(['action', 'actions'], countOutcomes(diff.followThrough)),
    outcomeGroup(['key action point', 'key action points'], countOutcomes(diff.keyActionFollowThrough)),
    group(['indicator', 'indicators'], [
      [s.improved, 'improved'],
      [s.worsened, 'worsened'],
      [unchanged, 'unchanged'],
      [s.corrected, 'corrected for the same period'],
      [awaiting, 'awaiting a new figure'],
    ]),
  ].flat();
  if (groups.length === 0) {
    const kinds = [`${s.added} added`, `${s.removed} removed`, `${s.moved} moved`, `${s.changed} changed`].filter((k) => !k.startsWith('0 '));
    return `${plural(diff.changes.length, 'change', 'changes')}: ${kinds.join(', ')}.`;
  }
  const sentence = groups.join(', ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

function outcomeGroup(noun: [string, string], f: DiffSummary['followThrough']): string[] {
  return group(noun, [
    [f.achieved + f.done, 'completed'],
    [f.carriedForward, 'carried forward'],
    [f.carriedForwardLater, 'carried forward with a later date'],
    [f.dropped, 'dropped'],
    [f.unreported, 'not reported on'],
  ]);
}

function group(noun: [string, string], parts: [number, string][]): string[] {
  const present = parts.filter(([n]) => n > 0);
  return present.map(([n, words], i) => (i === 0 ? `${plural(n, noun[0], noun[1])} ${words}` : `${n} ${words}`));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
