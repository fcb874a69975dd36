import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The installed mapc package: the same two levels up from src/cli (tests) and dist/cli (the build). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
