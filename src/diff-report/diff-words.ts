// Words and lookups shared by the parts of a diff's view (diff-view.ts, diff-groups.ts).
import type { MatchInfo } from '../diff/change.js';
import type { Action, Plan } from '../plan/model.js';
import type { Say } from '../diff/diff-phrases.js';
import { STATUS_LABELS } from '../render/view-model.js';

/** A plan's or an action's status as the paper writes it: the documents' own status labels. */
export function statusWord(status: string, say: Say): string {
  const key = STATUS_LABELS[status];
  return key ? say(key) : status;
}

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
export function how(match: MatchInfo | undefined, say: Say): string | null {
  if (!match) return null;
  if (match.rule === 'similar') return say(match.confidence === 'low' ? 'diffMatchedSimilarLow' : 'diffMatchedSimilar', { percent: Math.round(match.similarity * 100) });
  if (match.rule === 'code') return say('diffMatchedCode');
  if (match.rule === 'normalised') return say('diffMatchedWording');
  return null;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
