/**
 * The one way tests run mapc.
 *
 * - `runInProcess`: `run(argv, io)` of src/cli/main.ts in the test's own process, with an
 *   Io that collects what it prints. Most cases run this way: no process to start, no bundle
 *   to load, the same code.
 * - `runBinary` and `startBinary`: the built bin/mapc.js in a process of its own, as a user
 *   runs it, for what only a process shows: start-up and the bundle, the exit code and
 *   signals of the process, SIGKILL, long-running commands (watch, serve), pipes and
 *   terminals. Each has a watchdog: past its time it is killed, with the browsers it
 *   started, and its outcome says it timed out (a hang fails the test, it never hangs the
 *   suite). A process still running when its test ends is stopped then, so that nothing it
 *   started outlives the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { Io } from '../../src/build/io.js';
import { descendantsOf, isAlive, waitFor } from './processes.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/mapc.js', import.meta.url));

export interface RunOptions {
  /** The folder mapc runs in: the repository root unless given. */
  cwd?: string;
  /**
   * Added to this process's environment (with NO_COLOR=1, as for a user who set it);
   * a key given as undefined is removed.
   */
  env?: Record<string, string | undefined>;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment mapc runs with: this process's, NO_COLOR=1, then the test's own (undefined removes). */
export function mapcEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs mapc in this process through `run(argv, io)`; `isTTY` stands for a terminal on stdout. */
export async function runInProcess(args: string[], options: RunOptions & { isTTY?: boolean } = {}): Promise<RunResult> {
  const { run } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? ROOT,
    env: mapcEnv(options.env),
    isTTY: options.isTTY === true,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

export interface BinaryOptions extends RunOptions {
  /** The watchdog: past this, mapc and what it started are killed and the outcome marked timedOut. */
  timeoutMs?: number;
}

/** How a process of bin/mapc.js ended. */
export interface Outcome {
  /** The exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** mapc did not end by itself within its time, and was killed. */
  timedOut: boolean;
}

/** bin/mapc.js running, with what it has printed so far. */
export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Waits until stdout and stderr together have printed `text` `times` times. */
  waitForOutput(text: string, times?: number, ms?: number): Promise<void>;
  done: Promise<Outcome>;
  /** Sends `signal` (Ctrl-C by default) and waits for the outcome. */
  stop(signal?: NodeJS.Signals): Promise<Outcome>;
}

/** Generous: a hang, not a slow machine, is what the watchdog is for. */
const DEFAULT_TIMEOUT_MS = 90_000;

/** Starts bin/mapc.js in `cwd` (the repository root by default), stdin closed. */
export function startBinary(args: string[], options: BinaryOptions = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: mapcEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killWithDescendants(child);
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const done = new Promise<Outcome>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    }),
  );
  stopAtTestEnd(child, done);
  const count = (text: string) => (stdout + stderr).split(text).length - 1;
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput: (text, times = 1, ms = 60_000) => waitFor(() => count(text) >= times || child.exitCode !== null, ms, `"${text}" ×${times} in:\n${stdout}\n${stderr}`).then(() => {
      if (count(text) < times) throw new Error(`mapc exited (${child.exitCode}) before printing "${text}" ×${times}:\n${stdout}\n${stderr}`);
    }),
    done,
    stop: (signal = 'SIGINT') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return done;
    },
  };
}

/** Runs bin/mapc.js to its end. */
export function runBinary(args: string[], options: BinaryOptions = {}): Promise<Outcome> {
  return startBinary(args, options).done;
}

/** SIGKILL to mapc and every process below it (its browser would otherwise outlive it, with its profile). */
function killWithDescendants(child: ChildProcess): void {
  if (child.pid === undefined) return;
  const family = [child.pid, ...descendantsOf(child.pid)];
  for (const pid of family) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/**
 * A process still running when its test ends (the test failed before stopping it) is asked
 * to stop as Ctrl-C would, so that it closes its browser, and killed if it does not.
 */
function stopAtTestEnd(child: ChildProcess, done: Promise<Outcome>): void {
  try {
    onTestFinished(async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined || !isAlive(child.pid)) return;
      child.kill('SIGTERM');
      const ended = await Promise.race([done.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!ended) killWithDescendants(child);
    });
  } catch {
    // Started outside a test (a beforeAll): that hook waits for it itself.
  }
}
