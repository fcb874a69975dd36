import type { SourceRange } from './problem.js';

const CONTEXT_BEFORE = 2;
const CONTEXT_AFTER = 1;

/**
 * The lines around a range with a marker on the first line of it, as compilers print them:
 *
 *     40 |       - text: Extend the service
 *   > 41 |         leed: Head of Service
 *        |         ^^^^
 */
export function codeFrame(source: string, range: SourceRange): string {
  const lines = source.split(/\r?\n/);
  // The empty "line" after a final newline is not worth showing, unless the problem is there.
  if (lines.length > 1 && lines[lines.length - 1] === '' && range.line < lines.length) lines.pop();
  if (range.line < 1 || range.line > lines.length) return '';
  const first = Math.max(1, range.line - CONTEXT_BEFORE);
  const last = Math.min(lines.length, range.line + CONTEXT_AFTER);
  const gutterWidth = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = visibleTabs(lines[n - 1] ?? '');
    const marker = n === range.line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(gutterWidth)} | ${text}`.trimEnd());
    if (n === range.line) {
      const lineText = lines[n - 1] ?? '';
      const start = range.column - 1;
      const end = range.endLine === range.line ? Math.max(range.endColumn - 1, start + 1) : Math.max(lineText.length, start + 1);
      const pad = visibleTabs(lineText.slice(0, start)).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(gutterWidth)} | ${pad}${'^'.repeat(Math.min(end - start, 80))}`);
    }
  }
  return out.join('\n');
}

/** Tabs shown as a visible arrow: a tab in the indentation is often the problem itself. */
function visibleTabs(text: string): string {
  return text.replace(/\t/g, '→');
}
