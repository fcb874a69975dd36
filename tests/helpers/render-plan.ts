import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import type { Plan } from '../../src/plan/model.js';
import { Renderer, type RenderedDocument } from '../../src/render/render-document.js';
import { ROOT } from './mapc.js';

export const EXAMPLE_PLANS = ['plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/devon-children-and-families-2004-05.yaml'];

/**
 * A plan from YAML text; fails the test if it has errors, but those whose codes are
 * `allowed` (a hostile plan's forbidden links, to see what the renderer makes of them).
 */
export function planFrom(source: string, allowed: string[] = []): Plan {
  const { plan, problems } = checkPlanSource(source);
  const errors = problems.filter((p) => p.severity === 'error' && !allowed.includes(p.code));
  if (!plan || errors.length > 0) throw new Error(`test plan has errors: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return plan;
}

export function planFile(path: string): Plan {
  return planFrom(readFileSync(join(ROOT, path), 'utf8'));
}

/** Every document mapc makes of a plan by default, rendered with the built-in templates (or a copy of them). */
export function renderAll(plan: Plan, template?: string, builtInTemplates = join(ROOT, 'templates')): RenderedDocument[] {
  const renderer = new Renderer({
    builtInTemplates,
    cwd: ROOT,
    generator: 'mapc test',
    ...(template === undefined ? {} : { template }),
  });
  return renderer.documentsFor(plan).map((name) => renderer.render(plan, name));
}
