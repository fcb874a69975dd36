import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

const PLANS = ['plans/devon-part-3-3-example.yaml', 'plans/devon-children-and-families-2004-05.yaml'];

describe('what a build prints', () => {
  it('--format json: one summary of outputs and problems, nothing else', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-json-'));
    const result = await runMapc(['build', '--format', 'json', '--to', 'html', '--out', out, ...PLANS, 'tests/fixtures/broken/04-unknown-key-typo.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ version: 1, ok: false, errors: 1, warnings: 0 });
    expect(summary.outputs.map((o: { file: string; format: string }) => [o.file, o.format])).toEqual([
      [join(out, 'devon-part-3-3-example.html'), 'html'],
      [join(out, 'devon-children-and-families-2004-05.html'), 'html'],
    ]);
    expect(summary.notBuilt).toEqual([{ source: 'tests/fixtures/broken/04-unknown-key-typo.yaml', reason: 'fix the errors above.' }]);
    expect(summary.files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([
      [PLANS[0], true],
      [PLANS[1], true],
      ['tests/fixtures/broken/04-unknown-key-typo.yaml', false],
    ]);
  });

  it('plain lines when not on a terminal, a progress line on one', () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-progress-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const piped = execFileSync(process.execPath, [join(ROOT, 'bin/mapc.js'), 'build', '--to', 'pdf', '--jobs', '1', '--out', out, ...PLANS], { cwd: ROOT, env, encoding: 'utf8' });
    expect(piped).toBe(`${PLANS[0]} → ${join(out, 'devon-part-3-3-example.pdf')}\n${PLANS[1]} → ${join(out, 'devon-children-and-families-2004-05.pdf')}\n`);
    // script(1) gives mapc a terminal, as a person at one has.
    const command = `${process.execPath} bin/mapc.js build --to pdf --jobs 1 --out ${out} ${PLANS.join(' ')}`;
    const onTerminal = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(onTerminal).toContain('\r\u001b[2Kprinting 1 of 2: devon-part-3-3-example.pdf');
    expect(onTerminal).toContain('\r\u001b[2Kprinting 2 of 2: devon-children-and-families-2004-05.pdf');
  });
});
