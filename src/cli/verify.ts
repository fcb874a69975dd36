import type { Io } from '../build/io.js';
import { verifyFolder } from '../build/verify-folder.js';
import { showControls } from '../problems/visible-controls.js';

/** `mapc verify DIR`: exit 0 when each output is what its source builds to, 1 when any differs. */
export async function verifyCommand(dir: string, io: Io): Promise<number> {
  const { outputs, problems } = await verifyFolder(dir, io);
  // File names and manifest text come from a folder anyone may have written: controls are shown, not sent.
  for (const problem of problems) io.stdout(`${showControls(problem)}\n`);
  io.stdout(problems.length === 0 ? `${outputs} ${outputs === 1 ? 'output' : 'outputs'} verified: each is what its source builds to.\n` : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: the folder does not verify.\n`);
  return problems.length === 0 ? 0 : 1;
}
