import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { flatten, pdfInfo, pdfText } from '../helpers/pdf-tools.js';
import { fileTempDir } from '../helpers/temporary.js';

const browser = useBrowser();
const TITLE = 'Quality Protects Management Action Plan 2002-2003';
let out: string;
let html: string;

/** The Isle of Wight paper, built to HTML and PDF, with an email address for its first contact. */
beforeAll(async () => {
  const dir = fileTempDir('committee-paper');
  out = join(dir, 'out');
  const source = readFileSync(join(ROOT, 'plans/isle-of-wight-qp-map-2002-03.yaml'), 'utf8');
  writeFileSync(join(dir, 'iow.yaml'), source.replace('    - name: Jimmy Doyle\n', '    - name: Jimmy Doyle\n      email: jimmy.doyle@example.org\n'));
  const built = await runInProcess(['build', join(dir, 'iow.yaml'), '--out', out, '--quiet']);
  expect(built.code).toBe(0);
  html = readFileSync(join(out, 'iow-qp-map-2002-03.report.html'), 'utf8');
}, 120_000);

describe('the committee paper, as a committee paper is laid out', () => {
  it('names its council in its head, and prints its title once on page 1', () => {
    const header = html.slice(html.indexOf('<header class="paper-header">'), html.indexOf('</header>'));
    expect(header).toContain('Isle of Wight Council');
    // A year range broken at its line's end ("2002-" / "2003") is the print layout's matter, not counted twice here.
    const page1 = flatten(pdfText(join(out, 'iow-qp-map-2002-03.report.pdf'), 1)).replace(/(\d{4})- (\d{4})/g, '$1-$2');
    expect(page1.split(TITLE).length - 1).toBe(1);
  });

  it('heads each printed page with the committee, the meeting\'s date and the paper', () => {
    expect(html).toMatch(/@top-left \{ content: "Children\\27 s Committee, 30 April 2002, Paper B"; \}/);
  });

  it('prints a contact\'s email once on paper, not again as its address', async () => {
    const { page } = await openHtml(browser(), html);
    await page.emulateMediaType('print');
    const after = await page.$eval('a[href^="mailto:jimmy"]', (a) => getComputedStyle(a, '::after').content);
    await page.close();
    expect(after).toBe('none');
  });

  it('links the background paper that is the plan to the plan built beside it', () => {
    // Its text as a reader sees it (a year range in it is kept whole by a span of its own).
    const link = /<a href="iow-qp-map-2002-03\.html">(.*?)<\/a>/.exec(html);
    expect(link?.[1]!.replace(/<[^>]+>/g, '')).toBe(`${TITLE}.`);
  });

  it('dates its PDF by the meeting, not by the plan\'s submission', () => {
    expect(pdfInfo(join(out, 'iow-qp-map-2002-03.report.pdf')).CreationDate).toMatch(/Apr 30 .*2002/);
    expect(pdfInfo(join(out, 'iow-qp-map-2002-03.pdf')).CreationDate).not.toMatch(/Apr 30 .*2002/);
  });
});
