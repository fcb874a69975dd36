// Words and lookups shared by the parts of a diff's view (diff-view.ts, diff-groups.ts).
import type { MatchInfo } from '../diff/change.js';
import type { Action, Plan } from '../plan/model.js';
import type { Say } from '../diff/diff-phrases.js';

/** Statuses as the paper writes them. */
export const STATUS: Record<string, string> = { draft: 'Draft', consultation: 'Draft for consultation', submitted: 'Submitted', approved: 'Approved', planned: 'Planned', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' };

/** Where each new achievement, action and key action point is, in words. */
export function pointerIndex(plan: Plan, say: Say): Map<string, Placed> {
  const index = new Map<string, Placed>();
  for (const k of plan.keyActions) index.set(k.pointer, { text: k.text, objective: null });
  for (const o of plan.objectives) {
    for (const item of o.achievements) index.set(item.pointer, { text: item.text, objective: say('diffObjectiveRef', { number: o.number }) });
    for (const action of o.actions) index.set(action.pointer, { text: action.text, objective: say('diffObjectiveRef', { number: o.number }), action });
  }
  return index;
}

export interface Placed {
  text: string;
  objective: string | null;
  action?: Action;
}

/** How a pair was matched, when a reader should know. */
export function how(match: MatchInfo | undefined): string | null {
  if (!match) return null;
  if (match.rule === 'similar') return `matched by similar wording, ${Math.round(match.similarity * 100)}% alike${match.confidence === 'low' ? ': low confidence, please check' : ''}`;
  if (match.rule === 'code') return 'matched by its national code';
  if (match.rule === 'normalised') return 'matched by its wording (capitals, punctuation or numbering changed)';
  return null;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
