import { BrowserNotFoundError, findBrowser } from '../pdf/launch-browser.js';
import { printWithPageNumbers, type PageNumbering } from '../pdf/page-numbered-print.js';
import type { PdfMetadata } from '../pdf/pdf-metadata.js';
import { PdfPrinter, PrintError } from '../pdf/pdf-printer.js';
import { ToolError } from '../problems/tool-error.js';
import type { BuildListener } from './build-events.js';
import type { ManifestEntry } from './manifest.js';
import { onShutdown } from './on-shutdown.js';
import type { OutputFolder } from './output-folder.js';

/**
 * Printing: the one place mapc starts (or connects to) a browser, for `build`, `serve`
 * and `diff --format pdf` alike. Every printer started here is closed by a signal too
 * (on-shutdown.ts), so no Chromium outlives mapc.
 */

/** One PDF to print: its HTML, its metadata and where it goes. */
export interface PrintJob {
  /** The source the manifest records: a plan file, or mapc.yaml for a whole document. */
  source: string;
  /** How it was built (project, template, date), for the manifest. */
  context?: Partial<Pick<ManifestEntry, 'project' | 'template' | 'sourceDateEpoch'>>;
  document: string;
  /** The PDF's file name in the output folder. */
  output: string;
  html: string;
  metadata: PdfMetadata;
  /** For a document with a contents page: printed twice, the second time with the page of each section (page-numbered-print.ts). */
  pageNumbering?: PageNumbering;
}

export interface PrinterSettings {
  /** Documents printed at once. */
  jobs: number;
  timeoutMs: number;
  /** A running browser to print on (its DevTools address) instead of launching one. */
  browserUrl?: string;
}

/** Starts a printer and waits until its browser is up; a failure to start is a ToolError saying what to do. */
export function startPrinter(settings: PrinterSettings, env: NodeJS.ProcessEnv): Promise<PdfPrinter> {
  return launchPrinter(settings, env).ready;
}

/**
 * The same, with the printer at once, while its browser starts: closing it stops the
 * start. `ready` gives the printer once the browser is up, or says why it did not start.
 */
export function launchPrinter(settings: PrinterSettings, env: NodeJS.ProcessEnv): { printer: PdfPrinter; ready: Promise<PdfPrinter> } {
  // Registered before the browser is up: a signal while it starts closes it in order.
  const printer = PdfPrinter.launch({ jobs: settings.jobs, timeoutMs: settings.timeoutMs, env, ...(settings.browserUrl ? { browserUrl: settings.browserUrl } : {}) });
  const forget = onShutdown(() => printer.close());
  printer.onClose(forget);
  const ready = printer.ready().then(
    () => printer,
    async (error: unknown) => {
      await printer.close();
      throw browserFailure(error, env);
    },
  );
  return { printer, ready };
}

/** Prints one document on a browser of its own, closed at the end: the changes paper of `diff --format pdf`. */
export async function printOne(html: string, metadata: PdfMetadata, settings: PrinterSettings, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  const printer = await startPrinter(settings, env);
  try {
    return await printer.print(html, metadata);
  } catch (error) {
    if (error instanceof PrintError) throw new ToolError(`the PDF was not printed: ${error.message}.`);
    throw error;
  } finally {
    await printer.close();
  }
}

/**
 * Prints every job with one browser, and writes each PDF into the folder as it is done;
 * true when some document could not be printed (the others still are).
 */
export async function printDocuments(jobs: PrintJob[], printer: PdfPrinter, folder: OutputFolder, listener: BuildListener): Promise<boolean> {
  let failed = false;
  listener.expect(jobs.length);
  await Promise.all(
    jobs.map(async (job) => {
      try {
        const started = () => listener.printing(job.output);
        const pdf = job.pageNumbering ? await printWithPageNumbers(printer, job.pageNumbering, job.metadata, started) : await printer.print(job.html, job.metadata, started);
        folder.write({ file: job.output, source: job.source, document: job.document, format: 'pdf', browser: printer.version, ...job.context }, pdf);
      } catch (error) {
        if (!(error instanceof PrintError)) throw error;
        failed = true;
        // Closed by Ctrl-C: mapc is stopping, and says so once; the documents it did not print are not news.
        if (!printer.isClosed) listener.notPrinted(job.output, error.message);
      }
    }),
  );
  return failed;
}

function browserFailure(error: unknown, env: NodeJS.ProcessEnv): ToolError {
  if (error instanceof BrowserNotFoundError) return new ToolError(`cannot make PDFs: ${error.message}`);
  // Puppeteer's own message runs to many lines; its first says what happened.
  const what = (error as Error).message.split('\n')[0]!.trim();
  return new ToolError(`cannot make PDFs: the browser ${findBrowser(env)} did not start (${what}). Set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary, or install Debian's Chromium (apt-get install chromium).`);
}
