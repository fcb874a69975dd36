import type { Achievement, Action, Indicator, Objective, Plan, Report, Strategy } from '../plan/model.js';
import { judge, type Judgement } from './compare-indicator.js';
import { formatDate } from '../plan/format-date.js';
import { formatMoney, formatValue } from './format-values.js';
import { indicatorChart } from './indicator-chart.js';

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
  strategy: StrategyView | null;
  funding: FundingView | null;
  glossary: { abbreviation: string; expansion: string }[];
  report: ReportView | null;
}

export interface NationalObjectiveView {
  code: string;
  wording: string;
  /** The plan's objectives that address it. */
  objectives: ObjectiveLink[];
}

export interface ObjectiveLink {
  id: string;
  anchor: string;
  number: string;
  title: string;
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

export interface IndicatorLink {
  id: string;
  anchor: string;
  label: string;
}

export interface IndicatorView extends IndicatorLink {
  code: string | null;
  unit: string;
  polarity: string;
  polarityLabel: string;
  period: string | null;
  value: string;
  national: string | null;
  comparator: string | null;
  target: string | null;
  targetPeriod: string | null;
  history: { period: string; value: string }[];
  note: string | null;
  againstNational: { judgement: Judgement; label: string };
  chart: string;
}

export interface StrategyView {
  title: string;
  horizon: string;
  /** "Runs to 2008", when the title does not already say so. */
  horizonNote: string | null;
  items: {
    id: string;
    anchor: string;
    number: number;
    title: string;
    text: string;
    national: string[];
    targets: { text: string; indicator: IndicatorLink | null; value: string | null; by: string | null }[];
  }[];
}

export interface FundingView {
  lines: { source: string; amount: string; objective: ObjectiveLink | null; period: string | null; note: string | null }[];
  byObjective: { objective: ObjectiveLink | null; amount: string }[];
  total: string;
}

export interface ReportView {
  committee: string;
  date: string;
  paper: string | null;
  title: string;
  from: string;
  purpose: string;
  background: string | null;
  sections: { heading: string; body: string; includesEmphases: boolean; includesKeyActions: boolean; closing: string | null }[];
  /** Whether a section prints these lists; if not, the paper prints them in their default place. */
  sectionsIncludeEmphases: boolean;
  sectionsIncludeKeyActions: boolean;
  conclusion: string | null;
  recommendations: string[];
  backgroundPapers: string[];
  contacts: { name: string; role: string | null; phone: string | null; email: string | null }[];
  signedBy: { name: string; role: string } | null;
  appendix: boolean;
}

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  consultation: 'Draft for consultation',
  submitted: 'Submitted',
  approved: 'Approved',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

const JUDGEMENT_LABELS: Record<Judgement, string> = {
  better: 'Better than national',
  worse: 'Worse than national',
  same: 'Same as national',
  'not-judged': 'Not compared',
};

export function buildPlanView(plan: Plan): PlanView {
  const indicators = new Map(plan.indicators.map((i) => [i.id, indicatorView(i, plan.authority)]));
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
    statusLabel: STATUS_LABELS[plan.status]!,
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
      actions: o.actions.map((a) => actionView(a, indicatorLinks)),
      indicators: o.indicators.flatMap((id) => (indicators.has(id) ? [indicators.get(id)!] : [])),
      keyActions: keyActions.filter((k) => k.objectives.some((link) => link.id === o.id)).map((k) => ({ number: k.number, text: k.text })),
    })),
    indicators: [...indicators.values()],
    strategy: plan.strategy ? strategyView(plan.strategy, indicatorLinks) : null,
    funding: fundingView(plan, objectiveLinks),
    glossary: Object.entries(plan.glossary)
      .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
      .map(([abbreviation, expansion]) => ({ abbreviation, expansion })),
    report: plan.report ? reportView(plan.report) : null,
  };
}

function objectiveLink(o: Objective): ObjectiveLink {
  return { id: o.id, anchor: `objective-${o.id}`, number: o.number, title: o.title };
}

