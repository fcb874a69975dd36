import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

describe('mapc validate', () => {
  it('passes the example plans with no problem at all', async () => {
    const result = await runMapc(['validate', '--strict', '--format', 'json', 'plans']);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([
      'plans/devon-children-and-families-2004-05.yaml',
      'plans/devon-part-3-3-example.yaml',
      'plans/isle-of-wight-qp-map-2002-03.yaml',
      'plans/isle-of-wight-qp-map-2003-04.yaml',
    ]);
    expect(report).toMatchObject({ version: 1, ok: true, errors: 0, warnings: 0 });
    expect(result.code).toBe(0);
  });

  it('checks ./plans when given no path and there is no mapc.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-noproject-'));
    cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
    const result = await runMapc(['validate'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('4 files checked: no problems.\n');
  });

  it('checks ./mapc.yaml and its parts when given no path in a project', async () => {
    const result = await runMapc(['validate', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files.map((f: { file: string }) => f.file)).toEqual([
      'mapc.yaml',
      'plans/devon-children-and-families-2004-05.yaml',
      'plans/devon-part-3-3-example.yaml',
    ]);
  });

  it('prints text with the place, a code frame and the suggestion', async () => {
    const result = await runMapc(['validate', 'tests/fixtures/broken/04-unknown-key-typo.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
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
    );
  });

  it('reports all of a file\'s problems once each, sorted by position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-validate-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(
      file,
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
    );
    const result = await runMapc(['validate', '--format', 'json', file]);
    const problems = JSON.parse(result.stdout).files[0].problems.map(
      (p: { code: string; line: number; column: number; suggestion?: string }) => [p.code, p.line, p.column, p.suggestion],
    );
    expect(problems).toEqual([
      ['schema/bad-value', 7, 9, 'approved'],
      ['schema/unknown-key', 13, 9, 'lead'],
      ['schema/bad-value', 15, 17, undefined],
      ['schema/missing-key', 17, 5, undefined],
      ['schema/bad-value', 18, 11, 'percent'],
    ]);
  });

  it('prints GitHub workflow commands with properties and message escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-github-'));
    mkdirSync(join(dir, 'plans, 2002: draft'));
    const file = 'plans, 2002: draft/100% plan.yaml';
    writeFileSync(join(dir, file), readFileSync(join(ROOT, 'tests/fixtures/broken/04-unknown-key-typo.yaml')));
    const result = await runMapc(['validate', '--format', 'github', file], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "::error file=plans%2C 2002%3A draft/100%25 plan.yaml,line=13,col=9,endLine=13,endColumn=13,title=schema/unknown-key::Unknown key 'leed' in action 1 of objective 'first'. Did you mean 'lead'?\n",
    );
  });

  it('exits 2 with one line for a path that does not exist', async () => {
    const result = await runMapc(['validate', 'plans/no-such-plan.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("mapc: cannot find 'plans/no-such-plan.yaml': no such file or folder.\n");
  });

  it('exits 2 for bad usage', async () => {
    const result = await runMapc(['validate', '--format', 'xml', 'plans']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mapc: option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, json, github/);
    const typo = await runMapc(['valdate', 'plans']);
    expect(typo).toEqual({ code: 2, stdout: '', stderr: "mapc: unknown command 'valdate'\n(Did you mean validate?)\n" });
  });
});

