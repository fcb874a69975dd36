import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFileInside } from '../plan/read-file-inside.js';
import { manifestEntryFault } from './manifest-entry-fault.js';
import { sha256, writeFileAtomic } from './write-file.js';

/** A manifest of thousands of outputs is a few megabytes. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

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
  for (const entry of written) entries.set(entry.file, entry);
  for (const entry of readManifest(path)?.outputs ?? []) {
    // An output this build wrote again supersedes its old entry: no need to read and hash it
    // (rebuilding 2,000 outputs over the last build's re-hashed all 2,000, about 0.5 s).
    // An entry a build would not write (a corrupt or forged manifest) is dropped, and what it names never read.
    if (manifestEntryFault(entry) !== undefined || entries.has(entry.file)) continue;
    const file = join(folder, entry.file);
    if (existsSync(file) && sha256(readFileSync(file)) === entry.sha256) entries.set(entry.file, entry);
  }
  const manifest: Manifest = {
    version: 1,
    tool: { name: 'mapc', version },
    outputs: [...entries.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
  writeFileAtomic(path, JSON.stringify(manifest, null, 2) + '\n');
}

function readManifest(path: string): Manifest | undefined {
  try {
    // A manifest anyone may have written: a regular file inside its folder, of a sane size.
    const read = readFileInside(path, dirname(path), MAX_MANIFEST_BYTES);
    if ('reason' in read) return undefined;
    const manifest = JSON.parse(read.bytes.toString('utf8')) as Manifest;
    return manifest.version === 1 && Array.isArray(manifest.outputs) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
