import type { Achievement, Action, KeyAction, Plan } from '../plan/model.js';
import type { FollowThrough } from './change.js';
import type { ObjectivesDiff } from './diff-objectives.js';
import { matchItems, type MatchKey, type Matching, type Pair } from './match-items.js';

const key = (item: Action | Achievement | KeyAction): MatchKey => ({ id: item.id, text: item.text });

/**
 * What became of each of last year's actions. Its successor in the new plan says so by its
 * status (done, dropped, or still open: carried forward); failing a successor, one of this
 * year's new achievements may be it, achieved (same id, as rollover leaves it, or similar
 * words); failing that, the old plan may already have marked it done or dropped; else it
 * vanished without a word. Key action points are followed the same way: a MAP's key
 * action points are its main commitments, and some plans have no other actions.
 */
export function followThrough(oldPlan: Plan, newPlan: Plan, objectives: ObjectivesDiff, keyActions: Matching<KeyAction>): { actions: FollowThrough[]; keyActions: FollowThrough[] } {
  const oldActions = oldPlan.objectives.flatMap((o) => o.actions.map((action) => ({ action, objective: o.id })));
  const unpaired = oldActions.filter(({ action }) => !objectives.actionPairs.has(action)).map(({ action }) => action);
  const achievedActions = matchItems(unpaired, objectives.addedAchievements, key, key);
  const achievementOf = new Map(achievedActions.pairs.map((p) => [p.old, p]));

  const actions = oldActions.map(({ action, objective }) => markedLastYear(action, followAction(action, objective)));
  function followAction(action: Action, objective: string): FollowThrough {
    const base = { action: action.id ?? null, text: action.text, oldPointer: action.pointer, objective };
    const successor = objectives.actionPairs.get(action);
    if (successor) return { ...base, ...bySuccessor(successor.new, action.due), match: successor.match };
    const achievement = achievementOf.get(action);
    if (achievement) return { ...base, outcome: 'achieved', evidence: achievement.new.pointer, match: achievement.match };
    if (action.status === 'done' || action.status === 'dropped') return { ...base, outcome: action.status };
    return { ...base, outcome: 'unreported' };
  }

  // Key action points, with what the actions did not already account for.
  const unusedAchievements = achievedActions.added;
  const newActionsById = new Map(newPlan.objectives.flatMap((o) => o.actions.flatMap((a) => (a.id === undefined ? [] : [[a.id, a] as const]))));
  const successorOf = new Map(keyActions.pairs.map((p) => [p.old, p]));
  const open = keyActions.removed.filter((k) => k.id === undefined || !newActionsById.has(k.id));
  const achievedKeys = matchItems(open, unusedAchievements, key, key);
  const achievementOfKey = new Map(achievedKeys.pairs.map((p) => [p.old, p]));
  const becameAction = new Map<KeyAction, Pair<KeyAction, Action>>(matchItems(achievedKeys.removed, objectives.addedActions, key, key).pairs.map((p) => [p.old, p]));

  const keyActionsFollowed = oldPlan.keyActions.map((k): FollowThrough => {
    const base = { action: k.id ?? null, text: k.text, oldPointer: k.pointer, objective: null };
    const successor = successorOf.get(k);
    if (successor) return { ...base, outcome: 'carried-forward', newPointer: successor.new.pointer, match: successor.match };
    const action = k.id === undefined ? undefined : newActionsById.get(k.id);
    if (action) return { ...base, ...bySuccessor(action, undefined), match: { rule: 'id', similarity: 1, confidence: 'high' } };
    const achievement = achievementOfKey.get(k);
    if (achievement) return { ...base, outcome: 'achieved', evidence: achievement.new.pointer, match: achievement.match };
    const pair = becameAction.get(k);
    if (pair) return { ...base, ...bySuccessor(pair.new, undefined), match: pair.match };
    return { ...base, outcome: 'unreported' };
  });
  return { actions, keyActions: keyActionsFollowed };
}

/**
 * An outcome that only last year's plan tells (an action it had marked done or dropped,
 * which this year's plan leaves out, as rollover leaves a dropped one, or merely repeats)
 * is last year's news: the paper says "already marked dropped last year", and counting it
 * again among this year's drops would contradict that. An action marked done that this
 * year's plan reports as an achievement (as rollover makes it) is this year's report, and
 * counts.
 */
function markedLastYear(action: Action, followed: FollowThrough): FollowThrough {
  const repeated = (action.status === 'done' || action.status === 'dropped') && followed.outcome === action.status;
  return repeated ? { ...followed, markedLastYear: true } : followed;
}

/** The outcome a successor action's status tells, and its new due date if the date moved. */
function bySuccessor(successor: Action, dueBefore: string | undefined): Pick<FollowThrough, 'outcome' | 'newPointer' | 'dueBefore' | 'dueAfter'> {
  if (successor.status === 'done' || successor.status === 'dropped') return { outcome: successor.status, newPointer: successor.pointer };
  const moved = dueBefore !== undefined && successor.due !== undefined && dueBefore !== successor.due;
  return { outcome: 'carried-forward', newPointer: successor.pointer, ...(moved ? { dueBefore, dueAfter: successor.due } : {}) };
}
