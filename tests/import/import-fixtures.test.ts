import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mapc.js';
import { renderAll } from '../helpers/render-plan.js';
import { DEVON_PLAN, handPlan, importText, IOW_PLAN, itemsFound, validPlan } from './helpers.js';

const read = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));
const everyItemInPlace = (of: number) => ({ of, missing: 0, moved: 0, extra: 0 });

/**
 * The source documents (tests/fixtures/seeds: the seeds as they are), and a Word document
 * and a web page made from each example (tests/fixtures/import/make-fixtures.mjs): each
 * imports to a plan that validates, and diffing it against the hand-encoded plan finds
 * every achievement and action in the right objective and the right list.
 */
describe.each([
  ['the Isle of Wight paper as text', 'tests/fixtures/seeds/isle-of-wight-paper-b.txt'],
  ['the Isle of Wight paper as Word', 'tests/fixtures/import/iow-paper-b.docx'],
  ['the Isle of Wight paper as a web page', 'tests/fixtures/import/iow-paper-b.html'],
])('%s', (_name, file) => {
  it('is every objective, achievement and key action point of the hand-encoded plan, with the paper around them', async () => {
    const outcome = await importText(read(file), file);
    const plan = validPlan(outcome.yaml);
    expect(itemsFound(handPlan(IOW_PLAN), plan)).toEqual({
      achievements: everyItemInPlace(29),
      actions: everyItemInPlace(0),
      objectives: { of: 11, missing: 0, extra: 0 },
      keyActions: { of: 6, missing: 0, extra: 0 },
      strategy: { of: 0, missing: 0, extra: 0 },
    });
    expect(plan).toMatchObject({ kind: 'qp-map', title: 'Quality Protects Management Action Plan 2002-2003', authority: 'Isle of Wight Council', period: '2002-03', emphases: handPlan(IOW_PLAN).emphases });
    expect(plan.report).toMatchObject({
      date: '2002-04-30',
      paper: 'B',
      from: 'Strategic Director of Social Services and Housing',
      recommendations: ['Members are invited to note the key action points and endorse the approach as outlined.'],
      backgroundPapers: ['Quality Protects Management Action Plan 2002-2003.'],
      contacts: [{ name: 'Jimmy Doyle', phone: 'Ext: 2247, F 520600' }, { name: 'Mary Brimson', phone: '525790' }],
      signedBy: { name: 'C Waddicor', role: 'Director of Social Services & Housing' },
    });
    expect(plan.report?.committee).toMatch(/^Children[’']?s[’']? Committee$/i);
    expect(plan.report?.sections.map((s) => s.include)).toEqual(['emphases', 'keyActions']);
  });

  it('gives the same bytes every time', async () => {
    expect((await importText(read(file), file)).yaml).toBe((await importText(read(file), file)).yaml);
  });
});

describe.each([
  ['Devon\'s part 3.2 as text (a page copied from the browser)', 'tests/fixtures/seeds/devon-part-3-2.txt'],
  ['Devon\'s part 3.2 as Word, a two-column table per theme', 'tests/fixtures/import/devon-children-and-families.docx'],
  ['Devon\'s part 3.2 as a web page, a two-column table per theme', 'tests/fixtures/import/devon-children-and-families.html'],
])('%s', (_name, file) => {
  it('is every theme, achievement, action and strategy item of the hand-encoded plan', async () => {
    const outcome = await importText(read(file), file);
    const plan = validPlan(outcome.yaml);
    expect(itemsFound(handPlan(DEVON_PLAN), plan)).toEqual({
      achievements: everyItemInPlace(29),
      actions: everyItemInPlace(27),
      objectives: { of: 7, missing: 0, extra: 0 },
      keyActions: { of: 0, missing: 0, extra: 0 },
      strategy: { of: 5, missing: 0, extra: 0 },
    });
    expect(plan).toMatchObject({ id: 'devon-children-and-families-2004-05', kind: 'strategy', title: 'Children and Families', period: '2004-05', reviewPeriod: '2001-2004', part: { number: '3.2', title: 'Part 3 - User and Carer Services' } });
    expect(plan.strategy).toMatchObject({ title: 'Medium Term Strategy to 2008', horizon: '2008' });
    expect(outcome.yaml).toContain('\n  CAMHS: Child and Adolescent Mental Health Strategy\n');
    expect(outcome.yaml).not.toMatch(/Part 3\.3|Contents|Cookies|Council home/);
  });
});

describe('a round trip: a plan built to HTML, imported again', () => {
  it.each([
    [IOW_PLAN, { achievements: everyItemInPlace(29), actions: everyItemInPlace(0), objectives: { of: 11, missing: 0, extra: 0 }, keyActions: { of: 6, missing: 0, extra: 0 }, strategy: { of: 0, missing: 0, extra: 0 } }],
    [DEVON_PLAN, { achievements: everyItemInPlace(29), actions: everyItemInPlace(27), objectives: { of: 7, missing: 0, extra: 0 }, keyActions: { of: 0, missing: 0, extra: 0 }, strategy: { of: 5, missing: 0, extra: 0 } }],
  ])('%s loses no objective, achievement, action, key action point or strategy item', async (path, found) => {
    const plan = handPlan(path);
    const page = renderAll(plan).find((d) => !d.baseName.endsWith('.report'))!;
    const outcome = await importText(page.html, `${page.baseName}.html`);
    const imported = validPlan(outcome.yaml);
    expect(itemsFound(plan, imported)).toEqual(found);
    expect(imported).toMatchObject({ title: plan.title, authority: plan.authority, period: plan.period, emphases: plan.emphases });
    // Nothing left over that mapc could not place.
    expect(imported.summary).toBeUndefined();
  });
});
