import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../helpers/mapc.js';
import type { CliCase } from '../cases.js';

const TYPO = 'tests/fixtures/broken/04-unknown-key-typo.yaml';
const json = (text: string) => JSON.parse(text);
const problemsOf = (text: string) => json(text).files[0].problems;

/** 800 warnings with their code frames: far more than a pipe holds (see tests/cli/process.test.ts). */
export const MANY_WARNINGS = `mapc: 1\nid: pipe\nkind: strategy\ntitle: Pipe\nauthority: Pipe Council\nperiod: 2003-04\nobjectives:\n  - id: o1\n    title: One\n    actions:\n${Array.from({ length: 800 }, (_, i) => `      - text: Action ${i}\n        due: 2003-03`).join('\n')}\n`;

export const validateCases: CliCase[] = [
  {
    name: 'validate: says, in text, when a file could not be checked against the format and the rules',
    argv: ['validate', 'tests/fixtures/broken/29-unclosed-quote.yaml'],
    code: 1,
    stdout: (text) =>
      expect(text).toContain(
        'tests/fixtures/broken/29-unclosed-quote.yaml: not checked against the format or the rules, as the YAML could not be read past its error; fix that and check again to see the rest.\n',
      ),
  },
  {
    name: 'validate --format json: notChecked lists the checks that could not run (absent when all ran)',
    argv: ['validate', '--format', 'json', 'tests/fixtures/broken/29-unclosed-quote.yaml', 'tests/fixtures/broken/09-missing-required-keys.yaml', 'tests/fixtures/broken/04-unknown-key-typo.yaml'],
    code: 1,
    stdout: (text) => {
      const files = JSON.parse(text).files as { notChecked?: string[] }[];
      expect(files.map((f) => f.notChecked)).toEqual([['schema', 'rules'], ['rules'], undefined]);
    },
  },
  {
    name: 'validate: passes the example plans with no problem at all',
    argv: ['validate', '--strict', '--format', 'json', 'plans'],
    code: 0,
    stdout: (text) => {
      const report = json(text);
      expect(report.files.map((f: { file: string }) => f.file)).toEqual([
        'plans/devon-children-and-families-2004-05.yaml',
        'plans/devon-part-3-3-example.yaml',
        'plans/isle-of-wight-qp-map-2002-03.yaml',
        'plans/isle-of-wight-qp-map-2003-04.yaml',
      ]);
      expect(report).toMatchObject({ version: 1, ok: true, errors: 0, warnings: 0 });
    },
  },
  {
    name: 'validate: checks ./plans when given no path and there is no mapc.yaml',
    setup: (ws) => ws.copy('plans'),
    cwd: 'workspace',
    argv: ['validate'],
    code: 0,
    stdout: '4 files checked: no problems.\n',
  },
  {
    name: 'validate: checks ./mapc.yaml and its parts when given no path in a project',
    argv: ['validate', '--format', 'json'],
    code: 0,
    stdout: (text) => expect(json(text).files.map((f: { file: string }) => f.file)).toEqual(['mapc.yaml', 'plans/devon-children-and-families-2004-05.yaml', 'plans/devon-part-3-3-example.yaml']),
  },
  {
    name: 'validate: prints text with the place, a code frame and the suggestion',
    argv: ['validate', TYPO],
    code: 1,
    stdout: [
      "tests/fixtures/broken/04-unknown-key-typo.yaml:13:9: error: Unknown key 'leed' in action 1 of objective 'first'. [schema/unknown-key]",
      '  11 |     actions:',
      '  12 |       - text: Extend the Family Solutions Service.',
      "> 13 |         leed: Head of Children's Services",
      '     |         ^^^^',
      "  Did you mean 'lead'?",
      '',
      '1 file checked: 1 error, 0 warnings.',
      '',
    ].join('\n'),
    binary: true,
  },
  {
    name: "validate: reports all of a file's problems once each, sorted by position",
    setup: (ws) =>
      ws.write(
        'plan.yaml',
        `mapc: 1
id: many-problems
kind: strategy
title: Test plan
authority: Test Council
period: 2002-03
status: aproved
objectives:
  - id: first
    title: First objective
    actions:
      - text: One
        leed: Someone
      - text: Two
        status: finished
indicators:
  - id: moves
    unit: percentage
`,
      ),
    argv: (ws) => ['validate', '--format', 'json', ws.path('plan.yaml')],
    code: 1,
    stdout: (text) =>
      expect(problemsOf(text).map((p: { code: string; line: number; column: number; suggestion?: string }) => [p.code, p.line, p.column, p.suggestion])).toEqual([
        ['schema/bad-value', 7, 9, 'approved'],
        ['schema/unknown-key', 13, 9, 'lead'],
        ['schema/bad-value', 15, 17, undefined],
        ['schema/missing-key', 17, 5, undefined],
        ['schema/bad-value', 18, 11, 'percent'],
      ]),
  },
  {
    name: 'validate: prints GitHub workflow commands with properties and message escaped',
    setup: (ws) => ws.write('plans, 2002: draft/100% plan.yaml', readFileSync(join(ROOT, TYPO))),
    cwd: 'workspace',
    argv: ['validate', '--format', 'github', 'plans, 2002: draft/100% plan.yaml'],
    code: 1,
    stdout: "::error file=plans%2C 2002%3A draft/100%25 plan.yaml,line=13,col=9,endLine=13,endColumn=13,title=schema/unknown-key::Unknown key 'leed' in action 1 of objective 'first'. Did you mean 'lead'?\n",
  },
  {
    name: 'validate: exits 2 with one line for a path that does not exist',
    argv: ['validate', 'plans/no-such-plan.yaml'],
    code: 2,
    stderr: "mapc: cannot find 'plans/no-such-plan.yaml': no such file or folder.\n",
    binary: true,
  },
  {
    name: 'validate: exits 2 for bad usage (an option value)',
    argv: ['validate', '--format', 'xml', 'plans'],
    code: 2,
    stderr: /^mapc: option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, json, github/,
    binary: true,
  },
  {
    name: 'validate: exits 2 for bad usage (a misspelt command), with a suggestion',
    argv: ['valdate', 'plans'],
    code: 2,
    stdout: '',
    stderr: "mapc: unknown command 'valdate'\n(Did you mean validate?)\n",
    binary: true,
  },
  {
    name: 'schema: prints the plan schema',
    argv: ['schema'],
    code: 0,
    stdout: (text) => expect(json(text)).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8'))),
    binary: true,
  },
  {
    name: 'validate: reports a file that is not UTF-8 and still checks the others',
    setup: (ws) => ws.write('latin1.yaml', Buffer.from('mapc: 1\ntitle: Caf\xe9\n', 'latin1')),
    argv: (ws) => ['validate', '--format', 'json', ws.path('latin1.yaml'), 'plans/devon-children-and-families-2004-05.yaml'],
    code: 1,
    stdout: (text) => expect(json(text).files.map((f: { problems: { code: string }[] }) => f.problems.map((p) => p.code))).toEqual([['file/not-utf8'], []]),
  },
  {
    name: 'validate: reads CRLF line ends and a byte-order mark with the same places as plain files',
    setup: (ws) => ws.write('windows.yaml', '\uFEFF' + readFileSync(join(ROOT, TYPO), 'utf8').replace(/\n/g, '\r\n')),
    argv: (ws) => ['validate', '--format', 'json', ws.path('windows.yaml')],
    code: 1,
    stdout: (text) => {
      const problem = problemsOf(text)[0];
      expect([problem.code, problem.line, problem.column, problem.endColumn]).toEqual(['schema/unknown-key', 13, 9, 13]);
    },
  },
  {
    name: 'validate: shows a window of a very long line, not all of it',
    setup: (ws) => ws.write('long.yaml', `mapc: 1\nid: long\nsummary: ${'word '.repeat(20000)}\nstaus: draft\n`),
    argv: (ws) => ['validate', ws.path('long.yaml')],
    code: 1,
    stdout: (text) => expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThan(200),
  },
  {
    name: 'validate: says what to write for "8%" in an indicator',
    setup: (ws) => ws.write('plan.yaml', readFileSync(join(ROOT, 'tests/fixtures/broken/10-duplicate-id.yaml'), 'utf8') + 'indicators:\n  - { id: moves, label: Moves, value: "8%" }\n'),
    argv: (ws) => ['validate', '--format', 'json', ws.path('plan.yaml')],
    code: 1,
    stdout: (text) =>
      expect(problemsOf(text).map((p: { message: string }) => p.message)).toEqual([
        "'value' of indicator 'moves' should be a number, but it is '8%'. Write 8 and give the indicator unit: percent.",
      ]),
  },
  {
    name: 'validate: says that money written as a percentage is an amount in pounds',
    setup: (ws) => ws.write('plan.yaml', readFileSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), 'utf8') + 'funding:\n  - { source: Grant, amount: "10%" }\n'),
    argv: (ws) => ['validate', '--format', 'json', ws.path('plan.yaml')],
    code: 1,
    stdout: (text) =>
      expect(problemsOf(text).map((p: { message: string }) => p.message)).toContainEqual(
        expect.stringMatching(/but it is '10%'\. This is an amount of money: write it in pounds as a plain number, e\.g\. 45000\.$/),
      ),
  },
  {
    name: 'validate: names the line of the first use of a duplicated id',
    setup: (ws) => ws.write('plan.yaml', readFileSync(join(ROOT, 'tests/fixtures/broken/10-duplicate-id.yaml'), 'utf8')),
    argv: (ws) => ['validate', '--format', 'json', ws.path('plan.yaml')],
    code: 1,
    stdout: (text) => expect(problemsOf(text)[0].message).toBe("The objective id 'first' is already used by the objective on line 9; give each objective its own id."),
  },
  {
    name: 'validate --format json: still prints JSON with the reason when mapc cannot do its job, and exits 2',
    argv: ['validate', '--format', 'json', 'plans/no-such-plan.yaml'],
    code: 2,
    stdout: (text) => expect(json(text)).toEqual({ version: 1, ok: false, error: "cannot find 'plans/no-such-plan.yaml': no such file or folder." }),
    binary: true,
  },
  {
    name: 'build --format json: still prints JSON with the reason when there is no browser, and exits 2',
    argv: ['build', '--format', 'json', '--to', 'pdf', 'plans/devon-part-3-3-example.yaml'],
    // No browser to launch, and none running to print on.
    env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium', MAPC_BROWSER_URL: undefined },
    code: 2,
    stdout: (text) => expect(json(text)).toMatchObject({ version: 1, ok: false, error: expect.stringMatching(/^cannot make PDFs: /) }),
  },
  {
    name: 'validate: plans checked together may not share an id (build would refuse the second), at its id',
    setup: (ws) => {
      ws.copy('plans/devon-part-3-3-example.yaml', 'a.yaml');
      ws.copy('plans/devon-part-3-3-example.yaml', 'b.yaml');
    },
    cwd: 'workspace',
    argv: ['validate', '--format', 'json', 'a.yaml', 'b.yaml'],
    code: 1,
    stdout: (text) => {
      const [a, b] = json(text).files;
      expect(a.problems).toEqual([]);
      expect(b.problems).toEqual([
        expect.objectContaining({
          code: 'plans/duplicate-id',
          line: 8,
          column: 5,
          message: "The plan id 'devon-part-3-3-example' is also the id of a.yaml; documents are named after ids, so one would overwrite the other. Give each plan its own id.",
        }),
      ]);
    },
  },
  {
    name: 'validate: 800 warnings with code frames, exit 0 (as the pipe test expects without the pipe)',
    setup: (ws) => ws.write('plan.yaml', MANY_WARNINGS),
    argv: (ws) => ['validate', ws.path('plan.yaml')],
    code: 0,
    stdout: (text) => expect(text.trimEnd().split('\n').at(-1)).toBe('1 file checked: 0 errors, 800 warnings.'),
  },
  // YAML that tries to exhaust the tool (more, through every command and the binary: tests/hostile/yaml-input.test.ts).
  {
    name: 'validate: nesting 10,000 levels deep is a clear error, not a crash',
    setup: (ws) => ws.write('deep.yaml', `mapc: 1\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    argv: (ws) => ['validate', '--format', 'json', ws.path('deep.yaml')],
    code: 1,
    stderr: '',
    stdout: (text) => expect(problemsOf(text).map((p: { code: string }) => p.code)).toEqual(['yaml/too-deep']),
  },
  {
    name: 'validate: a file over the size limit is refused before it is read, with how to raise the limit',
    setup: (ws) => ws.write('big.yaml', `mapc: 1\nsummary: "${'word '.repeat(1_300_000)}"\n`),
    argv: (ws) => ['validate', '--format', 'json', ws.path('big.yaml')],
    code: 1,
    stderr: '',
    stdout: (text) =>
      expect(problemsOf(text)).toEqual([
        expect.objectContaining({ code: 'file/too-large', message: expect.stringMatching(/^This file is 6\.2 MB, more than the 5\.0 MB a plan may be\. .*MAPC_MAX_FILE_SIZE/) }),
      ]),
  },
  {
    name: 'validate: MAPC_MAX_FILE_SIZE lowers the limit',
    setup: (ws) => ws.write('small.yaml', 'mapc: 1\n' + 'x-a: b\n'.repeat(200)),
    argv: (ws) => ['validate', '--format', 'json', ws.path('small.yaml')],
    env: { MAPC_MAX_FILE_SIZE: '1000' },
    code: 1,
    stderr: '',
    stdout: (text) => expect(problemsOf(text).map((p: { code: string }) => p.code)).toEqual(['file/too-large']),
  },
];
