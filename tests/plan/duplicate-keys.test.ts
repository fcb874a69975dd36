import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { duplicateKeyErrors } from '../../src/plan/duplicate-keys.js';
import { YAML_OPTIONS } from '../../src/plan/yaml-options.js';

/** Where the yaml package's own check (uniqueKeys, pair by pair) places each duplicate key. */
function packageFinds(source: string): number[] {
  const doc = parseDocument(source, { ...YAML_OPTIONS, uniqueKeys: true });
  return doc.errors.filter((error) => error.code === 'DUPLICATE_KEY').map((error) => error.pos[0]);
}

function oursFind(source: string): number[] {
  return duplicateKeyErrors(parseDocument(source, YAML_OPTIONS)).map((error) => error.pos[0]);
}

describe('duplicate keys, found in one pass', () => {
  it.each([
    ['a block mapping', 'a: 1\nb: 2\na: 3\n'],
    ['three times', 'a: 1\na: 2\na: 3\n'],
    ['a nested mapping, and the same key in two mappings', 'a:\n  x: 1\n  x: 2\nb:\n  x: 3\n'],
    ['a flow mapping', 'a: {x: 1, y: 2, x: 3}\n'],
    ['mappings in a list', 'list:\n  - {x: 1, x: 2}\n  - x: 1\n    x: 2\n'],
    ['quoted and plain keys of one text', 'a: 1\n"a": 2\n\'a\': 3\n'],
    ['a number and a text that reads like it', '1: a\n"1": b\n1: c\n'],
    ['explicit keys (?)', '? a\n: 1\n? a\n: 2\n'],
    ['anchored and tagged keys', '&k a: 1\n!!str a: 2\n'],
    ['merge keys, ordinary in YAML 1.2', '<<: 1\n<<: 2\n'],
    ['alias keys, equal to no other', 'a: &x k\n*x : 1\n*x : 2\n'],
    ['.nan, equal to nothing', '.nan: 1\n.nan: 2\n'],
    ['null keys', '~: 1\nnull: 2\n'],
    ['keys inside a key', '? {a: 1, a: 2}\n: v\n'],
  ])('%s: where the yaml package finds them', (_, source) => {
    expect(oursFind(source)).toEqual(packageFinds(source));
  });

  it('finds some in each of these (the cases above are not all empty)', () => {
    expect(oursFind('a: 1\na: 2\n')).toEqual([5]);
    expect(oursFind('a: {x: 1, x: 2}\n').length).toBe(1);
  });
});
