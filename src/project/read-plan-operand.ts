import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPlanSource } from '../plan/check-plan.js';
import type { Plan } from '../plan/model.js';
import type { FileReport } from '../problems/problem.js';
import { ToolError } from '../problems/tool-error.js';
import { describeSize, maxFileSize, readPlanFile } from './read-plan-file.js';

/**
 * Reads and checks one operand of `mapc diff`: a plan file, or `REV:PATH` for a plan as
 * it was in git (`HEAD~1:plans/iow.yaml`, with PATH from the top of the repository, or
 * `./`-relative as git allows). An existing file wins over the git reading, so a file
 * whose name has a colon still works. A plan with errors gives its errors (warnings are
 * not looked for: a diff shows none); one that cannot be read at all is a ToolError.
 */
export function readPlanOperand(operand: string, workspace: { cwd: string; env: NodeJS.ProcessEnv }): { plan: Plan } | { plan?: undefined; report: FileReport } {
  const { cwd, env } = workspace;
  const source = isGitOperand(operand, cwd) ? readFromGit(operand, cwd, maxFileSize(env)) : readFromFile(operand, cwd, env);
  const { problems: errors, plan } = checkPlanSource(source, { warnings: false });
  if (!plan || errors.length > 0) return { report: { file: operand, source, problems: errors } };
  return { plan };
}

/**
 * Whether an operand names a plan in git rather than a file. `./x`, `../x` and absolute
 * paths are files; `REV:PATH` is git's when no file has that name. When both a file and
 * a plan in git answer to the name (a committed folder named `HEAD:plans`), mapc does not
 * guess: it says so, and how to name each.
 */
function isGitOperand(operand: string, cwd: string): boolean {
  // "C:\plans\a.yaml" is a Windows path, not a revision C.
  if (/^\.{0,2}[\\/]/.test(operand) || /^[A-Za-z]:[\\/]/.test(operand) || !/^[^:]+:.+$/.test(operand)) return false;
  if (!existsSync(resolve(cwd, operand))) return true;
  if (gitHasBlob(operand, cwd)) {
    throw new ToolError(
      `'${operand}' is both a file here and a plan in git (revision '${operand.slice(0, operand.indexOf(':'))}', path '${operand.slice(operand.indexOf(':') + 1)}'). ` +
        `Write ./${operand} for the file; for the plan in git, rename or move the file.`,
    );
  }
  return false;
}

function gitHasBlob(operand: string, cwd: string): boolean {
  try {
    return execFileSync('git', ['cat-file', '-t', '--end-of-options', operand], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'blob';
  } catch {
    return false;
  }
}

function readFromFile(file: string, cwd: string, env: NodeJS.ProcessEnv): string {
  if (!existsSync(resolve(cwd, file))) throw new ToolError(`cannot read '${file}': there is no such file.`);
  const text = readPlanFile(file, cwd, env);
  if (text.ok) return text.source;
  throw new ToolError(`cannot read '${file}': ${text.problem.message.replace(/^Cannot read this file: /, '').replace(/\.$/, '')}.`);
}

function readFromGit(operand: string, cwd: string, limit: number): string {
  try {
    // cat-file, not show: it refuses a folder (a tree) instead of printing its listing. --end-of-options:
    // an operand is never one of git's options. A blob is held to a plan file's size limit.
    const bytes = execFileSync('git', ['cat-file', 'blob', '--end-of-options', operand], { cwd, maxBuffer: limit, stdio: ['ignore', 'pipe', 'pipe'] });
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new ToolError(`cannot read '${operand}' from git: git is not installed (or not on the PATH).`);
    if (failure.code === 'ENOBUFS' || failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
      throw new ToolError(`cannot read '${operand}' from git: it is more than the ${describeSize(limit)} a plan may be (MAPC_MAX_FILE_SIZE raises the limit).`);
    }
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
