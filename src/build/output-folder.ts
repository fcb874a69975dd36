import { dirname, join } from 'node:path';
import type { BuildListener } from './build-events.js';
import { updateManifest, type ManifestEntry } from './manifest.js';
import { onShutdown } from './on-shutdown.js';
import { ensureOutputFolder, replaceFile, sha256, writeFileAtomic } from './write-file.js';

/** An output about to be written: its manifest entry but for the hash, which is the content's. */
export type OutputEntry = Omit<ManifestEntry, 'sha256'>;

/**
 * The folder a build writes into. Every output, HTML, PDF or the whole document, goes
 * through `write`: written whole (a temporary file renamed into place), hashed, recorded
 * for the manifest and reported. `close` writes the manifest; so does Ctrl-C mid-build,
 * so that the manifest never lists the old hash of a file already replaced.
 */
export class OutputFolder {
  private readonly written: ManifestEntry[] = [];
  private readonly forget: () => void;

  /**
   * @param path the folder, absolute
   * @param label the folder as the user wrote it, for messages
   */
  constructor(
    readonly path: string,
    private readonly label: string,
    private readonly toolVersion: string,
    private readonly listener: Pick<BuildListener, 'wrote'>,
  ) {
    this.forget = onShutdown(async () => this.recordWritten());
  }

  write(output: OutputEntry, content: string | Uint8Array): ManifestEntry {
    if (this.written.length === 0) ensureOutputFolder(this.path);
    // The folder is made once, above; only an output in a folder of its own needs one made.
    if (dirname(output.file) === '.') replaceFile(join(this.path, output.file), content);
    else writeFileAtomic(join(this.path, output.file), content);
    // Key order as the manifest has always had it: the file, its hash, then what made it.
    const { file, ...made } = output;
    const entry: ManifestEntry = { file, sha256: sha256(content), ...made };
    this.written.push(entry);
    this.listener.wrote(entry, this.label);
    return entry;
  }

  /** Records what was written in the manifest: the build is done with the folder. */
  close(): void {
    this.forget();
    this.recordWritten();
  }

  private recordWritten(): void {
    if (this.written.length > 0) updateManifest(this.path, this.toolVersion, this.written);
  }
}
