import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../build/io.js';
import { PACKAGE_ROOT } from '../build/package-root.js';

export function schemaCommand(io: Io): number {
  io.stdout(readFileSync(join(PACKAGE_ROOT, 'schemas/plan.schema.json'), 'utf8'));
  return 0;
}
