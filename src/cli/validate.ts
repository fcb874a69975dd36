import { readPlanFile } from './read-plan-file.js';
import { findPlanFiles } from './find-plan-files.js';
import type { Io } from './io.js';
import { formatProblems, type ProblemFormat } from './format-problems.js';
import type { FileReport } from '../problems/problem.js';
import { checkPlanSource } from '../plan/check-plan.js';

export interface ValidateOptions {
  format: ProblemFormat;
  strict: boolean;
}

export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const reports: FileReport[] = findPlanFiles(paths, io.cwd).map((file) => {
    const source = readPlanFile(file, io.cwd);
    const { problems } = checkPlanSource(source);
    return { file, source, problems: options.strict ? problems.map((p) => ({ ...p, severity: 'error' as const })) : problems };
  });
  io.stdout(formatProblems(reports, options.format, io));
  return reports.some((report) => report.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}
