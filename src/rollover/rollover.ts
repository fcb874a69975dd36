import { checkPlanSource } from '../plan/check-plan.js';
import type { LocatedProblem } from '../problems/problem.js';
import { ToolError } from '../problems/tool-error.js';
import { checkNewPeriod, rolloverPlan, type Rollover } from './rollover-plan.js';

export type RolloverOutcome =
  /** Next year's plan, and the warnings it has (each left for the officer to review). */
  | { ok: true; next: Rollover; warnings: LocatedProblem[] }
  /** This year's plan has errors: fix them first. */
  | { ok: false; errors: LocatedProblem[] };

/**
 * Next year's plan file from this year's, as `mapc rollover` makes it. `schemaPath` is
 * the modeline's path to the schema from where the new file will be; `movePath`, when the
 * new file goes to another folder, writes a path of this year's file (the logo's, relative
 * to it) from there; without it such paths are kept as written. A period that does not
 * follow this plan's is a ToolError; a plan with errors is not rolled over.
 */
export function rollover(source: string, period: string, schemaPath: string, movePath?: (path: string) => string): RolloverOutcome {
  const { problems, plan } = checkPlanSource(source);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!plan || errors.length > 0) return { ok: false, errors };
  const wrongPeriod = checkNewPeriod(plan, period);
  if (wrongPeriod) throw new ToolError(`--period: ${wrongPeriod}`);
  const next = rolloverPlan(source, plan, period, schemaPath, movePath);
  const check = checkPlanSource(next.yaml);
  if (!check.plan || check.problems.some((p) => p.severity === 'error')) {
    throw new Error(`the rolled-over plan does not validate (${check.problems.find((p) => p.severity === 'error')?.message ?? 'no model'})`);
  }
  return { ok: true, next, warnings: check.problems };
}
