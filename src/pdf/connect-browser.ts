import { connect as connectSocket } from 'node:net';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { BrowserNotFoundError } from './launch-browser.js';

/** The environment variable that names a running browser to print on, instead of launching one. */
export const BROWSER_URL_VARIABLE = 'MAPC_BROWSER_URL';

/** Longest wait for a running browser to answer: the same as puppeteer's for a launch. */
const CONNECT_TIMEOUT_MS = 30_000;
/** Longest wait for mapc's pages to close on a browser that has stopped answering. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * The browser named to print on did not answer, or its address is not one. A kind of
 * BrowserNotFoundError (there is no usable browser), so that whoever reports that one
 * reports this one as it is: the message says which address and what to do.
 */
export class BrowserUnreachableError extends BrowserNotFoundError {
  override name = 'BrowserUnreachableError';
}

/** A running browser to print on, and where its address came from (for messages). */
export interface BrowserAddress {
  url: string;
  /** Set by the environment variable rather than by the caller's option. */
  fromEnvironment: boolean;
}

/** The running browser to print on: the caller's option first, else MAPC_BROWSER_URL; none means launch one. */
export function browserAddress(browserUrl: string | undefined, env: NodeJS.ProcessEnv | undefined): BrowserAddress | undefined {
  if (browserUrl && browserUrl.trim() !== '') return { url: browserUrl.trim(), fromEnvironment: false };
  const named = env?.[BROWSER_URL_VARIABLE];
  if (named && named.trim() !== '') return { url: named.trim(), fromEnvironment: true };
  return undefined;
}

/** The page-opening context mapc made in each browser it connected to; closing it closes mapc's pages and no others. */
const contexts = new WeakMap<Browser, BrowserContext>();

/**
 * Connects to a running Chromium: `ws://…/devtools/browser/…` (its DevTools WebSocket) or
 * `http://host:port` (its --remote-debugging-port, asked for the WebSocket). mapc's pages
 * open in a browser context of their own, so they share no cookies or cache with the
 * browser's other users, and closing it closes exactly the pages mapc opened. Gives up
 * after 30 s or when `signal` aborts.
 */
export async function connectBrowser(address: BrowserAddress, signal?: AbortSignal): Promise<Browser> {
  const url = parseAddress(address);
  const deadline = AbortSignal.any([AbortSignal.timeout(CONNECT_TIMEOUT_MS), ...(signal ? [signal] : [])]);
  try {
    // A plain TCP connection first: puppeteer's own cannot be abandoned, and to an address that never
    // answers it would hold mapc open for minutes after giving up. This one is destroyed on giving up.
    await reachable(url, deadline);
    const endpoint = url.protocol === 'ws:' || url.protocol === 'wss:' ? { browserWSEndpoint: address.url } : { browserURL: address.url };
    const browser = await untilAborted(puppeteer.connect(endpoint), deadline, (late) => void late.disconnect());
    try {
      contexts.set(browser, await untilAborted(browser.createBrowserContext(), deadline));
      return browser;
    } catch (error) {
      await browser.disconnect();
      throw error;
    }
  } catch (error) {
    if (signal?.aborted) throw new Error('connecting to the browser was stopped');
    const reason = deadline.aborted ? `no answer in ${CONNECT_TIMEOUT_MS / 1000} s` : firstLine(error);
    throw new BrowserUnreachableError(
      `${address.fromEnvironment ? `${BROWSER_URL_VARIABLE} names ${shown(url)}, where no browser answered` : `no browser answered at ${shown(url)}`} ` +
        `(${withoutSecrets(reason, address.url, url)}). ` +
        `Check that Chrome or Chromium runs there with --remote-debugging-port and that this machine can reach it, and give ` +
        `the ws://… address it prints ("DevTools listening on ws://…") or its http://host:port; or ${unset(address)} to have mapc launch its own Chromium.`,
    );
  }
}

/** A new page in mapc's own context of a browser connectBrowser connected to. */
export function openRemotePage(browser: Browser): Promise<Page> {
  const context = contexts.get(browser);
  if (!context) throw new Error('openRemotePage: not a browser connectBrowser connected to');
  return context.newPage();
}

/**
 * Lets go of a browser connectBrowser connected to: closes mapc's context, with every page
 * mapc opened, and disconnects. The browser itself is never closed: it is not mapc's.
 */
export async function disconnectBrowser(browser: Browser): Promise<void> {
  const context = contexts.get(browser);
  contexts.delete(browser);
  if (context && browser.connected) await withTimeout(context.close(), CLOSE_TIMEOUT_MS).catch(() => undefined);
  await browser.disconnect();
}

function parseAddress(address: BrowserAddress): URL {
  let url: URL | undefined;
  try {
    url = new URL(address.url);
  } catch {
    // Said below, with what to give instead.
  }
  if (url && ['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol) && url.hostname !== '') return url;
  throw new BrowserUnreachableError(
    `${address.fromEnvironment ? `${BROWSER_URL_VARIABLE} names` : 'the browser URL is'} ${address.url.replace(/\?.*/s, '?…')}, which is not a browser's address. ` +
      `Give a running Chromium's DevTools WebSocket (ws://host:port/devtools/browser/…) or its http://host:port, or ${unset(address)} to have mapc launch its own Chromium.`,
  );
}

/** The address without what may be a secret: a password, or a query (browserless takes its token there). */
function shown(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
}

/** Puppeteer's messages may repeat the address: what may be a secret in it is not repeated. */
function withoutSecrets(message: string, given: string, url: URL): string {
  if (url.search === '' && url.username === '' && url.password === '') return message;
  return message.split(url.href).join(shown(url)).split(given).join(shown(url));
}

function unset(address: BrowserAddress): string {
  return address.fromEnvironment ? `unset ${BROWSER_URL_VARIABLE}` : 'give no browser URL';
}

/** Whether anything accepts a TCP connection at the address's host and port. */
function reachable(url: URL, signal: AbortSignal): Promise<void> {
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve, reject) => {
    const socket = connectSocket({ host, port });
    const giveUp = () => {
      socket.destroy();
      reject(signal.reason);
    };
    if (signal.aborted) return giveUp();
    signal.addEventListener('abort', giveUp, { once: true });
    socket.once('connect', () => {
      signal.removeEventListener('abort', giveUp);
      socket.destroy();
      resolve();
    });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', giveUp);
      reject(error);
    });
  });
}

/** The work's result, unless `signal` aborts first; a result that comes after that goes to `late`. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, late?: (value: T) => void): Promise<T> {
  if (signal.aborted) {
    void work.then(late, () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const giveUp = () => {
      void work.then(late, () => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', giveUp, { once: true });
    work.then(
      (value) => {
        // Aborted first, giveUp has handed the value to `late` already.
        signal.removeEventListener('abort', giveUp);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', giveUp);
        reject(error);
      },
    );
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first line of an error's message: puppeteer's run to many lines. The WebSocket's are events, not Errors. */
function firstLine(error: unknown): string {
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return message.split('\n')[0]!.trim() || 'no reason given';
}
