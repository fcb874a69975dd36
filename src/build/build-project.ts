import { relative, resolve, sep } from 'node:path';
import { headingsOf } from '../pdf/pdf-outline.js';
import type { Project } from '../plan/check-project.js';
import type { Plan } from '../plan/model.js';
import { buildContentsView } from '../render/contents-view.js';
import { TemplateError, TemplateFieldError, type Navigation, type Renderer } from '../render/render-document.js';
import { withEarlyPrinter, writeOutputs, type BuildOptions, type BuildOutputs, type OutputFormat, type SharedTools } from './build.js';
import type { BuildReporter } from './build-reporter.js';
import { createRenderer, renderPlans } from './render-plans.js';
import { datedBy } from './document-date.js';
import type { Io } from './io.js';
import { packageVersion } from './package-root.js';
import { outputsOf } from './pdf-jobs.js';
import { loadProject } from '../project/load-project.js';

/**
 * Builds a multi-part document: each part with links to its neighbours and the contents,
 * a contents page (index.html), and one PDF of all the parts. The whole-document outputs
 * are made only when every part is; a part with errors leaves them as they were.
 */
export async function buildProject(projectFile: string, options: BuildOptions, io: Io, reporter: BuildReporter, shared: SharedTools): Promise<number> {
  const loaded = loadProject(projectFile, io.cwd);
  reporter.problems(loaded.report);
  if (!loaded.project) {
    reporter.notBuilt(projectFile, 'fix the errors above; no part was built.');
    return loaded.unreadable ? 2 : 1;
  }
  const project = loaded.project;
  const generator = `mapc ${packageVersion()}`;
  const to = options.to ?? project.build.to;
  const out = options.out ?? shown(resolve(loaded.folder, project.build.out), io.cwd);
  const renderer = shared.renderer ?? createRenderer(options.template ?? project.build.template, generator, io.cwd);
  const build = (tools: SharedTools) => buildParts({ projectFile, project, partFiles: loaded.partFiles, to, out, generator, renderer }, options, io, reporter, tools);
  return to.includes('pdf') ? withEarlyPrinter(options, io, shared, build) : build(shared);
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
async function buildParts(build: ProjectBuild, options: BuildOptions, io: Io, reporter: BuildReporter, shared: SharedTools): Promise<number> {
  const { projectFile, project, to, out, generator, renderer } = build;
  const rendered = await renderPlans(build.partFiles, renderer, reporter, io, { navigationFor: navigation });
  const outputs: BuildOutputs = outputsOf(rendered.rendered, to, generator, io.env);

  let failedBound = false;
  const complete = rendered.rendered.length === build.partFiles.length && !rendered.failed;
  if (complete) {
    try {
      const parts = rendered.rendered.map(({ plan }) => ({ plan, href: `${plan.id}.html`, pdfHref: to.includes('pdf') ? `${plan.id}.pdf` : null }));
      const contents = buildContentsView(project, parts, to.includes('pdf') ? `${project.id}.pdf` : null);
      if (to.includes('html')) outputs.html.push({ source: projectFile, document: 'contents', output: 'index.html', html: renderer.renderContents(contents) });
      if (to.includes('pdf')) {
        const bound = renderer.renderBound(contents, rendered.rendered.map(({ plan }) => plan));
        const dated = rendered.rendered.map(({ plan }) => datedBy(plan, io.env));
        const sourceDateEpoch = dated.find((d) => d.sourceDateEpoch !== undefined)?.sourceDateEpoch;
        outputs.pdf.push({
          source: projectFile,
          ...(sourceDateEpoch === undefined ? {} : { context: { sourceDateEpoch } }),
          document: 'bound',
          output: `${project.id}.pdf`,
          html: bound,
          metadata: {
            title: project.title,
            author: project.authority,
            subject: `${project.title}, ${project.authority}: all ${parts.length} parts`,
            keywords: ['Strategic plan', project.authority, ...new Set(parts.map((p) => p.plan.period))],
            date: new Date(Math.max(...dated.map((d) => d.date.getTime()))),
            creator: generator,
            lang: 'en-GB',
            headings: headingsOf(bound),
          },
        });
      }
    } catch (error) {
      if (!(error instanceof TemplateFieldError || error instanceof TemplateError)) throw error;
      failedBound = true;
      reporter.notBuilt(projectFile, error.message);
    }
  } else {
    reporter.notBuilt(projectFile, 'the contents page and the whole-document PDF need every part, and not every part was built.');
  }
  const failed = await writeOutputs(outputs, out, options, io, reporter, shared, projectFile);
  if (rendered.unreadable) return 2;
  return rendered.failed || failed || failedBound ? 1 : 0;
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
