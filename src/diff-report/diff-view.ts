import type { PlanDiff } from '../diff/change.js';
import { summarySentence } from '../diff/summarise.js';
import { ENGLISH, type Say } from '../diff/diff-phrases.js';
import type { Plan, Unit } from '../plan/model.js';
import { groupChanges, type GroupView } from './diff-groups.js';
import { indicatorRow, type IndicatorRowView } from './diff-indicator-rows.js';
import { forMembers } from './members-paper.js';
import { pointerIndex, statusWord } from './diff-words.js';
import { followCounts, followNoun, followRows, type FollowNoun, type FollowView } from './follow-through-rows.js';

export type { FollowView } from './follow-through-rows.js';

/**
 * A diff in a reader's words, for the "Changes since" paper and the text and markdown
 * formats alike: figures with their units, dates as people write them, each entity's
 * changes gathered under it. Every key is present (null when empty), because templates
 * are compiled strictly.
 */
export interface DiffView {
  /** What the shared partials (head, page-start) read. */
  id: string;
  authority: string;
  period: string;
  isDraft: boolean;
  statusLabel: string;
  heading: string;
  old: { title: string; period: string; file: string };
  new: { title: string; period: string; file: string };
  /** The officers' detail: file names, ids, the number of fields changed, word by word changes of the covering paper. */
  detail: boolean;
  summary: string;
  identical: boolean;
  counts: { label: string; value: number }[];
  /** What last year's commitments are called: key action points, actions, or both. */
  noun: FollowNoun;
  followHeading: string;
  followThrough: FollowView[];
  indicators: IndicatorRowView[];
  groups: GroupView[];
  lowConfidence: number;
}

export interface ViewOptions {
  /**
   * Everything an officer checks (the default for text, markdown and JSON); without it,
   * the members' paper: no file paths, ids or field counts, and the covering paper's own
   * wording, which changes every year, not shown word by word.
   */
  detail: boolean;
  /** The words of the view's sentences and headings: the paper's are the new plan's labels; by default, the labels' defaults (text and markdown). */
  say?: Say;
}

export function buildDiffView(diff: PlanDiff, oldPlan: Plan, newPlan: Plan, files: { old: string; new: string }, options: ViewOptions): DiffView {
  const say = options.say ?? ENGLISH;
  const units = new Map<string, Unit>([...oldPlan.indicators, ...newPlan.indicators].map((i) => [i.id, i.unit]));
  const s = diff.summary;
  const noun = followNoun(diff, say);
  return {
    id: newPlan.id,
    authority: newPlan.authority,
    period: newPlan.period,
    isDraft: newPlan.isDraft,
    statusLabel: statusWord(newPlan.status, say),
    heading: say('diffHeading', { period: oldPlan.period }),
    old: { title: oldPlan.title, period: oldPlan.period, file: files.old },
    new: { title: newPlan.title, period: newPlan.period, file: files.new },
    detail: options.detail,
    summary: summarySentence(diff, say),
    identical: diff.changes.length === 0,
    counts: [
      ...followCounts(diff, say),
      { label: say('diffCountImproved'), value: s.improved },
      { label: say('diffCountWorsened'), value: s.worsened },
      { label: say('diffCountAdded'), value: s.added },
      { label: say('diffCountRemoved'), value: s.removed },
      { label: say('diffCountMoved'), value: s.moved },
      // Every new year changes a plan's id, title, period and dates: a count of fields is for officers.
      ...(options.detail ? [{ label: say('diffCountFieldsChanged'), value: s.changed }] : []),
    ],
    noun,
    followHeading: say('diffFollowHeading', { items: noun.many }),
    // Two identical plans have nothing to follow through: every action is still there.
    followThrough: diff.changes.length === 0 ? [] : followRows(diff, pointerIndex(newPlan, say), say),
    indicators: diff.changes.filter((c) => c.entity === 'indicator' && (c.judgement || c.movedToHistory)).map((c) => indicatorRow(c, units, say)),
    groups: options.detail ? groupChanges(diff, oldPlan, newPlan, units, say) : forMembers(groupChanges(diff, oldPlan, newPlan, units, say)),
    // Pairs, not records: a pair's field changes and its follow-through share one match.
    lowConfidence: new Set([...diff.changes, ...diff.followThrough, ...diff.keyActionFollowThrough].map((r) => r.match).filter((m) => m?.confidence === 'low')).size,
  };
}
