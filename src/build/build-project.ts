import { relative, resolve, sep } from 'node:path';
import type { Project } from '../plan/check-project.js';
import type { Plan } from '../plan/model.js';
import { buildContentsView, type ContentsView } from '../render/contents-view.js';
import { boundPartAnchor, TemplateError, TemplateFieldError, type Navigation, type Renderer } from '../render/render-document.js';
import { loadProject } from '../project/load-project.js';
import type { BuildListener } from './build-events.js';
import type { BuildSettings, SharedTools } from './build-settings.js';
import { boundKeywords } from './bound-keywords.js';
import { datedBy } from './document-date.js';
import { documentMetadata } from './document-metadata.js';
import { withEarlyPrinter } from './early-printer.js';
import { packageVersion } from './package-root.js';
import { outputsOf, type BuildOutputs, type OutputFormat } from './pdf-jobs.js';
import type { PrintJob } from './print-documents.js';
import { createRenderer, renderPlans, type RenderedPlan } from './render-plans.js';
import { writeOutputs } from './write-outputs.js';

/**
 * Builds a multi-part document: each part with links to its neighbours and the contents,
 * a contents page (index.html), and one PDF of all the parts. The whole-document outputs
 * are made only when every part is; a part with errors leaves them as they were.
 */
export async function buildProject(projectFile: string, request: BuildSettings, listener: BuildListener, shared: SharedTools): Promise<number> {
  const loaded = shared.project ?? loadProject(projectFile, request.cwd, request.env);
  listener.problems(loaded.report);
  if (!loaded.project) {
    listener.notBuilt(projectFile, 'fix the errors above; no part was built.');
    return loaded.unreadable ? 2 : 1;
  }
  const project = loaded.project;
  const generator = `mapc ${packageVersion()}`;
  const to = request.to ?? project.build.to;
  const out = request.out ?? shown(resolve(loaded.folder, project.build.out), request.cwd);
  const renderer = shared.renderer ?? createRenderer(request.template ?? project.build.template, generator, request.cwd);
  const build = (tools: SharedTools) => buildParts({ projectFile, project, partFiles: loaded.partFiles, to, out, generator, renderer }, request, listener, tools);
  return to.includes('pdf') ? withEarlyPrinter(request, shared, build) : build(shared);
}

interface ProjectBuild {
  projectFile: string;
  project: Project;
  partFiles: string[];
  to: OutputFormat[];
  out: string;
  generator: string;
  renderer: Renderer;
}

/** Renders and writes the parts, then the contents page and the bound PDF if every part was built. */
async function buildParts(build: ProjectBuild, request: BuildSettings, listener: BuildListener, shared: SharedTools): Promise<number> {
  const { projectFile, to, out, generator } = build;
  const rendered = await renderPlans(build.partFiles, build.renderer, listener, request, { navigationFor: navigation, projectLabels: build.project.labels });
  const outputs: BuildOutputs = outputsOf(rendered.rendered, to, generator, request.env);

  let failedWhole = false;
  const complete = rendered.rendered.length === build.partFiles.length && !rendered.failed;
  if (complete) {
    try {
      addWholeDocument(outputs, build, rendered.rendered, request.env);
    } catch (error) {
      if (!(error instanceof TemplateFieldError || error instanceof TemplateError)) throw error;
      failedWhole = true;
      listener.notBuilt(projectFile, error.message);
    }
  } else {
    listener.notBuilt(projectFile, 'the contents page and the whole-document PDF need every part, and not every part was built.');
  }
  const failed = await writeOutputs(outputs, out, request, listener, shared, projectFile);
  if (rendered.unreadable) return 2;
  return rendered.failed || failed || failedWhole ? 1 : 0;
}

/** The contents page (HTML) and the bound document of every part (PDF), added to the outputs. */
function addWholeDocument(outputs: BuildOutputs, build: ProjectBuild, parts: RenderedPlan[], env: NodeJS.ProcessEnv): void {
  const { project, projectFile, to, renderer } = build;
  const links = parts.map(({ plan }) => ({ plan, href: `${plan.id}.html`, pdfHref: to.includes('pdf') ? `${plan.id}.pdf` : null }));
  const contents = buildContentsView(project, links, to.includes('pdf') ? `${project.id}.pdf` : null);
  if (to.includes('html')) outputs.html.push({ source: projectFile, document: 'contents', output: 'index.html', html: renderer.renderContents(contents) });
  if (to.includes('pdf')) outputs.pdf.push(boundPrintJob(build, contents, parts, env));
}

/** The whole document as one PDF: dated by its latest part, and by SOURCE_DATE_EPOCH where that dated a part. */
function boundPrintJob(build: ProjectBuild, contents: ContentsView, parts: RenderedPlan[], env: NodeJS.ProcessEnv): PrintJob {
  const { project, projectFile, renderer, generator } = build;
  const plans = parts.map(({ plan }) => plan);
  const html = renderer.renderBound(contents, plans);
  const dated = parts.map(({ plan }) => datedBy(plan, env));
  const sourceDateEpoch = dated.find((d) => d.sourceDateEpoch !== undefined)?.sourceDateEpoch;
  const document = {
    html,
    title: project.title,
    subject: `${project.title}, ${project.authority}: all ${parts.length} parts`,
    keywords: boundKeywords(project.authority, parts.map(({ plan }) => ({ plan, document: renderer.documentsFor(plan)[0]! }))),
  };
  return {
    source: projectFile,
    ...(sourceDateEpoch === undefined ? {} : { context: { sourceDateEpoch } }),
    document: 'bound',
    output: `${project.id}.pdf`,
    html,
    metadata: documentMetadata(document, project.authority, new Date(Math.max(...dated.map((d) => d.date.getTime()))), generator),
    // Its contents page prints the page each part starts on.
    pageNumbering: { anchors: plans.map((_, i) => boundPartAnchor(i)), html: (pages) => renderer.renderBound(contents, plans, pages) },
  };
}

/** "< Contents", "next > Part 3.3": the links the Devon pages carry. */
function navigation(index: number, parts: { plan: Plan }[]): Navigation {
  const link = (part: { plan: Plan } | undefined) =>
    part ? { href: `${part.plan.id}.html`, label: part.plan.part ? `Part ${part.plan.part.number}` : part.plan.title } : null;
  return { previous: link(parts[index - 1]), next: link(parts[index + 1]), contents: { href: 'index.html', label: 'Contents' } };
}

function shown(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}
