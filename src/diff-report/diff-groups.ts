import type { Change, EntityKind, Outcome, PlanDiff, TextPiece } from '../diff/change.js';
import { CHANGE_SYMBOLS, fieldName } from '../diff/field-names.js';
import type { Say } from '../diff/diff-phrases.js';
import type { LabelKey } from '../plan/generated/label-defaults.js';
import { outcomeLabel } from './follow-through-rows.js';
import { formatDate } from '../plan/format-date.js';
import { FRAMEWORKS, type FrameworkId } from '../plan/frameworks.js';
import type { Plan, Unit } from '../plan/model.js';
import { how, oneLine, pointerIndex, statusWord, type Placed } from './diff-words.js';
import { formatMoney, formatValue } from '../render/format-values.js';

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
  fields: FieldView[];
  lowConfidence: boolean;
  how: string | null;
}

export interface FieldView {
  name: string;
  before: string | null;
  after: string | null;
  pieces: TextPiece[] | null;
  /** An id, which matters to the files but not to a reader of the paper. */
  technical: boolean;
  /** The paper's own wording (the covering paper, the plan's title), which every year rewrites. */
  boilerplate: boolean;
  /** Said to have changed, without its words (the members' paper, for long boilerplate). */
  reworded: boolean;
}

/** The changes in sections a reader looks for: the plan, key action points, each objective, then the rest. */
export function groupChanges(diff: PlanDiff, oldPlan: Plan, newPlan: Plan, units: Map<string, Unit>, say: Say): GroupView[] {
  const changes = diff.changes;
  const outcomes = new Map([...diff.followThrough, ...diff.keyActionFollowThrough].map((f) => [f.oldPointer, f.outcome]));
  const objectives = new Map([...oldPlan.objectives, ...newPlan.objectives].map((o) => [o.id, say('diffObjectiveRef', { number: o.number })]));
  const indicators = new Map([...oldPlan.indicators, ...newPlan.indicators].map((i) => [i.id, oneLine(i.label)]));
  const context: Context = { units, objectives, indicators, where: pointerIndex(newPlan, say), outcomes, say };
  const renamed = new Map(changes.filter((c) => c.entity === 'objective' && c.field === 'id').map((c) => [String(c.before), String(c.after)]));
  const objectiveOf = (c: Change) => (c.entity === 'objective' ? c.id : c.objective ? (renamed.get(c.objective) ?? c.objective) : null);
  const hasRow = new Set(changes.filter((c) => c.judgement).map((c) => c.id));
  const shown = (c: Change) => !(c.entity === 'indicator' && (c.judgement || c.movedToHistory || (c.field === 'national' && hasRow.has(c.id))));
  const section = (heading: string, anchor: string, test: (c: Change) => boolean): GroupView => ({ heading, anchor, items: entityViews(changes.filter((c) => shown(c) && test(c)), context) });
  const objectiveGroups = [...newPlan.objectives, ...oldPlan.objectives.filter((o) => !newPlan.objectives.some((n) => n.id === (renamed.get(o.id) ?? o.id)))].map((o) =>
    // The documents' own "Objective {number}" and the title: a heading of its own, whatever the label says.
    section(`${say('objective', { number: o.number })}: ${oneLine(o.title)}`, `objective-${o.id}`, (c) => ['objective', 'achievement', 'action'].includes(c.entity) && objectiveOf(c) === (renamed.get(o.id) ?? o.id)),
  );
  return [
    section(say('diffGroupPlan'), 'plan', (c) => c.entity === 'plan'),
    section(say('diffGroupKeyActions'), 'key-actions', (c) => c.entity === 'keyAction'),
    ...objectiveGroups,
    section(say('diffGroupIndicators'), 'indicators', (c) => c.entity === 'indicator'),
    section(say('diffGroupStrategy'), 'strategy', (c) => c.entity === 'strategy'),
    section(say('diffGroupFunding'), 'funding', (c) => c.entity === 'funding'),
    section(say('diffGroupReport'), 'report', (c) => c.entity === 'report'),
  ].filter((g) => g.items.length > 0);
}

/** What the words of a change are looked up in. */
interface Context {
  units: Map<string, Unit>;
  /** Objective ids as a reader knows them: "objective 3". */
  objectives: Map<string, string>;
  /** Indicator ids as a reader knows them: by their labels. */
  indicators: Map<string, string>;
  where: Map<string, Placed>;
  /** What became of each old action, by its old pointer. */
  outcomes: Map<string, Outcome>;
  say: Say;
}

