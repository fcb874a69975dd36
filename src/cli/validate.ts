import { checkPlanSource, locateInPlan } from '../plan/check-plan.js';
import type { FileReport, LocatedProblem } from '../problems/problem.js';
import { findPlanFiles } from '../project/find-plan-files.js';
import { formatProblems, type ProblemFormat } from './format-problems.js';
import type { Io } from '../build/io.js';
import { findProject } from '../project/find-plan-files.js';
import { loadProject } from '../project/load-project.js';
import { readPlanFile } from '../project/read-plan-file.js';

export interface ValidateOptions {
  format: ProblemFormat;
  strict: boolean;
}

export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  let unreadable = false;
  const reports: FileReport[] = [];
  const projectFile = findProject(paths, io.cwd);
  let planFiles: string[];
  if (projectFile) {
    // A project: its own file first, then its parts in order.
    const loaded = loadProject(projectFile, io.cwd);
    unreadable ||= loaded.unreadable;
    reports.push(loaded.report);
    planFiles = loaded.partFiles;
  } else planFiles = findPlanFiles(paths, io.cwd);

  // Documents are named after plan ids: build refuses a second plan with the same id, so validate says so first.
  const fileOfId = new Map<string, string>();
  for (const file of planFiles) {
    const text = readPlanFile(file, io.cwd, io.env);
    if (!text.ok) {
      unreadable ||= text.toolFailure;
      reports.push({ file, source: '', problems: [text.problem] });
      continue;
    }
    const { problems, plan } = checkPlanSource(text.source);
    reports.push({ file, source: text.source, problems });
    const twin = plan && fileOfId.get(plan.id);
    if (plan && twin) {
      problems.push(sameIdProblem(text.source, plan.id, twin));
      problems.sort((a, b) => a.line - b.line || a.column - b.column);
    } else if (plan) fileOfId.set(plan.id, file);
  }
  const final = options.strict ? reports.map((r) => ({ ...r, problems: r.problems.map((p) => ({ ...p, severity: 'error' as const })) })) : reports;
  io.stdout(formatProblems(final, options.format, io));
  if (unreadable) return 2;
  return final.some((report) => report.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

function sameIdProblem(source: string, id: string, twin: string): LocatedProblem {
  return locateInPlan(source, {
    severity: 'error',
    code: 'plans/duplicate-id',
    message: `The plan id '${id}' is also the id of ${twin}; documents are named after ids, so one would overwrite the other. Give each plan its own id.`,
    pointer: '/id',
  });
}
