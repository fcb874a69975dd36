import type { OutputFormat } from '../build/build.js';
import { ToolError } from '../problems/tool-error.js';

/** `--to html,pdf`: undefined when not given (the project's formats, else both). */
export function parseFormats(list: string | undefined): OutputFormat[] | undefined {
  if (list === undefined) return undefined;
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => f !== 'html' && f !== 'pdf');
  if (unknown.length > 0 || formats.length === 0) throw new ToolError(`--to takes html, pdf or both (html,pdf), not '${list}'.`);
  return [...new Set(formats)] as OutputFormat[];
}

/** `--jobs 4`, `--timeout 60`: undefined when not given (the build's default). */
export function parsePositive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ToolError(`${name} takes a whole number of at least 1, not '${value}'.`);
  return n;
}

const MAX_TIMEOUT_SECONDS = 86_400;

/** The flags `build` and `serve` share, as commander gives them. */
export interface BuildFlags {
  to?: string;
  out?: string;
  template?: string;
  jobs?: string;
  timeout?: string;
  browserUrl?: string;
}

/** The build request those flags make; what is not given is left to the build (or the project) to choose. */
export function buildRequestFrom(paths: string[], flags: BuildFlags) {
  const to = parseFormats(flags.to);
  const jobs = parsePositive('--jobs', flags.jobs);
  const timeoutSeconds = parsePositive('--timeout', flags.timeout);
  // A timer cannot wait longer than about 24.8 days; a day is already far past any document.
  if (timeoutSeconds !== undefined && timeoutSeconds > MAX_TIMEOUT_SECONDS) throw new ToolError(`--timeout takes at most ${MAX_TIMEOUT_SECONDS} seconds (a day), not '${flags.timeout}'.`);
  return {
    paths,
    ...(to === undefined ? {} : { to }),
    ...(flags.out === undefined ? {} : { out: flags.out }),
    ...(flags.template === undefined ? {} : { template: flags.template }),
    ...(jobs === undefined ? {} : { jobs }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    // MAPC_BROWSER_URL, in the environment the build is given, is the printer's to read.
    ...(flags.browserUrl ? { browserUrl: flags.browserUrl } : {}),
  };
}
