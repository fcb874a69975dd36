/**
 * Appends an incremental update to a PDF: new versions of some objects, a cross-reference
 * section for them and a trailer pointing back at the previous one (ISO 32000-1, 7.5.6).
 * The original bytes are kept as they are, so Chromium's tagging and outline stay intact,
 * and the result depends only on its inputs.
 */
export interface PdfTrailer {
  size: number;
  root: number;
  info: number | undefined;
  startxref: number;
}

/** Reads the last trailer of a PDF with a classic cross-reference table, as Chromium writes. */
export function readTrailer(pdf: string): PdfTrailer {
  const trailerAt = pdf.lastIndexOf('trailer');
  const startxrefAt = pdf.lastIndexOf('startxref');
  if (trailerAt < 0 || startxrefAt < 0) throw new Error('not a PDF with a classic cross-reference table');
  const trailer = pdf.slice(trailerAt, startxrefAt);
  const number = (key: string) => {
    const match = new RegExp(`/${key}\\s+(\\d+)`).exec(trailer);
    return match ? Number(match[1]) : undefined;
  };
  const size = number('Size');
  const root = number('Root');
  const startxref = Number(/startxref\s+(\d+)/.exec(pdf.slice(startxrefAt))?.[1]);
  if (size === undefined || root === undefined || !Number.isFinite(startxref)) throw new Error('unreadable PDF trailer');
  return { size, root, info: number('Info'), startxref };
}

/**
 * The dictionary text of an object, `<<...>>`, found through the cross-reference table
 * (never by searching the text, which a title such as "9 0 obj" could fool) and read to
 * its `endobj` outside any string (a title may say "endobj" too).
 */
export function objectBody(pdf: string, objectNumber: number): string {
  const start = objectOffset(pdf, objectNumber);
  const header = /^\s*\d+\s+\d+\s+obj\s*/.exec(pdf.slice(start, start + 40));
  if (!header) throw new Error(`PDF object ${objectNumber} is not where the cross-reference table says`);
  const bodyStart = start + header[0].length;
  // Widen the window one "endobj" at a time until one lies outside every string.
  for (let candidate = pdf.indexOf('endobj', bodyStart); candidate >= 0; candidate = pdf.indexOf('endobj', candidate + 6)) {
    const end = blankStrings(pdf.slice(bodyStart, candidate + 6)).indexOf('endobj');
    if (end >= 0) return pdf.slice(bodyStart, bodyStart + end).trim();
  }
  throw new Error(`PDF object ${objectNumber} has no end`);
}

/** Where object N starts, from the (last) classic cross-reference section. */
export function objectOffset(pdf: string, objectNumber: number): number {
  const startxref = Number(/startxref\s+(\d+)/.exec(pdf.slice(pdf.lastIndexOf('startxref')))?.[1]);
  const table = pdf.slice(startxref);
  const subsections = /^xref\s*\n/.exec(table);
  if (!subsections) throw new Error('no classic cross-reference table');
  let at = subsections[0].length;
  for (;;) {
    const heading = /^(\d+)\s+(\d+)\s*\r?\n/.exec(table.slice(at));
    if (!heading) break;
    at += heading[0].length;
    const first = Number(heading[1]);
    const count = Number(heading[2]);
    if (objectNumber >= first && objectNumber < first + count) {
      const entry = table.slice(at + (objectNumber - first) * 20, at + (objectNumber - first) * 20 + 18);
      return Number(entry.slice(0, 10));
    }
    at += count * 20;
  }
  throw new Error(`PDF object ${objectNumber} is not in the cross-reference table`);
}

/**
 * The text with the contents of PDF strings, literal `(...)` (nested, with escapes) and
 * hex `<...>`, replaced by spaces of the same length: keys and references can then be
 * found by pattern without a title's text posing as one.
 */
export function blankStrings(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '(') {
      let depth = 1;
      let j = i + 1;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '(') depth++;
        else if (text[j] === ')') depth--;
      }
      for (let k = i + 1; k < j - 1; k++) out[k] = ' ';
      i = j;
    } else if (c === '<' && text[i + 1] !== '<') {
      const j = text.indexOf('>', i);
      for (let k = i + 1; k < (j < 0 ? text.length : j); k++) out[k] = ' ';
      i = j < 0 ? text.length : j + 1;
    } else if (c === '<') i += 2;
    else i++;
  }
  return out.join('');
}

/**
 * `objects` maps object numbers (existing ones to replace, or new ones from `trailer.size`
 * on) to their full content between "N 0 obj" and "endobj".
 */
export function appendUpdate(pdf: Uint8Array, trailer: PdfTrailer, objects: ReadonlyMap<number, string>, newInfo?: number): Uint8Array {
  const parts: Buffer[] = [Buffer.from(pdf)];
  let offset = pdf.length;
  const push = (text: string) => {
    const bytes = Buffer.from(text, 'latin1');
    parts.push(bytes);
    offset += bytes.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push('\n');
  const offsets = new Map<number, number>();
  for (const [number, content] of [...objects].sort(([a], [b]) => a - b)) {
    offsets.set(number, offset);
    push(`${number} 0 obj\n${content}\nendobj\n`);
  }
  const xrefAt = offset;
  let xref = 'xref\n';
  for (const [number, at] of [...offsets].sort(([a], [b]) => a - b)) {
    xref += `${number} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  }
  const size = Math.max(trailer.size, ...[...objects.keys()].map((n) => n + 1));
  const info = newInfo ?? trailer.info;
  push(xref);
  push(`trailer\n<</Size ${size}\n/Root ${trailer.root} 0 R${info === undefined ? '' : `\n/Info ${info} 0 R`}\n/Prev ${trailer.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}
