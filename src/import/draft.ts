/**
 * What the recognisers find in a document, before it is written as a plan: the plan's
 * parts, each with the note (`check`) the officer should read where it is a guess.
 */
export interface Guess<T> {
  value: T;
  /** Why this is a guess, written as a `# check:` comment beside it. */
  check?: string;
}

export interface DraftItem {
  text: string;
  check?: string;
}

export interface DraftObjective {
  number?: string;
  title: string;
  national?: Guess<string>;
  achievements: DraftItem[];
  actions: DraftItem[];
}

export interface DraftKeyAction {
  text: string;
  /** Objective numbers as printed: "(Objectives 1, 3)". */
  objectiveNumbers: string[];
}

export interface DraftStrategyItem {
  title: string;
  text: string;
  targets: { text: string; value?: number; unit?: string; by?: string }[];
}

export interface DraftContact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export interface DraftReport {
  committee?: string;
  date?: string;
  paper?: string;
  title?: string;
  from?: string;
  purpose?: string;
  background?: string;
  sections: { heading: string; body: string; include?: 'emphases' | 'keyActions'; closing?: string; check?: string }[];
  conclusion?: string;
  recommendations: string[];
  backgroundPapers: string[];
  contacts: DraftContact[];
  signedBy?: { name: string; role: string };
}

export interface Draft {
  kind?: Guess<'qp-map' | 'strategy'>;
  title?: Guess<string>;
  authority?: Guess<string>;
  service?: string;
  period?: Guess<string>;
  reviewPeriod?: string;
  part?: { number: string; title: string };
  emphases: string[];
  keyActions: DraftKeyAction[];
  objectives: DraftObjective[];
  strategy?: { title?: string; horizon?: string; items: DraftStrategyItem[] };
  glossary: Map<string, Guess<string>>;
  report?: DraftReport;
  /** Text it could not place, kept so that nothing is lost. */
  unplaced: string[];
}

export function emptyDraft(): Draft {
  return { emphases: [], keyActions: [], objectives: [], glossary: new Map(), unplaced: [] };
}

/** The draft's committee paper, begun empty at the first sign of one. */
export function reportOf(draft: Draft): DraftReport {
  return (draft.report ??= { sections: [], recommendations: [], backgroundPapers: [], contacts: [] });
}
