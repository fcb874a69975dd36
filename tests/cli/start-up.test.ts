import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/mapc.js';

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
    expect(loaded.filter((m) => m === 'puppeteer-core' || m.includes('/src/pdf/') || m.includes('/src/render/') || m === 'handlebars' || m === 'ajv')).toEqual([]);
  });

  it('only src/pdf imports puppeteer', () => {
    const all = staticImports(join(ROOT, 'src/cli/build.ts'));
    for (const file of [...all].filter((f) => f.startsWith(ROOT))) {
      if (readFileSync(file, 'utf8').match(/from 'puppeteer-core'/)) expect(file).toMatch(/\/src\/pdf\//);
    }
    expect(readFileSync(join(ROOT, 'src/build/write-outputs.ts'), 'utf8')).toContain("await import('./print-documents.js')");
  });

  it('in the bundle bin/mapc.js runs, validate still loads neither puppeteer nor the renderer', () => {
    // scripts/bundle.js records which sources each chunk holds; follow what `mapc validate` loads.
    const { outputs } = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as {
      outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }>;
    };
    const loadedWith = (chunk: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(chunk)) return seen;
      seen.add(chunk);
      for (const { path, kind } of outputs[chunk]!.imports) if (kind === 'import-statement' && outputs[path]) loadedWith(path, seen);
      return seen;
    };
    // The command's own chunk, which main.js imports when `validate` is run.
    const validateChunk = Object.keys(outputs).find((chunk) => outputs[chunk]!.entryPoint === 'dist/cli/validate.js');
    expect(validateChunk).toBeDefined();
    const sources = [...loadedWith('dist/bundle/main.js', loadedWith(validateChunk!))].flatMap((chunk) => Object.keys(outputs[chunk]!.inputs));
    expect(sources).toContain('node_modules/yaml/dist/index.js');
    expect(sources.filter((s) => /node_modules\/(puppeteer-core|handlebars|markdown-it)\/|dist\/(pdf|render)\//.test(s))).toEqual([]);
  });

  it("the bundle holds no browser-download code (proxy-agent and its JavaScript engine: 1.9 MB that each PDF build loaded)", () => {
    const { inputs } = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(inputs).some((input) => input.startsWith('node_modules/@puppeteer/browsers/'))).toBe(true);
    expect(Object.keys(inputs).filter((input) => /node_modules\/(proxy-agent|pac-proxy-agent|@tootallnate\/quickjs-emscripten|esprima)\//.test(input))).toEqual([]);
  });
});
