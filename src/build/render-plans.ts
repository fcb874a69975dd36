import { join } from 'node:path';
import type { Plan } from '../plan/model.js';
import { Renderer, TemplateError, type Navigation, type RenderedDocument } from '../render/render-document.js';
import type { BuildListener } from './build-events.js';
import { checkAndRender, renderDocuments, type PlanOutcome } from './check-and-render.js';
import { ToolError } from '../problems/tool-error.js';
import type { Workspace } from './io.js';
import { PACKAGE_ROOT } from './package-root.js';
import { checkAndRenderInWorkers, workersFor } from './render-pool.js';

export interface RenderedPlan {
  file: string;
  plan: Plan;
  documents: RenderedDocument[];
}

export interface RenderOutcome {
  rendered: RenderedPlan[];
  /** Some plan had errors, or failed to render. */
  failed: boolean;
  /** Some plan file could not be read at all. */
  unreadable: boolean;
}

export interface RenderPlansOptions {
  /** For the parts of a project: the links of the part at `index` among all the valid parts. */
  navigationFor?: (index: number, parts: { file: string; plan: Plan }[]) => Navigation | null;
  /** For the parts of a project: mapc.yaml's labels, which each part's own labels override key by key. */
  projectLabels?: Record<string, string>;
  /**
   * Called with each plan as soon as it is rendered, instead of keeping them all: a build
   * of a thousand plans then holds a few plans' documents at a time.
   */
  onRendered?: (rendered: RenderedPlan) => void;
  /** Plans checked and rendered at once, on worker threads, when there are enough of them. */
  parallel?: { jobs: number; template: string | undefined; generator: string };
}

/**
 * Checks each plan and renders the valid ones to HTML in memory. A plan with errors is
 * reported (as validate reports it) and left out; the others go on. Plans are reported in
 * the order given, whether or not they were rendered in parallel.
 */
export async function renderPlans(files: string[], renderer: Renderer, listener: BuildListener, workspace: Workspace, options: RenderPlansOptions = {}): Promise<RenderOutcome> {
  const outcome: RenderOutcome = { rendered: [], failed: false, unreadable: false };
  const fileOfId = new Map<string, string>();
  const parts: { file: string; plan: Plan }[] = [];
  const accept = (rendered: RenderedPlan) => {
    if (options.onRendered) options.onRendered(rendered);
    else outcome.rendered.push(rendered);
  };
  const notBuilt = (file: string, reason: string) => {
    outcome.failed = true;
    listener.notBuilt(file, reason);
  };
  for await (const result of outcomesOf(files, renderer, workspace, options)) {
    const { file } = result;
    if (!result.readable) {
      outcome.unreadable ||= result.toolFailure;
      listener.problems({ file, source: '', problems: [result.problem] });
      notBuilt(file, 'fix the problem above.');
      continue;
    }
    listener.problems({ file, source: result.source, problems: result.problems });
    for (const used of result.uses) listener.uses(used);
    const plan = result.plan;
    if (!plan) {
      notBuilt(file, 'fix the errors above.');
      continue;
    }
    // Outputs are named after plan ids: a second plan with the same id would overwrite the first.
    const twin = fileOfId.get(plan.id);
    if (twin) {
      notBuilt(file, `its id '${plan.id}' is also the id of ${twin}, and documents are named after ids. Give each plan its own id.`);
      continue;
    }
    fileOfId.set(plan.id, file);
    if (result.renderError !== undefined) notBuilt(file, result.renderError);
    else if (options.navigationFor) parts.push({ file, plan: { ...plan, labels: { ...options.projectLabels, ...plan.labels } } });
    else accept({ file, plan, documents: result.documents! });
  }
  // A project's parts are rendered once all are read: a part's links name its neighbours.
  parts.forEach(({ file, plan }, index) => {
    const result = renderDocuments(renderer, plan, options.navigationFor!(index, parts));
    if ('renderError' in result) notBuilt(file, result.renderError);
    else accept({ file, plan, documents: result.documents });
  });
  return outcome;
}

/** Each file checked, and rendered unless it is a project's part, in the order given. */
function outcomesOf(files: string[], renderer: Renderer, workspace: Workspace, options: RenderPlansOptions): Iterable<PlanOutcome> | AsyncIterable<PlanOutcome> {
  const reading = { cwd: workspace.cwd, env: workspace.env };
  const parallel = options.navigationFor ? undefined : options.parallel;
  const workers = parallel ? workersFor(files.length, parallel.jobs) : 0;
  if (parallel && workers > 0) {
    const settings = { ...reading, generator: parallel.generator, ...(parallel.template === undefined ? {} : { template: parallel.template }) };
    return checkAndRenderInWorkers(files, settings, workers);
  }
  const renderNow = options.navigationFor ? null : renderer;
  return (function* () {
    for (const file of files) yield checkAndRender(file, reading, renderNow);
  })();
}

export function createRenderer(template: string | undefined, generator: string, cwd: string): Renderer {
  try {
    return new Renderer({
      builtInTemplates: join(PACKAGE_ROOT, 'templates'),
      ...(template === undefined ? {} : { template }),
      cwd,
      generator,
    });
  } catch (error) {
    // A template that does not compile stops the whole build: every plan needs it.
    if (error instanceof TemplateError) throw new ToolError(error.message);
    throw error;
  }
}
