import { LABEL_DEFAULTS, type LabelKey } from '../plan/generated/label-defaults.js';
import type { EntityKind, Outcome } from './change.js';
import { capitalised, ENGLISH, type Say } from './diff-phrases.js';

/**
 * The words a reader knows for what changed: "due date", not `due`. Shared by every human
 * format so that they all say the same thing; each is a label (diffField…), which the
 * "Changes since" paper takes from the new plan.
 */

/** The label of a field's name: `diffField` and its path in PascalCase (`dates.submitted`: diffFieldDatesSubmitted), if there is one. */
function fieldLabel(field: string): LabelKey | undefined {
  const key = `diffField${field.split('.').map(capitalised).join('')}`;
  return Object.hasOwn(LABEL_DEFAULTS, key) ? (key as LabelKey) : undefined;
}

/** An objective's `national` is its national objectives; an indicator's, the national figure. */
export function fieldName(entity: EntityKind, field: string, say: Say = ENGLISH): string {
  if (field === 'national') return say(entity === 'indicator' ? 'diffFieldNationalFigure' : 'diffFieldNationalObjectives');
  if (field.startsWith('glossary.')) return say('diffFieldAbbreviation', { abbreviation: field.slice('glossary.'.length) });
  const label = fieldLabel(field);
  return label ? say(label) : field;
}

/** The marks of the "Changes since" paper; their words are labels (diff-groups.ts, follow-through-rows.ts). */
export const OUTCOME_SYMBOLS: Record<Outcome, string> = { achieved: '✓', done: '✓', 'carried-forward': '→', dropped: '✗', unreported: '?' };

export const CHANGE_SYMBOLS: Record<'added' | 'removed' | 'changed' | 'moved', string> = { added: '+', removed: '−', changed: '~', moved: '⇄' };

export const ASSESSMENT_SYMBOLS: Record<string, string> = { improved: '▲', worsened: '▼', unchanged: '=', 'not-judged': '·', corrected: '✎', awaiting: '…' };
