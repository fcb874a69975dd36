import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, startBinary } from '../helpers/mapc.js';
import { tempDir } from '../helpers/temporary.js';

/** `mapc serve` for plans without a mapc.yaml: the address it prints answers, and so does each document's. */
describe('mapc serve of plans without a contents page', () => {
  it.each([
    { given: 'a single plan', paths: ['plans/devon-part-3-3-example.yaml'], documents: ['devon-part-3-3-example.html'] },
    {
      given: 'a folder of plans',
      paths: ['plans'],
      documents: ['devon-part-3-3-example.html', 'iow-qp-map-2002-03.html', 'iow-qp-map-2002-03.report.html'],
    },
  ])('$given: / lists the documents built, and each address printed is served', async ({ paths, documents }) => {
    const dir = tempDir('serve-index');
    mkdirSync(join(dir, 'plans'));
    for (const plan of ['plans/devon-part-3-3-example.yaml', 'plans/isle-of-wight-qp-map-2002-03.yaml']) cpSync(join(ROOT, plan), join(dir, plan));
    const serving = startBinary(['serve', '--port', '0', '--out', 'out', ...paths], { cwd: dir });
    try {
      await serving.waitForOutput('Serving http://127.0.0.1:');
      const address = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serving.stdout())![1]!;
      // The build's report names each file before serve prints the addresses, so wait for the address itself.
      await serving.waitForOutput(`  ${address}${documents.at(-1)!}\n`);
      const printed = [...serving.stdout().matchAll(/^ {2}(http:\S+)$/gm)].map((m) => m[1]!);
      expect(printed).toEqual(documents.map((name) => address + name));

      const index = await fetch(address);
      expect(index.status).toBe(200);
      const html = await index.text();
      expect([...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(documents);
      for (const url of printed) expect((await fetch(url)).status).toBe(200);
    } finally {
      expect((await serving.stop()).code).toBe(0);
    }
  });
});
