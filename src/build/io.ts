/** The folder a build runs in and its environment: all a build reads of the process. */
export interface Workspace {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * What a command may touch of the outside world: passed down, never taken from `process`,
 * so that commands run in-process in tests exactly as they run from the terminal.
 */
export interface Io extends Workspace {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colours, progress lines). */
  isTTY: boolean;
}

/** Colour only on a terminal, never in CI, and never when NO_COLOR is set to something (no-color.org: an empty value does not count). */
export function wantsColor(io: Io): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.CI === undefined;
}
