import mammoth from 'mammoth';
import type { Block } from './blocks.js';
import { readHtml } from './read-html.js';
import { zipEntries } from './zip-entries.js';

/** A Word document's parts, unpacked, may be this large at most: past it, it is a zip bomb, not a plan. */
const MAX_UNPACKED = 200 * 1024 * 1024;

export type DocxReading = { ok: true; blocks: Block[] } | { ok: false; reason: string };

/**
 * A .docx through mammoth, which turns Word's styles into HTML headings, its numbering into
 * real lists and its tables into tables; that HTML is then read like any page. Images are
 * left out (a plan has none), and the document may not reach for files outside itself.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  // An encrypted Word document is an OLE compound file holding the encrypted package, as is an old .doc.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { ok: false, reason: 'it is password-protected, or an old Word 97-2003 .doc: remove the password, or save it as .docx, and import again' };
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, reason: 'it is not a Word document (.docx files are zip archives, and this is not one)' };
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, reason: 'it is a damaged Word document (its zip directory cannot be read)' };
  if (!entries.some((e) => e.name === 'word/document.xml')) return { ok: false, reason: 'it is a zip archive but not a Word document (it has no word/document.xml)' };
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNPACKED) return { ok: false, reason: `it unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MB, far more than any plan` };
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
    );
    return { ok: true, blocks: readHtml(result.value) };
  } catch (error) {
    return { ok: false, reason: `it is a damaged Word document (${String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 160)})` };
  }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
