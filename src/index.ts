/**
 * mapc as a library: what the command line does, for a council's CI script or another
 * tool to call instead of shelling out. Each function takes the folder and environment to
 * work in, defaulting to this process's; none prints anything or exits.
 *
 *   import { build } from 'mapc';
 *   const result = await build({ paths: ['plans'], to: ['html'] });
 *   if (result.exitCode !== 0) console.error(result.notBuilt);
 */
import { build as buildIn, type BuildRequest, type BuildResult } from './build/build.js';
import type { BuildEvents } from './build/build-events.js';
import type { Workspace } from './build/io.js';
import { verifyFolder as verifyIn, type Verification } from './build/verify-folder.js';
import type { Plan } from './plan/model.js';
import type { LocatedProblem } from './problems/problem.js';
import { checkPlanFile } from './project/check-plan-file.js';
import { readPlanFile } from './project/read-plan-file.js';
import { validate as validateIn, type ValidateRequest, type Validation } from './project/validate-paths.js';

export type { BuildEvents } from './build/build-events.js';
export type { BuildRequest, BuildResult, OutputFormat } from './build/build.js';
export type { Manifest, ManifestEntry } from './build/manifest.js';
export type { Verification } from './build/verify-folder.js';
export type { Change, PlanDiff } from './diff/change.js';
export { diffPlans } from './diff/diff-plans.js';
export type { Plan } from './plan/model.js';
export type { FileReport, LocatedProblem } from './problems/problem.js';
export { ToolError } from './problems/tool-error.js';
export type { ValidateRequest, Validation } from './project/validate-paths.js';
export { rollover, type RolloverOutcome } from './rollover/rollover.js';
export { importDocument, type ImportCounts, type ImportOptions, type ImportOutcome } from './import/import-document.js';
export type { Rollover } from './rollover/rollover-plan.js';

/** The folder and environment to work in, where not given: this process's. */
type Where<T extends Workspace> = Omit<T, keyof Workspace> & Partial<Workspace>;

function here<T extends Workspace>(request: Where<T>): T {
  return { cwd: process.cwd(), env: process.env, ...request } as T;
}

/** Checks plan files as `mapc validate` does: every problem of every file, with its place. */
export function validate(request: Where<ValidateRequest> = {}): Validation {
  return validateIn(here(request));
}

/** Builds plans to HTML and PDF as `mapc build` does; `events` hears of each file and output as it happens. */
export function build(request: Where<BuildRequest> = {}, events: BuildEvents = {}): Promise<BuildResult> {
  return buildIn(here(request), events);
}

/** Proves that the outputs in `dir` are what their sources build to, as `mapc verify` does. */
export function verifyFolder(dir: string, where: Partial<Workspace> = {}): Promise<Verification> {
  return verifyIn(dir, here(where));
}

/** What a plan file holds: the plan when it has no errors, and every problem found (errors and warnings). */
export interface LoadedPlan {
  plan?: Plan;
  problems: LocatedProblem[];
}

/**
 * Reads and checks one plan file, with the limits `mapc validate` has (size, UTF-8). A file
 * that cannot be read is one problem (code `file/…`); a plan with errors has no `plan`.
 */
export function loadPlan(file: string, where: Partial<Workspace> = {}): LoadedPlan {
  const { cwd, env } = here<Workspace>(where);
  const text = readPlanFile(file, cwd, env);
  if (!text.ok) return { problems: [text.problem] };
  const { plan, problems } = checkPlanFile(text.source, file, cwd);
  return { ...(plan && !problems.some((p) => p.severity === 'error') ? { plan } : {}), problems };
}
