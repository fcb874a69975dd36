import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPlanSource } from '../plan/check-plan.js';
import type { Plan } from '../plan/model.js';
import type { FileReport } from '../problems/problem.js';
import { ToolError } from '../problems/tool-error.js';
import { readPlanFile } from './read-plan-file.js';

/** Longest plan `git cat-file` may hand back; a plan is kilobytes, this is a guard, not a limit. */
const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/**
 * Reads and checks one operand of `mapc diff`: a plan file, or `REV:PATH` for a plan as
 * it was in git (`HEAD~1:plans/iow.yaml`, with PATH from the top of the repository, or
 * `./`-relative as git allows). An existing file wins over the git reading, so a file
 * whose name has a colon still works. A plan with errors gives its errors (warnings are
 * not looked for: a diff shows none); one that cannot be read at all is a ToolError.
 */
export function readPlanOperand(operand: string, workspace: { cwd: string; env: NodeJS.ProcessEnv }): { plan: Plan } | { plan?: undefined; report: FileReport } {
  const { cwd, env } = workspace;
  const source = isGitOperand(operand, cwd) ? readFromGit(operand, cwd) : readFromFile(operand, cwd, env);
  const { problems: errors, plan } = checkPlanSource(source, { warnings: false });
  if (!plan || errors.length > 0) return { report: { file: operand, source, problems: errors } };
  return { plan };
}

function isGitOperand(operand: string, cwd: string): boolean {
  // "C:\plans\a.yaml" is a Windows path, not a revision C.
  return !existsSync(resolve(cwd, operand)) && /^[^:]+:.+$/.test(operand) && !/^[A-Za-z]:[\\/]/.test(operand);
}

function readFromFile(file: string, cwd: string, env: NodeJS.ProcessEnv): string {
  if (!existsSync(resolve(cwd, file))) throw new ToolError(`cannot read '${file}': there is no such file.`);
  const text = readPlanFile(file, cwd, env);
  if (text.ok) return text.source;
  throw new ToolError(`cannot read '${file}': ${text.problem.message.replace(/^Cannot read this file: /, '').replace(/\.$/, '')}.`);
}

function readFromGit(operand: string, cwd: string): string {
  try {
    // cat-file, not show: it refuses a folder (a tree) instead of printing its listing.
    const bytes = execFileSync('git', ['cat-file', 'blob', operand], { cwd, maxBuffer: MAX_PLAN_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new ToolError(`cannot read '${operand}' from git: git is not installed (or not on the PATH).`);
    if (error instanceof TypeError) throw new ToolError(`cannot read '${operand}' from git: it is not UTF-8 text.`);
    throw new ToolError(`cannot read '${operand}' from git: ${gitReason(failure.stderr?.toString('utf8') ?? '', operand)}`);
  }
}

/** git's own words, shortened to the one line that says what is wrong. */
function gitReason(stderr: string, operand: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('fatal:'))?.replace(/^fatal:\s*/, '').trim();
  const rev = operand.slice(0, operand.indexOf(':'));
  const path = operand.slice(operand.indexOf(':') + 1);
  if (!line) return 'git could not read it.';
  if (/not a git repository/i.test(line)) return 'this folder is not in a git repository.';
  if (/invalid object name|not a valid object name/i.test(line)) return `git knows no revision '${rev}'.`;
  if (/bad file/i.test(line)) return `'${path}' at revision '${rev}' is not a file.`;
  return `${line.replace(/\.$/, '')}.`;
}
