import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/model.js';
import { buildContentsView } from '../../src/render/contents-view.js';
import { Renderer, TemplateError } from '../../src/render/render-document.js';
import { axeViolations, htmlProblems } from '../helpers/accessibility.js';
import { openHtml, useBrowser } from '../helpers/browser.js';
import { planFile } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/run-mapc.js';

const browser = useBrowser();

/** The example project, mapc.yaml: Part 3.2 (approved) and Part 3.3 (a draft). */
const PROJECT = { id: 'devon-strategic-plan-2004', title: 'Social Services Strategic Plan 2004-2008', authority: 'Devon County Council' };
const PARTS = ['plans/devon-children-and-families-2004-05.yaml', 'plans/devon-part-3-3-example.yaml'].map(planFile);
const FIXTURES = join(ROOT, 'tests/fixtures/templates');

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A user's template folder made of the files given, by path. */
function templateFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'mapc-bound-templates-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

function rendererWith(template?: string): Renderer {
  return new Renderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'mapc test', ...(template === undefined ? {} : { template }) });
}

/** The contents of a project of these parts: what the contents page and the whole document's cover show. */
function contentsOf(plans: Plan[] = PARTS, project: Parameters<typeof buildContentsView>[0] = PROJECT) {
  return buildContentsView(project, plans.map((plan) => ({ plan, href: `${plan.id}.html`, pdfHref: `${plan.id}.pdf` })), `${PROJECT.id}.pdf`);
}

/** The HTML the whole-document PDF is printed from. */
function bound(renderer: Renderer, plans: Plan[] = PARTS): string {
  return renderer.renderBound(contentsOf(plans), plans);
}

/** Each part's own page, as the build writes it. */
function pages(renderer: Renderer, plans: Plan[] = PARTS): string[] {
  return plans.map((plan) => renderer.render(plan, renderer.documentsFor(plan)[0]!).html);
}

interface Heading {
  level: number;
  text: string;
}

interface BoundFacts {
  mains: number;
  h1: number;
  ids: string[];
  /** Each part's ids and headings, in order. */
  parts: { ids: string[]; headings: Heading[] }[];
  /** In-page links and aria-labelledby references with no element of that id. */
  unresolved: string[];
}

/** What Chromium's own parser makes of a bound document. */
async function boundFacts(html: string): Promise<BoundFacts> {
  const { page } = await openHtml(browser(), html);
  const facts = await page.evaluate(() => {
    const headings = (root: Element) => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({ level: Number(h.tagName[1]), text: h.textContent!.trim() }));
    const links = [...document.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)));
    const labels = [...document.querySelectorAll('[aria-labelledby]')].flatMap((e) => e.getAttribute('aria-labelledby')!.split(/\s+/));
    return {
      mains: document.querySelectorAll('main').length,
      h1: document.querySelectorAll('h1').length,
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      parts: [...document.querySelectorAll('.bound-part')].map((part) => ({ ids: [...part.querySelectorAll('[id]')].map((e) => e.id), headings: headings(part) })),
      unresolved: [...links.map((id) => `#${id}`), ...labels.map((id) => `aria-labelledby ${id}`)].filter((ref) => !document.getElementById(ref.replace(/^(#|aria-labelledby )/, ''))),
    };
  });
  await page.close();
  return facts;
}

/** The headings of a part's own page. */
async function pageHeadings(html: string): Promise<Heading[]> {
  const { page } = await openHtml(browser(), html);
  const headings = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({ level: Number(h.tagName[1]), text: h.textContent!.trim() })));
  await page.close();
  return headings;
}

/** One <main>, one h1 (the cover's), ids unique and each part's prefixed, every reference resolved, each part's headings one level down from its own page's. */
async function expectWellBound(html: string, partPages: string[]): Promise<BoundFacts> {
  const facts = await boundFacts(html);
  expect(facts.mains).toBe(1);
  expect(facts.h1).toBe(1);
  expect(facts.ids.filter((id, i) => facts.ids.indexOf(id) !== i)).toEqual([]);
  expect(facts.parts).toHaveLength(partPages.length);
  for (const [i, part] of facts.parts.entries()) {
    expect(part.ids.length).toBeGreaterThan(0);
    expect(part.ids.filter((id) => !id.startsWith(`part${i + 1}-`))).toEqual([]);
    const own = await pageHeadings(partPages[i]!);
    expect(part.headings).toEqual(own.map((h) => ({ ...h, level: Math.min(6, h.level + 1) })));
  }
  expect(facts.unresolved).toEqual([]);
  return facts;
}

