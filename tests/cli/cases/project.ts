import { existsSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { CliCase, Workspace } from '../cases.js';

/** A copy of the example project (mapc.yaml and the plans) to change freely. */
function projectCopy(ws: Workspace): void {
  ws.copy('plans');
  ws.copy('mapc.yaml');
}

const MISSPELT_PART = (text: string) => text.replace('plans/devon-part-3-3-example.yaml', 'plans/devon-part-3-3-exampel.yaml');

export const projectCases: CliCase[] = [
  {
    name: 'project: reports a mistake in mapc.yaml with its place and a suggestion, and builds nothing',
    setup: (ws) => {
      projectCopy(ws);
      ws.write('mapc.yaml', MISSPELT_PART(ws.read('mapc.yaml')).replace('authority:', 'authorty:'));
    },
    cwd: 'workspace',
    argv: ['build'],
    code: 1,
    stderr: (text) => {
      expect(text).toContain("mapc.yaml:10:1: error: Unknown key 'authorty' in the project. [schema/unknown-key]");
      // And the misspelt part, in the same run.
      expect(text).toContain("mapc.yaml:13:5: error: There is no plan file 'plans/devon-part-3-3-exampel.yaml' (parts are relative to mapc.yaml). [rule/missing-part]");
      expect(text).toContain("Did you mean 'authority'?");
      expect(text).toContain('mapc: mapc.yaml was not built: fix the errors above; no part was built.');
    },
    after: (ws) => expect(existsSync(ws.path('dist'))).toBe(false),
  },
  {
    name: 'project: validate mapc.yaml plans checks mapc.yaml as a project (no false plan errors) and each plan once',
    setup: projectCopy,
    cwd: 'workspace',
    argv: ['validate', '--format', 'json', 'mapc.yaml', 'plans'],
    code: 0,
    stdout: (text) => {
      const report = JSON.parse(text);
      expect(report).toMatchObject({ ok: true, errors: 0, warnings: 0 });
      expect(report.files.map((f: { file: string }) => f.file)).toEqual([
        'mapc.yaml',
        'plans/devon-children-and-families-2004-05.yaml',
        'plans/devon-part-3-3-example.yaml',
        'plans/isle-of-wight-qp-map-2002-03.yaml',
        'plans/isle-of-wight-qp-map-2003-04.yaml',
      ]);
    },
  },
  {
    name: "project: validate plans mapc.yaml reports a typo in mapc.yaml as the project's",
    setup: (ws) => {
      projectCopy(ws);
      ws.write('mapc.yaml', ws.read('mapc.yaml').replace('authority:', 'authorty:'));
    },
    cwd: 'workspace',
    argv: ['validate', 'plans', 'mapc.yaml'],
    code: 1,
    stdout: (text) => {
      expect(text).toContain("mapc.yaml:10:1: error: Unknown key 'authorty' in the project. [schema/unknown-key]");
      expect(text).toContain('5 files checked: 1 error, 0 warnings.');
    },
  },
  {
    name: 'project: validate suggests the part meant by a misspelt part',
    setup: (ws) => {
      projectCopy(ws);
      ws.write('mapc.yaml', MISSPELT_PART(ws.read('mapc.yaml')));
    },
    cwd: 'workspace',
    argv: ['validate', '--format', 'json'],
    code: 1,
    stdout: (text) =>
      expect(JSON.parse(text).files[0].problems).toEqual([expect.objectContaining({ code: 'rule/missing-part', line: 13, column: 5, suggestion: 'plans/devon-part-3-3-example.yaml' })]),
  },
  {
    name: 'project: builds the good parts of a project with a broken part, but not the contents or the whole PDF',
    setup: (ws) => {
      projectCopy(ws);
      ws.write('plans/devon-part-3-3-example.yaml', ws.read('plans/devon-part-3-3-example.yaml').replace('status: draft', 'status: finished'));
    },
    cwd: 'workspace',
    argv: ['build', '--to', 'html'],
    code: 1,
    stderr: (text) => expect(text).toContain('mapc: mapc.yaml was not built: the contents page and the whole-document PDF need every part, and not every part was built.'),
    after: (ws) => expect(readdirSync(ws.path('dist/devon-strategic-plan')).sort()).toEqual(['devon-children-and-families-2004-05.html', 'manifest.json']),
  },
  {
    name: "project: refuses, rather than overwrite, a whole document with a part's id",
    setup: (ws) => {
      projectCopy(ws);
      // Part 3.3 alone (a page, where Devon's Part 3.2 is seven to print): a project of one part is a project.
      ws.write('mapc.yaml', ws.read('mapc.yaml').replace('id: devon-strategic-plan-2004', 'id: devon-part-3-3-example').replace('  - plans/devon-children-and-families-2004-05.yaml\n', ''));
    },
    cwd: 'workspace',
    argv: ['build', '--to', 'pdf'],
    code: 1,
    stderr: 'mapc: mapc.yaml was not built: its whole document would be written to devon-part-3-3-example.pdf, over the plan of plans/devon-part-3-3-example.yaml. Give them different ids.\n',
    after: (ws) => {
      const manifest = JSON.parse(ws.read('dist/devon-strategic-plan/manifest.json'));
      expect(manifest.outputs.map((o: { file: string; source: string }) => `${o.file} ${o.source}`)).toEqual(['devon-part-3-3-example.pdf plans/devon-part-3-3-example.yaml']);
    },
    timeout: 120_000,
  },
  {
    name: 'project: refuses, rather than overwrite, a contents page with a part called index',
    setup: (ws) => {
      projectCopy(ws);
      ws.write('plans/devon-part-3-3-example.yaml', ws.read('plans/devon-part-3-3-example.yaml').replace('id: devon-part-3-3-example', 'id: index'));
    },
    cwd: 'workspace',
    argv: ['build', '--to', 'html'],
    code: 1,
    stderr: 'mapc: mapc.yaml was not built: its contents page would be written to index.html, over the plan of plans/devon-part-3-3-example.yaml. Give them different ids.\n',
    after: (ws) => expect(ws.read('dist/devon-strategic-plan/index.html')).toContain('Example Part'),
  },
];
