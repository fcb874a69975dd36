import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { ROOT, startBinary } from '../helpers/mapc.js';
import { tempDir } from '../helpers/temporary.js';

const PLAN = 'plans/devon-part-3-3-example.yaml';
const browser = useBrowser();

describe('mapc serve', () => {
  it('serves the built page on loopback and reloads it after a save; shows the problems of a broken save', async () => {
    const dir = tempDir('serve');
    mkdirSync(join(dir, 'plans'));
    cpSync(join(ROOT, PLAN), join(dir, PLAN));
    const serving = startBinary(['serve', '--port', '0', '--out', 'out', 'plans'], { cwd: dir });
    try {
      await serving.waitForOutput('Serving http://127.0.0.1:');
      const address = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serving.stdout())![1]!;
      const page = await browser().newPage();
      await page.goto(`${address}devon-part-3-3-example.html`);
      expect(await page.$eval('h3', (h) => h.textContent)).toBe('1. An example theme');

      const reloaded = page.waitForNavigation({ timeout: 60_000 });
      writeFileSync(join(dir, PLAN), readFileSync(join(dir, PLAN), 'utf8').replace('title: An example theme', 'title: Seen after the reload'));
      await reloaded;
      expect(await page.$eval('h3', (h) => h.textContent)).toBe('1. Seen after the reload');

      writeFileSync(join(dir, PLAN), readFileSync(join(dir, PLAN), 'utf8').replace('status: draft', 'status: finished'));
      await page.waitForSelector('#mapc-problems', { timeout: 60_000 });
      const shown = await page.$eval('#mapc-problems', (box) => box.textContent);
      expect(shown).toContain("error: 'status' is 'finished'; it must be one of: draft, consultation, submitted, approved.");
      expect(await page.$eval('h3', (h) => h.textContent)).toBe('1. Seen after the reload');

      // The server gives nothing outside the output folder, survives a malformed address,
      // and answers only to its own name (no DNS rebinding).
      const outside = await fetch(`${address}..%2f${PLAN.replace('/', '%2f')}`);
      expect(outside.status).toBe(404);
      expect((await fetch(`${address}%E0%A4%A`)).status).toBe(400);
      const { request } = await import('node:http');
      const rebound = await new Promise<number>((resolve) => {
        const url = new URL(address);
        request({ host: url.hostname, port: url.port, path: '/devon-part-3-3-example.html', headers: { host: 'evil.example' } }, (response) => resolve(response.statusCode!)).end();
      });
      expect(rebound).toBe(403);
      expect((await fetch(`${address}devon-part-3-3-example.html`)).status).toBe(200);
    } finally {
      expect((await serving.stop()).code).toBe(0);
    }
  });

});
