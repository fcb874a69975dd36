/**
 * Large batches are checked and rendered on worker threads (src/build/render-pool.ts).
 * What a user sees must not depend on it: the same files, bytes, messages in the same
 * order and exit code as one thread gives, whatever finishes first.
 *
 * The plans are copies of the smallest example plan (plans/devon-part-3-3-example.yaml, one
 * document each), not of the Isle of Wight plan: what is tested is the batch, not the plan,
 * and the small plan checks and renders in a tenth of the time.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary, runInProcess } from '../helpers/mapc.js';
import { fileTempDir, tempDir } from '../helpers/temporary.js';

// Enough for the binary to start two workers (render-pool.ts: 128 plans a worker).
const PLANS = 256;
// For checkAndRenderInWorkers, given its workers: several times what two workers hold in flight (16).
const FEW_PLANS = 70;

const made = new Map<number, string>();
/**
 * A batch of `count` valid plans, with a broken plan (7), a twin id (13) and a file that is
 * not UTF-8 (`count` - 55: plan-201 of 256) among them: made once for each size, read by the tests.
 */
function batch(count: number): string {
  const ready = made.get(count);
  if (ready) return ready;
  const folder = fileTempDir('parallel');
  const example = readFileSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), 'utf8');
  const name = (n: number) => `plan-${String(n).padStart(3, '0')}.yaml`;
  for (let n = 0; n < count; n++) writeFileSync(join(folder, name(n)), example.replace(/^id: .*$/m, `id: plan-${n}`));
  writeFileSync(join(folder, name(7)), example.replace(/^id: .*$/m, 'id: plan-7').replace(/^period: .*$/m, 'period: sometime'));
  writeFileSync(join(folder, name(13)), example.replace(/^id: .*$/m, 'id: plan-12'));
  writeFileSync(join(folder, name(count - 55)), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  made.set(count, folder);
  return folder;
}

function filesOf(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

describe('a large batch built on worker threads', () => {
  it('gives the same files, messages and exit code as one thread', async () => {
    const plans = batch(PLANS);
    const serialOut = tempDir('serial-out');
    const parallelOut = tempDir('parallel-out');
    // One thread: in-process, from the sources (which render in this thread, whatever the jobs).
    // Workers: the built binary, whose bundle has the worker's code.
    const serial = await runInProcess(['build', '--to', 'html', '--jobs', '1', '--out', serialOut, plans]);
    const parallel = await runBinary(['build', '--to', 'html', '--jobs', '3', '--out', parallelOut, plans]);
    expect(parallel.timedOut).toBe(false);

    expect(serial.code).toBe(1);
    expect(parallel.code).toBe(serial.code);
    const messages = (run: { stdout: string; stderr: string }) => (run.stdout + run.stderr).replaceAll(serialOut, 'OUT').replaceAll(parallelOut, 'OUT');
    expect(messages(parallel)).toBe(messages(serial));
    // Problems are reported per file, in the order of the files.
    const mentioned = [...messages(serial).matchAll(/plan-(007|013|201)\.yaml/g)].map((m) => m[1]);
    expect(mentioned.indexOf('007')).toBeLessThan(mentioned.indexOf('013'));
    expect(mentioned.indexOf('013')).toBeLessThan(mentioned.indexOf('201'));

    const serialFiles = filesOf(serialOut);
    expect(Object.keys(serialFiles)).toHaveLength(PLANS - 3 + 1); // the document of each good plan, and the manifest
    expect(filesOf(parallelOut)).toEqual(serialFiles);
  });

  it('uses workers (no more than the jobs) for a batch of 128 plans a worker or more, and yields their outcomes in the order of the files', async () => {
    // The built modules: run from the TypeScript sources, mapc renders in one thread.
    const { checkAndRenderInWorkers, workersFor } = await import('../../dist/build/render-pool.js');
    const { checkAndRender } = await import('../../dist/build/check-and-render.js');
    const { createRenderer } = await import('../../dist/build/render-plans.js');
    expect([workersFor(PLANS, 3), workersFor(PLANS, 1), workersFor(PLANS - 1, 8), workersFor(1024, 8)]).toEqual([2, 0, 0, 8]);

    const plans = batch(FEW_PLANS);
    const files = readdirSync(plans).sort().map((name) => join(plans, name));
    const reading = { cwd: plans, env: {} };
    const inWorkers = [];
    for await (const outcome of checkAndRenderInWorkers(files, { ...reading, generator: 'test' }, 2)) inWorkers.push(outcome);
    const renderer = createRenderer(undefined, 'test', plans);
    expect(inWorkers).toEqual(files.map((file) => checkAndRender(file, reading, renderer)));
  });

  it('stops with an error, not a hang, when a worker cannot do its job', async () => {
    // The build thread compiles the templates before any worker starts, so a worker's own
    // compile fails only if the templates changed in between; here they are broken from the start.
    const { checkAndRenderInWorkers } = await import('../../dist/build/render-pool.js');
    const plans = batch(FEW_PLANS);
    const templates = tempDir('broken-templates');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    writeFileSync(join(templates, 'partials/broken.hbs'), '{{#if title}}never closed');
    const files = readdirSync(plans).filter((name) => name.endsWith('.yaml')).map((name) => join(plans, name));
    const outcomes = checkAndRenderInWorkers(files, { cwd: plans, env: {}, generator: 'test', template: templates }, 2);
    await expect(async () => {
      for await (const outcome of outcomes) expect(outcome.file).toBeTypeOf('string');
    }).rejects.toThrow(/broken\.hbs/);
  });
});
