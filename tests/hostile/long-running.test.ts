/**
 * Long-running commands never die of one bad save or request (issue 12): `build --watch`
 * and `serve` say what is wrong in a line, keep the last good output and go on, recovering
 * on the next good save; they end only when stopped. In-process through WatchSession and
 * startPreview, and once through the built binary.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/build/io.js';
import { startPreview } from '../../src/preview/preview.js';
import { WatchSession } from '../../src/preview/watch-session.js';
import { ROOT, startBinary } from '../helpers/mapc.js';
import { waitFor } from '../helpers/processes.js';
import { tempDir } from '../helpers/temporary.js';

const PLAN = 'plans/devon-part-3-3-example.yaml';
const OUTPUT = 'out/devon-part-3-3-example.html';

/** A line of a JavaScript stack trace, as Node prints them. */
const STACK_LINE = /^\s+at\s+\S.*(\(|:\d+:\d+)/m;

/** An Io that keeps what is printed, in the folder `cwd`. */
function capturingIo(cwd: string) {
  let out = '';
  let err = '';
  const io: Io = { cwd, env: { ...process.env, NO_COLOR: '1' }, isTTY: false, stdout: (text) => void (out += text), stderr: (text) => void (err += text) };
  const all = () => out + err;
  return {
    io,
    stdout: () => out,
    stderr: () => err,
    /** Waits until `text` has been printed `times` times in all. */
    until: (text: string, times = 1) => waitFor(() => all().split(text).length - 1 >= times, 30_000, `"${text}" ×${times} in:\n${all()}`),
  };
}

function workspace(): string {
  const dir = tempDir('mapc-hostile-long-running');
  mkdirSync(join(dir, 'plans'));
  cpSync(join(ROOT, PLAN), join(dir, PLAN));
  return dir;
}

/** A document template of the user's, in look/, whose body is `body` and whose head is the partial `head`. */
function saveTemplate(dir: string, body: string, head = 'head'): void {
  mkdirSync(join(dir, 'look'), { recursive: true });
  writeFileSync(join(dir, 'look/document.hbs'), `<!DOCTYPE html>\n<html lang="en-GB">\n{{> ${head}}}\n<body><h1>${body}</h1></body>\n</html>\n`);
}

describe('build --watch with a template of the user\'s', () => {
  it('a mistyped partial, a template that fails as it renders: one line each, the last good output kept, rebuilt once fixed', async () => {
    const dir = workspace();
    saveTemplate(dir, 'First {{text title}}');
    const printed = capturingIo(dir);
    const session = new WatchSession({ cwd: dir, env: printed.io.env, paths: ['plans'], to: ['html'], out: 'out', template: 'look' }, false, printed.io);
    try {
      expect((await session.start()).ok).toBe(true);
      const good = readFileSync(join(dir, OUTPUT), 'utf8');
      expect(good).toContain('<h1>First Example Part</h1>');

      saveTemplate(dir, 'Second {{text title}}', 'hed');
      await printed.until('The last good output is kept.', 1);
      expect(printed.stderr()).toContain("includes the partial 'hed', and there is no partials/hed.hbs: did you mean 'head'?");
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toBe(good);

      // Compiles, but Handlebars throws when it is used: that used to end the session with a stack trace.
      saveTemplate(dir, '{{#each}}{{/each}}{{text title}}');
      await printed.until('The last good output is kept.', 2);
      expect(printed.stderr()).toMatch(/^mapc: .*Must pass iterator to #each/m);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toBe(good);

      saveTemplate(dir, 'Fixed {{text title}}');
      await printed.until('Rebuilt in', 1);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toContain('<h1>Fixed Example Part</h1>');
    } finally {
      await session.close();
    }
    expect(printed.stdout() + printed.stderr()).not.toMatch(STACK_LINE);
  });
});

describe('build --watch over a plans folder holding a link to /', () => {
  it('starts in bounded time without crawling the disk, and rebuilds a saved plan', async () => {
    const dir = workspace();
    symlinkSync('/', join(dir, 'plans/root'));
    const printed = capturingIo(dir);
    const session = new WatchSession({ cwd: dir, env: printed.io.env, paths: ['plans'], to: ['html'], out: 'out' }, false, printed.io);
    const started = Date.now();
    try {
      await session.start();
      expect(Date.now() - started).toBeLessThan(15_000);
      writeFileSync(join(dir, PLAN), readFileSync(join(dir, PLAN), 'utf8').replace('title: An example theme', 'title: Saved beside a link to /'));
      await printed.until('Rebuilt in', 1);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toContain('Saved beside a link to /');
    } finally {
      await session.close();
    }
    expect(printed.stdout() + printed.stderr()).not.toMatch(STACK_LINE);
    expect(printed.stderr()).not.toContain('/proc/');
  });
});

describe('serve', () => {
  it('answers 404 for a link out of its folder and a pipe, and goes on serving; a broken save shows its problem', async () => {
    const dir = workspace();
    saveTemplate(dir, '{{text title}}');
    const printed = capturingIo(dir);
    const preview = await startPreview({ cwd: dir, env: printed.io.env, paths: ['plans'], out: 'out', template: 'look' }, { port: 0, host: '127.0.0.1' }, printed.io);
    try {
      symlinkSync('/etc/passwd', join(dir, 'out/passwd.html'));
      execFileSync('mkfifo', [join(dir, 'out/pipe.html')]);
      for (const name of ['passwd.html', 'pipe.html', 'missing.html']) expect((await fetch(`${preview.address}${name}`)).status, name).toBe(404);
      expect((await fetch(`${preview.address}devon-part-3-3-example.html`)).status).toBe(200);

      saveTemplate(dir, '{{#each}}{{/each}}{{text title}}');
      await printed.until('The last good output is kept.');
      const page = await fetch(`${preview.address}devon-part-3-3-example.html`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>Example Part</h1>');
    } finally {
      await preview.close();
    }
    expect(printed.stdout() + printed.stderr()).not.toMatch(STACK_LINE);
  });
});

describe('mapc build --watch, the built binary', () => {
  it('lives through a link to / and a template that fails as it renders, and ends only on Ctrl-C, with exit 0', async () => {
    const dir = workspace();
    symlinkSync('/', join(dir, 'plans/root'));
    saveTemplate(dir, '{{text title}}');
    const watching = startBinary(['build', '--watch', '--to', 'html', '--out', 'out', '--template', 'look', 'plans'], { cwd: dir });
    let code: number | null;
    try {
      await watching.waitForOutput('Watching for changes');
      saveTemplate(dir, '{{#each}}{{/each}}{{text title}}');
      await watching.waitForOutput('The last good output is kept.');
      saveTemplate(dir, 'Fixed {{text title}}');
      await watching.waitForOutput('Rebuilt in');
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toContain('<h1>Fixed Example Part</h1>');
      expect(watching.child.exitCode, watching.stderr()).toBeNull();
    } finally {
      code = (await watching.stop('SIGINT')).code;
    }
    expect(code).toBe(0);
    expect(watching.stdout() + watching.stderr()).not.toMatch(STACK_LINE);
  });
});
