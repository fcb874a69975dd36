import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../src/pdf/launch-browser.js';

/** One real Chromium for a test file, started before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
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
