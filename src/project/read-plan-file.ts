import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocatedProblem } from '../problems/problem.js';

export type PlanText =
  | { ok: true; source: string }
  /** `toolFailure`: the file could not be read at all (exit 2), rather than read and found wanting (exit 1). */
  | { ok: false; problem: LocatedProblem; toolFailure: boolean };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Plans are a few hundred kilobytes at most; past this, a file is a mistake or an attack. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

function maxFileSize(env: NodeJS.ProcessEnv): number {
  const set = Number(env.MAPC_MAX_FILE_SIZE);
  return Number.isInteger(set) && set > 0 ? set : DEFAULT_MAX_FILE_SIZE;
}

/**
 * Reads a plan file as UTF-8 text, without the byte-order mark some Windows editors add
 * (it would shift every column of line 1). A file that cannot be read, or is not UTF-8,
 * becomes a problem of that file, so that the other files are still checked.
 */
export function readPlanFile(file: string, cwd: string, env: NodeJS.ProcessEnv): PlanText {
  let bytes: Buffer;
  try {
    const path = resolve(cwd, file);
    const limit = maxFileSize(env);
    const size = statSync(path).size;
    if (size > limit) {
      const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return {
        ok: false,
        problem: fileProblem('file/too-large', `This file is ${megabytes(size)}, more than the ${megabytes(limit)} a plan may be. Split it, or raise the limit with MAPC_MAX_FILE_SIZE (bytes).`),
        toolFailure: false,
      };
    }
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { ok: false, problem: fileProblem('file/unreadable', `Cannot read this file: ${reason}.`), toolFailure: true };
  }
  try {
    return { ok: true, source: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return {
      ok: false,
      problem: fileProblem('file/not-utf8', 'This file is not UTF-8 text. Save it as UTF-8 in your editor (plans may contain any character, written in UTF-8).'),
      toolFailure: false,
    };
  }
}

function fileProblem(code: string, message: string): LocatedProblem {
  return { severity: 'error', code, message, pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
}
