/**
 * `mapc verify` reads manifest.json from a folder anyone may have written (issue 12): an
 * entry that leaves the folder, a malformed one, or text made to forge the log is refused
 * as a problem of the folder, never followed, never printed raw, never an internal error.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/build/io.js';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../helpers/run-mapc.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

async function mapc(argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd, env: { PATH: process.env.PATH }, isTTY: false };
  return { code: await run(argv, io), out };
}

/** A project with one plan built to HTML in site/, and a file beside the project. */
async function built(): Promise<{ dir: string; manifest: { outputs: Record<string, unknown>[] } }> {
  const outer = mkdtempSync(join(tmpdir(), 'mapc-forged-'));
  dirs.push(outer);
  writeFileSync(join(outer, 'secret.env'), 'TOKEN=secret\n');
  const dir = join(outer, 'repo');
  mkdirSync(join(dir, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), join(dir, 'plans/devon.yaml'));
  expect((await mapc(['build', '--to', 'html', '--out', 'site', 'plans'], dir)).code).toBe(0);
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'site/manifest.json'), 'utf8')) };
}

function forge(dir: string, manifest: { outputs: unknown[] }, ...extra: unknown[]): void {
  writeFileSync(join(dir, 'site/manifest.json'), JSON.stringify({ ...manifest, outputs: [...manifest.outputs, ...extra] }, null, 2));
}

describe('verify, given a forged manifest', () => {
  it('refuses an entry whose file leaves the folder, rather than hash it and count it verified', async () => {
    const { dir, manifest } = await built();
    const sha256 = createHash('sha256').update('TOKEN=secret\n').digest('hex');
    forge(dir, manifest, { file: '../../secret.env', sha256, source: 'plans/devon.yaml', document: 'strategy', format: 'html' });
    const { code, out } = await mapc(['verify', 'site'], dir);
    expect(code).toBe(1);
    expect(out).toBe("manifest.json, output 2: not verified: its file '../../secret.env' is not inside the folder\n1 problem: the folder does not verify.\n");
  });

  it('shows control characters and forged workflow commands as text, not as the log would read them', async () => {
    const { dir, manifest } = await built();
    forge(dir, manifest, { file: 'x\u001b[2J.html', sha256: '0'.repeat(64), source: 'plans/devon.yaml', document: 'strategy', format: 'html' }, { ...manifest.outputs[0], source: 'plans/devon.yaml\n::error file=plans/devon.yaml::forged' });
    writeFileSync(join(dir, 'site', 'y\u001b[31m.html'), '<p>extra</p>');
    const { code, out } = await mapc(['verify', 'site'], dir);
    expect(code).toBe(1);
    expect(out).not.toMatch(/\u001b/);
    expect(out).not.toMatch(/^::error/m);
    expect(out).toContain('manifest.json, output 2: not verified: its file is not a file name');
    expect(out).toContain('manifest.json, output 3: not verified: its source is not a file name');
    expect(out).toContain('y\u241b[31m.html: not in the manifest');
  });

  it('a malformed entry is a problem of the folder, not an internal error', async () => {
    const { dir, manifest } = await built();
    forge(dir, manifest, 42, { file: 'a.html' }, null);
    const { code, out } = await mapc(['verify', 'site'], dir);
    expect(code).toBe(1);
    expect(out).not.toContain('internal error');
    expect(out.split('\n').filter((l) => l.startsWith('manifest.json'))).toEqual([
      'manifest.json, output 2: not verified: it is not an entry (an object with file, sha256, source, document and format)',
      'manifest.json, output 3: not verified: its sha256 is not a SHA-256 hash',
      'manifest.json, output 4: not verified: it is not an entry (an object with file, sha256, source, document and format)',
    ]);
  });

  it('a build into the folder repairs the manifest: bad entries dropped, nothing outside hashed, no crash after files were replaced', async () => {
    const { dir, manifest } = await built();
    forge(dir, manifest, 42, { file: '../../secret.env', sha256: '0'.repeat(64), source: 'plans/devon.yaml', document: 'strategy', format: 'html' });
    const { code, out } = await mapc(['build', '--to', 'html', '--out', 'site', 'plans'], dir);
    expect({ code, out: out.includes('internal error') }).toEqual({ code: 0, out: false });
    const repaired = JSON.parse(readFileSync(join(dir, 'site/manifest.json'), 'utf8')) as { outputs: { file: string }[] };
    expect(repaired.outputs.map((o) => o.file)).toEqual(['devon-children-and-families-2004-05.html']);
    expect((await mapc(['verify', 'site'], dir)).code).toBe(0);
  });
});

