import { closeDirectionControlsIn } from './bidi.js';
import { FRAMEWORKS, findNationalObjective, type Framework } from './frameworks.js';
import type { FundingLineFile, IndicatorFile, ObjectiveFile, PlanFile, ReportFile, StrategyFile } from './plan-file.js';

/**
 * The plan as the rest of mapc uses it: defaults filled in, text-or-mapping items made
 * uniform, national wording resolved, and each entity's JSON pointer kept so that rules
 * and diffs can say where it came from.
 */
export interface Plan {
  id: string;
  kind: 'qp-map' | 'strategy';
  title: string;
  authority: string;
  service?: string;
  period: string;
  reviewPeriod?: string;
  status: 'draft' | 'consultation' | 'submitted' | 'approved';
  /** Anything not submitted or approved is marked DRAFT. */
  isDraft: boolean;
  dates: { submitted?: string; approved?: string; published?: string };
  framework: Framework;
  /** Whether the plan names its framework (`framework:`) or the default stands in. */
  frameworkSource: 'plan' | 'default';
  part?: { number: string; title: string };
  summary?: string;
  emphases: string[];
  keyActions: KeyAction[];
  objectives: Objective[];
  indicators: Indicator[];
  strategy?: Strategy;
  funding: FundingLine[];
  glossary: Record<string, string>;
  report?: Report;
  /** The plan's own wording of the built-in documents' headings and phrases (`labels:`), key by key; the defaults are the schema's. */
  labels: Record<string, string>;
}

export interface Located {
  /** JSON pointer of this entity in its plan file. */
  pointer: string;
}

/** An entity written as text, or as a mapping with `text:`: where that text is (the entity itself, or its text key). */
export interface WrittenAsText {
  textPointer?: string;
}

export interface KeyAction extends Located, WrittenAsText {
  id?: string;
  text: string;
  objectives: string[];
}

export interface Objective extends Located {
  id: string;
  number: string;
  title: string;
  /** Where the title came from: the plan, the national objective's wording, or (lacking both, an error) the id. */
  titleSource: 'plan' | 'national' | 'id';
  national: string[];
  summary?: string;
  achievements: Achievement[];
  actions: Action[];
  indicators: string[];
}

export interface Achievement extends Located, WrittenAsText {
  id?: string;
  text: string;
  indicators: string[];
}

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'dropped';

export interface Action extends Located, WrittenAsText {
  id?: string;
  text: string;
  lead?: string;
  partners: string[];
  due?: string;
  status: ActionStatus;
  cost?: number;
  indicators: string[];
}

export type Unit = NonNullable<IndicatorFile['unit']>;
export type Polarity = NonNullable<IndicatorFile['polarity']>;
export type Measure = NonNullable<IndicatorFile['measure']>;

export interface Indicator extends Located {
  id: string;
  label: string;
  code?: string;
  unit: Unit;
  polarity: Polarity;
  /** A level is drawn as a bar; a difference or a change as a point above or below zero. */
  measure: Measure;
  period?: string;
  value: number;
  national?: number;
  comparator?: number;
  target?: { value: number; period?: string };
  history: { period: string; value: number }[];
  note?: string;
}

export interface Strategy extends Located {
  title?: string;
  horizon: string;
  items: StrategyItem[];
}

export interface StrategyItem extends Located {
  id: string;
  title: string;
  text: string;
  national: string[];
  targets: (Located & { text: string; indicator?: string; value?: number; unit?: Unit; by?: string })[];
}

export interface FundingLine extends Located {
  source: string;
  amount: number;
  objective?: string;
  period?: string;
  note?: string;
}

