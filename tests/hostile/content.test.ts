/**
 * Hostile text in every free-text field of the format (the plan is made from the schema,
 * see hostile-plan.ts), built end to end by bin/mapc.js to HTML and PDF: nothing in it
 * may run, load, style the page or reach into the templates; it is shown as the text the
 * author wrote. Then PDF syntax in a title (five plans printed by one mapc), right-to-left
 * and combining characters, a 10,000-row indicator list and a 64 kB paragraph: built in
 * bounded time, or refused clearly, with nothing lost.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { outlineTitles, pdfInfo, pdfIsSound, pdfOutline, pdfText } from '../helpers/pdf-tools.js';
import { buildEarlierOutput, expectManifestTrue, expectOrderly, GOOD_ID, goodSource, leftovers, mapc, snapshot, tempDir, type Outcome } from './harness.js';
import { freeTextPaths, hostilePlan } from './hostile-plan.js';
import { useRequestTrap } from '../helpers/request-trap.js';

const browser = useBrowser();

/** A server the hostile text points at: any request it receives is a document reaching out. */
const trap = useRequestTrap();
let earlier: Awaited<ReturnType<typeof buildEarlierOutput>>;

beforeAll(async () => {
  earlier = await buildEarlierOutput();
});

/** The marker of field n: lower-case letters and digits, which nothing rewrites. */
const marker = (n: number) => `fld${n}x`;

/** Every trick at once, in one field: script, frames, images, links, CSS, Handlebars and PDF syntax. */
function payload(n: number): string {
  const m = marker(n);
  return [
    `${m} <script>alert('${m}')</script> {{constructor.constructor 'alert(1)'}} {{> head}} {{{styles}}} {{#each this}}each{{/each}} ZQX`,
    '',
    `<iframe src="file:///etc/passwd"></iframe> ![passwd](/etc/passwd) ![pixel](${trap.origin}/pixel-${m}.png) <img src="${trap.origin}/img-${m}.png" onerror="alert(2)">`,
    '',
    // javascript:, data: and file: links stop the build as rule/link-scheme errors (tests/plan/link-scheme.test.ts);
    // what the renderer does with them is tests/render/hostile-text.test.ts. These two slip past that rule.
    `[tab](java\tscript:alert(5)) [entity](javascript&#58;alert(8))`,
    '',
    `</style><style>body{display:none}</style> <style>@import url(${trap.origin}/import-${m}.css);</style> <link rel=stylesheet href=${trap.origin}/link-${m}.css> " onmouseover="alert(9)" style="background:url(${trap.origin}/attr-${m}.png)" x='`,
    '',
    `) /Author (pwned) >> endobj trailer << /Root 1 0 R >> startxref 0 %%EOF \\ \\) <svg onload=alert(10)></svg> <meta http-equiv=refresh content="0;url=${trap.origin}/refresh">`,
  ].join('\n');
}

