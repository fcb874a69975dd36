import { describe, expect, it } from 'vitest';
import { htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { planFile, planFrom, renderAll } from '../helpers/render-plan.js';

const browser = useBrowser();

/**
 * Objectives whose ids are another's id with a suffix the templates add to it ("-title" for
 * its heading, "-achieved" and "-actions" for its column headings), each with an
 * achievement and an action so that every suffixed id is written.
 */
const objectives = ['foo', 'foo-title', 'foo-achieved', 'foo-actions']
  .map((id, i) => `  - id: ${id}\n    title: Objective ${id}\n    national: [QP${i + 1}]\n    achievements: [Achieved ${id}.]\n    actions: [Act on ${id}.]\n`)
  .join('');
const head = (kind: string, report = '') => `mapc: 1\nid: anchors\nkind: ${kind}\ntitle: Anchors plan\nauthority: Test Council\nperiod: 2002-03\nstatus: approved\n${report}objectives:\n`;
const REPORT = `report:
  committee: Children's Committee
  date: 2002-04-30
  from: Director
  purpose: To approve the plan.
  recommendations: [That the plan be approved.]
`;

const documents = [
  ...renderAll(planFrom(head('qp-map', REPORT) + objectives)),
  ...renderAll(planFrom(head('strategy') + objectives)),
].map((d) => ({ label: `${d.name} of a plan with objectives foo and foo-title`, html: d.html }));

/** Ids written more than once, and references (href="#…", aria-labelledby, headers, for) to ids that are not there. */
async function anchorFaults(html: string): Promise<{ duplicates: string[]; unresolved: string[] }> {
  const { page } = await openHtml(browser(), html);
  const faults = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    const references = [
      ...[...document.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))),
      ...[...document.querySelectorAll('[aria-labelledby], [aria-describedby], [headers], label[for]')].flatMap((e) =>
        ['aria-labelledby', 'aria-describedby', 'headers', 'for'].flatMap((name) => (e.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)),
      ),
    ];
    return { duplicates, unresolved: references.filter((id) => !document.getElementById(id)) };
  });
  await page.close();
  return faults;
}

describe('every id in a document is written once, and every reference in it resolves', () => {
  it('renders the map, the committee paper and the strategy part', () => {
    expect(documents.map((d) => d.label.split(' ')[0])).toEqual(['map', 'report', 'strategy']);
  });

  it.each(documents)('$label: no id twice, no reference to a missing id (Chromium)', async ({ html }) => {
    expect(await anchorFaults(html)).toEqual({ duplicates: [], unresolved: [] });
  });

  it.each(documents)('$label: html-validate finds no duplicate id', async ({ html }) => {
    expect((await htmlProblems(html)).filter((p) => p.includes('no-dup-id'))).toEqual([]);
  });

  it('the anchors others link to stay as they were: objective-<id>, action-<id>, indicator-<id>', () => {
    const [map] = renderAll(planFile('plans/isle-of-wight-qp-map-2002-03.yaml'));
    expect(map!.html).toContain('id="objective-qp1"');
    expect(map!.html).toContain('href="#objective-qp1"');
    const [strategy] = renderAll(planFile('plans/devon-children-and-families-2004-05.yaml'));
    expect(strategy!.html).toContain('id="objective-stability-of-care"');
  });
});
