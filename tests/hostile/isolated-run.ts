/**
 * mapc's `run(argv, io)` from the built bundle (dist/bundle/main.js, what bin/mapc.js loads),
 * in a worker thread of its own: the speed of an in-process call (no node to start, the
 * bundle loaded once per test file, not once per command), with the isolation a hostile
 * input needs. A memory bomb meets the worker's own heap limit and ends the worker, not the
 * test run; work without end (a hang, even a synchronous loop) is stopped by a watchdog
 * that terminates the worker, and the outcome says timedOut, as the binary's does. The
 * worker's stack is about the size of node's main thread (~1 MB), so that deep nesting
 * which would overflow bin/mapc.js's stack overflows here too.
 *
 * Runs are taken one at a time (a watchdog stops its own run, never another's); the worker
 * is kept for the next run, and started anew after one that timed out or crashed it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll } from 'vitest';
import { mapcEnv, ROOT, type BinaryOptions } from '../helpers/mapc.js';
import type { Outcome } from './harness.js';

const BUNDLE = pathToFileURL(join(ROOT, 'dist/bundle/main.js')).href;

/** The worker: runs each command it is sent with an Io that collects what mapc prints. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bundle = import(workerData.bundle);
parentPort.on('message', async ({ argv, cwd, env }) => {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, cwd, env, isTTY: false };
  try {
    parentPort.postMessage({ code: await (await bundle).run(argv, io), stdout, stderr });
  } catch (error) {
    // run reports every error itself: one that escapes it would crash bin/mapc.js, stack and all.
    parentPort.postMessage({ code: null, stdout, stderr: stderr + String((error && error.stack) || error) });
  }
});
`;

/** Limits like bin/mapc.js's: node's default main-thread stack, and a heap a bomb fills in seconds, not minutes. */
const LIMITS = { stackSizeMb: 1, maxOldGenerationSizeMb: 1024 };

/** The same watchdog as the binary's (tests/helpers/mapc.ts): a hang, not a slow machine, is what it is for. */
const DEFAULT_TIMEOUT_MS = 90_000;

type Settle = (result: { code: number | null; stdout: string; stderr: string }, timedOut?: boolean) => void;

/**
 * A function that runs mapc in this test file's worker; the worker ends after the file's
 * tests. Its outcome is the binary's (code, stdout, stderr, timedOut, ms; signal is null).
 */
export function useIsolatedRun(): (args: string[], options?: BinaryOptions) => Promise<Outcome> {
  let worker: Worker | undefined;
  /** The run under way, and the worker it runs in (a worker terminated on time out still ends later). */
  let pending: { in: Worker; settle: Settle } | undefined;
  const settleIn = (from: Worker): Settle | undefined => (pending?.in === from ? pending.settle : undefined);

  const startWorker = (): Worker => {
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundle: BUNDLE }, resourceLimits: LIMITS });
    started.unref();
    const ended = (why: string) => {
      if (worker === started) worker = undefined;
      settleIn(started)?.({ code: null, stdout: '', stderr: `mapc's worker ended: ${why}` });
    };
    started.on('message', (result) => settleIn(started)?.(result));
    started.on('error', (error) => ended(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`));
    started.on('exit', (code) => ended(`exit ${code}`));
    return started;
  };

  const runOnce = (args: string[], options: BinaryOptions) =>
    new Promise<Outcome>((resolve) => {
      const current = (worker ??= startWorker());
      const started = Date.now();
      const timer = setTimeout(() => {
        worker = undefined;
        settleIn(current)?.({ code: null, stdout: '', stderr: '' }, true);
        void current.terminate();
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const settle: Settle = (result, timedOut = false) => {
        clearTimeout(timer);
        pending = undefined;
        resolve({ ...result, signal: null, timedOut, ms: Date.now() - started });
      };
      pending = { in: current, settle };
      current.postMessage({ argv: args, cwd: options.cwd ?? ROOT, env: mapcEnv(options.env) });
    });

  let queue: Promise<unknown> = Promise.resolve();
  afterAll(async () => {
    await queue;
    await worker?.terminate();
  });
  return (args, options = {}) => {
    const outcome = queue.then(() => runOnce(args, options));
    // A run that failed to start (its message could not be sent) must not stop the next.
    queue = outcome.catch(() => undefined);
    return outcome;
  };
}