describe('the whole document of a multi-part project, built from its parts', () => {
  it('binds the example project: one <main>, ids unique and prefixed by part, every in-page link resolved, each h1 of a part an h2', async () => {
    const renderer = rendererWith();
    const facts = await expectWellBound(bound(renderer), pages(renderer));
    expect(facts.parts.map((p) => p.headings[0])).toEqual([
      { level: 2, text: '3.2 Children and Families' },
      { level: 2, text: '3.3 Example Part' },
    ]);
    expect(facts.parts[0]!.ids).toContain('part1-glossary');
  });

  it('is valid HTML5 with no axe-core violations', async () => {
    const html = bound(rendererWith());
    expect(await htmlProblems(html)).toEqual([]);
    const { page } = await openHtml(browser(), html);
    const violations = await axeViolations(page);
    await page.close();
    // Each part's section of achievements and actions is a region named by its heading; Part 3.2
    // words its heading as its source did (its labels), so the two regions' names differ
    // (landmark-unique), as they did not when both parts printed mapc's default heading.
    expect(violations).toEqual([]);
  });

  it('names each draft part\'s notice for its part, so two drafts give two distinct regions (axe-core, landmark-unique)', async () => {
    const drafts = PARTS.map((plan) => ({ ...plan, status: 'draft' as const, isDraft: true }));
    const { page } = await openHtml(browser(), bound(rendererWith(), drafts));
    const violations = await axeViolations(page);
    const names = await page.$$eval('.bound-part > .draft-notice', (notices) => notices.map((notice) => notice.getAttribute('aria-label')));
    await page.close();
    expect(violations).toEqual([]);
    expect(names).toEqual(['Draft status: 3.2 Children and Families', 'Draft status: 3.3 Example Part']);
  });

  it('says of the whole document, on the contents page and the cover, that it is not final, and of a draft part that it is not', () => {
    const renderer = rendererWith();
    const contents = contentsOf();
    const whole = 'DRAFT</strong>: One part is a draft. The document is final only once every part is submitted or approved.';
    expect(renderer.renderContents(contents)).toContain(whole);
    const html = renderer.renderBound(contents, PARTS);
    expect(html).toContain(whole);
    // Part 3.3's own notice, in the whole document as on its own page, is a plan's.
    expect(html).toContain('DRAFT</strong>: Draft. This plan has not been submitted or approved.');
    expect(pages(renderer)[1]).toContain('DRAFT</strong>: Draft. This plan has not been submitted or approved.');
  });

  it("words the cover's draft notice with the project's labels, its mark too", () => {
    const contents = contentsOf(PARTS, { ...PROJECT, labels: { draftMark: 'DRAFFT', onePartDraft: 'Un rhan yn ddrafft' } });
    const html = rendererWith().renderBound(contents, PARTS);
    expect(html).toContain('<p class="draft-notice"><strong>DRAFFT</strong>: Un rhan yn ddrafft.');
  });

  it("moves the headings of a plan's own markdown down a level too", () => {
    const withHeading = { ...PARTS[0]!, summary: 'Our aims.\n\n## Local priorities\n\nFirst, stability.' };
    const renderer = rendererWith();
    expect(pages(renderer, [withHeading])[0]).toContain('<h2>Local priorities</h2>');
    expect(bound(renderer, [withHeading, PARTS[1]!])).toContain('<h3>Local priorities</h3>');
  });

  it("binds with a user's folder that gives its own body partial (tests/fixtures/templates/own-body), in mapc's page", async () => {
    const renderer = rendererWith(join(FIXTURES, 'own-body'));
    const partPages = pages(renderer);
    expect(partPages[0]).toContain(`<p class="own-body">Set out with the council's own template.</p>`);
    expect(partPages[0]).toContain('<a class="skip-link" href="#main">');
    const html = bound(renderer);
    expect(html.split('<p class="own-body">').length - 1).toBe(2);
    const facts = await expectWellBound(html, partPages);
    expect(facts.parts[1]!.ids).toContain('part2-themes');
  });

  it("binds with mapc's own templates given as a user's folder, to the same document", () => {
    expect(bound(rendererWith(join(ROOT, 'templates')))).toBe(bound(rendererWith()));
  });

  it("refuses to bind a user's whole-page document.hbs that has no {{> body}}, saying what to do; its pages still build", () => {
    const renderer = rendererWith(join(FIXTURES, 'whole-page'));
    expect(pages(renderer)[0]).toContain('<h2 id="themes">Themes</h2>');
    expect(() => bound(renderer)).toThrow(TemplateError);
    expect(() => bound(renderer)).toThrow(
      "tests/fixtures/templates/whole-page/strategy/document.hbs does not include {{> body}}, so its parts cannot be bound into one document: put the document's content in strategy/body.hbs and write {{> body}} where it was.",
    );
  });

  it.each([
    ['an id written as it is', '<section id="themes">\n', "body.hbs:1:10: write the id as id=\"{{anchorId …}}\""],
    ['an id from a field', '<li id="{{anchor}}">\n', 'body.hbs:1:5: write the id as id="{{anchorId …}}"'],
    ['an in-page link', '<p>\n<a href="#themes">Themes</a>\n', 'body.hbs:2:4: write the link as href="#{{anchorId …}}"'],
    ['a label', '<nav aria-labelledby="themes">\n', 'body.hbs:1:6: write the reference as aria-labelledby="{{anchorId …}}"'],
    ['a heading', '<h2>Themes</h2>\n', 'body.hbs:1:1: write the heading as <h{{level 2}}>…</h{{level 2}}>'],
    ['a <main>', '<main>\n</main>\n', 'body.hbs:1:1: write the main content as {{#main}}…{{/main}}'],
  ])("refuses to bind a user's body partial with %s, saying where and what to write", (_, body, message) => {
    const renderer = rendererWith(templateFolder({ 'strategy/body.hbs': body }));
    expect(() => bound(renderer)).toThrow(TemplateError);
    expect(() => bound(renderer)).toThrow(`strategy/${message}, so that the parts can be bound into one document, where each part's ids are prefixed and its headings are a level down.`);
  });

  it("looks into the user's partials that a body includes, and the built-in partials the user replaced", () => {
    const glossary = '{{#with (glossaryEntries)}}{{#if length}}\n<section class="glossary" id="glossary"></section>\n{{/if}}{{/with}}';
    const renderer = rendererWith(templateFolder({ 'partials/glossary.hbs': glossary }));
    expect(() => bound(renderer)).toThrow('partials/glossary.hbs:2:27: write the id as id="{{anchorId …}}"');
  });

  it('binds a single document.hbs whose content is in body.hbs beside it; refuses one without, clearly', async () => {
    const page = '<!DOCTYPE html>\n<html lang="en-GB">\n{{> head}}\n<body>\n{{> page-start}}\n{{> body}}\n</body>\n</html>\n';
    const body = '<h{{level 1}}>{{text title}}</h{{level 1}}>\n{{#main}}\n<p id="{{anchorId "period"}}">{{period}}</p>\n{{/main}}\n';
    const renderer = rendererWith(templateFolder({ 'document.hbs': page, 'body.hbs': body }));
    await expectWellBound(bound(renderer), pages(renderer));

    const withoutBody = rendererWith(templateFolder({ 'document.hbs': page }));
    expect(() => pages(withoutBody)).toThrow(TemplateError);
    expect(() => pages(withoutBody)).toThrow(/document\.hbs includes \{\{> body\}\}, but there is no body\.hbs beside it/);
  });

  it('stops a page whose heading level is not a number from 1 to 6, rather than write <hNaN>', () => {
    const renderer = rendererWith(templateFolder({ 'strategy/body.hbs': '<h{{level "two"}}>Themes</h{{level "two"}}>\n' }));
    expect(() => pages(renderer)).toThrow(TemplateError);
    expect(() => pages(renderer)).toThrow(`{{level "two"}}: a heading's level is a number from 1 to 6, as in <h{{level 2}}>.`);
  });

  it("refuses a user's partials/body.hbs: the name is each document's own body", () => {
    expect(() => rendererWith(templateFolder({ 'partials/body.hbs': '<p>x</p>' }))).toThrow(TemplateError);
  });

  it('keeps the draft notice of a draft part, and the whole is not marked draft page by page', () => {
    const html = bound(rendererWith());
    expect(html).toContain('<div class="bound-part draft-part" id="part-2">\n\n<section class="draft-notice" aria-label="Draft status: 3.3 Example Part"><p><strong>DRAFT</strong>: Draft.');
    expect(html).not.toContain('draft-mark" aria-hidden');
    expect(html).not.toContain('@top-right { content: "DRAFT"; font-weight: bold; }');
  });
});
