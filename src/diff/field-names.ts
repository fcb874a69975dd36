import type { EntityKind, Outcome } from './change.js';

/**
 * The words a reader knows for what changed: "due date", not `due`; "key action point",
 * not `keyAction`. Shared by every human format so that they all say the same thing.
 */

const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  kind: 'kind of plan',
  title: 'title',
  authority: 'authority',
  service: 'service',
  period: 'period',
  reviewPeriod: 'review period',
  status: 'status',
  'dates.submitted': 'date submitted',
  'dates.approved': 'date approved',
  'dates.published': 'date published',
  framework: 'national framework',
  part: 'part',
  summary: 'summary',
  emphases: 'national emphases',
  text: 'wording',
  objectives: 'objectives served',
  number: 'number',
  indicators: 'indicators',
  lead: 'lead',
  partners: 'partners',
  due: 'due date',
  cost: 'cost',
  label: 'label',
  code: 'national code',
  unit: 'unit',
  polarity: 'polarity',
  value: 'figure',
  comparator: 'comparator average',
  target: 'target',
  history: 'earlier figures',
  note: 'note',
  horizon: 'horizon',
  targets: 'targets',
  source: 'source',
  amount: 'amount',
  objective: 'objective',
  committee: 'committee',
  date: 'meeting date',
  paper: 'paper reference',
  from: 'from',
  purpose: 'summary and purpose',
  background: 'background',
  section: 'section',
  'section.heading': 'section heading',
  'section.body': 'section text',
  'section.include': 'list included in the section',
  'section.closing': 'section closing text',
  conclusion: 'conclusion',
  recommendations: 'recommendations',
  backgroundPapers: 'background papers',
  contacts: 'contacts',
  signedBy: 'signed by',
  appendix: 'Appendix A',
};

/** An objective's `national` is its national objectives; an indicator's, the national figure. */
export function fieldName(entity: EntityKind, field: string): string {
  if (field === 'national') return entity === 'indicator' ? 'national figure' : 'national objectives';
  if (field.startsWith('glossary.')) return `abbreviation ${field.slice('glossary.'.length)}`;
  return FIELD_NAMES[field] ?? field;
}

/** The marks of the "Changes since" paper; their words are labels (diff-groups.ts, follow-through-rows.ts). */
export const OUTCOME_SYMBOLS: Record<Outcome, string> = { achieved: '✓', done: '✓', 'carried-forward': '→', dropped: '✗', unreported: '?' };

export const CHANGE_SYMBOLS: Record<'added' | 'removed' | 'changed' | 'moved', string> = { added: '+', removed: '−', changed: '~', moved: '⇄' };

export const ASSESSMENT_SYMBOLS: Record<string, string> = { improved: '▲', worsened: '▼', unchanged: '=', 'not-judged': '·', corrected: '✎', awaiting: '…' };
