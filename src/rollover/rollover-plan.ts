import { isMap, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Action, Plan } from '../plan/model.js';
import { readPeriod } from '../plan/period.js';
import { YAML_OPTIONS } from '../plan/yaml-options.js';
import { renamePeriod } from './rename-period.js';
import { rollReport } from './roll-report.js';
import { SourceEdits } from './source-edits.js';
import { pairOf, range, replaceValue } from './yaml-nodes.js';

export interface Rollover {
  yaml: string;
  id: string;
  carriedForward: number;
  /** Actions marked done, now achievements. */
  achieved: number;
  /** Actions marked dropped, left out. */
  leftOut: number;
  movedToHistory: number;
}

export const MODELINE = '# yaml-language-server: $schema=';

/**
 * Next year's plan from this year's, as an edit of this year's file (comments and layout
 * kept): new id and period, title's years moved on, status draft, dates removed; actions
 * marked done become achievements and dropped ones are left out, both keeping their ids,
 * while open actions are carried forward as they are; each indicator's figure is copied
 * into its history. The figure itself stays (a plan must have one) until the officer
 * enters the new year's, as a comment on its line says and rule/stale-figure warns. The
 * covering paper is kept, to be revised, since the committee, its author and its shape
 * rarely change; its title moves on and its meeting date is left for the officer to set.
 */
export function rolloverPlan(text: string, plan: Plan, period: string, schemaPath: string, movePath?: (path: string) => string): Rollover {
  // Every line ends with a line break, the last one too, so that lines can be added after it.
  const source = text.endsWith('\n') ? text : `${text}\n`;
  // Read as every plan is (the plan was read and checked before: its duplicate keys, had it any, stopped it there).
  const doc = parseDocument(source, YAML_OPTIONS);
  const root = doc.contents as YAMLMap;
  const edits = new SourceEdits(source);
  const id = renamePeriod(plan.id, plan.period, period) ?? `${plan.id}-${period}`;
  const counts = { carriedForward: 0, achieved: 0, leftOut: 0, movedToHistory: 0 };

  setModeline(edits, schemaPath);
  replaceValue(edits, pairOf(root, 'id')!, id);
  replaceValue(edits, pairOf(root, 'period')!, period);
  const title = renamePeriod(plan.title, plan.period, period);
  if (title !== undefined) replaceValue(edits, pairOf(root, 'title')!, title);
  const status = pairOf(root, 'status');
  if (status) replaceValue(edits, status, 'draft');
  else edits.insert(edits.lineEnd(range(pairOf(root, 'period')!.value)[1] - 1), 'status: draft\n');
  const dates = pairOf(root, 'dates');
  if (dates) edits.removeLines(range(dates.key)[0], range(dates.value)[1]);

  (pairOf(root, 'objectives')!.value as YAMLSeq).items.forEach((node, i) => {
    const counted = rollActions(edits, node as YAMLMap, plan.objectives[i]!.actions);
    counts.carriedForward += counted.carried;
    counts.achieved += counted.achieved;
    counts.leftOut += counted.leftOut;
  });
  const indicators = pairOf(root, 'indicators')?.value;
  if (isSeq(indicators)) {
    indicators.items.forEach((node, i) => {
      if (moveIntoHistory(edits, node as YAMLMap, plan.indicators[i]!.history.map((h) => h.period))) counts.movedToHistory++;
    });
  }
  const report = pairOf(root, 'report');
  if (report) rollReport(edits, report, plan.period, period, movePath);
  return { yaml: edits.apply(), id, ...counts };
}

/** Done actions move to the objective's achievements, dropped ones go, open ones stay. */
function rollActions(edits: SourceEdits, objective: YAMLMap, models: Action[]): { carried: number; achieved: number; leftOut: number } {
  const actions = pairOf(objective, 'actions');
  if (!actions || !isSeq(actions.value) || actions.value.flow) return { carried: models.length, achieved: 0, leftOut: 0 };
  const items = actions.value.items as Node[];
  const isClosed = (j: number) => models[j]!.status === 'done' || models[j]!.status === 'dropped';
  const closed = items.filter((_, j) => isClosed(j));
  const done = items.flatMap((item, j) => (models[j]!.status === 'done' ? [{ item, model: models[j]! }] : []));
  if (closed.length === items.length) edits.removeLines(range(actions.key)[0], range(actions.value)[1]);
  else for (const item of closed) edits.removeLines(range(item)[0], range(item)[1]);

  if (done.length > 0) addAchievements(edits, objective, actions.key, items[0]!, done);
  return { carried: items.length - closed.length, achieved: done.length, leftOut: closed.length - done.length };
}

