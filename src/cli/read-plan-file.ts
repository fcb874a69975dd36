import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ToolError } from './io.js';

/**
 * Reads a plan file as UTF-8 text, without the byte-order mark some Windows editors
 * add (it would shift every column of line 1). A file that cannot be read stops the
 * command (exit 2).
 */
export function readPlanFile(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ToolError(`cannot read '${file}': ${reason}.`);
  }
}
