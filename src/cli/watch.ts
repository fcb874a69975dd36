import type { Io } from '../build/io.js';
import { onShutdown } from '../build/on-shutdown.js';
import { WatchSession } from '../preview/watch-session.js';
import { buildRequestFrom, type BuildFlags } from './build-options.js';
import { untilStopped } from './signals.js';

/** `mapc build --watch`: build, then rebuild on every save until Ctrl-C or SIGTERM. */
export async function watchCommand(paths: string[], flags: BuildFlags & { quiet?: boolean }, io: Io): Promise<number> {
  const session = new WatchSession({ ...buildRequestFrom(paths, flags), cwd: io.cwd, env: io.env }, flags.quiet === true, io);
  // A signal during the first build closes the session's browser before exiting.
  const forget = onShutdown(() => session.close());
  await session.start();
  await untilStopped();
  forget();
  await session.close();
  return 0;
}
