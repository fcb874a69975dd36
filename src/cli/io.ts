/** What a command may touch of the outside world, so that tests can run commands in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colours, progress lines). */
  isTTY: boolean;
}

export function processIo(): Io {
  return {
    stdout: writerTo(process.stdout),
    stderr: writerTo(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

/** Colour only on a terminal, never in CI, and never when NO_COLOR is set to something (no-color.org: an empty value does not count). */
export function wantsColor(io: Io): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.CI === undefined;
}

/**
 * Writes to a stream whose reader may go away: `mapc validate | head` closes the pipe
 * after ten lines. The rest of the output is dropped (EPIPE), and mapc still finishes and
 * exits with its own code, as a pipeline with pipefail expects; any other error of the
 * stream is one no write could fix, and is dropped the same way rather than crash mapc.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true;
  stream.on('error', () => {
    open = false;
  });
  return (text) => {
    if (open) stream.write(text);
  };
}

/** The tool cannot do its job (bad usage, unreadable file): exit code 2 with this message and no stack. */
export class ToolError extends Error {
  override name = 'ToolError';
}
