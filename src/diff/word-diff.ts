import { diffArrays } from 'diff';
import type { TextChange, TextPiece } from './change.js';

/** Less than this share of the longer text's words kept, and the text counts as rewritten. */
const REWRITTEN_BELOW = 0.4;

/**
 * A text change word by word, with jsdiff's diff of the two texts' words. A word is what
 * lies between spaces, punctuation included, as `git diff --word-diff` reads it: "2002-2003"
 * becoming "2003-2004" is one word replaced, not three pieces of one. Spacing and line
 * breaks are not words, so text the officer's editor merely re-wrapped has not changed.
 * Pieces are runs of words; they are shown with one space between them. When little of
 * the old text is left, the pieces would be a confetti of insertions and deletions: the
 * change is then marked rewritten, to be shown as old and new whole.
 */
export function diffText(before: string, after: string): TextChange {
  const oldWords = words(before);
  const newWords = words(after);
  const pieces: TextPiece[] = [];
  let kept = 0;
  for (const part of diffArrays(oldWords, newWords)) {
    const op = part.added ? 'added' : part.removed ? 'removed' : 'same';
    if (op === 'same') kept += part.value.length;
    pieces.push({ op, text: part.value.join(' ') });
  }
  const longer = Math.max(oldWords.length, newWords.length);
  return { pieces, rewritten: longer > 0 && kept / longer < REWRITTEN_BELOW };
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}
