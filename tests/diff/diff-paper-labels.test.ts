import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { renderDiffPaper } from '../../src/diff-report/diff-formats.js';
import { planFrom } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/mapc.js';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { withLabels, withMarkers } from '../helpers/label-markers.js';

/**
 * The "Changes since" paper's own headings and phrases, which its template wrote, and the
 * sentences the diff composes in code (CODE_MARKUP), are the new plan's labels: with every
 * label set to a marker, none of them is left.
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
  // What a screen reader says of a word diff's words.
  '[added: ',
  '[removed: ',
];

/**
 * The diff's own sentences, headings and words (diff-view.ts, diff-groups.ts,
 * follow-through-rows.ts, summarise.ts), looked for in the markup around them: the
 * plans' own text uses the same words.
 */
const CODE_MARKUP = [
  '<h1>Changes since',
  '<h2 id="follow-through">What became of',
  // The summary sentence.
  'summary-sentence">3 key action points completed',
  ', 2 carried forward,',
  ', 1 dropped,',
  '3 indicators improved',
  ', 2 worsened,',
  ', 3 unchanged,',
  ', 1 corrected for the same period.',
  // The counts.
  '<th scope="row">Last year&#x27;s key action points completed</th>',
  '<th scope="row">Last year&#x27;s key action points carried forward</th>',
  '<th scope="row">… of which with a later date</th>',
  '<th scope="row">Last year&#x27;s key action points dropped</th>',
  '<th scope="row">Last year&#x27;s key action points not reported on</th>',
  '<th scope="row">Indicators improved</th>',
  '<th scope="row">Indicators worsened</th>',
  '<th scope="row">Items added</th>',
  '<th scope="row">Items removed</th>',
  '<th scope="row">Items moved to another objective</th>',
  '<th scope="row">Fields changed</th>',
  // What became of last year's key action points.
  '</span> Achieved</span></th>',
  '</span> Carried forward</span></th>',
  '</span> Done</span></th>',
  '</span> Dropped</span></th>',
  '<span class="kind">Key action point</span>',
  '>Reported as achieved',
  '>Marked done',
  '>Marked dropped',
  '(objective ',
  '>Still a key action point.',
  '>Still a key action point, reworded.',
  // Changes, section by section.
  '<h3 id="group-plan">The plan</h3>',
  '<h3 id="group-key-actions">Key action points</h3>',
  '<h3 id="group-objective-qp1">Objective 1:',
  '<h3 id="group-indicators">Performance indicators: other changes</h3>',
  '<h3 id="group-report">Covering paper</h3>',
  '<strong class="verb">Added ',
  '<strong class="verb">Removed ',
  '<strong class="verb">Changed ',
  '<strong class="verb">Moved ',
  ' achievement:</strong>',
  ' action:</strong>',
  ' key action point:</strong>',
  ' indicator:</strong>',
  ' objective:</strong>',
  ' plan:</strong>',
  ' covering paper:</strong>',
  'class="details">(achieved)',
  'class="details">(done)',
  'class="details">(dropped)',
  'class="details">(In progress;',
  'class="details">(due ',
  '; lead: ',
  // How a pair was matched.
  'class="how">(matched by similar wording',
  'class="how">matched by similar wording',
  // The indicators table.
  '</span> Improved</span>',
  '</span> Worsened</span>',
  '</span> Unchanged</span>',
  '</span> Corrected</span>',
  '<span class="polarity">Higher is better',
  '<span class="polarity">Lower is better',
  'figure corrected: not a new year',
  // An indicator against its target and the national figure.
  '>6% by 2003-04',
  ': not yet due, 1 point to go',
  '; our lead over the national figure grew from 4 to 5 points',
  'shrank from 2 to 1 point',
  // A changed field's value: a target and its period.
  '<span class="after">6% by ',
];

/** An indicator awaiting its new figure, which the Isle of Wight's plans do not have: a rolled-over plan's. */
const ROLLOVER_MARKUP = ['</span> Awaiting new figure</span>', '>Not yet entered</td>', 'figure is now in the indicator&#x27;s history'];

