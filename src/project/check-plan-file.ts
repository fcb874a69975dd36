import { checkPlanSource, type PlanCheck } from '../plan/check-plan.js';
import { logoPath, readLogo } from './read-logo.js';

export interface PlanFileCheck extends PlanCheck {
  /** The files the plan uses besides itself, absolute: the logo its paper names, read or not. */
  uses: string[];
}

/**
 * Checks a plan file's text (checkPlanSource), then what needs the file's place in the
 * project: the logo its committee paper names, read in (read-logo.ts), or one more problem.
 * For `build`, `validate` and the API alike, so that each reports the same problems.
 */
export function checkPlanFile(source: string, file: string, cwd: string): PlanFileCheck {
  const check = checkPlanSource(source);
  if (!check.plan) return { ...check, uses: [] };
  const named = logoPath(check.plan, file, cwd);
  const uses = named === undefined ? [] : [named];
  const logo = readLogo(check.plan, source, file, cwd);
  if ('plan' in logo) return { ...check, plan: logo.plan, uses };
  const problems = [...check.problems, logo.problem].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...check, problems, uses };
}
