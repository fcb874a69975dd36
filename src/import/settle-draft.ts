import { FRAMEWORKS, type FrameworkId } from '../plan/frameworks.js';
import type { Draft, DraftItem, DraftReport, DraftStrategyItem, Guess } from './draft.js';
import { findAbbreviations } from './find-abbreviations.js';
import { IdMaker } from './make-ids.js';
import { matchNational } from './match-national.js';
import { periodIn } from './periods.js';

export type Kind = 'qp-map' | 'strategy';

/** The draft with every decision taken that the plan format needs: kind, framework, ids, required fields. */
export interface Settled {
  id: string;
  kind: Guess<Kind>;
  framework: FrameworkId;
  title: Guess<string>;
  authority: Guess<string>;
  service?: string;
  period: Guess<string>;
  reviewPeriod?: string;
  part?: { number: string; title: string };
  unplaced: string[];
  emphases: string[];
  keyActions: { text: string; objectives: string[] }[];
  objectives: { id: string; number?: string; title: string; national?: Guess<string>; achievements: DraftItem[]; actions: DraftItem[] }[];
  strategy?: { title?: string; horizon: Guess<string>; items: DraftStrategyItem[] };
  glossary: [string, Guess<string>][];
  report?: Omit<DraftReport, 'committee' | 'from' | 'purpose' | 'recommendations' | 'date'> & {
    committee: Guess<string>;
    date: string;
    from: Guess<string>;
    purpose: Guess<string>;
    recommendations: Guess<string[]>;
  };
}

const NOT_FOUND = '(not found in the document)';

