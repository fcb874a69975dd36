import type { SourceRange } from './problem.js';
import { showControls } from './visible-controls.js';

const CONTEXT_BEFORE = 2;
const CONTEXT_AFTER = 1;
/** Lines longer than this are shown as a window around the problem. */
const MAX_WIDTH = 100;

/**
 * The lines around a range with a marker on the first line of it, as compilers print them:
 *
 *     40 |       - text: Extend the service
 *   > 41 |         leed: Head of Service
 *        |         ^^^^
 */
export function codeFrame(source: string, range: SourceRange): string {
  return codeFrameOfLines(sourceLines(source), range);
}

/** A file's lines, split once for all of its code frames (splitting per problem made thousands of problems quadratic). */
export function sourceLines(source: string): readonly string[] {
  return source === '' ? [] : source.split(/\r?\n/);
}

/** codeFrame with the file's lines from sourceLines(). */
export function codeFrameOfLines(allLines: readonly string[], range: SourceRange): string {
  if (allLines.length === 0) return '';
  // The empty "line" after a final newline is not worth showing, unless the problem is there.
  const count = allLines.length > 1 && allLines[allLines.length - 1] === '' && range.line < allLines.length ? allLines.length - 1 : allLines.length;
  const lines = { length: count, at: (n: number) => (n < count ? allLines[n] : undefined) };
  if (range.line < 1 || range.line > lines.length) return '';
  const first = Math.max(1, range.line - CONTEXT_BEFORE);
  const last = Math.min(lines.length, range.line + CONTEXT_AFTER);
  const gutterWidth = String(last).length;
  const out: string[] = [];
  // One window for all lines, so that they stay aligned: from a little before the column.
  const windowStart = range.column - 1 > MAX_WIDTH - 20 ? range.column - 1 - 20 : 0;
  const cut = (text: string) => {
    const slice = text.slice(windowStart, windowStart + MAX_WIDTH);
    return (windowStart > 0 ? '…' : '') + slice + (text.length > windowStart + MAX_WIDTH ? '…' : '');
  };
  for (let n = first; n <= last; n++) {
    const text = visibleTabs(cut(lines.at(n - 1) ?? ''));
    const marker = n === range.line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(gutterWidth)} | ${text}`.trimEnd());
    if (n === range.line) {
      const lineText = lines.at(n - 1) ?? '';
      const start = range.column - 1;
      const end = range.endLine === range.line ? Math.max(range.endColumn - 1, start + 1) : Math.max(lineText.length, start + 1);
      const pad = (windowStart > 0 ? ' ' : '') + visibleTabs(lineText.slice(windowStart, start)).replace(/./gu, ' ');
      out.push(`  ${' '.repeat(gutterWidth)} | ${pad}${'^'.repeat(Math.max(1, Math.min(end - start, MAX_WIDTH - (start - windowStart))))}`);
    }
  }
  return out.join('\n');
}

/** Tabs shown as a visible arrow: a tab in the indentation is often the problem itself. */
function visibleTabs(text: string): string {
  return showControls(text).replace(/\t/g, '→');
}
