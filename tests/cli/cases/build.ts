import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../helpers/mapc.js';
import type { CliCase, Workspace } from '../cases.js';

const DEVON = 'plans/devon-children-and-families-2004-05.yaml';
// Two short plans (one page each, printed): what these cases show is the lines about the plans, not the plans.
const PROGRESS_PLANS = ['plans/devon-part-3-3-example.yaml', 'tests/fixtures/diff/family-services-2002-03.yaml'];

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function filesOf(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

/** A workspace with the Devon plan as plan.yaml and the user's templates (name → text) in my-templates. */
function templateFolder(ws: Workspace, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) ws.write(join('my-templates', name), content);
  if (Object.keys(files).length === 0) ws.mkdir('my-templates');
  ws.copy(DEVON, 'plan.yaml');
}

const CUSTOM_DOCUMENT =
  '<!DOCTYPE html>\n<html lang="en-GB">\n{{> head}}\n<body><h1>{{text title}}</h1>\n' +
  '<ul>{{#each objectives}}{{#each achievements}}<li>{{markdownInline text}}</li>{{/each}}{{/each}}</ul>\n' +
  '{{> glossary}}<p>{{objectives.length}} themes</p></body>\n</html>\n';

export const buildCases: CliCase[] = [
  {
    name: 'build --to html: writes each document of the example plans and a manifest of them',
    argv: (ws) => ['build', '--to', 'html', '--out', ws.dir, 'plans'],
    code: 0,
    stderr: '',
    after: (ws) => {
      const files = filesOf(ws.dir);
      expect(Object.keys(files)).toEqual([
        'devon-children-and-families-2004-05.html',
        'devon-part-3-3-example.html',
        'iow-qp-map-2002-03.html',
        'iow-qp-map-2002-03.report.html',
        'iow-qp-map-2003-04.html',
        'iow-qp-map-2003-04.report.html',
        'manifest.json',
      ]);
      const manifest = JSON.parse(files['manifest.json']!);
      expect(manifest.version).toBe(1);
      expect(manifest.tool.name).toBe('mapc');
      const entry = (file: string, source: string, document: string) => ({ file, sha256: sha(files[file]!), source, document, format: 'html' });
      expect(manifest.outputs).toEqual([
        entry('devon-children-and-families-2004-05.html', DEVON, 'strategy'),
        entry('devon-part-3-3-example.html', 'plans/devon-part-3-3-example.yaml', 'strategy'),
        entry('iow-qp-map-2002-03.html', 'plans/isle-of-wight-qp-map-2002-03.yaml', 'map'),
        entry('iow-qp-map-2002-03.report.html', 'plans/isle-of-wight-qp-map-2002-03.yaml', 'report'),
        entry('iow-qp-map-2003-04.html', 'plans/isle-of-wight-qp-map-2003-04.yaml', 'map'),
        entry('iow-qp-map-2003-04.report.html', 'plans/isle-of-wight-qp-map-2003-04.yaml', 'report'),
      ]);
    },
  },
  {
    name: 'build --to html: byte-identical output from two builds in different places, with no path or time in it',
    // The first build in-process, the second by the case's runner: the binary's bytes are the same too.
    setup: async (ws, mapc) => expect((await mapc(['build', '--to', 'html', '--out', ws.path('first'), 'plans'])).code).toBe(0),
    argv: (ws) => ['build', '--to', 'html', '--out', ws.path('second'), 'plans'],
    code: 0,
    after: (ws) => {
      const first = filesOf(ws.path('first'));
      expect(filesOf(ws.path('second'))).toEqual(first);
      const everything = Object.values(first).join('\n');
      expect(everything).not.toContain(ROOT);
      expect(everything).not.toContain(ws.dir);
      expect(everything).not.toMatch(/20[2-9]\d-\d\d-\d\dT/);
    },
    binary: true,
  },
  {
    name: 'build --to html: marks a plan that is not submitted or approved as DRAFT',
    setup: (ws) => ws.write('draft.yaml', readFileSync(join(ROOT, DEVON), 'utf8').replace('status: approved', 'status: consultation')),
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', 'draft.yaml'],
    code: 0,
    after: (ws) => {
      const draft = ws.read('out/devon-children-and-families-2004-05.html');
      expect(draft).toContain('<strong>DRAFT</strong>: Draft for consultation.');
      expect(draft).toContain('<div class="draft-mark" aria-hidden="true" data-mark="DRAFT"></div>');
    },
  },
  {
    name: 'build --to html: does not mark an approved plan DRAFT',
    argv: (ws) => ['build', '--to', 'html', '--out', ws.dir, DEVON],
    code: 0,
    after: (ws) => {
      expect(readFileSync(join(ROOT, DEVON), 'utf8')).toContain('status: approved');
      const final = ws.read('devon-children-and-families-2004-05.html');
      expect(final).not.toContain('<strong>DRAFT</strong>');
      expect(final).not.toContain('class="draft-mark"');
    },
  },
  {
    name: 'build --to html: builds the valid plans and reports the invalid ones, exit 1, leaving an earlier good output intact',
    setup: async (ws, mapc) => {
      ws.copy('plans');
      expect((await mapc(['build', '--to', 'html', '--out', 'out', 'plans'], { cwd: ws.dir })).code).toBe(0);
      ws.write('before.html', ws.read('out/iow-qp-map-2002-03.html'));
      ws.write('plans/isle-of-wight-qp-map-2002-03.yaml', ws.read('plans/isle-of-wight-qp-map-2002-03.yaml').replace('status: submitted', 'status: sent'));
    },
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', 'plans'],
    code: 1,
    stderr: (text) => {
      expect(text).toContain("plans/isle-of-wight-qp-map-2002-03.yaml:15:9: error: 'status' is 'sent'; it must be one of: draft, consultation, submitted, approved.");
      expect(text).toContain('mapc: plans/isle-of-wight-qp-map-2002-03.yaml was not built: fix the errors above.');
      // One count for the whole build, of every plan checked, not "1 file" after each file's problems.
      expect(text).not.toContain('1 file checked');
      expect(text.endsWith('\n4 files checked: 1 error, 0 warnings.\n')).toBe(true);
    },
    stdout: (text) => expect(text).toContain('plans/devon-children-and-families-2004-05.yaml → out/devon-children-and-families-2004-05.html'),
    after: (ws) => {
      expect(ws.read('out/iow-qp-map-2002-03.html')).toBe(ws.read('before.html'));
      expect(readdirSync(ws.path('out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(JSON.parse(ws.read('out/manifest.json')).outputs).toHaveLength(6);
    },
  },
  {
    name: "build --template DIR: renders the user's document with the same data, their CSS and the built-in partials",
    setup: (ws) => templateFolder(ws, { 'document.hbs': CUSTOM_DOCUMENT, 'styles/9-council.css': 'h1 { color: #004400; }' }),
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'],
    code: 0,
    stderr: '',
    after: (ws) => {
      const html = ws.read('out/devon-children-and-families-2004-05.html');
      expect(html).toContain('<h1>Children and Families</h1>');
      expect(html).toContain('<p>7 themes</p>');
      expect(html).toContain('h1 { color: #004400; }');
      expect(html).toContain('.skip-link'); // the built-in styles are still there
      expect(html).toContain('<dt><abbr title="Family Group Conferencing">FGC</abbr></dt>');
    },
  },
  {
    name: 'build --template DIR: fails with the template file, line and column for a field that does not exist',
    setup: (ws) => templateFolder(ws, { 'document.hbs': '<html>\n<body>\n  <h1>{{titel}}</h1>\n</body>\n</html>\n' }),
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'],
    code: 1,
    stderr: /^mapc: plan\.yaml was not built: my-templates\/document\.hbs:3:9: the template uses 'titel', which does not exist here\. Fields here: id, kind, title, /,
    after: (ws) => expect(readdirSync(ws.dir)).not.toContain('out'),
  },
  {
    name: 'build --template DIR: catches a misspelt field inside #if',
    setup: (ws) => templateFolder(ws, { 'document.hbs': '<html><body>\n{{#if sumary}}x{{/if}}\n</body></html>\n' }),
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'],
    code: 1,
    stderr: (text) => expect(text).toContain("my-templates/document.hbs:2:7: the template uses 'sumary'"),
  },
  {
    name: 'build --template DIR: catches a misspelt field inside #each',
    setup: (ws) => templateFolder(ws, { 'document.hbs': '{{#each objectives}}\n  {{#each actoins}}{{/each}}\n{{/each}}' }),
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'],
    code: 1,
    stderr: (text) => expect(text).toContain("my-templates/document.hbs:2:11: the template uses 'actoins', which does not exist here. Fields here: id, anchor, number, title,"),
  },
  {
    name: 'build --template DIR: takes an absolute template folder as well as a relative one',
    setup: (ws) => templateFolder(ws, { 'styles/9-council.css': 'h1 { color: #004400; }' }),
    cwd: 'workspace',
    argv: (ws) => ['build', '--to', 'html', '--out', 'out', '--template', ws.path('my-templates'), 'plan.yaml'],
    code: 0,
    stderr: '',
    after: (ws) => expect(ws.read('out/devon-children-and-families-2004-05.html')).toContain('h1 { color: #004400; }'),
  },
  {
    name: 'build --template: refuses a misspelt built-in document, with a suggestion, rather than use the defaults',
    setup: (ws) => templateFolder(ws, {}),
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', '--template', 'strategi', 'plan.yaml'],
    code: 2,
    stderr: "mapc: the template 'strategi' is neither a built-in document (map, report, strategy) nor a folder. Did you mean 'strategy'?\n",
    after: (ws) => expect(existsSync(ws.path('out'))).toBe(false),
  },
  {
    name: 'build --template: refuses a template that is neither a built-in document nor a folder',
    setup: (ws) => templateFolder(ws, {}),
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', '--template', 'council-templates', 'plan.yaml'],
    code: 2,
    stderr: (text) => expect(text).toContain("the template 'council-templates' is neither a built-in document (map, report, strategy) nor a folder. Give one of map, report, strategy, or the path of a folder of templates."),
    after: (ws) => expect(existsSync(ws.path('out'))).toBe(false),
  },
  {
    name: 'build: of two plans with one id, builds the first and refuses the second, whose documents would overwrite it',
    setup: (ws) => {
      const source = readFileSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), 'utf8');
      ws.write('a.yaml', source);
      ws.write('b.yaml', source.replace('title: Example Part', 'title: Another'));
    },
    cwd: 'workspace',
    argv: ['build', '--to', 'html', '--out', 'out', 'a.yaml', 'b.yaml'],
    code: 1,
    stderr: "mapc: b.yaml was not built: its id 'devon-part-3-3-example' is also the id of a.yaml, and documents are named after ids. Give each plan its own id.\n",
    after: (ws) => {
      expect(ws.read('out/devon-part-3-3-example.html')).toContain('Example Part');
      expect(ws.read('out/devon-part-3-3-example.html')).not.toContain('Another');
    },
  },
  {
    name: 'build --format json: one summary of outputs and problems, nothing else',
    argv: (ws) => ['build', '--format', 'json', '--to', 'html', '--out', ws.dir, ...PROGRESS_PLANS, 'tests/fixtures/broken/04-unknown-key-typo.yaml'],
    code: 1,
    stderr: '',
    stdout: (text, ws) => {
      const summary = JSON.parse(text);
      expect(summary).toMatchObject({ version: 1, ok: false, errors: 1, warnings: 0 });
      expect(summary.outputs.map((o: { file: string; format: string }) => [o.file, o.format])).toEqual([
        [ws.path('devon-part-3-3-example.html'), 'html'],
        [ws.path('family-services-2002-03.html'), 'html'],
      ]);
      expect(summary.notBuilt).toEqual([{ source: 'tests/fixtures/broken/04-unknown-key-typo.yaml', reason: 'fix the errors listed for it under files.' }]);
      expect(summary.files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([
        [PROGRESS_PLANS[0], true],
        [PROGRESS_PLANS[1], true],
        ['tests/fixtures/broken/04-unknown-key-typo.yaml', false],
      ]);
    },
    binary: true,
  },
  {
    name: 'build --to pdf: plain lines when stdout is not a terminal',
    argv: (ws) => ['build', '--to', 'pdf', '--jobs', '1', '--out', ws.dir, ...PROGRESS_PLANS],
    env: { CI: undefined },
    code: 0,
    stdout: (text, ws) => expect(text).toBe(`${PROGRESS_PLANS[0]} → ${ws.path('devon-part-3-3-example.pdf')}\n${PROGRESS_PLANS[1]} → ${ws.path('family-services-2002-03.pdf')}\n`),
    stderr: '',
    // The one PDF build of the binary shard: the bundle's printing chunk and Chromium from it.
    binary: true,
    timeout: 120_000,
  },
  {
    name: 'build --to pdf: a progress line on a terminal',
    argv: (ws) => ['build', '--to', 'pdf', '--jobs', '1', '--out', ws.dir, ...PROGRESS_PLANS],
    env: { CI: undefined },
    isTTY: true,
    code: 0,
    stderr: (text) => {
      expect(text).toContain('\r\u001b[2Kprinting 1 of 2: devon-part-3-3-example.pdf');
      expect(text).toContain('\r\u001b[2Kprinting 2 of 2: family-services-2002-03.pdf');
    },
    timeout: 120_000,
  },
  {
    name: 'serve: takes --jobs as build does, and refuses nonsense before serving',
    argv: ['serve', '--port', '0', '--jobs', '0', 'plans'],
    code: 2,
    stdout: '',
    stderr: "mapc: --jobs takes a whole number of at least 1, not '0'.\n",
    binary: true,
  },
  {
    name: 'serve: takes --timeout as build does, and refuses nonsense before serving',
    argv: ['serve', '--port', '0', '--timeout', 'soon', 'plans'],
    code: 2,
    stdout: '',
    stderr: "mapc: --timeout takes a whole number of at least 1, not 'soon'.\n",
  },
];
