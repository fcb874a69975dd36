import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/diff/diff-plans.js';
import type { Plan } from '../../src/plan/model.js';
import { buildDiffView } from '../../src/diff-report/diff-view.js';
import { DiffRenderer } from '../../src/diff-report/render-diff.js';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { planFile, planFrom } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/mapc.js';

const browser = useBrowser();

const OLD_FILE = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const NEW_FILE = 'plans/isle-of-wight-qp-map-2003-04.yaml';

/** The members' paper, or with `detail` the officers'. */
function render(oldPlan: Plan, newPlan: Plan, detail = false): string {
  const view = buildDiffView(diffPlans(oldPlan, newPlan), oldPlan, newPlan, { old: OLD_FILE, new: NEW_FILE }, { detail });
  return new DiffRenderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'mapc test' }).render(view, oldPlan, newPlan).html;
}

const iow = render(planFile(OLD_FILE), planFile(NEW_FILE));
const rolled = planFrom(readFileSync(join(ROOT, 'tests/fixtures/diff/family-services-2003-04.rolled.yaml'), 'utf8'));
const documents = [
  { label: 'the Isle of Wight, 2002-03 to 2003-04', html: iow },
  { label: 'a rolled-over plan, as a draft', html: render(planFrom(readFileSync(join(ROOT, 'tests/fixtures/diff/family-services-2002-03.yaml'), 'utf8')), rolled) },
  { label: 'two identical plans', html: render(planFile(OLD_FILE), planFile(OLD_FILE)) },
  { label: "the Isle of Wight, the officers' version (--detail)", html: render(planFile(OLD_FILE), planFile(NEW_FILE), true) },
];

describe('the "Changes since" paper', () => {
  it.each(documents)('$label: no axe-core violations in Chromium', async ({ html }) => {
    const { page, requests } = await openHtml(browser(), html);
    const violations = await axeViolations(page);
    await page.close();
    expect(violations).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.each(documents)('$label: valid HTML5', async ({ html }) => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it.each(documents)('$label: one h1, headings in order, tables with captions and header cells', async ({ html }) => {
    const { page } = await openHtml(browser(), html);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
      levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
      tablesWithoutCaption: [...document.querySelectorAll('table')].filter((t) => !t.caption?.textContent?.trim()).length,
      tablesWithoutHeaders: [...document.querySelectorAll('table')].filter((t) => t.querySelectorAll('th').length === 0).length,
    }));
    await page.close();
    expect(facts.lang).toBe('en-GB');
    expect(facts.h1.length).toBe(1);
    expect(facts.levels.filter((level, i) => i > 0 && level > facts.levels[i - 1]! + 1)).toEqual([]);
    expect(facts.tablesWithoutCaption).toBe(0);
    expect(facts.tablesWithoutHeaders).toBe(0);
  });

  it('says what changed in words and symbols, not by colour alone', async () => {
    const { page } = await openHtml(browser(), iow);
    const text = await page.evaluate(() => ({
      h1: document.querySelector('h1')!.textContent,
      summary: document.querySelector('.summary-sentence')!.textContent,
      outcomes: [...document.querySelectorAll('.follow-through tbody th')].map((th) => th.textContent!.trim()),
      assessments: [...document.querySelectorAll('.indicator-changes .assessment')].map((a) => a.textContent!.trim()),
      // With styles off, removed and added words still say so.
      firstWordDiff: document.querySelector('#group-key-actions + .changes ins')!.textContent,
      struck: getComputedStyle(document.querySelector('del')!).textDecorationLine,
      underlined: getComputedStyle(document.querySelector('ins')!).textDecorationLine,
    }));
    await page.close();
    expect(text).toEqual({
      h1: 'Changes since 2002-03',
      summary: '3 key action points completed, 2 carried forward, 1 dropped, 3 indicators improved, 2 worsened, 3 unchanged, 1 corrected for the same period.',
      outcomes: ['✓ Achieved', '✓ Achieved', '✓ Done', '→ Carried forward', '→ Carried forward', '✗ Dropped'],
      assessments: ['▲ Improved', '▲ Improved', '▼ Worsened', '= Unchanged', '= Unchanged', '= Unchanged', '▼ Worsened', '✎ Corrected', '▲ Improved'],
      firstWordDiff: '[added: reducing,]',
      struck: 'line-through',
      underlined: 'underline',
    });
  });

  it('has nothing to list for identical plans but says so', async () => {
    const { page } = await openHtml(browser(), documents[2]!.html);
    const facts = await page.evaluate(() => ({ summary: document.querySelector('.summary-sentence')!.textContent, tables: document.querySelectorAll('table').length, changes: document.querySelectorAll('.change').length }));
    await page.close();
    expect(facts).toEqual({ summary: 'No differences.', tables: 1, changes: 0 });
  });
});