const OLD = 'plans/isle-of-wight-qp-map-2002-03.yaml';
const NEW = 'plans/isle-of-wight-qp-map-2003-04.yaml';
const ROLLOVER = { old: 'tests/fixtures/diff/family-services-2002-03.yaml', new: 'tests/fixtures/diff/family-services-2003-04.rolled.yaml' };

const browser = useBrowser();

/** Label text from whoever wrote the plan: markup, quotes, braces, a direction override, 200 characters. */
const hostile = (key: string) => `${key} </h2><script>alert(1)</script> "' & {{constructor}} {nope} {count} \u202Eevil`.padEnd(200, 'x');

/** The paper, as HTML, of the two plans as `labelled` writes them, as `mapc diff --format html|pdf` makes it. */
async function render(detail: boolean, labelled: (path: string) => string = withMarkers, files = { old: OLD, new: NEW }): Promise<string> {
  return (await renderPaper(detail, labelled, files)).html;
}

/** The paper with what its PDF's metadata says. */
async function renderPaper(detail: boolean, labelled: (path: string) => string, files = { old: OLD, new: NEW }) {
  const [oldPlan, newPlan] = [planFrom(labelled(files.old)), planFrom(labelled(files.new))] as const;
  const input = { diff: diffPlans(oldPlan, newPlan), oldPlan, newPlan, files, color: false, packageRoot: ROOT, cwd: ROOT, generator: 'mapc test', detail };
  return renderDiffPaper(input);
}

/** The paper's body, as HTML, with every label set to its marker. */
async function paper(detail: boolean): Promise<string> {
  return (await render(detail)).replace(/<head>[\s\S]*<\/head>/, '');
}

/** What a reader sees, the markers taken out ("[diffSummary]" is not "Summary"). */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\[\w+\]/g, ' ').replace(/\s+/g, ' ');
}

const standsIn = (text: string, phrase: string) => new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text);

describe('the "Changes since" paper with every label set', () => {
  it.each([false, true])('detail %s: none of its template\'s own phrases is left', async (detail) => {
    const html = await paper(detail);
    expect(TEMPLATE_PHRASES.filter((phrase) => standsIn(textOf(html), phrase))).toEqual([]);
    expect(TEMPLATE_MARKUP.filter((markup) => html.includes(markup))).toEqual([]);
  });

  it.each([false, true])('detail %s: none of the sentences the diff composes is left', async (detail) => {
    const html = await paper(detail);
    expect(CODE_MARKUP.filter((markup) => html.includes(markup))).toEqual([]);
  });

  it.each([false, true])('detail %s: each changed field is named by a label', async (detail) => {
    const names = [...(await paper(detail)).matchAll(/<dt>([^<]*):<\/dt>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !/^\[\w+\]$/.test(name))).toEqual([]);
  });

  it('the PDF\'s title, subject and keyword are labels too', async () => {
    const { title, subject, keywords } = await renderPaper(false, withMarkers);
    expect([title, subject].filter((text) => /Changes since|Changes in the plan of/.test(text))).toEqual([]);
    expect(keywords).not.toContain('Changes');
  });

  it('a rolled-over plan\'s indicator awaiting its figure: none of its sentences is left', async () => {
    const html = await render(false, withMarkers, ROLLOVER);
    expect(ROLLOVER_MARKUP.filter((markup) => html.includes(markup))).toEqual([]);
  });

  it('looks for markup the paper has: each is there with the plans\' own labels', async () => {
    const asWritten = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    const both = (await render(false, asWritten)) + (await render(true, asWritten));
    expect(CODE_MARKUP.filter((markup) => !both.includes(markup))).toEqual([]);
    const rollover = await render(false, asWritten, ROLLOVER);
    expect(ROLLOVER_MARKUP.filter((markup) => !rollover.includes(markup))).toEqual([]);
  });
});

describe('the "Changes since" paper with hostile labels', () => {
  it.each([false, true])('detail %s: valid HTML5, no axe-core violations, the text stays text', async (detail) => {
    const html = await render(detail, (path) => withLabels(path, hostile));
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
