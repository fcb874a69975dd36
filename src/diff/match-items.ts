import type { MatchInfo, MatchRule } from './change.js';
import { contentWords, normaliseText } from './normalise-text.js';
import { CONFIDENTLY_SIMILAR, SIMILAR_ENOUGH, similarity, wordBag, type WordBag } from './word-similarity.js';

/** What the matcher looks at in an item. */
export interface MatchKey {
  id?: string | undefined;
  /** A second identity: an indicator's national code, an objective's national objectives. */
  code?: string | undefined;
  text: string;
}

export interface Pair<O, N = O> {
  old: O;
  new: N;
  match: MatchInfo;
}

export interface Matching<O, N = O> {
  pairs: Pair<O, N>[];
  /** Old items left unpaired, in their order. */
  removed: O[];
  /** New items left unpaired, in their order. */
  added: N[];
}

export interface MatchOptions {
  /**
   * Ids that exist on the other side but outside this parent. An item whose id is among
   * them belongs to that other item (it moved), so it may not be paired here by its text.
   */
  oldIdsElsewhere?: ReadonlySet<string>;
  newIdsElsewhere?: ReadonlySet<string>;
}

interface Slot<T> {
  item: T;
  index: number;
  key: MatchKey;
  paired: boolean;
  normalised?: string;
  bag?: WordBag;
}

const EXACT = (rule: MatchRule): MatchInfo => ({ rule, similarity: 1, confidence: 'high' });

/**
 * Pairs old items with new ones, within one parent, by the strongest evidence first: the
 * same id; the same code; the same text; the same text once case, punctuation and
 * numbering are set aside; then similar wording, best-scoring pairs first, so that a
 * reworded item is paired with its closest successor rather than the first that will do.
 */
export function matchItems<O, N = O>(olds: readonly O[], news: readonly N[], keyOfOld: (item: O) => MatchKey, keyOfNew: (item: N) => MatchKey, options: MatchOptions = {}): Matching<O, N> {
  const oldSlots: Slot<O>[] = olds.map((item, index) => ({ item, index, key: keyOfOld(item), paired: false }));
  const newSlots: Slot<N>[] = news.map((item, index) => ({ item, index, key: keyOfNew(item), paired: false }));
  const pairs: { old: Slot<O>; new: Slot<N>; match: MatchInfo }[] = [];
  const pair = (o: Slot<O>, n: Slot<N>, match: MatchInfo) => {
    o.paired = n.paired = true;
    pairs.push({ old: o, new: n, match });
  };

  pairByKey(oldSlots, newSlots, (s) => s.key.id, () => EXACT('id'), pair);
  pairByKey(oldSlots, newSlots, (s) => s.key.code, () => EXACT('code'), pair);

  const oldFree = oldSlots.filter((s) => !(s.key.id !== undefined && options.newIdsElsewhere?.has(s.key.id)));
  const newFree = newSlots.filter((s) => !(s.key.id !== undefined && options.oldIdsElsewhere?.has(s.key.id)));
  pairByKey(oldFree, newFree, (s) => s.key.text, () => EXACT('text'), pair);
  pairByKey(oldFree, newFree, (s) => (s.normalised ??= normaliseText(s.key.text)) || undefined, () => EXACT('normalised'), pair);
  pairBySimilarity(oldFree, newFree, pair);

  pairs.sort((a, b) => a.new.index - b.new.index);
  return {
    pairs: pairs.map((p) => ({ old: p.old.item, new: p.new.item, match: p.match })),
    removed: oldSlots.filter((s) => !s.paired).map((s) => s.item),
    added: newSlots.filter((s) => !s.paired).map((s) => s.item),
  };
}

/** Pairs unpaired items with the same key, in order (the first old with the first new of a key). */
function pairByKey<O, N>(olds: Slot<O>[], news: Slot<N>[], keyOf: (slot: Slot<O> | Slot<N>) => string | undefined, match: () => MatchInfo, pair: (o: Slot<O>, n: Slot<N>, m: MatchInfo) => void): void {
  const waiting = new Map<string, Slot<N>[]>();
  for (const n of news) {
    if (n.paired) continue;
    const key = keyOf(n);
    if (key === undefined) continue;
    const list = waiting.get(key);
    if (list) list.push(n);
    else waiting.set(key, [n]);
  }
  for (const o of olds) {
    if (o.paired) continue;
    const key = keyOf(o);
    const n = key === undefined ? undefined : waiting.get(key)?.shift();
    if (n) pair(o, n, match());
  }
}

function pairBySimilarity<O, N>(olds: Slot<O>[], news: Slot<N>[], pair: (o: Slot<O>, n: Slot<N>, m: MatchInfo) => void): void {
  const oldOpen = olds.filter((s) => !s.paired);
  const newOpen = news.filter((s) => !s.paired);
  if (oldOpen.length === 0 || newOpen.length === 0) return;
  const dictionary = new Map<string, number>();
  for (const s of [...oldOpen, ...newOpen]) s.bag = wordBag(contentWords(s.key.text), dictionary);
  const candidates: { o: Slot<O>; n: Slot<N>; score: number }[] = [];
  for (const o of oldOpen) {
    for (const n of newOpen) {
      const score = similarity(o.bag!, n.bag!);
      if (score >= SIMILAR_ENOUGH) candidates.push({ o, n, score });
    }
  }
  // Best first; ties in document order, so that the result never depends on sort stability.
  candidates.sort((a, b) => b.score - a.score || a.o.index - b.o.index || a.n.index - b.n.index);
  for (const { o, n, score } of candidates) {
    if (o.paired || n.paired) continue;
    pair(o, n, { rule: 'similar', similarity: Math.round(score * 100) / 100, confidence: score >= CONFIDENTLY_SIMILAR ? 'high' : 'low' });
  }
}
