import { join } from 'node:path';
import type { PlanDiff } from '../diff/change.js';
import type { Plan } from '../plan/model.js';
import { buildDiffView } from './diff-view.js';
import { ENGLISH, sayInLabelsOf, type Say } from '../diff/diff-phrases.js';
import { formatDiffJson } from './format-json.js';
import { formatDiffMarkdown } from './format-markdown.js';
import { formatDiffText } from './format-text.js';
import type { RenderedDiff } from './render-diff.js';

/** Everything a diff format may need: the diff itself, the two plans, and how to show it. */
export interface DiffInput {
  diff: PlanDiff;
  oldPlan: Plan;
  newPlan: Plan;
  /** The operands as the user named them (files, or REV:PATH). */
  files: { old: string; new: string };
  /** Colour the text format (a terminal). */
  color: boolean;
  /** mapc's own folder, whose templates/ the paper is rendered with. */
  packageRoot: string;
  /** For template messages: paths are shown relative to it. */
  cwd: string;
  /** Written into the paper's generator meta tag. */
  generator: string;
  /** The HTML/PDF paper with the officers' detail (file names, ids, field counts, word changes of boilerplate); text, markdown and JSON always have it. */
  detail?: boolean;
}

/** A diff in one format: data first, text at the edge. */
export type DiffFormatter = (input: DiffInput) => Promise<string>;

export type DiffTextFormat = 'text' | 'markdown' | 'json' | 'html';

/** Every format a diff is written in but PDF, which is the HTML paper printed (by the build's printer). */
export const DIFF_FORMATTERS: Record<DiffTextFormat, DiffFormatter> = {
  // Text and markdown are read by scripts and CI logs: their words are the labels' defaults, whatever the plan's labels.
  text: async (input) => formatDiffText(viewOf(input, true), { color: input.color }),
  markdown: async (input) => formatDiffMarkdown(viewOf(input, true)),
  json: async (input) => formatDiffJson(input.diff, input.files),
  html: async (input) => (await renderDiffPaper(input)).html,
};

/** The "Changes since" paper for members, as HTML with what its PDF's metadata needs. */
export async function renderDiffPaper(input: DiffInput): Promise<RenderedDiff> {
  // The renderer (Handlebars, markdown-it) is loaded only for the formats that need it.
  const { DiffRenderer } = await import('./render-diff.js');
  const renderer = new DiffRenderer({ builtInTemplates: join(input.packageRoot, 'templates'), cwd: input.cwd, generator: input.generator });
  // The paper is the council's: its sentences, like its template's phrases, are the new plan's labels.
  return renderer.render(viewOf(input, input.detail ?? false, sayInLabelsOf(input.newPlan)), input.oldPlan, input.newPlan);
}

function viewOf(input: DiffInput, detail: boolean, say: Say = ENGLISH) {
  return buildDiffView(input.diff, input.oldPlan, input.newPlan, input.files, { detail, say });
}
