import { describe, expect, it } from 'vitest';
import { codeFrame, codeFrameOfLines, sourceLines } from '../../src/problems/code-frame.js';
import { closestMatch, editDistance } from '../../src/problems/closest-match.js';

describe('codeFrame', () => {
  const source = 'one\ntwo\nthree: 3\nfour\nfive\n';

  it('shows two lines before, one after, and underlines the range', () => {
    expect(codeFrame(source, { line: 3, column: 8, endLine: 3, endColumn: 9 })).toBe(
      ['  1 | one', '  2 | two', '> 3 | three: 3', '    |        ^', '  4 | four'].join('\n'),
    );
  });

  it('underlines to the end of the line when the range goes on', () => {
    expect(codeFrame(source, { line: 5, column: 1, endLine: 7, endColumn: 1 }).split('\n').slice(-1)[0]).toBe('    | ^^^^');
  });

  it('shows tabs visibly', () => {
    expect(codeFrame('a:\n\tb: 1\n', { line: 2, column: 1, endLine: 2, endColumn: 2 })).toContain('> 2 | →b: 1');
  });
});

describe('closestMatch', () => {
  it('suggests near misses, transpositions included, and nothing for unrelated words', () => {
    expect(closestMatch('leed', ['lead', 'partners'])).toBe('lead');
    expect(closestMatch('titel', ['title', 'text'])).toBe('title');
    expect(closestMatch('budget', ['lead', 'partners', 'due'])).toBeUndefined();
  });
});

describe('bounded work', () => {
  it('gives no suggestion for strings too long to be a typo, at once (two 10,000-character ids once ran out of memory)', () => {
    const started = performance.now();
    expect(closestMatch('b'.repeat(10_000), ['a'.repeat(10_000), 'b'.repeat(9_999) + 'c'])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('still suggests a near miss of 200 characters, and the nearest of several', () => {
    const id = 'a-'.repeat(99) + 'bc';
    expect(closestMatch(id.replace('bc', 'cb'), ['other', id])).toBe(id);
    expect(closestMatch('leed', ['lean', 'lend', 'lead'])).toBe('lend');
  });

  it('bounds the edit distance: past the limit it answers limit + 1', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
    expect(editDistance('a'.repeat(5_000), 'b'.repeat(4_000), 10)).toBe(11);
  });

  it('frames many problems from one split of the source', () => {
    const source = 'one\ntwo\nthree: 3\nfour\nfive\n';
    const lines = sourceLines(source);
    expect(codeFrameOfLines(lines, { line: 3, column: 8, endLine: 3, endColumn: 9 })).toBe(codeFrame(source, { line: 3, column: 8, endLine: 3, endColumn: 9 }));
    expect(codeFrameOfLines(lines, { line: 6, column: 1, endLine: 6, endColumn: 1 })).toBe(codeFrame(source, { line: 6, column: 1, endLine: 6, endColumn: 1 }));
  });
});
