import { describe, expect, it } from 'vitest';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { planFrom, renderAll } from '../helpers/render-plan.js';
import { useRequestTrap } from '../helpers/request-trap.js';

const browser = useBrowser();
const trap = useRequestTrap();

/** Headings of every level written inside the plan's text fields, where a planning officer might paste them. */
const headed = (kind: string) => `mapc: 1
id: headed
kind: ${kind}
title: Headed plan
authority: Test Council
period: 2002-03
status: approved
summary: |-
  # Summary heading

  Introductory text.

  ### Background heading

  More text.
objectives:
  - id: first
    title: First objective
    national: [QP1]
    summary: |-
      ## Objective heading

      Objective narrative.

      ###### Deepest heading
    achievements:
      - "## Achievement heading\\n\\nDone."
    actions:
      - "### Action heading\\n\\nTo do."
    indicators: [moves]
indicators:
  - id: moves
    label: Placement moves
    value: 8
    note: "#### Note heading\\n\\nA note."
strategy:
  horizon: 2002-2005
  items:
    - id: item
      title: Strategy item
      text: "## Item heading\\n\\nItem text."
${kind === 'qp-map' ? `report:
  committee: Children's Committee
  date: 2002-04-30
  from: Director
  purpose: "## Purpose heading\\n\\nTo approve the plan."
  background: "# Background heading\\n\\nHistory."
  sections:
    - heading: A section
      body: "### Section heading\\n\\nBody."
      closing: "## Closing heading\\n\\nEnd."
  conclusion: "## Conclusion heading\\n\\nSo."
  recommendations: ["## Recommendation heading\\n\\nThat the plan be approved."]
` : ''}`;

const documents = ['qp-map', 'strategy'].flatMap((kind) => renderAll(planFrom(headed(kind)))).map((d) => ({ label: d.name, html: d.html }));

describe('headings written inside a text field', () => {
  it('renders the map, its committee paper and the strategy part', () => {
    expect(documents.map((d) => d.label)).toEqual(['map', 'report', 'strategy']);
  });

  it.each(documents)('$label: no axe-core violation (heading-order among them) in Chromium, and every heading level follows from the one before', async ({ html }) => {
    const { page } = await openHtml(browser(), html);
    const violations = await axeViolations(page);
    const levels = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])));
    await page.close();
    expect(violations).toEqual([]);
    expect(levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1)).toEqual([]);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
  });

  it.each(documents)('$label: the headings\' words are still printed, and the HTML is valid', async ({ label, html }) => {
    const printed: Record<string, string[]> = {
      map: ['Summary heading', 'Background heading', 'Objective heading', 'Deepest heading', 'Action heading', 'Note heading', 'Item heading'],
      report: ['Purpose heading', 'Background heading', 'Section heading', 'Closing heading', 'Conclusion heading', 'Recommendation heading', 'Achievement heading'],
      strategy: ['Summary heading', 'Objective heading', 'Deepest heading', 'Achievement heading', 'Action heading', 'Note heading', 'Item heading'],
    };
    for (const words of printed[label]!) expect(html).toContain(words);
    expect(await htmlProblems(html)).toEqual([]);
  });
});

/** A plan with an image in a block text field and in an inline one, pointed at the test's server. */
const pictured = () => `mapc: 1
id: pictured
kind: qp-map
title: Pictured plan
authority: Test Council
period: 2002-03
status: approved
summary: "Before ![Chart of placement moves](${trap.origin}/summary.png) after."
objectives:
  - id: first
    title: First objective
    national: [QP1]
    actions:
      - id: act
        text: "Act ![Photo of the team](${trap.origin}/action.png) now."
`;

describe('an image written in a text field', () => {
  it('prints as its alt text: no image, no stray "!", no link to the picture, and nothing is fetched', async () => {
    const [map] = renderAll(planFrom(pictured()));
    const { page, requests } = await openHtml(browser(), map!.html);
    const text = await page.evaluate(() => document.body.innerText);
    const pictures = await page.evaluate(() => document.querySelectorAll('img, a[href$=".png"]').length);
    await page.close();
    expect(text).toContain('Before Chart of placement moves after.');
    expect(text).toContain('Act Photo of the team now.');
    expect(text).not.toMatch(/!/);
    expect(pictures).toBe(0);
    expect(map!.html).not.toContain('.png');
    expect(requests).toEqual([]);
    expect(trap.requests).toEqual([]);
  });
});
