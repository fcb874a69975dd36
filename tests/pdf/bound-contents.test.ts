import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printWithPageNumbers, type PageNumbering } from '../../src/pdf/page-numbered-print.js';
import { PdfPrinter, PrintError } from '../../src/pdf/pdf-printer.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { fileTempDir } from '../helpers/temporary.js';

/**
 * The page numbers of a bound PDF's contents page are printed in two passes
 * (page-numbered-print.ts): printed once to find the pages, then again with the numbers.
 * The contents page of the example project itself is read in tests/cli/project.test.ts,
 * which builds that project.
 */
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
