import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/build/io.js';
import { run } from '../../src/cli/main.js';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

async function mapc(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, env: { NO_COLOR: '1' }, isTTY: false, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const SEED = 'tests/fixtures/seeds/isle-of-wight-paper-b.txt';

describe('mapc import', () => {
  it('writes the draft to --out, with a modeline that finds the schema, and says what it found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-import-'));
    const out = join(dir, 'iow.yaml');
    const result = await mapc(['import', SEED, '--out', out]);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `mapc: ${SEED} read as a qp-map, written to ${out}: 11 objectives, 29 achievements, 0 actions, 6 key action points, the committee paper, 1 abbreviation; 4 guesses to check (marked "# check:").\n`,
    });
    const text = readFileSync(out, 'utf8');
    expect(resolve(dir, /^# yaml-language-server: \$schema=(.+)\n/.exec(text)![1]!)).toBe(join(ROOT, 'schemas/plan.schema.json'));
    expect((await mapc(['validate', out])).stdout).toMatch(/^1 file checked: 0 errors, \d+ warnings?\.\n$|no problems/m);
    // Never over an existing file.
    expect(await mapc(['import', SEED, '--out', out])).toEqual({ code: 2, stdout: '', stderr: `mapc: '${out}' already exists; mapc import never overwrites a file. Choose another name, or delete it first.\n` });
  });

  it('prints to standard output without --out, and --kind overrides the guess', async () => {
    const result = await mapc(['import', 'tests/fixtures/import/devon-children-and-families.html', '--kind', 'strategy']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\nkind: strategy\ntitle: Children and Families\n');
    expect(result.stdout).not.toContain('# check: read as a part');
  });

  it.each([
    ['a missing file', (dir: string) => join(dir, 'nothing.docx'), (f: string) => `mapc: cannot read '${f}': there is no such file.\n`],
    ['a folder', (dir: string) => dir, (f: string) => `mapc: cannot import '${f}': it is not a regular file.\n`],
    ['an empty file', (dir: string) => (writeFileSync(join(dir, 'empty.txt'), ''), join(dir, 'empty.txt')), (f: string) => `mapc: cannot import '${f}': the file is empty.\n`],
    ['a corrupt .docx', (dir: string) => (writeFileSync(join(dir, 'bad.docx'), Buffer.from('PK\u0003\u0004garbage')), join(dir, 'bad.docx')), (f: string) => `mapc: cannot import '${f}': it is a damaged Word document (its zip directory cannot be read).\n`],
    ['a 100 MB file', (dir: string) => (writeFileSync(join(dir, 'huge.txt'), ''), truncateSync(join(dir, 'huge.txt'), 100 * 1024 * 1024), join(dir, 'huge.txt')), (f: string) => `mapc: cannot import '${f}': it is larger than 20 MB, far more than a plan document; split it, or save only the plan's pages.\n`],
  ])('refuses %s in one line, exit 2', async (_name, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-import-bad-'));
    mkdirSync(dir, { recursive: true });
    const file = make(dir);
    expect(await mapc(['import', file])).toEqual({ code: 2, stdout: '', stderr: message(file) });
  });

  it('runs through the built binary, refusing a password-protected document in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-import-bin-'));
    const locked = join(dir, 'locked.docx');
    writeFileSync(locked, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    expect(await runMapc(['import', locked])).toEqual({
      code: 2,
      stdout: '',
      stderr: `mapc: cannot import '${locked}': it is password-protected, or an old Word 97-2003 .doc: remove the password, or save it as .docx, and import again.\n`,
    });
    const ok = await runMapc(['import', 'tests/fixtures/import/iow-paper-b.docx']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('\nid: isle-of-wight-qp-map-2002-03\n');
  });
});
