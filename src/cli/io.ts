import type { Io } from '../build/io.js';

/** The process's own stdout, stderr, folder and environment: read here, and passed down from here only. */
export function processIo(): Io {
  return {
    stdout: writerTo(process.stdout),
    stderr: writerTo(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
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
