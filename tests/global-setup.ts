/**
 * One temporary folder for the whole run: TMPDIR points into it, so every folder a test,
 * mapc or Chromium makes with the system's temporary folder is inside it. At the end of the
 * run it is removed, after a check that nothing a test started is still running there: a
 * browser whose profile is in it outlived its test, which fails the run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => Promise<void> {
  // Short: Chromium's socket goes in TMPDIR/…/SingletonSocket, and a socket's path may not pass 107 bytes.
  const root = mkdtempSync(join(tmpdir(), 'mapc-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;

  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // Killed browsers take a moment to go; one still there after 10 s was left running.
    let left = processesUsing(root);
    for (const until = Date.now() + 10_000; left.length > 0 && Date.now() < until; left = processesUsing(root)) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    const folders = readdirSync(root);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    if (folders.length > 0) console.warn(`Temporary folders the tests left (now removed with ${root}):\n  ${folders.join('\n  ')}`);
    if (left.length > 0) throw new Error(`Processes the tests left running (now killed):\n${left.map((p) => `  ${p.pid} ${p.args.slice(0, 200)}`).join('\n')}`);
  };
}

/** Processes whose command line names a path under `root` (a browser's --user-data-dir, say). */
function processesUsing(root: string): { pid: number; args: string }[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[2]!.includes(root) && Number(m[1]) !== process.pid)
    .map((m) => ({ pid: Number(m[1]), args: m[2]! }));
}
