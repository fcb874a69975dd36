// The floor for `mapc build --to pdf`: a bare puppeteer script that launches the same
// Chromium with the same flags and prints the same HTML files, as many pages at once as
// mapc uses by default (one per core), nothing else. The browser and flags are mapc's own
// (dist/pdf/launch-browser.js, beyond the public API), so that the floor prints alike.
// Usage: node bench/floor-print-pdf.js OUT_DIR FILE.html...
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, findBrowser } from '../dist/pdf/launch-browser.js';

const [outDir, ...files] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: findBrowser(process.env), headless: true, args: CHROMIUM_FLAGS });
const queue = [...files];
await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), files.length) }, async () => {
    const page = await browser.newPage();
    for (let file = queue.shift(); file; file = queue.shift()) {
      await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
      writeFileSync(join(outDir, basename(file).replace(/\.html$/, '.pdf')), pdf);
    }
  }),
);
await browser.close();
