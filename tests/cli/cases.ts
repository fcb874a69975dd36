/**
 * The command-line cases: one table, run twice. tests/cli/cases.test.ts runs every case
 * in-process through `run(argv, io)`; tests/cli/cases-binary.test.ts runs the cases marked
 * `binary` through the built bin/mapc.js, so that start-up, the bundle and the exit code of
 * the process are held to the same expectations. (The layout is markdownlint-cli2's:
 * test/markdownlint-cli2-test-cases.mjs run by -test-main.mjs and -test-exec.mjs.)
 *
 * A case is a command line, the folder it runs in, and what it must print and return.
 * Cases that need files get a fresh workspace folder, made and removed with the test; what
 * a case must leave behind (files written, files untouched) is checked by its `after`.
 */
import { readFileSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, runInProcess, type RunResult } from '../helpers/mapc.js';
import { tempDir } from '../helpers/temporary.js';
import { buildCases } from './cases/build.js';
import { diffCases } from './cases/diff.js';
import { fixtureCases } from './cases/fixtures.js';
import { initCases } from './cases/init.js';
import { projectCases } from './cases/project.js';
import { rolloverCases } from './cases/rollover.js';
import { validateCases } from './cases/validate.js';
import { verifyCases } from './cases/verify.js';

/** A folder of the case's own, and what it needs to make and read files there. */
export interface Workspace {
  dir: string;
  /** The absolute path of `relative` in the workspace. */
  path(relative: string): string;
  read(relative: string): string;
  write(relative: string, content: string | Buffer): void;
  mkdir(relative: string): void;
  /** Copies a file or folder of the repository (`from`, relative to it) into the workspace. */
  copy(from: string, to?: string): void;
}

export type Mapc = (argv: string[], options?: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean }) => Promise<RunResult>;

/** Exactly this text, text matching this expression, or a check of its own. */
export type Expected = string | RegExp | ((text: string, ws: Workspace) => void);

export interface CliCase {
  name: string;
  /** Prepares the workspace: its files, or an earlier run of mapc (in-process, whichever runner the case has). */
  setup?: (ws: Workspace, mapc: Mapc) => void | Promise<void>;
  argv: string[] | ((ws: Workspace) => string[]);
  /** Where mapc runs: the repository root (the default), the workspace, or a folder of it. */
  cwd?: 'root' | 'workspace' | ((ws: Workspace) => string);
  env?: Record<string, string | undefined>;
  /** stdout is a terminal: in-process only (the binary's terminal is tested apart). */
  isTTY?: boolean;
  code: number;
  stdout?: Expected;
  stderr?: Expected;
  /** What must hold afterwards, with `mapc` the runner of the case (in-process, or the binary). */
  after?: (ws: Workspace, result: RunResult, mapc: Mapc) => void | Promise<void>;
  /** Also run through bin/mapc.js (tests/cli/cases-binary.test.ts). */
  binary?: boolean;
  /** For cases that print PDFs. */
  timeout?: number;
}

export const cases: CliCase[] = [
  ...validateCases,
  ...fixtureCases,
  ...initCases,
  ...rolloverCases,
  ...diffCases,
  ...buildCases,
  ...projectCases,
  ...verifyCases,
];

export function workspace(): Workspace {
  const dir = tempDir('case');
  const path = (relative: string) => join(dir, relative);
  return {
    dir,
    path,
    read: (relative) => readFileSync(path(relative), 'utf8'),
    write: (relative, content) => {
      mkdirSync(dirname(path(relative)), { recursive: true });
      writeFileSync(path(relative), content);
    },
    mkdir: (relative) => void mkdirSync(path(relative), { recursive: true }),
    copy: (from, to = from) => {
      mkdirSync(dirname(path(to)), { recursive: true });
      cpSync(join(ROOT, from), path(to), { recursive: true });
    },
  };
}

function expectText(what: string, actual: string, expected: Expected | undefined, ws: Workspace, result: RunResult): void {
  const shown = `${what} of exit ${result.code}\nstdout:\n${result.stdout.slice(0, 2000)}\nstderr:\n${result.stderr.slice(0, 2000)}`;
  if (expected === undefined) return;
  if (typeof expected === 'string') expect(actual, shown).toBe(expected);
  else if (expected instanceof RegExp) expect(actual, shown).toMatch(expected);
  else expected(actual, ws);
}

/**
 * Defines a test for each case, run by `mapc` (the in-process or the binary runner), for
 * the cases `select` keeps.
 */
export function defineCases(mapc: Mapc, select: (c: CliCase) => boolean = () => true): void {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`two cases are named '${c.name}'`);
    names.add(c.name);
  }
  for (const c of cases.filter(select)) {
    it(
      c.name,
      async () => {
        const ws = workspace();
        await c.setup?.(ws, runInProcess);
        const cwd = c.cwd === undefined || c.cwd === 'root' ? ROOT : c.cwd === 'workspace' ? ws.dir : c.cwd(ws);
        const argv = typeof c.argv === 'function' ? c.argv(ws) : c.argv;
        const result = await mapc(argv, { cwd, ...(c.env ? { env: c.env } : {}), ...(c.isTTY ? { isTTY: true } : {}) });
        expectText('stdout', result.stdout, c.stdout, ws, result);
        expectText('stderr', result.stderr, c.stderr, ws, result);
        expect(result.code, `exit code\nstdout:\n${result.stdout.slice(0, 2000)}\nstderr:\n${result.stderr.slice(0, 2000)}`).toBe(c.code);
        await c.after?.(ws, result, mapc);
      },
      c.timeout,
    );
  }
}
