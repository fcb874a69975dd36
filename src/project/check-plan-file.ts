import { checkPlanSource, type PlanCheck } from '../plan/check-plan.js';
import { readLogo } from './read-logo.js';

/**
 * Checks a plan file's text (checkPlanSource), then what needs the file's place in the
 * project: the logo its committee paper names, read in (read-logo.ts), or one more problem.
 * For `build`, `validate` and the API alike, so that each reports the same problems.
 */
export function checkPlanFile(source: string, file: string, cwd: string): PlanCheck {
  const check = checkPlanSource(source);
  if (!check.plan) return check;
  const logo = readLogo(check.plan, source, file, cwd);
  if ('plan' in logo) return { ...check, plan: logo.plan };
  const problems = [...check.problems, logo.problem].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...check, problems };
}
