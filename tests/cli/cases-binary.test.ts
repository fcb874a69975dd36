/**
 * The cases of tests/cli/cases.ts marked `binary`, run through the built bin/mapc.js as a
 * user runs it: start-up, the bundle (each command's chunk, and the printing one), the exit
 * code of the process, and output through real pipes. At least one case of each exit code
 * and of each command is marked.
 */
import { describe, expect, it } from 'vitest';
import { runBinary, type RunOptions } from '../helpers/mapc.js';
import { cases, defineCases, type CliCase, type Workspace } from './cases.js';

async function viaBinary(args: string[], options: RunOptions = {}) {
  const outcome = await runBinary(args, options);
  expect(outcome.timedOut, `mapc ${args.join(' ')} did not finish`).toBe(false);
  expect(outcome.signal).toBeNull();
  return { code: outcome.code!, stdout: outcome.stdout, stderr: outcome.stderr };
}

describe('mapc, the built binary', () => {
  defineCases(viaBinary, (c) => c.binary === true);
});

describe('the binary shard', () => {
  it('covers every exit code and every command of the table', () => {
    const shard = cases.filter((c) => c.binary);
    expect(shard.some((c) => c.isTTY)).toBe(false);
    expect(new Set(shard.map((c) => c.code))).toEqual(new Set([0, 1, 2]));
    const somewhere = { dir: '/nowhere', path: (relative: string) => `/nowhere/${relative}` } as Workspace;
    const commands = (list: CliCase[]) => new Set(list.map((c) => (typeof c.argv === 'function' ? c.argv(somewhere) : c.argv)[0]));
    expect([...commands(cases)].filter((command) => !commands(shard).has(command))).toEqual([]);
  });
});
