/**
 * What every hostile case checks besides its own expected error: mapc ran as the user runs
 * it (the built bin/mapc.js), ended by itself in bounded time, with an exit code of the CLI
 * contract and no stack trace, and lost nothing: files of an earlier good build in the
 * output folder are byte for byte what they were, no temporary file is left behind, and
 * the manifest lists no hash that is not the hash of the file on disk.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, startBinary, type BinaryOptions, type Outcome as BinaryOutcome, type Running as BinaryRunning } from '../helpers/mapc.js';

export const FIXTURES = join(ROOT, 'tests/fixtures/hostile');

/** A valid strategy plan (id hostile-target): the earlier good build, and the id hostile inputs reuse. */
export const GOOD_PLAN = join(FIXTURES, 'good-plan.yaml');
export const GOOD_ID = 'hostile-target';
export const goodSource = (): string => readFileSync(GOOD_PLAN, 'utf8');

/** How a run ended, and how long it took (printed when it fails, never judged). */
export interface Outcome extends BinaryOutcome {
  ms: number;
}

export interface Running extends Omit<BinaryRunning, 'done'> {
  done: Promise<Outcome>;
}

/** Starts bin/mapc.js (tests/helpers/mapc.ts, with its watchdog for a hang), timing it. */
export function startMapc(args: string[], options: BinaryOptions = {}): Running {
  const started = Date.now();
  const running = startBinary(args, options);
  return { ...running, done: running.done.then((outcome) => ({ ...outcome, ms: Date.now() - started })) };
}

export function mapc(args: string[], options: BinaryOptions = {}): Promise<Outcome> {
  return startMapc(args, options).done;
}

/** A line of a JavaScript stack trace, as Node prints them. */
const STACK_LINE = /^\s+at\s+\S.*(\(|:\d+:\d+)/m;

/**
 * mapc ended by itself (before its watchdog), with exit code `code`, no stack
 * trace and no "internal error" (an error mapc did not expect is a bug, however politely it
 * is printed). How long it took is not judged: on a busy two-core machine a second's work
 * takes ten; what must not happen is work without end (an alias bomb expanded, a hang).
 */
export function expectOrderly(outcome: Outcome, code: number): void {
  const shown = `exit ${outcome.code}${outcome.signal ? ` (${outcome.signal})` : ''} after ${outcome.ms} ms\nstderr:\n${outcome.stderr.slice(0, 3000)}`;
  expect(outcome.timedOut, `mapc did not finish: ${shown}`).toBe(false);
  expect(outcome.stderr, shown).not.toMatch(STACK_LINE);
  expect(outcome.stdout).not.toMatch(STACK_LINE);
  expect(outcome.stderr, shown).not.toMatch(/internal error/i);
  expect(outcome.code, shown).toBe(code);
}

/** The errno code names Node puts in its messages (EEXIST, EPERM, ...): jargon, not a clear error. */
export const RAW_ERRNO = /\bE[A-Z]{3,}:|, (mkdir|open|rename|scandir|write) '/;

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file of a folder (recursively) with its sha256. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = sha256(readFileSync(path));
    }
  };
  walk(dir, '');
  return files;
}

/** Temporary files a write in progress may leave: mapc's `.NAME.PID.RANDOM.tmp`, or any *.tmp. */
export function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((name) => /\.tmp$|\.tmp\b|\.partial$|\.crdownload$/.test(name)) : [];
}

/** Every entry of DIR/manifest.json names a file whose bytes have the sha256 it records. */
export function expectManifestTrue(dir: string): void {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { outputs: { file: string; sha256: string }[] };
  const wrong = manifest.outputs.filter((o) => !existsSync(join(dir, o.file)) || sha256(readFileSync(join(dir, o.file))) !== o.sha256).map((o) => o.file);
  expect(wrong, 'manifest entries whose file is missing or has other bytes').toEqual([]);
}

/** The folder holds exactly the files of `before`, byte for byte, and nothing half-written. */
export function expectNothingLost(dir: string, before: Record<string, string>): void {
  expect(leftovers(dir)).toEqual([]);
  expect(snapshot(dir)).toEqual(before);
}

/** A fresh temporary folder. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `mapc-hostile-${label}-`));
}

/**
 * Builds the good plan once (HTML and PDF, or `to`) into a folder, and returns a function
 * that gives a fresh copy of that earlier output for each case, with its snapshot.
 */
export async function buildEarlierOutput(to = 'html,pdf', plan = GOOD_PLAN): Promise<() => { out: string; before: Record<string, string> }> {
  const master = tempDir('earlier');
  const result = await mapc(['build', '--to', to, '--out', join(master, 'out'), plan], { timeoutMs: 45_000 });
  if (result.code !== 0) throw new Error(`the earlier good build failed: ${result.stderr}`);
  const files = snapshot(join(master, 'out'));
  if (!Object.keys(files).includes('manifest.json')) throw new Error('the earlier good build wrote no manifest');
  return () => {
    const out = join(tempDir('out'), 'out');
    cpSync(join(master, 'out'), out, { recursive: true });
    return { out, before: snapshot(out) };
  };
}
