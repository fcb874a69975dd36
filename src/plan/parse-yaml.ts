import { isAlias, isCollection, isNode, isPair, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { duplicateKeyErrors } from './duplicate-keys.js';
import { locatorFor } from './locate-in-yaml.js';
import { readPastMistakes } from './read-past-mistakes.js';
import { YAML_OPTIONS } from './yaml-options.js';
import { yamlProblem } from './yaml-problem.js';
import type { Locator, Problem, SourceRange } from '../problems/problem.js';

function parseText(source: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter });
  // One at a time: a file may hold hundreds of thousands, past what a spread call can pass.
  for (const error of duplicateKeyErrors(doc)) doc.errors.push(error);
  return { doc, lineCounter };
}

/** The errors the document cannot be read past (a duplicate key can: the last value wins). */
function fatalErrors(doc: Document): YAMLError[] {
  return doc.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
}

/**
 * The yaml package's measure of alias expansion (each alias weighted by what its anchor
 * holds). Past this, a file is a resource-exhaustion attack ("billion laughs"), not a
 * plan; a plan reusing a value a few hundred times stays well under it.
 */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedYaml {
  /** The plain data, or undefined when the YAML could not be read. */
  data: unknown;
  problems: Problem[];
  /** Maps a problem's JSON pointer back to its place in the source. */
  locate: Locator;
}

/**
 * Reads one YAML document as the plan format wants it: YAML 1.2 core schema (so dates stay
 * strings), duplicate keys an error, aliases bounded, and every node's position kept.
 */
export function parseYaml(written: string): ParsedYaml {
  let { doc, lineCounter } = parseText(written);
  let source = written;
  let mistakes: Problem[] = [];
  let placeInOriginal = (range: SourceRange): SourceRange => range;
  // Nesting too deep to read is no slip to mend, and reading it again costs seconds each time.
  if (fatalErrors(doc).length > 0 && !doc.errors.some((error) => /call stack/i.test(error.message))) {
    // Read past the mistakes that cascade, each reported once; later problems are placed in the text as written.
    const mended = readPastMistakes(written);
    if (mended.mistakes.length > 0) {
      ({ doc, lineCounter } = parseText(mended.text));
      ({ mistakes, placeInOriginal } = mended);
      source = mended.text;
    }
  }
  const toRange = (start: number, end: number): SourceRange => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(end, start + 1));
    return placeInOriginal({ line: from.line, column: from.col, endLine: to.line, endColumn: to.col });
  };
  const locate = locatorFor(doc, source, toRange);

  const fatal = fatalErrors(doc);
  // What follows the first error the parser could not read past is mostly that error misread again.
  const readUpTo = fatal.length > 0 ? Math.min(...fatal.map((error) => error.pos[0])) : Infinity;
  const reported = [...doc.errors, ...doc.warnings].filter((error) => error.pos[0] <= readUpTo);
  const problems = [...mistakes, ...reported.map((error) => yamlProblem(error, source, toRange))];
  // After a duplicate key the document still reads (the last value wins), so later
  // checks can run and report the file's other problems in the same run.
  if (fatal.length > 0) return { data: undefined, problems, locate };

  if (doc.contents === null) {
    problems.push({
      severity: 'error',
      code: 'yaml/empty-file',
      message: 'The file is empty: a plan starts with `mapc: 1`, then its id, kind, title, authority, period and objectives.',
      pointer: '',
      range: toRange(0, source.length),
    });
    return { data: undefined, problems, locate };
  }

  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems, locate };
  } catch (error) {
    // toJS throws for the two alias failures it detects only while expanding.
    const message = error instanceof Error ? error.message : String(error);
    const alias = firstAlias(doc);
    const range = alias?.range ? toRange(alias.range[0], alias.range[1]) : toRange(0, 1);
    const problem: Problem = /excessive alias count/i.test(message)
      ? {
          severity: 'error',
          code: 'yaml/too-many-aliases',
          message: `The file expands aliases (*name) so many times that it looks like an alias bomb (more than ${MAX_ALIAS_COUNT} expansions). Write the values out, or use fewer aliases.`,
          pointer: '',
          range,
        }
      : {
          severity: 'error',
          code: 'yaml/unknown-anchor',
          message: `${message.replace(/\.$/, '')}. Define the anchor (&name) before using the alias (*name).`,
          pointer: '',
          range,
        };
    problems.push(problem);
    return { data: undefined, problems, locate };
  }
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  const visit = (node: unknown): void => {
    if (found || !isNode(node)) return;
    if (isAlias(node)) {
      found = node;
      return;
    }
    if (isCollection(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          visit(item.key);
          visit(item.value);
        } else visit(item);
      }
    }
  };
  visit(doc.contents);
  return found;
}
