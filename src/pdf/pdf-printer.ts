import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { browserAddress, connectBrowser, disconnectBrowser, openRemotePage, type BrowserAddress } from './connect-browser.js';
import { launchBrowser, stopBrowser } from './launch-browser.js';
import { setPdfMetadata, type PdfMetadata } from './pdf-metadata.js';

export interface PrinterOptions {
  /** Documents printed at once (pages open in the one browser). */
  jobs: number;
  /** Longest a document may take to print. */
  timeoutMs: number;
  /** PUPPETEER_EXECUTABLE_PATH (the browser to launch) and MAPC_BROWSER_URL (a running one to print on) are read here. */
  env?: NodeJS.ProcessEnv;
  /**
   * A running Chromium to print on instead of launching one: its DevTools WebSocket
   * (`ws://host:port/devtools/browser/…`) or `http://host:port`. Overrides MAPC_BROWSER_URL.
   */
  browserUrl?: string;
}

/** One document could not be printed; the printer itself carries on. */
export class PrintError extends Error {
  override name = 'PrintError';
}

/**
 * Prints HTML documents to PDF with one Chromium for the whole build: up to `jobs` pages
 * at once, each page reused for the next document, the browser restarted if it dies.
 * Pages run with JavaScript off and refuse every request but data: URLs, so a document
 * cannot make the browser read a local file or reach the network.
 *
 * Given a browser URL (the option, or MAPC_BROWSER_URL), it connects to that running
 * browser instead, with the same pages, and reconnects if the connection breaks; closing
 * it closes the pages it opened and disconnects, and leaves that browser running.
 */
export class PdfPrinter {
  private browser: Browser | undefined;
  private starting: Promise<Browser> | undefined;
  private readonly idle: Page[] = [];
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  private closed = false;
  private closing: Promise<void> | undefined;
  private launchAbort: AbortController | undefined;
  private launched: Promise<void> = Promise.resolve();
  private readonly closeListeners: (() => void)[] = [];
  private readonly startupPageTaken = new WeakSet<Browser>();
  /** Chromium's version, e.g. "HeadlessChrome/156.0.8078.79", for the manifest. */
  version = '';
  /** The running browser to print on, if one was named. */
  private readonly remote: BrowserAddress | undefined;

  private constructor(private readonly options: PrinterOptions) {
    this.remote = browserAddress(options.browserUrl, options.env);
  }

  /**
   * A printer whose browser is starting: `ready()` resolves when it is up, or rejects with
   * why it could not start. It can be closed at any moment, while starting included.
   */
  static launch(options: PrinterOptions): PdfPrinter {
    const printer = new PdfPrinter(options);
    printer.launched = printer.ensureBrowser().then(() => undefined);
    printer.launched.catch(() => undefined);
    return printer;
  }

  static async start(options: PrinterOptions): Promise<PdfPrinter> {
    const printer = PdfPrinter.launch(options);
    await printer.ready();
    return printer;
  }

  ready(): Promise<void> {
    return this.launched;
  }

  /** `onStart` is called when the document's turn comes (for progress lines). */
  print(html: string, metadata: PdfMetadata, onStart?: () => void): Promise<Uint8Array> {
    return this.printAs(html, (pdf) => setPdfMetadata(pdf, metadata), onStart);
  }

  /**
   * The PDF as Chromium printed it, before its metadata is set: for reading where its pages
   * fall (pdf-pages.ts reads a PDF of one cross-reference section), to print it again.
   */
  printUnfinished(html: string, onStart?: () => void): Promise<Uint8Array> {
    return this.printAs(html, (pdf) => pdf, onStart);
  }

  private async printAs(html: string, finish: (pdf: Uint8Array) => Uint8Array, onStart?: () => void): Promise<Uint8Array> {
    await this.slot();
    onStart?.();
    let page: Page | undefined;
    let discarded: Promise<unknown> | undefined;
    try {
      page = await this.acquirePage();
      const pdf = await withTimeout(this.printOn(page, html), this.options.timeoutMs, () => {
        // A page stuck printing is thrown away, not reused.
        discarded = page?.close().catch(() => undefined);
        page = undefined;
      });
      this.idle.push(page!);
      return finish(pdf);
    } catch (error) {
      // Said as things stand now: the browser may go meanwhile.
      const failure = new PrintError(this.describeFailure(error));
      if (page && !page.isClosed()) await page.close().catch(() => undefined);
      // Its slot goes to the next document only once the page is closed, which ends its
      // renderer's work: a browser that limits its renderers (a pool, or Chromium with
      // --renderer-process-limit) would otherwise give the next page the same renderer, still
      // busy with the document given up on (the next one-line document waited 9 s for it).
      if (discarded) await Promise.race([discarded, delay(DISCARD_WAIT_MS)]);
      throw failure;
    } finally {
      this.busy--;
      this.waiting.shift()?.();
    }
  }

