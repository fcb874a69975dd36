import type { Io } from './io.js';

/**
 * One owner for Ctrl-C, SIGTERM and SIGHUP. Whatever holds something that must not
 * outlive mapc (a browser, a watcher, a server) registers its cleanup here; on a signal
 * the cleanups run, then mapc exits with 128 + the signal's number. A command that runs
 * until stopped (watch, serve) waits with `untilStopped` instead, and ends normally.
 */
const cleanups = new Set<() => Promise<void>>();
let waiting: ((signal: NodeJS.Signals) => void) | undefined;
let installed = false;

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export function onShutdown(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function installShutdownHandlers(io: Io): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(SIGNALS) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (waiting) {
        const resume = waiting;
        waiting = undefined;
        return resume(signal);
      }
      void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => {
        io.stderr(`mapc: stopped by ${signal}; nothing was left half-written or running.\n`);
        process.exit(128 + SIGNALS[signal]!);
      });
    });
  }
}

/** Resolves on the next signal, for commands that run until stopped. */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => (waiting = resolve));
}
