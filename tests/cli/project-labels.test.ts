import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { tempDir } from '../helpers/temporary.js';

describe('labels in mapc.yaml', () => {
  it('word every part and the contents page, and a part\'s own labels win key by key', async () => {
    const dir = tempDir('project-labels');
    mkdirSync(join(dir, 'plans'));
    for (const part of ['plans/devon-children-and-families-2004-05.yaml', 'plans/devon-part-3-3-example.yaml']) cpSync(join(ROOT, part), join(dir, part));
    const project = readFileSync(join(ROOT, 'mapc.yaml'), 'utf8').replace(/^build: .*$/m, 'build: { out: out, to: [html] }');
    writeFileSync(join(dir, 'mapc.yaml'), `${project}labels:\n  contents: Project contents wording\n  achievedColumn: Project achieved wording\n`);
    const built = await runInProcess(['build', '--quiet'], { cwd: dir });
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const html = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');
    /** The texts of a document's column headings, tags dropped (a year range in one has a span of its own). */
    const columnHeadings = (name: string) => [...html(name).matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(html('index.html')).toContain('<h2 id="contents">Project contents wording</h2>');
    // Part 3.3 has no labels of its own; Part 3.2 words its column as its source did.
    expect(columnHeadings('devon-part-3-3-example.html')).toContain('Project achieved wording');
    expect(columnHeadings('devon-children-and-families-2004-05.html')).toContain('What we have achieved through the Strategic Programme (2001-2004)');
    expect(html('devon-children-and-families-2004-05.html')).not.toContain('Project achieved wording');

    writeFileSync(join(dir, 'mapc.yaml'), `${project}labels:\n  contnets: Misspelt\n`);
    const checked = await runInProcess(['validate'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/mapc\.yaml:\d+:3: error: Unknown key 'contnets'/);
    expect(checked.stdout).toContain("Did you mean 'contents'?");
  });
});
