import { isScalar, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SourceEdits } from './source-edits.js';

/** The key-value pair of a mapping with this key, if it has one. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === key);
}

/** A node's [start, value end, node end] offsets in the source. */
export function range(node: Node | null | unknown): [number, number, number] {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  if (!r) throw new Error('a YAML node without a position');
  return r;
}

/** A new scalar value in the style YAML needs (plain when it can be). */
export function replaceValue(edits: SourceEdits, pair: Pair<Node, Node>, value: string): void {
  const [start, end] = range(pair.value);
  const block = isScalar(pair.value) && (pair.value.type === 'BLOCK_FOLDED' || pair.value.type === 'BLOCK_LITERAL');
  edits.replace(start, end, stringify(value).trimEnd() + (block ? '\n' : ''));
}
