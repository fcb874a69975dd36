import type { Problem, SourceRange } from '../problems/problem.js';
import { firstFatalError, linesUpTo, repairFirstMistake, TRIAL_LINES_AFTER, type LineEdit } from './repair-yaml.js';

/** Past this size a file is not mended and read again (each mend reads the whole file a few times). */
const MAX_MENDED_SIZE = 64 * 1024;
/** Readings of the whole file that mending may take, at most: bounded work, whatever the file. */
const MAX_TRIAL_READS = 24;
/** Mistakes mended in one file, at most; past them the file's first remaining error is reported as the parser words it. */
const MAX_MENDS = 8;

export interface MendedSource {
  /** The source with the mistakes mended: line for line the same lines. */
  text: string;
  /** Each mistake mended, placed in the source as written. */
  mistakes: Problem[];
  /** Places in `text` back to places in the source as written. */
  placeInOriginal(range: SourceRange): SourceRange;
}

/**
 * Mends, one at a time, the YAML mistakes that would otherwise cascade (a tab, a line
 * indented to no column, a missing colon), so that each is one problem at its own line and
 * the rest of the file is still read and checked.
 */
export function readPastMistakes(source: string): MendedSource {
  let text = source;
  const edits: LineEdit[] = [];
  const mistakes: Problem[] = [];
  const placeInOriginal = (range: SourceRange): SourceRange => edits.reduceRight(undo, range);
  const budget = { reads: MAX_TRIAL_READS };
  if (source.length <= MAX_MENDED_SIZE) {
    for (let mends = 0; mends < MAX_MENDS; mends++) {
      if (budget.reads-- <= 0) break;
      const failed = firstFatalErrorAfter(text, mistakes.at(-1)?.range?.line ?? 0);
      const repair = failed && repairFirstMistake(text, failed.line, budget);
      if (!repair) break;
      mistakes.push({ ...repair.problem, range: placeInOriginal(repair.problem.range!) });
      edits.push(repair.edit);
      text = repair.source;
    }
  }
  return { text, mistakes, placeInOriginal };
}

/**
 * The parser's first error past a line, read from growing beginnings of the text: in a
 * file with thousands of errors, reading it all again after each mend was most of the work.
 * An error well before the cut is where the whole text fails too.
 */
function firstFatalErrorAfter(text: string, line: number): { line: number; column: number } | undefined {
  for (let count = line + 100; ; count *= 2) {
    const beginning = linesUpTo(text, count);
    const failed = firstFatalError(beginning);
    if (beginning.length === text.length || (failed && failed.line < count - TRIAL_LINES_AFTER)) return failed;
  }
}

function undo(range: SourceRange, edit: LineEdit): SourceRange {
  const back = (line: number, column: number) => (line === edit.line && column >= edit.from ? Math.max(1, column - edit.delta) : column);
  return { line: range.line, column: back(range.line, range.column), endLine: range.endLine, endColumn: back(range.endLine, range.endColumn) };
}
