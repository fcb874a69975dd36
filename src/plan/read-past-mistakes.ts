import type { Problem, SourceRange } from '../problems/problem.js';
import { firstFatalError, repairFirstMistake, type LineEdit } from './repair-yaml.js';

/** Past this size a file is not mended and read again (each mend reads the whole file a few times). */
const MAX_MENDED_SIZE = 256 * 1024;
/** Mistakes mended in one file, at most; past them the file's first remaining error is reported as the parser words it. */
const MAX_MENDS = 10;

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
  if (source.length <= MAX_MENDED_SIZE) {
    for (let mends = 0; mends < MAX_MENDS; mends++) {
      const failed = firstFatalError(text);
      const repair = failed && repairFirstMistake(text, failed.line);
      if (!repair) break;
      mistakes.push({ ...repair.problem, range: placeInOriginal(repair.problem.range!) });
      edits.push(repair.edit);
      text = repair.source;
    }
  }
  return { text, mistakes, placeInOriginal };
}

function undo(range: SourceRange, edit: LineEdit): SourceRange {
  const back = (line: number, column: number) => (line === edit.line && column >= edit.from ? Math.max(1, column - edit.delta) : column);
  return { line: range.line, column: back(range.line, range.column), endLine: range.endLine, endColumn: back(range.endLine, range.endColumn) };
}
