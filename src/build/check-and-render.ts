import type { Plan } from '../plan/model.js';
import type { LocatedProblem } from '../problems/problem.js';
import { Renderer, TemplateError, TemplateFieldError, type Navigation, type RenderedDocument } from '../render/render-document.js';
import { checkPlanFile } from '../project/check-plan-file.js';
import { readPlanFile } from '../project/read-plan-file.js';

/**
 * What became of one plan file: everything the build reports and writes, and nothing
 * that cannot cross to another thread (a pool of workers hands these back).
 */
export type PlanOutcome =
  | { file: string; readable: false; problem: LocatedProblem; toolFailure: boolean }
  | {
      file: string;
      readable: true;
      source: string;
      problems: LocatedProblem[];
      /** The files the plan uses besides itself (its logo), absolute. */
      uses: string[];
      /** Present when the plan has no errors. */
      plan?: Plan;
      /** Present when the plan was rendered. */
      documents?: RenderedDocument[];
      /** Why a valid plan could not be rendered: a template's mistake. */
      renderError?: string;
    };

/** Where plan files are read from, and the limits of `MAPC_MAX_FILE_SIZE`. */
export interface PlanReading {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Reads and checks one plan file, then renders its documents when it has no errors and
 * a renderer is given (a project's parts are rendered later, once their neighbours are known).
 */
export function checkAndRender(file: string, reading: PlanReading, renderer: Renderer | null): PlanOutcome {
  const text = readPlanFile(file, reading.cwd, reading.env);
  if (!text.ok) return { file, readable: false, problem: text.problem, toolFailure: text.toolFailure };
  const { problems, plan, uses } = checkPlanFile(text.source, file, reading.cwd);
  const checked = { file, readable: true as const, source: text.source, problems, uses };
  if (!plan || problems.some((p) => p.severity === 'error')) return checked;
  if (!renderer) return { ...checked, plan };
  const rendered = renderDocuments(renderer, plan, null);
  return { ...checked, plan, ...rendered };
}

/** Every document of the plan, or the template mistake that stopped them. */
export function renderDocuments(renderer: Renderer, plan: Plan, navigation: Navigation | null): { documents: RenderedDocument[] } | { renderError: string } {
  try {
    return { documents: renderer.documentsFor(plan).map((name) => renderer.render(plan, name, navigation)) };
  } catch (error) {
    if (error instanceof TemplateFieldError || error instanceof TemplateError) return { renderError: error.message };
    throw error;
  }
}
