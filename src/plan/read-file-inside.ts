import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Why a file was not read, in words for the person whose repository it is. */
export type Refusal =
  | { reason: 'outside'; message: string }
  | { reason: 'not-a-file'; message: string }
  | { reason: 'too-large'; message: string; size: number }
  | { reason: 'unreadable'; message: string };

/**
 * Reads a file that a repository supplies (a plan, mapc.yaml, a template), as bytes, only
 * when it is safe to: its real path (links followed) lies inside `root` and not in git's
 * own .git folder, it is a regular
 * file (not a pipe or a device, which would block or never end), and it holds at most
 * `limit` bytes, which is all that is ever read. The content of a refused file is never
 * read, so it cannot reach a message.
 */
export function readFileInside(path: string, root: string, limit: number): { bytes: Buffer } | Refusal {
  let real: string;
  try {
    real = realpathSync(path);
    const base = realpathSync(root);
    if (!isWithin(base, real)) {
      return { reason: 'outside', message: 'it is a link to a file outside the folder it was found in, and mapc reads only files inside it' };
    }
    // git's own files (the checkout's configuration and credentials) are never a plan or a template.
    if (relative(base, real).split(sep).includes('.git')) return { reason: 'outside', message: "it is one of git's own files (in .git), which mapc never reads" };
  } catch (error) {
    return { reason: 'unreadable', message: reasonOf(error) };
  }
  let fd: number;
  try {
    // Non-blocking: opening a pipe for reading would otherwise wait for a writer for ever.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { reason: 'unreadable', message: reasonOf(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { reason: 'unreadable', message: 'it is a folder' };
    if (!stats.isFile()) return { reason: 'not-a-file', message: 'it is not a regular file (a pipe, a device or a socket)' };
    if (stats.size > limit) return { reason: 'too-large', message: `it is larger than the ${limit} bytes allowed`, size: stats.size };
    // The file may grow between fstat and read (it is being written): read on, but never past limit + 1 bytes.
    const chunks: Buffer[] = [];
    let length = 0;
    let chunk = Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 1));
    for (;;) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, limit + 1 - length), null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > limit) return { reason: 'too-large', message: `it is larger than the ${limit} bytes allowed`, size: length };
      // The chunk read stays as it is; the next read goes into a new one.
      chunk = Buffer.allocUnsafe(64 * 1024);
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
  } catch (error) {
    return { reason: 'unreadable', message: reasonOf(error) };
  } finally {
    closeSync(fd);
  }
}

/** Whether `path` is `folder` or lies below it (both real, absolute paths). */
export function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'there is no such file (or it is a link to nothing)';
  if (code === 'ELOOP') return 'it is a link that leads round in a circle';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error).message.split('\n')[0]!;
}

/**
 * Whether `path` lies inside `root`, as written and once links are followed: the real path
 * of its nearest part that exists (a folder not made yet, say) must be inside root's.
 */
export function staysInside(root: string, path: string): boolean {
  const folder = resolve(root);
  const target = resolve(folder, path);
  if (!isWithin(folder, target)) return false;
  let existing = target;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    return isWithin(realpathSync(folder), realpathSync(existing));
  } catch {
    return false;
  }
}
