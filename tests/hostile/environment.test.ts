/**
 * A hostile environment around a good plan: an output folder that cannot be written, an
 * output path that is a file, a full disk, no browser (or something else in its place), a
 * browser killed while a batch's one long document prints, and Ctrl-C then. Each time: exit 2 (or
 * 1 for a document that failed, 130 for Ctrl-C) with one clear line, in bounded time, and
 * nothing lost: the earlier output is byte for byte what it was, or replaced by whole new
 * files the manifest lists truly, with no temporary file left.
 *
 * The tests run as root, which ignores file permissions; a read-only folder is made with
 * the immutable attribute (chattr +i) and with a read-only bind mount, and a full disk with
 * a small tmpfs. Both need root (CAP_LINUX_IMMUTABLE, CAP_SYS_ADMIN): where they are
 * missing, the test fails saying so rather than pass without testing anything.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchOwnBrowsers } from '../helpers/browser.js';
import { pdfIsSound } from '../helpers/pdf-tools.js';
import { descendantsOf, isAlive, waitFor } from '../helpers/processes.js';
import {
  buildEarlierOutput,
  expectManifestTrue,
  expectNothingLost,
  expectOrderly,
  GOOD_ID,
  goodSource,
  leftovers,
  mapc,
  RAW_ERRNO,
  sha256,
  snapshot,
  startMapc,
  tempDir,
} from './harness.js';

/** Runs a command the case needs root for; fails the test with the reason when it cannot. */
function privileged(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`this case needs \`${command} ${args.join(' ')}\` (root with CAP_LINUX_IMMUTABLE / CAP_SYS_ADMIN), which failed here: ${stderr || (error as Error).message}`);
  }
}

/** Undone after each test, even a failed one: mounts and immutable folders must not outlive it. */
const undo: (() => void)[] = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) {
    try {
      step();
    } catch {
      // best effort: the next step may still free the folder
    }
  }
});

/** The good plan, changed, so that a build that wrongly went ahead would change the files. */
function changedPlan(): { dir: string; file: string } {
  const dir = tempDir('changed');
  writeFileSync(join(dir, 'plan.yaml'), goodSource().replace('title: Children and Families Plan', 'title: Children and Families Plan, Revised'));
  return { dir, file: 'plan.yaml' };
}

let earlier: Awaited<ReturnType<typeof buildEarlierOutput>>;
beforeAll(async () => {
  earlier = await buildEarlierOutput();
});

describe('an output folder that cannot be written', () => {
  it('immutable (chattr +i): exit 2, one line saying so, the earlier output intact', async () => {
    const { out, before } = earlier();
    privileged('chattr', ['+i', out]);
    undo.push(() => execFileSync('chattr', ['-i', out]));
    const { dir, file } = changedPlan();
    const build = await mapc(['build', '--out', out, file], { cwd: dir });
    expectOrderly(build, 2);
    expect(build.stderr).toMatch(new RegExp(`^mapc: cannot write '${out}/${GOOD_ID}\\.html': (permission denied|.*read-only.*|.*not permitted.*)\\. The previous file, if any, is unchanged\\.\\n$`));
    expect(build.stderr).not.toMatch(RAW_ERRNO);
    expectNothingLost(out, before);
  });

  it('on a read-only mount: exit 2, one line saying so, the earlier output intact', async () => {
    const { out, before } = earlier();
    privileged('mount', ['--bind', out, out]);
    undo.push(() => execFileSync('umount', [out]));
    privileged('mount', ['-o', 'remount,bind,ro', out]);
    const { dir, file } = changedPlan();
    const build = await mapc(['build', '--out', out, file], { cwd: dir });
    expectOrderly(build, 2);
    expect(build.stderr).toMatch(new RegExp(`^mapc: cannot write '${out}/${GOOD_ID}\\.html': (permission denied|.*read-only.*)\\. The previous file, if any, is unchanged\\.\\n$`));
    expect(build.stderr).not.toMatch(RAW_ERRNO);
    expectNothingLost(out, before);
  });
});

