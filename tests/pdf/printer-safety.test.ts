import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfPrinter } from '../../src/pdf/pdf-printer.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { useRequestTrap } from '../helpers/request-trap.js';
import { ROOT, runInProcess } from '../helpers/mapc.js';

/*
 * The printer's first two cases are on a Chromium it launches itself (no browser URL given:
 * remote-browser.test.ts says the same of a running one). The plan is built by mapc in this
 * process, on the run's shared Chromium: what is tested is what the PDF holds, not the process.
 */
const trap = useRequestTrap();
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await PdfPrinter.start({ jobs: 1, timeoutMs: 30_000 });
});

afterAll(async () => {
  await printer.close();
});

const metadata = { title: 'T', author: 'A', subject: 'S', keywords: [], date: new Date(0), creator: 'test', lang: 'en-GB' };

function print(html: string): Promise<Uint8Array> {
  return printer.print(html, metadata);
}

function textOf(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mapc-safety-')), 'out.pdf');
  writeFileSync(file, pdf);
  return pdfText(file);
}

describe('the printer cannot be made to read files or reach the network', () => {
  it('refuses every request a document makes, and runs none of its script', async () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="${trap.origin}/style.css">
      <style>@import url("${trap.origin}/import.css"); body { background: url("${trap.origin}/background.png"); }
      @font-face { font-family: x; src: url("${trap.origin}/font.woff2"); } p { font-family: x; }</style>
      <script>fetch("${trap.origin}/script"); document.title = "SCRIPT RAN";</script>
      </head><body><p id="p">visible text</p>
      <img src="${trap.origin}/image.png"><iframe src="${trap.origin}/frame"></iframe>
      <iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object>
      <embed src="${trap.origin}/embed"><video src="${trap.origin}/video.mp4"></video>
      <script>document.getElementById("p").textContent = "SCRIPT RAN"</script>
      </body></html>`;
    const text = textOf(await print(html));
    expect(trap.requests).toEqual([]);
    expect(text).toContain('visible text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toMatch(/root:.*:0:0:/);
  });

  it('lets data: URLs through (the only kind a document may carry)', async () => {
    const pixel = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="10" height="10"%3E%3Ctext y="9"%3EDATAURL%3C/text%3E%3C/svg%3E';
    const pdf = await print(`<!DOCTYPE html><html><body><p>before</p><img src='${pixel}' alt=""></body></html>`);
    expect(textOf(pdf)).toContain('before');
  });

  // A file: link is a rule/link-scheme error before any browser sees it; a path link is what is left to try.
  it('a plan whose text names file:///etc/passwd, an iframe and an http image builds a PDF without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapc-hostile-pdf-'));
    writeFileSync(
      join(dir, 'plan.yaml'),
      `mapc: 1
id: hostile-pdf
kind: strategy
title: Hostile
authority: Test Council
period: 2002-03
summary: |
  <iframe src="file:///etc/passwd"></iframe> ![x](${trap.origin}/image.png) [passwd](/etc/passwd)
  <img src="${trap.origin}/img.png"> <link rel=stylesheet href="${trap.origin}/x.css">
objectives:
  - id: first
    title: First objective
`,
    );
    const result = await runInProcess(['build', '--to', 'pdf', '--out', dir, join(dir, 'plan.yaml')], { cwd: ROOT });
    expect(result.code).toBe(0);
    const text = pdfText(join(dir, 'hostile-pdf.pdf'));
    expect(text).toContain('<iframe src="file:///etc/passwd"></iframe>');
    expect(text).not.toMatch(/root:.*:0:0:/);
    expect(trap.requests).toEqual([]);
  });
});
