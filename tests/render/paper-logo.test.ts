import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { tempDir } from '../helpers/temporary.js';

/**
 * The council's logo in the committee paper's head (report.logo): read from the project,
 * written into the paper as a data: URI beside the authority's name; refused, as one
 * problem at the `file:` value, when it is outside the project, a link out of it, not a
 * PNG, JPEG or SVG, or too large.
 */
const browser = useBrowser();
const SOURCE = readFileSync(join(ROOT, 'plans/isle-of-wight-qp-map-2002-03.yaml'), 'utf8');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** An SVG that tries to run a script and fetch a file: shown through <img>, it can do neither. */
const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a test logo -->
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><script>document.title = 'ran'</script><image href="file:///etc/passwd"/><rect width="120" height="60" fill="#1d4f91"/><text x="60" y="38" font-size="20" text-anchor="middle" fill="#fff">IW</text></svg>`;

/** A project folder with the Isle of Wight plan in plans/, its logo written as `logo` (a path from the plan). */
function project(logo: string, files: Record<string, string | Buffer> = {}, alt = 'Isle of Wight Council crest'): string {
  const folder = tempDir('paper-logo');
  mkdirSync(join(folder, 'plans'));
  mkdirSync(join(folder, 'images'));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(folder, path), content);
  writeFileSync(join(folder, 'plans/iow.yaml'), SOURCE.replace('report:\n', `report:\n  logo: { file: ${JSON.stringify(logo)}, alt: ${JSON.stringify(alt)} }\n`));
  return folder;
}

/** The line of the plan where the logo's file is named, and its column. */
const LOGO_LINE = SOURCE.slice(0, SOURCE.indexOf('report:\n')).split('\n').length + 1;

async function build(folder: string) {
  return runInProcess(['build', '--to', 'html', '--out', join(folder, 'out'), 'plans/iow.yaml'], { cwd: folder });
}

/** The paper's HTML, with the one entity Handlebars writes in a base64 attribute ("=" as &#x3D;) read back. */
function paper(folder: string): string {
  return readFileSync(join(folder, 'out/iow-qp-map-2002-03.report.html'), 'utf8').replaceAll('&#x3D;', '=');
}

describe("the committee paper's logo", () => {
  it('writes a PNG into the head of the paper as a data: URI, with its text alternative', async () => {
    const folder = project('../images/logo.png', { 'images/logo.png': PNG });
    const result = await build(folder);
    expect(result.stderr).toBe('');
    const head = paper(folder).slice(paper(folder).indexOf('<header class="paper-header">'));
    expect(head).toMatch(new RegExp(`^<header class="paper-header">\\n<p class="authority"><img class="logo" src="data:image/png;base64,${PNG.toString('base64').replace(/[+/]/g, '\\$&')}" alt="Isle of Wight Council crest">Isle of Wight Council</p>`));
  });

  it('shows an SVG through <img> only, where it runs no script and loads nothing; axe-core and html-validate find nothing', async () => {
    const folder = project('../images/logo.svg', { 'images/logo.svg': SVG });
    expect((await build(folder)).code).toBe(0);
    const html = paper(folder);
    expect(html).toContain(`src="data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}" alt="Isle of Wight Council crest"`);
    expect(html).not.toContain('<script');
    expect(await htmlProblems(html)).toEqual([]);
    const { page, requests } = await openHtml(browser(), html);
    const logo = await page.$eval('.paper-header img.logo', (img) => ({ width: img.naturalWidth, height: img.getBoundingClientRect().height, title: document.title }));
    expect(logo.width).toBe(120);
    expect(logo.height).toBeGreaterThan(30);
    expect(logo.title).not.toBe('ran');
    expect(requests).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps hostile alt text an attribute: no handler, no markup, the text as written', async () => {
    const alt = '" onerror="document.title=1" x="<script>document.title=2</script> &amp; \u202e';
    const folder = project('../images/logo.png', { 'images/logo.png': PNG }, alt);
    expect((await build(folder)).code).toBe(0);
    const html = paper(folder);
    expect(html).not.toContain('<script');
    const { page } = await openHtml(browser(), html);
    const logo = await page.$eval('.paper-header img.logo', (img) => ({ alt: img.getAttribute('alt'), handler: img.getAttribute('onerror'), attributes: img.getAttributeNames() }));
    // Isolated as all plan text is (src/plan/bidi.ts): the override it opens is closed inside it.
    expect(logo).toEqual({ alt: `\u2068${alt}\u202c\u2069`, handler: null, attributes: ['class', 'src', 'alt'] });
    await page.close();
  });

  it('refuses a logo outside the project, saying where the plan names it', async () => {
    const elsewhere = tempDir('paper-logo-elsewhere');
    writeFileSync(join(elsewhere, 'logo.png'), PNG);
    const folder = project(`../../${basename(elsewhere)}/logo.png`);
    const result = await build(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`plans/iow.yaml:${LOGO_LINE}:`);
    expect(result.stderr).toMatch(/The logo \.\.\/\.\.\/mapc-test-paper-logo-elsewhere-\w+\/logo\.png is outside the project.*\[file\/outside-project\]/);
  });

  it('refuses a link out of the project, without reading what it leads to', async () => {
    const elsewhere = tempDir('paper-logo-elsewhere');
    writeFileSync(join(elsewhere, 'logo.png'), PNG);
    const folder = project('../images/logo.png');
    symlinkSync(join(elsewhere, 'logo.png'), join(folder, 'images/logo.png'));
    const result = await build(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`plans/iow.yaml:${LOGO_LINE}:`);
    expect(result.stderr).toContain('The logo ../images/logo.png was not read: it is a link to a file outside the folder it was found in');
  });

  it('refuses a file that is not a PNG, JPEG or SVG, by its name or by its content, and one too large', async () => {
    const cases: [string, Record<string, string | Buffer>, string][] = [
      ['../images/logo.gif', { 'images/logo.gif': 'GIF89a' }, 'is not a PNG, JPEG or SVG file'],
      ['../images/logo.png', { 'images/logo.png': SVG }, 'is not a PNG picture, as its name says'],
      ['../images/logo.svg', { 'images/logo.svg': '<html><script>x</script></html>' }, 'is not an SVG picture'],
      ['../images/logo.svg', { 'images/logo.svg': '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>' }, 'declares XML entities'],
      ['../images/logo.png', { 'images/logo.png': Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]) }, 'is 1.0 MB, more than the 1.0 MB a logo may be'],
      ['../images/none.png', {}, 'cannot be read: there is no such file'],
    ];
    for (const [logo, files, message] of cases) {
      const folder = project(logo, files);
      const result = await build(folder);
      expect(result.code, logo).toBe(1);
      expect(result.stderr, logo).toContain(`plans/iow.yaml:${LOGO_LINE}:`);
      expect(result.stderr, logo).toContain(message);
    }
  });

  it('is reported by validate too', async () => {
    const folder = project('../images/missing.svg');
    const result = await runInProcess(['validate', 'plans/iow.yaml'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(`plans/iow.yaml:${LOGO_LINE}:`);
    expect(result.stdout + result.stderr).toContain('The logo ../images/missing.svg cannot be read');
  });
});
