import type { Framework } from './frameworks.js';
import type { Plan } from './model.js';

/**
 * The national framework a plan is about, if any: a MAP is a Quality Protects submission
 * by its kind; any other plan only if it names a framework or its objectives or strategy
 * items use the framework's codes. The default framework is what `national` codes would
 * point into, not something a strategy part that uses none is about, so it names nothing
 * (a document's keywords, for one, must not say "Quality Protects" of a part that never does).
 */
export function frameworkReferredTo(plan: Plan): Framework | undefined {
  const usesCodes = plan.objectives.some((o) => o.national.length > 0) || (plan.strategy?.items ?? []).some((item) => item.national.length > 0);
  return plan.kind === 'qp-map' || plan.frameworkSource === 'plan' || usesCodes ? plan.framework : undefined;
}

/** The framework a plan is about, as a keyword of its documents: none for a plan about none. */
export function frameworkNames(plan: Plan): string[] {
  const framework = frameworkReferredTo(plan);
  return framework ? [framework.name] : [];
}
