import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import type { Renderer } from '../render/render-document.js';
import type { RenderPlansOptions } from './render-plans.js';
import { createReporter, type BuildReporter } from './build-reporter.js';
import { findPlanFiles, findProject } from '../project/find-plan-files.js';
import { EarlyPrinter } from './early-printer.js';
import { ToolError } from '../problems/tool-error.js';
import { type Io } from './io.js';
import { clashReason, withoutClashes } from './output-clashes.js';
import { ensureOutputFolder, sha256, updateManifest, writeFileAtomic, type ManifestEntry } from './output-folder.js';
import { packageVersion } from './package-root.js';
import { outputsOf } from './pdf-jobs.js';
import type { PrintJob } from './print-documents.js';
import { onShutdown } from './shutdown.js';

export type OutputFormat = 'html' | 'pdf';

export interface BuildOptions {
  /** Undefined: the project's default, else both. */
  to?: OutputFormat[];
  /** Undefined: the project's default, else dist. */
  out?: string;
  template?: string;
  jobs: number;
  timeoutSeconds: number;
  quiet: boolean;
  format?: 'text' | 'json';
}

/** What a watching build keeps between rebuilds: the compiled templates and an open browser. */
export interface SharedTools {
  renderer?: Renderer;
  printer?: PdfPrinter;
  /** When set, only these plans' PDFs are printed (a rebuild after one part was saved). */
  pdfSources?: Set<string>;
  /** A browser started for this build before its plans were rendered (see withEarlyPrinter). */
  early?: EarlyPrinter;
}

/** What a build writes: HTML files as they are, and PDFs to print. */
export interface BuildOutputs {
  html: { source: string; document: string; output: string; html: string }[];
  pdf: PrintJob[];
}

/** Builds the plans named, or with no path the project of ./mapc.yaml (else ./plans). */
export async function buildCommand(paths: string[], options: BuildOptions, io: Io): Promise<number> {
  const reporter = createReporter(options.format ?? 'text', options.quiet, io);
  const code = await buildOnce(paths, options, io, reporter, {});
  reporter.finish(code === 0);
  return code;
}

/** One build, reporting as it goes; `shared` tools are used, not closed. */
export async function buildOnce(paths: string[], options: BuildOptions, io: Io, reporter: BuildReporter, shared: SharedTools): Promise<number> {
  const projectFile = findProject(paths, io.cwd);
  if (projectFile) return (await import('./build-project.js')).buildProject(projectFile, options, io, reporter, shared);

  const generator = `mapc ${packageVersion()}`;
  const to = options.to ?? ['html', 'pdf'];
  const files = findPlanFiles(paths, io.cwd);
  const parallel = { jobs: options.jobs, template: options.template, generator };
  // Reading and rendering plans is loaded only now: a PDF build has Chromium starting meanwhile.
  const rendering = async () => {
    const { createRenderer, renderPlans } = await import('./render-plans.js');
    return { renderer: shared.renderer ?? createRenderer(options.template, generator, io.cwd), renderPlans };
  };
  if (!to.includes('pdf')) return buildHtmlAsRendered(files, await rendering(), parallel, options, io, reporter);
  return withEarlyPrinter(options, io, shared, async (tools) => {
    const { renderer, renderPlans } = await rendering();
    const rendered = await renderPlans(files, renderer, reporter, io, { parallel });
    const outputs = outputsOf(rendered.rendered, to, generator, io.env);
    const failed = await writeOutputs(outputs, options.out ?? 'dist', options, io, reporter, tools);
    if (rendered.unreadable) return 2;
    return rendered.failed || failed ? 1 : 0;
  });
}

/**
 * Runs a build that prints PDFs with its browser started first, to start while the plans
 * are rendered; closed at the end whatever happened. A watching build's open browser is used as it is.
 */
export async function withEarlyPrinter(options: BuildOptions, io: Io, shared: SharedTools, build: (tools: SharedTools) => Promise<number>): Promise<number> {
  if (shared.printer) return build(shared);
  const early = await EarlyPrinter.start({ jobs: options.jobs, timeoutMs: options.timeoutSeconds * 1000 }, io);
  try {
    return await build({ ...shared, early });
  } finally {
    await early.close();
  }
}

/**
 * HTML only: each plan's documents are written as soon as they are rendered, so that
 * memory stays flat however many plans there are (a PDF build keeps the HTML to print).
 */
