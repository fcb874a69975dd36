import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfPrinter, PrintError } from '../../src/pdf/pdf-printer.js';
import { launchOwnBrowsers, runBrowserUrl } from '../helpers/browser.js';
import { pdfIsSound } from '../helpers/pdf-tools.js';
import { descendantsOf, isAlive, waitFor } from '../helpers/processes.js';
import { ROOT, runInProcess, startBinary } from '../helpers/mapc.js';

const metadata = { title: 'T', author: 'A', subject: 'S', keywords: [], date: new Date(0), creator: 'test', lang: 'en-GB' };
const longDocument = (paragraphs: number) => `<!DOCTYPE html><html><body>${'<p>A paragraph of a long document, printed slowly.</p>'.repeat(paragraphs)}</body></html>`;
/** A document long enough (some hundred pages) to be still printing when the browser is killed. */
const LONG = longDocument(12000);
const SHORT = '<!DOCTYPE html><html><body><p>short</p></body></html>';

/** A folder of `count` copies of the Devon plan with their own ids, to make a batch. */
function batchOfPlans(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapc-batch-'));
  const source = readFileSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), 'utf8');
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, `part-${i}.yaml`), source.replace('id: devon-children-and-families-2004-05', `id: part-${i}`));
  return dir;
}

/** A build of the folder, with a temporary folder of its own (TMPDIR): the browser's profile goes there. */
function startBuild(dir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const temporary = mkdtempSync(join(tmpdir(), 'mapc-tmpdir-'));
  const running = startBinary(['build', '--to', 'pdf', '--jobs', '1', '--out', join(dir, 'out'), dir, ...extra], { cwd: dir, env: { TMPDIR: temporary, ...env } });
  const exit = running.done.then(({ code, signal }) => code ?? (signal ? -1 : null));
  return { child: running.child, exit, stderr: running.stderr, leftInTemporary: () => readdirSync(temporary) };
}

function pdfsIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.pdf')) : [];
}

describe('a browser that is missing, killed or interrupted', () => {
  // Of the Chromium mapc launches and looks after itself.
  launchOwnBrowsers();

  it('no browser: exit 2 and one message saying how to install one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-nobrowser-'));
    // In this process: the exit code run() returns and what it prints are the claim, not a process.
    const result = await runInProcess(['build', '--out', out, 'plans/devon-children-and-families-2004-05.yaml'], {
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'mapc: cannot make PDFs: PUPPETEER_EXECUTABLE_PATH names /nonexistent/chromium, which is not an executable file. Install Debian\'s Chromium (apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary.\n',
    );
    // Not even the HTML: a build that cannot finish changes nothing.
    expect(readdirSync(out)).toEqual([]);
  });

  it('a browser killed while printing fails that document only; the printer restarts it for the next', async () => {
    const printer = await PdfPrinter.start({ jobs: 1, timeoutMs: 60_000 });
    const first = printer.browserPid!;
    const firstFamily = [first, ...descendantsOf(first)];
    const printing = printer.print(LONG, metadata);
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(first, 'SIGKILL');
    await expect(printing).rejects.toBeInstanceOf(PrintError);
    const next = await printer.print(SHORT, metadata);
    expect(Buffer.from(next).subarray(0, 5).toString()).toBe('%PDF-');
    const second = printer.browserPid!;
    expect(second).not.toBe(first);
    const secondFamily = [second, ...descendantsOf(second)];
    await printer.close();
    await waitFor(() => [...firstFamily, ...secondFamily].every((pid) => !isAlive(pid)), 10_000, 'every Chromium process to end');
  });

  it('a browser started by a wrapper script that does not exec it is closed with the script', async () => {
    const wrapper = join(mkdtempSync(join(tmpdir(), 'mapc-wrapper-')), 'chromium');
    writeFileSync(wrapper, '#!/bin/sh\n/usr/lib/chromium/chromium "$@"\nexit $?\n', { mode: 0o755 });
    const printer = await PdfPrinter.start({ jobs: 1, timeoutMs: 60_000, env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: wrapper } });
    const script = printer.browserPid!;
    const family = [script, ...descendantsOf(script)];
    expect(family.length, 'Chromium runs under the script').toBeGreaterThan(2);
    expect(Buffer.from(await printer.print(SHORT, metadata)).subarray(0, 5).toString()).toBe('%PDF-');
    await printer.close();
    await waitFor(() => family.every((pid) => !isAlive(pid)), 10_000, 'the script and every Chromium process to end');
  });

  it('mapc build with its browser killed mid-batch: the rest still print, the failed one is reported, nothing half-written', async () => {
    // Three plans, printed one at a time: the first is written, the second is printing when
    // the browser is killed (its slot is free as soon as the first is printed), and the
    // third is printed by the browser started again.
    const dir = batchOfPlans(3);
    const build = startBuild(dir);
    await waitFor(() => descendantsOf(build.child.pid!).length > 0, 20_000, 'the browser to start');
    await waitFor(() => pdfsIn(join(dir, 'out')).length >= 1, 30_000, 'the first PDF');
    const family = descendantsOf(build.child.pid!);
    const browser = family[0]!;
    const writtenBeforeKill = pdfsIn(join(dir, 'out'));
    process.kill(browser, 'SIGKILL');
    const code = await build.exit;
    const written = pdfsIn(join(dir, 'out'));
    expect(code).toBe(1);
    // Only a document still printing when the browser died is reported so.
    expect(build.stderr()).toMatch(/mapc: part-\d\.pdf was not printed: the browser stopped while printing/);
    expect(written.length).toBe(2);
    expect(written.filter((name) => !writtenBeforeKill.includes(name)), 'a PDF printed after the kill, by the browser started again').toHaveLength(1);
    for (const name of written) expect(pdfIsSound(join(dir, 'out', name))).toBe(true);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await waitFor(() => family.every((pid) => !isAlive(pid)), 10_000, 'every Chromium process to end');
  });

  it('SIGTERM during a build: the browser is closed, no partial file, every PDF written is whole', async () => {
    const dir = batchOfPlans(8);
    const build = startBuild(dir);
    await waitFor(() => pdfsIn(join(dir, 'out')).length >= 1, 30_000, 'the first PDF');
    const family = descendantsOf(build.child.pid!);
    expect(family.length).toBeGreaterThan(0);
    build.child.kill('SIGTERM');
    expect(await build.exit).toBe(143);
    expect(build.stderr()).toContain('mapc: stopped by SIGTERM');
    const written = pdfsIn(join(dir, 'out'));
    expect(written.length).toBeLessThan(8);
    for (const name of written) expect(pdfIsSound(join(dir, 'out', name))).toBe(true);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await waitFor(() => family.every((pid) => !isAlive(pid)), 10_000, 'every Chromium process to end');
    expect(build.leftInTemporary(), 'the browser profile is removed').toEqual([]);
  });
});

