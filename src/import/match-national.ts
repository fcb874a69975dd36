import type { Framework } from '../plan/frameworks.js';
import type { Guess } from './draft.js';

const STOP = new Set(['to', 'the', 'and', 'of', 'a', 'an', 'in', 'are', 'is', 'that', 'for', 'from', 'at', 'all', 'as', 'with', 'by', 'their', 'ensure', 'on', 'or']);

/** The content words of a text, lower case, for comparing wordings. */
function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w)));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * The national objective an "Objective N: <wording>" of a document stands for, by its
 * wording first: a council may number its objectives its own way, or skip one. The
 * number only confirms. A match that is not plainly the same wording is a guess.
 */
export function matchNational(framework: Framework, wording: string, number?: string): Guess<string> | undefined {
  const words = wordsOf(wording);
  const scored = framework.objectives.map((o) => ({ code: o.code, score: dice(words, wordsOf(o.wording)) })).sort((a, b) => b.score - a.score);
  const best = scored[0];
  const byNumber = number === undefined ? undefined : framework.objectives.find((o) => o.code.replace(/\D+/, '') === number);
  if (!best || best.score < 0.35) {
    return byNumber ? { value: byNumber.code, check: `matched to ${byNumber.code} by its number only; its wording is not the national objective's` } : undefined;
  }
  const runnerUp = scored[1]?.score ?? 0;
  const agreed = byNumber?.code === best.code;
  if (best.score >= 0.85 && agreed) return { value: best.code };
  const reasons = [`matched to ${best.code} by its wording (${Math.round(best.score * 100)}% the same words)`];
  if (byNumber && !agreed) reasons.push(`though its number points to ${byNumber.code}`);
  if (best.score - runnerUp < 0.1) reasons.push(`${scored[1]!.code} is nearly as close`);
  return { value: best.code, check: reasons.join(', ') };
}
