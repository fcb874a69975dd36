import { frameworkNames } from '../plan/framework-referred-to.js';
import type { Plan } from '../plan/model.js';
import { documentKind } from '../render/render-document.js';

/**
 * The keywords of the one PDF of a project's parts, from the parts themselves: the kinds
 * of document they are bound as (`document`, the name of the template), the frameworks
 * they are about, the authority and their periods. Not a fixed "Strategic plan": a
 * project may bind Management Action Plans.
 */
export function boundKeywords(authority: string, parts: { plan: Plan; document: string }[]): string[] {
  return [
    ...new Set([
      ...parts.map(({ document }) => documentKind(document)),
      ...parts.flatMap(({ plan }) => frameworkNames(plan)),
      authority,
      ...parts.map(({ plan }) => plan.period),
    ]),
  ];
}
