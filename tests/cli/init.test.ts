import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFrom } from '../helpers/render-plan.js';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

const SCHEMA = join(ROOT, 'schemas/plan.schema.json');

describe('mapc init', () => {
  it('writes a qp-map with one objective per national objective, valid with no problem at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-init-'));
    mkdirSync(join(dir, 'plans'));
    const result = await runMapc(['init', 'plans/iow.yaml', '--authority', 'Isle of Wight Council', '--period', '2003-04'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'mapc: wrote plans/iow.yaml; check it with: mapc validate plans/iow.yaml\n' });
    const text = readFileSync(join(dir, 'plans/iow.yaml'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(text)?.[1];
    expect(resolve(dir, 'plans', modeline!)).toBe(SCHEMA);
    const plan = planFrom(text);
    expect(plan).toMatchObject({ id: 'isle-of-wight-qp-map-2003-04', kind: 'qp-map', title: 'Quality Protects Management Action Plan 2003-2004', authority: 'Isle of Wight Council', period: '2003-04', status: 'draft' });
    expect(plan.objectives.map((o) => `${o.id} ${o.national.join()}`)).toEqual(Array.from({ length: 11 }, (_, i) => `qp${i + 1} QP${i + 1}`));
    expect(await runMapc(['validate', '--strict', 'plans/iow.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 file checked: no problems.\n' });
  });

  it('writes a strategy on the Every Child Matters outcomes', async () => {
    const result = await runMapc(['init', '--kind', 'strategy', '--authority', 'Devon County Council', '--period', '2005-2008']);
    expect(result.code).toBe(0);
    const plan = planFrom(result.stdout);
    expect(plan).toMatchObject({ id: 'devon-strategy-2005-2008', kind: 'strategy', title: "Children's Services Strategic Plan 2005-2008" });
    expect(plan.framework.id).toBe('every-child-matters');
    expect(plan.objectives.map((o) => `${o.id}: ${o.title}`)).toEqual([
      'be-healthy: Be healthy',
      'stay-safe: Stay safe',
      'enjoy-and-achieve: Enjoy and achieve',
      'make-a-positive-contribution: Make a positive contribution',
      'achieve-economic-well-being: Achieve economic well-being',
    ]);
  });

  it('prints to standard output without a file, the modeline relative to the working folder', async () => {
    const result = await runMapc(['init', '--authority', 'Isle of Wight Council', '--period', '2002-03']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/plan.schema.json');
    const dir = mkdtempSync(join(tmpdir(), 'mapc-init-'));
    writeFileSync(join(dir, 'p.yaml'), result.stdout);
    expect(await runMapc(['validate', '--strict', join(dir, 'p.yaml')])).toMatchObject({ code: 0 });
  });

  it('never overwrites a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-init-'));
    writeFileSync(join(dir, 'plan.yaml'), 'keep me\n');
    const result = await runMapc(['init', 'plan.yaml', '--authority', 'Isle of Wight Council'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: "mapc: 'plan.yaml' already exists; mapc init never overwrites a file. Choose another name, or delete it first.\n" });
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('keep me\n');
  });

  it('asks for the council, and for a real period (exit 2)', async () => {
    expect(await runMapc(['init'])).toEqual({ code: 2, stdout: '', stderr: 'mapc: say which council the plan is for: mapc init --authority "Isle of Wight Council" [--period 2003-04] [FILE].\n' });
    expect((await runMapc(['init', '--authority', 'Isle of Wight Council', '--period', '2003-05'])).stderr).toMatch(/^mapc: --period '2003-05' is not a period: /);
  });
});