describe('an output path that is not a folder', () => {
  it('--out names an existing file: exit 2, one clear line, the file untouched', async () => {
    const dir = tempDir('out-file');
    writeFileSync(join(dir, 'report.pdf'), 'an earlier file, not a folder');
    const { file } = changedPlan();
    writeFileSync(join(dir, file), readFileSync(join(changedPlan().dir, file)));
    const build = await mapc(['build', '--out', 'report.pdf', file], { cwd: dir });
    expectOrderly(build, 2);
    expect(build.stderr).toMatch(/^mapc: .*'.*report\.pdf'.*a file stands where a folder is needed.*\n$/);
    expect(build.stderr).not.toMatch(RAW_ERRNO);
    expect(readFileSync(join(dir, 'report.pdf'), 'utf8')).toBe('an earlier file, not a folder');
    expect(snapshot(dir)).toEqual({ 'plan.yaml': expect.any(String), 'report.pdf': sha256('an earlier file, not a folder') });
  });

  it('--out goes through an existing file (FILE/sub): exit 2, one clear line', async () => {
    const dir = tempDir('out-under-file');
    writeFileSync(join(dir, 'notes.txt'), 'notes');
    writeFileSync(join(dir, 'plan.yaml'), goodSource());
    const build = await mapc(['build', '--to', 'html', '--out', 'notes.txt/out', 'plan.yaml'], { cwd: dir });
    expectOrderly(build, 2);
    expect(build.stderr).toMatch(/^mapc: .*'.*notes\.txt.*'.*a file stands where a folder is needed.*\n$/);
    expect(build.stderr).not.toMatch(RAW_ERRNO);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('notes');
  });

  it('a document\'s name is taken by a folder: exit 2, one clear line, the folder and the rest intact', async () => {
    const { out, before } = earlier();
    const blocking = join(out, `${GOOD_ID}.report.html`);
    mkdirSync(blocking);
    writeFileSync(join(blocking, 'keep.txt'), 'keep');
    const plan = tempDir('blocked');
    // A qp-map with a report: its second document is named <id>.report.html.
    const everyField = readFileSync(join(process.cwd(), 'tests/fixtures/every-field.yaml'), 'utf8').replace('id: every-field', `id: ${GOOD_ID}`);
    writeFileSync(join(plan, 'plan.yaml'), everyField);
    const build = await mapc(['build', '--to', 'html', '--out', out, 'plan.yaml'], { cwd: plan });
    expectOrderly(build, 2);
    // (The plan's warnings come first; the failure is the last line.)
    expect(build.stderr).toMatch(new RegExp(`\\nmapc: cannot write '${out}/${GOOD_ID}\\.report\\.html': .*folder.*\\. The previous file, if any, is unchanged\\.\\n$`));
    expect(build.stderr).not.toMatch(RAW_ERRNO);
    expect(readFileSync(join(blocking, 'keep.txt'), 'utf8')).toBe('keep');
    expect(leftovers(out)).toEqual([]);
    expectManifestTrue(out);
    expect(snapshot(out)[`${GOOD_ID}.pdf`]).toBe(before[`${GOOD_ID}.pdf`]);
  });
});

