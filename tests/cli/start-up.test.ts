import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mapc.js';

/** The modules a source file loads before running: its static imports, followed through our own files. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      // Our sources are TypeScript; the generated validator is JavaScript.
      staticImports(existsSync(target.replace(/\.js$/, '.ts')) ? target.replace(/\.js$/, '.ts') : target, seen);
    }
    else seen.add(specifier);
  }
  return seen;
}

describe('start-up', () => {
  it('mapc validate loads neither puppeteer nor the renderer', () => {
    const loaded = [...staticImports(join(ROOT, 'src/cli/main.ts')), ...staticImports(join(ROOT, 'src/cli/validate.ts'))];
    expect(loaded.filter((m) => m === 'puppeteer' || m.includes('/src/pdf/') || m.includes('/src/render/') || m === 'handlebars' || m === 'ajv')).toEqual([]);
  });

  it('only src/pdf imports puppeteer', () => {
    const all = staticImports(join(ROOT, 'src/cli/build.ts'));
    for (const file of [...all].filter((f) => f.startsWith(ROOT))) {
      if (readFileSync(file, 'utf8').match(/from 'puppeteer'/)) expect(file).toMatch(/\/src\/pdf\//);
    }
    expect(readFileSync(join(ROOT, 'src/cli/build.ts'), 'utf8')).toContain("await import('./print-documents.js')");
  });
});