export interface Report extends Located {
  committee: string;
  /** Left out of a rolled-over plan until the meeting is known. */
  date?: string;
  paper?: string;
  title: string;
  from: string;
  purpose: string;
  background?: string;
  sections: ReportSection[];
  conclusion?: string;
  recommendations: string[];
  backgroundPapers: string[];
  contacts: { name: string; role?: string; phone?: string; email?: string }[];
  signedBy?: { name: string; role: string };
  appendix: boolean;
  /**
   * `file` relative to the plan file. `src`, its data: URI, is set once the file has been
   * read (src/project/read-logo.ts): the model is built from the plan's text alone.
   */
  logo?: { file: string; alt: string; src?: string };
}

export interface ReportSection {
  heading: string;
  body: string;
  /** A list of the plan's printed after the body, where the paper had it. */
  include?: 'emphases' | 'keyActions';
  closing?: string;
}

/** Builds the model from a plan file that has passed the schema check. */
export function buildPlan(raw: PlanFile): Plan {
  // Text that leaves a direction override open must not turn the document around.
  const file = closeDirectionControlsIn(raw);
  const framework = FRAMEWORKS[file.framework ?? 'quality-protects'];
  const status = file.status ?? 'draft';
  return {
    id: file.id,
    kind: file.kind,
    title: file.title,
    authority: file.authority,
    ...optional('service', file.service),
    period: String(file.period),
    ...optional('reviewPeriod', file.reviewPeriod === undefined ? undefined : String(file.reviewPeriod)),
    status,
    isDraft: status !== 'submitted' && status !== 'approved',
    dates: { ...optional('submitted', file.dates?.submitted), ...optional('approved', file.dates?.approved), ...optional('published', file.dates?.published) },
    framework,
    frameworkSource: file.framework === undefined ? 'default' : 'plan',
    ...optional('part', file.part && { number: String(file.part.number), title: file.part.title }),
    ...optional('summary', file.summary),
    emphases: file.emphases ?? [],
    keyActions: (file.keyActions ?? []).map((item, i) => {
      const pointer = `/keyActions/${i}`;
      return typeof item === 'string'
        ? { pointer, text: item, objectives: [] }
        : { pointer, textPointer: `${pointer}/text`, ...optional('id', item.id), text: item.text, objectives: item.objectives ?? [] };
    }),
    objectives: file.objectives.map((objective, i) => buildObjective(objective, i, framework)),
    indicators: (file.indicators ?? []).map(buildIndicator),
    ...optional('strategy', file.strategy && buildStrategy(file.strategy)),
    funding: (file.funding ?? []).map(buildFundingLine),
    glossary: { ...(file.glossary as Record<string, string> | undefined) },
    ...optional('report', file.report && buildReport(file.report, file.title)),
    labels: labelsOf(file.labels),
  };
}

function buildObjective(objective: ObjectiveFile, index: number, framework: Framework): Objective {
  const pointer = `/objectives/${index}`;
  const national = objective.national ?? [];
  const nationalWording = national.length === 1 ? findNationalObjective(framework, national[0]!)?.wording : undefined;
  return {
    pointer,
    id: objective.id,
    number: objective.number === undefined ? String(index + 1) : String(objective.number),
    // Without a title or a single known national code, the rules report it; the id stands in.
    title: objective.title ?? nationalWording ?? objective.id,
    titleSource: objective.title !== undefined ? 'plan' : nationalWording !== undefined ? 'national' : 'id',
    national,
    ...optional('summary', objective.summary),
    achievements: (objective.achievements ?? []).map((item, i) => {
      const at = `${pointer}/achievements/${i}`;
      return typeof item === 'string'
        ? { pointer: at, text: item, indicators: [] }
        : { pointer: at, textPointer: `${at}/text`, ...optional('id', item.id), text: item.text, indicators: item.indicators ?? [] };
    }),
    actions: (objective.actions ?? []).map((item, i): Action => {
      const at = `${pointer}/actions/${i}`;
      if (typeof item === 'string') return { pointer: at, text: item, partners: [], status: 'planned', indicators: [] };
      return {
        pointer: at,
        textPointer: `${at}/text`,
        ...optional('id', item.id),
        text: item.text,
        ...optional('lead', item.lead),
        partners: item.partners ?? [],
        ...optional('due', item.due === undefined ? undefined : String(item.due)),
        status: item.status ?? 'planned',
        ...optional('cost', item.cost),
        indicators: item.indicators ?? [],
      };
    }),
    indicators: objective.indicators ?? [],
  };
}

