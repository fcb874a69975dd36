/**
 * The words of a PDF with their places, page by page, in the order Chromium painted them
 * (poppler's `pdftotext -raw -bbox`). Chromium paints in document order, so this order
 * follows the HTML, and the words can be matched to the elements they came from. Artifacts
 * (the running title, page numbers, the DRAFT mark) carry an empty /ActualText and are
 * not among them.
 */
import { execFileSync } from 'node:child_process';
import { tokens } from './tokens.js';

export interface PdfWord {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every word of every page (pages numbered from 1), split into tokens as tokens() splits HTML text. */
export function pdfWords(file: string): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-raw', '-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (!word) continue;
    const text = word[5]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
    const [xMin, yMin, xMax, yMax] = word.slice(1, 5).map(Number) as [number, number, number, number];
    // A word of several tokens ("2001-02") shares its box among them: positions are only
    // compared line by line, and the hyphen check reads the word as painted.
    for (const token of tokens(text)) words.push({ text: token, page, xMin, yMin, xMax, yMax });
  }
  return words;
}

/** Two words on one line of text: their tops within a third of a line of each other. */
export function sameLine(a: PdfWord, b: PdfWord): boolean {
  return a.page === b.page && Math.abs(a.yMin - b.yMin) < (a.yMax - a.yMin) / 3;
}
