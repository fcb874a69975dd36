import type { Problem } from '../../problems/problem.js';
import type { Plan } from '../model.js';

/** A semantic rule: a function of a schema-valid plan that reports problems. One rule, one file, named after its code. */
export interface Rule {
  code: `rule/${string}`;
  check(plan: Plan): Problem[];
}
