import type { Io } from '../build/io.js';
import { startPreview, type PreviewOptions } from '../preview/preview.js';
import { buildRequestFrom, type BuildFlags } from './build-options.js';
import { untilStopped } from './signals.js';

/** `mapc serve`: a preview on this machine, rebuilt and reloaded on every save, until Ctrl-C. */
export async function serveCommand(paths: string[], flags: BuildFlags & PreviewOptions, io: Io): Promise<number> {
  const preview = await startPreview({ ...buildRequestFrom(paths, flags), cwd: io.cwd, env: io.env }, flags, io);
  io.stdout(`Serving ${preview.address} (Ctrl-C to stop).\n`);
  for (const address of preview.documents()) io.stdout(`  ${address}\n`);
  await untilStopped();
  await preview.close();
  return 0;
}
