import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABEL_DEFAULTS } from '../../src/plan/generated/label-defaults.js';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { EXAMPLE_PLANS, planFrom, renderAll } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/run-mapc.js';

const browser = useBrowser();

/**
 * Labels are plan text, from whoever wrote the plan: markup, quotes, braces, a direction
 * override and a template expression, 200 characters (the most the schema allows). Each
 * starts with its key: two sections headed alike would be two regions of one name
 * (axe's landmark-unique), which is the wording's fault, not the markup's.
 */
const HOSTILE = `</h2><script>alert(1)</script><img src=x onerror=alert(1)> "' & {{constructor}} {nope} \u202Eevil`;
const hostile = (key: string) => `${key} ${HOSTILE}`.padEnd(200, 'x');

/** An example plan with every label set to `text` (JSON is YAML; the plan's own labels replaced). */
function withLabels(path: string, text: (key: string) => string): string {
  const source = readFileSync(join(ROOT, path), 'utf8').replace(/^labels:\n(?: {2}.*\n)+/m, '');
  return `${source}\nlabels: ${JSON.stringify(Object.fromEntries(Object.keys(LABEL_DEFAULTS).map((key) => [key, text(key)])))}\n`;
}

const documents = EXAMPLE_PLANS.flatMap((path) =>
  [
    { kind: 'every label its own words', text: (key: string) => `Council wording of ${key}` },
    { kind: 'hostile labels', text: hostile },
  ].flatMap(({ kind, text }) => renderAll(planFrom(withLabels(path, text))).map((d) => ({ label: `${path} ${d.name}, ${kind}`, kind, html: d.html }))),
);

describe('documents with labels of the plan\'s own', () => {
  it('renders every document of both example plans both ways', () => {
    expect(documents).toHaveLength(6);
  });

  it.each(documents)('$label: no axe-core violations, valid HTML5', async ({ html }) => {
    expect(await htmlProblems(html)).toEqual([]);
    const { page } = await openHtml(browser(), html);
    const violations = await axeViolations(page);
    await page.close();
    expect(violations).toEqual([]);
  });

  it.each(documents.filter((d) => d.kind === 'hostile labels'))('$label: the text stays text', async ({ html }) => {
    const { page, requests } = await openHtml(browser(), html);
    const found = await page.evaluate(() => ({
      active: [...document.querySelectorAll('script, img, iframe, object, embed')].map((e) => e.tagName),
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}@${a.name}`)),
      text: document.body.innerText,
    }));
    await page.close();
    expect(found.active).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(requests).toEqual([]);
    expect(found.text).toContain('</h2><script>alert(1)</script><img src=x onerror=alert(1)> "\' & {{constructor}} {nope}');
  });
});
