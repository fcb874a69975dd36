import type { BuildOptions } from '../build/build.js';
import type { Io } from '../build/io.js';
import { onShutdown, untilStopped } from '../build/shutdown.js';
import { WatchSession } from '../preview/watch-session.js';

/** `mapc build --watch`: build, then rebuild on every save until Ctrl-C or SIGTERM. */
export async function watchCommand(paths: string[], options: BuildOptions, io: Io): Promise<number> {
  const session = new WatchSession(paths, options, io);
  // A signal during the first build closes the session's browser before exiting.
  const forget = onShutdown(() => session.close());
  await session.start();
  await untilStopped();
  forget();
  await session.close();
  return 0;
}
