/**
 * Bounded work: inputs far under the 5 MB limit that once took minutes or ran out of
 * memory. Each is checked in-process, for the outcome a user needs (one clear problem,
 * the exit code) and for a time that only a hang or a quadratic blow-up would exceed:
 * each takes well under a second now, and the bound is 20 s so that a busy machine
 * does not fail the suite.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const BOUND_MS = 20_000;
const GOOD = readFileSync(new URL('../fixtures/hostile/good-plan.yaml', import.meta.url), 'utf8');
const folder = mkdtempSync(join(tmpdir(), 'mapc-bounded-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function validate(name: string, source: string, ...options: string[]): Promise<Result> {
  const file = join(folder, name);
  writeFileSync(file, source);
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const code = await run(['validate', ...options, file], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: folder,
    env: { NO_COLOR: '1' },
    isTTY: false,
  });
  return { code, stdout, stderr, ms: performance.now() - started };
}

/** The good plan with its first objective's summary replaced. */
const withSummary = (text: string) => GOOD.replace('summary: Work with partners to keep children safe.', `summary: ${JSON.stringify(text)}`);

describe('validation time grows about linearly with the file', () => {
  it('two 10,000-character ids (a 20 KB plan; "did you mean" ran out of memory): one problem each, at once', async () => {
    const source = GOOD.replace('  - id: first\n', `  - id: first\n    indicators: [${'b'.repeat(10_000)}]\n`).replace('id: adoptions', `id: ${'a'.repeat(10_000)}`);
    const result = await validate('long-ids.yaml', source);
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.code).toBe(1);
    const problems = result.stdout.split('\n').filter((line) => /: error: /.test(line));
    expect(problems).toHaveLength(2);
    for (const line of problems) expect(line).toMatch(/is 10000 characters long; an id is at most 100\. \[schema\/too-long\]$/);
    expect(result.stdout.length).toBeLessThan(5_000);
    expect(result.stderr).toBe('');
  });

  it('a 480 KB field with many "](" and no ")" (the link mask rescanned to the end): checked at once', async () => {
    const result = await validate('brackets.yaml', withSummary('See [the guidance](section 4 '.repeat(16_500)));
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a 40,000-letter capital word: no internal error, and no abbreviation warning quoting it', async () => {
    const result = await validate('capitals.yaml', withSummary(`Work with ${'A'.repeat(40_000)} partners.`));
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('1 file checked: no problems.\n');
  });

  it('100,000 keys in one mapping, the last a repeat (a 1.6 MB plan; the yaml package compared each key with every other): one problem, at the repeat', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `x-note-${i}: v\n`).join('');
    const result = await validate('many-keys.yaml', `${GOOD}${keys}x-note-7: again\n`);
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const line = GOOD.split('\n').length + 100_000;
    expect(result.stdout.split('\n').filter((text) => /: (error|warning): /.test(text))).toEqual([
      `many-keys.yaml:${line}:1: error: The key 'x-note-7' appears twice in the same mapping; keep one of them. [yaml/duplicate-key]`,
    ]);
  });

  it('200,000 repeats of one key (a 1.4 MB plan; reporting them all at once overflowed the stack): counted, the first shown', async () => {
    const result = await validate('repeats.yaml', `${GOOD}${'x-note: v\n'.repeat(200_001)}`);
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`repeats.yaml:${GOOD.split('\n').length + 1}:1: error: The key 'x-note' appears twice in the same mapping; keep one of them. [yaml/duplicate-key]`);
    expect(result.stdout).toContain('1 file checked: 200000 errors, 0 warnings.');
  });

  it('5,000 problems in a 270 KB plan (a code frame split the whole file for each): the first 100, and how many more', async () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `    unknown-key-${i}: ${'some text '.repeat(4)}\n`).join('');
    const source = GOOD.replace('    title: Keep children safe\n', `    title: Keep children safe\n${keys}`);
    expect(source.length).toBeGreaterThan(250_000);
    for (const format of ['text', 'json', 'github']) {
      const result = await validate('many-problems.yaml', source, '--format', format);
      expect(result.ms, format).toBeLessThan(BOUND_MS);
      expect(result.code, format).toBe(1);
      if (format === 'text') {
        expect(result.stdout.match(/: error: /g)).toHaveLength(100);
        expect(result.stdout).toContain('… and 4,900 more problems in this file.');
        expect(result.stdout).toMatch(/1 file checked: 5000 errors, 0 warnings\.\n$/);
      } else if (format === 'json') {
        const document = JSON.parse(result.stdout) as { errors: number; files: { problems: unknown[]; moreProblems: number }[] };
        expect(document.errors).toBe(5_000);
        expect(document.files[0]!.problems).toHaveLength(100);
        expect(document.files[0]!.moreProblems).toBe(4_900);
      } else {
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(101);
        expect(lines[100]).toMatch(/^::error file=.*many-problems\.yaml,title=mapc::… and 4,900 more problems in this file\.$/);
      }
    }
  });
});
