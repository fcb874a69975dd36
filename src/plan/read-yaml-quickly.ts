import { CORE_SCHEMA, constructFromEvents, EVENT_ID, parseEvents, SCALAR_STYLE_PLAIN, type Event } from 'js-yaml';

/** Plain scalars that YAML's core schema reads as null: as a key, the yaml package makes them '' where js-yaml makes them 'null'. */
const NULL_LIKE = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Plain scalars that YAML's core schema reads as numbers (but .inf and .nan). */
const NUMBER_LIKE = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/**
 * The yaml package refuses a key whose ':' is over 1024 characters from its start, and
 * js-yaml reads it; a plan's keys are words, so anything near that length is declined.
 */
const LONG_KEY = 512;

/**
 * Layouts the two readers read differently (found by fuzzing them against each other, and
 * in review): a carriage return alone (a line break to js-yaml, text to the yaml package),
 * a tab in the indentation (an error to parseYaml), a flow collection closed at its
 * parent's indentation (a warning from parseYaml), a document marker that is indented or
 * ends the document, and a directive (js-yaml ignores one it does not know; parseYaml warns).
 * A byte-order mark is another (readPlanFile has removed the one a file may start with).
 */
const LAYOUTS_READ_DIFFERENTLY = /\r(?!\n)|^ *\t|^[ \t]*[\]}]|^(?:\.\.\.|[ \t]+---)(?:[ \t]|$)|^%/m;

/**
 * A plan file's data read by js-yaml, which keeps no positions and reads a 26 kB plan
 * three times faster than the yaml package does in a fresh process (12 ms against 40:
 * most of `mapc validate`'s own time). Only for the common case of a file with nothing
 * to report: the caller checks the data and, at the first problem, reads the file again
 * with parseYaml, the reference reader, which keeps positions and words YAML's errors.
 *
 * Returns undefined for anything parseYaml might read differently or warn about: syntax
 * errors, duplicate keys, nesting past 100, several documents, directives, tags, anchors
 * and aliases (parseYaml bounds their expansion), null keys, keys longer than the yaml
 * package allows, numbers too large to hold (Infinity to it, text to js-yaml), a root
 * that is not a mapping, and the layouts above. tests/plan/read-yaml-quickly.test.ts
 * holds the two readers to the same data on thousands of mutated plans.
 */
export function readYamlQuickly(source: string): unknown {
  if (LAYOUTS_READ_DIFFERENTLY.test(source) || source.includes('\ufeff')) return undefined;
  let events: Event[];
  try {
    events = parseEvents(source, {});
  } catch {
    return undefined;
  }
  if (!onlyPlainNodes(events, source)) return undefined;
  try {
    const documents = constructFromEvents(events, { source, schema: CORE_SCHEMA, maxAliases: 0 });
    return documents.length === 1 ? documents[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when the events hold one document, a mapping (as every plan is: the readers differ
 * on some scalars at the root), of untagged, unanchored nodes, with no null or long keys
 * and no number too large to hold.
 */
function onlyPlainNodes(events: Event[], source: string): boolean {
  let documents = 0;
  // One entry per open node: for a mapping, how many keys and values it has had so far; -1 for the document or a sequence.
  const open: number[] = [];
  const inMapping = (): boolean => (open[open.length - 1] ?? -1) >= 0;
  const atKey = (): boolean => inMapping() && open[open.length - 1]! % 2 === 0;
  const atRoot = (): boolean => open.length === 1;
  const counted = (): void => {
    if (inMapping()) open[open.length - 1]!++;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return false;
        open.push(-1);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (event.anchorStart >= 0 || event.tagStart >= 0 || (atRoot() && event.type !== EVENT_ID.MAPPING)) return false;
        counted();
        open.push(event.type === EVENT_ID.MAPPING ? 0 : -1);
        break;
      case EVENT_ID.SCALAR: {
        if (event.anchorStart >= 0 || event.tagStart >= 0 || atRoot()) return false;
        const plain = event.style === SCALAR_STYLE_PLAIN ? source.slice(event.valueStart, event.valueEnd) : undefined;
        if (plain !== undefined && NUMBER_LIKE.test(plain) && !Number.isFinite(Number(plain))) return false;
        if (atKey() && ((plain !== undefined && NULL_LIKE.has(plain)) || source.indexOf(':', event.valueEnd) - event.valueStart > LONG_KEY)) return false;
        counted();
        break;
      }
      case EVENT_ID.ALIAS:
        return false;
      case EVENT_ID.POP:
        open.pop();
        break;
    }
  }
  return documents === 1;
}
