import { checkPlanSource } from '../plan/check-plan.js';
import type { FileReport } from '../problems/problem.js';
import { findPlanFiles } from './find-plan-files.js';
import { formatProblems, type ProblemFormat } from './format-problems.js';
import type { Io } from './io.js';
import { readPlanFile } from './read-plan-file.js';

export interface ValidateOptions {
  format: ProblemFormat;
  strict: boolean;
}

export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  let unreadable = false;
  const reports: FileReport[] = findPlanFiles(paths, io.cwd).map((file) => {
    const text = readPlanFile(file, io.cwd);
    if (!text.ok) {
      unreadable ||= text.toolFailure;
      return { file, source: '', problems: [text.problem] };
    }
    const { problems } = checkPlanSource(text.source);
    return { file, source: text.source, problems: options.strict ? problems.map((p) => ({ ...p, severity: 'error' as const })) : problems };
  });
  io.stdout(formatProblems(reports, options.format, io));
  if (unreadable) return 2;
  return reports.some((report) => report.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}
