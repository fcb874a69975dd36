import type { ErrorObject } from 'ajv';
import { closestMatch } from '../problems/closest-match.js';
import { childPointer, parentPointer } from '../problems/json-pointer.js';
import type { Problem } from '../problems/problem.js';
import { dateInFormat } from './date-shapes.js';
import { describePlace, describeValue, fieldName, isRecord, ownValue } from './describe-location.js';

/** How the format's named value types are written, for messages. */
const DEFINITION_PHRASES: Record<string, string> = {
  id: 'an id: lower-case words joined by hyphens, e.g. family-solutions',
  date: 'a date written YYYY-MM-DD, e.g. 2002-04-30',
  period: 'a period: a financial year 2002-03, a span of years 2001-2004, or a year 2008',
  due: 'a date (2003-03-31), a month (2003-03) or a period (2002-03)',
  money: 'an amount in pounds written as a number, e.g. 45000',
  nationalCodes: 'a national objective code such as QP1 or ECM2',
  label: 'text',
};
const FIELD_PHRASES: Record<string, string> = {
  email: 'an email address, e.g. jimmy.doyle@iow.gov.uk',
};
const TYPE_PHRASES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  object: 'a mapping (key: value lines)',
  array: 'a list (lines starting with "- ")',
  boolean: 'true or false',
  null: 'nothing',
};

/**
 * Turns ajv's errors into problems an officer can act on: one problem per missing-keys
 * mapping, "did you mean" for unknown keys and values, and for a value that may take
 * two shapes (text, or a mapping with text:) only the errors of the shape it has.
 */
export function problemsFromSchemaErrors(errors: readonly ErrorObject[], data: unknown): Problem[] {
  return schemaProblemsOf(errors, data, 'the plan');
}

/** The same for any of mapc's schemas; `rootName` is what the file is called in messages ("the project"). */
export function schemaProblemsOf(errors: readonly ErrorObject[], data: unknown, rootName: string): Problem[] {
  return wordErrors(errors, data).map((problem) => ({ ...problem, message: problem.message.replace(/\bthe plan\b/g, rootName).replace(/^The plan\b/, capitalise(rootName)) }));
}

function wordErrors(errors: readonly ErrorObject[], data: unknown): Problem[] {
  const relevant = dropOtherShapes(errors);
  const problems: Problem[] = [];
  const missing = new Map<string, string[]>();
  // A key or a value too long to be meant is that one problem, not also an unknown key or a bad format.
  const longKeys = new Set(relevant.filter(isLongKey).map((e) => childPointer(e.instancePath, e.propertyName!)));
  const longValues = new Set(relevant.filter((e) => e.keyword === 'maxLength' && !isLongKey(e)).map((e) => e.instancePath));
  for (const error of relevant) {
    if (error.keyword === 'propertyNames') continue;
    if (error.keyword === 'pattern' && longValues.has(error.instancePath)) continue;
    if (error.keyword === 'additionalProperties' && longKeys.has(childPointer(error.instancePath, (error.params as { additionalProperty: string }).additionalProperty))) continue;
    if (isLongKey(error)) {
      const key = error.propertyName!;
      problems.push({
        severity: 'error',
        code: 'schema/too-long',
        message: `The key ${describeData(key)} in ${describePlace(error.instancePath, data)} is ${key.length} characters long; a key is at most ${(error.params as { limit: number }).limit}.`,
        pointer: childPointer(error.instancePath, key),
        atKey: true,
      });
      continue;
    }
    if (error.keyword === 'required') {
      const keys = missing.get(error.instancePath) ?? [];
      keys.push((error.params as { missingProperty: string }).missingProperty);
      missing.set(error.instancePath, keys);
      continue;
    }
    const problem = wordError(error, data);
    if (problem) problems.push(problem);
  }
  for (const [pointer, allKeys] of missing) {
    // A required key written with a typo is reported once, as the unknown key with its suggestion.
    const misspelt = new Set(problems.filter((p) => p.code === 'schema/unknown-key' && parentPointer(p.pointer) === pointer).map((p) => p.suggestion));
    const keys = allKeys.filter((key) => !misspelt.has(key));
    if (keys.length === 0) continue;
    const list = keys.map((key) => `'${key}'`);
    const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    problems.push({
      severity: 'error',
      code: 'schema/missing-key',
      message: `${capitalise(describePlace(pointer, data))} is missing ${keys.length === 1 ? 'the key' : 'the keys'} ${joined}.`,
      pointer,
    });
  }
  return problems;
}

