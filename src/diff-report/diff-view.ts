import type { FollowThrough, PlanDiff } from '../diff/change.js';
import { OUTCOME_NAMES } from '../diff/field-names.js';
import { slipped, summarySentence } from '../diff/summarise.js';
import { formatDate } from '../plan/format-date.js';
import type { Plan, Unit } from '../plan/model.js';
import { groupChanges, type GroupView } from './diff-groups.js';
import { indicatorRow, type IndicatorRowView } from './diff-indicator-rows.js';
import { how, oneLine, pointerIndex, STATUS, type Placed } from './diff-words.js';

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
  summary: string;
  identical: boolean;
  counts: { label: string; value: number }[];
  followThrough: FollowView[];
  indicators: IndicatorRowView[];
  groups: GroupView[];
  lowConfidence: number;
}

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

const OUTCOME_ORDER = ['achieved', 'done', 'carried-forward', 'dropped', 'unreported'];

export function buildDiffView(diff: PlanDiff, oldPlan: Plan, newPlan: Plan, files: { old: string; new: string }): DiffView {
  const units = new Map<string, Unit>([...oldPlan.indicators, ...newPlan.indicators].map((i) => [i.id, i.unit]));
  const where = pointerIndex(newPlan);
  const follow = [
    ...diff.keyActionFollowThrough.map((f) => followView(f, 'Key action point', where)),
    ...diff.followThrough.map((f) => followView(f, 'Action', where)),
  ].sort((a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome));
  const s = diff.summary;
  const f = s.followThrough;
  return {
    id: newPlan.id,
    authority: newPlan.authority,
    period: newPlan.period,
    isDraft: newPlan.isDraft,
    statusLabel: STATUS[newPlan.status]!,
    heading: `Changes since ${oldPlan.period}`,
    old: { title: oldPlan.title, period: oldPlan.period, file: files.old },
    new: { title: newPlan.title, period: newPlan.period, file: files.new },
    summary: summarySentence(diff),
    identical: diff.changes.length === 0,
    counts: [
      { label: "Last year's actions completed", value: f.achieved + f.done },
      { label: 'Carried forward', value: f.carriedForward + f.carriedForwardLater },
      { label: '… of which with a later date', value: f.carriedForwardLater },
      { label: 'Dropped', value: f.dropped },
      { label: 'Not reported on', value: f.unreported },
      { label: 'Indicators improved', value: s.improved },
      { label: 'Indicators worsened', value: s.worsened },
      { label: 'Items added', value: s.added },
      { label: 'Items removed', value: s.removed },
      { label: 'Items moved to another objective', value: s.moved },
      { label: 'Fields changed', value: s.changed },
    ],
    // Two identical plans have nothing to follow through: every action is still there.
    followThrough: diff.changes.length === 0 ? [] : follow,
    indicators: diff.changes.filter((c) => c.entity === 'indicator' && (c.judgement || c.movedToHistory)).map((c) => indicatorRow(c, units)),
    groups: groupChanges(diff, oldPlan, newPlan, units),
    // Pairs, not records: a pair's field changes and its follow-through share one match.
    lowConfidence: new Set([...diff.changes, ...diff.followThrough, ...diff.keyActionFollowThrough].map((r) => r.match).filter((m) => m?.confidence === 'low')).size,
  };
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
  return { symbol: names.symbol, outcome: f.outcome, outcomeLabel: names.label, kind, id: f.action, text: oneLine(f.text), detail, lowConfidence: f.match?.confidence === 'low', how: how(f.match) };
}

