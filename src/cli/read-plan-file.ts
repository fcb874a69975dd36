import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ToolError } from './io.js';

/** Reads a plan file as UTF-8 text; a file that cannot be read stops the command (exit 2). */
export function readPlanFile(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ToolError(`cannot read '${file}': ${reason}.`);
  }
}
