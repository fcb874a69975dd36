/**
 * What a publishing officer would send back, found in a PDF's words and places: a head (a
 * heading, a table's caption or header row) that is the last text of its page or column,
 * a two-column block continued on a page without its column headings or its theme's title, a year range broken
 * at its hyphen. The PDF's words are matched to the HTML it was printed from, which says
 * which words are heads and which belong to a two-column block.
 */
import type { HtmlText } from './html-words.js';
import { sameLine, type PdfWord } from './pdf-words.js';

/**
 * How far ahead a run of HTML words is looked for among the PDF's words: about three pages,
 * past the other column of a page and a header row repeated, not to a far place where the
 * same words happen to recur.
 */
const LOOK_AHEAD = 1500;

/**
 * For each PDF word, the index of the HTML word it was painted from, or -1. A greedy match
 * in document order of a run of words (anchor()), then again over the words left
 * unmatched: where two columns break across pages, the PDF has the first column's words of
 * a page, then the second's, and the first column's continuation only after the second
 * column's start; the second pass finds what the first skipped.
 */
export function matchWords(html: HtmlText, pdf: PdfWord[]): number[] {
  const rows = headerRows(html);
  const matched = new Array<number>(pdf.length).fill(-1);
  const used = new Array<boolean>(html.words.length).fill(false);
  for (let pass = 0; pass < 4; pass++) {
    const htmlLeft = html.words.flatMap((_, h) => (used[h] ? [] : [h]));
    const pdfLeft = pdf.flatMap((_, k) => (matched[k] === -1 ? [k] : []));
    let p = 0;
    let found = 0;
    for (let i = 0; i < htmlLeft.length && p < pdfLeft.length; i++) {
      // A head left at the foot of a page has its header row repeated after it, before its
      // body text: failing the run into the body, the run of the heads alone is looked for.
      for (const run of [anchor(html, htmlLeft, i, pass === 0 ? 4 : 8), headRun(html, htmlLeft, i)]) {
        const j = find(run, pdf, pdfLeft, p, rows);
        if (run.length === 0 || j === -1) continue;
        matched[pdfLeft[j]!] = htmlLeft[i]!;
        used[htmlLeft[i]!] = true;
        found++;
        p = j + 1;
        break;
      }
    }
    if (found === 0) break;
  }
  return matched;
}

/** Where the run starts among the PDF's words left, from the p-th on, or -1. */
function find(run: string[], pdf: PdfWord[], left: number[], p: number, rows: string[][]): number {
  for (let j = p; j < Math.min(left.length, p + LOOK_AHEAD); j++) {
    if (pdf[left[j]!]!.text === run[0] && follows(run, pdf, left, j, rows)) return j;
  }
  return -1;
}

/** The words from the i-th on while they are heads' words (at least four of them), or none. */
function headRun(html: HtmlText, left: number[], i: number): string[] {
  const run: string[] = [];
  for (let r = i; r < left.length && html.words[left[r]!]!.head !== -1; r++) run.push(html.words[left[r]!]!.text);
  return run.length >= 4 ? run : [];
}

/**
 * The rest of the run after the j-th PDF word, each word at most one word after the one
 * before (the PDF has words the HTML has not: list numbers and bullets), or just after a
 * header row: where a table breaks across pages, Chromium repeats its header row between
 * two of its rows. Without that step, a run broken by a repeated header row was found a
 * row or more further on, where a later row ends and starts with the same words, and the
 * words between were lost to the match.
 */
function follows(run: string[], pdf: PdfWord[], left: number[], j: number, rows: string[][]): boolean {
  let at = j;
  for (const word of run.slice(1)) {
    const isWord = (k: number) => left[k] !== undefined && pdf[left[k]!]!.text === word;
    const afterRow = pastHeaderRow(rows, pdf, left, at + 1);
    const next = [at + 1, at + 2, ...(afterRow === undefined ? [] : [afterRow])].find(isWord);
    if (next === undefined) return false;
    at = next;
  }
  return true;
}

/** The heads of three words or more ("Action Lead Partners Due Status"), as tokens: those a repeated header row prints. */
function headerRows(html: HtmlText): string[][] {
  return [...new Set(html.heads)].map((head) => head.split(' ')).filter((row) => row.length >= 3);
}

/** Where the PDF's words left go on after a header row that starts at the k-th of them, if one does. */
function pastHeaderRow(rows: string[][], pdf: PdfWord[], left: number[], k: number): number | undefined {
  const row = rows.find((words) => words.every((word, r) => left[k + r] !== undefined && pdf[left[k + r]!]!.text === word));
  return row && k + row.length;
}

