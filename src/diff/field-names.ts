import type { LabelKey } from '../plan/generated/label-defaults.js';
import type { EntityKind, Outcome } from './change.js';
import { ENGLISH, type Say } from './diff-phrases.js';

/**
 * The words a reader knows for what changed: "due date", not `due`. Shared by every human
 * format so that they all say the same thing; each is a label (diffField…), which the
 * "Changes since" paper takes from the new plan.
 */

const FIELD_NAMES: Record<string, LabelKey> = {
  id: 'diffFieldId',
  kind: 'diffFieldKind',
  title: 'diffFieldTitle',
  authority: 'diffFieldAuthority',
  service: 'diffFieldService',
  period: 'diffFieldPeriod',
  reviewPeriod: 'diffFieldReviewPeriod',
  status: 'diffFieldStatus',
  'dates.submitted': 'diffFieldDatesSubmitted',
  'dates.approved': 'diffFieldDatesApproved',
  'dates.published': 'diffFieldDatesPublished',
  framework: 'diffFieldFramework',
  part: 'diffFieldPart',
  summary: 'diffFieldSummary',
  emphases: 'diffFieldEmphases',
  text: 'diffFieldText',
  objectives: 'diffFieldObjectives',
  number: 'diffFieldNumber',
  indicators: 'diffFieldIndicators',
  lead: 'diffFieldLead',
  partners: 'diffFieldPartners',
  due: 'diffFieldDue',
  cost: 'diffFieldCost',
  label: 'diffFieldLabel',
  code: 'diffFieldCode',
  unit: 'diffFieldUnit',
  polarity: 'diffFieldPolarity',
  value: 'diffFieldValue',
  comparator: 'diffFieldComparator',
  target: 'diffFieldTarget',
  history: 'diffFieldHistory',
  note: 'diffFieldNote',
  horizon: 'diffFieldHorizon',
  targets: 'diffFieldTargets',
  source: 'diffFieldSource',
  amount: 'diffFieldAmount',
  objective: 'diffFieldObjective',
  committee: 'diffFieldCommittee',
  date: 'diffFieldDate',
  paper: 'diffFieldPaper',
  from: 'diffFieldFrom',
  purpose: 'diffFieldPurpose',
  background: 'diffFieldBackground',
  section: 'diffFieldSection',
  'section.heading': 'diffFieldSectionHeading',
  'section.body': 'diffFieldSectionBody',
  'section.include': 'diffFieldSectionInclude',
  'section.closing': 'diffFieldSectionClosing',
  conclusion: 'diffFieldConclusion',
  recommendations: 'diffFieldRecommendations',
  backgroundPapers: 'diffFieldBackgroundPapers',
  contacts: 'diffFieldContacts',
  signedBy: 'diffFieldSignedBy',
  appendix: 'diffFieldAppendix',
};

/** An objective's `national` is its national objectives; an indicator's, the national figure. */
export function fieldName(entity: EntityKind, field: string, say: Say = ENGLISH): string {
  if (field === 'national') return say(entity === 'indicator' ? 'diffFieldNationalFigure' : 'diffFieldNationalObjectives');
  if (field.startsWith('glossary.')) return say('diffFieldAbbreviation', { abbreviation: field.slice('glossary.'.length) });
  return Object.hasOwn(FIELD_NAMES, field) ? say(FIELD_NAMES[field]!) : field;
}

/** The marks of the "Changes since" paper; their words are labels (diff-groups.ts, follow-through-rows.ts). */
export const OUTCOME_SYMBOLS: Record<Outcome, string> = { achieved: '✓', done: '✓', 'carried-forward': '→', dropped: '✗', unreported: '?' };

export const CHANGE_SYMBOLS: Record<'added' | 'removed' | 'changed' | 'moved', string> = { added: '+', removed: '−', changed: '~', moved: '⇄' };

export const ASSESSMENT_SYMBOLS: Record<string, string> = { improved: '▲', worsened: '▼', unchanged: '=', 'not-judged': '·', corrected: '✎', awaiting: '…' };