/** Each change's verb, and each kind of item, in the paper's words. */
const VERBS: Record<keyof typeof CHANGE_SYMBOLS, LabelKey> = { added: 'diffVerbAdded', removed: 'diffVerbRemoved', changed: 'diffVerbChanged', moved: 'diffVerbMoved' };
const ENTITIES: Record<EntityKind, LabelKey> = {
  plan: 'diffEntityPlan',
  objective: 'diffEntityObjective',
  achievement: 'diffEntityAchievement',
  action: 'diffEntityAction',
  keyAction: 'diffEntityKeyAction',
  indicator: 'diffEntityIndicator',
  strategy: 'diffEntityStrategy',
  funding: 'diffEntityFunding',
  report: 'diffEntityReport',
};

/** Consecutive records of one entity (a pair's field changes come together) become one item. */
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
  const action = c.type === 'added' && c.entity === 'action' ? context.where.get(c.newPointer ?? '')?.action : undefined;
  const outcome = c.type === 'removed' ? context.outcomes.get(c.oldPointer ?? '') : undefined;
  const details = action
    ? [
        action.status === 'planned' ? undefined : statusWord(action.status, context.say),
        action.due && context.say('diffDetailDue', { date: formatDate(action.due) }),
        action.lead && context.say('diffDetailLead', { lead: oneLine(action.lead) }),
      ]
        .filter(Boolean)
        .join('; ')
    : // After the item's own words, in small letters: "(achieved)".
      outcome && outcomeLabel(outcome, context.say).toLowerCase();
  return {
    type: c.type,
    symbol: CHANGE_SYMBOLS[c.type],
    verb: context.say(VERBS[c.type]),
    entity: context.say(ENTITIES[c.entity]),
    // An objective's changes are listed under its own heading: its number is enough there.
    what: c.entity === 'objective' && c.type === 'changed' ? c.label.replace(/:.*$/s, '') : c.label,
    whatPieces: null,
    oldWhat: null,
    details: details || null,
    fields: [],
    lowConfidence: c.match?.confidence === 'low',
    how: how(c.match, context.say),
  };
}

function addField(view: EntityChangeView, c: Change, context: Context): void {
  if (c.type === 'moved') {
    view.type = 'moved';
    view.symbol = CHANGE_SYMBOLS.moved;
    view.verb = context.say(VERBS.moved);
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
    name: fieldName(c.entity, c.field ?? '', context.say),
    before: describe(c.field ?? '', before, unit, context.say),
    after: describe(c.field ?? '', after, unit, context.say),
    pieces: c.words && !c.words.rewritten ? c.words.pieces : null,
    technical: c.field === 'id',
    boilerplate: c.entity === 'report' || (c.entity === 'plan' && c.field === 'title'),
    reworded: false,
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

/** An indicator's polarity in a changed field's value, in small letters ("lower is better"). */
const POLARITIES: Record<string, LabelKey> = { 'higher-is-better': 'diffValueHigherIsBetter', 'lower-is-better': 'diffValueLowerIsBetter', neutral: 'diffValueNeutral' };

/** A field's value as a reader writes it, or null for none. */
function describe(field: string, value: unknown, unit: Unit, say: Say): string | null {
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
    if (field === 'target') return o.period ? say('diffTargetBy', { value: formatValue(Number(o.value), unit), period: String(o.period) }) : formatValue(Number(o.value), unit);
    if (field === 'part') return `${String(o.number)} ${String(o.title)}`;
    if (field === 'signedBy') return `${String(o.name)}, ${String(o.role)}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return say(value ? 'diffValueYes' : 'diffValueNo');
  if (typeof value === 'number') return field === 'cost' || field === 'amount' ? formatMoney(value) : formatValue(value, unit);
  const text = String(value);
  if (field === 'status') return statusWord(text, say);
  if (field === 'framework') return FRAMEWORKS[text as FrameworkId]?.name ?? text;
  if (field === 'due' || field === 'date' || field.startsWith('dates.')) return formatDate(text);
  if (field === 'polarity' && Object.hasOwn(POLARITIES, text)) return say(POLARITIES[text]!);
  return oneLine(text);
}

