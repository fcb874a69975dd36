import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/problems/code-frame.js';
import { closestMatch } from '../../src/problems/closest-match.js';

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
