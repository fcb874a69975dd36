/**
 * What must not outlive mapc (a browser, a watcher, a server, a manifest not yet written)
 * registers its cleanup here. The command line owns the signals (src/cli/signals.ts): on
 * Ctrl-C, SIGTERM or SIGHUP it runs these cleanups, then exits. A library user who stops
 * the process some other way may call `runShutdownCleanups` first.
 */
const cleanups = new Set<() => Promise<void>>();

export function onShutdown(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup, each once, whether or not the others succeed. */
export async function runShutdownCleanups(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((cleanup) => cleanup()));
}
