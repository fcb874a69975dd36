import type { Problem } from '../../problems/problem.js';
import { findAbbreviations, knownExpansions, maskNonProse, proseFields } from '../abbreviations.js';
import type { Rule } from './rule.js';

/** Members and the public read these plans: every abbreviation is spelt out somewhere. */
export const unexpandedAbbreviation: Rule = {
  code: 'rule/unexpanded-abbreviation',
  check(plan) {
    const known = knownExpansions(plan);
    const reported = new Set<string>();
    const problems: Problem[] = [];
    for (const field of proseFields(plan)) {
      for (const use of findAbbreviations(maskNonProse(field.text))) {
        if (known.has(use.abbreviation) || known.has(use.text) || reported.has(use.abbreviation)) continue;
        reported.add(use.abbreviation);
        problems.push({
          severity: 'warning',
          code: 'rule/unexpanded-abbreviation',
          message: `'${use.text}' is never spelt out: add it to the glossary (${use.abbreviation}: Full Name) or write it once as "Full Name (${use.abbreviation})".`,
          pointer: field.pointer,
          needle: use.text,
        });
      }
    }
    return problems;
  },
};
