import { formatDate } from '../plan/format-date.js';
import type { Achievement, Action, Objective, Plan } from '../plan/model.js';
import { formatMoney } from './format-values.js';
import { fundingView, type FundingView } from './funding-view.js';
import type { ObjectiveLink } from './objective-link.js';
import { indicatorView, linkOf, type IndicatorLink, type IndicatorView } from './indicator-view.js';
import { labelsFor, type Labels } from '../plan/labels.js';
import { reportView, type ReportView } from './report-view.js';
import { strategyView, type StrategyView } from './strategy-view.js';

export type { FundingView, IndicatorLink, IndicatorView, ObjectiveLink, ReportView, StrategyView };

/**
 * What templates see. Every key is always present (null or [] when the plan leaves it
 * out) because templates are compiled strictly: a template that names a field that does
 * not exist is an error, not a silent blank. Markdown stays markdown here; templates
 * render it with the `markdown` helper.
 */
export interface PlanView {
  id: string;
  kind: string;
  title: string;
  authority: string;
  service: string | null;
  period: string;
  reviewPeriod: string | null;
  status: string;
  statusLabel: string;
  isDraft: boolean;
  dates: { submitted: string | null; approved: string | null; published: string | null };
  framework: { name: string; objectives: NationalObjectiveView[] };
  part: { number: string; title: string } | null;
  summary: string | null;
  emphases: string[];
  keyActions: KeyActionView[];
  objectives: ObjectiveView[];
  indicators: IndicatorView[];
  /** The indicators table's optional columns, left out when no indicator has a figure for them. */
  indicatorColumns: { comparator: boolean; target: boolean };
  strategy: StrategyView | null;
  funding: FundingView | null;
  glossary: { abbreviation: string; expansion: string }[];
  report: ReportView | null;
  /** The documents' own headings and phrases, for the `label` helper. */
  labels: Labels;
}

export interface NationalObjectiveView {
  code: string;
  wording: string;
  /** The plan's objectives that address it. */
  objectives: ObjectiveLink[];
}

export interface KeyActionView {
  id: string | null;
  number: number;
  text: string;
  objectives: ObjectiveLink[];
}

export interface ObjectiveView extends ObjectiveLink {
  titleIsNational: boolean;
  national: { code: string; wording: string | null }[];
  summary: string | null;
  achievements: { id: string | null; text: string; indicators: IndicatorLink[] }[];
  actions: ActionView[];
  indicators: IndicatorView[];
  keyActions: { number: number; text: string }[];
}

export interface ActionView {
  id: string | null;
  text: string;
  lead: string | null;
  partners: string[];
  due: string | null;
  status: string;
  statusLabel: string;
  cost: string | null;
  indicators: IndicatorLink[];
}

/** Each status's label: a plan's (draft … approved) and an action's (planned … dropped). */
export const STATUS_LABELS: Record<string, keyof Labels> = {
  draft: 'statusDraft',
  consultation: 'statusConsultation',
  submitted: 'statusSubmitted',
  approved: 'statusApproved',
  planned: 'statusPlanned',
  'in-progress': 'statusInProgress',
  done: 'statusDone',
  dropped: 'statusDropped',
};

export function statusLabel(status: string, labels: Labels): string {
  return labels[STATUS_LABELS[status]!];
}

export function buildPlanView(plan: Plan): PlanView {
  const labels = labelsFor(plan.labels);
  const indicators = new Map(plan.indicators.map((i) => [i.id, indicatorView(i, plan.authority, labels)]));
  const indicatorLinks = (ids: string[]) => ids.flatMap((id) => (indicators.has(id) ? [linkOf(indicators.get(id)!)] : []));
  const objectiveLinks = new Map(plan.objectives.map((o) => [o.id, objectiveLink(o)]));
  const linksTo = (ids: string[]) => ids.flatMap((id) => (objectiveLinks.has(id) ? [objectiveLinks.get(id)!] : []));
  const keyActions: KeyActionView[] = plan.keyActions.map((k, i) => ({ id: k.id ?? null, number: i + 1, text: k.text, objectives: linksTo(k.objectives) }));

  return {
    id: plan.id,
    kind: plan.kind,
    title: plan.title,
    authority: plan.authority,
    service: plan.service ?? null,
    period: plan.period,
    reviewPeriod: plan.reviewPeriod ?? null,
    status: plan.status,
    statusLabel: statusLabel(plan.status, labels),
    isDraft: plan.isDraft,
    dates: {
      submitted: dateOrNull(plan.dates.submitted),
      approved: dateOrNull(plan.dates.approved),
      published: dateOrNull(plan.dates.published),
    },
    framework: {
      name: plan.framework.name,
      objectives: plan.framework.objectives.map((n) => ({
        code: n.code,
        wording: n.wording,
        objectives: plan.objectives.filter((o) => o.national.includes(n.code)).map((o) => objectiveLinks.get(o.id)!),
      })),
    },
    part: plan.part ?? null,
    summary: plan.summary ?? null,
    emphases: plan.emphases,
    keyActions,
    objectives: plan.objectives.map((o) => ({
      ...objectiveLinks.get(o.id)!,
      titleIsNational: o.titleSource === 'national',
      national: o.national.map((code) => ({ code, wording: plan.framework.objectives.find((n) => n.code === code)?.wording ?? null })),
      summary: o.summary ?? null,
      achievements: o.achievements.map((a: Achievement) => ({ id: a.id ?? null, text: a.text, indicators: indicatorLinks(a.indicators) })),
      actions: o.actions.map((a) => actionView(a, indicatorLinks, labels)),
      indicators: o.indicators.flatMap((id) => (indicators.has(id) ? [indicators.get(id)!] : [])),
      keyActions: keyActions.filter((k) => k.objectives.some((link) => link.id === o.id)).map((k) => ({ number: k.number, text: k.text })),
    })),
    indicators: [...indicators.values()],
    indicatorColumns: { comparator: [...indicators.values()].some((i) => i.comparator !== null), target: [...indicators.values()].some((i) => i.target !== null) },
    strategy: plan.strategy ? strategyView(plan.strategy, indicatorLinks, labels) : null,
    funding: fundingView(plan, objectiveLinks),
    glossary: Object.entries(plan.glossary)
      .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
      .map(([abbreviation, expansion]) => ({ abbreviation, expansion })),
    report: plan.report ? reportView(plan.report, plan) : null,
    labels,
  };
}

function objectiveLink(o: Objective): ObjectiveLink {
  return { id: o.id, anchor: `objective-${o.id}`, number: o.number, title: o.title };
}

function actionView(a: Action, indicatorLinks: (ids: string[]) => IndicatorLink[], labels: Labels): ActionView {
  return {
    id: a.id ?? null,
    text: a.text,
    lead: a.lead ?? null,
    partners: a.partners,
    due: a.due === undefined ? null : formatDate(a.due),
    status: a.status,
    statusLabel: statusLabel(a.status, labels),
    cost: a.cost === undefined ? null : formatMoney(a.cost),
    indicators: indicatorLinks(a.indicators),
  };
}

function dateOrNull(date: string | undefined): string | null {
  return date === undefined ? null : formatDate(date);
}
