import type { Change, FollowThrough, MatchInfo, Outcome, PlanDiff, TextPiece } from '../diff/change.js';
import { ASSESSMENT_NAMES, CHANGE_SYMBOLS, ENTITY_NAMES, fieldName, OUTCOME_NAMES } from '../diff/field-names.js';
import { slipped, summarySentence } from '../diff/summarise.js';
import { formatDate } from '../plan/format-date.js';
import { FRAMEWORKS, type FrameworkId } from '../plan/frameworks.js';
import type { Action, Plan, Unit } from '../plan/model.js';
import { formatMoney, formatValue } from './format-values.js';

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

export interface IndicatorRowView {
  id: string;
  label: string;
  symbol: string;
  assessment: string;
  assessmentLabel: string;
  before: string;
  after: string;
  polarity: string;
  target: string | null;
  national: string | null;
  /** Said of a figure that is not a new year's: corrected, or not yet entered. */
  note: string | null;
  lowConfidence: boolean;
  how: string | null;
}

export interface GroupView {
  heading: string;
  anchor: string;
  items: EntityChangeView[];
}

export interface EntityChangeView {
  type: string;
  symbol: string;
  verb: string;
  entity: string;
  what: string;
  /** The wording, word by word, when it changed; null when unchanged or rewritten. */
  whatPieces: TextPiece[] | null;
  /** The old wording, shown whole, when it was rewritten beyond a word diff. */
  oldWhat: string | null;
  /** For an added action: its status, due date and lead, in a line. */
  details: string | null;
  /** `technical`: an id, which matters to the files but not to a reader of the paper. */
  fields: { name: string; before: string | null; after: string | null; pieces: TextPiece[] | null; technical: boolean }[];
  lowConfidence: boolean;
  how: string | null;
}

