import { moreProblemsLine, shownProblems, type FileReport } from './problem.js';
import { showControls } from './visible-controls.js';

/**
 * GitHub Actions workflow commands, one per problem, which GitHub shows as annotations
 * on the pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const { shown, more } = shownProblems(report);
    for (const problem of shown) {
      const properties = [
        `file=${escapeProperty(report.file)}`,
        `line=${problem.line}`,
        `col=${problem.column}`,
        `endLine=${problem.endLine}`,
        `endColumn=${problem.endColumn}`,
        `title=${escapeProperty(problem.code)}`,
      ].join(',');
      const message = problem.suggestion === undefined ? problem.message : `${problem.message} Did you mean '${problem.suggestion}'?`;
      lines.push(`::${problem.severity} ${properties}::${escapeData(message)}`);
    }
    if (more > 0) {
      // One annotation for the rest, an error when any of them is one.
      const severity = report.problems.slice(shown.length).some((problem) => problem.severity === 'error') ? 'error' : 'warning';
      lines.push(`::${severity} file=${escapeProperty(report.file)},title=mapc::${escapeData(moreProblemsLine(more))}`);
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** As @actions/core escapes a command's message: `%`, CR and LF; other controls are shown, not sent. */
export function escapeData(text: string): string {
  return showControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a property value: the message's escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
