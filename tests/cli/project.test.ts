import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { outlineTitles, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf-tools.js';
import { artifactTextPages } from '../helpers/pdf-ua.js';
import { buildProjectCopy, contentsNumber, pageOfTitle } from './contents-page.js';
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
    // One tab, taken to each page in turn (a new tab is a new renderer process, about 0.85 s of
    // CPU): the links of each page and its ids, as Chromium loaded it.
    const page = await browser().newPage();
    const linksOf = new Map<string, string[]>();
    const idsOf = new Map<string, Set<string>>();
    for (const name of pages) {
      await page.goto(pathToFileURL(join(out, name)).href);
      linksOf.set(name, await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.getAttribute('href')!)));
      idsOf.set(join(out, name), new Set(await page.$$eval('[id]', (elements) => elements.map((e) => e.id))));
    }
    const broken: string[] = [];
    let followed = 0;
    for (const [name, links] of linksOf) {
      for (const href of links.filter((h) => !/^(https?|mailto):/.test(h))) {
        const [file, fragment] = href.split('#');
        const target = file ? join(out, file) : join(out, name);
        followed++;
        if (!existsSync(target)) broken.push(`${name}: ${href} (no file)`);
        else if (fragment && target.endsWith('.html') && !idsOf.get(target)?.has(fragment)) broken.push(`${name}: ${href} (no #${fragment})`);
      }
    }
    expect(followed).toBeGreaterThanOrEqual(10);
    expect(broken).toEqual([]);
    // And one real click: from the contents to the first part.
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await Promise.all([page.waitForNavigation(), page.click('ol.parts li:first-child a')]);
    expect(page.url()).toMatch(/devon-children-and-families-2004-05\.html$/);
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
    // contents page, as a part is a draft (below: the bound PDF's contents page); not the approved Part 3.2.
    const marked = texts.map((text) => text.includes('DRAFT'));
    expect(marked).toEqual([true, ...Array(pages - 2).fill(false), true]);
    const separate = Number(pdfInfo(join(out, 'devon-children-and-families-2004-05.pdf')).Pages) + Number(pdfInfo(join(out, 'devon-part-3-3-example.pdf')).Pages);
    expect(pages).toBe(separate + 1); // the cover with the list of parts
  });
});

/**
 * The contents page of the bound PDF (its first page): each part's title with the page it
 * starts on, and DRAFT when any part is a draft. Read from the example project built above
 * (Part 3.3 is a draft), and from a copy with Part 3.3 approved.
 */
describe("the bound PDF's contents page", () => {
  const TITLES = ['3.2 Children and Families', '3.3 Example Part'];
  let withDraft = '';
  let allApproved = '';
  beforeAll(async () => {
    withDraft = join(out, 'devon-strategic-plan-2004.pdf');
    allApproved = await buildProjectCopy('contents-approved', (plan) => plan.replace(/^status: draft$/m, 'status: approved'));
  });

  it('prints against each part the page where pdftotext finds its title', () => {
    const contents = pdfText(withDraft, 1);
    const printed = TITLES.map((title) => contentsNumber(contents, title));
    const found = TITLES.map((title) => pageOfTitle(withDraft, title));
    expect(found.every((page) => page !== undefined && page > 1)).toBe(true);
    expect(printed).toEqual(found);
  });

  it('is marked DRAFT when a part is a draft, and not when none is', () => {
    expect(pdfText(withDraft, 1)).toContain('DRAFT');
    expect(pdfText(allApproved, 1)).not.toContain('DRAFT');
    // The approved project's numbers are right too.
    const contents = pdfText(allApproved, 1);
    expect(TITLES.map((title) => contentsNumber(contents, title))).toEqual(TITLES.map((title) => pageOfTitle(allApproved, title)));
  });
});
