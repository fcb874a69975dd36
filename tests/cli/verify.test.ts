import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

async function freshBuild(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'mapc-verify-test-'));
  expect((await runMapc(['build', '--to', 'html', '--out', out, 'plans'])).code).toBe(0);
  return out;
}

describe('mapc verify', () => {
  it('passes on a fresh build', async () => {
    const out = await freshBuild();
    const result = await runMapc(['verify', out]);
    expect(result.stdout).toBe('6 outputs verified: each is what its source builds to.\n');
    expect(result.code).toBe(0);
  });

  it('fails on an output edited after the build', async () => {
    const out = await freshBuild();
    const file = join(out, 'iow-qp-map-2002-03.report.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Members are invited to note', 'Members are asked to approve'));
    const result = await runMapc(['verify', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "iow-qp-map-2002-03.report.html: changed since it was built (its sha256 is not the manifest's)",
        '1 problem: the folder does not verify.',
        '',
      ].join('\n'),
    );
  });

  it('fails when the manifest was edited to match a changed output', async () => {
    const out = await freshBuild();
    const file = join(out, 'iow-qp-map-2002-03.html');
    const changed = readFileSync(file, 'utf8').replace('Isle of Wight Council', 'Another Council');
    writeFileSync(file, changed);
    const manifestFile = join(out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.outputs.find((o: { file: string }) => o.file === 'iow-qp-map-2002-03.html').sha256 = createHash('sha256').update(changed).digest('hex');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const result = await runMapc(['verify', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('iow-qp-map-2002-03.html: differs from what plans/isle-of-wight-qp-map-2002-03.yaml builds to now');
  });

  it('fails on a document the manifest does not list, and on an empty manifest', async () => {
    const out = await freshBuild();
    const manifestFile = join(out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.outputs = manifest.outputs.filter((o: { file: string }) => o.file !== 'iow-qp-map-2002-03.html');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    writeFileSync(join(out, 'iow-qp-map-2002-03.html'), '<p>anything</p>');
    const unlisted = await runMapc(['verify', out]);
    expect(unlisted.code).toBe(1);
    expect(unlisted.stdout).toBe('iow-qp-map-2002-03.html: not in the manifest, so nothing says what it was built from\n1 problem: the folder does not verify.\n');
    manifest.outputs = [];
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const empty = await runMapc(['verify', out]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('manifest.json lists no outputs: there is nothing to verify');
  });

  it('gives PDFs dated by SOURCE_DATE_EPOCH the same date again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-verify-epoch-'));
    const build = await runMapc(['build', '--to', 'pdf', '--out', out, 'plans/devon-part-3-3-example.yaml'], { env: { SOURCE_DATE_EPOCH: '1104537600' } });
    expect(build.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).outputs[0].sourceDateEpoch).toBe('1104537600');
    const result = await runMapc(['verify', out], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(result.stdout).toBe('1 output verified: each is what its source builds to.\n');
    expect(result.code).toBe(0);
  });

  it('exits 2 for a folder without a manifest', async () => {
    const result = await runMapc(['verify', mkdtempSync(join(tmpdir(), 'mapc-empty-'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mapc: no readable manifest\.json in '.*': verify needs the folder a build wrote\.\n$/);
  });

  it('says to run from the build\'s folder when no source is found there, and reports a source moved since with the other findings', async () => {
    const out = await freshBuild();
    const elsewhere = await runMapc(['verify', out], { cwd: tmpdir() });
    expect(elsewhere).toEqual({ code: 2, stdout: '', stderr: "mapc: cannot find 'plans/devon-children-and-families-2004-05.yaml', which the manifest names as a source. Sources are named from the folder mapc build ran in: run mapc verify from there.\n" });

    const project = mkdtempSync(join(tmpdir(), 'mapc-verify-moved-'));
    cpSync(join(ROOT, 'plans'), join(project, 'plans'), { recursive: true });
    expect((await runMapc(['build', '--to', 'html', '--out', 'out', 'plans'], { cwd: project })).code).toBe(0);
    rmSync(join(project, 'plans/devon-part-3-3-example.yaml'));
    writeFileSync(join(project, 'out/iow-qp-map-2002-03.html'), 'tampered');
    const moved = await runMapc(['verify', 'out'], { cwd: project });
    expect(moved).toEqual({
      code: 1,
      stderr: '',
      stdout:
        "iow-qp-map-2002-03.html: changed since it was built (its sha256 is not the manifest's)\n" +
        'devon-part-3-3-example.html: its source plans/devon-part-3-3-example.yaml is not there (moved or deleted since the build), so it cannot be rebuilt\n' +
        '2 problems: the folder does not verify.\n',
    });
  });

  it('names an output left over from before a plan\'s id was changed, rather than say its source no longer builds', async () => {
    const project = mkdtempSync(join(tmpdir(), 'mapc-verify-renamed-'));
    cpSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), join(project, 'plan.yaml'));
    expect((await runMapc(['build', '--to', 'html', '--out', 'out', 'plan.yaml'], { cwd: project })).code).toBe(0);
    writeFileSync(join(project, 'plan.yaml'), readFileSync(join(project, 'plan.yaml'), 'utf8').replace('id: devon-part-3-3-example', 'id: part-3-3'));
    expect((await runMapc(['build', '--to', 'html', '--out', 'out', 'plan.yaml'], { cwd: project })).code).toBe(0);
    const result = await runMapc(['verify', 'out'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'devon-part-3-3-example.html: left over from an earlier build; plan.yaml now builds to part-3-3.html (was its id changed?). Delete it, or build into an empty folder\n' +
        '1 problem: the folder does not verify.\n',
    );
  });
});
