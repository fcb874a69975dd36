import { Worker } from 'node:worker_threads';
import type { PlanOutcome, PlanReading } from './check-and-render.js';

/** What each worker needs to render as this thread would. */
export interface WorkerSettings extends PlanReading {
  template?: string;
  generator: string;
}

/**
 * Each worker loads mapc and warms it up (its first plans are read and rendered by code
 * not yet optimised) before it gains anything, so a worker is worth starting only for
 * this many plans or more. Measured on two cores with plans of a realistic size (npm run
 * bench): two workers were slower than this thread alone up to about 250 plans. (On more
 * cores, more workers share the same plans; this keeps each one worth its start.)
 */
const PLANS_PER_WORKER = 128;

/**
 * Each worker's young generation, where a plan's short-lived objects go. V8's default is
 * sized for a long-running program; at 16 MB a batch of 1,000 plans peaked at 218 MB
 * rather than 255 MB, in the same time (npm run bench, two workers).
 */
const YOUNG_GENERATION_MB = 16;

/** Plans sent to a worker before it answers, so that it never waits for the next. */
const QUEUED_PER_WORKER = 2;

/** Plans in flight or waiting their turn to be reported, per worker: bounds memory. */
const WINDOW_PER_WORKER = 8;

/**
 * How many worker threads to check and render `plans` plans with: none for a small batch,
 * else one per job. Workers run the built JavaScript; run from the TypeScript sources (tests
 * in-process), plans are rendered in this thread.
 */
export function workersFor(plans: number, jobs: number): number {
  if (import.meta.url.endsWith('.ts')) return 0;
  const workers = Math.min(jobs, Math.floor(plans / PLANS_PER_WORKER));
  return workers >= 2 ? workers : 0;
}

/**
 * Checks and renders plans on worker threads, a plan at a time each, and yields the
 * outcomes in the order of `files`, as a single thread would. An unexpected error in a
 * worker is a bug: it is thrown here, and the workers are stopped.
 */
export async function* checkAndRenderInWorkers(files: string[], settings: WorkerSettings, workers: number): AsyncGenerator<PlanOutcome> {
  const finished = new Map<number, PlanOutcome>();
  const window = workers * WINDOW_PER_WORKER;
  let sent = 0;
  let reported = 0;
  let failure: { error: unknown } | undefined;
  let wake: () => void = () => {};

  const pool = Array.from({ length: workers }, () => {
    const worker = new Worker(new URL('./render-worker.js', import.meta.url), { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const member = { worker, queued: 0 };
    worker.on('message', ({ index, outcome }: { index: number; outcome: PlanOutcome }) => {
      member.queued--;
      finished.set(index, outcome);
      // Straight away, not when this outcome's turn comes: a slow plan ahead must not idle the other workers.
      fill();
      wake();
    });
    const fail = (error: unknown) => {
      failure ??= { error };
      wake();
    };
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', (code) => {
      if (reported < files.length) failure ??= { error: new Error(`a render worker stopped (exit code ${code}) before the build was done`) };
      wake();
    });
    return member;
  });
  const fill = () => {
    for (const member of pool) {
      while (member.queued < QUEUED_PER_WORKER && sent < files.length && sent < reported + window) {
        member.worker.postMessage({ index: sent, file: files[sent] });
        member.queued++;
        sent++;
      }
    }
  };

  try {
    fill();
    while (reported < files.length) {
      if (failure) throw failure.error;
      const outcome = finished.get(reported);
      if (!outcome) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      finished.delete(reported++);
      fill();
      yield outcome;
    }
  } finally {
    await Promise.all(pool.map(({ worker }) => worker.terminate()));
  }
}
