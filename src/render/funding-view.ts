import type { Plan } from '../plan/model.js';
import { formatMoney } from './format-values.js';
import type { ObjectiveLink } from './objective-link.js';

/** Funding as templates see it: the lines, and the totals by objective. */
export interface FundingView {
  lines: { source: string; amount: string; objective: ObjectiveLink | null; period: string | null; note: string | null }[];
  byObjective: { objective: ObjectiveLink | null; amount: string }[];
  total: string;
}

export function fundingView(plan: Plan, objectiveLinks: Map<string, ObjectiveLink>): FundingView | null {
  if (plan.funding.length === 0) return null;
  const totals = new Map<string | null, number>();
  for (const line of plan.funding) totals.set(line.objective ?? null, (totals.get(line.objective ?? null) ?? 0) + line.amount);
  const order = [...plan.objectives.map((o) => o.id as string | null), null].filter((id) => totals.has(id));
  return {
    lines: plan.funding.map((line) => ({
      source: line.source,
      amount: formatMoney(line.amount),
      objective: line.objective === undefined ? null : (objectiveLinks.get(line.objective) ?? null),
      period: line.period ?? null,
      note: line.note ?? null,
    })),
    byObjective: order.map((id) => ({ objective: id === null ? null : objectiveLinks.get(id)!, amount: formatMoney(totals.get(id)!) })),
    total: formatMoney(plan.funding.reduce((sum, line) => sum + line.amount, 0)),
  };
}

