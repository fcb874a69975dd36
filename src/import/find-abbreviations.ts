import type { Guess } from './draft.js';

const CONNECTORS = new Set(['of', 'and', '&', 'for', 'the', 'to', 'on', 'in']);

/**
 * Abbreviations the document expands itself, written "Full Name (ABBR)": the words before
 * the bracket whose initials spell the abbreviation. Where the initials do not quite
 * spell it, the expansion is a guess. Abbreviations never expanded are left to
 * `mapc validate`, which warns of them.
 */
export function findAbbreviations(texts: string[]): Map<string, Guess<string>> {
  const found = new Map<string, Guess<string>>();
  for (const text of texts) {
    for (const match of text.matchAll(/\(([A-Z][A-Za-z&]*[A-Z][a-z]?)\.?\)/g)) {
      const abbreviation = match[1]!;
      const letters = abbreviation.replace(/[^A-Z]/g, '');
      if (letters.length < 2 || found.has(abbreviation)) continue;
      const expansion = expansionBefore(text.slice(0, match.index).trimEnd(), letters);
      if (expansion) found.set(abbreviation, expansion);
    }
  }
  return found;
}

function expansionBefore(before: string, letters: string): Guess<string> | undefined {
  const words = before.split(/\s+/);
  const taken: string[] = [];
  let initials = '';
  for (let i = words.length - 1; i >= 0 && initials.length < letters.length; i--) {
    const word = words[i]!.replace(/[,;:]$/, '');
    if (word !== words[i] && taken.length > 0) break;
    if (CONNECTORS.has(word.toLowerCase()) && taken.length > 0) {
      taken.unshift(word);
      continue;
    }
    if (!/^[A-Z]/.test(word)) break;
    taken.unshift(word);
    // "Looked-after" gives L and A; "Children's" gives C.
    initials = word.split('-').map((part) => part[0]!.toUpperCase()).join('') + initials;
  }
  while (taken.length > 0 && CONNECTORS.has(taken[0]!.toLowerCase())) taken.shift();
  if (taken.length === 0) return undefined;
  const value = taken.join(' ').replace(/^[(“"']+/, '');
  if (initials === letters) return { value };
  if (initials.length >= 2 && initials.endsWith(letters.slice(-1)) && initials[0] === letters[0]) return { value, check: `the initials of "${value}" do not quite spell it` };
  return undefined;
}