function linkOf(indicator: IndicatorView): IndicatorLink {
  return { id: indicator.id, anchor: indicator.anchor, label: indicator.label };
}

function indicatorView(i: Indicator, authority: string): IndicatorView {
  const judgement = judge(i, i.value, i.national);
  return {
    id: i.id,
    anchor: `indicator-${i.id}`,
    label: i.label,
    code: i.code ?? null,
    unit: i.unit,
    polarity: i.polarity,
    polarityLabel: i.polarity === 'higher-is-better' ? 'Higher is better' : i.polarity === 'lower-is-better' ? 'Lower is better' : 'Neither',
    period: i.period ?? null,
    value: formatValue(i.value, i.unit),
    national: i.national === undefined ? null : formatValue(i.national, i.unit),
    comparator: i.comparator === undefined ? null : formatValue(i.comparator, i.unit),
    target: i.target === undefined ? null : formatValue(i.target.value, i.unit),
    targetPeriod: i.target?.period ?? null,
    history: i.history.map((h) => ({ period: h.period, value: formatValue(h.value, i.unit) })),
    note: i.note ?? null,
    againstNational: { judgement, label: JUDGEMENT_LABELS[judgement] },
    chart: indicatorChart(i, authority),
  };
}

function actionView(a: Action, indicatorLinks: (ids: string[]) => IndicatorLink[]): ActionView {
  return {
    id: a.id ?? null,
    text: a.text,
    lead: a.lead ?? null,
    partners: a.partners,
    due: a.due === undefined ? null : formatDate(a.due),
    status: a.status,
    statusLabel: STATUS_LABELS[a.status]!,
    cost: a.cost === undefined ? null : formatMoney(a.cost),
    indicators: indicatorLinks(a.indicators),
  };
}

function strategyView(strategy: Strategy, indicatorLinks: (ids: string[]) => IndicatorLink[]): StrategyView {
  return {
    title: strategy.title ?? `Medium-term strategy to ${strategy.horizon}`,
    horizon: strategy.horizon,
    horizonNote: strategy.title === undefined || strategy.title.includes(strategy.horizon) ? null : `Runs to ${strategy.horizon}.`,
    items: strategy.items.map((item, i) => ({
      id: item.id,
      anchor: `strategy-${item.id}`,
      number: i + 1,
      title: item.title,
      text: item.text,
      national: item.national,
      targets: item.targets.map((t) => ({
        text: t.text,
        indicator: t.indicator === undefined ? null : (indicatorLinks([t.indicator])[0] ?? null),
        value: t.value === undefined ? null : formatValue(t.value, t.unit ?? 'number'),
        by: t.by ?? null,
      })),
    })),
  };
}

function fundingView(plan: Plan, objectiveLinks: Map<string, ObjectiveLink>): FundingView | null {
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

function reportView(report: Report): ReportView {
  return {
    committee: report.committee,
    date: formatDate(report.date),
    paper: report.paper ?? null,
    title: report.title,
    from: report.from,
    purpose: report.purpose,
    background: report.background ?? null,
    sections: report.sections.map((s) => ({
      heading: s.heading,
      body: s.body,
      includesEmphases: s.include === 'emphases',
      includesKeyActions: s.include === 'keyActions',
      closing: s.closing ?? null,
    })),
    sectionsIncludeEmphases: report.sections.some((s) => s.include === 'emphases'),
    sectionsIncludeKeyActions: report.sections.some((s) => s.include === 'keyActions'),
    conclusion: report.conclusion ?? null,
    recommendations: report.recommendations,
    backgroundPapers: report.backgroundPapers,
    contacts: report.contacts.map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone ?? null, email: c.email ?? null })),
    signedBy: report.signedBy ?? null,
    appendix: report.appendix,
  };
}

function dateOrNull(date: string | undefined): string | null {
  return date === undefined ? null : formatDate(date);
}
