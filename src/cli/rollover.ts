import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { rollover } from '../rollover/rollover.js';
import { formatProblems } from './format-problems.js';
import { schemaPathFrom } from './init.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';
import { writeFileAtomic } from '../build/write-file.js';
import { readPlanFile } from '../project/read-plan-file.js';

export interface RolloverOptions {
  period: string;
  out?: string;
}

/** `mapc rollover PLAN --period P [--out FILE]`: next year's plan, to FILE (never over an existing one) or standard output. */
export async function rolloverCommand(planFile: string, options: RolloverOptions, io: Io): Promise<number> {
  const text = readPlanFile(planFile, io.cwd, io.env);
  if (!text.ok) {
    const reason = `cannot read '${planFile}': ${text.problem.message.replace(/^Cannot read this file: /, '').replace(/\.$/, '')}.`;
    // Exit codes as validate gives them: 2 when the file cannot be read at all, 1 when what it holds is wrong (not UTF-8, too large).
    if (text.toolFailure) throw new ToolError(reason);
    io.stderr(`mapc: ${reason}\n`);
    return 1;
  }
  const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  const from = dirname(resolve(io.cwd, planFile));
  // Where the new file goes: standard output goes where the user sends it, so the modeline and
  // the logo's path are written from the old plan's folder, as they are.
  const to = out ? dirname(out) : from;
  const movePath = to === from ? undefined : (path: string) => (isAbsolute(path) ? path : relative(to, resolve(from, path)).split(sep).join('/'));
  const outcome = rollover(text.source, options.period, schemaPathFrom(to), movePath);
  if (!outcome.ok) {
    io.stderr(formatProblems([{ file: planFile, source: text.source, problems: outcome.errors }], 'text', io));
    // The input has problems: exit 1, as validate and build give for an invalid plan.
    io.stderr(`mapc: cannot roll '${planFile}' over: fix the errors above first.\n`);
    return 1;
  }
  if (out && existsSync(out)) throw new ToolError(`'${options.out}' already exists; mapc rollover never overwrites a file. Choose another name, or delete it first.`);
  const { next, warnings: review } = outcome;
  if (out) writeFileAtomic(out, next.yaml);
  else io.stdout(next.yaml);

  const warnings = review.length;
  io.stderr(
    `mapc: ${next.id} (${options.period}, draft)${options.out ? ` written to ${options.out}` : ''}: ` +
      `${next.carriedForward} open ${next.carriedForward === 1 ? 'action' : 'actions'} carried forward, ` +
      `${next.achieved} done ${next.achieved === 1 ? 'action' : 'actions'} now ${next.achieved === 1 ? 'an achievement' : 'achievements'}, ` +
      `${next.leftOut} dropped left out, ${next.movedToHistory} indicator ${next.movedToHistory === 1 ? 'figure' : 'figures'} copied into ${next.movedToHistory === 1 ? 'its' : 'their'} history.\n` +
      (warnings > 0 ? `mapc: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} to review (${[...new Set(review.map((p) => p.code))].join(', ')}): run mapc validate on the new plan.\n` : ''),
  );
  return 0;
}
