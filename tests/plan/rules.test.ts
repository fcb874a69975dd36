import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { RULES } from '../../src/plan/rules/index.js';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';

/** "code severity line:column [suggestion]" for each problem. */
function problems(source: string): string[] {
  return checkPlanSource(source).problems.map((p) => `${p.code} ${p.severity} ${p.line}:${p.column}${p.suggestion ? ` ${p.suggestion}` : ''}`);
}

const QP_MAP_HEAD = `mapc: 1
id: test-map
kind: qp-map
title: Test plan
authority: Test Council
period: 2002-03
objectives:
`;
// Each with an action, so that rule/objective-without-actions has nothing to say.
const ALL_QP = Array.from({ length: 11 }, (_, i) => `  - id: qp${i + 1}\n    national: [QP${i + 1}]\n    actions: [Act.]\n`).join('');

describe('semantic rules', () => {
  it('each lives in a file named after its code', async () => {
    for (const rule of RULES) {
      const file = rule.code.replace('rule/', '');
      const module = (await import(`../../src/plan/rules/${file}.ts`)) as Record<string, unknown>;
      expect(Object.values(module)).toContain(rule);
    }
  });

  it('duplicate-id: ids are unique within their kind, not across kinds', () => {
    const source = `${MINIMAL_PLAN}    actions:
      - { id: recruit, text: Recruit carers }
      - { id: recruit, text: Recruit more carers }
    achievements:
      - { id: recruit, text: Recruited carers }
`;
    expect(problems(source)).toEqual(['rule/duplicate-id error 12:15']);
  });

  it('unknown-reference: indicators, objectives, funding and targets resolve, with the nearest id suggested', () => {
    const source = `${MINIMAL_PLAN}    indicators: [moves]
keyActions:
  - { text: Key action, objectives: [frist] }
funding:
  - { source: Grant, amount: 1000, objective: second }
strategy:
  horizon: 2008
  items:
    - id: item
      title: Item
      text: Text
      targets: [{ text: Fewer moves, indicator: placement-moves }]
indicators:
  - { id: placement-moves, label: Placement moves, value: 8 }
`;
    expect(problems(source)).toEqual([
      'rule/unknown-reference error 10:18',
      'rule/unknown-reference error 12:38 first',
      'rule/unknown-reference error 14:47',
    ]);
  });

  it('unknown-national-code: codes come from the plan\'s framework', () => {
    const source = MINIMAL_PLAN.replace('kind: strategy', 'kind: strategy\nframework: every-child-matters') + '    national: [ECM2, QP1]\n';
    expect(problems(source)).toEqual(['rule/unknown-national-code error 11:22']);
  });

  it('one-national-code and framework-coverage: a qp-map answers each national objective once', () => {
    expect(problems(QP_MAP_HEAD + ALL_QP)).toEqual([]);
    const missingQp11 = QP_MAP_HEAD + ALL_QP.replace('national: [QP11]', 'national: []\n    title: Value for money');
    expect(problems(missingQp11)).toEqual([
      'rule/framework-coverage warning 7:1',
      'rule/one-national-code error 39:15',
    ]);
  });

  it('missing-title: only a single national code can stand in for a title', () => {
    const source = MINIMAL_PLAN.replace('    title: First objective\n', '    national: [QP1, QP2]\n');
    expect(problems(source)).toEqual(['rule/missing-title error 8:5']);
  });

  it('invalid-date: dates, meeting dates and due days are days of the calendar', () => {
    const source = `${MINIMAL_PLAN.replace('period: 2002-03', 'period: 2002-03\ndates: { approved: 2002-13-01, published: 2004-02-29 }')}    actions:
      - { text: Act, due: 2003-02-29 }
      - { text: Act, due: 2003-02 }
`;
    expect(problems(source)).toEqual([
      'rule/invalid-date error 7:20',
      'rule/invalid-date error 12:27',
    ]);
  });

  it('invalid-period: a financial year is two consecutive years, a span ends after it starts', () => {
    const source = MINIMAL_PLAN.replace('period: 2002-03', 'period: 2002-03\nreviewPeriod: 2004-2001');
    expect(problems(source)).toEqual(['rule/invalid-period error 7:15']);
  });

  it('due-before-period: an open action due before the plan period starts is a warning', () => {
    const source = `${MINIMAL_PLAN}    actions:
      - { text: Late, due: 2002-03 }
      - { text: In time, due: 2002-04 }
      - { text: Done late, due: 2001-12-01, status: done }
      - { text: Year before, due: 2001-02 }
`;
    expect(problems(source)).toEqual([
      'rule/due-before-period warning 11:28',
      'rule/due-before-period warning 14:35',
    ]);
  });

  it('target-before-value: a target is not dated before its value', () => {
    const source = `${MINIMAL_PLAN}indicators:
  - { id: a, label: A, value: 1, period: 2002-03, target: { value: 2, period: 2001-02 } }
  - { id: b, label: B, value: 1, period: 2002-03, target: { value: 2, period: 2003-04 } }
`;
    expect(problems(source)).toEqual(['rule/target-before-value warning 11:79']);
  });

  it('unexpanded-abbreviation: glossary and "Full Name (ABBR)" both expand; plurals count', () => {
    const source = `${MINIMAL_PLAN}    summary: >-
      Personal Education Plans (PEPs) for every LAC child; each PEP is reviewed
      with the YOT and the CAMHS team. UK law.
glossary:
  LAC: Looked-after children
  CAMHS: Child and Adolescent Mental Health Services
`;
    expect(problems(source)).toEqual([
      'rule/unexpanded-abbreviation warning 12:16',
      'rule/unexpanded-abbreviation warning 12:40',
    ]);
  });
});
