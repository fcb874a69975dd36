import type { Io } from '../build/io.js';
import { validate } from '../project/validate-paths.js';
import { formatProblems, type ProblemFormat } from './format-problems.js';

export interface ValidateOptions {
  format: ProblemFormat;
  strict: boolean;
}

/** `mapc validate [paths]`: every problem of every file; exit 1 for errors, 2 for a file that cannot be read. */
export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const validation = validate({ paths, cwd: io.cwd, env: io.env, strict: options.strict });
  io.stdout(formatProblems(validation.files, options.format, io));
  if (validation.unreadable) return 2;
  return validation.errors > 0 ? 1 : 0;
}
