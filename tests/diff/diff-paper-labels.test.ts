import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { buildDiffView } from '../../src/diff-report/diff-view.js';
import { DiffRenderer } from '../../src/diff-report/render-diff.js';
import { planFrom } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/mapc.js';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { withLabels, withMarkers } from '../helpers/label-markers.js';

/**
 * The "Changes since" paper's own headings and phrases, which its template wrote, are the
 * new plan's labels: with every label set to a marker, none of them is left. (The
 * sentences the diff itself composes, the summary, each change's verb and outcome, are
 * still its own words: not looked for here.)
 */
const TEMPLATE_PHRASES = [
  'compared with',
  "This year's plan",
  "Last year's plan",
  'The two plans say the same thing',
  'Please check:',
  'paired with last year',
  'The changes in numbers',
  'Number',
  'How changes are marked',
  'Achieved / Done',
  'is reported achieved, or marked done',
  'still open this year',
  'marked dropped',
  'Not reported',
  'gone from the plan without a word',
  'Improved, worsened, unchanged',
  "an indicator's new figure",
  'Added, removed, changed, moved',
  'items of the plan',
  'struck through',
  'underlined',
  'words removed from, and added to, a text',
  'and what the',
  'plan says of it',
  'Outcome',
  'What the new plan says',
  'Please check this match',
  "Each indicator's figure last year and this year",
  'This year',
  'National figure',
  'Not compared',
  'Changes, section by section',
  'Rewritten; it was:',
];

/**
 * Phrases that the diff's own sentences use too ("→ Carried forward" is an outcome,
 * "Performance indicators: other changes" a group, "Last year's key action points
 * completed" a count, "Changes since" the title, "What became of" the follow-through's heading): looked for where the template wrote
 * them, in its markup.
 */
const TEMPLATE_MARKUP = [
  '<h2 id="summary">Summary</h2>',
  '<th scope="col">What</th>',
  '</span> Carried forward</dt>',
  '<h2 id="indicator-changes">Performance indicators</h2>',
  '<th scope="col">Indicator</th>',
  '<th scope="col">Last year</th>',
  '<th scope="col">Change</th>',
  '<th scope="col">Target</th>',
  'data-label="Last year"',
  'data-label="Change"',
];

const OLD = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const NEW = 'plans/isle-of-wight-qp-map-2003-04.yaml';

const browser = useBrowser();

/** Label text from whoever wrote the plan: markup, quotes, braces, a direction override, 200 characters. */
const hostile = (key: string) => `${key} </h2><script>alert(1)</script> "' & {{constructor}} {nope} {count} \u202Eevil`.padEnd(200, 'x');

/** The paper, as HTML, of the two plans as `labelled` writes them. */
function render(detail: boolean, labelled: (path: string) => string = withMarkers): string {
  const [oldPlan, newPlan] = [planFrom(labelled(OLD)), planFrom(labelled(NEW))] as const;
  const view = buildDiffView(diffPlans(oldPlan, newPlan), oldPlan, newPlan, { old: OLD, new: NEW }, { detail });
  const html = new DiffRenderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'mapc test' }).render(view, oldPlan, newPlan).html;
  return html;
}

/** The paper's body, as HTML, with every label set to its marker. */
function paper(detail: boolean): string {
  return render(detail).replace(/<head>[\s\S]*<\/head>/, '');
}

/** What a reader sees, the markers taken out ("[diffSummary]" is not "Summary"). */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\[\w+\]/g, ' ').replace(/\s+/g, ' ');
}

const standsIn = (text: string, phrase: string) => new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text);

describe('the "Changes since" paper with every label set', () => {
  it.each([false, true])('detail %s: none of its template\'s own phrases is left', (detail) => {
    const html = paper(detail);
    expect(TEMPLATE_PHRASES.filter((phrase) => standsIn(textOf(html), phrase))).toEqual([]);
    expect(TEMPLATE_MARKUP.filter((markup) => html.includes(markup))).toEqual([]);
  });
});

describe('the "Changes since" paper with hostile labels', () => {
  it.each([false, true])('detail %s: valid HTML5, no axe-core violations, the text stays text', async (detail) => {
    const html = render(detail, (path) => withLabels(path, hostile));
    expect(await htmlProblems(html)).toEqual([]);
    const { page, requests } = await openHtml(browser(), html);
    const text = await page.evaluate(() => document.body.innerText);
    const violations = await axeViolations(page);
    await page.close();
    expect(violations).toEqual([]);
    expect(text).toContain('</h2><script>alert(1)</script> "\' & {{constructor}} {nope}');
    expect(requests).toEqual([]);
  });
});