/**
 * For a value that may be one of several shapes (anyOf), keep only the errors of the
 * shape the value has; when it has none of them, one "wrong type" error lists them all.
 */
function dropOtherShapes(errors: readonly ErrorObject[]): ErrorObject[] {
  const shapePaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    if (error.keyword === 'type' && shapePaths.has(error.instancePath)) continue;
    kept.push(error);
  }
  for (const path of shapePaths) {
    const explained = kept.some((e) => e.instancePath === path || e.instancePath.startsWith(path + '/'));
    if (explained) continue;
    const typeErrors = errors.filter((e) => e.keyword === 'type' && e.instancePath === path);
    const expected = typeErrors.flatMap((e) => typeList(e.params as { type: string | string[] }));
    const first = typeErrors[0];
    if (first) kept.push({ ...first, params: { type: [...new Set(expected)] } });
  }
  return kept;
}

function wordError(error: ErrorObject, data: unknown): Problem | undefined {
  const pointer = error.instancePath;
  const where = describeValue(pointer, data);
  const value = error.data;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      if (key === '<<') {
        return {
          severity: 'error',
          code: 'schema/unknown-key',
          message: `Merge keys (<<) are not part of YAML 1.2, which plans use; write the keys out in ${describePlace(pointer, data)}.`,
          pointer: childPointer(pointer, key),
          atKey: true,
        };
      }
      const suggestion = closestMatch(key, known);
      const place = describePlace(pointer, data);
      const problem: Problem = {
        severity: 'error',
        code: 'schema/unknown-key',
        message:
          suggestion || known.length === 0
            ? `Unknown key '${key}' in ${place}.`
            : `Unknown key '${key}' in ${place}. The keys allowed here are ${known.join(', ')}; keys starting with x- are yours to use freely.`,
        pointer: childPointer(pointer, key),
        atKey: true,
      };
      if (suggestion) problem.suggestion = suggestion;
      return problem;
    }
    case 'type': {
      const expected = typeList(error.params as { type: string | string[] });
      return {
        severity: 'error',
        code: 'schema/wrong-type',
        message: `${capitalise(where)} should be ${expectedPhrase(error, expected)}, but it is ${describeData(value)}.${numberHint(expected, value, error.instancePath)}`,
        pointer,
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      const problem: Problem = {
        severity: 'error',
        code: 'schema/bad-value',
        message: `${capitalise(where)} is ${describeData(value)}; it must be one of: ${allowed.join(', ')}.`,
        pointer,
      };
      if (suggestion) problem.suggestion = suggestion;
      return problem;
    }
    case 'const': {
      const allowed = (error.params as { allowedValue: unknown }).allowedValue;
      return fieldName(pointer) === 'mapc'
        ? {
            severity: 'error',
            code: 'schema/unsupported-version',
            message: `This file says mapc: ${JSON.stringify(value)}, but this version of mapc reads format version ${String(allowed)}. Write mapc: ${String(allowed)}, or upgrade mapc.`,
            pointer,
          }
        : { severity: 'error', code: 'schema/bad-value', message: `${capitalise(where)} must be ${JSON.stringify(allowed)}.`, pointer };
    }
    case 'pattern': {
      const phrase = formatPhrase(error) ?? `text matching ${(error.params as { pattern: string }).pattern}`;
      const problem: Problem = {
        severity: 'error',
        code: 'schema/bad-format',
        message: `${capitalise(where)} is ${describeData(value)}, which is not ${phrase}.`,
        pointer,
      };
      const suggestion = typeof value === 'string' ? suggestFormat(error, value) : undefined;
      if (suggestion && suggestion !== value) problem.suggestion = suggestion;
      return problem;
    }
    case 'minLength':
      return { severity: 'error', code: 'schema/empty', message: `${capitalise(where)} is empty; write the text, or remove the key.`, pointer };
    case 'maxLength': {
      const what = definitionOf(error) === 'id' ? 'an id' : 'it';
      const length = typeof value === 'string' ? value.length : 0;
      return { severity: 'error', code: 'schema/too-long', message: `${capitalise(where)} is ${length} characters long; ${what} is at most ${(error.params as { limit: number }).limit}.`, pointer };
    }
    case 'minItems': {
      const limit = (error.params as { limit: number }).limit;
      return {
        severity: 'error',
        code: 'schema/too-few',
        message: `${capitalise(where)} needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}.`,
        pointer,
      };
    }
    case 'minimum':
    case 'maximum': {
      if (definitionOf(error) === 'money' && error.keyword === 'minimum') {
        return { severity: 'error', code: 'schema/out-of-range', message: `${capitalise(where)} is ${describeData(value)}, but an amount of money can't be negative.`, pointer };
      }
      const phrase = definitionOf(error) === 'money' ? undefined : formatPhrase(error);
      return {
        severity: 'error',
        code: 'schema/out-of-range',
        message: phrase
          ? `${capitalise(where)} is ${describeData(value)}, which is not ${phrase}.`
          : `${capitalise(where)} is ${describeData(value)}; it must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${(error.params as { limit: number }).limit}.`,
        pointer,
      };
    }
    default:
      return { severity: 'error', code: 'schema/invalid', message: `${capitalise(where)} is not valid: ${error.message ?? error.keyword}.`, pointer };
  }
}

