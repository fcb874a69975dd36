import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { parseYaml } from '../../src/plan/parse-yaml.js';
import { readYamlQuickly } from '../../src/plan/read-yaml-quickly.js';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';

// The quick reader may decline any file, but what it does read must be exactly what the
// reference reader (parseYaml) reads, with nothing parseYaml would report.
function expectSameAsReference(source: string): boolean {
  const quick = readYamlQuickly(source);
  if (quick === undefined) return false;
  const reference = parseYaml(source);
  expect(reference.problems, JSON.stringify(source)).toEqual([]);
  expect(quick, JSON.stringify(source)).toEqual(reference.data);
  return true;
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function randomFrom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plansFolder = join(import.meta.dirname, '../../plans');
const examplePlans = readdirSync(plansFolder)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readFileSync(join(plansFolder, name), 'utf8'));

describe('readYamlQuickly', () => {
  it('reads every example plan as the reference reader does', () => {
    for (const source of examplePlans) expect(expectSameAsReference(source)).toBe(true);
  });

  it('reads each test fixture (broken, hostile, awkward) as the reference reader does, or declines it', () => {
    const fixtures = join(import.meta.dirname, '../fixtures');
    const files = readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(30);
    // As readPlanFile gives them: a byte-order mark at the start removed.
    const read = files.filter((path) => expectSameAsReference(readFileSync(join(fixtures, path), 'utf8').replace(/^\uFEFF/, '')));
    expect(read.length).toBeGreaterThan(10);
  });

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['an anchor alone', 'a: &x 1\n'],
    ['a tag', 'a: !!str 12\n'],
    ['an unknown tag (parseYaml warns)', 'a: !note 12\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a directive js-yaml does not know (parseYaml warns)', '%FOO bar\n---\na: 1\n'],
    ['a key whose colon is 1,100 characters away (parseYaml refuses it)', `title${' '.repeat(1100)}: x\n`],
    ['a long key', `${'k'.repeat(1100)}: x\n`],
    ['a number too large to hold (Infinity to parseYaml, text to js-yaml)', 'a: 1e999\n'],
    ['an integer too large to hold', `a: ${'9'.repeat(400)}\n`],
    ['a hexadecimal number too large to hold', `a: 0x${'f'.repeat(300)}\n`],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an empty file', ''],
    ['a null key (yaml makes it "", js-yaml "null")', '~: a\n'],
    ['an empty key', ': a\n'],
    ['a null key inside a flow mapping', 'a: {null: 1}\n'],
    ['a flow sequence closed at the start of a line (parseYaml warns)', 'a: [1,\n]\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: "open\n'],
    ['a tab used to indent', 'a:\n\tb: 1\n'],
    ['a carriage return alone (a line break to one reader, text to the other)', 'a: b\rc\n'],
    ['a byte-order mark after the start', 'a: 1\n\ufeff\n'],
    ['a byte-order mark before an indented mapping', '\ufeff  a: 1\n'],
    ['an indented document marker', 'a: >-\n  text\n  --- more\n'],
    ['a document end marker', '...\na: 1\n'],
    ['a list at the root', '- a\n'],
    ['a scalar at the root', 'text\n'],
    ['nesting 10,000 deep', 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
  ])('declines %s', (_, source) => {
    expect(readYamlQuickly(source)).toBeUndefined();
  });

  it('reads quoted null keys, __proto__ and CRLF line ends as the reference does', () => {
    for (const source of ['"null": 1\n', "'~': 1\n", '__proto__: { polluted: true }\n', 'a: 1\r\nb: "x\r\n  y"\r\n']) expect(expectSameAsReference(source)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads text in every quoting style as the reference does', () => {
    const random = randomFrom(7);
    const alphabet = ['a', 'Z', ' ', '  ', '\n', '\n\n', '\t', ':', ': ', ' #', '#', '-', '- ', '"', "'", '\\', '[', ']', '{', '}', ',', '?', '*', '&', '!', '%', '@', '`', '|', '>', '~', 'null', 'true', '0x1F', '1e3', '.inf', '…', 'é', '\u202e', '\u0301', '\u00a0', '\u2028', '\r\n', '😀'];
    const styles = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
    let read = 0;
    for (let i = 0; i < 1500; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const style = styles[i % styles.length]!;
      const source = stringify({ objectives: [{ id: 'x', title: text, notes: [text, { text }] }] }, { defaultStringType: style, lineWidth: 20 + (i % 60) });
      if (expectSameAsReference(source)) read++;
    }
    expect(read).toBeGreaterThan(1200);
  });

  it('reads mutated pieces of the example plans as the reference does, or declines them', () => {
    // Random edits with YAML's own characters, into runs of lines cut from real plans:
    // indentation broken, quotes opened, keys split, comments and flow collections begun.
    const random = randomFrom(2002);
    const edits = ['\t', ':', ': ', '-', '- ', '"', "'", '#', ' #', '[', ']', '{', '}', ',', '|', '|-', '|2', '>', '>+', '?', '? ', '*', '&', '!', '%', '@', '`', '\n', '\n  ', '\n- ', '  ', ' ', '\r', '\r\n', '~', '\\', '"\\', "''", '\u00a0', '\u2028', '\u0085', '\ufeff', '...', '---', 'null: ', '<<: '];
    let read = 0;
    let declined = 0;
    for (let i = 0; i < 3000; i++) {
      const lines = examplePlans[i % examplePlans.length]!.split('\n');
      const from = Math.floor(random() * lines.length);
      let source = lines.slice(from, from + 5 + Math.floor(random() * 30)).join('\n') + '\n';
      for (let edit = 0, count = 1 + Math.floor(random() * 3); edit < count; edit++) {
        const at = Math.floor(random() * (source.length + 1));
        const cut = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
        source = source.slice(0, at) + edits[Math.floor(random() * edits.length)] + source.slice(at + cut);
      }
      if (expectSameAsReference(source)) read++;
      else declined++;
    }
    // Both kinds must be common, or the test says little about one of them.
    expect(read).toBeGreaterThan(400);
    expect(declined).toBeGreaterThan(400);
  });
});

describe('checkPlanSource with the quick reader', () => {
  it('places problems found in a file the quick reader reads, by reading it again with positions', () => {
    const source = MINIMAL_PLAN.replace('title: Test plan', 'title: 42');
    expect(readYamlQuickly(source)).toBeDefined();
    expect(checkPlanSource(source).problems).toMatchObject([{ code: 'schema/wrong-type', line: 4, column: 8 }]);
  });

  it('leaves warnings out, unplaced, for a caller that shows only errors', () => {
    const lateAction = MINIMAL_PLAN + '    actions:\n      - { text: Late, due: 2001-02 }\n';
    expect(checkPlanSource(lateAction).problems).toMatchObject([{ code: 'rule/due-before-period', severity: 'warning' }]);
    expect(checkPlanSource(lateAction, { warnings: false })).toMatchObject({ problems: [], plan: { id: 'test-plan' } });
    const lateAndUntitled = lateAction.replace('title: Test plan', 'title: 42');
    expect(checkPlanSource(lateAndUntitled, { warnings: false }).problems).toMatchObject([{ code: 'schema/wrong-type', severity: 'error' }]);
  });

  it('gives the same plan whichever reader read it', () => {
    const quick = checkPlanSource(examplePlans[0]!);
    const withAnchor = checkPlanSource(examplePlans[0]!.replace(/^id: (.*)$/m, 'id: &plan-id $1'));
    expect(quick.problems).toEqual([]);
    expect(withAnchor.problems).toEqual([]);
    expect(withAnchor.plan).toEqual(quick.plan);
  });
});
