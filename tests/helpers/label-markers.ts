import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL_DEFAULTS } from '../../src/plan/generated/label-defaults.js';
import { ROOT } from './mapc.js';

/** A label's marker: its key in brackets, found nowhere else. */
export const marker = (key: string) => `[${key}]`;

/** A plan's YAML with every label set to `text` of its key (JSON is YAML; the plan's own labels replaced). */
export function withLabels(path: string, text: (key: string) => string): string {
  const source = readFileSync(join(ROOT, path), 'utf8').replace(/^labels:\n(?: {2}.*\n)+/m, '');
  return `${source}\nlabels: ${JSON.stringify(Object.fromEntries(Object.keys(LABEL_DEFAULTS).map((key) => [key, text(key)])))}\n`;
}

/** A plan's YAML with every label set to its marker. */
export function withMarkers(path: string): string {
  return withLabels(path, marker);
}
