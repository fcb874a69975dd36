import { availableParallelism } from 'node:os';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import type { LoadedProject } from '../project/load-project.js';
import type { Renderer } from '../render/render-document.js';
import type { BuildRecord } from './build-events.js';
import type { Workspace } from './io.js';
import type { OutputFormat } from './pdf-jobs.js';
import type { PrinterSettings } from './print-documents.js';

/** What to build, and how: `mapc build`'s paths and options, and the folder and environment it runs in. */
export interface BuildRequest extends Workspace {
  /** Plan files or folders, or a mapc.yaml; none: the project of ./mapc.yaml, else ./plans. */
  paths?: string[];
  /** Undefined: the project's formats, else both. */
  to?: OutputFormat[];
  /** The output folder; undefined: the project's, else dist. */
  out?: string;
  /** A built-in document (map, report, strategy) or a folder of templates. */
  template?: string;
  /** Plans rendered and documents printed at once (default: the number of cores). */
  jobs?: number;
  /** Longest a document may take to print (default 60). */
  timeoutSeconds?: number;
  /** A running browser to print on (its DevTools address), instead of launching one. */
  browserUrl?: string;
}

/** A request with its defaults filled in. */
export type BuildSettings = BuildRequest & { paths: string[]; jobs: number; timeoutSeconds: number };

export interface BuildResult extends BuildRecord {
  /** 0: everything was built; 1: a plan has errors or a document failed; 2: a file could not be read at all. */
  exitCode: number;
}

/** What a watching build keeps between rebuilds: the compiled templates and an open browser. */
export interface SharedTools {
  renderer?: Renderer;
  printer?: PdfPrinter;
  /** When set, only these plans' PDFs are printed (a rebuild after one part was saved). */
  pdfSources?: Set<string>;
  /** A browser started for this build before its plans were rendered (see withEarlyPrinter). */
  early?: { printer(): Promise<PdfPrinter> };
  /** mapc.yaml as a watching build has just read it, so that one rebuild reads it once. */
  project?: LoadedProject;
}

export const DEFAULT_JOBS = availableParallelism();
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** The request with its defaults filled in. */
export function settle(request: BuildRequest): BuildSettings {
  return { ...request, paths: request.paths ?? [], jobs: request.jobs ?? DEFAULT_JOBS, timeoutSeconds: request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS };
}

export function printerSettings(request: BuildSettings): PrinterSettings {
  return { jobs: request.jobs, timeoutMs: request.timeoutSeconds * 1000, ...(request.browserUrl ? { browserUrl: request.browserUrl } : {}) };
}
