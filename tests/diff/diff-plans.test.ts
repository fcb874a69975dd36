import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { summarySentence } from '../../src/diff/summarise.js';
import { planFrom } from '../helpers/render-plan.js';

/** A strategy plan with the given objectives (YAML, indented as list items) and indicators. */
function plan(objectives: string, extra = '', period = '2002-03'): string {
  return `mapc: 1
id: test-${period}
kind: strategy
title: Test plan ${period}
authority: Test Council
period: ${period}
objectives:
${objectives}${extra}`;
}

const diff = (before: string, after: string) => diffPlans(planFrom(before), planFrom(after));
/** The changes other than the plan's own id, title and period, which every new year changes. */
const itemChanges = (changes: Change[]) => changes.filter((c) => c.entity !== 'plan');

describe('diffPlans: matching', () => {
  it('finds nothing between a plan and itself', () => {
    const source = plan(`  - id: first\n    title: First\n    actions:\n      - Recruit foster carers.\n`);
    const result = diff(source, source);
    expect(result.changes).toEqual([]);
    expect(result.summary).toMatchObject({ added: 0, removed: 0, changed: 0, improved: 0, worsened: 0, moved: 0 });
    expect(summarySentence(result)).toBe('No differences.');
  });

  it('reports a reworded action without an id as one change, word by word, not a removal and an addition', () => {
    const before = plan(`  - id: first\n    title: First\n    actions:\n      - Recruit and retain foster carers, with better support and training.\n`);
    const after = plan(`  - id: first\n    title: First\n    actions:\n      - Recruit and retain more foster carers, with better financial support and training.\n`);
    const changes = itemChanges(diff(before, after).changes);
    expect(changes).toEqual([
      {
        type: 'changed',
        entity: 'action',
        id: null,
        field: 'text',
        before: 'Recruit and retain foster carers, with better support and training.',
        after: 'Recruit and retain more foster carers, with better financial support and training.',
        oldPointer: '/objectives/0/actions/0',
        newPointer: '/objectives/0/actions/0',
        label: 'Recruit and retain more foster carers, with better financial support and training.',
        objective: 'first',
        match: { rule: 'similar', similarity: 0.93, confidence: 'high' },
        words: {
          rewritten: false,
          pieces: [
            { op: 'same', text: 'Recruit and retain' },
            { op: 'added', text: 'more' },
            { op: 'same', text: 'foster carers, with better' },
            { op: 'added', text: 'financial' },
            { op: 'same', text: 'support and training.' },
          ],
        },
      },
    ]);
  });

  it('shows a text rewritten beyond recognition whole', () => {
    const before = plan(`  - id: first\n    title: First\n    actions:\n      - { id: a, text: Open a children's home on the Island. }\n`);
    const after = plan(`  - id: first\n    title: First\n    actions:\n      - { id: a, text: Commission residential places from mainland providers instead. }\n`);
    const [change] = itemChanges(diff(before, after).changes);
    expect(change).toMatchObject({ type: 'changed', field: 'text', match: { rule: 'id' }, words: { rewritten: true } });
  });

  it('matches text that differs only in case, punctuation and numbering', () => {
    const before = plan(`  - id: first\n    title: First\n    actions:\n      - 1. Review the fostering service\n`);
    const after = plan(`  - id: first\n    title: First\n    actions:\n      - Review the Fostering Service.\n`);
    const [change] = itemChanges(diff(before, after).changes);
    expect(change).toMatchObject({ type: 'changed', field: 'text', match: { rule: 'normalised', confidence: 'high' } });
  });

  it('catches an action moved to another objective, with and without an id', () => {
    const before = plan(`  - id: first
    title: First
    actions:
      - { id: carers, text: Recruit foster carers. }
      - Publish a guide to services for parents.
  - id: second
    title: Second
`);
    const after = plan(`  - id: first
    title: First
  - id: second
    title: Second
    actions:
      - Publish a guide to services for parents.
      - { id: carers, text: Recruit foster carers., due: 2003-03 }
`);
    const changes = itemChanges(diff(before, after).changes);
    expect(changes.map((c) => [c.type, c.entity, c.id, c.field, c.before, c.after, c.match?.rule])).toEqual([
      ['moved', 'action', null, 'objective', 'first', 'second', 'text'],
      ['moved', 'action', 'carers', 'objective', 'first', 'second', 'id'],
      ['changed', 'action', 'carers', 'due', null, '2003-03', 'id'],
    ]);
    expect(changes[1]).toMatchObject({ oldPointer: '/objectives/0/actions/0', newPointer: '/objectives/1/actions/1', objective: 'second' });
  });

  it('reports added and removed items where they are', () => {
    const before = plan(`  - id: first\n    title: First\n    achievements:\n      - Opened a family centre.\n`);
    const after = plan(`  - id: first\n    title: First\n    achievements:\n      - Trained every social worker in the Assessment Framework.\n  - id: second\n    title: Second\n`);
    expect(itemChanges(diff(before, after).changes)).toEqual([
      { type: 'added', entity: 'achievement', id: null, newPointer: '/objectives/0/achievements/0', label: 'Trained every social worker in the Assessment Framework.', objective: 'first' },
      { type: 'removed', entity: 'achievement', id: null, oldPointer: '/objectives/0/achievements/0', label: 'Opened a family centre.', objective: 'first' },
      { type: 'added', entity: 'objective', id: 'second', newPointer: '/objectives/1', label: 'Objective 2: Second' },
    ]);
  });
});