/**
 * The words from the i-th on that a match must find in a row: at least `least` (more after
 * the first pass, which has matched the easy words), and on to
 * two words of body text, since a head's words ("What we have achieved (2001-2004)")
 * recur on every page where a header row is repeated, while the text after them does not.
 */
function anchor(html: HtmlText, left: number[], i: number, least: number): string[] {
  const run: string[] = [];
  let body = 0;
  for (let r = i; r < left.length && run.length < 16 && (run.length < least || body < 2); r++) {
    const word = html.words[left[r]!]!;
    run.push(word.text);
    if (word.head === -1) body++;
  }
  return run;
}

export function layoutFaults(html: HtmlText, pdf: PdfWord[]): string[] {
  const matched = matchWords(html, pdf);
  return [...strandedHeads(html, pdf, matched), ...headlessColumns(html, pdf, matched), ...brokenYearRanges(pdf)];
}

function strandedHeads(html: HtmlText, pdf: PdfWord[], matched: number[]): string[] {
  const faults: string[] = [];
  const wordsOf = html.heads.map((): PdfWord[] => []);
  const bodyOn = new Map<number, PdfWord[]>();
  pdf.forEach((word, k) => {
    // Only text matched to the body follows a head: a header row repeated, unmatched, does not.
    if (matched[k] === -1) return;
    const head = html.words[matched[k]!]!.head;
    if (head !== -1) wordsOf[head]!.push(word);
    else if (bodyOn.has(word.page)) bodyOn.get(word.page)!.push(word);
    else bodyOn.set(word.page, [word]);
  });
  html.heads.forEach((text, head) => {
    if (wordsOf[head]!.length === 0) return void faults.push(`"${text}" is not in the PDF`);
    // On the page where the head starts: a word matched on a later page is of a header row
    // repeated there (and a head broken across pages is the last text of its first page).
    const page = wordsOf[head]![0]!.page;
    const words = wordsOf[head]!.filter((w) => w.page === page);
    const left = Math.min(...words.map((w) => w.xMin));
    const right = Math.max(...words.map((w) => w.xMax));
    const bottom = Math.max(...words.map((w) => w.yMax));
    const followed = (bodyOn.get(page) ?? []).some((w) => w.yMin > bottom - 1 && w.xMin < right && w.xMax > left);
    if (!followed) faults.push(`page ${page}: "${text}" is the last text of its page`);
  });
  return faults;
}

/**
 * Every page that carries a two-column block's items carries its column headings above
 * them, and the title of its theme: a reader landing on a continuation page can tell the
 * columns apart and which theme they are.
 */
function headlessColumns(html: HtmlText, pdf: PdfWord[], matched: number[]): string[] {
  const faults: string[] = [];
  const blocks = new Set(html.words.map((w) => w.columns).filter((b) => b !== -1));
  for (const block of blocks) {
    const headings = [...new Set(html.words.filter((w) => w.columns === block && w.head !== -1).map((w) => w.head))].map((h) => html.heads[h]!);
    const itemWords = pdf.flatMap((word, k) => (matched[k] !== -1 && html.words[matched[k]!]!.columns === block && html.words[matched[k]!]!.head === -1 ? [{ word, h: matched[k]! }] : []));
    // A page carries the block's items where two words in a row of them are matched there: a
    // lone word matched pages away (a common word of a generated plan, "stable") is the
    // match's stray, not the block continued.
    const pageOf = new Map(itemWords.map(({ word, h }) => [h, word.page]));
    const items = itemWords.filter(({ word, h }) => pageOf.get(h - 1) === word.page || pageOf.get(h + 1) === word.page).map(({ word }) => word);
    for (const page of new Set(items.map((w) => w.page))) {
      const top = Math.min(...items.filter((w) => w.page === page).map((w) => w.yMin));
      const above = pdf.filter((w) => w.page === page && w.yMax <= top + 1).map((w) => w.text).join(' ');
      for (const heading of headings) {
        if (!` ${above} `.includes(` ${heading} `)) faults.push(`page ${page}: two columns continue without their heading "${heading}"`);
      }
      const title = html.blockTitles[block];
      if (title && !` ${above} `.includes(` ${title} `)) faults.push(`page ${page}: two columns continue without their theme's title "${title}"`);
    }
  }
  return faults;
}

/** "2002-" at the end of a line, "03" on the next: a year range broken at its hyphen. */
function brokenYearRanges(pdf: PdfWord[]): string[] {
  return pdf.flatMap((word, k) => {
    const next = pdf[k + 1];
    if (!/\d{4}[-–]$/.test(word.text) || (next && sameLine(word, next))) return [];
    return [`page ${word.page}: a year range broken at its hyphen: "${word.text}" then "${next?.text ?? ''}"`];
  });
}
