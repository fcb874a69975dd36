import { isAlias, isCollection, isNode, isPair, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { ownValue } from './describe-location.js';
import { locatorFor } from './locate-in-yaml.js';
import type { Locator, Problem, SourceRange } from '../problems/problem.js';

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
export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
  });
  const toRange = (start: number, end: number): SourceRange => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(end, start + 1));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };
  const locate = locatorFor(doc, source, toRange);

  const problems = [...doc.errors, ...doc.warnings].map((error) => yamlProblem(error, source, toRange));
  // After a duplicate key the document still reads (the last value wins), so later
  // checks can run and report the file's other problems in the same run.
  if (doc.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return { data: undefined, problems, locate };

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

const YAML_CODES: Record<string, { code: string; message?: (text: string) => string }> = {
  DUPLICATE_KEY: {
    code: 'yaml/duplicate-key',
    message: (key) => `The key '${key}' appears twice in the same mapping; keep one of them.`,
  },
  TAB_AS_INDENT: {
    code: 'yaml/tab-indent',
    message: () => 'A tab is used for indentation; YAML indents with spaces only. Replace the tab with spaces.',
  },
  MULTIPLE_DOCS: {
    code: 'yaml/multiple-documents',
    message: () => 'A plan file holds one YAML document, but this one has a second `---`. Put each plan in its own file.',
  },
  BAD_ALIAS: { code: 'yaml/unknown-anchor' },
};

const GENERIC_HINT = "Check the indentation, and quote text that contains ': ' or starts with a special character.";

/** What to do about the syntax errors officers make most, in their words rather than the parser's. */
const SYNTAX_HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: "This value contains ': ', which YAML reads as a second key. Put the value in quotes: title: \"Note: this\".",
  MISSING_CHAR: 'A quoted text is not closed: add the closing quote.',
  BAD_INDENT: 'The indentation is uneven: line up the keys of one mapping (or the dashes of one list) in the same column.',
  MULTILINE_IMPLICIT_KEY: 'A key must be on one line; check for a missing colon or a stray line break.',
};

function yamlProblem(error: YAMLError, source: string, toRange: (s: number, e: number) => SourceRange): Problem {
  if (/call stack/i.test(error.message)) {
    // The parser recursed until the stack ran out: thousands of nested lists or mappings.
    return {
      severity: 'error',
      code: 'yaml/too-deep',
      message: 'The file nests lists or mappings too deeply to be read (a plan needs a few levels, not thousands).',
      pointer: '',
      range: toRange(error.pos[0], error.pos[1]),
    };
  }
  const known = ownValue(YAML_CODES, error.code);
  let [start, end] = error.pos;
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    // An unclosed quote runs to the end of the file; the mistake is where the quote opened.
    start = openingQuote(source, start, error.message.includes("'") ? "'" : '"');
    end = start + 1;
  }
  if (error.code === 'DUPLICATE_KEY') end = start + keyLength(source.slice(start));
  const text = source.slice(start, end);
  const message = known?.message ? known.message(text) : syntaxMessage(error);
  return {
    severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
    code: known?.code ?? 'yaml/syntax',
    message,
    pointer: '',
    range: toRange(start, end),
  };
}

function syntaxMessage(error: YAMLError): string {
  const sentence = error.message.replace(/ at line \d+, column \d+.*$/s, '').replace(/\.?$/, '.');
  const quote = error.code === 'MISSING_CHAR' && /quote/.test(error.message);
  const hint = (quote ? SYNTAX_HINTS.MISSING_CHAR : error.code === 'MISSING_CHAR' ? undefined : ownValue(SYNTAX_HINTS, error.code)) ?? GENERIC_HINT;
  return `YAML syntax: ${sentence} ${hint}`;
}

/** The length of the key that starts `text` (the parser marks only its first character). */
function keyLength(text: string): number {
  return /^("[^"\n]*"|'[^'\n]*'|[^:\n]*[^:\s])/.exec(text)?.[0].length ?? 1;
}

/** The last quote before `before` that starts a value (after `key: `, `- ` or indentation). */
function openingQuote(source: string, before: number, quote: string): number {
  const starts = [...source.slice(0, before).matchAll(new RegExp(`(?:^|[:\\-,\\[{])[ \\t]*(${quote})`, 'gm'))];
  const last = starts[starts.length - 1];
  return last ? last.index + last[0].length - 1 : before;
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
