import { runShutdownCleanups } from '../build/on-shutdown.js';
import type { Io } from '../build/io.js';

/**
 * One owner for Ctrl-C, SIGTERM and SIGHUP: on a signal the cleanups registered with
 * onShutdown run (the browser closed, the manifest written), then mapc exits with
 * 128 + the signal's number. A command that runs until stopped (watch, serve) waits with
 * `untilStopped` instead, and ends normally.
 */
let waiting: ((signal: NodeJS.Signals) => void) | undefined;
let installed = false;

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

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
      void runShutdownCleanups().then(() => {
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
