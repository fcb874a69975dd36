import type { ErrorObject } from 'ajv';
import { parentPointer, pointerSegments } from '../problems/json-pointer.js';

/**
 * A copy of the data without the values the schema rejected, so that the semantic rules
 * can still run and the officer sees all of a file's problems in one run: a typo'd key
 * should not hide a broken reference further down. Only optional, keyed values can be
 * dropped this way; when the schema error is a missing key or a bad list item (whose
 * removal would renumber its neighbours and misplace later problems), there is no safe
 * copy and this returns undefined.
 */
export function pruneInvalid(data: unknown, errors: readonly ErrorObject[]): unknown {
  const copy = structuredClone(data);
  // A value of two possible shapes (an action: text, or a mapping with text:) fails the
  // shape it does not have: where the other shape has faults of its own, those are the ones to drop.
  const choices = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const otherShapeTaken = new Set([...choices].filter((at) => errors.some((e) => e.keyword !== 'type' && e.keyword !== 'anyOf' && (e.instancePath === at || e.instancePath.startsWith(`${at}/`)))));
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'propertyNames') continue;
    if (error.keyword === 'type' && otherShapeTaken.has(error.instancePath)) continue;
    if (error.keyword === 'required' || error.keyword === 'minItems') return undefined;
    // A key too long (propertyNames) is dropped itself, not the mapping it is in.
    const badKey = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : error.propertyName;
    const pointer = badKey === undefined ? error.instancePath : `${error.instancePath}/${badKey}`;
    if (pointer === '') return undefined;
    const parent = valueAt(copy, parentPointer(pointer));
    const key = pointerSegments(pointer).pop()!;
    if (Array.isArray(parent) || typeof parent !== 'object' || parent === null) return undefined;
    delete (parent as Record<string, unknown>)[key];
  }
  return copy;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of pointerSegments(pointer)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
