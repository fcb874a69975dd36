import { join } from 'node:path';
import { BrowserNotFoundError } from '../pdf/launch-browser.js';
import { headingsOf } from '../pdf/pdf-outline.js';
import { PdfPrinter, PrintError } from '../pdf/pdf-printer.js';
import type { RenderedPlan } from './build-plans.js';
import { documentDate } from './document-date.js';
import { ToolError, type Io } from './io.js';
import { sha256, writeFileAtomic, type ManifestEntry } from './output-files.js';

export interface PrintOptions {
  outDir: string;
  /** The output folder as the user wrote it, for messages. */
  outLabel: string;
  jobs: number;
  timeoutMs: number;
  generator: string;
  quiet: boolean;
}

export interface PrintOutcome {
  written: ManifestEntry[];
  failed: boolean;
}

/**
 * Prints every rendered document to PDF with one browser, and writes each PDF as it is
 * done. Ctrl-C or SIGTERM closes the browser first, so no Chromium is left running; the
 * files written so far are complete, since each is renamed into place whole.
 */
export async function printDocuments(plans: RenderedPlan[], options: PrintOptions, io: Io): Promise<PrintOutcome> {
  let printer: PdfPrinter;
  try {
    printer = await PdfPrinter.start({ jobs: options.jobs, timeoutMs: options.timeoutMs, env: io.env });
  } catch (error) {
    if (error instanceof BrowserNotFoundError) throw new ToolError(`cannot make PDFs: ${error.message}`);
    throw new ToolError(`cannot start the browser for PDF output: ${(error as Error).message}`);
  }
  const stop = (signal: NodeJS.Signals) => {
    void printer.close().finally(() => {
      io.stderr(`mapc: stopped by ${signal}; the browser is closed and no file was left half-written.\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const outcome: PrintOutcome = { written: [], failed: false };
  try {
    const work = plans.flatMap(({ file, plan, documents }) =>
      documents.map(async (document) => {
        const name = `${document.baseName}.pdf`;
        try {
          const pdf = await printer.print(document.html, {
            title: document.title,
            author: plan.authority,
            subject: document.subject,
            keywords: document.keywords,
            date: documentDate(plan, io.env),
            creator: options.generator,
            lang: 'en-GB',
            headings: headingsOf(document.html),
          });
          writeFileAtomic(join(options.outDir, name), pdf);
          outcome.written.push({ file: name, sha256: sha256(pdf), source: file, document: document.name, format: 'pdf', browser: printer.version });
          if (!options.quiet) io.stdout(`${file} → ${join(options.outLabel, name)}\n`);
        } catch (error) {
          if (!(error instanceof PrintError)) throw error;
          outcome.failed = true;
          io.stderr(`mapc: ${name} was not printed: ${error.message}.\n`);
        }
      }),
    );
    await Promise.all(work);
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    await printer.close();
  }
  return outcome;
}
