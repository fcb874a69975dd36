import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';

/** Where a test opens pages: the pages it opens are closed after its file's tests. */
export interface TestBrowser {
  newPage(): Promise<Page>;
}

/**
 * The Chromium the run shares (started by tests/global-setup.ts, named by MAPC_BROWSER_URL),
 * for a test file's pages; they are closed after its tests. Starting a Chromium costs about
 * 4 s of CPU here. The pages open in the browser's default context: a context of their
 * own would cost each page about twice as much (measured: 1.6 s of CPU against 0.7 s),
 * and each page already starts empty, its content set by the test.
 */
export function useBrowser(): () => TestBrowser {
  let browser: Browser | undefined;
  const opened: Page[] = [];
  const testBrowser: TestBrowser = {
    newPage: async () => {
      const page = await browser!.newPage();
      opened.push(page);
      return page;
    },
  };
  beforeAll(async () => {
    browser = await puppeteer.connect({ browserWSEndpoint: runBrowserUrl() });
  });
  afterAll(async () => {
    for (const page of opened) await page.close().catch(() => undefined);
    await browser?.disconnect();
  });
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return testBrowser;
  };
}

/** The DevTools address of the Chromium the run shares. */
export function runBrowserUrl(): string {
  const url = process.env.MAPC_BROWSER_URL;
  if (!url) throw new Error('MAPC_BROWSER_URL is not set: tests/global-setup.ts starts the Chromium the tests share');
  return url;
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
export async function openHtml(browser: TestBrowser, html: string): Promise<LoadedPage> {
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

/**
 * For tests of how mapc launches, restarts and stops a Chromium of its own, as it does by
 * default: within the calling file (or describe block) MAPC_BROWSER_URL is unset, so every
 * mapc its tests run, in this process or another, launches one.
 */
export function launchOwnBrowsers(): void {
  let shared: string | undefined;
  beforeAll(() => {
    shared = process.env.MAPC_BROWSER_URL;
    delete process.env.MAPC_BROWSER_URL;
  });
  afterAll(() => {
    if (shared !== undefined) process.env.MAPC_BROWSER_URL = shared;
  });
}
