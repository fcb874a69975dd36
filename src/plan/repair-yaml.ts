import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems/problem.js';
import { YAML_OPTIONS } from './yaml-options.js';

/**
 * A mend is judged by how far the text then reads, up to this many lines past the mended
 * one: enough to see a block close, and each trial stays cheap in a long file full of errors.
 */
export const TRIAL_LINES_AFTER = 30;

/** A change made to one line to read past a mistake: columns from `from` on moved by `delta`. */
export interface LineEdit {
  line: number;
  from: number;
  delta: number;
}

export interface Repair {
  source: string;
  edit: LineEdit;
  /** The mistake, placed in the source before the repair. */
  problem: Problem;
}

/** Where the parser first failed (1-based), or undefined when it read the text without a fatal error. */
export function firstFatalError(source: string): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter });
  // Duplicate keys are not among the parser's errors (yaml-options.ts): each error here stops it.
  if (doc.errors.length === 0) return undefined;
  const first = Math.min(...doc.errors.map((error) => error.pos[0]));
  const { line, col } = lineCounter.linePos(first);
  return { line, column: col };
}

/**
 * The one mistake behind the parser's first error, and the source with it mended, when it
 * is one of the three an officer makes most: a tab in the indentation, a line indented to
 * no column the lines above use, a key without its colon. Each candidate mend is read
 * again; the one that reads furthest (past its line at least) is the mistake. Without
 * this, one tab gave eight errors, seven of them about text the parser had misread.
 */