function buildIndicator(indicator: IndicatorFile, index: number): Indicator {
  const target = indicator.target;
  return {
    pointer: `/indicators/${index}`,
    id: indicator.id,
    label: indicator.label,
    ...optional('code', indicator.code),
    unit: indicator.unit ?? 'number',
    polarity: indicator.polarity ?? 'neutral',
    measure: indicator.measure ?? 'level',
    ...optional('period', indicator.period === undefined ? undefined : String(indicator.period)),
    value: indicator.value,
    ...optional('national', indicator.national),
    ...optional('comparator', indicator.comparator),
    ...optional(
      'target',
      target === undefined
        ? undefined
        : typeof target === 'number'
          ? { value: target }
          : { value: target.value, ...optional('period', target.period === undefined ? undefined : String(target.period)) },
    ),
    history: (indicator.history ?? []).map((entry) => ({ period: String(entry.period), value: entry.value })),
    ...optional('note', indicator.note),
  };
}

function buildStrategy(strategy: StrategyFile): Strategy {
  return {
    pointer: '/strategy',
    ...optional('title', strategy.title),
    horizon: String(strategy.horizon),
    items: strategy.items.map((item, i) => ({
      pointer: `/strategy/items/${i}`,
      id: item.id,
      title: item.title,
      text: item.text,
      national: item.national ?? [],
      targets: (item.targets ?? []).map((target, j) => ({
        pointer: `/strategy/items/${i}/targets/${j}`,
        text: target.text,
        ...optional('indicator', target.indicator),
        ...optional('value', target.value),
        ...optional('unit', target.unit),
        ...optional('by', target.by === undefined ? undefined : String(target.by)),
      })),
    })),
  };
}

function buildFundingLine(line: FundingLineFile, index: number): FundingLine {
  return {
    pointer: `/funding/${index}`,
    source: line.source,
    amount: line.amount,
    ...optional('objective', line.objective),
    ...optional('period', line.period === undefined ? undefined : String(line.period)),
    ...optional('note', line.note),
  };
}

function buildReport(report: ReportFile, planTitle: string): Report {
  return {
    pointer: '/report',
    committee: report.committee,
    ...optional('date', report.date),
    ...optional('paper', report.paper === undefined ? undefined : String(report.paper)),
    title: report.title ?? planTitle,
    from: report.from,
    purpose: report.purpose,
    ...optional('background', report.background),
    sections: (report.sections ?? []).map((s) => ({
      heading: s.heading,
      body: s.body,
      ...optional('include', s.include),
      ...optional('closing', s.closing),
    })),
    ...optional('conclusion', report.conclusion),
    recommendations: report.recommendations,
    backgroundPapers: report.backgroundPapers ?? [],
    contacts: (report.contacts ?? []).map((c) => ({
      name: c.name,
      ...optional('role', c.role),
      ...optional('phone', c.phone === undefined ? undefined : String(c.phone)),
      ...optional('email', c.email),
    })),
    ...optional('signedBy', report.signedBy && { name: report.signedBy.name, role: report.signedBy.role }),
    appendix: report.appendix ?? true,
    ...optional('logo', report.logo && { file: report.logo.file, alt: report.logo.alt }),
  };
}

/** `{key: value}` when value is defined, else `{}`: keeps absent fields absent, not `undefined`. */
/** A `labels:` mapping without its local extensions (`x-…`), which only the author reads. */
export function labelsOf(labels: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(labels ?? {}).filter((entry): entry is [string, string] => !entry[0].startsWith('x-') && typeof entry[1] === 'string'));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
