import { resolve } from 'node:path';
import { documentDate } from '../build/document-date.js';
import { documentMetadata } from '../build/document-metadata.js';
import { wantsColor, type Io } from '../build/io.js';
import { PACKAGE_ROOT, packageVersion } from '../build/package-root.js';
import { writeFileAtomic } from '../build/write-file.js';
import { diffPlans } from '../diff/diff-plans.js';
import { DIFF_FORMATTERS, renderDiffPaper, type DiffInput, type DiffTextFormat } from '../diff-report/diff-formats.js';
import type { Plan } from '../plan/model.js';
import { ToolError } from '../problems/tool-error.js';
import { readPlanOperand } from '../project/read-plan-operand.js';
import { formatJson } from '../problems/format-json.js';
import { formatProblems } from './format-problems.js';

export type DiffFormat = DiffTextFormat | 'pdf';

export interface DiffOptions {
  format: DiffFormat;
  out?: string;
  browserUrl?: string;
  /** The officers' detail in the HTML/PDF paper. */
  detail?: boolean;
  /** Exit 1 when the plans differ even when the diff went to a file (diff(1)'s meaning, for scripts that want it). */
  exitCode?: boolean;
}

/** Longest the changes paper may take to print. */
const PRINT_TIMEOUT_MS = 60_000;

/**
 * `mapc diff OLD NEW`: printed, it exits as diff(1) does (0 the same, 1 different, 2 on
 * trouble); written with --out, the paper is the job, so 0 once it is written
 * (`mapc diff … --out changes.pdf && publish`), unless --exit-code asks for diff(1)'s meaning.
 */
export async function diffCommand(oldOperand: string, newOperand: string, options: DiffOptions, io: Io): Promise<number> {
  if (options.format === 'pdf' && options.out === undefined) throw new ToolError('a PDF cannot go to the terminal: add --out FILE, e.g. --out changes.pdf.');
  const oldPlan = validPlan(oldOperand, options.format, io);
  const newPlan = validPlan(newOperand, options.format, io);
  const diff = diffPlans(oldPlan, newPlan);
  const input: DiffInput = {
    diff,
    oldPlan,
    newPlan,
    files: { old: oldOperand, new: newOperand },
    color: options.out === undefined && wantsColor(io),
    packageRoot: PACKAGE_ROOT,
    cwd: io.cwd,
    generator: `mapc ${packageVersion()}`,
    detail: options.detail === true,
  };
  const output = options.format === 'pdf' ? await printPaper(input, options, io) : await DIFF_FORMATTERS[options.format](input);
  if (options.out === undefined) io.stdout(output as string);
  else writeFileAtomic(resolve(io.cwd, options.out), output);
  const differencesAreTheAnswer = options.out === undefined || options.exitCode === true;
  return differencesAreTheAnswer && diff.changes.length > 0 ? 1 : 0;
}

/** A plan with errors stops the diff, reported as validate reports it: comparing half a plan would mislead. */
function validPlan(operand: string, format: DiffFormat, io: Io): Plan {
  const read = readPlanOperand(operand, io);
  if (read.plan) return read.plan;
  io.stderr(formatProblems([read.report], 'text', io));
  const where = format === 'json' ? 'its errors are listed under files' : 'fix the errors above';
  // The JSON error document carries the problems as validate --format json does (files, errors, warnings).
  const { errors, warnings, files } = JSON.parse(formatJson([read.report])) as Record<string, unknown>;
  throw new ToolError(`cannot compare '${operand}': it is not a valid plan (${where}, or compare another version).`, { errors, warnings, files });
}

/** The members' paper printed through the plans' PDF pipeline, dated by the new plan (never the clock). */
async function printPaper(input: DiffInput, options: DiffOptions, io: Io): Promise<Uint8Array> {
  const paper = await renderDiffPaper(input);
  const metadata = documentMetadata(paper, input.newPlan.authority, documentDate(input.newPlan, io.env), input.generator);
  const { printOne } = await import('../build/print-documents.js');
  return printOne(paper.html, metadata, { jobs: 1, timeoutMs: PRINT_TIMEOUT_MS, ...(options.browserUrl ? { browserUrl: options.browserUrl } : {}) }, io.env);
}