/** A plan with one indicator, written as the given YAML mapping lines. */
function withIndicator(lines: string, period = '2002-03'): string {
  return plan(`  - id: first\n    title: First\n`, `indicators:\n  - id: moves\n    label: Placement moves\n    unit: percent\n${lines}`, period);
}

describe('diffPlans: indicators', () => {
  it('judges a lower-is-better figure that fell as improved, with its target and the gap to the national figure', () => {
    const before = withIndicator('    polarity: lower-is-better\n    period: 2001-02\n    value: 8\n    national: 12\n    target: 6\n');
    const after = withIndicator('    polarity: lower-is-better\n    period: 2002-03\n    value: 7\n    national: 10\n    target: 7\n    history:\n      - { period: 2001-02, value: 8 }\n');
    const changes = itemChanges(diff(before, after).changes);
    expect(changes[0]).toEqual({
      type: 'changed',
      entity: 'indicator',
      id: 'moves',
      field: 'value',
      before: 8,
      after: 7,
      assessment: 'improved',
      oldPointer: '/indicators/0/value',
      newPointer: '/indicators/0/value',
      label: 'Placement moves',
      match: { rule: 'id', similarity: 1, confidence: 'high' },
      judgement: {
        unit: 'percent',
        polarity: 'lower-is-better',
        before: { value: 8, period: '2001-02' },
        after: { value: 7, period: '2002-03' },
        revision: 'new-period',
        target: { value: 7, period: null, metBefore: false, metAfter: true, statusBefore: 'not-met', status: 'met', toGo: 0 },
        national: { before: 12, after: 10, gapBefore: 4, gapAfter: 3, gap: 'narrowed', standing: 'better', leadBefore: 4, leadAfter: 3, trend: 'worsened' },
      },
    });
    // The history gained last year's figure: part of the same change, not another one.
    expect(changes.slice(1).map((c) => c.field)).toEqual(['national', 'target']);
  });

  it('judges a higher-is-better figure that fell as worsened, and one that rose as improved', () => {
    const judged = (polarity: string, from: number, to: number) =>
      itemChanges(diff(withIndicator(`    polarity: ${polarity}\n    period: 2001-02\n    value: ${from}\n`), withIndicator(`    polarity: ${polarity}\n    period: 2002-03\n    value: ${to}\n`)).changes)[0]!.assessment;
    expect(judged('higher-is-better', 61, 58)).toBe('worsened');
    expect(judged('higher-is-better', 58, 61)).toBe('improved');
    expect(judged('lower-is-better', 8, 9)).toBe('worsened');
    expect(judged('lower-is-better', 9, 8)).toBe('improved');
    expect(judged('neutral', 9, 8)).toBe('not-judged');
    expect(judged('higher-is-better', 100, 100)).toBe('unchanged');
  });

  it('tells a corrected figure for the same period from a new year\'s figure', () => {
    const before = withIndicator('    polarity: higher-is-better\n    period: 2001-02\n    value: 10\n');
    const after = withIndicator('    polarity: higher-is-better\n    period: 2001-02\n    value: 9\n');
    const result = diff(before, after);
    expect(itemChanges(result.changes)[0]).toMatchObject({ field: 'value', before: 10, after: 9, assessment: 'corrected', judgement: { revision: 'same-period' } });
    expect(result.summary).toMatchObject({ worsened: 0, improved: 0, corrected: 1 });
  });

  it('reports a figure copied into the history, as rollover leaves it, as one change', () => {
    const before = withIndicator('    polarity: higher-is-better\n    period: 2001-02\n    value: 10\n');
    const after = withIndicator('    polarity: higher-is-better\n    period: 2001-02\n    value: 10\n    history:\n      - { period: 2001-02, value: 10 }\n');
    expect(itemChanges(diff(before, after).changes)).toEqual([
      {
        type: 'changed',
        entity: 'indicator',
        id: 'moves',
        field: 'history',
        before: [],
        after: [{ period: '2001-02', value: 10 }],
        oldPointer: '/indicators/0',
        newPointer: '/indicators/0/history',
        label: 'Placement moves',
        match: { rule: 'id', similarity: 1, confidence: 'high' },
        movedToHistory: { period: '2001-02', value: 10 },
      },
    ]);
  });

  it('says whether the gap to the national figure widened, and on which side', () => {
    const before = withIndicator('    polarity: higher-is-better\n    period: 2001-02\n    value: 50\n    national: 55\n');
    const after = withIndicator('    polarity: higher-is-better\n    period: 2002-03\n    value: 49\n    national: 56\n');
    expect(itemChanges(diff(before, after).changes)[0]!.judgement!.national).toEqual({ before: 55, after: 56, gapBefore: 5, gapAfter: 7, gap: 'widened', standing: 'worse', leadBefore: -5, leadAfter: -7, trend: 'worsened' });
  });
});

