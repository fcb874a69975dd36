/**
 * What `diffPlans` finds between two plans: the records of the JSON contract (cli.md,
 * "mapc diff"), with a few fields added for people (labels, how a pair was matched, the
 * words that changed). Every format, text, markdown, JSON and the HTML/PDF paper, is
 * made from these records, so that they cannot tell different stories.
 */

export type EntityKind = 'plan' | 'objective' | 'achievement' | 'action' | 'keyAction' | 'indicator' | 'strategy' | 'funding' | 'report';

/** How an old item was paired with a new one, strongest first. */
export type MatchRule = 'id' | 'code' | 'text' | 'normalised' | 'similar';

export interface MatchInfo {
  rule: MatchRule;
  /** Word similarity of the two texts, 0 to 1 (1 for a match by id, code or text). */
  similarity: number;
  /** `low` when the pair rests only on fairly similar wording: a reader should check it. */
  confidence: 'high' | 'low';
}

/** One run of words of a text change. */
export interface TextPiece {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface TextChange {
  pieces: TextPiece[];
  /** So little is left of the old text that a word diff would be noise: show old and new whole. */
  rewritten: boolean;
}

/** `not-judged`: the indicator is neutral, so a change is neither better nor worse. */
/** `corrected`: last year's figure corrected, for the same period (no new year's figure to judge). */
export type Assessment = 'improved' | 'worsened' | 'unchanged' | 'not-judged' | 'corrected';

export interface IndicatorJudgement {
  unit: string;
  polarity: string;
  before: { value: number; period: string | null };
  after: { value: number; period: string | null };
  /** `new-period`: a new year's figure; `same-period`: the figure for the same period edited (a correction). */
  revision: 'new-period' | 'same-period';
  /**
   * Whether the figure reaches the target, before and after (`metBefore`, `metAfter`: by
   * value alone; null when there is none, or the indicator is neutral), and the same judged
   * by date too (`statusBefore`, `status`): a target for a later period than the figure's is
   * `not-yet-due`, not missed. `toGo`: how far the new figure still is from it, in the
   * indicator's unit (0 once met; null when not judged).
   */
  target: { value: number; period: string | null; metBefore: boolean | null; metAfter: boolean | null; statusBefore: TargetStatus | null; status: TargetStatus | null; toGo: number | null } | null;
  /**
   * The distance to the national figure (`gapBefore`, `gapAfter`, unsigned), and which side
   * of it the authority now stands. `leadBefore`, `leadAfter`: how far the authority is
   * better than the national figure, negative when worse (null for a neutral indicator);
   * `trend`: whether that position improved (a lead grew, a shortfall shrank, or the figure
   * crossed to the better side) or worsened, which `gap` alone cannot say.
   */
  national: {
    before: number;
    after: number;
    gapBefore: number;
    gapAfter: number;
    gap: 'narrowed' | 'widened' | 'unchanged';
    standing: 'better' | 'worse' | 'same' | 'not-judged';
    leadBefore: number | null;
    leadAfter: number | null;
    trend: 'improved' | 'worsened' | 'unchanged' | 'not-judged';
  } | null;
}

/** A figure against its target: `not-yet-due` when the target is for a later period than the figure's and not yet reached. */
export type TargetStatus = 'met' | 'not-met' | 'not-yet-due' | 'not-judged';

export interface Change {
  type: 'added' | 'removed' | 'changed' | 'moved';
  entity: EntityKind;
  /** The entity's id (the new one when it changed), or null for items without one. */
  id: string | null;
  /** The changed key, for `changed` (and `objective` for `moved`). */
  field?: string;
  before?: unknown;
  after?: unknown;
  /** On indicator value changes, judged by the indicator's polarity. */
  assessment?: Assessment;
  oldPointer?: string;
  newPointer?: string;
  /** What a reader calls the entity: an action's text, an indicator's label, an objective's number and title. */
  label: string;
  /** The objective an action or achievement belongs to (the new one, or the old one when removed). */
  objective?: string;
  /** How the old and new entity were paired (changed and moved records). */
  match?: MatchInfo;
  /** Word by word, for a changed text. */
  words?: TextChange;
  /** For an indicator's value: periods, target, national figure. */
  judgement?: IndicatorJudgement;
  /** For an indicator whose figure moved into its history (as rollover does). */
  movedToHistory?: { period: string; value: number };
}

export type Outcome = 'achieved' | 'done' | 'carried-forward' | 'dropped' | 'unreported';

export interface FollowThrough {
  /** The action's id, or null when it has none. */
  action: string | null;
  /** Its old text. */
  text: string;
  oldPointer: string;
  outcome: Outcome;
  /** Where the outcome was found: the achievement (achieved), or the action in the new plan. */
  evidence?: string;
  newPointer?: string;
  /** Set when a carried-forward action's due date moved. */
  dueBefore?: string;
  dueAfter?: string;
  /** The old objective it belonged to (null for a key action point). */
  objective: string | null;
  /** How the evidence was found, when it was matched rather than read off the old plan. */
  match?: MatchInfo;
  /**
   * Present (true) when only last year's plan tells the outcome: it had already marked the
   * action done or dropped, and this year's plan leaves it out or repeats it. Last year's
   * news, so not counted again in this year's summary.
   */
  markedLastYear?: true;
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  improved: number;
  worsened: number;
  moved: number;
  /** Indicator figures for the same period edited: neither improved nor worsened. */
  corrected: number;
  /** Outcomes of last year's actions and key action points together; `markedLastYear` counts those already done or dropped last year, which no other count includes. */
  followThrough: Record<'achieved' | 'done' | 'carriedForward' | 'carriedForwardLater' | 'dropped' | 'unreported' | 'markedLastYear', number>;
}

export interface PlanDiff {
  old: { id: string; period: string; title: string };
  new: { id: string; period: string; title: string };
  changes: Change[];
  /** One entry for each action of the old plan, in order. */
  followThrough: FollowThrough[];
  /** The same for the old plan's key action points, which in a MAP are the year's main commitments. */
  keyActionFollowThrough: FollowThrough[];
  summary: DiffSummary;
}
