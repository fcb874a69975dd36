// Copies the generated JavaScript (the schema validators, the precompiled templates), with
// its declarations, from src into dist beside what tsc emits. tsc does not read them (allowJs is off): each has
// its .d.ts, and parsing 1.3 MB of deeply nested validator code made tsc overflow its
// stack now and then, a build that failed for nothing in the sources.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js') || basename(entry.parentPath) !== 'generated') continue;
  for (const name of [entry.name, entry.name.replace(/\.js$/, '.d.ts')]) {
    const from = join(entry.parentPath, name);
    const to = join(root, 'dist', relative(src, from));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
}
