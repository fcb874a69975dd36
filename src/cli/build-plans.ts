import { join } from 'node:path';
import { checkPlanSource } from '../plan/check-plan.js';
import type { Plan } from '../plan/model.js';
import { Renderer, TemplateError, TemplateFieldError, type Navigation, type RenderedDocument } from '../render/render-document.js';
import type { BuildReporter } from './build-reporter.js';
import { ToolError, type Io } from './io.js';
import { PACKAGE_ROOT } from './package-root.js';
import { readPlanFile } from './read-plan-file.js';

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

/**
 * Checks each plan and renders the valid ones to HTML in memory. A plan with errors is
 * reported (as validate reports it) and left out; the others go on.
 */
export interface RenderPlansOptions {
  /** For the parts of a project: the links of the part at `index` among all the valid parts. */
  navigationFor?: (index: number, parts: { file: string; plan: Plan }[]) => Navigation | null;
  /**
   * Called with each plan as soon as it is rendered, instead of keeping them all: a build
   * of a thousand plans then holds one plan's documents at a time.
   */
  onRendered?: (rendered: RenderedPlan) => void;
}

export function renderPlans(files: string[], renderer: Renderer, reporter: BuildReporter, io: Io, options: RenderPlansOptions = {}): RenderOutcome {
  const outcome: RenderOutcome = { rendered: [], failed: false, unreadable: false };
  const fileOfId = new Map<string, string>();
  const parts: { file: string; plan: Plan }[] = [];
  const render = (file: string, plan: Plan, navigation: Navigation | null) => {
    try {
      const rendered = { file, plan, documents: renderer.documentsFor(plan).map((name) => renderer.render(plan, name, navigation)) };
      if (options.onRendered) options.onRendered(rendered);
      else outcome.rendered.push(rendered);
    } catch (error) {
      if (!(error instanceof TemplateFieldError || error instanceof TemplateError)) throw error;
      outcome.failed = true;
      reporter.notBuilt(file, error.message);
    }
  };
  for (const file of files) {
    const text = readPlanFile(file, io.cwd, io.env);
    if (!text.ok) {
      outcome.failed = true;
      outcome.unreadable ||= text.toolFailure;
      reporter.problems({ file, source: '', problems: [text.problem] });
      reporter.notBuilt(file, 'fix the problem above.');
      continue;
    }
    const { problems, plan } = checkPlanSource(text.source);
    reporter.problems({ file, source: text.source, problems });
    if (!plan || problems.some((p) => p.severity === 'error')) {
      outcome.failed = true;
      reporter.notBuilt(file, 'fix the errors above.');
      continue;
    }
    // Outputs are named after plan ids: a second plan with the same id would overwrite the first.
    const twin = fileOfId.get(plan.id);
    if (twin) {
      outcome.failed = true;
      reporter.notBuilt(file, `its id '${plan.id}' is also the id of ${twin}, and documents are named after ids. Give each plan its own id.`);
      continue;
    }
    fileOfId.set(plan.id, file);
    if (options.navigationFor) parts.push({ file, plan });
    else render(file, plan, null);
  }
  // A project's parts are rendered once all are read: a part's links name its neighbours.
  parts.forEach(({ file, plan }, index) => render(file, plan, options.navigationFor!(index, parts)));
  return outcome;
}

export function createRenderer(template: string | undefined, generator: string, io: Io): Renderer {
  try {
    return new Renderer({
      builtInTemplates: join(PACKAGE_ROOT, 'templates'),
      ...(template === undefined ? {} : { template }),
      cwd: io.cwd,
      generator,
    });
  } catch (error) {
    // A template that does not compile stops the whole build: every plan needs it.
    if (error instanceof TemplateError) throw new ToolError(error.message);
    throw error;
  }
}
