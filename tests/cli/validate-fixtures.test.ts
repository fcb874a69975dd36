import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

/**
 * Each fixture states on its first line what validate must report:
 *   # expect: CODE at LINE:COLUMN [suggestion WORD] [| CODE at …]
 * The expectations were written by hand from the fixture's text.
 */
function fixtures(folder: string): { name: string; path: string; expected: string }[] {
  const dir = join(ROOT, 'tests/fixtures', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const path = `tests/fixtures/${folder}/${name}`;
      const header = readFileSync(join(ROOT, path), 'utf8').split('\n')[0]!;
      const expected = /^# expect: (.+)$/.exec(header)?.[1];
      if (!expected) throw new Error(`${path}: first line must be "# expect: CODE at LINE:COLUMN"`);
      return { name, path, expected };
    });
}

interface JsonProblem {
  code: string;
  line: number;
  column: number;
  suggestion?: string;
  message: string;
}

function summarise(problems: JsonProblem[]): string {
  return problems.map((p) => `${p.code} at ${p.line}:${p.column}${p.suggestion ? ` suggestion ${p.suggestion}` : ''}`).join(' | ');
}

const broken = fixtures('broken');
const warnings = fixtures('warnings');

describe('broken plans', () => {
  it('has at least twenty, one per kind of mistake', () => {
    expect(broken.length).toBeGreaterThanOrEqual(20);
    const codes = new Set(broken.map((f) => f.expected.split(' ')[0]));
    expect(codes.size).toBeGreaterThanOrEqual(18);
  });

  it.each(broken)('$name: the expected problem, exit 1, no stack trace', async ({ path, expected }) => {
    const result = await runMapc(['validate', '--format', 'json', path]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { problems: JsonProblem[] }[] };
    expect(summarise(report.files[0]!.problems)).toBe(expected);
    for (const problem of report.files[0]!.problems) {
      expect(problem.message).not.toMatch(/must have required property|must match|schema|\bat \w+ \(/i);
    }
  });
});

describe('plans with warnings', () => {
  it.each(warnings)('$name: the expected warning, exit 0, and exit 1 under --strict', async ({ path, expected }) => {
    const lenient = await runMapc(['validate', '--format', 'json', path]);
    expect(lenient.code).toBe(0);
    const report = JSON.parse(lenient.stdout) as { files: { problems: (JsonProblem & { severity: string })[] }[] };
    expect(summarise(report.files[0]!.problems)).toBe(expected);
    expect(report.files[0]!.problems.every((p) => p.severity === 'warning')).toBe(true);

    const strict = await runMapc(['validate', '--strict', '--format', 'json', path]);
    expect(strict.code).toBe(1);
  });
});
