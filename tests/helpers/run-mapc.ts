/**
 * Kept for test files that still import it (tests/render, tests/pdf/remote-browser.test.ts):
 * ROOT, and runMapc, which runs the built bin/mapc.js. New tests use tests/helpers/mapc.ts.
 */
import { runBinary, type BinaryOptions, type RunResult } from './mapc.js';

export { ROOT, type RunResult } from './mapc.js';

/** Runs the built `bin/mapc.js` as a user would, in `cwd` (the project root by default). */
export async function runMapc(args: string[], options: BinaryOptions = {}): Promise<RunResult> {
  const { code, stdout, stderr } = await runBinary(args, options);
  return { code: code ?? 2, stdout, stderr };
}
