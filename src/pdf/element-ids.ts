/**
 * Chromium names tagged elements (table cells, for their headers) `node00000443` after a
 * counter that runs across every document the browser has printed, and lists them in the
 * structure tree's IDTree, a name tree, in an order that follows those numbers. So the same
 * HTML printed after other documents gets other names, and its name tree another order.
 * Numbered again from 1 in order of appearance, at the same length, with every name tree of
 * them sorted again (as a name tree must be), they depend on the document alone.
 */
export function renumberElementIds(pdf: Uint8Array): Uint8Array {
  const out = Buffer.from(pdf);
  const text = out.toString('latin1');
  const renamed = new Map<string, string>();
  for (const match of text.matchAll(/\/ID\s*\((node)(\d+)\)/g)) {
    const original = match[1]! + match[2]!;
    if (!renamed.has(original)) renamed.set(original, `node${String(renamed.size + 1).padStart(match[2]!.length, '0')}`);
  }
  if (renamed.size === 0) return out;
  const pattern = new RegExp(`\\((${[...renamed.keys()].join('|')})\\)`, 'g');
  for (const match of text.matchAll(pattern)) out.write(renamed.get(match[1]!)!, match.index + 1, 'latin1');
  sortNameTrees(out);
  return out;
}

/** A name tree's leaf of element ids: `/Limits [(first) (last)]` (optional) and `/Names [(id) N 0 R …]`. */
const ID_LEAF = /(\/Limits\s*\[\s*\((node\d+)\)\s*\((node\d+)\)\s*\]\s*)?\/Names\s*\[((?:\s*\(node\d+\)\s*\d+\s+\d+\s+R)+)\s*\]/g;
const ENTRY = /\((node\d+)\)\s*(\d+\s+\d+\s+R)/g;

/** Sorts each leaf's entries by name and sets its limits, in place, at the same length. */
function sortNameTrees(out: Buffer): void {
  const text = out.toString('latin1');
  for (const leaf of text.matchAll(ID_LEAF)) {
    const entries = [...leaf[4]!.matchAll(ENTRY)].map((entry) => ({ name: entry[1]!, target: entry[2]! }));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const first = entries[0]!.name;
    const last = entries.at(-1)!.name;
    // As Chromium writes it, or with no space a delimiter does not need: the names are as long as before.
    const written = [' ', ''].map((space) => {
      const names = entries.map((entry) => `(${entry.name})${space}${entry.target}`).join(space);
      return `${leaf[1] === undefined ? '' : `/Limits${space}[(${first})${space}(${last})]${space ? '\n' : ''}`}/Names${space}[${names}]`;
    });
    const fits = written.find((candidate) => candidate.length <= leaf[0].length)!;
    out.write(fits.padEnd(leaf[0].length, ' '), leaf.index, 'latin1');
  }
}
