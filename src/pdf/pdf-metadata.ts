import { accessibilityObjects } from './pdf-accessibility.js';
import { renumberElementIds } from './element-ids.js';
import { appendUpdate, objectBody, readTrailer } from './pdf-incremental-update.js';
import { pdfTextString as pdfString, rebuildOutline, type Heading } from './pdf-outline.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Written as the creation and modification dates: a fixed date, so that builds are reproducible. */
  date: Date;
  /** The program that made the document, e.g. "mapc 0.1.0". */
  creator: string;
  lang: string;
  /** The document's headings in order; when given, the bookmarks are rebuilt from them (levels 1-3). */
  headings?: Heading[];
}

/**
 * Sets a Chromium PDF's metadata: the document information dictionary (title, author,
 * subject, keywords, creator, dates) and an XMP metadata stream with the same facts, as
 * PDF/UA asks. Chromium stamps the clock into its own dates; they are overwritten in place
 * with the given date, so that the same HTML gives the same bytes.
 */
export function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array {
  const fixedDates = renumberElementIds(replaceClockDates(pdf, pdfDate(metadata.date)));
  const text = Buffer.from(fixedDates).toString('latin1');
  const trailer = readTrailer(text);
  const infoNumber = trailer.info ?? trailer.size;
  const xmpNumber = Math.max(trailer.size, infoNumber + 1);
  const catalog = objectBody(text, trailer.root).replace(/\s*\/Metadata\s+\d+\s+0\s+R/, '');
  const info = [
    `/Title ${pdfString(metadata.title)}`,
    `/Author ${pdfString(metadata.author)}`,
    `/Subject ${pdfString(metadata.subject)}`,
    `/Keywords ${pdfString(metadata.keywords.join(', '))}`,
    `/Creator ${pdfString(metadata.creator)}`,
    `/Producer ${pdfString(producerOf(text))}`,
    `/CreationDate (${pdfDate(metadata.date)})`,
    `/ModDate (${pdfDate(metadata.date)})`,
  ].join('\n');
  // Artifacts, role map and link descriptions: PDF/UA is declared only when all were made.
  const accessibility = accessibilityObjects(text, catalog);
  const xmp = Buffer.from(xmpPacket(metadata, producerOf(text), accessibility.complete), 'utf8').toString('latin1');
  const outline = metadata.headings ? rebuildOutline(text, catalog, metadata.headings, xmpNumber + 1) : undefined;
  const newCatalog = outline ? catalog.replace(/\/Outlines\s+\d+\s+0\s+R/, `/Outlines ${outline.root} 0 R`) : catalog;
  const objects = new Map<number, string>([
    ...accessibility.objects,
    [infoNumber, `<<${info}>>`],
    [trailer.root, `${newCatalog.replace(/>>\s*$/, '')}\n/Metadata ${xmpNumber} 0 R>>`],
    [xmpNumber, `<</Type /Metadata\n/Subtype /XML\n/Length ${Buffer.byteLength(xmp, 'latin1')}>>\nstream\n${xmp}\nendstream`],
    ...(outline?.objects ?? []),
  ]);
  return appendUpdate(fixedDates, trailer, objects, infoNumber);
}

/** Overwrites every `(D:…)` date Chromium wrote, byte for byte the same length. */
function replaceClockDates(pdf: Uint8Array, date: string): Uint8Array {
  const out = Buffer.from(pdf);
  const text = out.toString('latin1');
  const pattern = /\/(CreationDate|ModDate)\s*\((D:\d{14}[+\-Z][^)]*)\)/g;
  for (const match of text.matchAll(pattern)) {
    const original = match[2]!;
    const start = match.index + match[0].indexOf('(') + 1;
    out.write(date.padEnd(original.length, ' ').slice(0, original.length), start, 'latin1');
  }
  return out;
}

function producerOf(pdf: string): string {
  const match = /\/Producer\s*\(([^)]*)\)/.exec(pdf);
  return match ? match[1]! : 'Chromium';
}

/** D:YYYYMMDDHHmmSS+00'00', the form Chromium writes (so the in-place overwrite fits). */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

function xmpPacket(metadata: PdfMetadata, producer: string, pdfUa: boolean): string {
  // XML 1.0 allows no control character but tab and line breaks, not even escaped: a title
  // with a vertical tab would make the packet ill-formed. Each becomes a space, as it reads.
  const xml = (text: string) =>
    text
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  const iso = metadata.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(metadata.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(metadata.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(metadata.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${xml(metadata.keywords.join(', '))}</pdf:Keywords>`,
    `<pdf:Producer>${xml(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xml(metadata.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${iso}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${iso}</xmp:ModifyDate>`,
    '</rdf:Description>',
    ...(pdfUa ? ['<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">', '<pdfuaid:part>1</pdfuaid:part>', '</rdf:Description>'] : []),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}
