/**
 * Files a pull request can add to a repository that mapc checks (issue 12): links out of
 * the project, git's own files, pipes and devices, paths in mapc.yaml that leave the
 * project, template files linked out of their folder, and a diff operand with two
 * readings. Each gives one clear problem or error, and no byte of what lies behind it.
 * Run in-process through run(argv, io), as the command line runs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/build/io.js';
import { run } from '../../src/cli/main.js';
import { PreviewServer } from '../../src/preview/preview-server.js';
import { ROOT } from '../helpers/run-mapc.js';

const SECRET = 'GITHUB_TOKEN=ghp_not-a-real-token-but-a-secret-all-the-same';
const GOOD_PLAN = readFileSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), 'utf8');

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A project folder with one good plan, and beside it (outside it) a secret file. */
function project(): { dir: string; secret: string } {
  const outer = mkdtempSync(join(tmpdir(), 'mapc-untrusted-'));
  dirs.push(outer);
  const secret = join(outer, 'secret.env');
  writeFileSync(secret, `${SECRET}\nAWS_SECRET: also-secret: yes: [\n`);
  const dir = join(outer, 'repo');
  mkdirSync(join(dir, 'plans'), { recursive: true });
  writeFileSync(join(dir, 'plans/good.yaml'), GOOD_PLAN);
  return { dir, secret };
}

async function mapc(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd, env: { PATH: process.env.PATH, ...env }, isTTY: false };
  const code = await run(argv, io);
  return { code, out };
}

const FORMATS = ['text', 'json', 'github'] as const;

describe('a plan file that is not what it seems', () => {
  it('a link to a file outside the project: one problem, in every format, and none of its content', async () => {
    const { dir, secret } = project();
    symlinkSync(secret, join(dir, 'plans/env.yaml'));
    for (const format of FORMATS) {
      const { code, out } = await mapc(['validate', '--format', format, 'plans'], dir);
      expect(code).toBe(1);
      expect(out).toContain('file/outside-project');
      expect(out).not.toContain('ghp_');
      expect(out).not.toContain('also-secret');
    }
  });

  it('a link into .git (the checkout\'s credentials) is never read, though it is inside the project', async () => {
    const { dir } = project();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git/config'), `[remote "origin"]\n\turl = https://x-access-token:${SECRET}@github.com/council/plans\n`);
    symlinkSync('../.git/config', join(dir, 'plans/config.yaml'));
    for (const format of FORMATS) {
      const { code, out } = await mapc(['validate', '--format', format, 'plans'], dir);
      expect(code).toBe(1);
      expect(out).toContain("git's own files");
      expect(out).not.toContain('ghp_');
    }
  });

  it('a link that stays inside the project is read as the file it leads to', async () => {
    const { dir } = project();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/plan.yaml'), GOOD_PLAN.replace(/^id: .*$/m, 'id: linked-plan'));
    symlinkSync('../shared/plan.yaml', join(dir, 'plans/linked.yaml'));
    expect(await mapc(['validate', 'plans'], dir)).toEqual({ code: 0, out: '2 files checked: no problems.\n' });
  });

  it('a named pipe in plans/ does not block: one problem, promptly', async () => {
    const { dir } = project();
    execFileSync('mkfifo', [join(dir, 'plans/pipe.yaml')]);
    const { code, out } = await mapc(['validate', 'plans'], dir);
    expect(code).toBe(1);
    expect(out).toMatch(/plans\/pipe\.yaml:1:1: error: Not read: it is not a regular file \(a pipe, a device or a socket\)\. A plan is a file of text\. \[file\/not-a-file\]/);
  });

  it('a link to /dev/zero is refused before a byte is read (it is outside, and not a file)', async () => {
    const { dir } = project();
    symlinkSync('/dev/zero', join(dir, 'plans/zero.yaml'));
    const { code, out } = await mapc(['validate', 'plans'], dir);
    expect(code).toBe(1);
    expect(out).toContain('file/outside-project');
  });
});

