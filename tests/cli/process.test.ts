/**
 * What only a process of bin/mapc.js shows, beyond the binary's shard of the case table
 * (tests/cli/cases-binary.test.ts): whether its stdout is a terminal, and a reader that
 * closes the pipe early. Signals are tested with the builds they stop: tests/hostile and
 * tests/pdf/printer-robustness.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, mapcEnv, ROOT } from '../helpers/mapc.js';
import { tempDir } from '../helpers/temporary.js';
import { MANY_WARNINGS } from './cases/validate.js';

const OLD = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const NEW = 'plans/isle-of-wight-qp-map-2003-04.yaml';
/** Colour is for a person at a terminal: nothing in the environment says otherwise. */
const PERSON = { NO_COLOR: undefined, CI: undefined };

describe('a terminal, or not', () => {
  it('mapc colours the diff when its stdout is a terminal, and not when it is a pipe', () => {
    // script(1) gives mapc a terminal, as a person at one has.
    const command = `${process.execPath} ${BIN} diff ${OLD} ${NEW}`;
    const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: mapcEnv(PERSON), encoding: 'utf8' });
    expect(onTerminal.stdout).toMatch(/\x1b\[32m▲ Improved/);
    const piped = spawnSync(process.execPath, [BIN, 'diff', OLD, NEW], { cwd: ROOT, env: mapcEnv(PERSON), encoding: 'utf8' });
    expect(piped.status).toBe(1);
    expect(piped.stdout).toContain('▲ Improved');
    expect(piped.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('output piped to a reader that stops early', () => {
  it('`mapc validate | head -1`: no crash, and mapc still exits with its own code', () => {
    const dir = tempDir('pipe');
    // 800 warnings with their code frames: far more than a pipe holds, so the reader leaves mid-write.
    writeFileSync(join(dir, 'plan.yaml'), MANY_WARNINGS);
    const script = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate ${JSON.stringify(join(dir, 'plan.yaml'))} | head -1; echo "exit codes: \${PIPESTATUS[*]}" >&2`;
    const { stdout, stderr } = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(stderr).toContain('exit codes: 0 0'); // warnings only: exit 0, as without the pipe
  });
});
