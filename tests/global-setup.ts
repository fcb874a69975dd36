/**
 * A mark for the run: MAPC_TEST_RUN, in the environment every test, mapc and Chromium
 * inherit. At the end of the run no process may still carry it: one that does (a browser,
 * say) outlived its test, which fails the run, after it is killed.
 *
 * One Chromium for the run, named by MAPC_BROWSER_URL in the same environment: every mapc
 * the tests run prints on it (mapc's own context on a running browser, as with
 * --browser-url), and every test that opens a page opens it there. Starting a Chromium
 * costs about 4 s of CPU, and the suite used to start some ninety. Tests of how mapc
 * launches, restarts and stops a browser of its own unset the variable for their mapc.
 *
 * (Temporary folders are each test's to remove: tests/helpers/temporary.ts. The run does not
 * move TMPDIR into a folder of its own: Chromium's socket lives at TMPDIR/…/SingletonSocket,
 * whose path may not pass 107 bytes, and some tests already sit near that limit.)
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { startChromium } from './helpers/chromium.js';

export default async function setup(): Promise<() => Promise<void>> {
  const mark = `MAPC_TEST_RUN=${randomUUID()}`;
  process.env.MAPC_TEST_RUN = mark.slice('MAPC_TEST_RUN='.length);
  const chromium = await startChromium();
  process.env.MAPC_BROWSER_URL = chromium.wsEndpoint;

  return async () => {
    delete process.env.MAPC_TEST_RUN;
    delete process.env.MAPC_BROWSER_URL;
    await chromium.stop();
    // Killed browsers take a moment to go; one still there after 10 s was left running.
    let left = processesMarked(mark);
    for (const until = Date.now() + 10_000; left.length > 0 && Date.now() < until; left = processesMarked(mark)) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    if (left.length > 0) {
      // Vitest reports an error here but does not fail the run for it: the exit code does.
      process.exitCode = 1;
      throw new Error(`Processes the tests left running (now killed):\n${left.map((p) => `  ${p.pid} ${p.command.slice(0, 200)}`).join('\n')}`);
    }
  };
}

/** Processes (other than this one) whose environment holds `mark`, read from /proc. */
function processesMarked(mark: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(mark)) continue;
      found.push({ pid, command: readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ') });
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
