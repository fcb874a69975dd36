import { BrowserNotFoundError } from '../pdf/launch-browser.js';
import { headingsOf } from '../pdf/pdf-outline.js';
import { PdfPrinter, PrintError } from '../pdf/pdf-printer.js';
import type { Plan } from '../plan/model.js';
import type { RenderedDiff } from '../diff-report/render-diff.js';
import { documentDate } from '../build/document-date.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from '../build/io.js';

const TIMEOUT_MS = 60_000;

/**
 * Prints the "Changes since" paper through the plans' PDF pipeline: tagged, bookmarked
 * from its headings, with metadata, and dated by the new plan (never the clock), so that
 * the same two plans give the same bytes. Ctrl-C closes the browser before mapc exits.
 */
export async function printDiffPdf(rendered: RenderedDiff, newPlan: Plan, generator: string, io: Io): Promise<Uint8Array> {
  let printer: PdfPrinter;
  try {
    printer = await PdfPrinter.start({ jobs: 1, timeoutMs: TIMEOUT_MS, env: io.env });
  } catch (error) {
    if (error instanceof BrowserNotFoundError) throw new ToolError(`cannot make a PDF: ${error.message}`);
    throw new ToolError(`cannot start the browser for PDF output: ${(error as Error).message}`);
  }
  const stop = (signal: NodeJS.Signals) => {
    void printer.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await printer.print(rendered.html, {
      title: rendered.title,
      author: newPlan.authority,
      subject: rendered.subject,
      keywords: rendered.keywords,
      date: documentDate(newPlan, io.env),
      creator: generator,
      lang: 'en-GB',
      headings: headingsOf(rendered.html),
    });
  } catch (error) {
    if (error instanceof PrintError) throw new ToolError(`the PDF was not printed: ${error.message}.`);
    throw error;
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    await printer.close();
  }
}
