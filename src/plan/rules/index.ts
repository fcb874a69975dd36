import { dueBeforePeriod } from './due-before-period.js';
import { duplicateId } from './duplicate-id.js';
import { frameworkCoverage } from './framework-coverage.js';
import { invalidDate } from './invalid-date.js';
import { invalidPeriod } from './invalid-period.js';
import { linkScheme } from './link-scheme.js';
import { missingTitle } from './missing-title.js';
import { objectiveWithoutActions } from './objective-without-actions.js';
import { oneNationalCode } from './one-national-code.js';
import { reportPeriod } from './report-period.js';
import type { Rule } from './rule.js';
import { staleFigure } from './stale-figure.js';
import { targetBeforeValue } from './target-before-value.js';
import { unexpandedAbbreviation } from './unexpanded-abbreviation.js';
import { unknownNationalCode } from './unknown-national-code.js';
import { unknownReference } from './unknown-reference.js';

/** Every semantic rule, run on each schema-valid plan. */
export const RULES: readonly Rule[] = [
  duplicateId,
  unknownReference,
  unknownNationalCode,
  oneNationalCode,
  frameworkCoverage,
  missingTitle,
  invalidDate,
  invalidPeriod,
  dueBeforePeriod,
  targetBeforeValue,
  unexpandedAbbreviation,
  linkScheme,
  reportPeriod,
  staleFigure,
  objectiveWithoutActions,
];
