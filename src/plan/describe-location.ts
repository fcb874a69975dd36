import { pointerSegments } from '../problems/json-pointer.js';
/**
 * Names a place in a plan as an officer would: `/objectives/0/actions/1` is
 * "action 2 of objective 'qp1'", not a JSON pointer.
 */
const ITEM_NOUNS: Record<string, string> = {
  objectives: 'objective',
  actions: 'action',
  achievements: 'achievement',
  keyActions: 'key action',
  indicators: 'indicator',
  items: 'strategy item',
  targets: 'target',
  funding: 'funding line',
  sections: 'section',
  contacts: 'contact',
  history: 'history entry',
  recommendations: 'recommendation',
  emphases: 'emphasis',
  partners: 'partner',
  backgroundPapers: 'additional paper',
  national: 'national code',
};

const MAPPING_NAMES: Record<string, string> = {
  report: 'the report',
  strategy: 'the strategy',
  dates: 'dates',
  part: 'part',
  glossary: 'the glossary',
  signedBy: 'signedBy of the report',
  target: 'target',
};

/** "action 2 of objective 'qp1'"; "the plan" for the root. */
export function describePlace(pointer: string, data: unknown): string {
  const names: string[] = [];
  let node: unknown = data;
  let parentKey: string | undefined;
  for (const segment of pointerSegments(pointer)) {
    const next = isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
    if (Array.isArray(node) && parentKey !== undefined) {
      const noun = ownValue(ITEM_NOUNS, parentKey) ?? 'item';
      const index = Number(segment);
      // An id-list entry (objective.indicators) is a reference, not the indicator itself.
      const isReference = typeof next === 'string' && (parentKey === 'indicators' || parentKey === 'objectives') && names.length > 0;
      // Name an entity by its id only when the id is a valid one; a broken id is the problem itself.
      const id = isRecord(next) && typeof next.id === 'string' && next.id.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(next.id) ? next.id : undefined;
      names.push(isReference ? `${noun} reference ${index + 1}` : id ? `${noun} '${id}'` : `${noun} ${index + 1}`);
    } else if (isRecord(next) && ownValue(MAPPING_NAMES, segment)) {
      names.push(ownValue(MAPPING_NAMES, segment)!);
    }
    parentKey = segment;
    node = next;
  }
  return names.length === 0 ? 'the plan' : names.reverse().join(' of ');
}

/** The key a pointer ends in, or the list it indexes: `/objectives/0/actions/1/due` → "due". */
export function fieldName(pointer: string): string {
  const segments = pointerSegments(pointer);
  for (let i = segments.length - 1; i >= 0; i--) {
    if (!/^\d+$/.test(segments[i]!)) return segments[i]!;
  }
  return 'plan';
}

/** "'due' of action 2 of objective 'qp1'", or "action 2 of objective 'qp1'" for a list item. */
export function describeValue(pointer: string, data: unknown): string {
  const segments = pointerSegments(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the plan';
  if (/^\d+$/.test(last)) return describePlace(pointer, data);
  const parent = '/' + segments.slice(0, -1).join('/');
  const place = describePlace(segments.length === 1 ? '' : parent, data);
  return place === 'the plan' ? `'${last}'` : `'${last}' of ${place}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A table's entry for a key from the plan, never an inherited one: a key such as
 * `__proto__` or `constructor` must not find Object's own properties.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
