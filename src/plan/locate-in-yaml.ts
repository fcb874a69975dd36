import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { pointerSegments } from '../problems/json-pointer.js';
import type { Locator, SourceRange } from '../problems/problem.js';

/**
 * Maps a problem's JSON pointer to its place in the YAML source: the value (or, for an
 * unknown key, the key), through aliases; a pointer to something absent (a missing key)
 * stops at the nearest node that exists, which is where the fix goes.
 */
export function locatorFor(doc: Document, source: string, toRange: (start: number, end: number) => SourceRange): Locator {
  return (problem) => {
    const segments = pointerSegments(problem.pointer);
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const segment of segments) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = pairsByKey(node).get(segment);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        keyNode = undefined;
        node = item;
      } else break;
    }
    const target = problem.atKey && isNode(keyNode) ? keyNode : node;
    if (!isNode(target) || !target.range) return toRange(0, 1);
    const [start, valueEnd] = target.range;
    if (problem.needle) {
      const at = findWord(source, problem.needle, start, valueEnd);
      if (at >= 0) return toRange(at, at + problem.needle.length);
    }
    if (isCollection(target)) {
      // A whole mapping is many lines; underline just its first line.
      const lineEnd = source.indexOf('\n', start);
      return toRange(start, lineEnd < 0 || lineEnd > valueEnd ? valueEnd : lineEnd);
    }
    return toRange(start, valueEnd);
  };
}

/**
 * The first place in source[from, to) where `word` stands alone (no letter, digit, _ or &
 * either side). Searched for, not made into a regular expression: a 40,000-letter word is
 * too large a pattern for V8 ("internal error").
 */
function findWord(source: string, word: string, from: number, to: number): number {
  if (word === '') return -1;
  const partOfWord = (at: number) => at >= from && at < to && /[\w&]/.test(source[at]!);
  for (let at = source.indexOf(word, from); at >= 0 && at + word.length <= to; at = source.indexOf(word, at + 1)) {
    if (!partOfWord(at - 1) && !partOfWord(at + word.length)) return at;
  }
  return -1;
}

/** Each mapping's pairs by key, made once: finding a key by a walk over the pairs made 20,000 problems in one mapping quadratic. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      // The first of repeated keys, as a walk over the pairs would find it.
      if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    }
    pairIndexes.set(map, index);
  }
  return index;
}
