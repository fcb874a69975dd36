import { locateProblems } from '../problems/locate-problems.js';
import type { LocatedProblem, Problem } from '../problems/problem.js';
import validatePlanSchema from './generated/validate-plan.js';
import { buildPlan, type Plan } from './model.js';
import { parseYaml } from './parse-yaml.js';
import type { PlanFile } from './plan-file.js';
import { RULES } from './rules/index.js';
import { problemsFromSchemaErrors } from './schema-problems.js';

export interface PlanCheck {
  problems: LocatedProblem[];
  /** The model, when the file is valid enough to build one (no YAML or schema errors). */
  plan?: Plan;
}

/** Reads and checks one plan file's text: YAML, then the schema, then the semantic rules. */
export function checkPlanSource(source: string): PlanCheck {
  const parsed = parseYaml(source);
  const problems: Problem[] = [...parsed.problems];
  if (parsed.data === undefined) return { problems: locateProblems(problems, parsed.locate) };

  if (!validatePlanSchema(parsed.data)) {
    problems.push(...problemsFromSchemaErrors(validatePlanSchema.errors ?? [], parsed.data));
    return { problems: locateProblems(problems, parsed.locate) };
  }
  const plan = buildPlan(parsed.data as PlanFile);
  for (const rule of RULES) problems.push(...rule.check(plan));
  return { problems: locateProblems(problems, parsed.locate), plan };
}
