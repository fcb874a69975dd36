import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ToolError } from '../problems/tool-error.js';

/**
 * Writes a file so that it is never seen half-written: into a temporary file beside it,
 * then renamed over the old one (atomic on one filesystem). A failure leaves the old
 * file as it was.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // `--out new-folder/plan.yaml` makes the folder, as a build makes its output folder.
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw new ToolError(`cannot write '${path}': ${reasonFor(error)}. The previous file, if any, is unchanged.`);
  }
}

/** Removes a temporary file if it is there; where there is no folder to hold it (ENOTDIR), there is nothing to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The write already failed; that is the error worth reporting.
  }
}

export function ensureOutputFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new ToolError(`cannot create the output folder '${folder}': ${reasonFor(error)}.`);
  }
}

/** What went wrong with a file, in words rather than an error code. */
function reasonFor(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (the folder or file is read-only or protected)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file stands where a folder is needed; choose another --out';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'a folder stands where the file would go; move it, or choose another --out';
    default:
      return (error as Error).message.split('\n')[0]!;
  }
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface ManifestEntry {
  /** Path relative to the output folder. */
  file: string;
  sha256: string;
  /** The plan it was built from, relative to the working folder. */
  source: string;
  document: string;
  format: 'html' | 'pdf';
  /** The browser that printed a PDF: the same plan, tool and browser give the same bytes. */
  browser?: string;
  /** The mapc.yaml this output was built as part of (its links depend on the other parts). */
  project?: string;
  /** The --template the output was built with, when not the default. */
  template?: string;
  /** SOURCE_DATE_EPOCH, when it gave a PDF its date (the plan had none of its own). */
  sourceDateEpoch?: string;
}

export interface Manifest {
  version: 1;
  tool: { name: 'mapc'; version: string };
  outputs: ManifestEntry[];
}

export function readManifestOf(folder: string): Manifest | undefined {
  return readManifest(join(folder, 'manifest.json'));
}

/**
 * Records the outputs of this build in DIR/manifest.json, keeping the entries of earlier
 * builds whose files are still there unchanged, so that building one plan does not
 * forget the others. Sorted, and free of dates, so that it is reproducible too.
 */
export function updateManifest(folder: string, version: string, written: ManifestEntry[]): void {
  const path = join(folder, 'manifest.json');
  const entries = new Map<string, ManifestEntry>();
  for (const entry of readManifest(path)?.outputs ?? []) {
    const file = join(folder, entry.file);
    if (existsSync(file) && sha256(readFileSync(file)) === entry.sha256) entries.set(entry.file, entry);
  }
  for (const entry of written) entries.set(entry.file, entry);
  const manifest: Manifest = {
    version: 1,
    tool: { name: 'mapc', version },
    outputs: [...entries.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
  writeFileAtomic(path, JSON.stringify(manifest, null, 2) + '\n');
}

function readManifest(path: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return manifest.version === 1 && Array.isArray(manifest.outputs) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