describe('hostile text in every free-text field, built to HTML and PDF', () => {
  it('the generated plan covers every free-text field of the schema', () => {
    const { fields } = hostilePlan(payload);
    // Two kinds of free text are another test's: labels, each a heading or phrase of the
    // documents, at most 200 characters and filled into the templates, are built hostile in
    // tests/render/labels-accessibility.test.ts; an authorNote is never printed at all; the
    // committee paper's logo is a file the plan names, read only inside the project, and its
    // alt text an attribute: both hostile in tests/render/paper-logo.test.ts.
    const elsewhere = (path: string) => path.startsWith('labels.') || path.endsWith('.authorNote') || path.startsWith('report.logo.');
    expect([...new Set(fields.map((f) => f.path))].sort()).toEqual(freeTextPaths().filter((path) => !elsewhere(path)).sort());
  });

  it('nothing runs, loads, restyles the page or reaches the templates; each field shows as the text written', async () => {
    const { yaml, fields } = hostilePlan(payload);
    const dir = tempDir('content');
    writeFileSync(join(dir, 'hostile.yaml'), yaml);
    const { out, before } = earlier();
    const build = await mapc(['build', '--out', out, 'hostile.yaml'], { cwd: dir });

    // The earlier output is untouched, and everything written is whole and listed truly.
    const { ['manifest.json']: _, ...earlierFiles } = before;
    expect(snapshot(out)).toMatchObject(earlierFiles);
    expect(leftovers(out)).toEqual([]);
    expectManifestTrue(out);

    let visible = '';
    for (const name of ['every-field.html', 'every-field.report.html']) {
      const html = readFileSync(join(out, name), 'utf8');
      const { page, requests: pageRequests } = await openHtml(browser(), html);
      const found = await page.evaluate(() => ({
        active: [...document.querySelectorAll('script, iframe, frame, img, object, embed, link, meta[http-equiv], base, form, input, button, video, audio, source, svg:not(.indicator-chart)')]
          .filter((e) => !(e.parentElement === document.head && e.getAttribute('http-equiv') === 'Content-Security-Policy'))
          .map((e) => e.outerHTML.slice(0, 80)),
        policies: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((e) => e.getAttribute('content')),
        stylesInBody: document.querySelectorAll('body style').length,
        stylesInHead: document.querySelectorAll('head style').length,
        styleAttributes: [...document.querySelectorAll('body [style]')].map((e) => e.outerHTML.slice(0, 80)),
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}@${a.name}`)),
        hrefs: [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? ''),
        bodyShown: getComputedStyle(document.body).display !== 'none' && getComputedStyle(document.body).visibility !== 'hidden',
        background: getComputedStyle(document.body).backgroundImage,
        text: document.body.innerText,
      }));
      await page.close();
      expect(found.active, name).toEqual([]);
      // One policy, mapc's own, which allows nothing to load.
      expect(found.policies, name).toEqual([expect.stringMatching(/^default-src 'none';/)]);
      expect(found.stylesInBody, name).toBe(0);
      expect(found.stylesInHead, name).toBe(2); // mapc's stylesheet and page margins
      expect(found.styleAttributes, name).toEqual([]);
      expect(found.handlers, name).toEqual([]);
      expect(found.hrefs.filter((href) => !/^(#|https:|http:|mailto:)/i.test(href)), name).toEqual([]);
      expect(found.bodyShown, name).toBe(true);
      expect(found.background, name).toBe('none');
      expect(pageRequests, name).toEqual([]);
      // Handlebars in plan text is text: the template never sees it.
      expect(found.text).toContain("{{constructor.constructor 'alert(1)'}} {{> head}} {{{styles}}} {{#each this}}each{{/each}}");
      visible += found.text;
    }
    // Each field reached a document, shown as what was written (its first line, tags and all;
    // in any case, as the stylesheet prints a signature in capitals).
    const shown = visible.toLowerCase();
    const missing = fields.filter((f) => !shown.includes(`${marker(f.n)} <script>alert('${marker(f.n)}')</script>`)).map((f) => `${f.path} (${f.pointer})`);
    expect(missing).toEqual([]);

    // The HTML is checked first, so that a failure to print does not hide what the page does.
    expectOrderly(build, 0);
    expect(Object.keys(snapshot(out)).sort()).toEqual([...Object.keys(before), 'every-field.html', 'every-field.pdf', 'every-field.report.html', 'every-field.report.pdf'].sort());
    for (const name of ['every-field.pdf', 'every-field.report.pdf']) {
      const file = join(out, name);
      expect(pdfIsSound(file), `${name} is a sound PDF`).toBe(true);
      const info = pdfInfo(file);
      // PDF syntax in the title stays inside the title, and the author is the authority's text.
      const title = name === 'every-field.pdf' ? marker(0) : marker(fields.find((f) => f.path === 'report.title')!.n);
      expect(info.Title).toContain(`${title} <script>alert('${title}')</script> {{constructor.constructor 'alert(1)'}}`);
      expect(info.Author).toContain(marker(1));
      expect(info.Author).not.toBe('pwned');
      const text = pdfText(file);
      expect(text).toContain('<script>alert(');
      expect(text).not.toMatch(/root:.*:0:0:/);
      expect(outlineTitles(pdfOutline(file)).some((item) => item.title.includes('<script>alert('))).toBe(true);
    }
    expect(trap.requests).toEqual([]);
  });
});

describe('PDF syntax in a heading', () => {
  const HOSTILE = ['Review endobj', 'A /First 2 0 R B', 'A /Next 3 0 R B', 'A /Dest [9 0 R /XYZ 0 0 0] B'];
  /** Plan i is the good plan titled TITLES[i] (the first one plain), its id title-i. */
  const TITLES = ['Plain title', ...HOSTILE];

  // All five printed by one mapc, as a user builds a folder of plans: one process and one
  // browser context, where a mapc for each cost both five times over.
  let dir: string;
  let build: Outcome;
  beforeAll(async () => {
    dir = tempDir('pdf-syntax');
    TITLES.forEach((title, i) =>
      writeFileSync(
        join(dir, `title-${i}.yaml`),
        goodSource().replace('title: Children and Families Plan', `title: ${JSON.stringify(title)}`).replace(`id: ${GOOD_ID}`, `id: title-${i}`),
      ),
    );
    build = await mapc(['build', '--to', 'pdf', '--out', 'out', ...TITLES.map((_, i) => `title-${i}.yaml`)], { cwd: dir });
  });

  /** The bookmarks of plan i: title, depth, and where each goes (page object, height). */
  function bookmarksOf(i: number) {
    expectOrderly(build, 0);
    const file = join(dir, 'out', `title-${i}.pdf`);
    expect(pdfIsSound(file), `title-${i}.pdf is a sound PDF`).toBe(true);
    expect(pdfInfo(file).Title).toBe(TITLES[i]);
    const flat = (items: ReturnType<typeof pdfOutline>, depth: number): string[] =>
      items.flatMap((item) => {
        const dest = (item as unknown as { dest: [string, string, number, number] }).dest;
        return [`${depth} ${item.title} → ${dest[0]} at ${Math.round(dest[3] / 50)}`, ...flat(item.kids, depth + 1)];
      });
    return flat(pdfOutline(file), 1);
  }

  it.each(HOSTILE.map((title, i) => [title, i + 1] as const))('a title "%s" is printed, and its bookmarks are those of any other title', (title, i) => {
    expect(bookmarksOf(i)).toEqual(bookmarksOf(0).map((line) => line.replace('Plain title', title)));
  });
});

/** A right-to-left override left open (no closing U+202C), as in "Trojan Source" attacks. */
const BIDI = '\u202E';
/** Hebrew, Arabic, decomposed é, and a letter under 40 combining marks. */
const SCRIPTS = 'שלום עולם مرحبا بالعالم cafe\u0301 Z' + '\u0336\u0337\u0338\u0301\u0316'.repeat(8);

describe('right-to-left and combining characters', () => {
  it('are kept, and cannot turn the document\'s own text (labels, figures, dates) around', async () => {
    const { yaml, fields } = hostilePlan((n) => `rtl${n}x ${BIDI}${SCRIPTS} ZQX`);
    const dir = tempDir('bidi');
    writeFileSync(join(dir, 'bidi.yaml'), yaml);
    const out = join(dir, 'out');
    const build = await mapc(['build', '--out', out, 'bidi.yaml'], { cwd: dir });
    expectOrderly(build, 0);
    for (const name of ['every-field.pdf', 'every-field.report.pdf']) expect(pdfIsSound(join(out, name))).toBe(true);

    const reversed: string[] = [];
    let visible = '';
    for (const name of ['every-field.html', 'every-field.report.html']) {
      const { page } = await openHtml(browser(), readFileSync(join(out, name), 'utf8'));
      const result = await page.evaluate(() => {
        // Text of the document's own (not from the plan: no rtl…x marker in its text node),
        // word by word: on one line, a left-to-right word's first letter is left of its last.
        const turned: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          // (An <abbr> holds an abbreviation of the plan's text: plan text too.)
          if (/rtl\d+x/i.test(text) || node.parentElement?.closest('abbr') || (node.parentElement && getComputedStyle(node.parentElement).display === 'none')) continue;
          const at = (i: number) => {
            const range = document.createRange();
            range.setStart(node!, i);
            range.setEnd(node!, i + 1);
            return range.getBoundingClientRect();
          };
          const inOrder = (a: number, b: number, what: string) => {
            const [first, last] = [at(a), at(b)];
            if (first.width > 0 && last.width > 0 && Math.abs(first.top - last.top) <= 2 && first.left > last.left) {
              turned.push(`${what} (in <${node!.parentElement?.tagName.toLowerCase()}> "${text.trim().slice(0, 60)}")`);
            }
          };
          // Each word reads left to right, and so do the words of one line.
          const words = [...text.matchAll(/[A-Za-z0-9£(][A-Za-z0-9£,.:()]*[A-Za-z0-9)]/g)];
          words.forEach((word, i) => {
            inOrder(word.index, word.index + word[0].length - 1, word[0]);
            const next = words[i + 1];
            if (next) inOrder(word.index, next.index, `${word[0]} … ${next[0]}`);
          });
        }
        return { turned, text: document.body.innerText };
      });
      await page.close();
      reversed.push(...result.turned.map((t) => `${name}: ${t}`));
      visible += result.text;
    }
    // The letters and marks written are all there (composed or not).
    const seen = visible.normalize('NFC');
    // (Case aside: a signature is printed in capitals by the stylesheet.)
    expect(fields.filter((f) => !seen.toLowerCase().includes(`rtl${f.n}x`)).map((f) => f.path)).toEqual([]);
    for (const part of ['שלום עולם', 'مرحبا بالعالم', 'café', `Z${'\u0336\u0337\u0338\u0301\u0316'.repeat(8)}`]) expect(seen).toContain(part.normalize('NFC'));
    expect(reversed).toEqual([]);
  });
});

describe('a lot of content', () => {
  it('a 10,000-row indicator list: the HTML whole and quick; the PDF printed or refused at --timeout, nothing half-written', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `  - { id: ind-${i}, label: Indicator number ${i}, value: ${i % 97}, target: ${i % 89}, history: [{ period: 2003-04, value: ${i % 50} }] }`);
    const dir = tempDir('rows');
    writeFileSync(join(dir, 'rows.yaml'), `${goodSource().replace(/^indicators:[\s\S]*$/m, 'indicators:\n')}${rows.join('\n')}\n  - { id: adoptions, label: Children adopted from care, unit: count, value: 12, target: 15 }\n`);
    const { out, before } = earlier();

    // HTML and PDF in one build, as a user runs it: the HTML is written whole whatever
    // becomes of the PDF. Printing some 500 pages takes over a minute here: the time limit
    // stops it cleanly, and the earlier PDF stays. (A much faster machine may print it:
    // that is fine too.)
    const build = await mapc(['build', '--timeout', '2', '--out', out, 'rows.yaml'], { cwd: dir });
    expectOrderly(build, build.code === 0 ? 0 : 1);
    const page = readFileSync(join(out, `${GOOD_ID}.html`), 'utf8');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('Indicator number 9999');
    if (build.code === 1) {
      expect(build.stderr).toBe(`mapc: ${GOOD_ID}.pdf was not printed: printing took longer than 2 s.\n`);
      expect(snapshot(out)[`${GOOD_ID}.pdf`]).toBe(before[`${GOOD_ID}.pdf`]);
    } else expect(pdfIsSound(join(out, `${GOOD_ID}.pdf`))).toBe(true);
    expect(leftovers(out)).toEqual([]);
    expectManifestTrue(out);
  });

  // 64 kB, some 18 pages of one paragraph: laid out as a megabyte would be (nowhere to break
  // but its spaces, across many pages), at a sixteenth of the printing (it was 1 MB, then
  // 256 kB: 65 pages, 6 s of CPU to print, where this takes 2.5 s).
  it('a single 64 kB paragraph builds to HTML and PDF in bounded time, all of it kept', async () => {
    const words: string[] = [];
    for (let i = 0, length = 0; length < 64 * 1024; i++) length += words.push(`w${i.toString(36)}`) && words.at(-1)!.length + 1;
    const paragraph = words.join(' ');
    const lastWord = words.at(-1)!;
    expect(paragraph.length).toBeGreaterThanOrEqual(64 * 1024);
    const dir = tempDir('paragraph');
    writeFileSync(join(dir, 'long.yaml'), goodSource().replace(/^summary: \|[\s\S]*?(?=^objectives:)/m, `summary: ${paragraph}\n`));
    const { out } = earlier();
    const build = await mapc(['build', '--out', out, 'long.yaml'], { cwd: dir });
    expectOrderly(build, 0);
    expect(readFileSync(join(out, `${GOOD_ID}.html`), 'utf8')).toContain(paragraph);
    expect(pdfIsSound(join(out, `${GOOD_ID}.pdf`))).toBe(true);
    expect(Number(pdfInfo(join(out, `${GOOD_ID}.pdf`)).Pages), 'the one paragraph runs over many pages').toBeGreaterThanOrEqual(15);
    expect(execFileSync('pdftotext', ['-raw', join(out, `${GOOD_ID}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).toContain(lastWord);
    expect(leftovers(out)).toEqual([]);
    expectManifestTrue(out);
  });
});
