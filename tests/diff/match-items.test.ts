import { describe, expect, it } from 'vitest';
import { matchItems, type MatchKey } from '../../src/diff/match-items.js';
import { contentWords, normaliseText } from '../../src/diff/normalise-text.js';

type Item = MatchKey & { name: string };
const key = (i: Item): MatchKey => i;
const item = (name: string, text: string, id?: string, code?: string): Item => ({ name, text, id, code });

/** "old→new rule confidence" for each pair, then the unpaired. */
function summary(olds: Item[], news: Item[], options = {}) {
  const m = matchItems(olds, news, key, key, options);
  return {
    pairs: m.pairs.map((p) => `${p.old.name}→${p.new.name} ${p.match.rule} ${p.match.confidence}`),
    removed: m.removed.map((i) => i.name),
    added: m.added.map((i) => i.name),
  };
}

describe('matching old items with new ones', () => {
  it('pairs by id first, whatever the text says', () => {
    expect(summary([item('a', 'Recruit foster carers', 'carers')], [item('b', 'Something else entirely', 'carers')])).toEqual({
      pairs: ['a→b id high'],
      removed: [],
      added: [],
    });
  });

  it('pairs indicators by national code when the id changed', () => {
    const olds = [item('a', 'Placement moves', 'placement-moves', 'PAF A1')];
    const news = [item('b', 'Three or more placement moves', 'moves-3plus', 'PAF A1')];
    expect(summary(olds, news).pairs).toEqual(['a→b code high']);
  });

  it('pairs identical text, then text equal once case, punctuation and numbering are set aside', () => {
    const olds = [item('a', 'Extend the Family Solutions Service.'), item('b', '2. Review the Fostering Service!')];
    const news = [item('y', 'review the fostering service'), item('x', 'Extend the Family Solutions Service.')];
    expect(summary(olds, news).pairs).toEqual(['b→y normalised high', 'a→x text high']);
  });

  it('pairs a reworded item by similar words, best score first, and marks a weak pair low-confidence', () => {
    const olds = [
      item('consult', 'To develop a framework for consultation with children, parents and carers to inform service planning'),
      item('carers', 'Recruit and retain foster carers, with better support and training'),
    ];
    const news = [
      item('carers2', 'Recruit more foster carers and keep them, with support'),
      item('consult2', 'Develop a framework for consulting children, parents and carers so that their views inform service planning'),
    ];
    const result = summary(olds, news);
    expect(result.pairs).toEqual(['carers→carers2 similar low', 'consult→consult2 similar high']);
    const m = matchItems(olds, news, key, key);
    expect(m.pairs.map((p) => p.match.similarity)).toEqual([0.62, 0.95]);
  });

  it('leaves unlike items unpaired: a removal and an addition', () => {
    expect(summary([item('a', 'Open a new children’s home')], [item('b', 'Train every social worker in the Assessment Framework')])).toEqual({
      pairs: [],
      removed: ['a'],
      added: ['b'],
    });
  });

  it('gives each new item to the old one it resembles most, not the first that will do', () => {
    const olds = [item('first', 'Review placements for disabled children'), item('second', 'Review placements for disabled children placed off-Island')];
    const news = [item('new', 'Review placements for disabled children placed off-Island this year')];
    expect(summary(olds, news).pairs).toEqual(['second→new similar high']);
  });

  it('does not pair by text an item whose id lives elsewhere on the other side (it moved there)', () => {
    const olds = [item('a', 'Recruit foster carers', 'carers')];
    const news = [item('b', 'Recruit foster carers')];
    expect(summary(olds, news, { newIdsElsewhere: new Set(['carers']) })).toEqual({ pairs: [], removed: ['a'], added: ['b'] });
    expect(summary(olds, news).pairs).toEqual(['a→b text high']);
  });

  it('is deterministic when scores tie: document order decides', () => {
    const olds = [item('a', 'Improve the health of looked after children'), item('b', 'Improve the health of looked after children')];
    const news = [item('x', 'Improve the health of looked after young people'), item('y', 'Improve the health of looked after young people')];
    expect(summary(olds, news).pairs).toEqual(['a→x similar high', 'b→y similar high']);
  });
});

describe('text as the matcher reads it', () => {
  it('drops numbering, case and punctuation', () => {
    expect(normaliseText('3.2 Extend the Family-Solutions Service, (urgently)!')).toBe('extend the family solutions service urgently');
    expect(normaliseText('(a) Review')).toBe('review');
    expect(normaliseText('iv. Review')).toBe('review');
  });

  it('counts meaningful words, stemmed crudely so that consultation and consulting agree', () => {
    expect(contentWords('To develop a framework for consultation with carers')).toEqual(['develo', 'framew', 'consul', 'carer']);
    expect(contentWords('consulting a carer')).toEqual(['consul', 'carer']);
  });
});
