import { fillLabel } from '../plan/labels.js';
import { escapeHtml } from './escape-html.js';

/** A label as HTML: its text escaped, each `{name}` replaced by the escaped value given for it (fillLabel). */
export function labelHtml(text: string, values: Record<string, unknown>): string {
  return fillLabel(text, values, escapeHtml);
}