describe('a browser that starts and never answers', () => {
  launchOwnBrowsers();

  /** A "browser" that runs and says nothing, as a hung Chromium would. */
  function hungBrowser(): string {
    const script = join(mkdtempSync(join(tmpdir(), 'mapc-hung-')), 'chromium');
    writeFileSync(script, '#!/bin/sh\nexec sleep 1000\n', { mode: 0o755 });
    return script;
  }

  it('is not waited for by a build with nothing to print, and Ctrl-C stops it at once', async () => {
    const browser = hungBrowser();
    const invalid = batchOfPlans(2);
    for (const name of readdirSync(invalid)) writeFileSync(join(invalid, name), readFileSync(join(invalid, name), 'utf8').replace(/^mapc: 1$/m, 'mapc: 99'));
    const started = Date.now();
    const nothing = startBuild(invalid, [], { PUPPETEER_EXECUTABLE_PATH: browser });
    expect(await nothing.exit).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000); // puppeteer would wait 30 s for it
    expect(nothing.leftInTemporary()).toEqual([]);

    const valid = startBuild(batchOfPlans(1), [], { PUPPETEER_EXECUTABLE_PATH: browser });
    const seen = new Set<number>();
    await waitFor(() => (descendantsOf(valid.child.pid!).forEach((pid) => seen.add(pid)), seen.size > 0), 20_000, 'the browser to be starting');
    const interrupted = Date.now();
    valid.child.kill('SIGINT');
    expect(await valid.exit).toBe(130);
    expect(Date.now() - interrupted).toBeLessThan(5_000);
    await waitFor(() => [...seen].every((pid) => !isAlive(pid)), 10_000, 'the hung browser to end');
    expect(valid.leftInTemporary()).toEqual([]);
  });
});

describe('a signal while the browser is starting', () => {
  launchOwnBrowsers();

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s: exits at once and leaves no Chromium behind', async (signal) => {
    const dir = batchOfPlans(2);
    const build = startBuild(dir);
    // Every process mapc starts, noted until it exits: the browser may be half-started.
    const seen = new Set<number>();
    const watcher = setInterval(() => descendantsOf(build.child.pid!).forEach((pid) => seen.add(pid)), 10);
    await waitFor(() => seen.size > 0, 20_000, 'the browser to be starting');
    build.child.kill(signal);
    const code = await build.exit;
    clearInterval(watcher);
    expect(code).toBe(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
    expect(build.stderr()).toContain(`mapc: stopped by ${signal}`);
    await waitFor(() => [...seen].every((pid) => !isAlive(pid)), 10_000, 'every Chromium process to end');
    expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.tmp')) : []).toEqual([]);
    expect(build.leftInTemporary(), 'the browser profile is removed').toEqual([]);
  });
});

describe('a document that takes too long', () => {
  it('fails with the time limit, and the same printer prints the next one', async () => {
    // The limit is far beyond the short document (a fraction of a second on a quiet machine,
    // over one on a busy one) and far short of the longer one (five times LONG, which
    // takes some seconds on a quiet machine): a busy machine only makes that one slower.
    // On the run's shared Chromium: the time limit and the page thrown away are the printer's
    // whichever browser it prints on, and launching one of its own would cost 4 s more.
    const printer = await PdfPrinter.start({ jobs: 1, timeoutMs: 4000, browserUrl: runBrowserUrl() });
    await expect(printer.print(longDocument(60000), metadata)).rejects.toThrow('printing took longer than 4 s');
    expect(Buffer.from(await printer.print(SHORT, metadata)).subarray(0, 5).toString()).toBe('%PDF-');
    await printer.close();
  });
});
