import { resolve } from 'node:path';
import type { BuildListener } from './build-events.js';
import { printerSettings, type BuildSettings, type SharedTools } from './build-settings.js';
import { OutputFolder } from './output-folder.js';
import { clashReason, withoutClashes } from './output-clashes.js';
import { packageVersion } from './package-root.js';
import type { BuildOutputs } from './pdf-jobs.js';

/**
 * Writes the HTML, prints the PDFs and records both in the manifest; true when something
 * failed. The browser is started first, so that a machine without one changes nothing;
 * the manifest is updated even when printing stops halfway, so it never lists old hashes.
 */
export async function writeOutputs(outputs: BuildOutputs, out: string, request: BuildSettings, listener: BuildListener, shared: SharedTools, project?: string): Promise<boolean> {
  const html = withoutClashes(outputs.html);
  const pdf = withoutClashes(outputs.pdf);
  for (const clash of [...html.clashes, ...pdf.clashes]) listener.notBuilt(clash.output.source, clashReason(clash));
  const clashed = html.clashes.length + pdf.clashes.length > 0;
  const pdfs = shared.pdfSources ? pdf.kept.filter((job) => shared.pdfSources!.has(job.source) || job.document === 'bound') : pdf.kept;
  if (html.kept.length === 0 && pdfs.length === 0) return clashed;
  // Loaded only now: validating and HTML builds never load puppeteer.
  const printing = pdfs.length > 0 ? await import('./print-documents.js') : undefined;
  const printer = shared.printer ?? (printing ? await (shared.early?.printer() ?? printing.startPrinter(printerSettings(request), request.env)) : undefined);

  // What verify needs to rebuild these outputs the same way.
  const context = { ...(project ? { project } : {}), ...(request.template ? { template: request.template } : {}) };
  const folder = new OutputFolder(resolve(request.cwd, out), out, packageVersion(), listener);
  let failed = clashed;
  try {
    for (const item of html.kept) folder.write({ file: item.output, source: item.source, document: item.document, format: 'html', ...context }, item.html);
    if (printing && printer) {
      const jobs = pdfs.map((job) => ({ ...job, context: { ...job.context, ...context } }));
      failed = (await printing.printDocuments(jobs, printer, folder, listener)) || failed;
    }
  } finally {
    if (printer && !shared.printer) await printer.close();
    folder.close();
  }
  return failed;
}
