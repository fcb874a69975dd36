import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/launch-browser.js';
import { startMapc } from '../helpers/long-running.js';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

const PLAN = 'plans/devon-part-3-3-example.yaml';

describe('mapc serve', () => {
  it('serves the built page on loopback and reloads it after a save; shows the problems of a broken save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-serve-'));
    mkdirSync(join(dir, 'plans'));
    cpSync(join(ROOT, PLAN), join(dir, PLAN));
    const serving = startMapc(['serve', '--port', '0', '--out', 'out', 'plans'], dir);
    const browser = await launchBrowser(process.env);
    try {
      await serving.waitForOutput('Serving http://127.0.0.1:');
      const address = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serving.stdout())![1]!;
      const page = await browser.newPage();
      await page.goto(`${address}devon-part-3-3-example.html`);
      expect(await page.$eval('h3', (h) => h.textContent)).toBe('1. An example theme');

      const reloaded = page.waitForNavigation({ timeout: 20_000 });
      writeFileSync(join(dir, PLAN), readFileSync(join(dir, PLAN), 'utf8').replace('title: An example theme', 'title: Seen after the reload'));
      await reloaded;
      expect(await page.$eval('h3', (h) => h.textContent)).toBe('1. Seen after the reload');

      writeFileSync(join(dir, PLAN), readFileSync(join(dir, PLAN), 'utf8').replace('status: draft', 'status: finished'));
      await page.waitForSelector('#mapc-problems', { timeout: 20_000 });
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
      await browser.close();
      expect(await serving.stop()).toBe(0);
    }
  });

  it('takes --jobs and --timeout as build does, and refuses nonsense before serving', async () => {
    const jobs = await runMapc(['serve', '--port', '0', '--jobs', '0', 'plans']);
    expect(jobs).toEqual({ code: 2, stdout: '', stderr: "mapc: --jobs takes a whole number of at least 1, not '0'.\n" });
    const timeout = await runMapc(['serve', '--port', '0', '--timeout', 'soon', 'plans']);
    expect(timeout).toEqual({ code: 2, stdout: '', stderr: "mapc: --timeout takes a whole number of at least 1, not 'soon'.\n" });
  });
});
