import { createHash } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runInProcess } from '../../helpers/mapc.js';
import { fileTempDir, oncePerFile } from '../../helpers/temporary.js';
import type { CliCase, Workspace } from '../cases.js';

/**
 * A fresh build of the example plans to HTML (from the repository root, as verify runs),
 * built once for the test file (its folder goes when the file's tests end, so the next file
 * in the worker builds its own).
 */
const built = oncePerFile(async (): Promise<string> => {
  const out = join(fileTempDir('verify-build'), 'out');
  const result = await runInProcess(['build', '--to', 'html', '--out', out, 'plans']);
  if (result.code !== 0) throw new Error(`the build to verify failed: ${result.stderr}`);
  return out;
});

/** The fresh build, copied into the workspace's `out`: each case changes its own copy. */
async function freshBuild(ws: Workspace): Promise<void> {
  cpSync(await built(), ws.path('out'), { recursive: true });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const verifyCases: CliCase[] = [
  {
    name: 'verify: passes on a fresh build',
    setup: freshBuild,
    argv: (ws) => ['verify', ws.path('out')],
    code: 0,
    stdout: '6 outputs verified: each is what its source builds to.\n',
  },
  {
    name: 'verify: fails on an output edited after the build',
    setup: async (ws) => {
      await freshBuild(ws);
      const file = 'out/iow-qp-map-2002-03.report.html';
      ws.write(file, ws.read(file).replace('Members are invited to note', 'Members are asked to approve'));
    },
    argv: (ws) => ['verify', ws.path('out')],
    code: 1,
    stdout: ["iow-qp-map-2002-03.report.html: changed since it was built (its sha256 is not the manifest's)", '1 problem: the folder does not verify.', ''].join('\n'),
    binary: true,
  },
  {
    name: 'verify: fails when the manifest was edited to match a changed output',
    setup: async (ws) => {
      await freshBuild(ws);
      const changed = ws.read('out/iow-qp-map-2002-03.html').replace('Isle of Wight Council', 'Another Council');
      ws.write('out/iow-qp-map-2002-03.html', changed);
      const manifest = JSON.parse(ws.read('out/manifest.json'));
      manifest.outputs.find((o: { file: string }) => o.file === 'iow-qp-map-2002-03.html').sha256 = sha256(changed);
      ws.write('out/manifest.json', JSON.stringify(manifest));
    },
    argv: (ws) => ['verify', ws.path('out')],
    code: 1,
    stdout: (text) => expect(text).toContain('iow-qp-map-2002-03.html: differs from what plans/isle-of-wight-qp-map-2002-03.yaml builds to now'),
  },
  {
    name: 'verify: fails on a document the manifest does not list',
    setup: async (ws) => {
      await freshBuild(ws);
      const manifest = JSON.parse(ws.read('out/manifest.json'));
      manifest.outputs = manifest.outputs.filter((o: { file: string }) => o.file !== 'iow-qp-map-2002-03.html');
      ws.write('out/manifest.json', JSON.stringify(manifest));
      ws.write('out/iow-qp-map-2002-03.html', '<p>anything</p>');
    },
    argv: (ws) => ['verify', ws.path('out')],
    code: 1,
    stdout: 'iow-qp-map-2002-03.html: not in the manifest, so nothing says what it was built from\n1 problem: the folder does not verify.\n',
  },
  {
    name: 'verify: fails on an empty manifest',
    setup: async (ws) => {
      await freshBuild(ws);
      const manifest = JSON.parse(ws.read('out/manifest.json'));
      manifest.outputs = [];
      ws.write('out/manifest.json', JSON.stringify(manifest));
      ws.write('out/iow-qp-map-2002-03.html', '<p>anything</p>');
    },
    argv: (ws) => ['verify', ws.path('out')],
    code: 1,
    stdout: (text) => expect(text).toContain('manifest.json lists no outputs: there is nothing to verify'),
  },
  {
    name: 'verify: gives PDFs dated by SOURCE_DATE_EPOCH the same date again',
    setup: async (ws, mapc) => {
      const build = await mapc(['build', '--to', 'pdf', '--out', ws.path('out'), 'plans/devon-part-3-3-example.yaml'], { env: { SOURCE_DATE_EPOCH: '1104537600' } });
      expect(build.code).toBe(0);
      expect(JSON.parse(ws.read('out/manifest.json')).outputs[0].sourceDateEpoch).toBe('1104537600');
    },
    argv: (ws) => ['verify', ws.path('out')],
    env: { SOURCE_DATE_EPOCH: '' },
    code: 0,
    stdout: '1 output verified: each is what its source builds to.\n',
    timeout: 120_000,
  },
  {
    name: 'verify: exits 2 for a folder without a manifest',
    argv: (ws) => ['verify', ws.dir],
    code: 2,
    stderr: /^mapc: no readable manifest\.json in '.*': verify needs the folder a build wrote\.\n$/,
  },
  {
    name: "verify: says to run from the build's folder when no source is found there",
    setup: freshBuild,
    cwd: () => tmpdir(),
    argv: (ws) => ['verify', ws.path('out')],
    code: 2,
    stdout: '',
    stderr: "mapc: cannot find 'plans/devon-children-and-families-2004-05.yaml', which the manifest names as a source. Sources are named from the folder mapc build ran in: run mapc verify from there.\n",
  },
  {
    name: 'verify: reports a source moved since the build with the other findings',
    setup: async (ws, mapc) => {
      ws.copy('plans');
      expect((await mapc(['build', '--to', 'html', '--out', 'out', 'plans'], { cwd: ws.dir })).code).toBe(0);
      rmSync(ws.path('plans/devon-part-3-3-example.yaml'));
      ws.write('out/iow-qp-map-2002-03.html', 'tampered');
    },
    cwd: 'workspace',
    argv: ['verify', 'out'],
    code: 1,
    stderr: '',
    stdout:
      "iow-qp-map-2002-03.html: changed since it was built (its sha256 is not the manifest's)\n" +
      'devon-part-3-3-example.html: its source plans/devon-part-3-3-example.yaml is not there (moved or deleted since the build), so it cannot be rebuilt\n' +
      '2 problems: the folder does not verify.\n',
  },
  {
    name: "verify: names an output left over from before a plan's id was changed, rather than say its source no longer builds",
    setup: async (ws, mapc) => {
      ws.copy('plans/devon-part-3-3-example.yaml', 'plan.yaml');
      expect((await mapc(['build', '--to', 'html', '--out', 'out', 'plan.yaml'], { cwd: ws.dir })).code).toBe(0);
      ws.write('plan.yaml', ws.read('plan.yaml').replace('id: devon-part-3-3-example', 'id: part-3-3'));
      expect((await mapc(['build', '--to', 'html', '--out', 'out', 'plan.yaml'], { cwd: ws.dir })).code).toBe(0);
    },
    cwd: 'workspace',
    argv: ['verify', 'out'],
    code: 1,
    stdout:
      'devon-part-3-3-example.html: left over from an earlier build; plan.yaml now builds to part-3-3.html (was its id changed?). Delete it, or build into an empty folder\n' +
      '1 problem: the folder does not verify.\n',
  },
];