async function buildHtmlAsRendered(
  files: string[],
  { renderer, renderPlans }: { renderer: Renderer; renderPlans: typeof import('./render-plans.js').renderPlans },
  parallel: RenderPlansOptions['parallel'],
  options: BuildOptions,
  io: Io,
  reporter: BuildReporter,
): Promise<number> {
  const out = options.out ?? 'dist';
  const outDir = resolve(io.cwd, out);
  const context = options.template ? { template: options.template } : {};
  const written: ManifestEntry[] = [];
  const recordWritten = async () => {
    if (written.length > 0) updateManifest(outDir, packageVersion(), written);
  };
  // Ctrl-C mid-build (plans are rendered on workers meanwhile): the files already replaced are recorded.
  const forget = onShutdown(recordWritten);
  try {
    const rendered = await renderPlans(files, renderer, reporter, io, {
      parallel,
      onRendered: ({ file, documents }) => {
        if (written.length === 0) ensureOutputFolder(outDir);
        for (const document of documents) {
          const output = `${document.baseName}.html`;
          writeFileAtomic(join(outDir, output), document.html);
          const entry: ManifestEntry = { file: output, sha256: sha256(document.html), source: file, document: document.name, format: 'html', ...context };
          written.push(entry);
          reporter.wrote(entry, out);
        }
      },
    });
    if (rendered.unreadable) return 2;
    return rendered.failed ? 1 : 0;
  } finally {
    forget();
    await recordWritten();
  }
}

/**
 * Writes the HTML, prints the PDFs and records both in the manifest; true when something
 * failed. The browser is started first, so that a machine without one changes nothing;
 * the manifest is updated even when printing stops halfway, so it never lists old hashes.
 */
export async function writeOutputs(
  outputs: BuildOutputs,
  out: string,
  options: BuildOptions,
  io: Io,
  reporter: BuildReporter,
  shared: SharedTools,
  project?: string,
): Promise<boolean> {
  const html = withoutClashes(outputs.html);
  const pdf = withoutClashes(outputs.pdf);
  for (const clash of [...html.clashes, ...pdf.clashes]) reporter.notBuilt(clash.output.source, clashReason(clash));
  const clashed = html.clashes.length + pdf.clashes.length > 0;
  const pdfs = shared.pdfSources ? pdf.kept.filter((job) => shared.pdfSources!.has(job.source) || job.document === 'bound') : pdf.kept;
  if (html.kept.length === 0 && pdfs.length === 0) return clashed;
  // Loaded only now: validating and HTML builds never load puppeteer.
  const printing = pdfs.length > 0 ? await import('./print-documents.js') : undefined;
  const printOptions = { jobs: options.jobs, timeoutMs: options.timeoutSeconds * 1000 };
  const printer = shared.printer ?? (printing ? await (shared.early?.printer() ?? printing.startPrinter(printOptions, io)) : undefined);

  const outDir = resolve(io.cwd, out);
  // What verify needs to rebuild these outputs the same way.
  const context = { ...(project ? { project } : {}), ...(options.template ? { template: options.template } : {}) };
  const written: ManifestEntry[] = [];
  let failed = clashed;
  // Ctrl-C mid-build: the files already replaced are recorded before mapc exits.
  const forget = onShutdown(async () => {
    if (written.length > 0) updateManifest(outDir, packageVersion(), written);
  });
  try {
    ensureOutputFolder(outDir);
    for (const item of html.kept) {
      writeFileAtomic(join(outDir, item.output), item.html);
      const entry: ManifestEntry = { file: item.output, sha256: sha256(item.html), source: item.source, document: item.document, format: 'html', ...context };
      written.push(entry);
      reporter.wrote(entry, out);
    }
    if (printing && printer) {
      reporter.expect(pdfs.length);
      const printed = await printing.printDocuments(pdfs.map((job) => ({ ...job, context: { ...job.context, ...context } })), { ...printOptions, outDir, outLabel: out }, io, reporter, printer);
      written.push(...printed.written);
      failed ||= printed.failed;
    }
  } finally {
    forget();
    if (printer && !shared.printer) await printer.close();
    if (written.length > 0) updateManifest(outDir, packageVersion(), written);
  }
  return failed;
}

export function parseFormats(list: string | undefined): OutputFormat[] | undefined {
  if (list === undefined) return undefined;
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => f !== 'html' && f !== 'pdf');
  if (unknown.length > 0 || formats.length === 0) throw new ToolError(`--to takes html, pdf or both (html,pdf), not '${list}'.`);
  return [...new Set(formats)] as OutputFormat[];
}

export function parsePositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ToolError(`${name} takes a whole number of at least 1, not '${value}'.`);
  return n;
}

export const DEFAULT_JOBS = availableParallelism();
