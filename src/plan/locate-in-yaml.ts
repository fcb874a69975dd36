import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
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
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
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

function findWord(source: string, word: string, from: number, to: number): number {
  const slice = source.slice(from, to);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![\\w&])${escaped}(?![\\w&])`).exec(slice);
  return match ? from + match.index : -1;
}

