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

/** The dictionary text of an object, `<<...>>`, found by its header "N 0 obj". */
export function objectBody(pdf: string, objectNumber: number): string {
  const header = new RegExp(`(^|[\\r\\n])${objectNumber} 0 obj\\s*`, 'g');
  let last: RegExpExecArray | null = null;
  for (let match = header.exec(pdf); match; match = header.exec(pdf)) last = match;
  if (!last) throw new Error(`PDF object ${objectNumber} not found`);
  const start = last.index + last[0].length;
  const end = pdf.indexOf('endobj', start);
  return pdf.slice(start, end).trim();
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
