/**
 * Temporary folders that go when their test ends. Made in a test (or its beforeEach), a
 * folder is removed once the test has finished, passed or failed; made in a beforeAll, for
 * the tests of a file to share, it is removed after the file's tests (tests/setup.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

const forTheFile: string[] = [];

/** A fresh empty folder under the system's temporary folder (the run's: tests/global-setup.ts), named `LABEL-…`. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${label}-`));
  try {
    onTestFinished(() => remove(dir));
  } catch {
    // Not in a test: the file's folder, removed after its last test.
    forTheFile.push(dir);
  }
  return dir;
}

/** A fresh empty folder for the rest of the file's tests to share, removed after its last test. */
export function fileTempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${label}-`));
  forTheFile.push(dir);
  return dir;
}

/** Removes the folders made for the whole file (tests/setup.ts calls it after the file's tests). */
export function removeFileFolders(): void {
  for (const dir of forTheFile.splice(0)) remove(dir);
}

function remove(dir: string): void {
  // A folder a test could not free (a mount left behind) is the run's to remove: see tests/global-setup.ts.
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // left for the end of the run
  }
}
