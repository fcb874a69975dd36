import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

const IOW = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const FIXTURE = 'tests/fixtures/diff/family-services-2002-03.yaml';

describe('mapc rollover', () => {
  it('writes next year\'s plan to --out, with a modeline that finds the schema from there', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-rollover-'));
    const file = join(out, 'iow-2003-04.yaml');
    const result = await runMapc(['rollover', IOW, '--period', '2003-04', '--out', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `mapc: iow-qp-map-2003-04 (2003-04, draft) written to ${file}: 0 open actions carried forward, 0 done actions now achievements, 0 dropped left out, 10 indicator figures copied into their history.\n`,
    );
    const text = readFileSync(file, 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(text)?.[1];
    expect(resolve(out, modeline!)).toBe(join(ROOT, 'schemas/plan.schema.json'));
    expect(text).toContain('\nid: iow-qp-map-2003-04\n');
    expect(text).toContain('\ntitle: Quality Protects Management Action Plan 2003-2004\n');
    expect(text).toContain('\nperiod: 2003-04\nstatus: draft\n\n');
    expect(text).not.toContain('dates:');
    const validation = await runMapc(['validate', '--strict', file]);
    expect(validation).toMatchObject({ code: 0, stdout: '1 file checked: no problems.\n' });
  });

  it('prints to standard output without --out, the modeline relative to the old plan\'s folder', async () => {
    const result = await runMapc(['rollover', FIXTURE, '--period', '2003-04']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'tests/fixtures/diff/family-services-2003-04.rolled.yaml'), 'utf8'));
    expect(result.stderr).toBe(
      'mapc: family-services-2003-04 (2003-04, draft): 2 open actions carried forward, 2 done actions now achievements, 1 dropped left out, 2 indicator figures copied into their history.\n' +
        'mapc: 1 warning to review (rule/due-before-period): run mapc validate on the new plan.\n',
    );
  });

  it('then diff shows exactly the carried-forward actions and the figures moved into history', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-rollover-diff-'));
    const file = join(out, 'next.yaml');
    expect((await runMapc(['rollover', FIXTURE, '--period', '2003-04', '--out', file])).code).toBe(0);
    const result = await runMapc(['diff', '--format', 'json', FIXTURE, file]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.changes.filter((c: { entity: string }) => c.entity !== 'plan').map((c: { type: string; entity: string; id: string; field?: string }) => `${c.type} ${c.entity} ${c.id}${c.field ? ` ${c.field}` : ''}`)).toEqual([
      'added achievement audit',
      'removed action audit',
      'added achievement panel',
      'removed action panel',
      'removed action newsletter',
      'changed indicator placement-moves history',
      'changed indicator adoptions history',
    ]);
    expect(report.changes.filter((c: { entity: string }) => c.entity === 'plan').map((c: { field: string }) => c.field)).toEqual(['id', 'title', 'period', 'status', 'dates.approved']);
    expect(report.followThrough.map((f: { action: string | null; outcome: string }) => `${f.action} ${f.outcome}`)).toEqual([
      'carers carried-forward',
      'audit achieved',
      'null carried-forward',
      'panel achieved',
      'newsletter dropped',
    ]);
    expect(report.summary).toMatchObject({ improved: 0, worsened: 0, corrected: 0, moved: 0 });
  });

  it('never overwrites a file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-rollover-'));
    const file = join(out, 'existing.yaml');
    writeFileSync(file, 'keep me\n');
    const result = await runMapc(['rollover', IOW, '--period', '2003-04', '--out', file]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `mapc: '${file}' already exists; mapc rollover never overwrites a file. Choose another name, or delete it first.\n` });
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });

  it('refuses a period that is not later, or not a period (exit 2)', async () => {
    expect(await runMapc(['rollover', IOW, '--period', '2001-02'])).toEqual({ code: 2, stdout: '', stderr: 'mapc: --period: the plan is already for 2002-03; roll it over to a later period.\n' });
    expect((await runMapc(['rollover', IOW, '--period', '2003-05'])).stderr).toMatch(/^mapc: --period: '2003-05' is not a period: a financial year's second part is the year after the first: 2003-04/);
  });

  it('refuses a plan with errors, showing them (exit 1)', async () => {
    const result = await runMapc(['rollover', 'tests/fixtures/broken/04-unknown-key-typo.yaml', '--period', '2003-04']);
    expect(result.code).toBe(1); // the input has problems, as for validate
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("04-unknown-key-typo.yaml:13:9: error: Unknown key 'leed'");
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe("mapc: cannot roll 'tests/fixtures/broken/04-unknown-key-typo.yaml' over: fix the errors above first.");
  });

  it('makes the folder --out names, and says plainly when a file stands in its way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-rollover-out-'));
    const made = await runMapc(['rollover', IOW, '--period', '2003-04', '--out', join(dir, 'next-year/plan.yaml')]);
    expect(made.code).toBe(0);
    expect(readFileSync(join(dir, 'next-year/plan.yaml'), 'utf8')).toContain('period: 2003-04');
    writeFileSync(join(dir, 'a-file'), 'x');
    const blocked = await runMapc(['rollover', IOW, '--period', '2003-04', '--out', join(dir, 'a-file/plan.yaml')]);
    expect(blocked).toEqual({ code: 2, stdout: '', stderr: `mapc: cannot write '${join(dir, 'a-file/plan.yaml')}': a file stands where a folder is needed; choose another --out. The previous file, if any, is unchanged.\n` });
  });
});
