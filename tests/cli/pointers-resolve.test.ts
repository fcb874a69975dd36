// Every JSON pointer mapc prints (validate, build and diff JSON) resolves in the file it is about.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { fileTempDir } from '../helpers/temporary.js';
import { fixtures } from './cases/fixtures.js';

const PLANS = examplePlans();
const BROKEN = fixtures('broken').map((f) => f.path);
const WARNINGS = fixtures('warnings').map((f) => f.path);

function examplePlans(): string[] {
  return ['devon-children-and-families-2004-05', 'devon-part-3-3-example', 'isle-of-wight-qp-map-2002-03', 'isle-of-wight-qp-map-2003-04'].map((name) => `plans/${name}.yaml`);
}

/** Whether `pointer` names a value of the YAML in `file` (for a missing key, "" or its mapping is what problems point at). */
function resolves(file: string, pointer: string): boolean {
  let value: unknown = parse(readFileSync(join(ROOT, file), 'utf8'), { version: '1.2', schema: 'core', uniqueKeys: false, maxAliasCount: -1 });
  for (const segment of pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, segment)) return false;
    value = (value as Record<string, unknown>)[segment];
  }
  return true;
}

/** Every pointer of a validate-shaped files list: [file, pointer] pairs. */
function problemPointers(files: { file: string; problems: { pointer: string; code: string }[] }[]): [string, string, string][] {
  return files.flatMap((f) => f.problems.filter((p) => !p.code.startsWith('yaml/')).map((p): [string, string, string] => [f.file, p.pointer, p.code]));
}

function unresolved(pointers: [string, string, string][]): string[] {
  return pointers.filter(([file, pointer]) => !resolves(file, pointer)).map(([file, pointer, what]) => `${file} ${pointer} (${what})`);
}

describe('every pointer mapc prints resolves in its file', () => {
  it('validate --format json, on the example plans and every broken and warning fixture', async () => {
    const { stdout } = await runInProcess(['validate', '--format', 'json', ...PLANS, ...BROKEN, ...WARNINGS]);
    const pointers = problemPointers(JSON.parse(stdout).files);
    expect(pointers.length).toBeGreaterThan(30);
    expect(unresolved(pointers)).toEqual([]);
  });

  it('build --format json, on the example plans and a broken one', async () => {
    const out = fileTempDir('pointers');
    const { stdout } = await runInProcess(['build', '--format', 'json', '--to', 'html', '--out', out, ...PLANS, 'tests/fixtures/broken/11-dangling-reference.yaml', ...WARNINGS]);
    const pointers = problemPointers(JSON.parse(stdout).files);
    expect(pointers.length).toBeGreaterThan(0);
    expect(unresolved(pointers)).toEqual([]);
  });

  it.each([
    ['plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/isle-of-wight-qp-map-2003-04.yaml'],
    ['plans/isle-of-wight-qp-map-2003-04.yaml', 'plans/isle-of-wight-qp-map-2002-03.yaml'],
    ['plans/devon-part-3-3-example.yaml', 'plans/devon-children-and-families-2004-05.yaml'],
  ])('diff --format json %s %s: oldPointer in the old plan, newPointer and evidence in the new', async (oldFile, newFile) => {
    const { stdout } = await runInProcess(['diff', '--format', 'json', oldFile, newFile]);
    const report = JSON.parse(stdout) as Record<string, { oldPointer?: string; newPointer?: string; evidence?: string; type?: string; entity?: string }[]>;
    const pointers: [string, string, string][] = [];
    for (const list of ['changes', 'followThrough', 'keyActionFollowThrough']) {
      for (const entry of report[list] ?? []) {
        const what = `${list} ${entry.type ?? ''} ${entry.entity ?? ''}`.trim();
        if (entry.oldPointer !== undefined) pointers.push([oldFile, entry.oldPointer, what]);
        if (entry.newPointer !== undefined) pointers.push([newFile, entry.newPointer, what]);
        if (entry.evidence !== undefined) pointers.push([newFile, entry.evidence, what]);
      }
    }
    expect(pointers.length).toBeGreaterThan(10);
    expect(unresolved(pointers)).toEqual([]);
  });
});
