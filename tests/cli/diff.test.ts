import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/cli/diff.js';
import type { Io } from '../../src/build/io.js';
import { pdfInfo, pdfText, flatten } from '../helpers/pdf-tools.js';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

const OLD = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const NEW = 'plans/isle-of-wight-qp-map-2003-04.yaml';
const SUMMARY = '3 actions completed, 2 carried forward, 1 dropped, 3 indicators improved, 2 worsened, 3 unchanged, 1 corrected for the same period.';

/** Runs the command in-process with a terminal, or not, and the given environment. */
async function diffInProcess(args: [string, string], isTTY: boolean, env: NodeJS.ProcessEnv) {
  let stdout = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: ROOT, env, isTTY };
  const code = await diffCommand(args[0], args[1], { format: 'text' }, io);
  return { code, stdout };
}

describe('mapc diff of the two Isle of Wight years', () => {
  it('text: the summary first, then each section; exit 1 because they differ', async () => {
    const result = await runMapc(['diff', OLD, NEW]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Changes since 2002-03',
      'Isle of Wight Council: Quality Protects Management Action Plan 2003-2004 (2003-04)',
      'compared with Quality Protects Management Action Plan 2002-2003 (2002-03)',
      `  last year: ${OLD}`,
      `  this year: ${NEW}`,
      '',
      SUMMARY,
    ]);
    expect(result.stdout).toContain('  ▲ Improved             Looked after children with three or more placement moves in the year\n');
    expect(result.stdout).toContain('      title: Quality Protects Management Action Plan [-2002-2003-] {+2003-2004+}\n');
    expect(result.stdout).toContain('  ⇄ Moved achievement: The Joint Commissioning Panel has developed partnership arrangements with Health and Education to jointly fund off-Island placements.\n      objective: objective 11 → objective 9\n');
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });

  it('colours text only on a terminal, and never with NO_COLOR or CI set', async () => {
    expect((await diffInProcess([OLD, NEW], true, {})).stdout).toMatch(/\x1b\[32m▲ Improved/);
    expect((await diffInProcess([OLD, NEW], false, {})).stdout).not.toMatch(/\x1b\[/);
    expect((await diffInProcess([OLD, NEW], true, { NO_COLOR: '1' })).stdout).not.toMatch(/\x1b\[/);
    // no-color.org: NO_COLOR set but empty does not turn colour off.
    expect((await diffInProcess([OLD, NEW], true, { NO_COLOR: '' })).stdout).toMatch(/\x1b\[32m▲ Improved/);
    expect((await diffInProcess([OLD, NEW], true, { CI: 'true' })).stdout).not.toMatch(/\x1b\[/);
  });

  it('json: the CLI contract, version 1', async () => {
    const result = await runMapc(['diff', '--format', 'json', OLD, NEW]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['version', 'old', 'new', 'changes', 'followThrough', 'keyActionFollowThrough', 'summary']);
    expect(report.version).toBe(1);
    expect(report.old).toEqual({ file: OLD, id: 'iow-qp-map-2002-03', period: '2002-03', title: 'Quality Protects Management Action Plan 2002-2003' });
    expect(report.new).toMatchObject({ file: NEW, id: 'iow-qp-map-2003-04', period: '2003-04' });
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        type: 'changed',
        entity: 'indicator',
        id: 'placement-moves',
        field: 'value',
        before: 8,
        after: 7,
        assessment: 'improved',
        oldPointer: '/indicators/0/value',
        newPointer: '/indicators/0/value',
      }),
    );
    for (const change of report.changes) {
      expect(['added', 'removed', 'changed', 'moved']).toContain(change.type);
      expect(['plan', 'objective', 'achievement', 'action', 'keyAction', 'indicator', 'strategy', 'funding', 'report']).toContain(change.entity);
      if (change.type !== 'added') expect(change.oldPointer).toMatch(/^(\/[^/]+)*$/);
      if (change.type !== 'removed') expect(change.newPointer).toMatch(/^(\/[^/]+)*$/);
    }
    // The 2002-03 plan has key action points but no actions of its own.
    expect(report.followThrough).toEqual([]);
    expect(report.keyActionFollowThrough.map((f: { action: string; outcome: string }) => `${f.action} ${f.outcome}`)).toEqual([
      'lac-numbers carried-forward',
      'foster-carers carried-forward',
      'combined-accommodation-scheme achieved',
      'ethnic-minorities done',
      'consultation-framework achieved',
      'team-business-planning dropped',
    ]);
    expect(report.keyActionFollowThrough[2]).toEqual({
      action: 'combined-accommodation-scheme',
      text: expect.stringMatching(/^Development of a Combined Accommodation Scheme/),
      oldPointer: '/keyActions/2',
      objective: null,
      outcome: 'achieved',
      evidence: '/objectives/4/achievements/1',
      match: { rule: 'id', similarity: 1, confidence: 'high' },
    });
    expect(report.summary).toEqual({
      added: 10,
      removed: 5,
      changed: 29,
      improved: 3,
      worsened: 2,
      moved: 1,
      corrected: 1,
      followThrough: { achieved: 2, done: 1, carriedForward: 2, carriedForwardLater: 0, dropped: 1, unreported: 0 },
    });
    expect(report.summary.changed).toBe(report.changes.filter((c: { type: string }) => c.type === 'changed').length);
  });

  it('markdown: for a pull request, with tables and <del>/<ins> word changes', async () => {
    const result = await runMapc(['diff', '--format', 'markdown', OLD, NEW]);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('## Changes since 2002-03\n')).toBe(true);
    expect(result.stdout).toContain(`> **${SUMMARY}**\n`);
    expect(result.stdout).toContain("| Outcome | Last year's action | What the new plan says |\n| --- | --- | --- |\n");
    expect(result.stdout).toContain('- ~ **Changed plan:** Quality Protects Management Action Plan 2003-2004\n');
    expect(result.stdout).toContain('  - title: Quality Protects Management Action Plan <del>2002-2003</del> <ins>2003-2004</ins>\n');
    // A "+" after the list's "-" would make a nested list.
    expect(result.stdout).toContain('- \\+ **Added key action point:** A commissioning strategy');
  });

  it('html: the paper, self-contained, to standard output or a file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-diff-'));
    const result = await runMapc(['diff', '--format', 'html', '--out', join(out, 'changes.html'), OLD, NEW]);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const html = readFileSync(join(out, 'changes.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>Changes since 2002-03: Quality Protects Management Action Plan 2003-2004 – Isle of Wight Council</title>');
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it('pdf: printed like the plans, tagged, with the summary line and the new plan\'s date', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-diff-pdf-'));
    const pdf = join(out, 'changes.pdf');
    const result = await runMapc(['diff', '--format', 'pdf', '--out', pdf, OLD, NEW]);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: '' });
    expect(flatten(pdfText(pdf))).toContain(SUMMARY);
    expect(pdfInfo(pdf)).toMatchObject({
      Tagged: 'yes',
      Title: 'Changes since 2002-03: Quality Protects Management Action Plan 2003-2004',
      Author: 'Isle of Wight Council',
      CreationDate: 'Fri Jan 31 00:00:00 2003 UTC',
      'Page size': '594.96 x 841.92 pts (A4)',
    });
  }, 120_000);

  it('refuses to write a PDF to the terminal', async () => {
    const result = await runMapc(['diff', '--format', 'pdf', OLD, NEW]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'mapc: a PDF cannot go to the terminal: add --out FILE, e.g. --out changes.pdf.\n' });
  });
});

