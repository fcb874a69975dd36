import { countBySeverity, shownProblems, type FileReport } from './problem.js';

/** The JSON document of `mapc validate --format json` (version 1; see spec/cli.md). */
export function formatJson(reports: readonly FileReport[]): string {
  const { errors, warnings } = countBySeverity(reports);
  const document = {
    version: 1,
    ok: errors === 0,
    errors,
    warnings,
    files: reports.map((report) => {
      const { shown, more } = shownProblems(report);
      return {
        file: report.file,
        ok: report.problems.every((problem) => problem.severity !== 'error'),
        problems: shown.map((problem) => ({
          severity: problem.severity,
          code: problem.code,
          message: problem.message,
          pointer: problem.pointer,
          line: problem.line,
          column: problem.column,
          endLine: problem.endLine,
          endColumn: problem.endColumn,
          ...(problem.suggestion === undefined ? {} : { suggestion: problem.suggestion }),
        })),
        // Problems past the first MAX_PROBLEMS_SHOWN are counted, not listed (absent when none are left out).
        ...(more > 0 ? { moreProblems: more } : {}),
        // Checks that could not run on this file, so that its problems are not all of them (absent when every check ran).
        ...(report.notChecked?.length ? { notChecked: report.notChecked } : {}),
      };
    }),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
