import { deflateSync, inflateSync } from 'node:zlib';
import { blankStrings, objectBody, objectOffset } from './pdf-incremental-update.js';
import { markArtifacts } from './pdf-artifacts.js';
import { pageObjects } from './pdf-pages.js';
import { pdfTextString } from './pdf-outline.js';

/**
 * What a tagged Chromium PDF lacks for PDF/UA-1's machine-checkable conditions, added as
 * new versions of its objects (for the caller's incremental update):
 *
 * - content outside marked content wrapped in /Artifact, page by page (pdf-artifacts.ts);
 * - a /RoleMap in the structure tree root for the PDF 2.0 types Chromium writes
 *   (/Strong, /Em, …) that PDF 1.7 and PDF/UA-1 do not know;
 * - /Contents on each Link annotation: the text of its link, else its URI.
 *
 * `complete` is true when every page was read and marked and every link described: only
 * then may the document declare PDF/UA.
 */
export interface AccessibilityUpdate {
  objects: Map<number, string>;
  complete: boolean;
}

/** PDF 2.0 (and HTML-derived) structure types, each mapped to the PDF 1.7 type it stands for. */
const ROLE_MAP: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  Aside: 'Div',
  FENote: 'Note',
  DocumentFragment: 'Div',
};

export function accessibilityObjects(pdf: string, catalog: string): AccessibilityUpdate {
  const objects = new Map<number, string>();
  let complete = true;
  const keysOf = (body: string) => blankStrings(body);
  const ref = (keys: string, key: string) => {
    const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(keys);
    return match ? Number(match[1]) : undefined;
  };

  // The role map, in the structure tree root.
  const structRoot = ref(keysOf(catalog), 'StructTreeRoot');
  if (structRoot === undefined) complete = false;
  else {
    const body = objectBody(pdf, structRoot);
    if (/\/RoleMap/.test(keysOf(body))) complete = false;
    else {
      const map = Object.entries(ROLE_MAP).map(([from, to]) => `/${from} /${to}`).join(' ');
      objects.set(structRoot, `${body.replace(/>>\s*$/, '')}\n/RoleMap <<${map}>>>>`);
    }
  }

  if (ref(keysOf(catalog), 'Pages') === undefined) complete = false;
  const pages = pageObjects(pdf, catalog);

  for (const page of pages) {
    const keys = keysOf(objectBody(pdf, page));
    const contents = ref(keys, 'Contents');
    const marked = contents === undefined ? undefined : markStream(pdf, contents);
    if (marked === undefined) complete = false;
    else if (marked !== null) objects.set(contents!, marked);

    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(keys)?.[1];
    for (const annot of annots?.matchAll(/(\d+)\s+0\s+R/g) ?? []) {
      const number = Number(annot[1]);
      const body = objectBody(pdf, number);
      const annotKeys = keysOf(body);
      if (!/\/Subtype\s*\/Link\b/.test(annotKeys) || /\/Contents\b/.test(annotKeys)) continue;
      const description = linkDescription(body, annotKeys);
      if (!description) {
        complete = false;
        continue;
      }
      objects.set(number, `${body.replace(/>>\s*$/, '')}\n/Contents ${pdfTextString(description)}>>`);
    }
  }
  return { objects, complete };
}

/** A link's description: "Link to" its URI, or the words of its destination's name. */
function linkDescription(body: string, keys: string): string | undefined {
  const uri = /\/URI\s*\(/.exec(keys);
  if (uri) {
    const open = uri.index + uri[0].length - 1;
    const close = keys.indexOf(')', open + 1);
    const text = body.slice(open + 1, close).replace(/\\([()\\])/g, '$1');
    return text ? `Link to ${text}` : undefined;
  }
  const dest = /\/Dest\s*\/([^\s/<>[\]()]+)/.exec(keys)?.[1];
  if (dest) {
    const words = dest.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/[-_]+/g, ' ').trim();
    return words ? `Go to ${words}` : undefined;
  }
  return undefined;
}

/**
 * A content stream's object with its unmarked content wrapped in /Artifact: its new text,
 * null when nothing needed marking, undefined when it could not be read (left as it is).
 */
function markStream(pdf: string, number: number): string | null | undefined {
  const start = objectOffset(pdf, number);
  const header = /^\s*\d+\s+\d+\s+obj\s*/.exec(pdf.slice(start, start + 40));
  if (!header) return undefined;
  const dictStart = start + header[0].length;
  const window = pdf.slice(dictStart, dictStart + 4096);
  const streamAt = blankStrings(window).indexOf('stream');
  if (streamAt < 0) return undefined;
  const dict = window.slice(0, streamAt).trim();
  const direct = /\/Length\s+(\d+)(\s+0\s+R)?/.exec(dict);
  if (!direct) return undefined;
  const length = direct[2] ? Number(/^\s*(\d+)/.exec(objectBody(pdf, Number(direct[1])))?.[1]) : Number(direct[1]);
  if (!Number.isFinite(length)) return undefined;
  const filters = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(dict)?.[1]?.replace(/[[\]]/g, '').trim();
  if (filters !== undefined && filters !== '/FlateDecode') return undefined;
  if (/\/DecodeParms/.test(dict)) return undefined;
  let dataStart = dictStart + streamAt + 'stream'.length;
  if (pdf[dataStart] === '\r') dataStart++;
  if (pdf[dataStart] === '\n') dataStart++;
  const raw = Buffer.from(pdf.slice(dataStart, dataStart + length), 'latin1');
  let content: string;
  try {
    content = (filters ? inflateSync(raw) : raw).toString('latin1');
  } catch {
    return undefined;
  }
  const marked = markArtifacts(content);
  if (marked === undefined) return undefined;
  if (marked === content) return null;
  const data = deflateSync(Buffer.from(marked, 'latin1'), { level: 6 });
  return `<</Filter /FlateDecode\n/Length ${data.length}>>\nstream\n${data.toString('latin1')}\nendstream`;
}
