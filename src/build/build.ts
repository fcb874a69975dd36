import { resolve } from 'node:path';
import type { Renderer } from '../render/render-document.js';
import { findPlanFiles, findProject } from '../project/find-plan-files.js';
import { recordingListener, type BuildEvents, type BuildListener } from './build-events.js';
import { settle, type BuildRequest, type BuildResult, type BuildSettings, type SharedTools } from './build-settings.js';
import { withEarlyPrinter } from './early-printer.js';
import { OutputFolder } from './output-folder.js';
import { packageVersion } from './package-root.js';
import { outputsOf } from './pdf-jobs.js';
import type { RenderPlansOptions } from './render-plans.js';
import { writeOutputs } from './write-outputs.js';

export type { BuildRequest, BuildResult, BuildSettings, SharedTools } from './build-settings.js';
export type { OutputFormat } from './pdf-jobs.js';

/**
 * Builds plan files into a folder of outputs, as `mapc build` does: each plan checked (one
 * with errors is reported and skipped, the others still built), rendered to HTML, printed
 * to PDF, written whole and recorded in the folder's manifest.json. With no path, the
 * project of ./mapc.yaml, else ./plans. `events` hears of each step as it happens.
 */
export async function build(request: BuildRequest, events: BuildEvents = {}, shared: SharedTools = {}): Promise<BuildResult> {
  const { listener, record } = recordingListener(events);
  const exitCode = await buildWith(settle(request), listener, shared);
  return { exitCode, ...record };
}

async function buildWith(request: BuildSettings, listener: BuildListener, shared: SharedTools): Promise<number> {
  const projectFile = findProject(request.paths, request.cwd);
  if (projectFile) return (await import('./build-project.js')).buildProject(projectFile, request, listener, shared);

  const generator = `mapc ${packageVersion()}`;
  const to = request.to ?? ['html', 'pdf'];
  const files = findPlanFiles(request.paths, request.cwd);
  const parallel = { jobs: request.jobs, template: request.template, generator };
  // Reading and rendering plans is loaded only now: a PDF build has Chromium starting meanwhile.
  const rendering = async () => {
    const { createRenderer, renderPlans } = await import('./render-plans.js');
    return { renderer: shared.renderer ?? createRenderer(request.template, generator, request.cwd), renderPlans };
  };
  if (!to.includes('pdf')) return buildHtmlAsRendered(files, await rendering(), parallel, request, listener);
  return withEarlyPrinter(request, shared, async (tools) => {
    const { renderer, renderPlans } = await rendering();
    const rendered = await renderPlans(files, renderer, listener, request, { parallel });
    const outputs = outputsOf(rendered.rendered, to, generator, request.env);
    const failed = await writeOutputs(outputs, request.out ?? 'dist', request, listener, tools);
    if (rendered.unreadable) return 2;
    return rendered.failed || failed ? 1 : 0;
  });
}

/**
 * HTML only: each plan's documents are written as soon as they are rendered, so that
 * memory stays flat however many plans there are (a PDF build keeps the HTML to print).
 */
async function buildHtmlAsRendered(
  files: string[],
  { renderer, renderPlans }: { renderer: Renderer; renderPlans: typeof import('./render-plans.js').renderPlans },
  parallel: RenderPlansOptions['parallel'],
  request: BuildSettings,
  listener: BuildListener,
): Promise<number> {
  const out = request.out ?? 'dist';
  const folder = new OutputFolder(resolve(request.cwd, out), out, packageVersion(), listener);
  const context = request.template ? { template: request.template } : {};
  try {
    const rendered = await renderPlans(files, renderer, listener, request, {
      parallel,
      onRendered: ({ file, documents }) => {
        for (const document of documents) {
          folder.write({ file: `${document.baseName}.html`, source: file, document: document.name, format: 'html', ...context }, document.html);
        }
      },
    });
    if (rendered.unreadable) return 2;
    return rendered.failed ? 1 : 0;
  } finally {
    folder.close();
  }
}