describe('mapc diff of the same plan', () => {
  it('exits 0 and says there are no differences, in every text format', async () => {
    const text = await runMapc(['diff', OLD, OLD]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      `Changes since 2002-03\nIsle of Wight Council: Quality Protects Management Action Plan 2002-2003 (2002-03)\ncompared with Quality Protects Management Action Plan 2002-2003 (2002-03)\n  last year: ${OLD}\n  this year: ${OLD}\n\nNo differences.\n`,
    );
    const json = await runMapc(['diff', '--format', 'json', OLD, OLD]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ changes: [], summary: { added: 0, removed: 0, changed: 0, improved: 0, worsened: 0 } });
    const markdown = await runMapc(['diff', '--format', 'markdown', OLD, OLD]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('> **No differences.**\n');
    expect(markdown.stdout).not.toContain('###');
  });
});

describe('mapc diff REV:PATH', () => {
  let repo = '';
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'mapc-git-'));
    mkdirSync(join(repo, 'plans'));
    git('init', '-q');
    writeFileSync(join(repo, 'plans/iow.yaml'), readFileSync(join(ROOT, OLD)));
    git('add', '.');
    git('commit', '-q', '-m', '2002-03');
    writeFileSync(join(repo, 'plans/iow.yaml'), readFileSync(join(ROOT, NEW)));
    git('commit', '-q', '-a', '-m', '2003-04');
  });

  it('reads the old plan from git: HEAD~1:plans/iow.yaml against the working file', async () => {
    const result = await runMapc(['diff', '--format', 'json', 'HEAD~1:plans/iow.yaml', 'plans/iow.yaml'], { cwd: repo });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.old).toMatchObject({ file: 'HEAD~1:plans/iow.yaml', id: 'iow-qp-map-2002-03' });
    expect(report.new).toMatchObject({ file: 'plans/iow.yaml', id: 'iow-qp-map-2003-04' });
    expect(report.summary.improved).toBe(3);
  });

  it('reads both from git, from a subfolder too, and exits 0 for the same revision', async () => {
    expect((await runMapc(['diff', 'HEAD~1:plans/iow.yaml', 'HEAD:plans/iow.yaml'], { cwd: join(repo, 'plans') })).code).toBe(1);
    expect((await runMapc(['diff', 'HEAD:./iow.yaml', 'iow.yaml'], { cwd: join(repo, 'plans') })).code).toBe(0);
  });

  it('says in one line what is wrong with a revision or path git does not know (exit 2)', async () => {
    expect(await runMapc(['diff', 'HEAD~5:plans/iow.yaml', 'plans/iow.yaml'], { cwd: repo })).toEqual({
      code: 2,
      stdout: '',
      stderr: "mapc: cannot read 'HEAD~5:plans/iow.yaml' from git: git knows no revision 'HEAD~5'.\n",
    });
    expect(await runMapc(['diff', 'HEAD:plans/nope.yaml', 'plans/iow.yaml'], { cwd: repo })).toEqual({
      code: 2,
      stdout: '',
      stderr: "mapc: cannot read 'HEAD:plans/nope.yaml' from git: path 'plans/nope.yaml' does not exist in 'HEAD'.\n",
    });
    expect((await runMapc(['diff', 'HEAD:plans', 'plans/iow.yaml'], { cwd: repo })).stderr).toBe("mapc: cannot read 'HEAD:plans' from git: 'plans' at revision 'HEAD' is not a file.\n");
  });
});

describe('mapc diff: trouble (exit 2)', () => {
  it('prints an invalid plan\'s problems as validate does, and stops', async () => {
    const result = await runMapc(['diff', 'tests/fixtures/broken/04-unknown-key-typo.yaml', OLD]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("tests/fixtures/broken/04-unknown-key-typo.yaml:13:9: error: Unknown key 'leed' in action 1 of objective 'first'. [schema/unknown-key]\n");
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe("mapc: cannot compare 'tests/fixtures/broken/04-unknown-key-typo.yaml': it is not a valid plan (fix the errors above, or compare another version).");
  });

  it('says in one line that a file is missing', async () => {
    expect(await runMapc(['diff', 'plans/nope.yaml', OLD])).toEqual({ code: 2, stdout: '', stderr: "mapc: cannot read 'plans/nope.yaml': there is no such file.\n" });
  });
});
