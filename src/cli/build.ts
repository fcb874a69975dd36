import { join, resolve } from 'node:path';
import { checkPlanSource } from '../plan/check-plan.js';
import type { FileReport } from '../problems/problem.js';
import { Renderer, TemplateError, TemplateFieldError } from '../render/render-document.js';
import { findPlanFiles } from './find-plan-files.js';
import { formatProblems } from './format-problems.js';
import { ToolError, type Io } from './io.js';
import { ensureOutputFolder, sha256, updateManifest, writeFileAtomic, type ManifestEntry } from './output-files.js';
import { PACKAGE_ROOT, packageVersion } from './package-root.js';
import { readPlanFile } from './read-plan-file.js';

export type OutputFormat = 'html' | 'pdf';

export interface BuildOptions {
  to: OutputFormat[];
  out: string;
  template?: string;
  quiet: boolean;
}

/**
 * Validates each plan, renders the valid ones and writes their documents. A plan with
 * problems is reported and skipped; the others are still built.
 */
export async function buildCommand(paths: string[], options: BuildOptions, io: Io): Promise<number> {
  if (options.to.includes('pdf')) throw new ToolError('PDF output is not available yet: use --to html.');
  const version = packageVersion();
  const renderer = createRenderer(options, io, version);
  const outDir = resolve(io.cwd, options.out);
  const written: ManifestEntry[] = [];
  let failed = false;

  for (const file of findPlanFiles(paths, io.cwd)) {
    const text = readPlanFile(file, io.cwd);
    if (!text.ok) {
      failed = true;
      io.stderr(formatProblems([{ file, source: '', problems: [text.problem] }], 'text', io));
      continue;
    }
    const source = text.source;
    const { problems, plan } = checkPlanSource(source);
    const errors = problems.filter((p) => p.severity === 'error');
    if (problems.length > 0 && !options.quiet) io.stderr(formatProblems([{ file, source, problems } satisfies FileReport], 'text', io));
    if (!plan || errors.length > 0) {
      failed = true;
      io.stderr(`mapc: ${file} was not built: fix the errors above.\n`);
      continue;
    }
    try {
      const documents = renderer.documentsFor(plan).map((name) => renderer.render(plan, name));
      ensureOutputFolder(outDir);
      for (const document of documents) {
        const name = `${document.baseName}.html`;
        writeFileAtomic(join(outDir, name), document.html);
        written.push({ file: name, sha256: sha256(document.html), source: file, document: document.name, format: 'html' });
        if (!options.quiet) io.stdout(`${file} → ${join(options.out, name)}\n`);
      }
    } catch (error) {
      if (!(error instanceof TemplateFieldError || error instanceof TemplateError)) throw error;
      failed = true;
      io.stderr(`mapc: ${file} was not built: ${error.message}\n`);
    }
  }
  if (written.length > 0) updateManifest(outDir, version, written);
  return failed ? 1 : 0;
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => f !== 'html' && f !== 'pdf');
  if (unknown.length > 0 || formats.length === 0) throw new ToolError(`--to takes html, pdf or both (html,pdf), not '${list}'.`);
  return [...new Set(formats)] as OutputFormat[];
}

function createRenderer(options: BuildOptions, io: Io, version: string): Renderer {
  try {
    return new Renderer({
      builtInTemplates: join(PACKAGE_ROOT, 'templates'),
      ...(options.template === undefined ? {} : { template: options.template }),
      cwd: io.cwd,
      generator: `mapc ${version}`,
    });
  } catch (error) {
    // A template that does not compile stops the whole build: every plan needs it.
    if (error instanceof TemplateError) throw new ToolError(error.message);
    throw error;
  }
}