/** Where money is written: an action's cost, a funding line's amount. */
const MONEY_FIELDS = /\/(cost|amount)$/;

/** How to write a figure that was written as text: "8%" → 8 with unit: percent; "£45,000" → 45000. */
function numberHint(expected: string[], value: unknown, instancePath: string): string {
  if (!expected.includes('number') || typeof value !== 'string') return '';
  const percent = /^\s*(-?[\d.,]+)\s*%\s*$/.exec(value);
  if (percent && MONEY_FIELDS.test(instancePath)) return ' This is an amount of money: write it in pounds as a plain number, e.g. 45000.';
  if (percent) return ` Write ${percent[1]!.replace(/,/g, '')} and give the indicator unit: percent.`;
  if (/^\s*£/.test(value)) return ' Write the amount in pounds as a plain number, e.g. 45000.';
  return '';
}

/** A key longer than the schema's propertyNames allow (ajv names the key in propertyName). */
function isLongKey(error: ErrorObject): boolean {
  return error.keyword === 'maxLength' && error.propertyName !== undefined;
}

function typeList(params: { type: string | string[] }): string[] {
  return Array.isArray(params.type) ? params.type : String(params.type).split(',');
}

function definitionOf(error: ErrorObject): string | undefined {
  return /#\/definitions\/([^/]+)/.exec(error.schemaPath)?.[1];
}

function formatPhrase(error: ErrorObject): string | undefined {
  const definition = definitionOf(error);
  return (definition && ownValue(DEFINITION_PHRASES, definition)) || ownValue(FIELD_PHRASES, fieldName(error.instancePath));
}

function expectedPhrase(error: ErrorObject, types: string[]): string {
  const format = formatPhrase(error);
  if (format && !types.includes('object') && !types.includes('array')) return format;
  const phrases = [...new Set(types.map((t) => (t === 'integer' && types.includes('string') ? 'a year' : ownValue(TYPE_PHRASES, t) ?? t)))];
  return phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

/** A likely intended value for a badly written id or code: "Family Solutions" → "family-solutions". */
function suggestFormat(error: ErrorObject, value: string): string | undefined {
  const definition = definitionOf(error);
  if (definition === 'id') {
    const slug = value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return slug || undefined;
  }
  if (definition === 'nationalCodes') return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (definition === 'date' || definition === 'due') return dateInFormat(value, { monthWillDo: definition === 'due' });
  return undefined;
}

export function describeData(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 37) + '...' : value}'`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
