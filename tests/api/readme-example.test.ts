import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/mapc.js';
import { tempDir } from '../helpers/temporary.js';

/** The first ```js block of the README's section on using mapc from a script. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using mapc from a script'));
  const block = /```js\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the README has no ```js example under "Using mapc from a script"');
  return block[1]!;
}

describe('the API example in the README', () => {
  it("runs as written, in a folder of plans, importing 'mapc' as an installed package", async () => {
    const dir = tempDir('api');
    cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
    // An installed mapc, as a council's script would have it: node_modules/mapc is this package.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'mapc'), 'dir');
    writeFileSync(join(dir, 'example.mjs'), readmeExample());
    const { stdout } = await promisify(execFile)(process.execPath, ['example.mjs'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    expect(stdout).toContain('0 errors, 0 warnings in 4 files');
    expect(stdout).toContain('wrote iow-qp-map-2002-03.html');
    expect(stdout).toContain('wrote iow-qp-map-2002-03.report.html');
    expect(stdout).toContain('site verified');
    expect(stdout).toMatch(/^\d+ changes from 2002-03 to 2003-04$/m);
    expect(existsSync(join(dir, 'site', 'manifest.json'))).toBe(true);
  });
});
