import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFile, renderAll } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/run-mapc.js';

/**
 * The example plans encode two real documents (copies of shared/seeds in
 * tests/fixtures/seeds). Rendered, they must say everything the originals say, in the
 * same order: each line of the original is looked for in the text of the output, after
 * the layout the extraction flattened (bullets, list numbers, capitals, curly quotes) is
 * set aside. The lines that differ on purpose are listed with the reason.
 */
function normalise(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/^\s*((•|\d+\.)\s+)+/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function textOf(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<\/(p|li|h\d|dt|dd|th|td|div|section|figcaption)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Lines of the original not found in order in the output; `elsewhere`: lines not looked for here. */
function differences(seed: string, html: string, elsewhere: string[] = []): string[] {
  const output = normalise(textOf(html));
  const missing: string[] = [];
  let position = 0;
  for (const raw of readFileSync(join(ROOT, 'tests/fixtures/seeds', seed), 'utf8').split('\n')) {
    const line = normalise(raw);
    if (line === '' || elsewhere.includes(raw.trim())) continue;
    const at = output.indexOf(line, position);
    if (at < 0) missing.push(raw.trim());
    else position = at + line.length;
  }
  return missing;
}

describe('the example plans reproduce their source documents', () => {
  it('Isle of Wight Paper B: every line, in order, except the reworded header and contacts', () => {
    const report = renderAll(planFile('plans/isle-of-wight-qp-map-2002-03.yaml')).find((d) => d.name === 'report')!;
    expect(differences('isle-of-wight-paper-b.txt', report.html)).toEqual([
      // The header block is printed as "Committee: Children's Committee", in normal case.
      'Committee : CHILDRENS’ COMMITTEE',
      'Date :30 APRIL 2002',
      'Title :QUALITY PROTECTS MANAGEMENT ACTION PLAN 2002-2003',
      // The stray full stop of ".BACKGROUND" (the paper's own headings, SUMMARY/PURPOSE and
      // ADDITIONAL PAPERS among them, are the plan's labels).
      '.BACKGROUND',
      // Contacts are listed one a line: "Jimmy Doyle, telephone Ext: 2247, F 520600".
      'Contact Point: Jimmy Doyle, Ext: 2247, F 520600',
      'Mary Brimson _ 525790',
      // The plan corrects the typo "100/%" to "100%".
      '• 100% of children on the child protection register were reviewed within timescale with 100/% of children on the register having an allocated Social Worker',
    ]);
  });

  it('Devon Part 3.2: every line, in order, except the strategy items\' titles and the page links', () => {
    const strategy = renderAll(planFile('plans/devon-children-and-families-2004-05.yaml'))[0]!;
    // The original's table printed its column headings once, above the first theme; mapc
    // prints them in each theme, after its title. They are the plan's labels, found word for
    // word by tests/render/labels.test.ts.
    const columnHeadings = ['What we have achieved through the Strategic Programme (2001-2004)', 'Actions to Improve Performance (2004 - 2005)'];
    expect(differences('devon-part-3-2.txt', strategy.html, columnHeadings)).toEqual([
      // Each strategy item's title is a heading of its own rather than "Title: text".
      '1. Staff recruitment, retention, skill mix and workforce development: Includes changes to salary progression, supervision, grades, working practices and broader staff mix as well as ongoing work to improve training and individual staff skills. To achieve a 1% efficiency saving through reduced sickness and absence cover, more flexible use of staff, e.g. through greater use of non-fieldwork social workers to manage stable cases, greater use of voluntary agency staff to provide early years key working and care leavers Personal Advisors.',
      '2. Behaviour Assessment and Support Services: To reduce demand for residential placements and support increased family care of children with complex needs. Divert funding from purchasing residential placements into development of specialist services to support children and young people in family settings, either through kinship or specialist foster care. Jointly with Education and Health develop locally based risk management processes, skills and services to include intensive community/family support, backed up by small purpose built residential assessment facility and enhancement of specialist foster care, therapeutic and crisis resolution provision and school support programmes. There is a significant linkage with the Local Education Authority Emotional and Behavioural Difficulties Programme and the comprehensive Child & Adolescent Mental Health (CAMH) Strategy.',
      '3. Reduce the number of children looked-after as a percentage of the population: Build on existing Public Service Agreement (PSA) work in Exeter and North Devon. Here increased diversionary work, particularly Family Group Conferencing and greater support to kinship carers, has reduced the number of children coming into care and the duration of care episodes. Develop more effective support services to parents with specific problems such as substance misuse or mental health difficulties to facilitate the expansion of Exeter and North Devon approaches across the rest of county. This should serve to reduce the number looked-after and accommodated children by 7% or approximately 47 fewer Looked-after Children and Care Leavers.',
      '4. Strengthen family support services, market management and contracting arrangements: To encourage greater stability and offer more support to family placement. This will also involve increased block contracting, negotiating annual efficiencies in Service Level Agreements (SLAs), better linkage with other prevention services and budgets (including pooling), more effective provision of supervised contact services.',
      '5. Active prevention approaches: The development of the Devon Children\'s Trust Pathfinder and increased joint working will target improved early identification and responses to needs among vulnerable children and families. e.g. Education, schools, the youth service, Connexions, Children\'s Fund, Sure Start, Health, Housing, criminal justice, voluntary agencies and other critical partnership arrangements (e.g. Domestic Violence.) This work will also involve developing shared strategic planning, commissioning and budget arrangements. Agencies working more effectively together to support families and successfully divert children and young people from more complex or problematic needs, will improve individual outcomes and reduce demand and cost pressure on Social Services.',
      // Navigation between parts comes with multi-part projects (mapc.yaml).
      'next >Part 3.3',
      '< Contents',
    ]);
  });
});
