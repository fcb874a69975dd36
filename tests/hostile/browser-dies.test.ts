/**
 * The browser dies with mapc (issue 12): a PDF build killed with SIGKILL (the OOM killer, a
 * CI timeout) leaves no Chromium running, and while it runs no TCP port is open for one.
 * mapc talks to Chromium over a pipe; Chromium exits when its end of the pipe closes, which
 * the kernel does however mapc ends. Its profile folder stays (only mapc removes it), until
 * the next launch removes the folders of mapc processes that are gone.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchOwnBrowsers } from '../helpers/browser.js';
import { descendantsOf, isAlive, waitFor } from '../helpers/processes.js';
import { startBinary } from '../helpers/mapc.js';
import { runMapc } from '../helpers/run-mapc.js';
import { goodSource } from './harness.js';

/** The command line of a process, or '' once it is gone. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

const isChromium = (pid: number) => /chrom/i.test(commandLine(pid).split(' ')[0] ?? '');

/** The inodes of every TCP socket in the LISTEN state on this machine, IPv4 and IPv6. */
function listeningInodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address, st (0A is LISTEN), inode
      if (fields[3] === '0A') found.set(fields[9]!, `${fields[1]} in ${table}`);
    }
  }
  return found;
}

/** The TCP ports a process listens on, found by its open sockets' inodes. */
function listeningPortsOf(pid: number): string[] {
  const listening = listeningInodes();
  const ports: string[] = [];
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  for (const fd of fds) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && listening.has(inode)) ports.push(`pid ${pid} fd ${fd}: ${listening.get(inode)}`);
  }
  return ports;
}

const out = mkdtempSync(join(tmpdir(), 'mapc-hostile-browser-dies-'));
// mapc's temporary folder (TMPDIR), where the browser's profile goes: this test's own, its
// name short, as Chromium's singleton socket in it may not pass 107 bytes of path.
const temporary = mkdtempSync(join(tmpdir(), 't-'));
// A plan of some 230 pages: seconds to print on a fast machine, so the kill lands while it prints.
// (The four example plans together were printed whole before the kill on a fast machine.)
const long = join(out, 'long.yaml');
const paragraphs = Array.from({ length: 6000 }, (_, n) => `  Paragraph ${n} of a long summary, so that printing takes a while.\n`).join('\n');
writeFileSync(long, goodSource().replace(/^summary: \|[\s\S]*?(?=^objectives:)/m, `summary: |\n${paragraphs}`));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(temporary, { recursive: true, force: true });
});

describe('a PDF build killed with SIGKILL', () => {
  // Of the Chromium mapc launches itself.
  launchOwnBrowsers();

  it('leaves no Chromium running, and no port was ever open for it', async () => {
    const running = startBinary(['build', long, '--to', 'pdf', '--out', out, '-q'], { env: { TMPDIR: temporary } });
    const mapc = running.child;
    const output = () => running.stdout() + running.stderr();
    const exited = new Promise<NodeJS.Signals | null>((resolve) => mapc.on('exit', (_, signal) => resolve(signal)));
    const chromium = new Set<number>();
    const ports = new Set<string>();
    try {
      // Chromium is printing once a renderer of it runs: by then a DevTools port, had it one, is open.
      await waitFor(
        () => {
          for (const pid of descendantsOf(mapc.pid!)) if (isChromium(pid)) chromium.add(pid);
          return [...chromium].some((pid) => commandLine(pid).includes('--type=renderer'));
        },
        // Generous: on a loaded two-core machine a build has been seen to take this long to start printing.
        60_000,
        `a Chromium renderer under mapc (mapc exit ${mapc.exitCode}, output so far: ${output()}; its processes: ${descendantsOf(mapc.pid!).map((pid) => commandLine(pid).slice(0, 80)).join('; ')})`,
      );
      // Look a few times over a quarter of a second, while the build goes on.
      for (let look = 0; look < 5; look++) {
        for (const pid of descendantsOf(mapc.pid!)) if (isChromium(pid)) chromium.add(pid);
        for (const pid of chromium) for (const port of listeningPortsOf(pid)) ports.add(port);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(mapc.exitCode, `mapc ended before it could be killed: ${output()}`).toBeNull();
      expect.soft([...ports], 'TCP ports Chromium listened on during the build').toEqual([]);
    } finally {
      mapc.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    const left = () => [...chromium].filter((pid) => isAlive(pid) && isChromium(pid));
    await waitFor(() => left().length === 0, 10_000, 'Chromium to exit after mapc was killed').catch(() => undefined);
    const survivors = left().map((pid) => `${pid}: ${commandLine(pid).slice(0, 200)}`);
    // Not left for the next test to trip over, whatever this one found.
    for (const pid of left()) process.kill(pid, 'SIGKILL');
    expect(survivors, 'Chromium processes still running 10 s after mapc was killed').toEqual([]);
  });

  it('leaves its browser profile behind, and the next PDF build removes it', async () => {
    // What the build above left: Chromium exits by itself, but only mapc removes the profile.
    expect(readdirSync(temporary)).toEqual([expect.stringMatching(/^mapc-chromium-\d+-/)]);
    // A process of its own, for its TMPDIR; the one-page Part 3.3: any build that launches a browser removes it.
    const next = await runMapc(['build', 'plans/devon-part-3-3-example.yaml', '--to', 'pdf', '--out', out, '-q'], { env: { TMPDIR: temporary } });
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(temporary)).toEqual([]);
  });
});
