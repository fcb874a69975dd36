import { dirname, resolve } from 'node:path';
import { isWithin, readFileInside } from '../plan/read-file-inside.js';
import type { LocatedProblem } from '../problems/problem.js';

export type PlanText =
  | { ok: true; source: string }
  /** `toolFailure`: the file could not be read at all (exit 2), rather than read and found wanting (exit 1). */
  | { ok: false; problem: LocatedProblem; toolFailure: boolean };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Plans are a few hundred kilobytes at most; past this, a file is a mistake or an attack. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function maxFileSize(env: NodeJS.ProcessEnv): number {
  const set = Number(env.MAPC_MAX_FILE_SIZE);
  return Number.isInteger(set) && set > 0 ? set : DEFAULT_MAX_FILE_SIZE;
}

/**
 * Reads a plan file as UTF-8 text, without the byte-order mark some Windows editors add
 * (it would shift every column of line 1). A file that cannot be read, is not UTF-8, is
 * too large, is not a regular file or is a link out of the project, becomes a problem of
 * that file (its content never read), so that the other files are still checked.
 */
export function readPlanFile(file: string, cwd: string, env: NodeJS.ProcessEnv): PlanText {
  const path = resolve(cwd, file);
  const limit = maxFileSize(env);
  const read = readFileInside(path, projectRootFor(path, cwd), limit);
  if ('reason' in read) {
    switch (read.reason) {
      case 'too-large':
        return { ok: false, problem: fileProblem('file/too-large', `This file is ${describeSize(read.size)}, more than the ${describeSize(limit)} a plan may be. Split it, or raise the limit with MAPC_MAX_FILE_SIZE (bytes).`), toolFailure: false };
      case 'outside':
        return { ok: false, problem: fileProblem('file/outside-project', `Not read: ${read.message}. Copy the plan into the project instead of linking to it.`), toolFailure: false };
      case 'not-a-file':
        return { ok: false, problem: fileProblem('file/not-a-file', `Not read: ${read.message}. A plan is a file of text.`), toolFailure: false };
      default:
        return { ok: false, problem: fileProblem('file/unreadable', `Cannot read this file: ${read.message}.`), toolFailure: true };
    }
  }
  try {
    return { ok: true, source: utf8.decode(read.bytes).replace(/^\uFEFF/, '') };
  } catch {
    return {
      ok: false,
      problem: fileProblem('file/not-utf8', 'This file is not UTF-8 text. Save it as UTF-8 in your editor (plans may contain any character, written in UTF-8).'),
      toolFailure: false,
    };
  }
}

/**
 * The folder a file must really lie in: the working folder (the project) for a file
 * named inside it, so that a link in the repository cannot reach out of it; for a file
 * the user named elsewhere on the command line, the folder it is in.
 */
export function projectRootFor(path: string, cwd: string): string {
  return isWithin(resolve(cwd), path) ? cwd : dirname(path);
}

/** "5.0 MB", or "1000 bytes" below a tenth of a megabyte. */
export function describeSize(bytes: number): string {
  return bytes >= 104_858 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}

function fileProblem(code: string, message: string): LocatedProblem {
  return { severity: 'error', code, message, pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
}
