import { blankStrings, objectBody, readTrailer } from './pdf-incremental-update.js';

/**
 * Where things are in a Chromium PDF as it leaves the browser (one classic cross-reference
 * section, before mapc's incremental update): its pages in order, and the page each named
 * destination points at. Chromium writes a named destination, in the catalog's /Dests, for
 * every element an in-document link points at (`<a href="#part-1">` and `id="part-1"`).
 */

/** The object numbers of the pages, in reading order (the page tree walked depth first). */
export function pageObjects(pdf: string, catalog: string): number[] {
  const root = reference(blankStrings(catalog), 'Pages');
  const pages: number[] = [];
  const walk = (number: number, depth: number) => {
    // A page tree deeper than this is not Chromium's (it fans out 8 to a node): a loop, not a document.
    if (depth > 32) return;
    const keys = blankStrings(objectBody(pdf, number));
    if (/\/Type\s*\/Page\b(?!s)/.test(keys)) pages.push(number);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(keys)?.[1];
    for (const kid of kids?.matchAll(/(\d+)\s+0\s+R/g) ?? []) walk(Number(kid[1]), depth + 1);
  };
  if (root !== undefined) walk(root, 0);
  return pages;
}

/** Each named destination of the PDF and the page (from 1) it is on. */
export function destinationPages(pdf: string): Map<string, number> {
  const catalog = objectBody(pdf, readTrailer(pdf).root);
  const pageOf = new Map(pageObjects(pdf, catalog).map((object, i) => [object, i + 1]));
  const found = new Map<string, number>();
  const dests = reference(blankStrings(catalog), 'Dests');
  if (dests === undefined) return found;
  // `/part-1 [9 0 R /XYZ 6 777.75 0]`: a name (with #xx escapes), then its page's object.
  for (const entry of objectBody(pdf, dests).matchAll(/\/([^\s/<>[\]()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = pageOf.get(Number(entry[2]));
    if (page !== undefined) found.set(entry[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), page);
  }
  return found;
}

/** How many pages the PDF has. */
export function pageCount(pdf: string): number {
  return pageObjects(pdf, objectBody(pdf, readTrailer(pdf).root)).length;
}

function reference(keys: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(keys);
  return match ? Number(match[1]) : undefined;
}
