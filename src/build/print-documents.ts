import { join } from 'node:path';
import { BrowserNotFoundError, findBrowser } from '../pdf/launch-browser.js';
import type { PdfMetadata } from '../pdf/pdf-metadata.js';
import { PdfPrinter, PrintError } from '../pdf/pdf-printer.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from './io.js';
import { onShutdown } from './shutdown.js';
import type { BuildReporter } from './build-reporter.js';
import { sha256, writeFileAtomic, type ManifestEntry } from './output-folder.js';

/** One PDF to print: its HTML, its metadata and where it goes. */
export interface PrintJob {
  /** The source the manifest records: a plan file, or mapc.yaml for a whole document. */
  source: string;
  /** How it was built (project, template), for the manifest. */
  context?: Partial<Pick<ManifestEntry, 'project' | 'template' | 'sourceDateEpoch'>>;
  document: string;
  /** The PDF's file name in the output folder. */
  output: string;
  html: string;
  metadata: PdfMetadata;
}

export interface PrintOptions {
  outDir: string;
  /** The output folder as the user wrote it, for messages. */
  outLabel: string;
  jobs: number;
  timeoutMs: number;
}

export interface PrintOutcome {
  written: ManifestEntry[];
  failed: boolean;
}

/**
 * Prints every job to PDF with one browser, and writes each PDF as it is done; each is
 * renamed into place whole, so an interrupted build leaves only complete files.
 */
export async function printDocuments(jobs: PrintJob[], options: PrintOptions, io: Io, reporter: BuildReporter, shared?: PdfPrinter): Promise<PrintOutcome> {
  // A watching build lends its printer, kept open between rebuilds.
  if (shared) return printWith(shared, jobs, options, reporter);
  const printer = await startPrinter(options, io);
  try {
    return await printWith(printer, jobs, options, reporter);
  } finally {
    await printer.close();
  }
}

/** Starts a printer that a signal closes (see shutdown.ts), so no Chromium outlives mapc. */
export function startPrinter(options: Pick<PrintOptions, 'jobs' | 'timeoutMs'>, io: Io): Promise<PdfPrinter> {
  return launchPrinter(options, io).ready;
}

/**
 * The same, with the printer at once, while its browser starts: closing it stops the
 * start. `ready` gives the printer once the browser is up, or says why it did not start.
 */
export function launchPrinter(options: Pick<PrintOptions, 'jobs' | 'timeoutMs'>, io: Io): { printer: PdfPrinter; ready: Promise<PdfPrinter> } {
  // Registered before the browser is up: a signal while it starts closes it in order.
  const printer = PdfPrinter.launch({ jobs: options.jobs, timeoutMs: options.timeoutMs, env: io.env });
  const forget = onShutdown(() => printer.close());
  printer.onClose(forget);
  const ready = printer.ready().then(
    () => printer,
    async (error: unknown) => {
      await printer.close();
      throw browserFailure(error, io);
    },
  );
  return { printer, ready };
}

function browserFailure(error: unknown, io: Io): ToolError {
  if (error instanceof BrowserNotFoundError) return new ToolError(`cannot make PDFs: ${error.message}`);
  // Puppeteer's own message runs to many lines; its first says what happened.
  const what = (error as Error).message.split('\n')[0]!.trim();
  return new ToolError(`cannot make PDFs: the browser ${findBrowser(io.env)} did not start (${what}). Set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary, or install Debian's Chromium (apt-get install chromium).`);
}

async function printWith(printer: PdfPrinter, jobs: PrintJob[], options: PrintOptions, reporter: BuildReporter): Promise<PrintOutcome> {
  const outcome: PrintOutcome = { written: [], failed: false };
  await Promise.all(
    jobs.map(async (job) => {
      try {
        const pdf = await printer.print(job.html, job.metadata, () => reporter.printing(job.output));
        writeFileAtomic(join(options.outDir, job.output), pdf);
        const entry: ManifestEntry = { file: job.output, sha256: sha256(pdf), source: job.source, document: job.document, format: 'pdf', browser: printer.version, ...job.context };
        outcome.written.push(entry);
        reporter.wrote(entry, options.outLabel);
      } catch (error) {
        if (!(error instanceof PrintError)) throw error;
        outcome.failed = true;
        // Closed by Ctrl-C: mapc is stopping, and says so once; the documents it did not print are not news.
        if (!printer.isClosed) reporter.notPrinted(job.output, error.message);
      }
    }),
  );
  return outcome;
}
