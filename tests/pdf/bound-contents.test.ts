import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printWithPageNumbers, type PageNumbering } from '../../src/pdf/page-numbered-print.js';
import { PdfPrinter, PrintError } from '../../src/pdf/pdf-printer.js';
import { pdfInfo, pdfText } from '../helpers/pdf-tools.js';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { fileTempDir } from '../helpers/temporary.js';

/**
 * The contents page of a project's bound PDF (its first page): each part's title with
 * the page it starts on, and DRAFT when any part is a draft. Built twice: the example
 * project (Part 3.3 is a draft), and the same project with Part 3.3 approved.
 */
const PLANS = ['devon-children-and-families-2004-05.yaml', 'devon-part-3-3-example.yaml'];
const TITLES = ['3.2 Children and Families', '3.3 Example Part'];
const PROJECT = readFileSync(join(ROOT, 'mapc.yaml'), 'utf8');

/** Builds a copy of the example project, each plan's text changed by `edit`; the bound PDF's path. */
async function buildProject(label: string, edit: (plan: string) => string = (plan) => plan): Promise<string> {
  const folder = fileTempDir(label);
  mkdirSync(join(folder, 'plans'));
  writeFileSync(join(folder, 'mapc.yaml'), PROJECT.replace(/\$schema=\S+/, ''));
  for (const plan of PLANS) writeFileSync(join(folder, 'plans', plan), edit(readFileSync(join(ROOT, 'plans', plan), 'utf8')));
  const out = join(folder, 'out');
  const result = await runInProcess(['build', '--out', out], { cwd: folder });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return join(out, 'devon-strategic-plan-2004.pdf');
}

/** The number printed against a title on the contents page: the line "3.2 Children and Families 2". */
function contentsNumber(contents: string, title: string): number | undefined {
  const line = contents.split('\n').find((text) => text.startsWith(`${title} `) || text === title);
  const number = line === undefined ? undefined : /\s(\d+)$/.exec(line)?.[1];
  return number === undefined ? undefined : Number(number);
}

/** The first page after the contents where a title stands as a line of its own: the part's heading. */
function pageOfTitle(file: string, title: string): number | undefined {
  const pages = Number(pdfInfo(file).Pages);
  for (let page = 2; page <= pages; page++) if (pdfText(file, page).split('\n').includes(title)) return page;
  return undefined;
}

let withDraft = '';
let allApproved = '';

beforeAll(async () => {
  withDraft = await buildProject('contents-draft');
  allApproved = await buildProject('contents-approved', (plan) => plan.replace(/^status: draft$/m, 'status: approved'));
}, 120_000);

describe("the bound PDF's contents page", () => {
  it('prints against each part the page where pdftotext finds its title', () => {
    const contents = pdfText(withDraft, 1);
    const printed = TITLES.map((title) => contentsNumber(contents, title));
    const found = TITLES.map((title) => pageOfTitle(withDraft, title));
    expect(found.every((page) => page !== undefined && page > 1)).toBe(true);
    expect(printed).toEqual(found);
  });

  it('is marked DRAFT when a part is a draft, and not when none is', () => {
    expect(pdfText(withDraft, 1)).toContain('DRAFT');
    expect(pdfText(allApproved, 1)).not.toContain('DRAFT');
    // The approved project's numbers are right too.
    const contents = pdfText(allApproved, 1);
    expect(TITLES.map((title) => contentsNumber(contents, title))).toEqual(TITLES.map((title) => pageOfTitle(allApproved, title)));
  });
});

describe('printing page numbers in two passes (page-numbered-print.ts)', () => {
  const metadata = { title: 'T', author: 'A', subject: 'S', keywords: [], date: new Date(0), creator: 'test', lang: 'en-GB' };
  /** Two sections on pages of their own after a contents list; `extra` is what printing the numbers adds. */
  const numbering = (extra: (pages: readonly number[]) => string): PageNumbering => ({
    anchors: ['one', 'two'],
    html: (pages) =>
      `<!DOCTYPE html><html lang="en-GB"><body><ol style="list-style: none"><li><a href="#one">One</a> ${pages[0] ?? ''}</li><li><a href="#two">Two</a> ${pages[1] ?? ''}</li></ol>${extra(pages)}` +
      '<section id="one" style="break-before: page"><h2>Section one</h2></section><section id="two" style="break-before: page"><h2>Section two</h2></section></body></html>',
  });
  let printer: PdfPrinter | undefined;
  const started = () => (printer ??= PdfPrinter.launch({ jobs: 1, timeoutMs: 30_000, env: process.env })).ready().then(() => printer!);
  afterAll(() => printer?.close());

  it('prints the page each section starts on', async () => {
    const file = join(fileTempDir('numbered'), 'numbered.pdf');
    writeFileSync(file, await printWithPageNumbers(await started(), numbering(() => ''), metadata));
    expect(pdfText(file, 1)).toMatch(/One 2\s+Two 3/);
  });

  it('fails loudly, rather than print numbers that lie, when printing them moves the pages', async () => {
    // The numbers take no room of their own here: printed, they push a page's worth of text before the sections.
    const pushes = numbering((pages) => (pages.length > 0 ? '<p style="height: 300mm">pushed</p>' : ''));
    const printing = printWithPageNumbers(await started(), pushes, metadata);
    await expect(printing).rejects.toBeInstanceOf(PrintError);
    await expect(printing).rejects.toThrow(/moved the pages \(3 pages, sections on 2, 3; then 4 pages, sections on 3, 4\)/);
  });
});
