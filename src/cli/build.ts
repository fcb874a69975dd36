import { build } from '../build/build.js';
import { createReporter } from '../build/build-reporter.js';
import type { Io } from '../build/io.js';
import { buildRequestFrom, type BuildFlags } from './build-options.js';

export interface BuildCommandFlags extends BuildFlags {
  quiet?: boolean;
  format: 'text' | 'json';
}

/** `mapc build [paths]`: builds the plans named, or the project of ./mapc.yaml (else ./plans), reporting as it goes. */
export async function buildCommand(paths: string[], flags: BuildCommandFlags, io: Io): Promise<number> {
  const reporter = createReporter(flags.format, flags.quiet === true, io);
  const { exitCode } = await build({ ...buildRequestFrom(paths, flags), cwd: io.cwd, env: io.env }, reporter);
  reporter.finish(exitCode === 0);
  return exitCode;
}
