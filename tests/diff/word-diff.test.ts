import { describe, expect, it } from 'vitest';
import { diffText } from '../../src/diff/word-diff.js';

describe('diffText', () => {
  it('gives runs of kept, removed and added words', () => {
    expect(diffText('Placement moves are currently at 8% against a 12% national trend.', 'Placement moves are now at 7% against a 12% national trend.')).toEqual({
      rewritten: false,
      pieces: [
        { op: 'same', text: 'Placement moves are' },
        { op: 'removed', text: 'currently' },
        { op: 'added', text: 'now' },
        { op: 'same', text: 'at' },
        { op: 'removed', text: '8%' },
        { op: 'added', text: '7%' },
        { op: 'same', text: 'against a 12% national trend.' },
      ],
    });
  });

  it('treats a word with its punctuation as one word: 2002-2003 to 2003-2004 is one replacement', () => {
    expect(diffText('Plan 2002-2003', 'Plan 2003-2004').pieces).toEqual([
      { op: 'same', text: 'Plan' },
      { op: 'removed', text: '2002-2003' },
      { op: 'added', text: '2003-2004' },
    ]);
  });

  it('ignores where the lines were folded', () => {
    expect(diffText('Recruit foster\n  carers.', 'Recruit foster carers.')).toEqual({ rewritten: false, pieces: [{ op: 'same', text: 'Recruit foster carers.' }] });
  });

  it('marks a text with little left of the old as rewritten', () => {
    expect(diffText("Open a children's home on the Island.", 'Commission residential places from mainland providers instead.').rewritten).toBe(true);
    expect(diffText('Recruit twelve foster carers this year.', 'Recruit ten foster carers this year.').rewritten).toBe(false);
  });
});
