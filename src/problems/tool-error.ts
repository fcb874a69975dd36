/**
 * mapc cannot do its job (bad usage, a file that cannot be read or written): the command
 * ends with exit code 2 and this message, without a stack. Anything else thrown is a bug.
 */
export class ToolError extends Error {
  override name = 'ToolError';

  /** @param json more for the JSON error document (`--format json`): structured problems, say. */
  constructor(
    message: string,
    readonly json?: Record<string, unknown>,
  ) {
    super(message);
  }
}
