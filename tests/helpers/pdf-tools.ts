import { execFileSync } from 'node:child_process';

/** poppler's pdfinfo as a map: "Title" → "…". */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/**
 * The text of a PDF (or of one page) as poppler's pdftotext extracts it, in content-stream
 * order (-raw): Chromium paints in document order, so this is the reading order, where
 * pdftotext's default guesses an order from positions and interleaves side-by-side columns.
 */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' });
}

export interface OutlineItem {
  title: string;
  kids: OutlineItem[];
}

/** The bookmarks of a PDF, read by qpdf. */
export function pdfOutline(file: string): OutlineItem[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: OutlineItem[] };
  return json.outlines;
}

export function outlineTitles(items: OutlineItem[], depth = 1): { title: string; depth: number }[] {
  return items.flatMap((item) => [{ title: item.title, depth }, ...outlineTitles(item.kids, depth + 1)]);
}

/** qpdf's structural check: true when the file has no syntax or stream errors. */
export function pdfIsSound(file: string): boolean {
  try {
    execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return true;
  } catch {
    return false;
  }
}

/** Whitespace and line-break hyphenation removed, for comparing extracted text. */
export function flatten(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}
