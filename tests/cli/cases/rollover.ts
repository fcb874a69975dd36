import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../helpers/mapc.js';
import type { CliCase } from '../cases.js';

const IOW = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const FIXTURE = 'tests/fixtures/diff/family-services-2002-03.yaml';

export const rolloverCases: CliCase[] = [
  {
    name: "rollover: writes next year's plan to --out, with a modeline that finds the schema from there",
    argv: (ws) => ['rollover', IOW, '--period', '2003-04', '--out', ws.path('iow-2003-04.yaml')],
    code: 0,
    stdout: '',
    stderr: (text, ws) =>
      expect(text).toBe(
        `mapc: iow-qp-map-2003-04 (2003-04, draft) written to ${ws.path('iow-2003-04.yaml')}: 0 open actions carried forward, 0 done actions now achievements, 0 dropped left out, 10 indicator figures copied into their history.\n` +
          'mapc: 11 warnings to review (rule/stale-figure, rule/report-period): run mapc validate on the new plan.\n',
      ),
    after: async (ws, _result, mapc) => {
      const text = ws.read('iow-2003-04.yaml');
      const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(text)?.[1];
      expect(resolve(ws.dir, modeline!)).toBe(join(ROOT, 'schemas/plan.schema.json'));
      expect(text).toContain('\nid: iow-qp-map-2003-04\n');
      expect(text).toContain('\ntitle: Quality Protects Management Action Plan 2003-2004\n');
      expect(text).toContain('\nperiod: 2003-04\nstatus: draft\n\n');
      expect(text).not.toContain('dates:');
      // The covering paper's title moves on; last year's meeting date is taken out, not printed as this year's.
      expect(text).toContain('\n  title: Quality Protects Management Action Plan 2003-2004\n');
      expect(text).not.toContain('2002-04-30');
      // It validates, and the warnings say what is still last year's: each figure, and the meeting date.
      const check = await mapc(['validate', '--format', 'json', ws.path('iow-2003-04.yaml')]);
      expect(check.code).toBe(0);
      const codes = (JSON.parse(check.stdout) as { files: { problems: { code: string }[] }[] }).files[0]!.problems.map((p) => p.code);
      expect(codes).toEqual([...Array.from({ length: 10 }, () => 'rule/stale-figure'), 'rule/report-period']);
    },
  },
  {
    name: "rollover: prints to standard output without --out, the modeline relative to the old plan's folder",
    argv: ['rollover', FIXTURE, '--period', '2003-04'],
    code: 0,
    stdout: readFileSync(join(ROOT, 'tests/fixtures/diff/family-services-2003-04.rolled.yaml'), 'utf8'),
    stderr:
      'mapc: family-services-2003-04 (2003-04, draft): 2 open actions carried forward, 2 done actions now achievements, 1 dropped left out, 2 indicator figures copied into their history.\n' +
      'mapc: 4 warnings to review (rule/due-before-period, rule/stale-figure, rule/report-period): run mapc validate on the new plan.\n',
  },
  {
    name: 'rollover: then diff shows exactly the carried-forward actions and the figures moved into history',
    setup: async (ws, mapc) => expect((await mapc(['rollover', FIXTURE, '--period', '2003-04', '--out', ws.path('next.yaml')])).code).toBe(0),
    argv: (ws) => ['diff', '--format', 'json', FIXTURE, ws.path('next.yaml')],
    code: 1,
    stdout: (text) => {
      const report = JSON.parse(text);
      expect(report.changes.filter((c: { entity: string }) => c.entity !== 'plan').map((c: { type: string; entity: string; id: string; field?: string }) => `${c.type} ${c.entity} ${c.id}${c.field ? ` ${c.field}` : ''}`)).toEqual([
        'added achievement audit',
        'removed action audit',
        'added achievement panel',
        'removed action panel',
        'removed action newsletter',
        'changed indicator placement-moves history',
        'changed indicator adoptions history',
        'changed report null date',
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
    },
  },
  {
    name: 'rollover: never overwrites a file',
    setup: (ws) => ws.write('existing.yaml', 'keep me\n'),
    argv: (ws) => ['rollover', IOW, '--period', '2003-04', '--out', ws.path('existing.yaml')],
    code: 2,
    stdout: '',
    stderr: (text, ws) => expect(text).toBe(`mapc: '${ws.path('existing.yaml')}' already exists; mapc rollover never overwrites a file. Choose another name, or delete it first.\n`),
    after: (ws) => expect(ws.read('existing.yaml')).toBe('keep me\n'),
  },
  {
    name: 'rollover: refuses a period that is not later (exit 2)',
    argv: ['rollover', IOW, '--period', '2001-02'],
    code: 2,
    stdout: '',
    stderr: 'mapc: --period: the plan is already for 2002-03; roll it over to a later period.\n',
    binary: true,
  },
  {
    name: 'rollover: refuses a period that is not a period (exit 2)',
    argv: ['rollover', IOW, '--period', '2003-05'],
    code: 2,
    stderr: /^mapc: --period: '2003-05' is not a period: a financial year's second part is the year after the first: 2003-04/,
  },
  {
    name: 'rollover: refuses a plan with errors, showing them (exit 1, as for validate)',
    argv: ['rollover', 'tests/fixtures/broken/04-unknown-key-typo.yaml', '--period', '2003-04'],
    code: 1,
    stdout: '',
    stderr: (text) => {
      expect(text).toContain("04-unknown-key-typo.yaml:13:9: error: Unknown key 'leed'");
      expect(text.trimEnd().split('\n').at(-1)).toBe("mapc: cannot roll 'tests/fixtures/broken/04-unknown-key-typo.yaml' over: fix the errors above first.");
    },
  },
  {
    name: 'rollover: makes the folder --out names',
    argv: (ws) => ['rollover', IOW, '--period', '2003-04', '--out', ws.path('next-year/plan.yaml')],
    code: 0,
    after: (ws) => expect(ws.read('next-year/plan.yaml')).toContain('period: 2003-04'),
  },
  {
    name: "rollover: into another folder, writes the logo's path from there, so the new plan still finds it",
    setup: (ws) => {
      const plan = readFileSync(join(ROOT, IOW), 'utf8').replace('\nreport:\n', '\nreport:\n  logo: { file: images/crest.svg, alt: Isle of Wight Council }\n');
      expect(plan).toContain('logo: { file: images/crest.svg');
      ws.write('plans/iow.yaml', plan);
      ws.copy('tests/fixtures/every-field-logo.svg', 'plans/images/crest.svg');
    },
    cwd: 'workspace',
    argv: ['rollover', 'plans/iow.yaml', '--period', '2003-04', '--out', 'next-year/iow.yaml'],
    code: 0,
    after: async (ws, _result, mapc) => {
      expect(ws.read('next-year/iow.yaml')).toContain('\n  logo: { file: ../plans/images/crest.svg, alt: Isle of Wight Council }\n');
      // The new plan reads its logo (a logo it cannot find is an error), and so does last year's, unchanged.
      for (const plan of ['next-year/iow.yaml', 'plans/iow.yaml']) {
        const check = await mapc(['validate', '--format', 'json', plan], { cwd: ws.dir });
        expect(check.code, check.stdout).toBe(0);
      }
    },
  },
  {
    name: 'rollover: says plainly when a file stands where --out needs a folder',
    setup: (ws) => ws.write('a-file', 'x'),
    argv: (ws) => ['rollover', IOW, '--period', '2003-04', '--out', ws.path('a-file/plan.yaml')],
    code: 2,
    stdout: '',
    stderr: (text, ws) => expect(text).toBe(`mapc: cannot write '${ws.path('a-file/plan.yaml')}': a file stands where a folder is needed; choose another --out. The previous file, if any, is unchanged.\n`),
  },
];
