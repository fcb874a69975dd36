import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../helpers/mapc.js';
import { planFrom } from '../../helpers/render-plan.js';
import type { CliCase } from '../cases.js';

const SCHEMA = join(ROOT, 'schemas/plan.schema.json');

export const initCases: CliCase[] = [
  {
    name: 'init: writes a qp-map with one objective per national objective, valid, warning only of each objective that plans nothing yet',
    setup: (ws) => ws.mkdir('plans'),
    cwd: 'workspace',
    argv: ['init', 'plans/iow.yaml', '--authority', 'Isle of Wight Council', '--period', '2003-04'],
    code: 0,
    stdout: '',
    stderr: 'mapc: wrote plans/iow.yaml; check it with: mapc validate plans/iow.yaml\n',
    after: async (ws, _result, mapc) => {
      const text = ws.read('plans/iow.yaml');
      const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(text)?.[1];
      expect(resolve(ws.dir, 'plans', modeline!)).toBe(SCHEMA);
      const plan = planFrom(text);
      expect(plan).toMatchObject({ id: 'isle-of-wight-qp-map-2003-04', kind: 'qp-map', title: 'Quality Protects Management Action Plan 2003-2004', authority: 'Isle of Wight Council', period: '2003-04', status: 'draft' });
      expect(plan.objectives.map((o) => `${o.id} ${o.national.join()}`)).toEqual(Array.from({ length: 11 }, (_, i) => `qp${i + 1} QP${i + 1}`));
      const check = await mapc(['validate', '--format', 'json', 'plans/iow.yaml'], { cwd: ws.dir });
      expect(check.code).toBe(0);
      const problems = (JSON.parse(check.stdout) as { files: { problems: { code: string; line: number }[] }[] }).files[0]!.problems;
      // One warning an objective, at its id, until the officer gives it its actions.
      expect(problems.map((p) => `${p.code} ${text.split('\n')[p.line - 1]!.trim()}`)).toEqual(Array.from({ length: 11 }, (_, i) => `rule/objective-without-actions - id: qp${i + 1}`));
    },
  },
  {
    name: 'init: writes a strategy on the Every Child Matters outcomes',
    argv: ['init', '--kind', 'strategy', '--authority', 'Devon County Council', '--period', '2005-2008'],
    code: 0,
    stdout: (text) => {
      const plan = planFrom(text);
      expect(plan).toMatchObject({ id: 'devon-strategy-2005-2008', kind: 'strategy', title: "Children's Services Strategic Plan 2005-2008" });
      expect(plan.framework.id).toBe('every-child-matters');
      expect(plan.objectives.map((o) => `${o.id}: ${o.title}`)).toEqual([
        'be-healthy: Be healthy',
        'stay-safe: Stay safe',
        'enjoy-and-achieve: Enjoy and achieve',
        'make-a-positive-contribution: Make a positive contribution',
        'achieve-economic-well-being: Achieve economic well-being',
      ]);
    },
    binary: true,
  },
  {
    name: 'init: prints to standard output without a file, the modeline relative to the working folder',
    argv: ['init', '--authority', 'Isle of Wight Council', '--period', '2002-03'],
    code: 0,
    stdout: (text) => expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/plan.schema.json'),
    after: async (ws, result, mapc) => {
      ws.write('p.yaml', result.stdout);
      expect(await mapc(['validate', ws.path('p.yaml')])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^1 file checked: 0 errors, 11 warnings\.$/m) });
    },
  },
  {
    name: 'init: never overwrites a file',
    setup: (ws) => ws.write('plan.yaml', 'keep me\n'),
    cwd: 'workspace',
    argv: ['init', 'plan.yaml', '--authority', 'Isle of Wight Council'],
    code: 2,
    stdout: '',
    stderr: "mapc: 'plan.yaml' already exists; mapc init never overwrites a file. Choose another name, or delete it first.\n",
    after: (ws) => expect(ws.read('plan.yaml')).toBe('keep me\n'),
  },
  {
    name: 'init: asks for the council (exit 2)',
    argv: ['init'],
    code: 2,
    stdout: '',
    stderr: 'mapc: say which council the plan is for: mapc init --authority "Isle of Wight Council" [--period 2003-04] [FILE].\n',
  },
  {
    name: 'init: asks for a real period (exit 2)',
    argv: ['init', '--authority', 'Isle of Wight Council', '--period', '2003-05'],
    code: 2,
    stderr: /^mapc: --period '2003-05' is not a period: /,
  },
];
