import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { MINIMAL_PLAN, problemsOf } from '../helpers/check-yaml.js';

describe('checkPlanSource', () => {
  it('accepts a minimal plan and builds its model with defaults', () => {
    const { problems, plan } = checkPlanSource(MINIMAL_PLAN);
    expect(problems).toEqual([]);
    expect(plan).toMatchObject({ status: 'draft', isDraft: true, period: '2002-03', framework: { id: 'quality-protects' } });
    expect(plan?.objectives[0]).toMatchObject({ number: '1', title: 'First objective', titleSource: 'plan', pointer: '/objectives/0' });
  });

  it('keeps dates and periods as written (YAML 1.2 core schema: no timestamps)', () => {
    const { plan } = checkPlanSource(MINIMAL_PLAN.replace('period: 2002-03', 'period: 2008\ndates: { submitted: 2002-01-31 }'));
    expect(plan?.period).toBe('2008');
    expect(plan?.dates.submitted).toBe('2002-01-31');
  });

  it('ignores x- keys at every level', () => {
    const source = MINIMAL_PLAN.replace('kind: strategy', 'kind: strategy\nx-owner: Planning team') + '    x-note: anything\n';
    expect(problemsOf(source)).toEqual([]);
  });

  it('takes a qp-map objective title from its national objective', () => {
    const source = MINIMAL_PLAN.replace('    title: First objective\n', '    national: [QP2]\n');
    expect(checkPlanSource(source).plan?.objectives[0]?.title).toBe(
      'To ensure that children are protected from emotional, physical and sexual abuse and neglect.',
    );
  });

  it('reports every missing key of one mapping in one problem, at the mapping', () => {
    const { problems } = checkPlanSource('mapc: 1\nid: x\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'schema/missing-key',
      line: 1,
      column: 1,
      message: "The plan is missing the keys 'kind', 'title', 'authority', 'period' and 'objectives'.",
    });
  });

  it('treats __proto__ and constructor as ordinary unknown keys', () => {
    const source = MINIMAL_PLAN + '__proto__: { polluted: true }\nconstructor: 1\n';
    expect(problemsOf(source)).toEqual(['schema/unknown-key 10:1', 'schema/unknown-key 11:1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports the shape a text-or-mapping item has, not both shapes', () => {
    const source = MINIMAL_PLAN + '    achievements:\n      - text: Done it\n        indicator: [x]\n';
    const { problems } = checkPlanSource(source);
    expect(problems.map((p) => [p.code, p.line, p.column, p.suggestion])).toEqual([['schema/unknown-key', 12, 9, 'indicators']]);
  });

  it('describes an empty value rather than a type', () => {
    const { problems } = checkPlanSource(MINIMAL_PLAN.replace('authority: Test Council', "authority: ''"));
    expect(problems[0]).toMatchObject({ code: 'schema/empty', line: 5, column: 12, message: "'authority' is empty; write the text, or remove the key." });
  });

  it('points at an alias where an aliased value is used, and through an alias into its anchor', () => {
    const used = MINIMAL_PLAN.replace('period: 2002-03', 'x-status: &s finished\nperiod: 2002-03\nstatus: *s');
    expect(problemsOf(used)).toEqual(['schema/bad-value 8:9']);
    const through = MINIMAL_PLAN.replace('kind: strategy', 'kind: strategy\nx-action: &a { text: Act, leed: Someone }') + '    actions: [*a]\n';
    expect(problemsOf(through)).toEqual(['schema/unknown-key 4:27']);
  });

  it('reports a typo and a broken reference in the same run', () => {
    const source = MINIMAL_PLAN + '    indicators: [nowhere]\n    sumary: Text\nstatus: aproved\n';
    expect(problemsOf(source)).toEqual(['rule/unknown-reference 10:18', 'schema/unknown-key 11:5', 'schema/bad-value 12:9']);
    expect(checkPlanSource(source).plan).toBeUndefined();
  });

  it('reports a typo in an action (text, or a mapping with text:) and a broken reference in the same run', () => {
    const source = MINIMAL_PLAN + '    actions:\n      - text: Do it\n        leed: Someone\n    indicators: [nowhere]\n';
    expect(problemsOf(source)).toEqual(['schema/unknown-key 12:9', 'rule/unknown-reference 13:18']);
    expect(checkPlanSource(source).notChecked).toBeUndefined();
  });

  it('reports a duplicate key and the problems after it', () => {
    const source = MINIMAL_PLAN + '    title: Again\n    indicators: [nowhere]\n';
    expect(problemsOf(source)).toEqual(['yaml/duplicate-key 10:5', 'rule/unknown-reference 11:18']);
  });

  it('runs the rules past a bad kind and a missing title (stand-ins nobody sees), and says nothing about them', () => {
    const source = MINIMAL_PLAN.replace('kind: strategy', 'kind: map').replace('title: Test plan\n', '') + '    indicators: [nowhere]\n';
    expect(problemsOf(source)).toEqual(['schema/missing-key 1:1', 'schema/bad-value 3:7', 'rule/unknown-reference 9:18']);
    expect(checkPlanSource(source).notChecked).toBeUndefined();
    expect(checkPlanSource(source).plan).toBeUndefined();
  });

  it('does not run the rules when the period is missing: they judge dates by it', () => {
    const source = MINIMAL_PLAN.replace('period: 2002-03\n', '') + '    indicators: [nowhere]\n';
    expect(problemsOf(source)).toEqual(['schema/missing-key 1:1']);
    expect(checkPlanSource(source).notChecked).toEqual(['rules']);
  });
});
