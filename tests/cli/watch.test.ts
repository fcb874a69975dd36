import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchOwnBrowsers } from '../helpers/browser.js';
import { ROOT, startBinary } from '../helpers/mapc.js';
import { descendantsOf } from '../helpers/processes.js';
import { tempDir } from '../helpers/temporary.js';

const PLAN = 'plans/devon-part-3-3-example.yaml';
const OUTPUT = 'out/devon-part-3-3-example.html';

function workspace(): string {
  const dir = tempDir('watch');
  mkdirSync(join(dir, 'plans'));
  cpSync(join(ROOT, PLAN), join(dir, PLAN));
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
}

describe('mapc build --watch', () => {
  // The PDF case is of the Chromium mapc launches and keeps open.
  launchOwnBrowsers();

  it('rebuilds a saved plan, keeps the last good output for a broken one, and rebuilds it fixed', async () => {
    const dir = workspace();
    const watching = startBinary(['build', '--watch', '--to', 'html', '--out', 'out', 'plans'], { cwd: dir });
    try {
      await watching.waitForOutput('Watching for changes');
      expect(watching.stdout()).toMatch(/Built in \d+ ms\./);

      edit(dir, PLAN, (text) => text.replace('title: An example theme', 'title: A theme saved in the editor'));
      await watching.waitForOutput('Rebuilt in', 1);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toContain('A theme saved in the editor');
      const good = readFileSync(join(dir, OUTPUT), 'utf8');

      edit(dir, PLAN, (text) => text.replace('objectives:', 'objectives: [unclosed'));
      await watching.waitForOutput('Not built: fix the problems above. The last good output is kept.');
      expect(watching.stderr()).toMatch(/plans\/devon-part-3-3-example\.yaml:\d+:\d+: error: YAML syntax/);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toBe(good);

      edit(dir, PLAN, (text) => text.replace('objectives: [unclosed', 'objectives:').replace('A theme saved in the editor', 'A theme fixed again'));
      await watching.waitForOutput('Rebuilt in', 2);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toContain('A theme fixed again');
    } finally {
      expect((await watching.stop()).code).toBe(0);
    }
  });

  it('rebuilds when a template or stylesheet of the user\'s is saved', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'look/styles'), { recursive: true });
    writeFileSync(join(dir, 'look/document.hbs'), '<!DOCTYPE html>\n<html lang="en-GB">\n{{> head}}\n<body><h1>{{text title}}</h1></body>\n</html>\n');
    writeFileSync(join(dir, 'look/styles/9-council.css'), 'h1 { color: #003300; }');
    const watching = startBinary(['build', '--watch', '--to', 'html', '--out', 'out', '--template', 'look', 'plans'], { cwd: dir });
    try {
      await watching.waitForOutput('Watching for changes');
      writeFileSync(join(dir, 'look/document.hbs'), '<!DOCTYPE html>\n<html lang="en-GB">\n{{> head}}\n<body><h1>Council: {{text title}}</h1></body>\n</html>\n');
      await watching.waitForOutput('Rebuilt in', 1);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toContain('<h1>Council: Example Part</h1>');
      writeFileSync(join(dir, 'look/styles/9-council.css'), 'h1 { color: #440000; }');
      await watching.waitForOutput('Rebuilt in', 2);
      expect(readFileSync(join(dir, OUTPUT), 'utf8')).toContain('h1 { color: #440000; }');
    } finally {
      await watching.stop();
    }
  });

  it('rebuilds when the logo a plan names is saved, though no folder watched holds it', async () => {
    const dir = tempDir('watch-logo');
    mkdirSync(join(dir, 'plans'));
    mkdirSync(join(dir, 'images'));
    const crest = (colour: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" fill="${colour}"/></svg>`;
    const inPaper = (colour: string) => Buffer.from(crest(colour)).toString('base64');
    writeFileSync(join(dir, 'images/crest.svg'), crest('#1d4f91'));
    const plan = readFileSync(join(ROOT, 'plans/isle-of-wight-qp-map-2002-03.yaml'), 'utf8').replace('\nreport:\n', '\nreport:\n  logo: { file: ../images/crest.svg, alt: Isle of Wight Council }\n');
    writeFileSync(join(dir, 'plans/iow.yaml'), plan);
    const paper = join(dir, 'out/iow-qp-map-2002-03.report.html');
    // The plan file itself is what is watched: its folder, and the logo's, are not.
    const watching = startBinary(['build', '--watch', '--to', 'html', '--out', 'out', 'plans/iow.yaml'], { cwd: dir });
    try {
      await watching.waitForOutput('Watching for changes');
      expect(readFileSync(paper, 'utf8')).toContain(inPaper('#1d4f91'));
      writeFileSync(join(dir, 'images/crest.svg'), crest('#7a1f1f'));
      await watching.waitForOutput('Rebuilt in', 1);
      expect(readFileSync(paper, 'utf8')).toContain(inPaper('#7a1f1f'));
    } finally {
      expect((await watching.stop()).code).toBe(0);
    }
  });

  it('watches a project started with no path, and survives a template saved half-written', async () => {
    const dir = tempDir('watch-project');
    cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
    cpSync(join(ROOT, 'mapc.yaml'), join(dir, 'mapc.yaml'));
    mkdirSync(join(dir, 'look'));
    writeFileSync(join(dir, 'look/document.hbs'), '<!DOCTYPE html>\n<html lang="en-GB">\n{{> head}}\n<body><h1>{{text title}}</h1>{{> part-navigation}}</body>\n</html>\n');
    writeFileSync(join(dir, 'mapc.yaml'), readFileSync(join(dir, 'mapc.yaml'), 'utf8').replace('to: [html, pdf]', 'to: [html], template: look'));
    const watching = startBinary(['build', '--watch'], { cwd: dir });
    try {
      await watching.waitForOutput('Watching for changes');
      const output = join(dir, 'dist/devon-strategic-plan/devon-part-3-3-example.html');
      edit(dir, PLAN, (text) => text.replace('title: Example Part', 'title: Example Part Saved'));
      await watching.waitForOutput('Rebuilt in', 1);
      expect(readFileSync(output, 'utf8')).toContain('<h1>Example Part Saved</h1>');
      // The neighbour's "next" link names the part by number; its contents page by title.
      expect(readFileSync(join(dir, 'dist/devon-strategic-plan/index.html'), 'utf8')).toContain('3.3 Example Part Saved');
      writeFileSync(join(dir, 'look/document.hbs'), '<html>{{#if title}}</html>');
      await watching.waitForOutput('Not built: fix the problems above. The last good output is kept.');
      expect(watching.stderr()).toContain("look/document.hbs: Parse error on line 1:\n  ...{{#if title}}</html>\n  -----------------------^\n  Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'");
      expect(readFileSync(output, 'utf8')).toContain('<h1>Example Part Saved</h1>');
      writeFileSync(join(dir, 'look/document.hbs'), '<!DOCTYPE html>\n<html lang="en-GB">\n{{> head}}\n<body><h1>Again: {{text title}}</h1></body>\n</html>\n');
      await watching.waitForOutput('Rebuilt in', 2);
      expect(readFileSync(output, 'utf8')).toContain('<h1>Again: Example Part Saved</h1>');
    } finally {
      expect((await watching.stop()).code).toBe(0);
    }
  });

  it('prints a PDF again on a save with the browser it kept open', async () => {
    const dir = workspace();
    const watching = startBinary(['build', '--watch', '--to', 'pdf', '--out', 'out', 'plans'], { cwd: dir });
    try {
      await watching.waitForOutput('Watching for changes');
      const browser = watching.child.pid!;
      const before = descendantsOf(browser)[0];
      expect(before, 'the Chromium mapc launched').toBeDefined();
      edit(dir, PLAN, (text) => text.replace('title: An example theme', 'title: Printed again'));
      await watching.waitForOutput('Rebuilt in', 1);
      expect(descendantsOf(browser)[0]).toBe(before);
    } finally {
      await watching.stop();
    }
  });
});
