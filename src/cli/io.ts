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
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

/** The tool cannot do its job (bad usage, unreadable file): exit code 2 with this message and no stack. */
export class ToolError extends Error {
  override name = 'ToolError';
}
