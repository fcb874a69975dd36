import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../helpers/mapc.js';
import type { CliCase } from '../cases.js';

/**
 * Each fixture states on its first line what validate must report:
 *   # expect: CODE at LINE:COLUMN [suggestion WORD] [| CODE at …]
 * The expectations were written by hand from the fixture's text.
 */
export function fixtures(folder: string): { name: string; path: string; expected: string }[] {
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
  severity: string;
}

function problemsOf(stdout: string): JsonProblem[] {
  return (JSON.parse(stdout) as { files: { problems: JsonProblem[] }[] }).files[0]!.problems;
}

function summarise(problems: JsonProblem[]): string {
  return problems.map((p) => `${p.code} at ${p.line}:${p.column}${p.suggestion ? ` suggestion ${p.suggestion}` : ''}`).join(' | ');
}

export const fixtureCases: CliCase[] = [
  ...fixtures('broken').map(
    ({ name, path, expected }): CliCase => ({
      name: `validate broken/${name}: the expected problem, exit 1, no stack trace`,
      argv: ['validate', '--format', 'json', path],
      code: 1,
      stderr: '',
      stdout: (text) => {
        const problems = problemsOf(text);
        expect(summarise(problems)).toBe(expected);
        for (const problem of problems) expect(problem.message).not.toMatch(/must have required property|must match|schema|\bat \w+ \(/i);
      },
    }),
  ),
  ...fixtures('warnings').flatMap(({ name, path, expected }): CliCase[] => [
    {
      name: `validate warnings/${name}: the expected warning, exit 0`,
      argv: ['validate', '--format', 'json', path],
      code: 0,
      stdout: (text) => {
        const problems = problemsOf(text);
        expect(summarise(problems)).toBe(expected);
        expect(problems.every((p) => p.severity === 'warning')).toBe(true);
      },
    },
    {
      name: `validate --strict warnings/${name}: exit 1`,
      argv: ['validate', '--strict', '--format', 'json', path],
      code: 1,
    },
  ]),
];
