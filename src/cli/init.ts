import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { FRAMEWORKS } from '../plan/frameworks.js';
import { readPeriod } from '../plan/period.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';
import { writeFileAtomic } from '../build/write-file.js';
import { PACKAGE_ROOT } from '../build/package-root.js';

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

function newPlanText(kind: 'qp-map' | 'strategy', authority: string, period: string, schemaPath: string): string {
  // A strategy starts from the successor framework's five outcomes, a MAP from the eleven QP objectives.
  const framework = FRAMEWORKS[kind === 'qp-map' ? 'quality-protects' : 'every-child-matters'];
  const years = /^(\d{4})-(\d{2})$/.test(period) ? `${period.slice(0, 4)}-${Number(period.slice(0, 4)) + 1}` : period;
  const title = kind === 'qp-map' ? `Quality Protects Management Action Plan ${years}` : `Children's Services Strategic Plan ${years}`;
  const place = slug(authority.replace(/\s+((county|borough|city|district|metropolitan borough)\s+)?council$/i, ''));
  const objectives = framework.objectives.map((o) => `  - id: ${kind === 'qp-map' ? o.code.toLowerCase() : slug(o.wording)}\n    national: [${o.code}]\n`);
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    '#',
    `# A new plan, made by mapc init: one objective for each ${framework.name} objective, titled with`,
    '# its national wording (give an objective a `title:` to word it your way). Under each, add',
    '# what was achieved and what will be done, for example:',
    '#',
    '#    achievements:',
    '#      - Placement moves are down to 8%, against a 12% national trend.',
    '#    actions:',
    '#      - id: family-solutions',
    '#        text: Extend the Family Solutions Service to prevent family breakdown.',
    "#        lead: Head of Children's Services",
    `#        due: ${reading(period)}`,
    '#',
    '# Then: mapc validate (checks the file), mapc build (makes the documents).',
    'mapc: 1',
    `id: ${place || 'council'}-${kind}-${period}`,
    `kind: ${kind}`,
    ...(kind === 'qp-map' ? [] : [`framework: ${framework.id}`]),
    `title: ${stringify(title).trimEnd()}`,
    `authority: ${stringify(authority).trimEnd()}`,
    `period: ${period}`,
    'status: draft',
    'objectives:',
    objectives.join('').trimEnd(),
    '',
  ].join('\n');
}

/** The last day of the period, as an example due date that passes the rules. */
function reading(period: string): string {
  const r = readPeriod(period);
  return r.ok ? r.range.end : period;
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The financial year today falls in (April to March): init is scaffolding, so the clock may speak here. */
function currentFinancialYear(): string {
  const now = new Date();
  const start = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