/** Appends the done actions to the objective's achievements, making the list if there is none. */
function addAchievements(edits: SourceEdits, objective: YAMLMap, actionsKey: Node, firstAction: Node, done: { item: Node; model: Action }[]): void {
  const achievements = pairOf(objective, 'achievements');
  if (achievements && isSeq(achievements.value) && achievements.value.flow) {
    // A list written [a, b] takes the new achievements in the same style.
    const added = done.map(({ model }) => flowAchievement(model));
    const close = edits.source.lastIndexOf(']', range(achievements.value)[1]);
    edits.insert(close, `${achievements.value.items.length > 0 ? ', ' : ''}${added.join(', ')}`);
    return;
  }
  const last = isSeq(achievements?.value) ? (achievements.value.items.at(-1) as Node | undefined) : undefined;
  const dash = dashColumn(edits, last ?? firstAction);
  // An action written as a block mapping keeps its lines; one on a line, as text, or as an
  // alias (*name) of an action written elsewhere is written out afresh from the model.
  const text = done
    .map(({ item, model }) => (isMap(item) && !item.flow ? achievementFrom(edits, item, dash) : `${' '.repeat(dash)}- ${flowAchievement(model)}\n`))
    .join('');
  if (last) edits.insert(edits.lineEnd(range(last)[1] - 1), text);
  else edits.insert(edits.lineStart(range(actionsKey)[0]), `${' '.repeat(edits.column(range(actionsKey)[0]))}achievements:\n${text}`);
}

/** An action written on one line, `{ id: a, text: … }`, becomes an achievement written the same way. */
function flowAchievement(a: Action): string {
  const achievement = { ...(a.id ? { id: a.id } : {}), text: a.text, ...(a.indicators.length > 0 ? { indicators: a.indicators } : {}) };
  return stringify(achievement, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
}

/** An action's id, text and indicators (and x- keys), as an achievement's lines at `dash`. */
function achievementFrom(edits: SourceEdits, action: YAMLMap, dash: number): string {
  const kept = (action.items as Pair<Node, Node>[]).filter((p) => /^(id|text|indicators|x-.*)$/.test(String((p.key as { value?: unknown }).value)));
  const shift = dash + 2 - edits.column(range(action)[0]);
  return kept
    .map((pair, k) => {
      const lines = edits.source.slice(range(pair.key)[0], edits.lineEnd(range(pair.value)[1] - 1)).replace(/\n?$/, '\n').split('\n');
      const first = `${' '.repeat(dash)}${k === 0 ? '- ' : '  '}${lines[0]}`;
      const rest = lines.slice(1).map((line) => (line === '' ? '' : shift >= 0 ? ' '.repeat(shift) + line : line.slice(-shift)));
      return [first, ...rest].join('\n');
    })
    .join('');
}

/** Copies the figure into the history; returns whether it did. */
function moveIntoHistory(edits: SourceEdits, indicator: YAMLMap, historyPeriods: string[]): boolean {
  const period = pairOf(indicator, 'period');
  const value = pairOf(indicator, 'value')!;
  if (!period || historyPeriods.includes(String((period.value as { value: unknown }).value))) return false;
  const text = (pair: Pair<Node, Node>) => edits.source.slice(range(pair.value)[0], range(pair.value)[1]).trim();
  const entry = `{ period: ${text(period)}, value: ${text(value)} }`;
  const valueEnd = range(value.value)[1];
  const lineBreak = edits.lineEnd(valueEnd - 1) - 1;
  if (!edits.source.slice(valueEnd, lineBreak).includes('#')) edits.insert(lineBreak, ` # ${text(period)}'s figure, also in the history now: enter the new figure and its period`);

  const history = pairOf(indicator, 'history');
  const indent = ' '.repeat(edits.column(range(value.key)[0]));
  if (!history) edits.insert(edits.lineEnd(valueEnd - 1), `${indent}history:\n${indent}  - ${entry}\n`);
  else if (isSeq(history.value) && history.value.flow) {
    const close = edits.source.lastIndexOf(']', range(history.value)[1]);
    edits.insert(close, history.value.items.length > 0 ? `, ${entry}` : entry);
  } else if (isSeq(history.value)) {
    const last = history.value.items.at(-1) as Node;
    edits.insert(edits.lineEnd(range(last)[1] - 1), `${' '.repeat(dashColumn(edits, last))}- ${entry}\n`);
  }
  return true;
}

function setModeline(edits: SourceEdits, schemaPath: string): void {
  const line = `${MODELINE}${schemaPath}\n`;
  if (edits.source.startsWith(MODELINE)) edits.replace(0, edits.lineEnd(0), line);
  else edits.insert(0, line);
}

/** The column of the "-" that starts a block list item. */
function dashColumn(edits: SourceEdits, item: Node): number {
  const dash = edits.source.lastIndexOf('-', range(item)[0]);
  return edits.column(dash);
}

/** The new period must be a period, and later than the plan's. */
export function checkNewPeriod(plan: Plan, period: string): string | undefined {
  const next = readPeriod(period);
  if (!next.ok) return `'${period}' is not a period: ${next.reason} (write a financial year like 2003-04, a span like 2004-2008, or a year).`;
  const current = readPeriod(plan.period);
  if (current.ok && next.range.start <= current.range.start) return `the plan is already for ${plan.period}; roll it over to a later period.`;
  return undefined;
}
