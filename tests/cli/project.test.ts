import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { outlineTitles, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf-tools.js';
import { artifactTextPages } from '../helpers/pdf-ua.js';
import { runInProcess } from '../helpers/mapc.js';
import { fileTempDir } from '../helpers/temporary.js';

const browser = useBrowser();
let out = '';

beforeAll(async () => {
  out = join(fileTempDir('project-out'), 'dist');
  const result = await runInProcess(['build', '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});

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
    // The ids of each page, as Chromium loaded it: each page is loaded once, however many links point into it.
    const ids = new Map<string, Promise<Set<string>>>();
    const idsOf = (target: string) => {
      if (!ids.has(target)) {
        ids.set(
          target,
          (async () => {
            const other = await browser().newPage();
            await other.goto(pathToFileURL(target).href);
            const found = new Set(await other.$$eval('[id]', (elements) => elements.map((e) => e.id)));
            await other.close();
            return found;
          })(),
        );
      }
      return ids.get(target)!;
    };
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
          if (!(await idsOf(target)).has(fragment)) broken.push(`${name}: ${href} (no #${fragment})`);
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
      { title: 'Contents', depth: 2 },
      { title: '3.2 Children and Families', depth: 2 },
      { title: '3.3 Example Part', depth: 2 },
    ]);
    const texts = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1));
    // "Page N of M" is drawn on every page as artifact text (tests/pdf/pdf-ua.test.ts), which text extraction leaves out.
    texts.forEach((text, i) => expect(text).not.toContain(`Page ${i + 1} of ${pages}`));
    expect(artifactTextPages(file)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    // The draft part (3.3, the last page) is marked DRAFT (its notice, in the text), and so is the
    // contents page, as a part is a draft (tests/pdf/bound-contents.test.ts); not the approved Part 3.2.
    const marked = texts.map((text) => text.includes('DRAFT'));
    expect(marked).toEqual([true, ...Array(pages - 2).fill(false), true]);
    const separate = Number(pdfInfo(join(out, 'devon-children-and-families-2004-05.pdf')).Pages) + Number(pdfInfo(join(out, 'devon-part-3-3-example.pdf')).Pages);
    expect(pages).toBe(separate + 1); // the cover with the list of parts
  });
});