describe('a full disk', () => {
  /** A tmpfs of `size` holding a copy of the earlier output, filled up to `free` bytes left. */
  function fullDisk(size: string, free: number): { out: string; before: Record<string, string> } {
    const mountPoint = tempDir('disk');
    privileged('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint]);
    undo.push(() => execFileSync('umount', [mountPoint]));
    const { out: source } = earlier();
    const out = join(mountPoint, 'out');
    cpSync(source, out, { recursive: true });
    const filler = openSync(join(mountPoint, 'filler'), 'w');
    const block = Buffer.alloc(4096, 1);
    let written = 0;
    try {
      for (;;) written += writeSync(filler, block);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
    ftruncateSync(filler, Math.max(0, written - free));
    closeSync(filler);
    return { out, before: snapshot(out) };
  }

  it('no room for anything: exit 2, "the disk is full", the earlier output intact', async () => {
    const { out, before } = fullDisk('1m', 0);
    const { dir, file } = changedPlan();
    const build = await mapc(['build', '--out', out, file], { cwd: dir });
    expectOrderly(build, 2);
    expect(build.stderr).toBe(`mapc: cannot write '${out}/${GOOD_ID}.html': the disk is full. The previous file, if any, is unchanged.\n`);
    expectNothingLost(out, before);
  });

  it('room for the HTML but not the PDF: exit 2, the earlier PDF intact, the manifest true to the files', async () => {
    // The earlier HTML is some 12 KB and its PDF some 60 KB: 24 KB free takes the one, not the other.
    const { out, before } = fullDisk('1m', 24 * 1024);
    const { dir, file } = changedPlan();
    const build = await mapc(['build', '--out', out, file], { cwd: dir });
    expectOrderly(build, 2);
    expect(build.stderr).toMatch(new RegExp(`^mapc: cannot write '${out}/${GOOD_ID}\\.pdf': the disk is full\\. The previous file, if any, is unchanged\\.\\n$`));
    const after = snapshot(out);
    expect(after[`${GOOD_ID}.pdf`]).toBe(before[`${GOOD_ID}.pdf`]);
    expect(after[`${GOOD_ID}.html`]).not.toBe(before[`${GOOD_ID}.html`]); // the new HTML, whole
    expect(readFileSync(join(out, `${GOOD_ID}.html`), 'utf8')).toMatch(/Revised[\s\S]*<\/html>\s*$/);
    expect(leftovers(out)).toEqual([]);
    expectManifestTrue(out);
  });
});

describe('no browser', () => {
  launchOwnBrowsers();

  it('none at the path given: exit 2, one line, nothing written (not even the HTML)', async () => {
    const { out, before } = earlier();
    const { dir, file } = changedPlan();
    const build = await mapc(['build', '--out', out, file], { cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' } });
    expectOrderly(build, 2);
    expect(build.stderr).toMatch(/^mapc: cannot make PDFs: PUPPETEER_EXECUTABLE_PATH names \/nonexistent\/chromium, which is not an executable file\. .*\n$/);
    expectNothingLost(out, before);
  });

  it('a program that is not a browser at that path: exit 2 at once, one line, nothing written', async () => {
    const { out, before } = earlier();
    const { dir, file } = changedPlan();
    const notABrowser = join(tempDir('not-a-browser'), 'chromium');
    writeFileSync(notABrowser, '#!/bin/sh\necho "this is not a browser" >&2\nexit 0\n');
    chmodSync(notABrowser, 0o755);
    const build = await mapc(['build', '--out', out, file], { cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: notABrowser } });
    expectOrderly(build, 2);
    expect(build.stderr).toMatch(/^mapc: cannot make PDFs: the browser .* did not start \(.*\)\. Set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary.*\n$/);
    expect(build.stderr.split('\n').length, `one line, not:\n${build.stderr}`).toBe(2);
    expectNothingLost(out, before);
  });
});

describe('a batch interrupted', () => {
  const PLANS = 3;
  /** The plan of the batch that is long: some 230 pages, seconds to print even on a fast machine (57 pages took one here), where the others take a fraction of one. */
  const LONG = 2;
  /**
   * PLANS copies of a plan; with `long`, that one is long enough to be still printing when
   * the test, seeing the PDF before it, interrupts the build. The others are short: what
   * they show (printed whole, or left as they were) does not depend on their length.
   */
  function batch(version: string, long?: number): string {
    const dir = tempDir(`batch-${version}`);
    for (let i = 1; i <= PLANS; i++) {
      const paragraphs = Array.from({ length: i === long ? 6000 : 3 }, (_, n) => `  Paragraph ${n} of a long summary, so that printing takes a while, version ${version}.\n`).join('\n');
      const source = goodSource().replace(/^summary: \|[\s\S]*?(?=^objectives:)/m, `summary: |\n${paragraphs}`);
      writeFileSync(join(dir, `part-${i}.yaml`), source.replace(`id: ${GOOD_ID}`, `id: part-${i}`));
    }
    return dir;
  }

  let older: Record<string, string>;
  let olderOut: string;
  // The earlier batch is printed on the run's shared Chromium: this hook comes before
  // launchOwnBrowsers() below unsets MAPC_BROWSER_URL for the builds that are interrupted.
  beforeAll(async () => {
    const dir = batch('one');
    olderOut = join(dir, 'out');
    const build = await mapc(['build', '--jobs', '1', '--out', olderOut, dir], { cwd: dir });
    if (build.code !== 0) throw new Error(`the earlier batch failed: ${build.stderr}`);
    older = snapshot(olderOut);
  });

  // Of the Chromium mapc launches: killed, or closed on Ctrl-C.
  launchOwnBrowsers();

  /** A copy of the earlier batch output, and a build of version two into it, started. */
  function startSecondBuild() {
    const dir = batch('two', LONG);
    const out = join(dir, 'out');
    cpSync(olderOut, out, { recursive: true });
    const running = startMapc(['build', '--jobs', '1', '--out', out, dir], { cwd: dir });
    // Only the PDFs' own names are read while mapc writes: each is replaced whole by a rename, where a
    // walk of the folder can meet a temporary file that is renamed away before it is read.
    const pdfs = Array.from({ length: PLANS }, (_, i) => `part-${i + 1}.pdf`);
    const newPdfs = () => pdfs.filter((name) => sha256(readFileSync(join(out, name))) !== older[name]).length;
    return { out, running, newPdfs };
  }

  /** Every PDF is either the earlier one, byte for byte, or a new one that is whole. */
  function expectEachPdfOldOrWhole(out: string): { old: number; renewed: number } {
    const now = snapshot(out);
    let old = 0;
    let renewed = 0;
    for (let i = 1; i <= PLANS; i++) {
      const name = `part-${i}.pdf`;
      if (now[name] === older[name]) old++;
      else {
        expect(pdfIsSound(join(out, name)), `${name} is whole`).toBe(true);
        renewed++;
      }
    }
    expect(leftovers(out)).toEqual([]);
    return { old, renewed };
  }

  it('its browser killed: that document fails and keeps its earlier PDF, the others print, the manifest stays true', async () => {
    const { out, running, newPdfs } = startSecondBuild();
    await waitFor(() => newPdfs() >= 1, 40_000, 'the first new PDF');
    const browser = descendantsOf(running.child.pid!)[0]!;
    const family = [browser, ...descendantsOf(browser)];
    process.kill(browser, 'SIGKILL');
    const outcome = await running.done;
    expectOrderly(outcome, 1);
    // The kill landed while the long plan was printing, the one after the first new PDF.
    expect(outcome.stderr).toMatch(new RegExp(`^mapc: part-${LONG}\\.pdf was not printed: the browser stopped while printing`, 'm'));
    const { old, renewed } = expectEachPdfOldOrWhole(out);
    expect(old).toBe(1);
    expect(renewed).toBe(PLANS - 1);
    expectManifestTrue(out);
    await waitFor(() => family.every((pid) => !isAlive(pid)), 10_000, 'the killed browser\'s processes to end');
  });

  it('Ctrl-C (SIGINT): exit 130, the browser closed, every file the old one or a whole new one, the manifest true', async () => {
    const { out, running, newPdfs } = startSecondBuild();
    await waitFor(() => newPdfs() >= 1, 40_000, 'the first new PDF');
    const family = descendantsOf(running.child.pid!);
    running.child.kill('SIGINT');
    const outcome = await running.done;
    expect(outcome.timedOut).toBe(false);
    expect(outcome.code).toBe(130);
    expect(outcome.stderr).not.toMatch(/^\s+at\s/m);
    expect(outcome.stderr).toMatch(/^mapc: stopped by SIGINT; nothing was left half-written or running\.\n$/m);
    const { old, renewed } = expectEachPdfOldOrWhole(out);
    expect(old).toBeGreaterThan(0);
    expect(renewed).toBeGreaterThan(0);
    expect(snapshot(out)[`part-${LONG}.pdf`], 'Ctrl-C landed while the long plan was printing: its earlier PDF stays').toBe(older[`part-${LONG}.pdf`]);
    // What the manifest says of each file is what the file is: verify must not be misled.
    expectManifestTrue(out);
    await waitFor(() => family.every((pid) => !isAlive(pid)), 10_000, 'every Chromium process to end');
  });
});
