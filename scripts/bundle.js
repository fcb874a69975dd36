// Bundles the compiled program (dist/cli, from tsc) into dist/bundle, which bin/mapc.js runs.
// Why: Node 20 loads an ES module per file, and mapc's graph is a few hundred files (yaml
// alone is eighty); one bundle cut `mapc validate` from about 185 ms to 150 ms (npm run bench).
// Commands stay separate chunks, loaded only when run: puppeteer-core (in the bundle too,
// another 60 ms off a PDF build) is loaded only to print.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });

/**
 * proxy-agent is what @puppeteer/browsers downloads browsers through, and mapc never
 * downloads one (it uses the installed Chromium). Bundled, it and what it pulls in (a
 * JavaScript engine for proxy scripts, a parser, a code generator) are 1.9 MB that every
 * PDF build compiled before it could start Chromium. This stands in for it.
 */
const noDownloads = {
  name: 'no-browser-downloads',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'no-browser-downloads' }));
    build.onLoad({ filter: /.*/, namespace: 'no-browser-downloads' }, () => ({
      contents: "export class ProxyAgent { constructor() { throw new Error('mapc does not download browsers: install Chromium (apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH'); } }",
      loader: 'js',
    }));
  },
};

const { metafile } = await build({
  // render-worker is the entry of each worker thread; render-pool.ts finds it beside itself.
  entryPoints: { main: join(root, 'dist/cli/main.js'), 'render-worker': join(root, 'dist/build/render-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The CommonJS packages in the bundle (commander, handlebars, ajv's runtime) call require().
  banner: { js: "import { createRequire as __mapcCreateRequire } from 'node:module';\nconst require = __mapcCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  plugins: [noDownloads],
});
// Which sources went into which chunk: tests/cli/start-up.test.ts checks what `validate` loads.
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(metafile));
