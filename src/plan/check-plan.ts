import { locateProblems } from '../problems/locate-problems.js';
import type { LocatedProblem, Problem } from '../problems/problem.js';
import validatePlanSchema from './generated/validate-plan.js';
import { buildPlan, type Plan } from './model.js';
import { parseYaml } from './parse-yaml.js';
import type { PlanFile } from './plan-file.js';
import { pruneInvalid } from './prune-invalid.js';
import { hasStandIn, withStandIns } from './stand-ins.js';
import { readYamlQuickly } from './read-yaml-quickly.js';
import { RULES } from './rules/index.js';
import { problemsFromSchemaErrors } from './schema-problems.js';

export interface CheckOptions {
  /** False for a caller that shows only errors (mapc diff): warnings then cost nothing to place. */
  warnings?: boolean;
}

export interface PlanCheck {
  problems: LocatedProblem[];
  /** The model, when the file follows the format (it may still break a rule). */
  plan?: Plan;
  /** Checks that could not run on this file (absent when all ran): its problems are then not all of them. */
  notChecked?: CheckStage[];
}

/** The checks after reading the YAML: the format (the JSON Schema), then the semantic rules. */
export type CheckStage = 'schema' | 'rules';

/**
 * Reads and checks one plan file's text: YAML, then the schema, then the semantic rules,
 * going as far as it safely can so that all of a file's problems come out in one run.
 */
export function checkPlanSource(source: string, { warnings = true }: CheckOptions = {}): PlanCheck {
  const check = checkCleanPlanQuickly(source, warnings) ?? checkPlanWithPositions(source);
  return warnings ? check : { ...check, problems: check.problems.filter((p) => p.severity === 'error') };
}

/**
 * Most files have nothing to report, and then no position is needed: the quick reader's
 * data, checked. At the first problem to report (or anything the quick reader declines)
 * it gives up, and the file is read again with positions, so every problem is placed and
 * worded by one path.
 */
function checkCleanPlanQuickly(source: string, warnings: boolean): PlanCheck | undefined {
  const data = readYamlQuickly(source);
  if (data === undefined || !validatePlanSchema(data)) return undefined;
  const plan = buildPlan(data as PlanFile);
  const reported = (problem: Problem): boolean => warnings || problem.severity === 'error';
  if (RULES.some((rule) => rule.check(plan).some(reported))) return undefined;
  return { problems: [], plan };
}

function checkPlanWithPositions(source: string): PlanCheck {
  const parsed = parseYaml(source);
  const problems: Problem[] = [...parsed.problems];
  const done = (plan?: Plan, notChecked?: CheckStage[]): PlanCheck => ({ problems: locateProblems(problems, parsed.locate), ...(plan ? { plan } : {}), ...(notChecked ? { notChecked } : {}) });
  if (parsed.data === undefined) return done(undefined, ['schema', 'rules']);

  let data = parsed.data;
  let followsFormat = true;
  let standIns: string[] = [];
  if (!validatePlanSchema(data)) {
    const errors = validatePlanSchema.errors ?? [];
    problems.push(...problemsFromSchemaErrors(errors, data));
    const standable = (e: (typeof errors)[number]) => e.keyword === 'required' && e.instancePath === '' && hasStandIn((e.params as { missingProperty: string }).missingProperty);
    const pruned = pruneInvalid(data, errors.filter((e) => !standable(e)));
    const standing = pruned === undefined || validatePlanSchema(pruned) ? undefined : withStandIns(pruned);
    if (standing) standIns = standing.keys.map((key) => `/${key}`);
    const readable = standing ? standing.data : pruned;
    if (readable === undefined || !validatePlanSchema(readable)) return done(undefined, ['rules']);
    data = readable;
    followsFormat = false;
  }
  const plan = buildPlan(data as PlanFile);
  // A rule's word on a stand-in would be about a value nobody wrote.
  const aboutStandIn = (problem: Problem) => standIns.some((at) => problem.pointer === at || problem.pointer.startsWith(`${at}/`));
  for (const rule of RULES) problems.push(...rule.check(plan).filter((problem) => !aboutStandIn(problem)));
  return done(followsFormat && !parsed.problems.some((p) => p.severity === 'error') ? plan : undefined);
}

/** A problem only other files reveal (two plans with one id), placed in this plan's source. */
export function locateInPlan(source: string, problem: Problem): LocatedProblem {
  return locateProblems([problem], parseYaml(source).locate)[0]!;
}
