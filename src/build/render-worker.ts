// A worker thread of render-workers.ts: checks and renders the plan files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from './render-plans.js';
import { checkAndRender } from './check-and-render.js';
import type { WorkerSettings } from './render-pool.js';

const settings = workerData as WorkerSettings;
const renderer = createRenderer(settings.template, settings.generator, settings.cwd);

parentPort!.on('message', ({ index, file }: { index: number; file: string }) => {
  parentPort!.postMessage({ index, outcome: checkAndRender(file, settings, renderer) });
});
