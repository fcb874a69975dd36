import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mapc.js';

/**
 * The pipeline's folders, and which of them each may import (spec/design.md): a folder
 * may always import its own files. `index` is src/index.ts, the public API.
 */
export const MAY_IMPORT: Record<string, string[]> = {
  cli: ['index', 'preview', 'build', 'project', 'import', 'diff-report', 'diff', 'rollover', 'render', 'plan', 'pdf', 'problems'],
  index: ['preview', 'build', 'project', 'import', 'diff-report', 'diff', 'rollover', 'render', 'plan', 'pdf', 'problems'],
  preview: ['build', 'project', 'render', 'plan', 'pdf', 'problems'],
  build: ['project', 'plan', 'render', 'pdf', 'problems'],
  project: ['plan', 'problems'],
  import: ['plan', 'problems'],
  'diff-report': ['diff', 'render', 'plan', 'problems'],
  diff: ['plan'],
  rollover: ['plan', 'problems'],
  render: ['plan', 'problems'],
  plan: ['problems'],
  pdf: [],
  problems: [],
};

const SRC = join(ROOT, 'src');

/** Every TypeScript source under src, relative to it. */
function sources(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The sources a file imports, static, dynamic or type-only, as paths relative to src. */
export function importsOf(file: string, text = readFileSync(join(SRC, file), 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)'(\.[^']+)'/gm)].map((m) => m[1]!);
  return specifiers.map((s) => relative(SRC, resolve(dirname(join(SRC, file)), s)).replace(/\.js$/, '.ts'));
}

/** The folder a source belongs to: `cli`, `plan`, …, or `index` for src/index.ts. */
export function folderOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, '');
}

/** Each import one folder makes of another that the table does not allow. */
export function forbiddenImports(files: string[], read: (file: string) => string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = folderOf(file);
    const allowed = MAY_IMPORT[from];
    if (!allowed) {
      found.push(`${file}: the folder '${from}' is not in the table of what may import what`);
      continue;
    }
    for (const target of read(file)) {
      const to = folderOf(target);
      if (to !== from && !allowed.includes(to)) found.push(`${file} imports ${target}: '${from}' may not import '${to}'`);
    }
  }
  return found;
}

/** One import cycle between files, as a path that returns to its start, if there is one. */
export function findCycle(files: string[], read: (file: string) => string[]): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const target of read(file).filter((t) => files.includes(t))) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('architecture: which folder may import which (spec/design.md)', () => {
  const files = sources();
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const read = (file: string) => graph.get(file) ?? [];

  it('holds for every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(forbiddenImports(files, read)).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(findCycle(files, read)).toBeUndefined();
  });

  it('nothing imports cli; only cli, preview and the API import build', () => {
    const importers = (folder: string) => new Set(files.filter((f) => folderOf(f) !== folder && read(f).some((t) => folderOf(t) === folder)).map(folderOf));
    expect([...importers('cli')]).toEqual([]);
    expect([...importers('build')].sort()).toEqual(['cli', 'index', 'preview']);
  });

  it('would catch a forbidden import, a dynamic one, and a cycle', () => {
    expect(forbiddenImports(['pdf/x.ts'], () => ['plan/model.ts'])).toEqual(["pdf/x.ts imports plan/model.ts: 'pdf' may not import 'plan'"]);
    expect(importsOf('render/x.ts', "const d = await import('../diff/change.js');")).toEqual(['diff/change.ts']);
    expect(forbiddenImports(['render/x.ts'], (f) => importsOf(f, "import type { Change } from '../diff/change.js';"))).toHaveLength(1);
    expect(findCycle(['a.ts', 'b.ts'], (f) => (f === 'a.ts' ? ['b.ts'] : ['a.ts']))).toEqual(['a.ts', 'b.ts', 'a.ts']);
  });
});
