import type { LocatedProblem, Locator, Problem } from './problem.js';

/**
 * Places each problem in the source, then sorts them by position and drops repeats,
 * so that a file's problems read top to bottom, once each.
 */
export function locateProblems(problems: readonly Problem[], locate: Locator): LocatedProblem[] {
  const located = problems.map((problem): LocatedProblem => {
    const range = problem.range ?? locate(problem);
    const out: LocatedProblem = {
      severity: problem.severity,
      code: problem.code,
      message: problem.related === undefined ? problem.message : problem.message.replace('{related}', `line ${locate({ ...problem, pointer: problem.related, atKey: false }).line}`),
      pointer: problem.pointer,
      ...range,
    };
    if (problem.suggestion !== undefined) out.suggestion = problem.suggestion;
    return out;
  });
  located.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      severityRank(a) - severityRank(b) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
  const seen = new Set<string>();
  return located.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.code}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function severityRank(problem: LocatedProblem): number {
  return problem.severity === 'error' ? 0 : 1;
}
