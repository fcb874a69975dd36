import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';

/** "code severity line:column" for each problem. */
function problems(source: string): string[] {
  return checkPlanSource(source).problems.map((p) => `${p.code} ${p.severity} ${p.line}:${p.column}`);
}

function messages(source: string): string[] {
  return checkPlanSource(source).problems.map((p) => p.message);
}

const REPORT = `report:
  committee: Children's Committee
  date: 2003-04-29
  title: Quality Protects Management Action Plan 2003-2004
  from: Director
  purpose: To inform.
  recommendations: [Note it.]
`;

describe('rule/report-period', () => {
  it('a report dated in the plan period and titled for it is fine, however the period is written', () => {
    const plan = MINIMAL_PLAN.replace('period: 2002-03', 'period: 2003-04');
    expect(problems(plan + REPORT)).toEqual([]);
    for (const title of ['Plan 2003/04', 'Plan 2003-04', 'Plan 2003/2004', 'Plan 2001-2004 and its review', 'Annual report'])
      expect(problems(plan + REPORT.replace('Quality Protects Management Action Plan 2003-2004', title))).toEqual([]);
  });

  it("last year's date, or no date, is a warning at the date or at report:", () => {
    const plan = MINIMAL_PLAN.replace('period: 2002-03', 'period: 2004-05');
    const retitled = REPORT.replace('2003-2004', '2004-2005');
    expect(problems(plan + retitled)).toEqual(['rule/report-period warning 12:9']);
    expect(messages(plan + retitled)).toEqual([
      'The covering report is dated 29 April 2003, before the plan period 2004-05 starts (1 April 2004): set the date of the meeting that will consider this plan.',
    ]);
    const undated = retitled.replace('  date: 2003-04-29\n', '');
    expect(problems(plan + undated)).toEqual(['rule/report-period warning 10:1']);
    expect(messages(plan + undated)).toEqual(['The covering report has no date: add the date of the meeting it goes to, as date: under report.']);
  });

  it("a title naming another period is a warning at the report's title, or at the plan's title it takes", () => {
    const plan = MINIMAL_PLAN.replace('period: 2002-03', 'period: 2004-05');
    const dated = REPORT.replace('2003-04-29', '2004-04-27');
    expect(problems(plan + dated)).toEqual(['rule/report-period warning 13:10']);
    expect(messages(plan + dated)).toEqual(['The covering report is titled for 2003-2004, not for the plan period 2004-05: retitle it for 2004-05.']);
    const untitled = plan.replace('title: Test plan', 'title: Plan 2003/04') + dated.replace(/ {2}title: .*\n/, '');
    expect(problems(untitled)).toEqual(['rule/report-period warning 4:8']);
  });
});

describe('rule/stale-figure', () => {
  const INDICATORS = `indicators:
  - id: moves
    label: Placement moves
    period: 2002-03
    value: 7
    history:
      - { period: 2001-02, value: 8 }
      - { period: 2002-03, value: 7 }
  - id: adoptions
    label: Adoptions
    period: 2003-04
    value: 8
    history: [{ period: 2002-03, value: 8 }]
`;

  it('a figure still the one carried into its history is a warning at the value; a new one, even if equal, is not', () => {
    expect(problems(MINIMAL_PLAN + INDICATORS)).toEqual(['rule/stale-figure warning 14:12']);
    expect(messages(MINIMAL_PLAN + INDICATORS)).toEqual([
      "Indicator 'moves' still shows its 2002-03 figure (7), which is already in its history: enter the newer figure and its period.",
    ]);
  });

  it('a figure without a period cannot be told from its history, and is left alone', () => {
    expect(problems(MINIMAL_PLAN + INDICATORS.replace('    period: 2002-03\n    value: 7\n', '    value: 7\n'))).toEqual([]);
  });
});

describe('rule/objective-without-actions', () => {
  const MAP = `mapc: 1
id: test-map
kind: qp-map
title: Test plan
authority: Test Council
period: 2002-03
keyActions:
  - { text: Recruit foster carers., objectives: [qp1] }
  - Consult children.
objectives:
${Array.from({ length: 11 }, (_, i) => `  - id: qp${i + 1}\n    national: [QP${i + 1}]\n`).join('')}`;
  const withActions = (source: string, from: number): string =>
    source.replace(/(national: \[QP(\d+)\]\n)/g, (line, _all, n: string) => (Number(n) >= from ? `${line}    actions: [Act.]\n` : line));

  it('a qp-map objective with neither actions nor a key action point naming it is a warning at its id', () => {
    expect(problems(withActions(MAP, 3))).toEqual(['rule/objective-without-actions warning 13:9']);
    expect(messages(withActions(MAP, 3))).toEqual([
      "Objective 'qp2' plans nothing: it has no actions, and no key action point names it. Add its actions, or add 'qp2' to the objectives of a key action point.",
    ]);
    expect(problems(withActions(MAP, 2))).toEqual([]);
  });

  it('a strategy is not held to it: its themes are not the national objectives', () => {
    expect(problems(MINIMAL_PLAN)).toEqual([]);
  });
});
