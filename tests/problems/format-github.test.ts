import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/problems/format-github.js';

describe('GitHub workflow command format', () => {
  it('escapes a message as @actions/core does: %, CR and LF', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
  });

  it('escapes a property value: also : and ,', () => {
    expect(escapeProperty('plans/a:b,c%.yaml')).toBe('plans/a%3Ab%2Cc%25.yaml');
  });

  it('prints one ::warning or ::error line per problem', () => {
    const text = formatGithub([
      {
        file: 'plans/p.yaml',
        source: '',
        problems: [
          { severity: 'warning', code: 'rule/x', message: 'Line one\nline two', pointer: '', line: 3, column: 5, endLine: 3, endColumn: 9 },
        ],
      },
    ]);
    expect(text).toBe('::warning file=plans/p.yaml,line=3,col=5,endLine=3,endColumn=9,title=rule/x::Line one%0Aline two\n');
  });
});
