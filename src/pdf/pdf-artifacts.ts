/**
 * Marks the content Chromium leaves outside any marked-content sequence as /Artifact
 * (PDF/UA-1 7.1-3, Matterhorn 01-003): the CSS margin boxes (running title, "Page N of
 * M", DRAFT), page backgrounds, and text the document made decoration (aria-hidden).
 *
 * A content stream is read operator by operator (strings with nested parentheses and
 * escapes, hex strings, dictionaries, arrays, comments, inline images), never by pattern.
 * Each run of painting operators outside marked content is wrapped in
 * `/Artifact BMC … EMC`, and a sequence never straddles a q/Q or BT/ET boundary: it opens
 * and closes at one graphics-state level, and a text object with no marked content inside
 * is wrapped whole. Content that cannot be read is left as it is (undefined).
 */

const OPEN = '/Artifact BMC\n';
const CLOSE = '\nEMC\n';
/**
 * A run that shows text is also given an empty /ActualText (an untagged /Span inside the
 * artifact): text extraction that does not know artifacts (poppler's pdftotext) then
 * leaves the running title, page numbers and DRAFT out of the reading, as a reader does.
 */
const OPEN_TEXT = '/Artifact BMC\n/Span <</ActualText ()>> BDC\n';
const CLOSE_TEXT = '\nEMC\nEMC\n';
const SHOWS_TEXT = new Set(['BT', 'Tj', 'TJ', "'", '"']);

/** Operators that paint, or build what a later operator paints or clips with. */
const CONTENT = new Set(['Tj', 'TJ', "'", '"', 'm', 'l', 'c', 'v', 'y', 'h', 're', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'n', 'W', 'W*', 'Do', 'sh', 'BI']);

interface Operator {
  name: string;
  /** Where its first operand (or the operator, with none) starts. */
  start: number;
  /** Just after the operator (after EI, for an inline image). */
  end: number;
}

const WHITE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) WHITE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

/** The operators of a content stream (as latin1 text), or undefined if it cannot be read. */
export function parseOperators(content: string): Operator[] | undefined {
  const operators: Operator[] = [];
  const n = content.length;
  let i = 0;
  let start = -1;
  while (i < n) {
    const c = content.charCodeAt(i);
    if (WHITE[c]) {
      i++;
      continue;
    }
    if (start < 0 && c !== 0x25) start = i;
    if (c === 0x25 /* % */) {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (c === 0x28 /* ( */) {
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const d = content.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else {
          if (d === 0x28) depth++;
          else if (d === 0x29) depth--;
          i++;
        }
      }
      if (depth > 0) return undefined;
    } else if (c === 0x3c /* < */) {
      if (content.charCodeAt(i + 1) === 0x3c) i += 2;
      else {
        const close = content.indexOf('>', i);
        if (close < 0 || !/^[0-9A-Fa-f\s]*$/.test(content.slice(i + 1, close))) return undefined;
        i = close + 1;
      }
    } else if (c === 0x3e /* > */) {
      if (content.charCodeAt(i + 1) !== 0x3e) return undefined;
      i += 2;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      i++;
    } else {
      let j = i + 1;
      while (j < n && !WHITE[content.charCodeAt(j)] && !DELIMITER[content.charCodeAt(j)]) j++;
      const token = content.slice(i, j);
      i = j;
      // Names, numbers and keywords are operands.
      if (c === 0x2f || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || token === 'true' || token === 'false' || token === 'null') continue;
      if (!/^[A-Za-z'"*0-9]+$/.test(token)) return undefined;
      if (token === 'BI') {
        // The image's data runs from one white byte after ID to an EI between white bytes.
        const id = content.indexOf('ID', i);
        if (id < 0) return undefined;
        let at = id + 3;
        for (;;) {
          at = content.indexOf('EI', at);
          if (at < 0) return undefined;
          if (WHITE[content.charCodeAt(at - 1)] && (at + 2 >= n || WHITE[content.charCodeAt(at + 2)] || DELIMITER[content.charCodeAt(at + 2)])) break;
          at += 2;
        }
        i = at + 2;
      } else if (token === 'ID' || token === 'EI') return undefined;
      operators.push({ name: token, start, end: i });
      start = -1;
    }
  }
  return start < 0 ? operators : undefined;
}

/**
 * The content with every painting run outside marked content wrapped in /Artifact;
 * the same string when there is none; undefined when it cannot be read or its marked
 * content does not balance.
 */
export function markArtifacts(content: string): string | undefined {
  const operators = parseOperators(content);
  if (!operators) return undefined;
  // For each BT: its ET, and whether marked content is inside.
  const textObjectEnd = new Map<number, { end: number; marked: boolean }>();
  let openText = -1;
  let markedInText = false;
  operators.forEach((op, k) => {
    if (op.name === 'BT') {
      openText = k;
      markedInText = false;
    } else if (op.name === 'BDC' || op.name === 'BMC' || op.name === 'EMC') markedInText = true;
    else if (op.name === 'ET' && openText >= 0) {
      textObjectEnd.set(openText, { end: k, marked: markedInText });
      openText = -1;
    }
  });

  const parts: string[] = [];
  let copied = 0;
  const insert = (at: number, text: string) => {
    parts.push(content.slice(copied, at), text);
    copied = at;
  };
  let depth = 0;
  let open = false;
  let openedAt = 0;
  let text = false;
  let lastEnd = 0;
  const begin = (at: number) => {
    if (open) return;
    insert(at, OPEN);
    openedAt = parts.length - 1;
    open = true;
    text = false;
  };
  const close = () => {
    if (!open) return;
    if (text) parts[openedAt] = OPEN_TEXT;
    insert(lastEnd, text ? CLOSE_TEXT : CLOSE);
    open = false;
  };
  for (let k = 0; k < operators.length; k++) {
    const op = operators[k]!;
    if (op.name === 'BDC' || op.name === 'BMC') {
      close();
      depth++;
    } else if (op.name === 'EMC') {
      if (depth === 0) return undefined;
      depth--;
    } else if (depth > 0) {
      // Inside marked content: nothing to do.
    } else if (op.name === 'BT' && textObjectEnd.get(k)?.marked === false) {
      // A text object with no marked content: one unit, wrapped whole.
      begin(op.start);
      text = true;
      k = textObjectEnd.get(k)!.end;
      lastEnd = operators[k]!.end;
      continue;
    } else if (op.name === 'q' || op.name === 'Q' || op.name === 'BT' || op.name === 'ET') {
      close();
    } else if (CONTENT.has(op.name)) {
      begin(op.start);
      if (SHOWS_TEXT.has(op.name)) text = true;
    }
    lastEnd = op.end;
  }
  close();
  if (depth !== 0) return undefined;
  if (parts.length === 0) return content;
  parts.push(content.slice(copied));
  return parts.join('');
}
