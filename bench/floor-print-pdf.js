// The floor for `mapc build --to pdf`: a bare puppeteer script that launches the same
// Chromium with the same flags and prints the same HTML files, one page, nothing else.
// Usage: node bench/floor-print-pdf.js OUT_DIR FILE.html...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import puppeteer from 'puppeteer';
import { CHROMIUM_FLAGS, findBrowser } from '../dist/pdf/launch-browser.js';

const [outDir, ...files] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: CHROMIUM_FLAGS });
const page = await browser.newPage();
for (const file of files) {
  await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
  writeFileSync(join(outDir, basename(file).replace(/\.html$/, '.pdf')), pdf);
}
await browser.close();
