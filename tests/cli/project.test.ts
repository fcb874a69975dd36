import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { outlineTitles, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf-tools.js';
import { artifactTextPages } from '../helpers/pdf-ua.js';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

const browser = useBrowser();
let out = '';

/** A copy of the example project (mapc.yaml and the plans) to change freely. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapc-project-'));
  cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'mapc.yaml'), join(dir, 'mapc.yaml'));
  return dir;
}

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'mapc-project-out-')), 'dist');
  const result = await runMapc(['build', '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}, 120_000);

describe('a multi-part project (mapc.yaml)', () => {
  it('builds each part, a contents page and one PDF of the whole', () => {
    expect(readdirSync(out).sort()).toEqual([
      'devon-children-and-families-2004-05.html',
      'devon-children-and-families-2004-05.pdf',
      'devon-part-3-3-example.html',
      'devon-part-3-3-example.pdf',
      'devon-strategic-plan-2004.pdf',
      'index.html',
      'manifest.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outputs.filter((o: { source: string }) => o.source === 'mapc.yaml').map((o: { file: string }) => o.file)).toEqual([
      'devon-strategic-plan-2004.pdf',
      'index.html',
    ]);
  });

  it('links each part to its neighbours and the contents, as the Devon pages do', () => {
    const first = readFileSync(join(out, 'devon-children-and-families-2004-05.html'), 'utf8');
    expect(first).toContain('<li class="next"><a href="devon-part-3-3-example.html" rel="next">next &gt; Part 3.3</a></li>');
    expect(first).toContain('<li class="contents-link"><a href="index.html">Contents</a></li>');
    expect(first).not.toContain('rel="prev"');
    const second = readFileSync(join(out, 'devon-part-3-3-example.html'), 'utf8');
    expect(second).toContain('<a href="devon-children-and-families-2004-05.html" rel="prev">&lt; Part 3.2</a>');
    expect(second).not.toContain('rel="next"');
  });

  it('every link of every page resolves, clicked through in Chromium', async () => {
    const pages = readdirSync(out).filter((name) => name.endsWith('.html'));
    const broken: string[] = [];
    let followed = 0;
    for (const name of pages) {
      const page = await browser().newPage();
      await page.goto(pathToFileURL(join(out, name)).href);
      const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.getAttribute('href')!));
      for (const href of links.filter((h) => !/^(https?|mailto):/.test(h))) {
        const [file, fragment] = href.split('#');
        const target = file ? join(out, file) : join(out, name);
        followed++;
        if (!existsSync(target)) {
          broken.push(`${name}: ${href} (no file)`);
          continue;
        }
        if (fragment && target.endsWith('.html')) {
          const other = await browser().newPage();
          await other.goto(pathToFileURL(target).href);
          if (!(await other.$(`[id="${fragment}"]`))) broken.push(`${name}: ${href} (no #${fragment})`);
          await other.close();
        }
      }
      // And one real click: from the contents to the first part.
      if (name === 'index.html') {
        await Promise.all([page.waitForNavigation(), page.click('ol.parts li:first-child a')]);
        expect(page.url()).toMatch(/devon-children-and-families-2004-05\.html$/);
      }
      await page.close();
    }
    expect(followed).toBeGreaterThanOrEqual(10);
    expect(broken).toEqual([]);
  });

  it('binds the parts into one PDF with a bookmark per part and a page number on every page', () => {
    const file = join(out, 'devon-strategic-plan-2004.pdf');
    const pages = Number(pdfInfo(file).Pages);
    expect(pdfInfo(file).Title).toBe('Social Services Strategic Plan 2004-2008');
    const titles = outlineTitles(pdfOutline(file));
    expect(titles.filter((t) => t.depth <= 2)).toEqual([
      { title: 'Social Services Strategic Plan 2004-2008', depth: 1 },
      { title: '3.2 Children and Families', depth: 2 },
      { title: '3.3 Example Part', depth: 2 },
    ]);
    // "Page N of M" is drawn on every page as artifact text (tests/pdf/pdf-ua.test.ts), which text extraction leaves out.
    for (let page = 1; page <= pages; page++) expect(pdfText(file, page)).not.toContain(`Page ${page} of ${pages}`);
    expect(artifactTextPages(file)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    // Only the draft part (3.3, the last page) is marked DRAFT (its notice, in the text), not the approved Part 3.2.
    const marked = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1).includes('DRAFT'));
    expect(marked).toEqual([...Array(pages - 1).fill(false), true]);
    const separate = Number(pdfInfo(join(out, 'devon-children-and-families-2004-05.pdf')).Pages) + Number(pdfInfo(join(out, 'devon-part-3-3-example.pdf')).Pages);
    expect(pages).toBe(separate + 1); // the cover with the list of parts
  });

  it('reports a mistake in mapc.yaml with its place and a suggestion, and builds nothing', async () => {
    const dir = projectCopy();
    const source = readFileSync(join(dir, 'mapc.yaml'), 'utf8');
    writeFileSync(join(dir, 'mapc.yaml'), source.replace('plans/devon-part-3-3-example.yaml', 'plans/devon-part-3-3-exampel.yaml').replace('authority:', 'authorty:'));
    const result = await runMapc(['build'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("mapc.yaml:10:1: error: Unknown key 'authorty' in the project. [schema/unknown-key]");
    // And the misspelt part, in the same run.
    expect(result.stderr).toContain("mapc.yaml:13:5: error: There is no plan file 'plans/devon-part-3-3-exampel.yaml' (parts are relative to mapc.yaml). [rule/missing-part]");
    expect(result.stderr).toContain("Did you mean 'authority'?");
    expect(result.stderr).toContain('mapc: mapc.yaml was not built: fix the errors above; no part was built.');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    writeFileSync(join(dir, 'mapc.yaml'), source.replace('plans/devon-part-3-3-example.yaml', 'plans/devon-part-3-3-exampel.yaml'));
    const missing = await runMapc(['validate', '--format', 'json'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).files[0].problems).toEqual([
      expect.objectContaining({ code: 'rule/missing-part', line: 13, column: 5, suggestion: 'plans/devon-part-3-3-example.yaml' }),
    ]);
  });

  it('builds the good parts of a project with a broken part, but not the contents or the whole PDF', async () => {
    const dir = projectCopy();
    const part = join(dir, 'plans/devon-part-3-3-example.yaml');
    writeFileSync(part, readFileSync(part, 'utf8').replace('status: draft', 'status: finished'));
    const result = await runMapc(['build', '--to', 'html'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mapc: mapc.yaml was not built: the contents page and the whole-document PDF need every part, and not every part was built.');
    expect(readdirSync(join(dir, 'dist/devon-strategic-plan')).sort()).toEqual(['devon-children-and-families-2004-05.html', 'manifest.json']);
  });

  it('refuses, rather than overwrite, an output two documents would share: the project\'s id a part\'s, a part called index', async () => {
    const dir = projectCopy();
    writeFileSync(join(dir, 'mapc.yaml'), readFileSync(join(dir, 'mapc.yaml'), 'utf8').replace('id: devon-strategic-plan-2004', 'id: devon-part-3-3-example'));
    const sameId = await runMapc(['build', '--to', 'pdf'], { cwd: dir });
    expect(sameId.code).toBe(1);
    expect(sameId.stderr).toBe('mapc: mapc.yaml was not built: its whole document would be written to devon-part-3-3-example.pdf, over the plan of plans/devon-part-3-3-example.yaml. Give them different ids.\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'dist/devon-strategic-plan/manifest.json'), 'utf8'));
    expect(manifest.outputs.map((o: { file: string; source: string }) => `${o.file} ${o.source}`).sort()).toEqual([
      'devon-children-and-families-2004-05.pdf plans/devon-children-and-families-2004-05.yaml',
      'devon-part-3-3-example.pdf plans/devon-part-3-3-example.yaml',
    ]);

    const index = projectCopy();
    const part = join(index, 'plans/devon-part-3-3-example.yaml');
    writeFileSync(part, readFileSync(part, 'utf8').replace('id: devon-part-3-3-example', 'id: index'));
    const indexPart = await runMapc(['build', '--to', 'html'], { cwd: index });
    expect(indexPart.code).toBe(1);
    expect(indexPart.stderr).toBe('mapc: mapc.yaml was not built: its contents page would be written to index.html, over the plan of plans/devon-part-3-3-example.yaml. Give them different ids.\n');
    expect(readFileSync(join(index, 'dist/devon-strategic-plan/index.html'), 'utf8')).toContain('Example Part');
  });
});
