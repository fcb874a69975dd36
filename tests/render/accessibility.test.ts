import { describe, expect, it } from 'vitest';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { EXAMPLE_PLANS, planFile, renderAll } from '../helpers/render-plan.js';

const browser = useBrowser();

const documents = EXAMPLE_PLANS.flatMap((path) => {
  const plan = planFile(path);
  const asDraft = { ...plan, status: 'consultation' as const, isDraft: true };
  return [
    ...renderAll(plan).map((d) => ({ label: `${path} ${d.name}`, html: d.html })),
    ...renderAll(asDraft).map((d) => ({ label: `${path} ${d.name} (draft)`, html: d.html })),
  ];
});

describe('accessibility of the built-in documents', () => {
  it('renders every document of both example plans', () => {
    expect(documents.map((d) => d.label)).toEqual([
      'plans/isle-of-wight-qp-map-2002-03.yaml map',
      'plans/isle-of-wight-qp-map-2002-03.yaml report',
      'plans/isle-of-wight-qp-map-2002-03.yaml map (draft)',
      'plans/isle-of-wight-qp-map-2002-03.yaml report (draft)',
      'plans/devon-children-and-families-2004-05.yaml strategy',
      'plans/devon-children-and-families-2004-05.yaml strategy (draft)',
    ]);
  });

  it.each(documents)('$label: no axe-core violations in Chromium', async ({ html }) => {
    const { page } = await openHtml(browser(), html);
    const violations = await axeViolations(page);
    await page.close();
    expect(violations).toEqual([]);
  });

  it.each(documents)('$label: valid HTML5', async ({ html }) => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it.each(documents)('$label: language, title, one h1, headings in order, tables with captions and header cells, a skip link', async ({ html }) => {
    const { page } = await openHtml(browser(), html);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelectorAll('h1').length,
      levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
      tablesWithoutCaption: [...document.querySelectorAll('table')].filter((t) => !t.caption?.textContent?.trim()).length,
      tablesWithoutHeaders: [...document.querySelectorAll('table')].filter((t) => t.querySelectorAll('th').length === 0).length,
      skipTarget: document.querySelector('a.skip-link')?.getAttribute('href'),
      skipTargetExists: document.querySelector('#main') !== null,
    }));
    await page.close();
    expect(facts.lang).toBe('en-GB');
    expect(facts.title.length).toBeGreaterThan(10);
    expect(facts.h1).toBe(1);
    const skipped = facts.levels.filter((level, i) => i > 0 && level > facts.levels[i - 1]! + 1);
    expect(skipped).toEqual([]);
    expect(facts.tablesWithoutCaption).toBe(0);
    expect(facts.tablesWithoutHeaders).toBe(0);
    expect(facts.skipTarget).toBe('#main');
    expect(facts.skipTargetExists).toBe(true);
  });
});
