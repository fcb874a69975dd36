import type { PdfPrinter } from '../pdf/pdf-printer.js';
import { printerSettings, type BuildSettings, type SharedTools } from './build-settings.js';
import type { PrinterSettings } from './print-documents.js';

/**
 * Chromium takes about a third of a second to start, mostly in its own process. A PDF
 * build starts it first thing, and renders its plans meanwhile. `printer()` waits for it,
 * and throws what stopped it (no browser, say) to the build that needs it; a build that
 * ends up printing nothing never asks, and says nothing.
 */
export class EarlyPrinter {
  private constructor(private readonly launched: { printer: PdfPrinter; ready: Promise<PdfPrinter> }) {
    this.launched.ready.catch(() => undefined);
  }

  static async start(settings: PrinterSettings, env: NodeJS.ProcessEnv): Promise<EarlyPrinter> {
    const printing = await import('./print-documents.js');
    const early = new EarlyPrinter(printing.launchPrinter(settings, env));
    // launchBrowser spawns Chromium within microtasks; once the event loop turns, it is
    // running, and this thread may go on to work that does not yield for a while.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return early;
  }

  printer(): Promise<PdfPrinter> {
    return this.launched.ready;
  }

  /** Closes the browser, or stops it starting (a build that printed nothing does not wait for it); safe after the build has closed it. */
  close(): Promise<void> {
    return this.launched.printer.close();
  }
}

/**
 * Runs a build that prints PDFs with its browser started first, to start while the plans
 * are rendered; closed at the end whatever happened. A watching build's open browser is used as it is.
 */
export async function withEarlyPrinter(request: BuildSettings, shared: SharedTools, build: (tools: SharedTools) => Promise<number>): Promise<number> {
  if (shared.printer) return build(shared);
  const early = await EarlyPrinter.start(printerSettings(request), request.env);
  try {
    return await build({ ...shared, early });
  } finally {
    await early.close();
  }
}

