import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { renamePeriod } from '../../src/rollover/rename-period.js';
import { checkNewPeriod, rolloverPlan } from '../../src/rollover/rollover-plan.js';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { planFrom } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/mapc.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/diff', name), 'utf8');
const OLD = fixture('family-services-2002-03.yaml');
const SCHEMA = '../../../schemas/plan.schema.json';

describe('rolloverPlan', () => {
  const rolled = rolloverPlan(OLD, planFrom(OLD), '2003-04', SCHEMA);

  it('edits the file in place: exactly the expected text, comments and wrapping kept', () => {
    expect(rolled.yaml).toBe(fixture('family-services-2003-04.rolled.yaml'));
    expect(rolled).toMatchObject({ id: 'family-services-2003-04', carriedForward: 2, achieved: 2, leftOut: 1, movedToHistory: 2 });
  });

  it('gives a plan with no errors, warning of each thing left from last year: a due date, two figures, the meeting date', () => {
    expect(checkPlanSource(rolled.yaml).problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([
      'rule/due-before-period 27:14',
      'rule/stale-figure 45:12',
      'rule/stale-figure 54:12',
      'rule/report-period 63:1',
    ]);
  });

  it('shows, diffed against last year, exactly the carried-forward actions and the figures moved into history', () => {
    const diff = diffPlans(planFrom(OLD), planFrom(rolled.yaml));
    expect(diff.changes.map((c) => `${c.type} ${c.entity} ${c.id ?? '-'}${c.field ? ` ${c.field}` : ''}`)).toEqual([
      'changed plan family-services-2003-04 id',
      'changed plan family-services-2003-04 title',
      'changed plan family-services-2003-04 period',
      'changed plan family-services-2003-04 status',
      'changed plan family-services-2003-04 dates.approved',
      // The done action is now an achievement, under the same id.
      'added achievement audit',
      'removed action audit',
      'added achievement panel',
      'removed action panel',
      // The dropped one is left out.
      'removed action newsletter',
      'changed indicator placement-moves history',
      'changed indicator adoptions history',
      // Last year's meeting date is taken out, for the officer to set.
      'changed report - date',
    ]);
    expect(diff.changes.filter((c) => c.movedToHistory).map((c) => c.movedToHistory)).toEqual([
      { period: '2001-02', value: 8 },
      { period: '2001-02', value: 9 },
    ]);
    expect(diff.followThrough.map((f) => `${f.action ?? f.text} ${f.outcome}`)).toEqual([
      'carers carried-forward',
      'audit achieved',
      'Review the short breaks service with parents. carried-forward',
      'panel achieved',
      'newsletter dropped',
    ]);
  });

  it('works on a file without a final line break, and makes the achievements list when an objective has none', () => {
    const source = `mapc: 1
id: p-2002-03
kind: strategy
title: P
authority: A
period: 2002-03
objectives:
  - id: o
    title: O
    actions:
      - { id: a, text: Do it., status: done }`;
    const next = rolloverPlan(source, planFrom(source), '2003-04', 'plan.schema.json');
    expect(next.yaml).toBe(`# yaml-language-server: $schema=plan.schema.json
mapc: 1
id: p-2003-04
kind: strategy
title: P
authority: A
period: 2003-04
status: draft
objectives:
  - id: o
    title: O
    achievements:
      - { id: a, text: Do it. }
`);
  });

  it('adds to an achievements list written on one line in the same style', () => {
    const source = `mapc: 1
id: p-2002-03
kind: strategy
title: P
authority: A
period: 2002-03
objectives:
  - id: o
    title: O
    achievements: [Opened a centre.]
    actions:
      - id: a
        text: >-
          Recruit twelve foster carers,
          with training.
        status: done
      - Keep going.
`;
    const next = rolloverPlan(source, planFrom(source), '2003-04', 'plan.schema.json');
    expect(next.yaml.split('objectives:\n')[1]).toBe(`  - id: o
    title: O
    achievements: [Opened a centre., { id: a, text: "Recruit twelve foster carers, with training." }]
    actions:
      - Keep going.
`);
    expect(planFrom(next.yaml).objectives[0]!.achievements.map((a) => a.text)).toEqual(['Opened a centre.', 'Recruit twelve foster carers, with training.']);
  });
});

describe("rollover of the covering paper", () => {
  const plan = (report: string) => `mapc: 1
id: p-2002-03
kind: strategy
title: Plan 2002-2003
authority: A
period: 2002-03
objectives:
  - { id: o, title: O }
${report}`;

  it("moves a title of its own on and takes last year's meeting date out, lines and comments around them kept", () => {
    const source = plan(`report:
  committee: Children's Committee
  # The April meeting.
  date: 2002-04-30
  title: Paper on the Plan 2002/03
  from: Director
  purpose: To present it.
  recommendations: [Approve it.]
`);
    const next = rolloverPlan(source, planFrom(source), '2003-04', 'plan.schema.json').yaml;
    expect(next.split('  - { id: o, title: O }\n')[1]).toBe(`# Last year's covering paper, kept as a start: set the meeting date and revise it for 2003-04.
report:
  committee: Children's Committee
  # The April meeting.
  title: Paper on the Plan 2003/04
  from: Director
  purpose: To present it.
  recommendations: [Approve it.]
`);
  });

  it('takes the date out of a paper written on one line too, wherever it stands', () => {
    for (const [written, left] of [
      ['{ committee: C, date: 2002-04-30, from: D, purpose: P, recommendations: [R] }', '{ committee: C, from: D, purpose: P, recommendations: [R] }'],
      ['{ committee: C, from: D, purpose: P, recommendations: [R], date: 2002-04-30 }', '{ committee: C, from: D, purpose: P, recommendations: [R] }'],
    ]) {
      const source = plan(`report: ${written}\n`);
      const next = rolloverPlan(source, planFrom(source), '2003-04', 'plan.schema.json').yaml;
      expect(next.endsWith(`report: ${left}\n`)).toBe(true);
      expect(planFrom(next).report).toMatchObject({ title: 'Plan 2003-2004', committee: 'C' });
    }
  });
});

describe('renamePeriod and checkNewPeriod', () => {
  it('moves each way of writing a financial year on by its own pattern', () => {
    expect(renamePeriod('iow-qp-map-2002-03', '2002-03', '2003-04')).toBe('iow-qp-map-2003-04');
    expect(renamePeriod('Management Action Plan 2002-2003', '2002-03', '2003-04')).toBe('Management Action Plan 2003-2004');
    expect(renamePeriod('Plan 2002/03 (2002/2003)', '2002-03', '2003-04')).toBe('Plan 2003/04 (2003/2004)');
    expect(renamePeriod('Strategy 2004-2008', '2004-2008', '2005-2009')).toBe('Strategy 2005-2009');
    expect(renamePeriod('Children and Families', '2004-05', '2005-06')).toBeUndefined();
    expect(renamePeriod('Plan 12002-03', '2002-03', '2003-04')).toBeUndefined();
  });

  it('refuses a period that is not one, or is not later', () => {
    const plan = planFrom(OLD);
    expect(checkNewPeriod(plan, '2003-04')).toBeUndefined();
    expect(checkNewPeriod(plan, '2003-05')).toMatch(/^'2003-05' is not a period: a financial year's second part/);
    expect(checkNewPeriod(plan, '2002-03')).toBe('the plan is already for 2002-03; roll it over to a later period.');
  });
});
