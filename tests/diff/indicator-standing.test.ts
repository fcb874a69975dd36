import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { buildDiffView } from '../../src/diff-report/diff-view.js';
import { planFrom } from '../helpers/render-plan.js';

/** Two years of one plan with one indicator, each written as YAML mapping lines. */
function judged(before: string, after: string, polarity = 'lower-is-better') {
  const plan = (period: string, lines: string) =>
    planFrom(`mapc: 1
id: test-${period}
kind: strategy
title: Test ${period}
authority: Test Council
period: ${period}
objectives:
  - { id: first, title: First }
indicators:
  - id: moves
    label: Placement moves
    unit: percent
    polarity: ${polarity}
${lines}`);
  const oldPlan = plan('2002-03', before);
  const newPlan = plan('2003-04', after);
  const diff = diffPlans(oldPlan, newPlan);
  const change = diff.changes.find((c) => c.judgement)!;
  const row = buildDiffView(diff, oldPlan, newPlan, { old: 'old.yaml', new: 'new.yaml' }, { detail: false }).indicators[0]!;
  return { judgement: change.judgement!, target: row.target, national: row.national };
}

const figure = (period: string, value: number, extra = '') => `    period: ${period}\n    value: ${value}\n${extra}`;

describe('a target judged by date', () => {
  it('is not yet due, with how far there is to go, when it is for a later period than the figure', () => {
    // The Isle of Wight's placement moves: 7% in 2002-03 against a target of 6% by 2003-04.
    const { judgement, target } = judged(figure('2001-02', 8), figure('2002-03', 7, '    target: { value: 6, period: 2003-04 }\n'));
    expect(judgement.target).toMatchObject({ metAfter: false, status: 'not-yet-due', toGo: 1 });
    expect(target).toBe('6% by 2003-04: not yet due, 1 point to go');
  });

  it('is not met once the figure for its period misses it, and says by how much', () => {
    const { judgement, target } = judged(figure('2002-03', 8, '    target: { value: 6, period: 2003-04 }\n'), figure('2003-04', 7.5, '    target: { value: 6, period: 2003-04 }\n'));
    expect(judgement.target).toMatchObject({ statusBefore: 'not-yet-due', status: 'not-met', toGo: 1.5 });
    expect(target).toBe('6% by 2003-04: not met, 1.5 points short');
  });

  it('is met early by a figure that already reaches it, and compared with last year where last year was judged', () => {
    const { judgement, target } = judged(figure('2001-02', 61, '    target: 62\n'), figure('2002-03', 63, '    target: { value: 62, period: 2004-05 }\n'), 'higher-is-better');
    expect(judgement.target).toMatchObject({ statusBefore: 'not-met', status: 'met', toGo: 0 });
    expect(target).toBe('62% by 2004-05: met (last year: not met)');
  });

  it('is not judged for a neutral indicator', () => {
    const { judgement, target } = judged(figure('2001-02', 8), figure('2002-03', 7, '    target: { value: 6, period: 2002-03 }\n'), 'neutral');
    expect(judgement.target).toMatchObject({ status: 'not-judged', toGo: null });
    expect(target).toBe('6% by 2002-03');
  });
});

describe('the gap to the national figure, worded as what it means', () => {
  const national = (before: number, after: number, polarity = 'lower-is-better') =>
    judged(figure('2001-02', before, '    national: 12\n'), figure('2002-03', after, '    national: 12\n'), polarity);

  it('calls a wider gap on the better side a lead that grew (good news), and a narrower one a lead that shrank', () => {
    const grew = national(8, 7);
    expect(grew.judgement.national).toMatchObject({ gap: 'widened', standing: 'better', leadBefore: 4, leadAfter: 5, trend: 'improved' });
    expect(grew.national).toBe('12%; our lead over the national figure grew from 4 to 5 points');
    expect(national(8, 11).national).toBe('12%; our lead over the national figure shrank from 4 to 1 point');
  });

  it('says a shortfall as points worse than national, and whether it is closing', () => {
    const wider = national(14, 16);
    expect(wider.judgement.national).toMatchObject({ gap: 'widened', standing: 'worse', leadBefore: -2, leadAfter: -4, trend: 'worsened' });
    expect(wider.national).toBe('12%; now 4 points worse than national (was 2 points worse): falling further behind');
    expect(national(16, 13).national).toBe('12%; now 1 point worse than national (was 4 points worse): closing the gap');
  });

  it('says a crossing of the national figure as both sides', () => {
    expect(national(11, 14).national).toBe('12%; now 2 points worse than national (was 1 point better)');
    expect(national(14, 11).national).toBe('12%; now 1 point better than national (was 2 points worse)');
    expect(national(14, 12).national).toBe('12%; now level with national (was 2 points worse)');
    expect(national(8, 8).national).toBe('12%; still 4 points better than national');
  });

  it('takes the direction of good into account: the same figures read the other way when higher is better', () => {
    const fell = national(8, 7, 'higher-is-better');
    expect(fell.judgement.national).toMatchObject({ leadBefore: -4, leadAfter: -5, trend: 'worsened' });
    expect(fell.national).toBe('12%; now 5 points worse than national (was 4 points worse): falling further behind');
  });

  it('gives only the size of the gap for a neutral indicator', () => {
    const neutral = national(8, 7, 'neutral');
    expect(neutral.judgement.national).toMatchObject({ leadBefore: null, leadAfter: null, trend: 'not-judged' });
    expect(neutral.national).toBe('12%; gap widened from 4 to 5 points');
  });
});
