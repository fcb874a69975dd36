import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './processes.js';
import { ROOT } from './run-mapc.js';

/** mapc running in the background (watch, serve), with what it has printed so far. */
export interface Background {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Waits until stdout (or stderr) has printed `text` `times` times in all. */
  waitForOutput(text: string, times?: number, ms?: number): Promise<void>;
  stop(): Promise<number | null>;
}

export function startMapc(args: string[], cwd: string): Background {
  const child = spawn(process.execPath, [join(ROOT, 'bin/mapc.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const count = (text: string) => (out + err).split(text).length - 1;
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForOutput: (text, times = 1, ms = 30_000) => waitFor(() => count(text) >= times, ms, `"${text}" ×${times} in:\n${out}\n${err}`),
    stop: async () => {
      child.kill('SIGINT');
      return exit;
    },
  };
}
