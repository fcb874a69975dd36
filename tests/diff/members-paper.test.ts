import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { buildDiffView } from '../../src/diff-report/diff-view.js';
import { DiffRenderer } from '../../src/diff-report/render-diff.js';
import { axeViolations } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/mapc.js';
import { planFile, planFrom } from '../helpers/render-plan.js';

const browser = useBrowser();

const OLD_FILE = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const NEW_FILE = 'plans/isle-of-wight-qp-map-2003-04.yaml';
const oldPlan = planFile(OLD_FILE);
const newPlan = planFile(NEW_FILE);

function paperHtml(detail: boolean): string {
  const view = buildDiffView(diffPlans(oldPlan, newPlan), oldPlan, newPlan, { old: OLD_FILE, new: NEW_FILE }, { detail });
  return new DiffRenderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'mapc test' }).render(view, oldPlan, newPlan).html;
}

/** What a reader of the Isle of Wight paper sees in Chromium: its text, and the word changes under each heading. */
async function paper(detail: boolean) {
  const { page } = await openHtml(browser(), paperHtml(detail));
  const seen = await page.evaluate(() => ({
    // As rendered, on one line (the words "now" and "[added: …]" that only screen readers hear included).
    text: document.body.innerText.replace(/\s+/g, ' '),
    planWordChanges: document.querySelectorAll('#group-plan + .changes :is(ins, del)').length,
    coveringPaperWordChanges: document.querySelectorAll('#group-report + .changes :is(ins, del)').length,
    actionWordChanges: document.querySelectorAll('[id^="group-objective-"] + .changes :is(ins, del)').length,
  }));
  await page.close();
  return seen;
}

describe("the members' paper (the default for HTML and PDF)", () => {
  it('leaves out the file paths, ids and field counts that only officers use', async () => {
    const { text } = await paper(false);
    expect(text).not.toContain('.yaml');
    expect(text).not.toContain('iow-qp-map-200');
    expect(text).not.toMatch(/\bid:/);
    expect(text).not.toContain('Fields changed');
  });

  it("shows no word-by-word changes of the paper's own boilerplate, but still of the plan's content", async () => {
    const seen = await paper(false);
    expect(seen.planWordChanges).toBe(0);
    expect(seen.coveringPaperWordChanges).toBe(0);
    expect(seen.text).toContain('title: Quality Protects Management Action Plan 2002-2003 → now Quality Protects Management Action Plan 2003-2004');
    expect(seen.text).toContain('summary and purpose: reworded');
    // An achievement's figures are news, not boilerplate.
    expect(seen.actionWordChanges).toBeGreaterThan(0);
  });

  it("uses the plan's own terms: the 2002-03 MAP's commitments are key action points, not actions", async () => {
    const { text } = await paper(false);
    expect(text).toContain('3 key action points completed, 2 carried forward, 1 dropped, 3 indicators improved');
    expect(text).toContain("What became of last year's key action points");
    expect(text).not.toMatch(/\bactions? (completed|carried forward|dropped)/);
  });

  it('judges the target by date and words the national gap as a councillor reads it', async () => {
    const { text } = await paper(false);
    expect(text).toContain('6% by 2003-04: not yet due, 1 point to go');
    expect(text).not.toContain('not met');
    expect(text).toContain('our lead over the national figure grew from 4 to 5 points');
    expect(text).toContain('our lead over the national figure shrank from 2 to 1 point');
    expect(text).not.toMatch(/gap (widened|narrowed)/);
  });
});

describe("the members' paper on a phone (390 pixels wide)", () => {
  it('shows each indicator\'s target and national figure without scrolling sideways, each labelled', async () => {
    const { page } = await openHtml(browser(), paperHtml(false));
    await page.setViewport({ width: 390, height: 844 });
    const seen = await page.evaluate(() => {
      const row = document.querySelector('.indicator-changes tbody tr')!;
      const cells = [...row.querySelectorAll('td')];
      return {
        rightmost: Math.max(...cells.map((td) => td.getBoundingClientRect().right)),
        width: document.documentElement.clientWidth,
        labels: cells.map((td) => getComputedStyle(td, '::before').content),
      };
    });
    const violations = await axeViolations(page);
    await page.close();
    expect(seen.rightmost).toBeLessThanOrEqual(seen.width);
    expect(seen.labels).toEqual(['"Last year: " / ""', '"This year: " / ""', '"Change: " / ""', '"Target: " / ""', '"National figure: " / ""']);
    expect(violations).toEqual([]);
  });
});

describe("the officers' paper (--detail)", () => {
  it('keeps the file paths, ids, field count and word changes of the covering paper', async () => {
    const seen = await paper(true);
    expect(seen.text).toContain(`This year's plan: ${NEW_FILE}`);
    expect(seen.text).toContain('id: iow-qp-map-2002-03 → now iow-qp-map-2003-04');
    // 28: a note that changed between the years is an authorNote now, which is not compared.
    expect(seen.text).toContain('Fields changed 28');
    expect(seen.coveringPaperWordChanges).toBeGreaterThan(0);
    expect(seen.planWordChanges).toBeGreaterThan(0);
  });
});

describe('an action dropped last year', () => {
  it('is listed as dropped last year, and never counted as dropped again', () => {
    // The 2002-03 plan marks its newsletter dropped; rollover leaves it out of 2003-04.
    const fixture = (name: string) => planFrom(readFileSync(join(ROOT, 'tests/fixtures/diff', name), 'utf8'));
    const before = fixture('family-services-2002-03.yaml');
    const after = fixture('family-services-2003-04.rolled.yaml');
    const view = buildDiffView(diffPlans(before, after), before, after, { old: 'a.yaml', new: 'b.yaml' }, { detail: false });
    expect(view.summary).toBe('2 actions completed, 2 carried forward, 2 indicators awaiting a new figure.');
    expect(view.followThrough.at(-1)).toMatchObject({ id: 'newsletter', outcomeLabel: 'Dropped last year', detail: 'Already marked dropped last year: not counted again.' });
    expect(view.counts).toContainEqual({ label: "Last year's actions dropped", value: 0 });
  });
});
