/**
 * Temporary folders that go when their test ends. Made in a test (or its beforeEach), a
 * folder is removed once the test has finished, passed or failed; made in a beforeAll, for
 * the tests of a file to share, it is removed after the file's tests (tests/setup.ts).
 *
 * Test files share a worker and its modules (vitest.config.ts: isolate false), so what a
 * helper module keeps for a file's tests is forgotten at the end of the file: `oncePerFile`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

const forTheFile: string[] = [];
const forgetAtEndOfFile: (() => void)[] = [];

/** A fresh empty folder under the system's temporary folder, named `mapc-test-LABEL-…`. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mapc-test-${label}-`));
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
  const dir = mkdtempSync(join(tmpdir(), `mapc-test-${label}-`));
  forTheFile.push(dir);
  return dir;
}

/** `make()`, made at the first call in a test file and shared by its later calls, until the file's tests end. */
export function oncePerFile<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  forgetAtEndOfFile.push(() => (made = undefined));
  return () => (made ??= { value: make() }).value;
}

/** Removes the folders made for the whole file and forgets what was made once for it (tests/setup.ts calls it after the file's tests). */
export function endOfFile(): void {
  for (const forget of forgetAtEndOfFile) forget();
  for (const dir of forTheFile.splice(0)) remove(dir);
}

function remove(dir: string): void {
  // A folder that cannot be removed (a mount left behind) fails its test or file: it would outlive the run.
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
