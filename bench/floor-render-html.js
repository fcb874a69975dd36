// The floor for `mapc build --to html`: the same Handlebars templates, helpers and view
// of each plan, rendered by a bare script that parses the YAML (with js-yaml, the faster
// of the readers mapc uses) and writes the HTML, one plan after another, with none of
// mapc's checking, guarded lookups' reporting, atomic writes or manifest. A floor is
// mapc's own parts without mapc's work around them, so it alone reaches into dist/ beyond
// the public API (dist/index.js), which mapc's rows and bench/diff.js use.
// Usage: node bench/floor-render-html.js OUT_DIR FILE.yaml...
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { buildPlan } from '../dist/plan/model.js';
import { Renderer } from '../dist/render/render-document.js';

const [outDir, ...files] = process.argv.slice(2);
const renderer = new Renderer({ builtInTemplates: new URL('../templates/', import.meta.url).pathname, cwd: process.cwd(), generator: 'floor' });
for (const file of files) {
  const plan = buildPlan(load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA }));
  for (const name of renderer.documentsFor(plan)) {
    const document = renderer.render(plan, name);
    writeFileSync(join(outDir, `${document.baseName}.html`), document.html);
  }
}