  /** Called once the printer has closed. */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /**
   * Closes the browser and every page; a browser still starting is stopped, not waited
   * for. Every call, a signal's during the build's own included, waits for the same close:
   * until Chromium has been killed and its profile folder removed (or, for a browser it
   * connected to, until its pages are closed and it has disconnected).
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    this.launchAbort?.abort();
    const starting = this.starting;
    if (starting) await starting.catch(() => undefined);
    const browser = this.browser;
    this.browser = undefined;
    this.idle.length = 0;
    if (browser) await this.letGo(browser);
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  /** The browser's process id, for tests that kill it; none for a browser it connected to. */
  get browserPid(): number | undefined {
    return this.browser?.process()?.pid;
  }

  private async printOn(page: Page, html: string): Promise<Uint8Array> {
    await page.setContent(html, { waitUntil: 'load', timeout: this.options.timeoutMs });
    return page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      timeout: this.options.timeoutMs,
    });
  }

  private async slot(): Promise<void> {
    if (this.busy >= Math.max(1, this.options.jobs)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy++;
  }

  private async acquirePage(): Promise<Page> {
    const browser = await this.ensureBrowser();
    const reusable = this.idle.pop();
    if (reusable && !reusable.isClosed()) return reusable;
    // A running browser's blank page is not mapc's to take.
    const page = this.remote ? await openRemotePage(browser) : ((await this.takeStartupPage(browser)) ?? (await browser.newPage()));
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    return page;
  }

  /**
   * The blank page Chromium opens as it starts, for the browser's first document: opening
   * another took 70 ms of a one-document build. Later documents, and a page still missing
   * (launchBrowser does not wait for it), get new pages.
   */
  private async takeStartupPage(browser: Browser): Promise<Page | undefined> {
    if (this.startupPageTaken.has(browser)) return undefined;
    this.startupPageTaken.add(browser);
    const [page] = await browser.pages();
    return page && page.url() === 'about:blank' ? page : undefined;
  }

  private async ensureBrowser(): Promise<Browser> {
    if (this.closed) throw new PrintError('the printer is closed');
    if (this.browser?.connected) return this.browser;
    if (!this.starting) {
      this.idle.length = 0;
      // A browser that crashed has exited; one whose connection broke may still be running.
      if (this.browser) void this.letGo(this.browser).catch(() => undefined);
      this.browser = undefined;
      // Aborted by close(): puppeteer then kills a browser that has not finished starting (a connection is given up).
      const abort = new AbortController();
      this.launchAbort = abort;
      const opening = this.remote ? connectBrowser(this.remote, abort.signal) : launchBrowser(this.options.env ?? {}, abort.signal);
      this.starting = opening.then(async (browser) => {
        if (!this.closed) this.version = await browser.version();
        this.starting = undefined;
        this.launchAbort = undefined;
        // Closed while it was starting: close it now rather than leave it running.
        if (this.closed) {
          await this.letGo(browser);
          throw new PrintError('the printer is closed');
        }
        this.browser = browser;
        return browser;
      });
      this.starting.catch(() => {
        this.starting = undefined;
        this.launchAbort = undefined;
      });
    }
    return this.starting;
  }

  /** A browser it launched is stopped; one it connected to is only disconnected from, never closed. */
  private letGo(browser: Browser): Promise<void> {
    return this.remote ? disconnectBrowser(browser) : stopBrowser(browser);
  }

  private describeFailure(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (this.browser?.connected) return message;
    if (this.remote) return `the connection to the browser broke while printing (${message}); it will be made again for the other documents`;
    return `the browser stopped while printing (${message}); it will be restarted for the other documents`;
  }
}

/** Longest wait for a page given up on to close: a browser that no longer answers gets no longer. */
const DISCARD_WAIT_MS = 5_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`printing took longer than ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
