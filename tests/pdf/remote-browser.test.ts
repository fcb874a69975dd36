/**
 * mapc printing on a Chromium that is already running, named by MAPC_BROWSER_URL or
 * --browser-url. The running browser is the run's shared one (tests/global-setup.ts): other
 * test files open pages and contexts in it at the same time, so what is said of its pages is
 * said of the browser context mapc opened (found by the titles of the documents it printed)
 * and of a page of this file's own in another context, never of the whole browser.
 *
 * mapc build and diff run in this process (runInProcess): what is tested is which browser
 * they print on and what they say, not the process. They build the one-page Part 3.3: which
 * browser printed it shows as well on one page as on seven.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserUnreachableError } from '../../src/pdf/connect-browser.js';
import { BrowserNotFoundError } from '../../src/pdf/launch-browser.js';
import { PdfPrinter, PrintError } from '../../src/pdf/pdf-printer.js';
import { runBrowserUrl } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { descendantsOf } from '../helpers/processes.js';
import { useRequestTrap } from '../helpers/request-trap.js';
import { ROOT, runInProcess } from '../helpers/mapc.js';

/** The running browser's DevTools WebSocket and its http://host:port. */
const chromium = () => ({ wsEndpoint: runBrowserUrl(), httpUrl: `http://${new URL(runBrowserUrl()).host}` });
const trap = useRequestTrap();
const metadata = { title: 'T', author: 'A', subject: 'S', keywords: [], date: new Date(0), creator: 'test', lang: 'en-GB' };
/** The plan mapc builds: one page. */
const PLAN = 'plans/devon-part-3-3-example.yaml';
/** An environment with no browser URL in it, whatever the test run's own has. */
const env = { ...process.env, MAPC_BROWSER_URL: '' };

/** This file's own DevTools session with the running browser, to list its targets: it attaches to none of them. */
let observer: Browser | undefined;
let devtoolsSession: CDPSession | undefined;
beforeAll(async () => {
  observer = await puppeteer.connect({ browserWSEndpoint: chromium().wsEndpoint, targetFilter: () => false });
  devtoolsSession = await observer.target().createCDPSession();
});
afterAll(async () => {
  await observer?.disconnect();
});

function textOf(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mapc-remote-')), 'out.pdf');
  writeFileSync(file, pdf);
  return pdfText(file);
}

async function devtools<T>(path: string): Promise<T> {
  return (await (await fetch(`${chromium().httpUrl}${path}`)).json()) as T;
}

/** The running browser's Chromium version; that it answers says it is still running and serving. */
async function browserVersion(): Promise<string> {
  return (await devtools<{ Browser: string }>('/json/version')).Browser;
}

interface TargetInfo {
  targetId: string;
  type: string;
  title: string;
  browserContextId?: string;
}

