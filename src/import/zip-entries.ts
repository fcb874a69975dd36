export interface ZipEntry {
  name: string;
  /** Uncompressed size, as the central directory declares it. */
  size: number;
}

/**
 * The entries of a zip archive, read from its central directory without unpacking
 * anything: enough to see that a .docx is one and what it would unpack to. Undefined when
 * the directory cannot be found or runs past the end (a truncated or damaged file).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return undefined;
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
