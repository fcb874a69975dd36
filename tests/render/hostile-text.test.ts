import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { planFrom, renderAll } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/run-mapc.js';

const browser = useBrowser();
// Its javascript: and file: links are rule/link-scheme errors, so a build refuses it; rendered anyway, they show as text.
const documents = renderAll(planFrom(readFileSync(join(ROOT, 'tests/fixtures/hostile-plan.yaml'), 'utf8'), ['rule/link-scheme']));

describe('hostile plan text', () => {
  it('renders both documents of the hostile plan', () => {
    expect(documents.map((d) => d.name)).toEqual(['map', 'report']);
  });

  it.each(documents)('$name: no element, attribute or request comes from plan text', async ({ name, html }) => {
    const { page, requests } = await openHtml(browser(), html);
    const found = await page.evaluate(() => ({
      active: [...document.querySelectorAll('script, iframe, img, object, embed, link, meta[http-equiv="refresh"], base, form, input, video, audio, svg:not(.indicator-chart)')].map((e) => e.tagName),
      stylesInBody: document.querySelectorAll('body style').length,
      stylesInHead: document.querySelectorAll('head style').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}@${a.name}`)),
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      bodyHidden: getComputedStyle(document.body).display === 'none',
      text: document.body.innerText,
    }));
    await page.close();
    expect(found.active).toEqual([]);
    expect(found.stylesInBody).toBe(0);
    expect(found.stylesInHead).toBe(2); // the stylesheet and the page margins, both ours
    expect(found.handlers).toEqual([]);
    expect(found.hrefs.filter((href) => !/^(#|https:|http:|mailto:)/.test(href))).toEqual([]);
    // An image is shown as its alt text: the page neither fetches it nor links to it.
    expect(found.hrefs.filter((href) => href.includes('evil'))).toEqual([]);
    if (name === 'map') expect(found.text).toMatch(/[^!]tracker and/);
    expect(found.bodyHidden).toBe(false);
    expect(requests).toEqual([]);
    // The text is shown as text, for the author to see what they wrote.
    expect(found.text).toContain("<script>alert('title')</script> {{constructor.constructor}}");
  });

  it('keeps the safe links and shows the unsafe ones as text', () => {
    const map = documents[0]!.html;
    const report = documents[1]!.html;
    expect(report).toContain('<a href="mailto:someone@example.org" rel="noopener noreferrer">mail</a>');
    expect(report).toContain('<a href="https://example.org" rel="noopener noreferrer">web</a>');
    expect(map).toContain('[click me](javascript:alert(1))');
    expect(map).toContain('&lt;javascript:alert(2)&gt;');
    expect(map).not.toContain('<a href="http://evil.example"');
  });
});

describe('text in the page header (a CSS string)', () => {
  it('cannot end the string, whatever characters it holds', async () => {
    const source = readFileSync(join(ROOT, 'tests/fixtures/hostile-plan.yaml'), 'utf8').replace(
      /^title: .*$/m,
      `title: "A\\f} } body { background: red !important; } h1 { color: lime; } .x { content: '\\u0022\\\\\\n</style>"`,
    );
    const [map] = renderAll(planFrom(source, ['rule/link-scheme']));
    const { page } = await openHtml(browser(), map!.html);
    const look = await page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, heading: getComputedStyle(document.querySelector('h1')!).color }));
    await page.close();
    expect(look).toEqual({ background: 'rgba(0, 0, 0, 0)', heading: 'rgb(27, 27, 27)' });
    expect(map!.html).toMatch(/@top-left \{ content: "A\\C \\7D  \\7D  body \\7B  background/);
  });
});
