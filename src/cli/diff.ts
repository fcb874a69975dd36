import { join, resolve } from 'node:path';
import type { PlanDiff } from '../diff/change.js';
import { diffPlans } from '../diff/diff-plans.js';
import type { Plan } from '../plan/model.js';
import { buildDiffView } from '../diff-report/diff-view.js';
import { formatDiffJson } from '../diff-report/format-json.js';
import { formatDiffMarkdown } from '../diff-report/format-markdown.js';
import { formatDiffText } from '../diff-report/format-text.js';
import { ToolError } from '../problems/tool-error.js';
import { wantsColor, type Io } from '../build/io.js';
import { writeFileAtomic } from '../build/output-folder.js';
import { PACKAGE_ROOT, packageVersion } from '../build/package-root.js';
import { readPlanOperand } from '../project/read-plan-operand.js';

export type DiffFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'json';

export interface DiffOptions {
  format: DiffFormat;
  out?: string;
}

/** `mapc diff OLD NEW`: exit 0 when the plans are the same, 1 when they differ, 2 on trouble (as diff(1)). */
export async function diffCommand(oldOperand: string, newOperand: string, options: DiffOptions, io: Io): Promise<number> {
  if (options.format === 'pdf' && options.out === undefined) throw new ToolError('a PDF cannot go to the terminal: add --out FILE, e.g. --out changes.pdf.');
  const oldPlan = readPlanOperand(oldOperand, io);
  const newPlan = readPlanOperand(newOperand, io);
  const diff = diffPlans(oldPlan, newPlan);
  const output = await formatDiff(diff, oldPlan, newPlan, { old: oldOperand, new: newOperand }, options, io);
  if (options.out === undefined) io.stdout(output as string);
  else writeFileAtomic(resolve(io.cwd, options.out), output);
  return diff.changes.length === 0 ? 0 : 1;
}

async function formatDiff(diff: PlanDiff, oldPlan: Plan, newPlan: Plan, files: { old: string; new: string }, options: DiffOptions, io: Io): Promise<string | Uint8Array> {
  if (options.format === 'json') return formatDiffJson(diff, files);
  const view = buildDiffView(diff, oldPlan, newPlan, files);
  if (options.format === 'text') {
    const color = options.out === undefined && wantsColor(io);
    return formatDiffText(view, { color });
  }
  if (options.format === 'markdown') return formatDiffMarkdown(view);
  // The renderer and the browser are loaded only for the formats that need them.
  const { DiffRenderer } = await import('../diff-report/render-diff.js');
  const generator = `mapc ${packageVersion()}`;
  const rendered = new DiffRenderer({ builtInTemplates: join(PACKAGE_ROOT, 'templates'), cwd: io.cwd, generator }).render(view, oldPlan, newPlan);
  if (options.format === 'html') return rendered.html;
  const { printDiffPdf } = await import('./format-diff-pdf.js');
  return printDiffPdf(rendered, newPlan, generator, io);
}
