import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ToolError } from '../problems/tool-error.js';

/**
 * Writes a file so that it is never seen half-written: into a temporary file beside it,
 * then renamed over the old one (atomic on one filesystem). A failure leaves the old
 * file as it was. Makes the file's folder first (`--out new-folder/plan.yaml` makes the
 * folder, as a build makes its output folder).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new ToolError(`cannot write '${path}': ${reasonFor(error)}. The previous file, if any, is unchanged.`);
  }
  replaceFile(path, content);
}

/** This process's temporary files: a random stem once, then a count (randomBytes per file cost a build of 2,000 files 150 ms). */
let temporaryStem: string | undefined;
let temporaries = 0;

/**
 * writeFileAtomic into a folder known to be there (an output folder, made once): the
 * temporary file, then the rename, and nothing else.
 */
export function replaceFile(path: string, content: string | Uint8Array): void {
  temporaryStem ??= `${process.pid}.${randomBytes(4).toString('hex')}`;
  const temporary = join(dirname(path), `.${basename(path)}.${temporaryStem}-${(temporaries++).toString(36)}.tmp`);
  try {
    // The encoding named, Node 20 writes a string from C++ without making a Buffer of it first.
    writeFileSync(temporary, content, { flag: 'wx', encoding: 'utf8' });
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw new ToolError(`cannot write '${path}': ${reasonFor(error)}. The previous file, if any, is unchanged.`);
  }
}

/** Removes a temporary file if it is there; where there is no folder to hold it (ENOTDIR), there is nothing to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The write already failed; that is the error worth reporting.
  }
}

export function ensureOutputFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new ToolError(`cannot create the output folder '${folder}': ${reasonFor(error)}.`);
  }
}

/** What went wrong with a file, in words rather than an error code. */
function reasonFor(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (the folder or file is read-only or protected)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file stands where a folder is needed; choose another --out';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'a folder stands where the file would go; move it, or choose another --out';
    default:
      return (error as Error).message.split('\n')[0]!;
  }
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

