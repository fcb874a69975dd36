/**
 * Issue 12's smaller items, each fixed at its cause: one clear line, the exit code of the
 * contract, never "internal error".
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { datedBy } from '../../src/build/document-date.js';
import type { Io } from '../../src/build/io.js';
import { run } from '../../src/cli/main.js';
import { loadPlan } from '../../src/index.js';
import { ROOT } from '../helpers/run-mapc.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapc-causes-'));
  dirs.push(dir);
  return dir;
}

async function mapc(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd, env: { PATH: process.env.PATH, ...env }, isTTY: false };
  return { code: await run(argv, io), out };
}

describe('small causes of big failures', () => {
  it('a template that includes a mistyped partial: the plan is not built, the partial named with the nearest one', async () => {
    const dir = scratch();
    cpSync(join(ROOT, 'templates/strategy'), join(dir, 'tpl/strategy'), { recursive: true });
    const page = join(dir, 'tpl/strategy/document.hbs');
    writeFileSync(page, readFileSync(page, 'utf8').replace('{{> page-start}}', '{{> page-startt}}'));
    const { code, out } = await mapc(['build', '--to', 'html', '--template', 'tpl', '--out', 'site', join(ROOT, 'plans/devon-children-and-families-2004-05.yaml')], dir);
    expect(code).toBe(1);
    expect(out).toMatch(/was not built: the template of the document 'strategy' includes the partial 'page-startt', and there is no partials\/page-startt\.hbs: did you mean 'page-start'\?\n/);
    expect(out).not.toContain('internal error');
  });

  it('--timeout past what a timer can wait is refused, not a failure of every PDF', async () => {
    expect(await mapc(['build', '--to', 'pdf', '--timeout', '2200000', 'plans'], ROOT)).toEqual({ code: 2, out: "mapc: --timeout takes at most 86400 seconds (a day), not '2200000'.\n" });
  });

  it('SOURCE_DATE_EPOCH past the year 9999 is refused in words, not "Invalid time value"', () => {
    const { plan } = loadPlan(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), { env: {} });
    expect(() => datedBy(plan!, { SOURCE_DATE_EPOCH: '999999999999999' })).toThrow(/^SOURCE_DATE_EPOCH must be a number of seconds since 1970 \(before the year 10000\), not '999999999999999'\.$/);
    expect(datedBy(plan!, { SOURCE_DATE_EPOCH: '253402300799' }).date.toISOString()).toBe('9999-12-31T23:59:59.000Z');
  });

  it('init --authority with a line break is refused, rather than write a plan that does not parse', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'plans'));
    const { code, out } = await mapc(['init', 'plans/new.yaml', '--authority', 'Isle of\nWight Council'], dir);
    expect({ code, out }).toEqual({ code: 2, out: "mapc: --authority is the council's name on one line, without control characters.\n" });
  });

  it('a title with a vertical tab still gives a well-formed XMP packet (the control character is a space there)', async () => {
    // The XMP packet is the same for a one-page plan as for a long one: the short hostile
    // fixture, printed on the run's shared Chromium (not a Chromium of this test's own).
    const dir = scratch();
    mkdirSync(join(dir, 'plans'));
    const source = readFileSync(join(ROOT, 'tests/fixtures/hostile/good-plan.yaml'), 'utf8').replace(/^title: .*$/m, 'title: "Children\\vand Families"');
    expect(source, 'the title with a vertical tab is in the plan').toContain('title: "Children\\vand Families"');
    writeFileSync(join(dir, 'plans/vt.yaml'), source);
    const { code, out } = await mapc(['build', '--to', 'pdf', '--out', 'site', 'plans'], dir, { MAPC_BROWSER_URL: process.env.MAPC_BROWSER_URL });
    expect({ code, out }).toMatchObject({ code: 0 });
    const pdf = readFileSync(join(dir, 'site', 'hostile-target.pdf')).toString('latin1');
    const xmp = pdf.slice(pdf.indexOf('<?xpacket begin'), pdf.indexOf('<?xpacket end'));
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Children and Families</rdf:li>');
    expect(xmp).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it("mapc.yaml's title and authority are isolated as a plan's text is, so an override cannot turn what follows", async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'plans'));
    cpSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), join(dir, 'plans/devon.yaml'));
    writeFileSync(join(dir, 'mapc.yaml'), ['mapc: 1', 'id: whole', 'title: "Plan \\u202E2004-2008"', 'authority: "Devon \\u202BCouncil"', 'parts: [plans/devon.yaml]', 'build: { out: site, to: [html] }', ''].join('\n'));
    expect((await mapc(['build'], dir)).code).toBe(0);
    const contents = readFileSync(join(dir, 'site/index.html'), 'utf8');
    expect(contents).toContain('\u2068Plan \u202E2004-2008\u202C\u2069');
    expect(contents).toContain('\u2068Devon \u202BCouncil\u202C\u2069');
    expect(contents).not.toMatch(/\u202E2004-2008(?!\u202C)/);
  });

  it('a plan file whose name holds control characters is named with them shown, not sent to the terminal', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'plans'));
    cpSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), join(dir, 'plans', 'a\u001b[2Jb.yaml'));
    const { code, out } = await mapc(['build', '--to', 'html', '--out', 'site', 'plans'], dir);
    expect(code).toBe(0);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('plans/a\u241b[2Jb.yaml → site/devon-children-and-families-2004-05.html');
  });
});

