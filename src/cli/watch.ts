import type { BuildOptions } from './build.js';
import type { Io } from './io.js';
import { WatchSession } from './watch-session.js';

/** `mapc build --watch`: build, then rebuild on every save until Ctrl-C or SIGTERM. */
export async function watchCommand(paths: string[], options: BuildOptions, io: Io): Promise<number> {
  const session = new WatchSession(paths, options, io);
  await session.start();
  await untilStopped();
  await session.close();
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM; the caller closes what it opened. */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