async function targets(): Promise<TargetInfo[]> {
  return ((await devtoolsSession!.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;
}

/** The browser contexts holding a page whose title starts with `mark`: the documents a printer printed carry it. */
async function contextsOfPagesTitled(mark: string): Promise<string[]> {
  return [...new Set((await targets()).filter((target) => target.type === 'page' && target.title.startsWith(mark)).map((target) => target.browserContextId!))];
}

/** What is still open in a browser context: its pages, and any other target. */
async function openIn(context: string): Promise<TargetInfo[]> {
  return (await targets()).filter((target) => target.browserContextId === context);
}

/** A document of its own for a printer, titled with `mark` so that its page can be found. */
const titled = (mark: string, text: string) => `<!DOCTYPE html><html><head><title>${mark} ${text}</title></head><body><p>${text}</p></body></html>`;

/**
 * Chromium processes below this test's own. The run's Chromium is not one: the main vitest
 * process started it, and the test runs in a worker process beside it. A browser mapc
 * launched would be one.
 */
function chromiumBelowThisProcess(): string[] {
  return descendantsOf(process.pid)
    .map((pid) => {
      try {
        return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ')}`;
      } catch {
        return '';
      }
    })
    .filter((line) => /chrom/i.test(line));
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('printing on a browser that is already running', () => {
  it('prints through its DevTools WebSocket, launches no browser, and leaves it running with none of its pages; the option wins over MAPC_BROWSER_URL', async () => {
    // A page of this file's own, in the browser's default context: mapc must leave it open.
    const { targetId: bystander } = (await devtoolsSession!.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    try {
      const mark = `mapc-remote-${randomUUID()}`;
      const printer = await PdfPrinter.start({ jobs: 2, timeoutMs: 30_000, env, browserUrl: chromium().wsEndpoint });
      expect(printer.version).toBe(await browserVersion());
      expect(printer.version).toMatch(/Chrome\/\d+/);
      const words = ['first', 'second', 'third'];
      const pdfs = await Promise.all(words.map((word) => printer.print(titled(mark, `the ${word} document`), metadata)));
      pdfs.forEach((pdf, i) => {
        expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
        expect(textOf(pdf)).toContain(`the ${words[i]} document`);
      });
      expect(printer.browserPid).toBeUndefined();
      expect(chromiumBelowThisProcess(), 'no Chromium of mapc’s own').toEqual([]);
      const contexts = await contextsOfPagesTitled(mark);
      expect(contexts, 'mapc’s pages are open in it while it prints, in one context of mapc’s own').toHaveLength(1);
      const context = contexts[0]!;
      expect(context, 'not in the browser’s default context').not.toBe((await targets()).find((target) => target.targetId === bystander)?.browserContextId);
      await printer.close();
      expect(await openIn(context), 'the pages mapc opened are closed').toEqual([]);
      expect((await targets()).map((target) => target.targetId), 'and only those: a page of another context is still open').toContain(bystander);

      // Still running, and still serving: another printer prints on it, and closes its pages too.
      // That printer is named by the option over a MAPC_BROWSER_URL where nothing answers: the option wins.
      expect(await browserVersion()).toBe(printer.version);
      const unreachable = `ws://127.0.0.1:${await closedPort()}/devtools/browser/none`;
      const again = await PdfPrinter.start({ jobs: 1, timeoutMs: 30_000, env: { ...env, MAPC_BROWSER_URL: unreachable }, browserUrl: chromium().wsEndpoint });
      expect(textOf(await again.print(titled(`${mark}-again`, 'printed again'), metadata)), 'the option wins over MAPC_BROWSER_URL').toContain('printed again');
      const [againContext] = await contextsOfPagesTitled(`${mark}-again`);
      expect(againContext, 'the second printer’s page, in a context of its own').toBeDefined();
      await again.close();
      expect(await openIn(againContext!), 'the second printer’s pages are closed').toEqual([]);
      expect(chromiumBelowThisProcess(), 'no Chromium of the second printer’s own').toEqual([]);
      expect(await browserVersion(), 'the running browser still answers').toMatch(/Chrome\/\d+/);
      expect((await targets()).map((target) => target.targetId)).toContain(bystander);
    } finally {
      await devtoolsSession!.send('Target.closeTarget', { targetId: bystander }).catch(() => undefined);
    }
  });

  it('takes the browser from MAPC_BROWSER_URL, as http://host:port too, and prints with JavaScript off and every request refused, as on a browser it launches', async () => {
    const printer = await PdfPrinter.start({ jobs: 1, timeoutMs: 30_000, env: { ...env, MAPC_BROWSER_URL: chromium().httpUrl } });
    expect(printer.browserPid, 'named by the environment: no browser of its own').toBeUndefined();
    const html = `<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="${trap.origin}/style.css">
      <style>@import url("${trap.origin}/import.css"); body { background: url("${trap.origin}/background.png"); }</style>
      <script>fetch("${trap.origin}/script"); document.title = "SCRIPT RAN";</script>
      </head><body><p id="p">visible text</p>
      <img src="${trap.origin}/image.png"><img src="file:///etc/hostname"><iframe src="${trap.origin}/frame"></iframe>
      <iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object>
      <script>document.getElementById("p").textContent = "SCRIPT RAN"</script>
      </body></html>`;
    const text = textOf(await printer.print(html, metadata));
    await printer.close();
    expect(chromiumBelowThisProcess()).toEqual([]);
    expect(trap.requests).toEqual([]);
    expect(text, 'printed on the browser MAPC_BROWSER_URL names').toContain('visible text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toMatch(/root:.*:0:0:/);
  });

  it('mapc build --to pdf prints on the browser MAPC_BROWSER_URL names, and its manifest records that browser', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-remote-build-'));
    const result = await runInProcess(['build', '--to', 'pdf', '--out', out, PLAN], {
      cwd: ROOT,
      env: { MAPC_BROWSER_URL: chromium().wsEndpoint, PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { format: string; browser?: string }[] };
    const pdfs = manifest.outputs.filter((entry) => entry.format === 'pdf');
    expect(pdfs.length).toBe(1);
    expect(pdfs[0]!.browser).toBe(await browserVersion());
    expect(await browserVersion(), 'the running browser still answers').toMatch(/Chrome\/\d+/);
  });
  it('--browser-url does the same for build and for the changes paper of diff, with no browser of its own to launch', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mapc-remote-flag-'));
    try {
      // No MAPC_BROWSER_URL either (the run's environment names the same browser): the flag alone names it.
      const noLaunch = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium', MAPC_BROWSER_URL: undefined };
      const built = await runInProcess(['build', '--to', 'pdf', '--browser-url', chromium().wsEndpoint, '--out', out, PLAN], { cwd: ROOT, env: noLaunch });
      expect(built.stderr).toBe('');
      expect(built.code).toBe(0);
      const paper = join(out, 'changes.pdf');
      const diffed = await runInProcess(['diff', '--format', 'pdf', '--browser-url', chromium().httpUrl, '--out', paper, 'plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/isle-of-wight-qp-map-2003-04.yaml'], { cwd: ROOT, env: noLaunch });
      expect(diffed.stderr).toBe('');
      expect(diffed.code).toBe(0); // the paper is written
      expect(readFileSync(paper).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await browserVersion(), 'the running browser still answers').toMatch(/Chrome\/\d+/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a browser URL where no browser answers', () => {
  it('fails to start with one error naming the address and what to do, quickly, and the printer closes', async () => {
    const url = `ws://127.0.0.1:${await closedPort()}/devtools/browser/none`;
    const started = Date.now();
    const printer = PdfPrinter.launch({ jobs: 1, timeoutMs: 30_000, env: { ...env, MAPC_BROWSER_URL: url } });
    const error = await printer.ready().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(BrowserUnreachableError);
    // Reported as a missing browser is, by whoever reports that one.
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain(`MAPC_BROWSER_URL names ${url}, where no browser answered (`);
    expect(message).toContain('ECONNREFUSED');
    expect(message).toContain('--remote-debugging-port');
    expect(message).toContain('unset MAPC_BROWSER_URL to have mapc launch its own Chromium');
    await expect(printer.print('<p>x</p>', metadata)).rejects.toBeInstanceOf(PrintError);
    await printer.close();
    expect(chromiumBelowThisProcess()).toEqual([]);
  });

  it('does not repeat a token given in the address, and says what an address that is not one should be', async () => {
    const port = await closedPort();
    const withToken = PdfPrinter.launch({ jobs: 1, timeoutMs: 30_000, env, browserUrl: `ws://127.0.0.1:${port}/?token=SECRET` });
    await expect(withToken.ready()).rejects.toThrow(`no browser answered at ws://127.0.0.1:${port}/?… (`);
    await expect(withToken.ready()).rejects.not.toThrow('SECRET');
    await expect(withToken.ready()).rejects.toThrow('or give no browser URL to have mapc launch its own Chromium.');
    await withToken.close();

    const notAnAddress = PdfPrinter.launch({ jobs: 1, timeoutMs: 30_000, env: { ...env, MAPC_BROWSER_URL: 'localhost:9222' } });
    await expect(notAnAddress.ready()).rejects.toThrow(
      "MAPC_BROWSER_URL names localhost:9222, which is not a browser's address. Give a running Chromium's DevTools WebSocket (ws://host:port/devtools/browser/…) or its http://host:port, or unset MAPC_BROWSER_URL to have mapc launch its own Chromium.",
    );
    await notAnAddress.close();
  });

  it('an http address that is not a browser’s DevTools says what it answered', async () => {
    const printer = PdfPrinter.launch({ jobs: 1, timeoutMs: 30_000, env, browserUrl: trap.origin });
    await expect(printer.ready()).rejects.toThrow(new RegExp(`^no browser answered at ${trap.origin}/ \\(Failed to fetch browser webSocket URL from ${trap.origin}/json/version`));
    await printer.close();
    // The trap's only visitor: the printer asking it for a browser.
    expect(trap.requests.splice(0)).toEqual(['/json/version']);
  });

  it('one that takes the connection and never answers: closing the printer stops the wait at once', async () => {
    const held = new Set<Socket>();
    const silent = createServer((socket) => void held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}/devtools/browser/silent`;
    const printer = PdfPrinter.launch({ jobs: 1, timeoutMs: 30_000, env, browserUrl: url });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const closing = Date.now();
    await printer.close();
    expect(Date.now() - closing).toBeLessThan(1_000);
    await expect(printer.ready()).rejects.toThrow();
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('mapc build says it in one line and exits 2', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const out = mkdtempSync(join(tmpdir(), 'mapc-remote-unreachable-'));
    const result = await runInProcess(['build', '--to', 'pdf', '--out', out, PLAN], { cwd: ROOT, env: { MAPC_BROWSER_URL: url } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^mapc: cannot make PDFs: MAPC_BROWSER_URL names ${url}/, where no browser answered \\(connect ECONNREFUSED [^)]*\\)\\. .*\\n$`));
    expect(result.stderr.split('\n').length).toBe(2);
  });
});