export function settleDraft(draft: Draft, allText: string[], fileName: string, wantedKind?: Kind): Settled {
  const hasNumberedObjectives = draft.objectives.some((o) => o.national !== undefined) || /\bObjective\s+\d+\s*:/.test(allText.join('\n'));
  const kind: Guess<Kind> = wantedKind
    ? { value: wantedKind }
    : draft.report || hasNumberedObjectives
      ? { value: 'qp-map' }
      : { value: 'strategy', check: 'read as a part of a strategic plan (no committee paper or "Objective N:" found); run mapc import with --kind qp-map if it is a MAP' };
  const framework: FrameworkId = /every child matters|\bbe healthy\b|\bstay safe\b/i.test(allText.join('\n')) && !/quality protects/i.test(allText.join('\n')) ? 'every-child-matters' : 'quality-protects';
  const nationals = FRAMEWORKS[framework];

  const objectiveIds = new IdMaker();
  const objectives: Settled['objectives'] = draft.objectives.map((objective) => {
    let national = objective.national ?? (kind.value === 'qp-map' || /^objective/i.test(objective.title) ? matchNational(nationals, objective.title, objective.number) : undefined);
    if (kind.value === 'qp-map' && !national) national = { value: nationals.objectives[0]!.code, check: 'no national objective matches its wording: choose the right one' };
    const id = national && kind.value === 'qp-map' && !draft.objectives.some((o) => o !== objective && (o.national?.value ?? '') === national!.value) ? objectiveIds.reserve(national.value.toLowerCase()) : objectiveIds.make(objective.title);
    return { id, ...(objective.number ? { number: objective.number } : {}), title: objective.title, ...(national ? { national } : {}), achievements: objective.achievements, actions: objective.actions };
  });
  if (objectives.length === 0) {
    const first = nationals.objectives[0]!;
    objectives.push({
      id: kind.value === 'qp-map' ? first.code.toLowerCase() : 'objective-1',
      title: kind.value === 'qp-map' ? first.wording : 'Objectives',
      ...(kind.value === 'qp-map' ? { national: { value: first.code, check: 'no objective was found in the document; this one stands in so that the plan is valid' } } : {}),
      achievements: [],
      actions: [{ text: 'Write the objectives of the plan here.', check: 'no objective was found in the document; this one stands in so that the plan is valid' }],
    });
  }
  // Ids must be unique; a qp-map objective matched twice keeps its code once.
  const byNumber = new Map(objectives.flatMap((o) => (o.number ? [[o.number, o.id] as const] : [])));

  const period = draft.period ?? periodGuess(allText);
  const title = draft.title ?? { value: fileName.replace(/\.[^.]+$/, ''), check: 'no title found: the file name stands in' };
  const authority = draft.authority ?? authorityGuess(allText);
  const place = authority.value.replace(/\s+(County |City |Borough |District |Metropolitan )?Council$/, '');
  const id = new IdMaker().make(`${place} ${kind.value === 'qp-map' ? 'qp map' : title.value} ${period.value}`, 12, true);

  const glossary = new Map(draft.glossary);
  for (const [abbreviation, expansion] of findAbbreviations(allText)) if (!glossary.has(abbreviation)) glossary.set(abbreviation, expansion);

  return {
    id,
    kind,
    framework,
    title,
    authority,
    ...(draft.service ? { service: draft.service } : {}),
    period,
    ...(draft.reviewPeriod ? { reviewPeriod: draft.reviewPeriod } : {}),
    ...(draft.part ? { part: { number: draft.part.number, title: draft.part.title || `Part ${draft.part.number}` } } : {}),
    unplaced: draft.unplaced,
    emphases: draft.emphases,
    keyActions: draft.keyActions.map((k) => ({ text: k.text, objectives: [...new Set(k.objectiveNumbers.flatMap((n) => (byNumber.has(n) ? [byNumber.get(n)!] : [])))] })),
    objectives,
    ...(draft.strategy ? { strategy: { ...(draft.strategy.title ? { title: draft.strategy.title } : {}), horizon: draft.strategy.horizon ? { value: draft.strategy.horizon } : { value: period.value, check: 'the strategy names no year it runs to: the plan period stands in' }, items: draft.strategy.items } } : {}),
    glossary: [...glossary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ...settleReport(draft),
  };
}

function settleReport(draft: Draft): Pick<Settled, 'report'> {
  const report = draft.report;
  // A report needs its meeting's date; without one, its text is kept as unplaced.
  if (!report || !report.date || !report.committee) {
    if (report) draft.unplaced.push(...[report.purpose, report.background, ...report.sections.map((s) => `${s.heading}\n\n${s.body}`), report.conclusion, ...report.recommendations].filter((t): t is string => Boolean(t)));
    return {};
  }
  const missing = (value: string | undefined, what: string): Guess<string> => (value ? { value } : { value: NOT_FOUND, check: `no ${what} was found in the paper: write it here` });
  const { signedBy, ...rest } = report;
  return {
    report: {
      ...rest,
      committee: { value: report.committee },
      date: report.date,
      from: missing(report.from, '"Report of …" line'),
      purpose: missing(report.purpose, 'summary or purpose'),
      recommendations: report.recommendations.length > 0 ? { value: report.recommendations } : { value: [NOT_FOUND], check: 'no recommendations were found in the paper: write them here' },
      ...(signedBy && signedBy.role ? { signedBy } : {}),
    },
  };
}

function periodGuess(texts: string[]): Guess<string> {
  for (const text of texts) {
    const period = periodIn(text);
    if (period && /^\d{4}-\d{2}$/.test(period)) return { value: period, check: 'the first financial year the document names; check it is the year the plan is for' };
  }
  const year = /\b((?:19|20)\d\d)\b/.exec(texts.join(' '))?.[1];
  if (year) return { value: `${year}-${String((Number(year) + 1) % 100).padStart(2, '0')}`, check: 'no plan year found: made from the first year the document names' };
  return { value: '2000-01', check: 'no plan year found in the document: write the year the plan is for' };
}

/** The council, guessed from the place the document names most ("across Devon", "on the Isle of Wight"). */
function authorityGuess(texts: string[]): Guess<string> {
  const counts = new Map<string, number>();
  const NOT_PLACES = /^(January|February|March|April|May|June|July|August|September|October|November|December|Health|Education|Social|Services?|Government|Members|Appendix|Part|Children|Young|The|This|Local|National|Partnership|Respect|Place|Conjunction|Line|Particular|Order|Addition)\b/;
  for (const text of texts) {
    for (const match of text.matchAll(/\b(?:across|throughout|in|on)\s+(?:the\s+)?(Isle of [A-Z][a-z]+|City of [A-Z][a-z]+|[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?)\b(?![\s-]+[A-Z]|['’])/g)) {
      const place = match[1]!;
      if (!NOT_PLACES.test(place)) counts.set(place, (counts.get(place) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) return { value: `${best[0]} Council`, check: `guessed from the place the document names ("${best[0]}"): write the council's full name` };
  return { value: 'Council', check: 'the council is not named in the document: write its name' };
}
