import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMapc } from '../helpers/run-mapc.js';

function file(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mapc-hostile-')), name);
  writeFileSync(path, content);
  return path;
}

async function problemsOf(path: string, env: NodeJS.ProcessEnv = {}) {
  const result = await runMapc(['validate', '--format', 'json', path], { env });
  expect(result.stderr).toBe('');
  return { code: result.code, problems: JSON.parse(result.stdout).files[0].problems as { code: string; message: string }[] };
}

describe('YAML that tries to exhaust the tool', () => {
  it('nesting 10,000 levels deep is a clear error, not a crash', async () => {
    const { code, problems } = await problemsOf(file('deep.yaml', `mapc: 1\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`));
    expect(code).toBe(1);
    expect(problems.map((p) => p.code)).toEqual(['yaml/too-deep']);
  });

  it('a file over the size limit is refused before it is read, with how to raise the limit', async () => {
    const big = file('big.yaml', `mapc: 1\nsummary: "${'word '.repeat(1_300_000)}"\n`);
    const { code, problems } = await problemsOf(big);
    expect(code).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ code: 'file/too-large', message: expect.stringMatching(/^This file is 6\.2 MB, more than the 5\.0 MB a plan may be\. .*MAPC_MAX_FILE_SIZE/) })]);
    const limited = await problemsOf(file('small.yaml', 'mapc: 1\n' + 'x-a: b\n'.repeat(200)), { MAPC_MAX_FILE_SIZE: '1000' });
    expect(limited.problems.map((p) => p.code)).toEqual(['file/too-large']);
  });
});