export function repairFirstMistake(source: string, failedAt: number, budget: { reads: number }): Repair | undefined {
  const lines = source.split('\n');
  let best: { repair: Repair; reach: number } | undefined;
  for (const lineNumber of [failedAt, failedAt + 1, failedAt - 1]) {
    const text = lines[lineNumber - 1];
    if (text === undefined || /^\s*(#|$)/.test(text)) continue;
    for (const repair of candidates(lines, lineNumber)) {
      if (budget.reads-- <= 0) return best?.repair;
      const reach = firstFatalError(linesUpTo(repair.source, lineNumber + TRIAL_LINES_AFTER))?.line ?? Infinity;
      if (reach > lineNumber && (!best || reach > best.reach)) best = { repair, reach };
      if (reach === Infinity) return repair;
    }
  }
  return best?.repair;
}

function candidates(lines: readonly string[], lineNumber: number): Repair[] {
  const text = lines[lineNumber - 1]!;
  const indent = /^[ \t]*/.exec(text)![0];
  const open = openIndents(lines, lineNumber);
  const out: Repair[] = [];
  if (indent.includes('\t') || !open.has(indent.length)) {
    // A key lines up with keys first (not with the text of a paragraph above it), a list item with list items.
    const shape = (line: string) => (/^\s*- /.test(line) ? '-' : /^\s*[^\s:]+:(\s|$)/.test(line) ? ':' : '');
    const opened = openedBlock(lines, lineNumber);
    const sameShape = (width: number) => (width === opened || shape(alignedWith(lines, lineNumber, width)?.text ?? '') === shape(text) ? 0 : 1);
    for (const width of [...open].sort((a, b) => sameShape(a) - sameShape(b))) out.push(reindent(lines, lineNumber, indent, width));
  }
  const key = /^([ \t]*(?:- )?)([A-Za-z_][\w-]*)(?=[ \t]+[^\s:#][^:]*$|[ \t]*$)/.exec(text);
  if (key && !indent.includes('\t')) out.push(addColon(lines, lineNumber, key[1]!.length + key[2]!.length, key[2]!));
  return out;
}

/**
 * The columns a line may start at, judged from the lines above: those of the enclosing
 * keys and list items, and one step in from a line that opens a block.
 */
function openIndents(lines: readonly string[], lineNumber: number): Set<number> {
  const open = new Set<number>();
  let limit = Infinity;
  for (let i = lineNumber - 2; i >= 0 && limit > 0; i--) {
    const text = lines[i]!;
    if (/^\s*(#|$)/.test(text) || text.includes('\t')) continue;
    const starts = /^( *)((?:- +)*)/.exec(text)!;
    const at = starts[1]!.length;
    if (at >= limit) continue;
    if (limit === Infinity) {
      if (/:\s*$|^\s*-\s*$/.test(text)) open.add(at + starts[2]!.length + 2);
      if (starts[2]) open.add(at + starts[2].length);
    }
    open.add(at);
    limit = at;
  }
  if (open.size === 0) open.add(0);
  return open;
}

/** The indentation of a block the line above opens (`key:` at the end of a line), where the line's content belongs first. */
function openedBlock(lines: readonly string[], lineNumber: number): number | undefined {
  for (let i = lineNumber - 2; i >= 0; i--) {
    const text = lines[i]!;
    if (/^\s*(#|$)/.test(text)) continue;
    return /:\s*$/.test(text) ? /^[ -]*/.exec(text)![0].length + 2 : undefined;
  }
  return undefined;
}

function reindent(lines: readonly string[], lineNumber: number, indent: string, width: number): Repair {
  const text = lines[lineNumber - 1]!;
  const mended = ' '.repeat(width) + text.slice(indent.length);
  const tab = indent.indexOf('\t');
  const word = /^\S+/.exec(text.slice(indent.length))?.[0] ?? '';
  const along = alignedWith(lines, lineNumber, width);
  const lineUp = along ? ` to line it up with '${along.word}' on line ${along.line}` : '';
  const spaces = width === 0 ? 'start it at the beginning of the line' : `${width} ${width === 1 ? 'space' : 'spaces'}`;
  const problem: Problem =
    tab >= 0
      ? {
          severity: 'error',
          code: 'yaml/tab-indent',
          message: `A tab is used for indentation; YAML indents with spaces only. Replace the indentation with ${width === 0 ? 'nothing: ' + spaces : spaces}${lineUp}.`,
          pointer: '',
          range: { line: lineNumber, column: tab + 1, endLine: lineNumber, endColumn: tab + 2 },
        }
      : {
          severity: 'error',
          code: 'yaml/bad-indent',
          message: `'${word}' is indented ${indent.length} ${indent.length === 1 ? 'space' : 'spaces'}, which lines it up with nothing above it. ${width === 0 ? 'Start it at the beginning of the line' : `Indent it ${spaces}`}${lineUp}.`,
          pointer: '',
          range: { line: lineNumber, column: indent.length + 1, endLine: lineNumber, endColumn: indent.length + 1 + Math.max(word.length, 1) },
        };
  return { source: replaceLine(lines, lineNumber, mended), edit: { line: lineNumber, from: width + 1, delta: width - indent.length }, problem };
}

function addColon(lines: readonly string[], lineNumber: number, keyEnd: number, key: string): Repair {
  const text = lines[lineNumber - 1]!;
  const rest = text.slice(keyEnd).trim();
  const written = rest === '' ? `${key}:` : `${key}: ${rest}`;
  const mended = text.slice(0, keyEnd) + ':' + text.slice(keyEnd);
  return {
    source: replaceLine(lines, lineNumber, mended),
    edit: { line: lineNumber, from: keyEnd + 2, delta: 1 },
    problem: {
      severity: 'error',
      code: 'yaml/missing-colon',
      message: `The key '${key}' has no colon after it. Write ${written.length > 60 ? `${key}: …` : written}.`,
      pointer: '',
      range: { line: lineNumber, column: keyEnd - key.length + 1, endLine: lineNumber, endColumn: keyEnd + 1 },
    },
  };
}

/** The nearest line above whose text starts at `width`, to say what the mended line lines up with. */
function alignedWith(lines: readonly string[], lineNumber: number, width: number): { word: string; line: number; text: string } | undefined {
  for (let i = lineNumber - 2; i >= 0; i--) {
    const text = lines[i]!;
    if (/^\s*(#|$)/.test(text)) continue;
    const at = /^ */.exec(text)![0].length;
    const word = /^(?:- +)?([^\s:]+:?)/.exec(text.slice(width))?.[1];
    if (at === width || (at < width && /^ *(- +)+$/.test(text.slice(0, width)))) return word ? { word, line: i + 1, text: text.slice(width) } : undefined;
    if (at < width) return undefined;
  }
  return undefined;
}

/** The first `lineCount` lines of the source. */
export function linesUpTo(source: string, lineCount: number): string {
  let at = -1;
  for (let n = 0; n < lineCount; n++) {
    at = source.indexOf('\n', at + 1);
    if (at < 0) return source;
  }
  return source.slice(0, at + 1);
}

function replaceLine(lines: readonly string[], lineNumber: number, text: string): string {
  return [...lines.slice(0, lineNumber - 1), text, ...lines.slice(lineNumber)].join('\n');
}
