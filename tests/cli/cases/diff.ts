import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../helpers/mapc.js';
import { flatten, pdfInfo, pdfText } from '../../helpers/pdf-tools.js';
import { fileTempDir, oncePerFile } from '../../helpers/temporary.js';
import type { CliCase } from '../cases.js';

const OLD = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const NEW = 'plans/isle-of-wight-qp-map-2003-04.yaml';
const SUMMARY = '3 key action points completed, 2 carried forward, 1 dropped, 3 indicators improved, 2 worsened, 3 unchanged, 1 corrected for the same period.';
const COLOURED = /\x1b\[32m▲ Improved/;
const ANY_COLOUR = /\x1b\[/;

/**
 * A git repository (made once for the test file, read only) whose plans/iow.yaml is the
 * 2002-03 plan in HEAD~1 and the 2003-04 plan in HEAD. Once per file, not per module: the
 * folder goes when the file's tests end, and the next file in the worker needs its own.
 */
const gitRepo = oncePerFile((): string => {
  const dir = fileTempDir('git');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
  mkdirSync(join(dir, 'plans'));
  git('init', '-q');
  writeFileSync(join(dir, 'plans/iow.yaml'), readFileSync(join(ROOT, OLD)));
  git('add', '.');
  git('commit', '-q', '-m', '2002-03');
  writeFileSync(join(dir, 'plans/iow.yaml'), readFileSync(join(ROOT, NEW)));
  git('commit', '-q', '-a', '-m', '2003-04');
  return dir;
});

/** The colours of the text diff: on a terminal only, never with NO_COLOR set to something or CI set. */
const colourCases: CliCase[] = [
  { label: 'on a terminal', isTTY: true, env: {}, coloured: true },
  { label: 'not on a terminal', isTTY: false, env: {}, coloured: false },
  { label: 'on a terminal with NO_COLOR=1', isTTY: true, env: { NO_COLOR: '1' }, coloured: false },
  // no-color.org: NO_COLOR set but empty does not turn colour off.
  { label: 'on a terminal with NO_COLOR empty', isTTY: true, env: { NO_COLOR: '' }, coloured: true },
  { label: 'on a terminal with CI=true', isTTY: true, env: { CI: 'true' }, coloured: false },
].map(({ label, isTTY, env, coloured }) => ({
  name: `diff: text is ${coloured ? 'coloured' : 'not coloured'} ${label}`,
  argv: ['diff', OLD, NEW],
  env: { NO_COLOR: undefined, CI: undefined, ...env },
  ...(isTTY ? { isTTY } : {}),
  code: 1,
  stdout: coloured ? COLOURED : (text: string) => expect(text).not.toMatch(ANY_COLOUR),
}));

export const diffCases: CliCase[] = [
  {
    name: 'diff of the two Isle of Wight years, text: the summary first, then each section; exit 1 because they differ',
    argv: ['diff', OLD, NEW],
    code: 1,
    stderr: '',
    stdout: (text) => {
      expect(text.split('\n').slice(0, 7)).toEqual([
        'Changes since 2002-03',
        'Isle of Wight Council: Quality Protects Management Action Plan 2003-2004 (2003-04)',
        'compared with Quality Protects Management Action Plan 2002-2003 (2002-03)',
        `  last year: ${OLD}`,
        `  this year: ${NEW}`,
        '',
        SUMMARY,
      ]);
      expect(text).toContain('  ▲ Improved             Looked after children with three or more placement moves in the year\n');
      expect(text).toContain('      title: Quality Protects Management Action Plan [-2002-2003-] {+2003-2004+}\n');
      expect(text).toContain('  ⇄ Moved achievement: The Joint Commissioning Panel has developed partnership arrangements with Health and Education to jointly fund off-Island placements.\n      objective: objective 11 → objective 9\n');
      expect(text).not.toMatch(ANY_COLOUR);
    },
    binary: true,
  },
  ...colourCases,
  {
    name: 'diff --format json: the CLI contract, version 1',
    argv: ['diff', '--format', 'json', OLD, NEW],
    code: 1,
    stdout: (text) => {
      const report = JSON.parse(text);
      expect(Object.keys(report)).toEqual(['version', 'ok', 'old', 'new', 'changes', 'followThrough', 'keyActionFollowThrough', 'summary']);
      expect(report.ok).toBe(true);
      expect(report.version).toBe(1);
      expect(report.old).toEqual({ file: OLD, id: 'iow-qp-map-2002-03', period: '2002-03', title: 'Quality Protects Management Action Plan 2002-2003' });
      expect(report.new).toMatchObject({ file: NEW, id: 'iow-qp-map-2003-04', period: '2003-04' });
      expect(report.changes).toContainEqual(
        expect.objectContaining({ type: 'changed', entity: 'indicator', id: 'placement-moves', field: 'value', before: 8, after: 7, assessment: 'improved', oldPointer: '/indicators/0/value', newPointer: '/indicators/0/value' }),
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
        changed: 28, // an indicator's note rewritten between the years is an authorNote, which diff does not compare
        improved: 3,
        worsened: 2,
        moved: 1,
        corrected: 1,
        followThrough: { achieved: 2, done: 1, carriedForward: 2, carriedForwardLater: 0, dropped: 1, unreported: 0, markedLastYear: 0 },
      });
      expect(report.summary.changed).toBe(report.changes.filter((c: { type: string }) => c.type === 'changed').length);
    },
  },
  {
    name: 'diff --format markdown: for a pull request, with tables and <del>/<ins> word changes',
    argv: ['diff', '--format', 'markdown', OLD, NEW],
    code: 1,
    stdout: (text) => {
      expect(text.startsWith('## Changes since 2002-03\n')).toBe(true);
      expect(text).toContain(`> **${SUMMARY}**\n`);
      expect(text).toContain("### What became of last year's key action points\n\n| Outcome | Last year's key action point | What the new plan says |\n| --- | --- | --- |\n");
      expect(text).toContain('- ~ **Changed plan:** Quality Protects Management Action Plan 2003-2004\n');
      expect(text).toContain('  - title: Quality Protects Management Action Plan <del>2002-2003</del> <ins>2003-2004</ins>\n');
      // A "+" after the list's "-" would make a nested list.
      expect(text).toContain('- \\+ **Added key action point:** A commissioning strategy');
    },
  },
  {
    name: 'diff --format html --out: the paper, self-contained, in a file; exit 0 once it is written',
    argv: (ws) => ['diff', '--format', 'html', '--out', ws.path('changes.html'), OLD, NEW],
    code: 0,
    stdout: '',
    stderr: '',
    after: (ws) => {
      const html = ws.read('changes.html');
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
      expect(html).toContain('<title>Changes since 2002-03: Quality Protects Management Action Plan 2003-2004 – Isle of Wight Council</title>');
      expect(html).not.toMatch(/<(script|link|img)\b/);
      // The members' paper: no file names, ids or field counts on the page (the head's meta tags name the plan for machines).
      const body = html.slice(html.indexOf('<body'));
      expect(body).not.toContain('.yaml');
      expect(body).not.toContain('iow-qp-map-200');
      expect(body).not.toContain('Fields changed');
    },
  },
  {
    name: "diff --format html --detail: the officers' paper, with file names, ids and field counts",
    argv: (ws) => ['diff', '--format', 'html', '--detail', '--out', ws.path('changes.html'), OLD, NEW],
    code: 0,
    stdout: '',
    stderr: '',
    after: (ws) => {
      const html = ws.read('changes.html');
      expect(html).toContain(`<dd>${NEW}</dd>`);
      // As a reader sees it: a year range in the text is kept whole by a span of its own.
      expect(html.replace(/<[^>]*>/g, '')).toContain('iow-qp-map-2002-03');
      expect(html).toContain('Fields changed');
    },
  },
  {
    name: "diff --format pdf --out: printed like the plans, tagged, with the summary line and the new plan's date; exit 0 once written, so `&& publish` publishes",
    argv: (ws) => ['diff', '--format', 'pdf', '--out', ws.path('changes.pdf'), OLD, NEW],
    code: 0,
    stdout: '',
    stderr: '',
    after: (ws) => {
      const text = flatten(pdfText(ws.path('changes.pdf')));
      expect(text).toContain(SUMMARY);
      // A members' paper: no path or id; a target not yet due is not "not met"; a lead over national reads as one.
      expect(text).not.toMatch(/\.yaml|iow-qp-map-200|not met|gap widened/);
      expect(text).toContain('not yet due, 1 point to go');
      expect(text).toContain('our lead over the national figure grew from 4 to 5 points');
      expect(pdfInfo(ws.path('changes.pdf'))).toMatchObject({
        Tagged: 'yes',
        Title: 'Changes since 2002-03: Quality Protects Management Action Plan 2003-2004',
        Author: 'Isle of Wight Council',
        CreationDate: 'Fri Jan 31 00:00:00 2003 UTC',
        'Page size': '594.96 x 841.92 pts (A4)',
      });
    },
    timeout: 120_000,
  },
  {
    name: 'diff --out --exit-code: writes the file and keeps diff(1) meaning, exit 1 because the plans differ',
    argv: (ws) => ['diff', '--exit-code', '--format', 'json', '--out', ws.path('changes.json'), OLD, NEW],
    code: 1,
    stdout: '',
    stderr: '',
    after: (ws) => expect(JSON.parse(ws.read('changes.json')).summary.improved).toBe(3),
  },
  {
    name: 'diff --out --exit-code of the same plan: exit 0',
    argv: (ws) => ['diff', '--exit-code', '--format', 'markdown', '--out', ws.path('same.md'), OLD, OLD],
    code: 0,
    stdout: '',
    after: (ws) => expect(ws.read('same.md')).toContain('> **No differences.**\n'),
  },
  {
    name: 'diff --format pdf: refuses to write a PDF to the terminal',
    argv: ['diff', '--format', 'pdf', OLD, NEW],
    code: 2,
    stdout: '',
    stderr: 'mapc: a PDF cannot go to the terminal: add --out FILE, e.g. --out changes.pdf.\n',
  },
  {
    name: 'diff of the same plan, text: exit 0, no differences',
    argv: ['diff', OLD, OLD],
    code: 0,
    stdout: `Changes since 2002-03\nIsle of Wight Council: Quality Protects Management Action Plan 2002-2003 (2002-03)\ncompared with Quality Protects Management Action Plan 2002-2003 (2002-03)\n  last year: ${OLD}\n  this year: ${OLD}\n\nNo differences.\n`,
  },
  {
    name: 'diff of the same plan, json: exit 0, no changes',
    argv: ['diff', '--format', 'json', OLD, OLD],
    code: 0,
    stdout: (text) => expect(JSON.parse(text)).toMatchObject({ changes: [], summary: { added: 0, removed: 0, changed: 0, improved: 0, worsened: 0 } }),
  },
  {
    name: 'diff of the same plan, markdown: exit 0, no differences and no sections',
    argv: ['diff', '--format', 'markdown', OLD, OLD],
    code: 0,
    stdout: (text) => {
      expect(text).toContain('> **No differences.**\n');
      expect(text).not.toContain('###');
    },
  },
  {
    name: 'diff REV:PATH: reads the old plan from git, HEAD~1:plans/iow.yaml against the working file',
    cwd: () => gitRepo(),
    argv: ['diff', '--format', 'json', 'HEAD~1:plans/iow.yaml', 'plans/iow.yaml'],
    code: 1,
    stderr: '',
    stdout: (text) => {
      const report = JSON.parse(text);
      expect(report.old).toMatchObject({ file: 'HEAD~1:plans/iow.yaml', id: 'iow-qp-map-2002-03' });
      expect(report.new).toMatchObject({ file: 'plans/iow.yaml', id: 'iow-qp-map-2003-04' });
      expect(report.summary.improved).toBe(3);
    },
    binary: true,
  },
  {
    name: 'diff REV:PATH: reads both from git, from a subfolder too',
    cwd: () => join(gitRepo(), 'plans'),
    argv: ['diff', 'HEAD~1:plans/iow.yaml', 'HEAD:plans/iow.yaml'],
    code: 1,
  },
  {
    name: 'diff REV:PATH: exits 0 for the same revision, a path relative to the subfolder',
    cwd: () => join(gitRepo(), 'plans'),
    argv: ['diff', 'HEAD:./iow.yaml', 'iow.yaml'],
    code: 0,
  },
  {
    name: 'diff REV:PATH: says in one line that git knows no such revision (exit 2)',
    cwd: () => gitRepo(),
    argv: ['diff', 'HEAD~5:plans/iow.yaml', 'plans/iow.yaml'],
    code: 2,
    stdout: '',
    stderr: "mapc: cannot read 'HEAD~5:plans/iow.yaml' from git: git knows no revision 'HEAD~5'.\n",
  },
  {
    name: 'diff REV:PATH: says in one line that the path is not in the revision (exit 2)',
    cwd: () => gitRepo(),
    argv: ['diff', 'HEAD:plans/nope.yaml', 'plans/iow.yaml'],
    code: 2,
    stdout: '',
    stderr: "mapc: cannot read 'HEAD:plans/nope.yaml' from git: path 'plans/nope.yaml' does not exist in 'HEAD'.\n",
  },
  {
    name: 'diff REV:PATH: says in one line that the path is a folder',
    cwd: () => gitRepo(),
    argv: ['diff', 'HEAD:plans', 'plans/iow.yaml'],
    code: 2,
    stderr: "mapc: cannot read 'HEAD:plans' from git: 'plans' at revision 'HEAD' is not a file.\n",
  },
  {
    name: "diff: prints an invalid plan's problems as validate does, and stops (exit 2)",
    argv: ['diff', 'tests/fixtures/broken/04-unknown-key-typo.yaml', OLD],
    code: 2,
    stdout: '',
    stderr: (text) => {
      expect(text).toContain("tests/fixtures/broken/04-unknown-key-typo.yaml:13:9: error: Unknown key 'leed' in action 1 of objective 'first'. [schema/unknown-key]\n");
      expect(text.trimEnd().split('\n').at(-1)).toBe("mapc: cannot compare 'tests/fixtures/broken/04-unknown-key-typo.yaml': it is not a valid plan (fix the errors above, or compare another version).");
    },
  },
  {
    name: "diff --format json of an invalid plan: an error document with the plan's problems as validate gives them (exit 2)",
    argv: ['diff', '--format', 'json', 'tests/fixtures/broken/04-unknown-key-typo.yaml', OLD],
    code: 2,
    stdout: (text) => {
      const report = JSON.parse(text);
      expect(report).toMatchObject({ version: 1, ok: false, errors: 1, warnings: 0 });
      expect(report.error).toBe("cannot compare 'tests/fixtures/broken/04-unknown-key-typo.yaml': it is not a valid plan (its errors are listed under files, or compare another version).");
      expect(report.files).toEqual([
        {
          file: 'tests/fixtures/broken/04-unknown-key-typo.yaml',
          ok: false,
          problems: [expect.objectContaining({ code: 'schema/unknown-key', pointer: '/objectives/0/actions/0/leed', line: 13, column: 9, suggestion: 'lead' })],
        },
      ]);
    },
  },
  {
    name: 'diff: says in one line that a file is missing (exit 2)',
    argv: ['diff', 'plans/nope.yaml', OLD],
    code: 2,
    stdout: '',
    stderr: "mapc: cannot read 'plans/nope.yaml': there is no such file.\n",
  },
];