const OLD_ACTIONS = plan(`  - id: first
    title: First
    actions:
      - { id: carers, text: Recruit twelve foster carers., due: 2003-03 }
      - { id: guide, text: Publish a guide to services for parents., due: 2003-01 }
      - { id: centre, text: Open a family centre in Ryde. }
      - { id: camhs, text: Appoint a mental health worker to the Youth Offending Team. }
      - { id: review, text: Review the short breaks service., status: dropped }
      - { id: audit, text: Audit case files each quarter., status: done }
      - Set up a panel of young people to advise on services for children in care.
      - { id: website, text: Put the Children's Services directory on the council website. }
`);
const NEW_ACTIONS = plan(
  `  - id: first
    title: First
    achievements:
      - { id: centre, text: Opened a family centre in Ryde in September 2002. }
      - A panel of young people now advises on services for children in care.
    actions:
      - { id: carers, text: Recruit twelve foster carers., due: 2003-09, status: in-progress }
      - { id: guide, text: Publish a guide to services for parents., status: done }
      - { id: camhs, text: Appoint a mental health worker to the Youth Offending Team., status: dropped }
`,
  '',
  '2003-04',
);

describe('diffPlans: what became of last year\'s actions', () => {
  const result = diff(OLD_ACTIONS, NEW_ACTIONS);

  it('follows each old action to its outcome', () => {
    expect(result.followThrough.map((f) => [f.action, f.outcome, f.evidence ?? f.newPointer ?? null, f.match?.rule ?? null])).toEqual([
      ['carers', 'carried-forward', '/objectives/0/actions/0', 'id'],
      ['guide', 'done', '/objectives/0/actions/1', 'id'],
      ['centre', 'achieved', '/objectives/0/achievements/0', 'id'],
      ['camhs', 'dropped', '/objectives/0/actions/2', 'id'],
      ['review', 'dropped', null, null],
      ['audit', 'done', null, null],
      [null, 'achieved', '/objectives/0/achievements/1', 'similar'],
      ['website', 'unreported', null, null],
    ]);
  });

  it('gives a carried action whose date moved its old and new due dates', () => {
    expect(result.followThrough[0]).toEqual({
      action: 'carers',
      text: 'Recruit twelve foster carers.',
      oldPointer: '/objectives/0/actions/0',
      objective: 'first',
      outcome: 'carried-forward',
      newPointer: '/objectives/0/actions/0',
      dueBefore: '2003-03',
      dueAfter: '2003-09',
      match: { rule: 'id', similarity: 1, confidence: 'high' },
    });
  });

  it('sums it up in plain English, counting only this year\'s outcomes', () => {
    expect(result.summary.followThrough).toEqual({ achieved: 2, done: 1, carriedForward: 0, carriedForwardLater: 1, dropped: 1, unreported: 1, markedLastYear: 2 });
    expect(summarySentence(result)).toBe('3 actions completed, 1 carried forward with a later date, 1 dropped, 1 not reported on.');
  });

  it('never counts an action dropped (or done) last year again: last year\'s plan already said so', () => {
    expect(result.followThrough.filter((f) => f.markedLastYear).map((f) => [f.action, f.outcome])).toEqual([
      ['review', 'dropped'],
      ['audit', 'done'],
    ]);
    // Kept in this year's plan, still marked dropped: last year's drop all the same.
    const kept = diff(OLD_ACTIONS, NEW_ACTIONS.replace('actions:\n', 'actions:\n      - { id: review, text: Review the short breaks service., status: dropped }\n'));
    expect(kept.followThrough.find((f) => f.action === 'review')).toMatchObject({ outcome: 'dropped', newPointer: '/objectives/0/actions/0', markedLastYear: true });
    expect(kept.summary.followThrough).toMatchObject({ dropped: 1, markedLastYear: 2 });
  });

  it('follows key action points too: still one, achieved, done as an action, or gone', () => {
    const keyActions = (items: string) => `keyActions:\n${items}`;
    const before = plan(`  - id: first\n    title: First\n`, keyActions(`  - { id: carers, text: Recruit more foster carers. }\n  - { id: ethnic, text: Improve access to services for children from ethnic minorities. }\n  - { id: plans, text: Write a care plan for every child. }\n  - { id: gone, text: Join up the youth services. }\n`));
    const after = plan(
      `  - id: first
    title: First
    achievements:
      - A care plan has been written for every child.
    actions:
      - { id: ethnic, text: Improve access to services for children from ethnic minorities., status: done }
`,
      keyActions(`  - { id: carers, text: Recruit and support more foster carers. }\n`),
      '2003-04',
    );
    expect(diff(before, after).keyActionFollowThrough.map((f) => [f.action, f.outcome, f.evidence ?? f.newPointer ?? null])).toEqual([
      ['carers', 'carried-forward', '/keyActions/0'],
      ['ethnic', 'done', '/objectives/0/actions/0'],
      ['plans', 'achieved', '/objectives/0/achievements/0'],
      ['gone', 'unreported', null],
    ]);
  });
});
