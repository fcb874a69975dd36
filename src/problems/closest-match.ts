/**
 * Longer than this, a string is not a typo of a key or an id (ids are at most 100
 * characters): no suggestion is looked for, so that a hostile 10,000-character id costs
 * nothing here.
 */
export const MAX_SUGGESTION_LENGTH = 200;

/**
 * The candidate nearest to `input`, for "did you mean" suggestions, or undefined when
 * nothing is near enough to be a likely typo (more than a third of the letters differ).
 * Work is bounded: O(length × allowed distance) per candidate, O(length) memory.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_SUGGESTION_LENGTH) return undefined;
  const wanted = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > MAX_SUGGESTION_LENGTH) continue;
    const allowed = Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3));
    // Only a candidate nearer than the best so far, and near enough to be a typo, matters.
    const limit = Math.min(allowed, bestDistance - 1);
    if (limit < 0) continue;
    const distance = editDistance(wanted, candidate.toLowerCase(), limit);
    if (distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one typo, not two.
 * With a `limit`, only the band of cells within `limit` of the diagonal is computed and the
 * answer is `limit + 1` as soon as the distance is known to be larger.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  const band = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
  const over = band + 1;
  // Three rows (the swap looks two back); cells outside the band count as "over".
  let before = new Array<number>(cols).fill(over);
  let previous = new Array<number>(cols).fill(over);
  let current = new Array<number>(cols).fill(over);
  for (let j = 0; j < cols && j <= band; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    // Only the cells just outside the band are read; the arrays hold older rows there.
    current[0] = i <= band ? i : over;
    if (from > 1) current[from - 1] = over;
    let rowMin = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      value = Math.min(value, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length]!;
  return distance > limit ? limit + 1 : distance;
}
