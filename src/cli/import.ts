import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { importDocument } from '../import/import-document.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';
import { writeFileAtomic } from '../build/write-file.js';
import { schemaPathFrom } from './init.js';

/** A council's Word document is a few megabytes; past this it is a mistake (or an attack), not a plan. */
const MAX_DOCUMENT_SIZE = 20 * 1024 * 1024;

/** `mapc import FILE [--kind K] [--out PLAN.yaml]`: a draft plan from a .docx, an HTML page or text. */
export async function importCommand(file: string, options: { kind?: 'qp-map' | 'strategy'; out?: string }, io: Io): Promise<number> {
  const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  if (out && existsSync(out)) throw new ToolError(`'${options.out}' already exists; mapc import never overwrites a file. Choose another name, or delete it first.`);
  const bytes = readLimited(resolve(io.cwd, file), file);
  const outcome = await importDocument(bytes, file, { ...(options.kind ? { kind: options.kind } : {}), schemaPath: schemaPathFrom(out ? dirname(out) : io.cwd) });
  if (!outcome.ok) throw new ToolError(`cannot import '${file}': ${outcome.problem.message}.`);
  if (out) writeFileAtomic(out, outcome.yaml);
  else io.stdout(outcome.yaml);
  const c = outcome.counts;
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  io.stderr(
    `mapc: ${file} read as a ${outcome.kind}${out ? `, written to ${options.out}` : ''}: ${n(c.objectives, 'objective')}, ${n(c.achievements, 'achievement')}, ${n(c.actions, 'action')}` +
      `${c.keyActions ? `, ${n(c.keyActions, 'key action point')}` : ''}${c.strategyItems ? `, ${n(c.strategyItems, 'strategy item')}` : ''}${c.report ? ', the committee paper' : ''}, ${n(c.glossary, 'abbreviation')}; ` +
      `${n(outcome.checks, 'guess', 'guesses')} to check (marked "# check:").\n`,
  );
  return 0;
}

/** Reads a regular file, at most the limit: opened once, checked by its handle, never read past limit + 1 bytes. */
function readLimited(path: string, shown: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ToolError(`cannot read '${shown}': ${code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}.`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new ToolError(`cannot import '${shown}': it is not a regular file.`);
    const buffer = Buffer.alloc(MAX_DOCUMENT_SIZE + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_DOCUMENT_SIZE) throw new ToolError(`cannot import '${shown}': it is larger than ${MAX_DOCUMENT_SIZE / 1024 / 1024} MB, far more than a plan document; split it, or save only the plan's pages.`);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`cannot read '${shown}': ${(error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : (error as Error).message}.`);
  } finally {
    closeSync(fd);
  }
}