describe('mapc schema', () => {
  it('prints the plan schema', async () => {
    const result = await runMapc(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8')));
  });
});

describe('mapc validate on awkward files', () => {
  it('reports a file that is not UTF-8 and still checks the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-utf8-'));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('mapc: 1\ntitle: Caf\xe9\n', 'latin1'));
    const result = await runMapc(['validate', '--format', 'json', join(dir, 'latin1.yaml'), 'plans/devon-children-and-families-2004-05.yaml']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { problems: { code: string }[] }) => f.problems.map((p) => p.code))).toEqual([['file/not-utf8'], []]);
  });

  it('reads CRLF line ends and a byte-order mark with the same places as plain files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-crlf-'));
    const plain = readFileSync(join(ROOT, 'tests/fixtures/broken/04-unknown-key-typo.yaml'), 'utf8');
    writeFileSync(join(dir, 'windows.yaml'), '\uFEFF' + plain.replace(/\n/g, '\r\n'));
    const result = await runMapc(['validate', '--format', 'json', join(dir, 'windows.yaml')]);
    const problem = JSON.parse(result.stdout).files[0].problems[0];
    expect([problem.code, problem.line, problem.column, problem.endColumn]).toEqual(['schema/unknown-key', 13, 9, 13]);
  });

  it('shows a window of a very long line, not all of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-long-'));
    writeFileSync(join(dir, 'long.yaml'), `mapc: 1\nid: long\nsummary: ${'word '.repeat(20000)}\nstaus: draft\n`);
    const result = await runMapc(['validate', join(dir, 'long.yaml')]);
    expect(result.code).toBe(1);
    expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThan(200);
  });

  it('names the line of the first use of a duplicated id, and says what to write for "8%"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-messages-'));
    writeFileSync(
      join(dir, 'plan.yaml'),
      readFileSync(join(ROOT, 'tests/fixtures/broken/10-duplicate-id.yaml'), 'utf8') + 'indicators:\n  - { id: moves, label: Moves, value: "8%" }\n',
    );
    const result = await runMapc(['validate', '--format', 'json', join(dir, 'plan.yaml')]);
    const messages = JSON.parse(result.stdout).files[0].problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual([
      "'value' of indicator 'moves' should be a number, but it is '8%'. Write 8 and give the indicator unit: percent.",
    ]);
    // Money written as a percentage is not an indicator's figure.
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), 'utf8') + 'funding:\n  - { source: Grant, amount: "10%" }\n');
    const money = await runMapc(['validate', '--format', 'json', join(dir, 'plan.yaml')]);
    expect(JSON.parse(money.stdout).files[0].problems.map((p: { message: string }) => p.message)).toContainEqual(expect.stringMatching(/but it is '10%'\. This is an amount of money: write it in pounds as a plain number, e\.g\. 45000\.$/));
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(ROOT, 'tests/fixtures/broken/10-duplicate-id.yaml'), 'utf8'));
    const duplicate = await runMapc(['validate', '--format', 'json', join(dir, 'plan.yaml')]);
    expect(JSON.parse(duplicate.stdout).files[0].problems[0].message).toBe(
      "The objective id 'first' is already used by the objective on line 9; give each objective its own id.",
    );
  });
});

describe('--format json when mapc cannot do its job', () => {
  it('still prints JSON, with the reason, and exits 2', async () => {
    const result = await runMapc(['validate', '--format', 'json', 'plans/no-such-plan.yaml']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ version: 1, ok: false, error: "cannot find 'plans/no-such-plan.yaml': no such file or folder." });
    const build = await runMapc(['build', '--format', 'json', '--to', 'pdf', 'plans/devon-part-3-3-example.yaml'], { env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' } });
    expect(build.code).toBe(2);
    expect(JSON.parse(build.stdout)).toMatchObject({ version: 1, ok: false, error: expect.stringMatching(/^cannot make PDFs: /) });
  });
});

describe('plans checked together', () => {
  it('may not share an id: build would refuse the second, so validate says so, at its id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-same-id-'));
    cpSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), join(dir, 'a.yaml'));
    cpSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), join(dir, 'b.yaml'));
    const result = await runMapc(['validate', '--format', 'json', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    const [a, b] = JSON.parse(result.stdout).files;
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([
      expect.objectContaining({
        code: 'plans/duplicate-id',
        line: 8,
        column: 5,
        message: "The plan id 'devon-part-3-3-example' is also the id of a.yaml; documents are named after ids, so one would overwrite the other. Give each plan its own id.",
      }),
    ]);
  });
});

describe('output piped to a reader that stops early', () => {
  it('`mapc validate | head -1`: no crash, and mapc still exits with its own code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-pipe-'));
    // 800 warnings with their code frames: far more than a pipe holds, so the reader leaves mid-write.
    const actions = Array.from({ length: 800 }, (_, i) => `      - text: Action ${i}\n        due: 2003-03`).join('\n');
    writeFileSync(join(dir, 'plan.yaml'), `mapc: 1\nid: pipe\nkind: strategy\ntitle: Pipe\nauthority: Pipe Council\nperiod: 2003-04\nobjectives:\n  - id: o1\n    title: One\n    actions:\n${actions}\n`);
    const { spawnSync } = await import('node:child_process');
    const script = `node ${JSON.stringify(join(ROOT, 'bin/mapc.js'))} validate ${JSON.stringify(join(dir, 'plan.yaml'))} | head -1; echo "exit codes: \${PIPESTATUS[*]}" >&2`;
    const { stdout, stderr } = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(stderr).toContain('exit codes: 0 0'); // warnings only: exit 0, as without the pipe
  });
});
