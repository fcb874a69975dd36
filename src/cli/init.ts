import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readPeriod } from '../plan/period.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';
import { writeFileAtomic } from '../build/write-file.js';
import { PACKAGE_ROOT } from '../build/package-root.js';
import { newPlanText } from '../project/new-plan.js';

export interface InitOptions {
  kind?: string;
  authority?: string;
  period?: string;
}

/** `mapc init [FILE]`: a new plan that validates as it is, to FILE (never over an existing one) or to standard output. */
export async function initCommand(file: string | undefined, options: InitOptions, io: Io): Promise<number> {
  const kind = options.kind === 'strategy' ? 'strategy' : 'qp-map';
  const authority = options.authority?.trim();
  if (!authority) throw new ToolError('say which council the plan is for: mapc init --authority "Isle of Wight Council" [--period 2003-04] [FILE].');
  if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(authority)) throw new ToolError("--authority is the council's name on one line, without control characters.");
  const period = options.period ?? currentFinancialYear();
  const reading = readPeriod(period);
  if (!reading.ok) throw new ToolError(`--period '${period}' is not a period: ${reading.reason}. Write a financial year like 2003-04, a span like 2004-2008, or a year.`);
  const path = file === undefined ? undefined : resolve(io.cwd, file);
  if (path && existsSync(path)) throw new ToolError(`'${file}' already exists; mapc init never overwrites a file. Choose another name, or delete it first.`);

  const yaml = newPlanText(kind, authority, period, schemaPathFrom(path ? dirname(path) : io.cwd));
  if (!path) io.stdout(yaml);
  else {
    writeFileAtomic(path, yaml);
    io.stderr(`mapc: wrote ${file}; check it with: mapc validate ${file}\n`);
  }
  return 0;
}

/** The schema's path from `folder`, for the modeline: mapc's own schemas/plan.schema.json, wherever mapc is installed. */
export function schemaPathFrom(folder: string): string {
  return relative(folder, join(PACKAGE_ROOT, 'schemas', 'plan.schema.json')).split(sep).join('/');
}

/** The financial year today falls in (April to March): init is scaffolding, so the clock may speak here. */
function currentFinancialYear(): string {
  const now = new Date();
  const start = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
