import { codeFrameOfLines, sourceLines } from './code-frame.js';
import { countBySeverity, moreProblemsLine, notCheckedLine, shownProblems, type FileReport } from './problem.js';
import { showControls } from './visible-controls.js';

export interface TextStyle {
  /** ANSI colours, only on a terminal. */
  color: boolean;
  /** The closing "N files checked" line; false where the caller sums up many calls itself (build). */
  summary?: boolean;
}

const paint = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const red = paint(31);
const yellow = paint(33);
const dim = paint(2);
const bold = paint(1);

/**
 * Problems for a person at a terminal: where, what, the lines around it, and what to do.
 *
 *   plans/iow.yaml:41:9: error: Unknown key 'leed' in action 2 of objective 'qp1'. [schema/unknown-key]
 *   <code frame>
 *     Did you mean 'lead'?
 */
export function formatText(reports: readonly FileReport[], style: TextStyle = { color: false }): string {
  const c = style.color ? { red, yellow, dim, bold } : { red: same, yellow: same, dim: same, bold: same };
  const blocks: string[] = [];
  for (const report of reports) {
    const { shown, more } = shownProblems(report);
    const lines = shown.length === 0 ? [] : sourceLines(report.source);
    for (const problem of shown) {
      const severity = problem.severity === 'error' ? c.red('error') : c.yellow('warning');
      const block = [`${c.bold(`${showControls(report.file)}:${problem.line}:${problem.column}`)}: ${severity}: ${showControls(problem.message)} ${c.dim(`[${problem.code}]`)}`];
      const frame = codeFrameOfLines(lines, problem);
      if (frame) block.push(c.dim(frame));
      if (problem.suggestion !== undefined) block.push(`  Did you mean '${showControls(problem.suggestion)}'?`);
      blocks.push(block.join('\n'));
    }
    if (more > 0) blocks.push(`${c.bold(showControls(report.file))}: ${moreProblemsLine(more)}`);
    if (report.notChecked?.length) blocks.push(`${c.bold(showControls(report.file))}: ${notCheckedLine(report.notChecked)}`);
  }
  if (style.summary !== false) {
    const { errors, warnings } = countBySeverity(reports);
    blocks.push(summaryLine(reports.length, errors, warnings, style.color));
  }
  return blocks.length === 0 ? '' : blocks.join('\n\n') + '\n';
}

/** "3 files checked: 1 error, 2 warnings." */
export function summaryLine(fileCount: number, errors: number, warnings: number, color: boolean): string {
  const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'}`;
  const summary = errors + warnings === 0 ? `${files} checked: no problems.` : `${files} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
  return errors > 0 && color ? red(summary) : summary;
}

function same(text: string): string {
  return text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
