import { destinationPages, pageCount } from './pdf-pages.js';
import { setPdfMetadata, type PdfMetadata } from './pdf-metadata.js';
import { PrintError, type PdfPrinter } from './pdf-printer.js';

/**
 * A document that prints the page numbers of its own sections (a contents page). Chromium
 * does not support CSS target-counter(), so it is printed twice: once with the numbers
 * blank, in boxes of the width they will take, to find the page each section starts on
 * (the named destination of its anchor, which a link to it makes); then with the numbers.
 */
export interface PageNumbering {
  /** The ids of the sections whose pages are printed, each the target of a link in the document. */
  anchors: string[];
  /** The document with these pages printed against the anchors, in order. */
  html(pages: readonly number[]): string;
}

export async function printWithPageNumbers(printer: PdfPrinter, numbering: PageNumbering, metadata: PdfMetadata, onStart?: () => void): Promise<Uint8Array> {
  try {
    return await printTwice(printer, numbering, metadata, onStart);
  } catch (error) {
    if (error instanceof PrintError) throw error;
    // The printed PDF could not be read (pdf-pages.ts): that document fails, the build goes on.
    throw new PrintError(`the pages of its sections could not be read (${(error as Error).message})`);
  }
}

async function printTwice(printer: PdfPrinter, numbering: PageNumbering, metadata: PdfMetadata, onStart?: () => void): Promise<Uint8Array> {
  const blank = numbering.html([]);
  const first = latin1(await printer.printUnfinished(blank, onStart));
  const pages = pagesOf(first, numbering.anchors);
  if (pages === undefined) {
    // A document (a user's template) that neither links its sections nor prints their pages has nothing to number.
    if (numbering.html(numbering.anchors.map(() => 1)) === blank) return setPdfMetadata(Buffer.from(first, 'latin1'), metadata);
    const missing = numbering.anchors.filter((anchor) => !destinationPages(first).has(anchor));
    throw new PrintError(`its contents print page numbers, but nothing links to ${missing.map((a) => `#${a}`).join(', ')}, so the pages they start on are not known`);
  }
  const numbered = numbering.html(pages);
  if (numbered === blank) return setPdfMetadata(Buffer.from(first, 'latin1'), metadata);
  const second = latin1(await printer.printUnfinished(numbered));
  // The numbers were given their room in the first print: were the pages moved all the same, the numbers would lie.
  const moved = pagesOf(second, numbering.anchors);
  if (pageCount(second) !== pageCount(first) || moved === undefined || moved.some((page, i) => page !== pages[i])) {
    throw new PrintError(
      `printing the contents' page numbers moved the pages (${pageCount(first)} pages, sections on ${pages.join(', ')}; then ${pageCount(second)} pages, sections on ${moved?.join(', ') ?? 'unknown pages'}); the contents leave the numbers too little room`,
    );
  }
  return setPdfMetadata(Buffer.from(second, 'latin1'), metadata);
}

/** The page of each anchor, in order; undefined when one has no destination. */
function pagesOf(pdf: string, anchors: string[]): number[] | undefined {
  const found = destinationPages(pdf);
  const pages = anchors.map((anchor) => found.get(anchor));
  return pages.every((page) => page !== undefined) ? (pages as number[]) : undefined;
}

function latin1(pdf: Uint8Array): string {
  return Buffer.from(pdf).toString('latin1');
}
