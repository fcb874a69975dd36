/**
 * Ctrl-C during a large HTML build, whose plans are checked and rendered on worker threads
 * while this thread writes: mapc stops promptly, every file is the earlier one or a whole
 * new one, and the manifest records exactly what is on disk.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mapc.js';
import { waitFor } from '../helpers/processes.js';
import { expectManifestTrue, leftovers, mapc, snapshot, startMapc, tempDir } from './harness.js';

const PLANS = 400;

function batch(version: string): string {
  const dir = tempDir(`parallel-${version}`);
  const example = readFileSync(join(ROOT, 'plans/isle-of-wight-qp-map-2002-03.yaml'), 'utf8');
  for (let n = 0; n < PLANS; n++) {
    const plan = example.replace(/^id: .*$/m, `id: plan-${n}`).replace(/^authority: (.*)$/m, `authority: $1 (version ${version})`);
    writeFileSync(join(dir, `plan-${String(n).padStart(3, '0')}.yaml`), plan);
  }
  return dir;
}

describe('Ctrl-C during a build on worker threads', () => {
  it('exits 130 with every file old or whole and new, and the manifest true', async () => {
    const first = batch('one');
    const earlier = await mapc(['build', '--to', 'html', '--jobs', '2', '--out', 'out', first], { cwd: first });
    expect(earlier.code, earlier.stderr).toBe(0);
    const older = snapshot(join(first, 'out'));

    const second = batch('two');
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
    for (const name of readdirSync(out).filter((file) => file.endsWith('.html'))) {
      if (now[name] === older[name]) continue;
      const html = readFileSync(join(out, name), 'utf8');
      expect(html, `${name} is new and whole`).toMatch(/\(version two\)[\s\S]*<\/html>\s*$/);
      renewed++;
    }
    expect(renewed).toBeGreaterThanOrEqual(20);
    expect(renewed, 'the build was stopped before the end').toBeLessThan(2 * PLANS);
    expectManifestTrue(out);
  });
});
