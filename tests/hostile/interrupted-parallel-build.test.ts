/**
 * Ctrl-C during a large HTML build, whose plans are checked and rendered on worker threads
 * while this thread writes: mapc stops promptly, every file is the earlier one or a whole
 * new one, and the manifest records exactly what is on disk.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { waitFor } from '../helpers/processes.js';
import { expectManifestTrue, leftovers, snapshot, startMapc, tempDir } from './harness.js';

/** Enough for two worker threads (src/build/render-pool.ts starts one per 128 plans, up to --jobs). */
const PLANS = 400;
/**
 * The earlier build, whose files the interrupted one replaces, is of the first plans only:
 * enough that some are replaced and many are left as they were when the build stops after
 * some twenty (it took 13 s of CPU to build all 400 first). The files of the other plans
 * are new, and checked as new ones are.
 */
const EARLIER_PLANS = 64;

function batch(version: string, plans: number): string {
  const dir = tempDir(`parallel-${version}`);
  const example = readFileSync(join(ROOT, 'plans/isle-of-wight-qp-map-2002-03.yaml'), 'utf8');
  for (let n = 0; n < plans; n++) {
    const plan = example.replace(/^id: .*$/m, `id: plan-${n}`).replace(/^authority: (.*)$/m, `authority: $1 (version ${version})`);
    writeFileSync(join(dir, `plan-${String(n).padStart(3, '0')}.yaml`), plan);
  }
  return dir;
}

describe('Ctrl-C during a build on worker threads', () => {
  it('exits 130 with every file old or whole and new, and the manifest true', async () => {
    const first = batch('one', EARLIER_PLANS);
    // The earlier build only makes the files to replace: in this process (too few plans for
    // worker threads either way). The interrupted build is a process of its own, for Ctrl-C.
    const earlier = await runInProcess(['build', '--to', 'html', '--jobs', '2', '--out', 'out', first], { cwd: first });
    expect(earlier.code, earlier.stderr).toBe(0);
    const older = snapshot(join(first, 'out'));

    const second = batch('two', PLANS);
    const out = join(second, 'out');
    cpSync(join(first, 'out'), out, { recursive: true });
    const running = startMapc(['build', '--to', 'html', '--jobs', '2', '--out', 'out', second], { cwd: second });
    await waitFor(() => (running.stdout().match(/→/g) ?? []).length >= 20, 30_000, 'twenty documents written');
    running.child.kill('SIGINT');
    const outcome = await running.done;

    expect(outcome.timedOut).toBe(false);
    expect(outcome.code).toBe(130);
    expect(outcome.stderr).toMatch(/^mapc: stopped by SIGINT; nothing was left half-written or running\.\n$/m);
    expect(leftovers(out)).toEqual([]);
    const now = snapshot(out);
    let renewed = 0;
    let kept = 0;
    for (const name of readdirSync(out).filter((file) => file.endsWith('.html'))) {
      if (now[name] === older[name]) {
        kept++;
        continue;
      }
      const html = readFileSync(join(out, name), 'utf8');
      expect(html, `${name} is new and whole`).toMatch(/\(version two\)[\s\S]*<\/html>\s*$/);
      renewed++;
    }
    expect(renewed).toBeGreaterThanOrEqual(20);
    expect(renewed, 'the build was stopped before the end').toBeLessThan(2 * PLANS);
    expect(kept, 'files of the earlier build left as they were').toBeGreaterThan(0);
    expectManifestTrue(out);
  });
});
