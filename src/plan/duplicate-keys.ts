import { isCollection, isMap, isPair, isScalar, YAMLParseError, type Document } from 'yaml';

/**
 * The duplicate keys of a document, each reported as the yaml package's own `uniqueKeys`
 * check reports one (DUPLICATE_KEY at the key's first character), found in one pass with a
 * set per mapping. The package compares each key with every key before it in its mapping:
 * a plan with 80,000 keys in one mapping took 44 s to read, and one of the 5 MB a file may
 * be would have taken most of an hour. Keys are equal as the package has them equal: scalars
 * of the same value (1 and "1" differ; .nan equals no key, not even .nan); a collection or an
 * alias as a key equals no other. Each is placed at its key's first character, as the package
 * places it, but for an empty key (`: value`), which the package places after any comment
 * lines before it and this at the colon's line.
 */
export function duplicateKeyErrors(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  // A stack, not recursion: a document may nest thousands deep.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isCollection(node)) continue;
    const keys = new Set<unknown>();
    for (const item of node.items) {
      if (!isPair(item)) {
        pending.push(item);
        continue;
      }
      const key = item.key;
      if (isMap(node) && isScalar(key) && key.range && !Number.isNaN(key.value)) {
        if (keys.has(key.value)) errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        else keys.add(key.value);
      }
      pending.push(item.key, item.value);
    }
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
