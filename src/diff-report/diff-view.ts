import type { PlanDiff } from '../diff/change.js';
import { summarySentence } from '../diff/summarise.js';
import type { Plan, Unit } from '../plan/model.js';
import { groupChanges, type GroupView } from './diff-groups.js';
import { indicatorRow, type IndicatorRowView } from './diff-indicator-rows.js';
import { forMembers } from './members-paper.js';
import { pointerIndex, STATUS } from './diff-words.js';
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
}

export function buildDiffView(diff: PlanDiff, oldPlan: Plan, newPlan: Plan, files: { old: string; new: string }, options: ViewOptions): DiffView {
  const units = new Map<string, Unit>([...oldPlan.indicators, ...newPlan.indicators].map((i) => [i.id, i.unit]));
  const s = diff.summary;
  const noun = followNoun(diff);
  return {
    id: newPlan.id,
    authority: newPlan.authority,
    period: newPlan.period,
    isDraft: newPlan.isDraft,
    statusLabel: STATUS[newPlan.status]!,
    heading: `Changes since ${oldPlan.period}`,
    old: { title: oldPlan.title, period: oldPlan.period, file: files.old },
    new: { title: newPlan.title, period: newPlan.period, file: files.new },
    detail: options.detail,
    summary: summarySentence(diff),
    identical: diff.changes.length === 0,
    counts: [
      ...followCounts(diff),
      { label: 'Indicators improved', value: s.improved },
      { label: 'Indicators worsened', value: s.worsened },
      { label: 'Items added', value: s.added },
      { label: 'Items removed', value: s.removed },
      { label: 'Items moved to another objective', value: s.moved },
      // Every new year changes a plan's id, title, period and dates: a count of fields is for officers.
      ...(options.detail ? [{ label: 'Fields changed', value: s.changed }] : []),
    ],
    noun,
    followHeading: `What became of last year's ${noun.many}`,
    // Two identical plans have nothing to follow through: every action is still there.
    followThrough: diff.changes.length === 0 ? [] : followRows(diff, pointerIndex(newPlan)),
    indicators: diff.changes.filter((c) => c.entity === 'indicator' && (c.judgement || c.movedToHistory)).map((c) => indicatorRow(c, units)),
    groups: options.detail ? groupChanges(diff, oldPlan, newPlan, units) : forMembers(groupChanges(diff, oldPlan, newPlan, units)),
    // Pairs, not records: a pair's field changes and its follow-through share one match.
    lowConfidence: new Set([...diff.changes, ...diff.followThrough, ...diff.keyActionFollowThrough].map((r) => r.match).filter((m) => m?.confidence === 'low')).size,
  };
}
