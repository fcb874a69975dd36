import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { readDue, readPeriod } from '../../src/plan/period.js';
import { rollover } from '../../src/rollover/rollover.js';
import { ROOT } from '../helpers/mapc.js';
import { planFrom } from '../helpers/render-plan.js';

/**
 * What the issue asks rollover to show: each example plan rolled over to the next year
 * validates, and its warnings name everything still last year's (each indicator's
 * figure, the committee paper's date, a carried action's due date) and each objective of
 * a MAP left with nothing planned (its actions all done); once the officer enters the new
 * figures, dates and actions, they are gone.
 */
const PLANS = readdirSync(join(ROOT, 'plans')).filter((name) => name.endsWith('.yaml')).sort();

/** The financial year after "2003-04". */
function nextYear(period: string): string {
  const first = Number(period.slice(0, 4)) + 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

/** What an officer enters: each figure for the year after its last, the meeting date, each late due date, an action where none is left. */
function fillIn(yaml: string): string {
  const doc = parseDocument(yaml);
  const plan = planFrom(yaml);
  const start = readPeriod(plan.period);
  if (!start.ok) throw new Error(plan.period);
  plan.indicators.forEach((indicator, i) => {
    if (indicator.period === undefined) return;
    doc.setIn(['indicators', i, 'period'], nextYear(indicator.period));
    doc.setIn(['indicators', i, 'value'], indicator.value + 1);
  });
  if (plan.report) doc.setIn(['report', 'date'], `${start.range.start.slice(0, 4)}-04-27`);
  plan.objectives.forEach((objective, o) =>
    objective.actions.forEach((action, a) => {
      const due = action.due === undefined ? undefined : readDue(action.due);
      if (due?.ok && due.range.end < start.range.start) doc.setIn(['objectives', o, 'actions', a, 'due'], start.range.end);
    }),
  );
  for (const o of emptyObjectives(plan)) doc.setIn(['objectives', o, 'actions'], doc.createNode([`Plan the work for ${plan.period}.`]));
  return doc.toString();
}

/** The indexes of a MAP's objectives with no open action and no key action point naming them. */
function emptyObjectives(plan: ReturnType<typeof planFrom>): number[] {
  if (plan.kind !== 'qp-map') return [];
  const named = new Set(plan.keyActions.flatMap((k) => k.objectives));
  return plan.objectives.flatMap((o, i) => (named.has(o.id) || o.actions.some((a) => a.status !== 'done' && a.status !== 'dropped') ? [] : [i]));
}

describe('the second year: rollover leaves nothing stale unsaid', () => {
  it.each(PLANS)('%s: rolled over, its warnings name what is still last year\'s; filled in, there are none', (name) => {
    const source = readFileSync(join(ROOT, 'plans', name), 'utf8');
    const plan = planFrom(source);
    const outcome = rollover(source, nextYear(plan.period), '../schemas/plan.schema.json');
    if (!outcome.ok) throw new Error(`${name} did not roll over`);
    const next = outcome.next.yaml;
    const lines = next.split('\n');

    const problems = checkPlanSource(next).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const said = problems.map((p) => `${p.code} ${p.pointer} ${lines[p.line - 1]!.trim().split(' #')[0]}`);
    const expected = [
      ...plan.indicators.flatMap((indicator) => (indicator.period === undefined ? [] : [`rule/stale-figure ${indicator.pointer}/value value: ${indicator.value}`])),
      ...(plan.report ? ['rule/report-period /report report:'] : []),
      ...emptyObjectives(plan).map((o) => `rule/objective-without-actions /objectives/${o}/id - id: ${plan.objectives[o]!.id}`),
    ];
    const stale = said.filter((s) => /^rule\/(stale-figure|report-period|objective-without-actions) /.test(s));
    expect(stale.sort()).toEqual(expected.sort());
    // The example plans carry no other warning into the next year but late due dates.
    expect(said.filter((s) => !stale.includes(s)).every((s) => s.startsWith('rule/due-before-period '))).toBe(true);
    // The new paper's title is for the new year, and last year's date is not printed as this year's.
    if (plan.report) expect(planFrom(next).report).toMatchObject({ title: expect.stringContaining(`${Number(plan.period.slice(0, 4)) + 1}`) });
    expect(planFrom(next).report?.date).toBeUndefined();

    const filled = fillIn(next);
    expect(checkPlanSource(filled).problems.map((p) => `${p.code} ${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });

  it('finds the example plans it promises to check', () => {
    expect(PLANS.length).toBeGreaterThanOrEqual(4);
    expect(PLANS.some((name) => planFrom(readFileSync(join(ROOT, 'plans', name), 'utf8')).indicators.length > 0)).toBe(true);
  });
});
