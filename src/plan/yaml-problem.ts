import type { YAMLError } from 'yaml';
import type { Problem, SourceRange } from '../problems/problem.js';
import { ownValue } from './describe-location.js';

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

/** A problem of the yaml package's, in an officer's words, placed where the mistake is. */
export function yamlProblem(error: YAMLError, source: string, toRange: (s: number, e: number) => SourceRange): Problem {
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
