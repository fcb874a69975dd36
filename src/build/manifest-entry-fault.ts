import { isAbsolute, normalize, sep } from 'node:path';

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const OPTIONAL_TEXT = ['browser', 'project', 'template'] as const;

/**
 * Why an entry of a manifest.json cannot be trusted, or undefined when it has the shape
 * a build writes. `mapc verify` reads a manifest from a folder a pull request may have
 * written: an entry whose file leaves the folder (`../…`, an absolute path) would have a
 * file elsewhere hashed and counted as verified.
 */
export function manifestEntryFault(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'it is not an entry (an object with file, sha256, source, document and format)';
  const { file, sha256, source, document, format, sourceDateEpoch } = entry as Record<string, unknown>;
  if (typeof file !== 'string' || file === '' || CONTROL.test(file)) return 'its file is not a file name';
  if (isAbsolute(file) || file.includes('\\') || normalize(file).split(sep).includes('..')) return `its file '${file}' is not inside the folder`;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return 'its sha256 is not a SHA-256 hash';
  if (typeof source !== 'string' || source === '' || CONTROL.test(source)) return 'its source is not a file name';
  if (typeof document !== 'string' || CONTROL.test(document)) return 'its document is not a name';
  if (format !== 'html' && format !== 'pdf') return 'its format is neither html nor pdf';
  if (sourceDateEpoch !== undefined && (typeof sourceDateEpoch !== 'string' || !/^\d{1,12}$/.test(sourceDateEpoch))) return 'its sourceDateEpoch is not a number of seconds';
  for (const key of OPTIONAL_TEXT) {
    const value = (entry as Record<string, unknown>)[key];
    if (value !== undefined && (typeof value !== 'string' || CONTROL.test(value))) return `its ${key} is not text`;
  }
  return undefined;
}
