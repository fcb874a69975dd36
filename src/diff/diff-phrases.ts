import { LABEL_DEFAULTS, type LabelKey } from '../plan/generated/label-defaults.js';
import { labelsFor, labelText } from '../plan/labels.js';

/**
 * The words a diff composes its sentences from (summary, counts, headings, verbs,
 * outcomes): a label of the plan's, as plain text, its {placeholders} filled. The
 * "Changes since" paper says them in the new plan's labels; the text and markdown formats,
 * read by scripts and CI logs, keep the defaults (ENGLISH).
 */
export type Say = (key: LabelKey, values?: Record<string, unknown>) => string;

export function sayWith(labels: Record<LabelKey, string>): Say {
  return (key, values = {}) => labelText(labels[key], values);
}

/** The words of a plan's own labels (the "Changes since" paper speaks in the new plan's). */
export function sayInLabelsOf(plan: { labels: Record<string, string> }): Say {
  return sayWith(labelsFor(plan.labels));
}

/** The labels' defaults: today's English. */
export const ENGLISH: Say = sayWith(LABEL_DEFAULTS);

/** "Key action points" from "key action points": a sentence or a heading starts with a capital. */
export function capitalised(text: string): string {
  return `${text.slice(0, 1).toUpperCase()}${text.slice(1)}`;
}
