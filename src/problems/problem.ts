/** A problem found in a plan file. Problems are data: checking a bad plan never throws. */
export type Severity = 'error' | 'warning';

export interface SourceRange {
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Problem {
  severity: Severity;
  /** Stable: `yaml/…` for parse problems, `schema/…` for the JSON Schema, `rule/…` for semantic rules. */
  code: string;
  message: string;
  /** JSON pointer to the value concerned (`""` for the whole file). */
  pointer: string;
  /** Point at the key of the pointer's member rather than its value (an unknown key). */
  atKey?: boolean;
  /** Narrow the place to the first occurrence of this text inside the value (an abbreviation in a paragraph). */
  needle?: string;
  /** Where the problem is, when the producer knows it better than the pointer does (YAML syntax errors). */
  range?: SourceRange;
  /** What the user probably meant: a key, an id, an enum value. */
  suggestion?: string;
  /** Another place the message refers to as `{related}`, written as "line N" once located. */
  related?: string;
}

/** A problem placed in its file, ready to print. */
export interface LocatedProblem extends SourceRange {
  severity: Severity;
  code: string;
  message: string;
  pointer: string;
  suggestion?: string;
}

/** Maps a problem to where it is in the source. */
export type Locator = (problem: Problem) => SourceRange;

export interface FileReport {
  file: string;
  /** The file's text, for code frames; empty when it could not be read. */
  source: string;
  problems: LocatedProblem[];
  /** Checks that could not run, past a problem that stopped them (`schema`, `rules`); absent when every check ran. */
  notChecked?: string[];
}

/**
 * Why a file's later checks did not run, for a person: "not checked against the format or the
 * rules: …". Said in every format, so that a short list of problems is not taken for all of them.
 */
export function notCheckedLine(notChecked: readonly string[]): string {
  const stages = notChecked.map((stage) => (stage === 'schema' ? 'the format' : stage === 'rules' ? 'the rules' : stage));
  const reason = notChecked.includes('schema') ? 'the YAML could not be read past its error' : 'a required value is missing or wrong';
  return `not checked against ${stages.join(' or ')}, as ${reason}; fix that and check again to see the rest.`;
}

export function countBySeverity(reports: readonly FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const problem of report.problems) {
      if (problem.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/**
 * At most this many problems of a file are printed, in every format; the rest are counted
 * ("… and 2,345 more problems in this file"). A file with thousands of problems is one
 * mistake repeated, and printing them all would bury the first.
 */
export const MAX_PROBLEMS_SHOWN = 100;

/** The problems of a report that are printed, and how many more there are. */
export function shownProblems(report: FileReport): { shown: readonly LocatedProblem[]; more: number } {
  if (report.problems.length <= MAX_PROBLEMS_SHOWN) return { shown: report.problems, more: 0 };
  return { shown: report.problems.slice(0, MAX_PROBLEMS_SHOWN), more: report.problems.length - MAX_PROBLEMS_SHOWN };
}

/** "… and 2,345 more problems in this file." */
export function moreProblemsLine(more: number): string {
  return `… and ${String(more).replace(/\B(?=(\d{3})+$)/g, ',')} more ${more === 1 ? 'problem' : 'problems'} in this file.`;
}