const STATUS: Record<string, string> = { draft: 'Draft', consultation: 'Draft for consultation', submitted: 'Submitted', approved: 'Approved', planned: 'Planned', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' };
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

/** Where each new achievement, action and key action point is, in words. */
function pointerIndex(plan: Plan): Map<string, Placed> {
  const index = new Map<string, Placed>();
  for (const k of plan.keyActions) index.set(k.pointer, { text: k.text, objective: null });
  for (const o of plan.objectives) {
    for (const item of o.achievements) index.set(item.pointer, { text: item.text, objective: `objective ${o.number}` });
    for (const action of o.actions) index.set(action.pointer, { text: action.text, objective: `objective ${o.number}`, action });
  }
  return index;
}

interface Placed {
  text: string;
  objective: string | null;
  action?: Action;
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

function indicatorRow(c: Change, units: Map<string, Unit>): IndicatorRowView {
  const unit = units.get(c.id ?? '') ?? 'number';
  const base = { id: c.id ?? '', label: c.label, lowConfidence: c.match?.confidence === 'low', how: how(c.match) };
  if (c.movedToHistory) {
    const { period, value } = c.movedToHistory;
    const names = ASSESSMENT_NAMES.awaiting!;
    return {
      ...base,
      symbol: names.symbol,
      assessment: 'awaiting',
      assessmentLabel: names.label,
      before: `${formatValue(value, unit)} (${period})`,
      after: 'Not yet entered',
      polarity: '',
      target: null,
      national: null,
      note: `The ${period} figure is now in the indicator's history; the new figure has not been entered.`,
    };
  }
  const j = c.judgement!;
  const correction = j.revision === 'same-period';
  const names = ASSESSMENT_NAMES[correction ? 'corrected' : c.assessment!]!;
  const figure = (v: { value: number; period: string | null }) => `${formatValue(v.value, unit)}${v.period ? ` (${v.period})` : ''}`;
  const met = (m: boolean | null) => (m === null ? null : m ? 'met' : 'not met');
  const points = (n: number) => (unit === 'percent' ? `${formatValue(n, 'number')} percentage ${n === 1 ? 'point' : 'points'}` : formatValue(n, unit));
  const bare = (n: number) => (unit === 'percent' ? formatValue(n, 'number') : formatValue(n, unit));
  const n = j.national;
  return {
    ...base,
    symbol: names.symbol,
    assessment: correction ? 'corrected' : c.assessment!,
    assessmentLabel: names.label,
    before: figure(j.before),
    after: figure(j.after),
    polarity: j.polarity === 'higher-is-better' ? 'Higher is better' : j.polarity === 'lower-is-better' ? 'Lower is better' : 'Neither higher nor lower is better',
    target: j.target && `${formatValue(j.target.value, unit)}${j.target.period ? ` by ${j.target.period}` : ''}${met(j.target.metAfter) ? `: ${met(j.target.metAfter)}` : ''}${met(j.target.metBefore) ? ` (last year ${met(j.target.metBefore)})` : ''}`,
    national:
      n &&
      [
        n.before === n.after ? formatValue(n.after, unit) : `${formatValue(n.before, unit)} → ${formatValue(n.after, unit)}`,
        n.gap === 'unchanged' ? `gap unchanged at ${points(n.gapAfter)}` : `gap ${n.gap} from ${bare(n.gapBefore)} to ${points(n.gapAfter)}`,
        ...(n.standing === 'not-judged' ? [] : [n.standing === 'same' ? 'level with national' : `${n.standing} than national`]),
      ].join('; '),
    note: correction ? `The ${j.after.period ?? 'same'} figure corrected: not a new year's figure, so neither better nor worse.` : null,
  };
}

/** The changes in sections a reader looks for: the plan, key action points, each objective, then the rest. */
function groupChanges(diff: PlanDiff, oldPlan: Plan, newPlan: Plan, units: Map<string, Unit>): GroupView[] {
  const changes = diff.changes;
  const outcomes = new Map([...diff.followThrough, ...diff.keyActionFollowThrough].map((f) => [f.oldPointer, f.outcome]));
  const objectives = new Map([...oldPlan.objectives, ...newPlan.objectives].map((o) => [o.id, `objective ${o.number}`]));
  const indicators = new Map([...oldPlan.indicators, ...newPlan.indicators].map((i) => [i.id, oneLine(i.label)]));
  const context: Context = { units, objectives, indicators, where: pointerIndex(newPlan), outcomes };
  const renamed = new Map(changes.filter((c) => c.entity === 'objective' && c.field === 'id').map((c) => [String(c.before), String(c.after)]));
  const objectiveOf = (c: Change) => (c.entity === 'objective' ? c.id : c.objective ? (renamed.get(c.objective) ?? c.objective) : null);
  const hasRow = new Set(changes.filter((c) => c.judgement).map((c) => c.id));
  const shown = (c: Change) => !(c.entity === 'indicator' && (c.judgement || c.movedToHistory || (c.field === 'national' && hasRow.has(c.id))));
  const section = (heading: string, anchor: string, test: (c: Change) => boolean): GroupView => ({ heading, anchor, items: entityViews(changes.filter((c) => shown(c) && test(c)), context) });
  const objectiveGroups = [...newPlan.objectives, ...oldPlan.objectives.filter((o) => !newPlan.objectives.some((n) => n.id === (renamed.get(o.id) ?? o.id)))].map((o) =>
    section(`Objective ${o.number}: ${oneLine(o.title)}`, `objective-${o.id}`, (c) => ['objective', 'achievement', 'action'].includes(c.entity) && objectiveOf(c) === (renamed.get(o.id) ?? o.id)),
  );
  return [
    section('The plan', 'plan', (c) => c.entity === 'plan'),
    section('Key action points', 'key-actions', (c) => c.entity === 'keyAction'),
    ...objectiveGroups,
    section('Performance indicators: other changes', 'indicators', (c) => c.entity === 'indicator'),
    section('Medium-term strategy', 'strategy', (c) => c.entity === 'strategy'),
    section('Funding', 'funding', (c) => c.entity === 'funding'),
    section('Covering paper', 'report', (c) => c.entity === 'report'),
  ].filter((g) => g.items.length > 0);
}

/** Consecutive records of one entity (a pair's field changes come together) become one item. */
interface Context {
  units: Map<string, Unit>;
  /** Objective ids as a reader knows them: "objective 3". */
  objectives: Map<string, string>;
  /** Indicator ids as a reader knows them: by their labels. */
  indicators: Map<string, string>;
  where: Map<string, Placed>;
  /** What became of each old action, by its old pointer. */
  outcomes: Map<string, Outcome>;
}

function entityViews(changes: readonly Change[], context: Context): EntityChangeView[] {
  const views: EntityChangeView[] = [];
  let last: Change | undefined;
  for (const c of changes) {
    const same = last && (c.type === 'changed' || c.type === 'moved') && (last.type === 'changed' || last.type === 'moved') && last.entity === c.entity && last.id === c.id && last.label === c.label && last.objective === c.objective;
    if (!same) views.push(newEntityView(c, context));
    addField(views[views.length - 1]!, c, context);
    last = c;
  }
  return views;
}

function newEntityView(c: Change, context: Context): EntityChangeView {
  const names = CHANGE_SYMBOLS[c.type];
  const action = c.type === 'added' && c.entity === 'action' ? context.where.get(c.newPointer ?? '')?.action : undefined;
  const outcome = c.type === 'removed' ? context.outcomes.get(c.oldPointer ?? '') : undefined;
  const details = action
    ? [action.status === 'planned' ? undefined : STATUS[action.status], action.due && `due ${formatDate(action.due)}`, action.lead && `lead: ${oneLine(action.lead)}`].filter(Boolean).join('; ')
    : outcome && OUTCOME_NAMES[outcome].label.toLowerCase();
  return {
    type: c.type,
    symbol: names.symbol,
    verb: names.label,
    entity: ENTITY_NAMES[c.entity],
    // An objective's changes are listed under its own heading: its number is enough there.
    what: c.entity === 'objective' && c.type === 'changed' ? c.label.replace(/:.*$/s, '') : c.label,
    whatPieces: null,
    oldWhat: null,
    details: details || null,
    fields: [],
    lowConfidence: c.match?.confidence === 'low',
    how: how(c.match),
  };
}

function addField(view: EntityChangeView, c: Change, context: Context): void {
  if (c.type === 'moved') {
    view.type = 'moved';
    view.symbol = CHANGE_SYMBOLS.moved.symbol;
    view.verb = CHANGE_SYMBOLS.moved.label;
  }
  if (c.type === 'added' || c.type === 'removed') return;
  if (c.field === 'text' && c.words && c.entity !== 'plan') {
    if (c.words.rewritten) view.oldWhat = oneLine(String(c.before));
    else view.whatPieces = c.words.pieces;
    return;
  }
  const unit = c.entity === 'indicator' ? (context.units.get(c.id ?? '') ?? 'number') : 'number';
  const named = (v: unknown): unknown => {
    if (c.field === 'objective' && typeof v === 'string') return context.objectives.get(v) ?? v;
    if (c.field === 'objectives' && Array.isArray(v)) return v.map((id: string) => context.objectives.get(id) ?? id);
    if (c.field === 'indicators' && Array.isArray(v)) return v.map((id: string) => context.indicators.get(id) ?? id);
    return v;
  };
  // Lists that kept some items: say only what went and what came.
  const [before, after] = listChange(named(c.before), named(c.after)) ?? [named(c.before), named(c.after)];
  view.fields.push({
    name: fieldName(c.entity, c.field ?? ''),
    before: describe(c.field ?? '', before, unit),
    after: describe(c.field ?? '', after, unit),
    pieces: c.words && !c.words.rewritten ? c.words.pieces : null,
    technical: c.field === 'id',
  });
}

/** For two lists of words sharing some items: the items removed and the items added. */
function listChange(before: unknown, after: unknown): [string[], string[]] | undefined {
  if (!Array.isArray(before) || !Array.isArray(after) || ![...before, ...after].every((v) => typeof v === 'string')) return undefined;
  const removed = before.filter((v) => !after.includes(v));
  const added = after.filter((v) => !before.includes(v));
  if (removed.length === before.length || (removed.length === 0 && added.length === 0)) return undefined;
  return [removed, added];
}

/** A field's value as a reader writes it, or null for none. */
function describe(field: string, value: unknown, unit: Unit): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    if (field === 'history') return value.map((h: { period: string; value: number }) => `${h.period}: ${formatValue(h.value, unit)}`).join('; ');
    if (field === 'contacts') return value.map((c: { name: string }) => c.name).join(', ');
    if (field === 'targets') return value.map((t: { text: string }) => oneLine(t.text)).join('; ');
    return value.map((v) => oneLine(String(v))).join(field === 'emphases' || field === 'recommendations' || field === 'backgroundPapers' ? '; ' : ', ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (field === 'target') return `${formatValue(Number(o.value), unit)}${o.period ? ` by ${String(o.period)}` : ''}`;
    if (field === 'part') return `${String(o.number)} ${String(o.title)}`;
    if (field === 'signedBy') return `${String(o.name)}, ${String(o.role)}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return field === 'cost' || field === 'amount' ? formatMoney(value) : formatValue(value, unit);
  const text = String(value);
  if (field === 'status') return STATUS[text] ?? text;
  if (field === 'framework') return FRAMEWORKS[text as FrameworkId]?.name ?? text;
  if (field === 'due' || field === 'date' || field.startsWith('dates.')) return formatDate(text);
  if (field === 'polarity') return text.replace(/-/g, ' ');
  return oneLine(text);
}

function how(match: MatchInfo | undefined): string | null {
  if (!match) return null;
  if (match.rule === 'similar') return `matched by similar wording, ${Math.round(match.similarity * 100)}% alike${match.confidence === 'low' ? ': low confidence, please check' : ''}`;
  if (match.rule === 'code') return 'matched by its national code';
  if (match.rule === 'normalised') return 'matched by its wording (capitals, punctuation or numbering changed)';
  return null;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
