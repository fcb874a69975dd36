import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { renderPlans } from './build-plans.js';
import { findPlanFiles } from './find-plan-files.js';
import { ToolError, type Io } from './io.js';
import { ensureOutputFolder, sha256, updateManifest, writeFileAtomic, type ManifestEntry } from './output-files.js';
import { packageVersion } from './package-root.js';

export type OutputFormat = 'html' | 'pdf';

export interface BuildOptions {
  to: OutputFormat[];
  out: string;
  template?: string;
  jobs: number;
  timeoutSeconds: number;
  quiet: boolean;
}

/** Validates each plan, renders the valid ones and writes their HTML and PDF documents. */
export async function buildCommand(paths: string[], options: BuildOptions, io: Io): Promise<number> {
  const version = packageVersion();
  const generator = `mapc ${version}`;
  const outDir = resolve(io.cwd, options.out);
  const rendered = renderPlans(findPlanFiles(paths, io.cwd), options.template, generator, options.quiet, io);
  const written: ManifestEntry[] = [];
  let failed = rendered.failed;

  if (rendered.rendered.length > 0) ensureOutputFolder(outDir);
  if (options.to.includes('html')) {
    for (const { file, documents } of rendered.rendered) {
      for (const document of documents) {
        const name = `${document.baseName}.html`;
        writeFileAtomic(join(outDir, name), document.html);
        written.push({ file: name, sha256: sha256(document.html), source: file, document: document.name, format: 'html' });
        if (!options.quiet) io.stdout(`${file} → ${join(options.out, name)}\n`);
      }
    }
  }
  if (options.to.includes('pdf') && rendered.rendered.length > 0) {
    // Loaded only now: validating and HTML builds never load puppeteer.
    const { printDocuments } = await import('./print-documents.js');
    const printed = await printDocuments(
      rendered.rendered,
      { outDir, outLabel: options.out, jobs: options.jobs, timeoutMs: options.timeoutSeconds * 1000, generator, quiet: options.quiet },
      io,
    );
    written.push(...printed.written);
    failed ||= printed.failed;
  }
  if (written.length > 0) updateManifest(outDir, version, written);
  if (rendered.unreadable) return 2;
  return failed ? 1 : 0;
}

export function parseFormats(list: string): OutputFormat[] {
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