describe('mapc.yaml paths that leave the project', () => {
  it('parts, the output folder and the template folder outside the project are errors at their lines, and nothing is built', async () => {
    const { dir, secret } = project();
    writeFileSync(
      join(dir, 'mapc.yaml'),
      ['mapc: 1', 'id: whole', 'title: Whole', 'authority: Devon County Council', 'parts:', '  - plans/good.yaml', `  - ${secret}`, '  - ../secret.env', 'build:', '  out: ../site', '  template: ../templates', ''].join('\n'),
    );
    const { code, out } = await mapc(['validate'], dir);
    expect(code).toBe(1);
    expect(out.match(/^mapc\.yaml:(\d+):\d+: error: .* \[rule\/outside-project\]$/gm)?.map((l) => l.split(':')[1])).toEqual(['7', '8', '10', '11']);
    expect(out).not.toContain('ghp_');
    const built = await mapc(['build', '--to', 'html'], dir);
    expect(built.code).toBe(1);
    expect(existsSync(join(dir, '..', 'site'))).toBe(false);
    expect(readdirSync(join(dir, '..')).sort()).toEqual(['repo', 'secret.env']);
  });

  it('an output folder that is a link out of the project is refused too', async () => {
    const { dir } = project();
    mkdirSync(join(dir, '..', 'elsewhere'));
    symlinkSync('../elsewhere', join(dir, 'dist'));
    writeFileSync(join(dir, 'mapc.yaml'), ['mapc: 1', 'id: whole', 'title: Whole', 'authority: Devon County Council', 'parts: [plans/good.yaml]', 'build: { out: dist/site }', ''].join('\n'));
    const { code, out } = await mapc(['build', '--to', 'html'], dir);
    expect(code).toBe(1);
    expect(out).toMatch(/^mapc\.yaml:6:15: error: The output folder must be inside the project's folder/m);
    expect(readdirSync(join(dir, '..', 'elsewhere'))).toEqual([]);
  });
});

describe('a template folder with a stylesheet linked out of it', () => {
  it('stops the build with the file named, and publishes nothing of what it links to', async () => {
    const { dir, secret } = project();
    mkdirSync(join(dir, 'tpl/styles'), { recursive: true });
    cpSync(join(ROOT, 'templates/strategy'), join(dir, 'tpl/strategy'), { recursive: true });
    symlinkSync(secret, join(dir, 'tpl/styles/9-leak.css'));
    const { code, out } = await mapc(['build', '--to', 'html', '--template', 'tpl', '--out', 'site', 'plans'], dir);
    expect(code).toBe(2);
    expect(out).toContain('tpl/styles/9-leak.css: not read: it is a link to a file outside the folder it was found in');
    expect(out).not.toContain('ghp_');
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });
});

describe('diff operands', () => {
  function repository(): string {
    const { dir } = project();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'plans');
    return dir;
  }

  it('a folder named like a revision (HEAD:plans) is not silently taken for it: both readings are named', async () => {
    const dir = repository();
    mkdirSync(join(dir, 'HEAD:plans'));
    writeFileSync(join(dir, 'HEAD:plans/good.yaml'), GOOD_PLAN.replace('status: approved', 'status: draft'));
    const { code, out } = await mapc(['diff', 'HEAD:plans/good.yaml', 'plans/good.yaml'], dir);
    expect(code).toBe(2);
    expect(out).toBe("mapc: 'HEAD:plans/good.yaml' is both a file here and a plan in git (revision 'HEAD', path 'plans/good.yaml'). Write ./HEAD:plans/good.yaml for the file; for the plan in git, rename or move the file.\n");
    expect((await mapc(['diff', './HEAD:plans/good.yaml', 'plans/good.yaml'], dir)).code).not.toBe(2);
  });

  it('an operand that looks like an option reaches git as a revision, never as an option', async () => {
    const dir = repository();
    const { code, out } = await mapc(['diff', '--', '--output=/tmp/x:plans/good.yaml', 'plans/good.yaml'], dir);
    expect(code).toBe(2);
    expect(out).toBe("mapc: cannot read '--output=/tmp/x:plans/good.yaml' from git: git knows no revision '--output=/tmp/x'.\n");
    expect(existsSync('/tmp/x:plans')).toBe(false);
  });

  it('a plan read from git obeys the size limit', async () => {
    const dir = repository();
    const { code, out } = await mapc(['diff', 'HEAD:plans/good.yaml', 'plans/good.yaml'], dir, { MAPC_MAX_FILE_SIZE: '1000' });
    expect(code).toBe(2);
    expect(out).toContain("cannot read 'HEAD:plans/good.yaml' from git: it is more than the 1000 bytes a plan may be (MAPC_MAX_FILE_SIZE raises the limit).");
  });
});

describe('the preview server', () => {
  it('serves files in its folder, and never a link out of it, a pipe, or a path that climbs out', async () => {
    const { dir, secret } = project();
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'plan.html'), '<!doctype html><html><body><p>The plan</p></body></html>');
    symlinkSync(secret, join(out, 'leak.html'));
    symlinkSync('/', join(out, 'root'));
    execFileSync('mkfifo', [join(out, 'pipe.pdf')]);
    const server = new PreviewServer(out);
    const address = await server.listen(0, '127.0.0.1');
    try {
      const get = async (path: string) => {
        const response = await fetch(new URL(path, address));
        return { status: response.status, text: await response.text() };
      };
      expect(await get('/plan.html')).toMatchObject({ status: 200, text: expect.stringContaining('The plan') });
      for (const path of ['/leak.html', '/root/etc/hostname', '/pipe.pdf', '/%2e%2e/secret.env', '/..%2fsecret.env']) {
        const { status, text } = await get(path);
        expect(status, path).toBe(404);
        expect(text).not.toContain('ghp_');
      }
    } finally {
      await server.close();
    }
  });
});
