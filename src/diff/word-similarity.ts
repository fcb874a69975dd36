/**
 * How alike two texts are, by the words they share: the Dice coefficient of their bags of
 * content words (twice the shared words over all words), from 0 (nothing shared) to 1.
 * Word bags rather than a diff because it must be cheap: the matcher scores every
 * unmatched old item against every unmatched new one, a million pairs for two lists of a
 * thousand reworded actions. So each bag is its words as numbers, sorted, and two bags
 * are compared by one merge of the two lists.
 */

/** Below this, two texts are different items. */
export const SIMILAR_ENOUGH = 0.5;
/** Below this (and above SIMILAR_ENOUGH), a pair is marked low-confidence. */
export const CONFIDENTLY_SIMILAR = 0.7;

export type WordBag = Int32Array;

/** A text's words as numbers, sorted; `dictionary` numbers the words of all the bags compared together. */
export function wordBag(words: readonly string[], dictionary: Map<string, number>): WordBag {
  const ids = words.map((word) => {
    let id = dictionary.get(word);
    if (id === undefined) dictionary.set(word, (id = dictionary.size));
    return id;
  });
  return Int32Array.from(ids).sort();
}

export function similarity(a: WordBag, b: WordBag): number {
  const total = a.length + b.length;
  // Even if every word of the shorter were shared, this pair could not reach the threshold.
  if (a.length === 0 || b.length === 0 || (2 * Math.min(a.length, b.length)) / total < SIMILAR_ENOUGH) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * shared) / total;
}
