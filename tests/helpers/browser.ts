import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS, DEBIAN_CHROMIUM, launchBrowser } from '../../src/pdf/launch-browser.js';

/** One real Chromium for a test file, started before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(process.env);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return browser;
  };
}

export interface LoadedPage {
  page: Page;
  /** Every request the page tried to make (all refused). */
  requests: string[];
}

/**
 * Opens HTML in a fresh page that refuses every request and records it. The document's
 * own Content-Security-Policy is bypassed, so that what is tested is the HTML itself.
 */
export async function openHtml(browser: Browser, html: string): Promise<LoadedPage> {
  const page = await browser.newPage();
  await page.setBypassCSP(true);
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) return void request.continue();
    requests.push(request.url());
    void request.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

/** A Chromium the test runs itself, as a council would run one for mapc to print on. */
export interface RunningChromium {
  /** Its main process, started in a process group of its own. */
  pid: number;
  /** Its DevTools WebSocket, `ws://127.0.0.1:PORT/devtools/browser/…`. */
  wsEndpoint: string;
  /** `http://127.0.0.1:PORT`, where it answers /json/version and /json/list. */
  httpUrl: string;
}

/**
 * One Chromium for a test file, started with a DevTools port on 127.0.0.1 before its tests
 * and killed, with its profile folder, after them. Nothing of mapc starts or stops it.
 */
export function useRunningChromium(): () => RunningChromium {
  const profile = mkdtempSync(join(tmpdir(), 'mapc-running-chromium-'));
  let child: ChildProcess | undefined;
  let running: RunningChromium | undefined;
  beforeAll(async () => {
    child = spawn(DEBIAN_CHROMIUM, [...CHROMIUM_FLAGS, '--headless=new', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`], {
      detached: true,
      env: { ...process.env, TMPDIR: profile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const wsEndpoint = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not print its DevTools address in 30 s:\n${stderr}`)), 30_000);
      child!.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      });
      child!.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${stderr}`)));
    });
    running = { pid: child.pid!, wsEndpoint, httpUrl: `http://${new URL(wsEndpoint).host}` };
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  });
  return () => {
    if (!running) throw new Error('the running Chromium has not started');
    return running;
  };
}
