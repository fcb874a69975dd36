import { locateInPlan } from '../plan/check-plan.js';
import { countBySeverity, type FileReport, type LocatedProblem } from '../problems/problem.js';
import { resolve } from 'node:path';
import { findPlanFiles, splitProjectPaths } from './find-plan-files.js';
import { loadProject } from './load-project.js';
import { checkPlanFile } from './check-plan-file.js';
import { readPlanFile } from './read-plan-file.js';

export interface ValidateRequest {
  /** Plan files or folders, and perhaps a mapc.yaml (checked as a project, with its parts); none: ./mapc.yaml and its parts, else ./plans. */
  paths?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Count warnings as errors. */
  strict?: boolean;
}

export interface Validation {
  /** No errors (with `strict`, no warnings either). */
  ok: boolean;
  errors: number;
  warnings: number;
  /** Every file checked, in order, each with its problems in order of position. */
  files: FileReport[];
  /** Some file could not be read at all (the command's exit code 2). */
  unreadable: boolean;
}

/**
 * Checks plan files as `mapc validate` does: the project file first when there is one,
 * then each plan, every problem of every file with its place; and plans checked together
 * must not share an id, since their documents are named after it.
 */
export function validate(request: ValidateRequest): Validation {
  const { cwd, env } = request;
  const paths = request.paths ?? [];
  let unreadable = false;
  const reports: FileReport[] = [];
  const { projectFile, planPaths } = splitProjectPaths(paths, cwd);
  let planFiles: string[] = [];
  if (projectFile) {
    const loaded = loadProject(projectFile, cwd, env);
    unreadable ||= loaded.unreadable;
    reports.push(loaded.report);
    planFiles = loaded.partFiles;
  }
  // `mapc validate mapc.yaml plans`: the parts are in plans/ too, and each file is checked once.
  if (planPaths.length > 0 || !projectFile) planFiles = onePerFile([...planFiles, ...findPlanFiles(planPaths, cwd)], cwd);

  const fileOfId = new Map<string, string>();
  for (const file of planFiles) {
    const text = readPlanFile(file, cwd, env);
    if (!text.ok) {
      unreadable ||= text.toolFailure;
      reports.push({ file, source: '', problems: [text.problem] });
      continue;
    }
    const { problems, plan, notChecked } = checkPlanFile(text.source, file, cwd);
    reports.push({ file, source: text.source, problems, ...(notChecked ? { notChecked } : {}) });
    const twin = plan && fileOfId.get(plan.id);
    if (plan && twin) {
      problems.push(sameIdProblem(text.source, plan.id, twin));
      problems.sort((a, b) => a.line - b.line || a.column - b.column);
    } else if (plan) fileOfId.set(plan.id, file);
  }
  const files = request.strict ? reports.map((r) => ({ ...r, problems: r.problems.map((p) => ({ ...p, severity: 'error' as const })) })) : reports;
  const { errors, warnings } = countBySeverity(files);
  return { ok: errors === 0 && !unreadable, errors, warnings, files, unreadable };
}

/** The files in order, each once, however its path was written. */
function onePerFile(files: readonly string[], cwd: string): string[] {
  const byPath = new Map<string, string>();
  for (const file of files) if (!byPath.has(resolve(cwd, file))) byPath.set(resolve(cwd, file), file);
  return [...byPath.values()];
}

function sameIdProblem(source: string, id: string, twin: string): LocatedProblem {
  return locateInPlan(source, {
    severity: 'error',
    code: 'plans/duplicate-id',
    message: `The plan id '${id}' is also the id of ${twin}; documents are named after ids, so one would overwrite the other. Give each plan its own id.`,
    pointer: '/id',
  });
}
