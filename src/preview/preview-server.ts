import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { readFileInside } from '../plan/read-file-inside.js';
import { builtDocuments, documentsIndexHtml } from './documents-index.js';

/** The largest file the preview serves: a document of many pages, not a disk. */
const MAX_SERVED_BYTES = 256 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The page script of the preview: reloads the page when a rebuild is done and shows the
 * problems of a failed one over the page. Served only by the preview, never written to
 * the documents.
 */
const RELOAD_SCRIPT = `(() => {
  const events = new EventSource('/__mapc/events');
  let box;
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (event) => {
    if (!box) {
      box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.id = 'mapc-problems';
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff;color:#1b1b1b;border-top:4px solid #a3231f;font:14px/1.4 monospace;white-space:pre-wrap;z-index:1000';
      document.body.append(box);
    }
    box.textContent = 'mapc could not rebuild: the page shows the last good output.\\n\\n' + JSON.parse(event.data);
  });
})();
`;

/**
 * Serves a build's output folder on loopback for a preview in the browser. HTML pages are
 * served with the reload script added (their Content-Security-Policy widened to this
 * server for that alone); every other file as it is; nothing outside the folder.
 */
export class PreviewServer {
  private readonly server: Server;
  private readonly clients = new Set<ServerResponse>();
  private lastProblems = '';
  private readonly allowedHosts = new Set<string>();

  constructor(private readonly folder: string) {
    this.server = createServer((request, response) => {
      try {
        this.handle(request, response);
      } catch {
        // One request the server did not foresee fails alone, as a 500; the preview goes on.
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('The mapc preview could not answer this request.\n');
      }
    });
  }

  async listen(port: number, host: string): Promise<string> {
    await new Promise<void>((ready, fail) => {
      this.server.once('error', fail);
      this.server.listen(port, host, () => ready());
    });
    const address = this.server.address() as AddressInfo;
    const name = host.includes(':') ? `[${host}]` : host;
    this.allowedHosts.add(`${name}:${address.port}`.toLowerCase());
    if (['127.0.0.1', '::1', 'localhost'].includes(host)) for (const alias of ['localhost', '127.0.0.1', '[::1]']) this.allowedHosts.add(`${alias}:${address.port}`);
    return `http://${name}:${address.port}/`;
  }

  /** After a rebuild: reload the open pages, or show them the problems. */
  announce(ok: boolean, problems: string): void {
    this.lastProblems = ok ? '' : problems;
    for (const client of this.clients) client.write(ok ? 'event: reload\ndata: {}\n\n' : `event: problems\ndata: ${JSON.stringify(problems)}\n\n`);
  }

  /** The addresses of the documents built so far, for the command to print. */
  documentAddresses(base: string): string[] {
    return builtDocuments(this.folder).map((name) => base + encodeURIComponent(name));
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    await new Promise((done) => this.server.close(done));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    // Only requests addressed to this server by name: a page elsewhere that rebinds its own
    // host name to 127.0.0.1 must not read the drafts.
    if (!this.allowedHosts.has((request.headers.host ?? '').toLowerCase())) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('The mapc preview answers only to the address it printed.\n');
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('Bad request.\n');
    }
    if (path === '/__mapc/events') return this.subscribe(response);
    if (path === '/__mapc/reload.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return void response.end(RELOAD_SCRIPT);
    }
    const file = this.fileFor(path);
    const read = file === undefined ? undefined : readFileInside(file, this.folder, MAX_SERVED_BYTES);
    if (path === '/' && !existsSync(file!)) {
      // A plan or a folder of plans has no contents page: / lists what was built.
      response.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      return void response.end(withReloadScript(documentsIndexHtml(builtDocuments(this.folder))));
    }
    if (!read || 'reason' in read) {
      // A link out of the folder, a pipe, or a file that cannot be read is not served, and not explained to the client.
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('Not found. The preview serves the built documents: is the plan valid?\n');
    }
    const type = TYPES[extname(file!)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(extname(file!) === '.html' ? withReloadScript(read.bytes.toString('utf8')) : read.bytes);
  }

  private subscribe(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': mapc preview\n\n');
    if (this.lastProblems) response.write(`event: problems\ndata: ${JSON.stringify(this.lastProblems)}\n\n`);
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  /** The file a path names inside the folder (as written: links are checked when it is read); / is the contents page. */
  private fileFor(path: string): string | undefined {
    const root = resolve(this.folder);
    const target = resolve(root, '.' + normalize(path));
    if (target !== root && !target.startsWith(root + sep)) return undefined;
    return target === root ? join(root, 'index.html') : target;
  }
}

function withReloadScript(html: string): string {
  return html
    .replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)"/, (_, start: string, policy: string) => `${start}${policy}; script-src 'self'; connect-src 'self'"`)
    .replace('</body>', '<script src="/__mapc/reload.js"></script>\n</body>');
}
