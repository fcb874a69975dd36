import type { Plan } from '../plan/model.js';
import { readPeriod } from '../plan/period.js';
import { ToolError } from '../problems/tool-error.js';

/**
 * The date written into a document's PDF, never the clock (so that a rebuild gives the
 * same bytes): the plan's own date (approved, else submitted, else published), else
 * SOURCE_DATE_EPOCH as reproducible builds set it, else the start of the plan period.
 */
export function documentDate(plan: Plan, env: NodeJS.ProcessEnv): Date {
  return datedBy(plan, env).date;
}

/**
 * The date of one document of a plan: a committee paper is dated by its meeting (what the
 * paper itself says), the plan's other documents as datedBy.
 */
export function documentDatedBy(plan: Plan, document: string, env: NodeJS.ProcessEnv): { date: Date; sourceDateEpoch?: string } {
  if (document === 'report' && plan.report) return { date: new Date(`${plan.report.date}T00:00:00Z`) };
  return datedBy(plan, env);
}

/** The date, and whether SOURCE_DATE_EPOCH gave it (the manifest records the epoch then). */
export function datedBy(plan: Plan, env: NodeJS.ProcessEnv): { date: Date; sourceDateEpoch?: string } {
  const own = plan.dates.approved ?? plan.dates.submitted ?? plan.dates.published;
  if (own) return { date: new Date(`${own}T00:00:00Z`) };
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const date = new Date(Number(epoch) * 1000);
    // A PDF's date is a year of four digits: 1970 to 9999.
    if (!/^\d+$/.test(epoch) || !(date.getUTCFullYear() <= 9999)) {
      throw new ToolError(`SOURCE_DATE_EPOCH must be a number of seconds since 1970 (before the year 10000), not '${epoch}'.`);
    }
    return { date, sourceDateEpoch: epoch };
  }
  const period = readPeriod(plan.period);
  return { date: new Date(`${period.ok ? period.range.start : '2000-01-01'}T00:00:00Z`) };
}
