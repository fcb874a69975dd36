import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function filesOf(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

describe('mapc build --to html', () => {
  it('writes each document of the example plans and a manifest of them', async () => {
    const out = temporaryFolder('mapc-build-');
    const result = await runMapc(['build', '--to', 'html', '--out', out, 'plans']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = filesOf(out);
    expect(Object.keys(files)).toEqual([
      'devon-children-and-families-2004-05.html',
      'devon-part-3-3-example.html',
      'iow-qp-map-2002-03.html',
      'iow-qp-map-2002-03.report.html',
      'iow-qp-map-2003-04.html',
      'iow-qp-map-2003-04.report.html',
      'manifest.json',
    ]);
    const manifest = JSON.parse(files['manifest.json']!);
    expect(manifest.version).toBe(1);
    expect(manifest.tool.name).toBe('mapc');
    expect(manifest.outputs).toEqual([
      { file: 'devon-children-and-families-2004-05.html', sha256: sha(files['devon-children-and-families-2004-05.html']!), source: 'plans/devon-children-and-families-2004-05.yaml', document: 'strategy', format: 'html' },
      { file: 'devon-part-3-3-example.html', sha256: sha(files['devon-part-3-3-example.html']!), source: 'plans/devon-part-3-3-example.yaml', document: 'strategy', format: 'html' },
      { file: 'iow-qp-map-2002-03.html', sha256: sha(files['iow-qp-map-2002-03.html']!), source: 'plans/isle-of-wight-qp-map-2002-03.yaml', document: 'map', format: 'html' },
      { file: 'iow-qp-map-2002-03.report.html', sha256: sha(files['iow-qp-map-2002-03.report.html']!), source: 'plans/isle-of-wight-qp-map-2002-03.yaml', document: 'report', format: 'html' },
      { file: 'iow-qp-map-2003-04.html', sha256: sha(files['iow-qp-map-2003-04.html']!), source: 'plans/isle-of-wight-qp-map-2003-04.yaml', document: 'map', format: 'html' },
      { file: 'iow-qp-map-2003-04.report.html', sha256: sha(files['iow-qp-map-2003-04.report.html']!), source: 'plans/isle-of-wight-qp-map-2003-04.yaml', document: 'report', format: 'html' },
    ]);
  });

  it('gives byte-identical output from two builds in different places, with no path or time in it', async () => {
    const first = temporaryFolder('mapc-first-');
    const second = temporaryFolder('mapc-second-');
    expect((await runMapc(['build', '--to', 'html', '--out', first, 'plans'])).code).toBe(0);
    expect((await runMapc(['build', '--to', 'html', '--out', second, 'plans'])).code).toBe(0);
    const a = filesOf(first);
    expect(filesOf(second)).toEqual(a);
    const everything = Object.values(a).join('\n');
    expect(everything).not.toContain(ROOT);
    expect(everything).not.toContain(first);
    expect(everything).not.toMatch(/20[2-9]\d-\d\d-\d\dT/);
  });

  it('marks a plan that is not submitted or approved as DRAFT, and only such a plan', async () => {
    const dir = temporaryFolder('mapc-draft-');
    const source = readFileSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), 'utf8');
    writeFileSync(join(dir, 'draft.yaml'), source.replace('status: approved', 'status: consultation'));
    expect((await runMapc(['build', '--to', 'html', '--out', 'out', 'draft.yaml'], { cwd: dir })).code).toBe(0);
    const draft = readFileSync(join(dir, 'out/devon-children-and-families-2004-05.html'), 'utf8');
    expect(draft).toContain('<strong>DRAFT</strong>: Draft for consultation.');
    expect(draft).toContain('<div class="draft-mark" aria-hidden="true"></div>');
    const approved = readFileSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), 'utf8');
    expect(approved).toContain('status: approved');
    const out = temporaryFolder('mapc-approved-');
    await runMapc(['build', '--to', 'html', '--out', out, 'plans/devon-children-and-families-2004-05.yaml']);
    const final = readFileSync(join(out, 'devon-children-and-families-2004-05.html'), 'utf8');
    expect(final).not.toContain('<strong>DRAFT</strong>');
    expect(final).not.toContain('class="draft-mark"');
  });

  it('builds the valid plans and reports the invalid ones, exit 1, leaving an earlier good output intact', async () => {
    const dir = temporaryFolder('mapc-partial-');
    cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
    expect((await runMapc(['build', '--to', 'html', '--out', 'out', 'plans'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, 'out/iow-qp-map-2002-03.html'), 'utf8');
    const iow = join(dir, 'plans/isle-of-wight-qp-map-2002-03.yaml');
    writeFileSync(iow, readFileSync(iow, 'utf8').replace('status: submitted', 'status: sent'));
    const result = await runMapc(['build', '--to', 'html', '--out', 'out', 'plans'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("plans/isle-of-wight-qp-map-2002-03.yaml:15:9: error: 'status' is 'sent'; it must be one of: draft, consultation, submitted, approved.");
    expect(result.stderr).toContain('mapc: plans/isle-of-wight-qp-map-2002-03.yaml was not built: fix the errors above.');
    // One count for the whole build, of every plan checked, not "1 file" after each file's problems.
    expect(result.stderr).not.toContain('1 file checked');
    expect(result.stderr.endsWith('\n4 files checked: 1 error, 0 warnings.\n')).toBe(true);
    expect(result.stdout).toContain('plans/devon-children-and-families-2004-05.yaml → out/devon-children-and-families-2004-05.html');
    expect(readFileSync(join(dir, 'out/iow-qp-map-2002-03.html'), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')).outputs).toHaveLength(6);
  });
});

describe('mapc build --template DIR', () => {
  function templateFolder(files: Record<string, string>): string {
    const dir = temporaryFolder('mapc-template-');
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, 'my-templates', name, '..'), { recursive: true });
      writeFileSync(join(dir, 'my-templates', name), content);
    }
    cpSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), join(dir, 'plan.yaml'));
    return dir;
  }

  it('renders the user\'s document with the same data, their CSS and the built-in partials', async () => {
    const dir = templateFolder({
      'document.hbs': '<!DOCTYPE html>\n<html lang="en-GB">\n{{> head}}\n<body><h1>{{text title}}</h1>\n' +
        '<ul>{{#each objectives}}{{#each achievements}}<li>{{markdownInline text}}</li>{{/each}}{{/each}}</ul>\n' +
        '{{> glossary}}<p>{{objectives.length}} themes</p></body>\n</html>\n',
      'styles/9-council.css': 'h1 { color: #004400; }',
    });
    const result = await runMapc(['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'out/devon-children-and-families-2004-05.html'), 'utf8');
    expect(html).toContain('<h1>Children and Families</h1>');
    expect(html).toContain('<p>7 themes</p>');
    expect(html).toContain('h1 { color: #004400; }');
    expect(html).toContain('.skip-link'); // the built-in styles are still there
    expect(html).toContain('<dt><abbr title="Family Group Conferencing">FGC</abbr></dt>');
  });

  it('fails with the template file, line and column for a field that does not exist', async () => {
    const dir = templateFolder({ 'document.hbs': '<html>\n<body>\n  <h1>{{titel}}</h1>\n</body>\n</html>\n' });
    const result = await runMapc(['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^mapc: plan\.yaml was not built: my-templates\/document\.hbs:3:9: the template uses 'titel', which does not exist here\. Fields here: id, kind, title, /);
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('catches a misspelt field inside #if and #each, not only in {{field}}', async () => {
    const dir = templateFolder({ 'document.hbs': '<html><body>\n{{#if sumary}}x{{/if}}\n</body></html>\n' });
    const ifResult = await runMapc(['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'], { cwd: dir });
    expect(ifResult.stderr).toContain("my-templates/document.hbs:2:7: the template uses 'sumary'");
    writeFileSync(join(dir, 'my-templates/document.hbs'), '{{#each objectives}}\n  {{#each actoins}}{{/each}}\n{{/each}}');
    const eachResult = await runMapc(['build', '--to', 'html', '--out', 'out', '--template', 'my-templates', 'plan.yaml'], { cwd: dir });
    expect(eachResult.stderr).toContain("my-templates/document.hbs:2:11: the template uses 'actoins', which does not exist here. Fields here: id, anchor, number, title,");
    expect(eachResult.code).toBe(1);
  });

  it('takes an absolute template folder as well as a relative one', async () => {
    const dir = templateFolder({ 'styles/9-council.css': 'h1 { color: #004400; }' });
    const result = await runMapc(['build', '--to', 'html', '--out', 'out', '--template', join(dir, 'my-templates'), 'plan.yaml'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(readFileSync(join(dir, 'out/devon-children-and-families-2004-05.html'), 'utf8')).toContain('h1 { color: #004400; }');
  });

  it('refuses a template that is neither a built-in document nor a folder, rather than using the defaults', async () => {
    const dir = templateFolder({});
    const typo = await runMapc(['build', '--to', 'html', '--out', 'out', '--template', 'strategi', 'plan.yaml'], { cwd: dir });
    expect(typo.stderr).toBe("mapc: the template 'strategi' is neither a built-in document (map, report, strategy) nor a folder. Did you mean 'strategy'?\n");
    expect(typo.code).toBe(2);
    const missing = await runMapc(['build', '--to', 'html', '--out', 'out', '--template', 'council-templates', 'plan.yaml'], { cwd: dir });
    expect(missing.stderr).toContain("the template 'council-templates' is neither a built-in document (map, report, strategy) nor a folder. Give one of map, report, strategy, or the path of a folder of templates.");
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('two plans with one id', () => {
  it('builds the first and refuses the second, whose documents would overwrite it', async () => {
    const dir = temporaryFolder('mapc-twins-');
    const source = readFileSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), source);
    writeFileSync(join(dir, 'b.yaml'), source.replace('title: Example Part', 'title: Another'));
    const result = await runMapc(['build', '--to', 'html', '--out', 'out', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("mapc: b.yaml was not built: its id 'devon-part-3-3-example' is also the id of a.yaml, and documents are named after ids. Give each plan its own id.\n");
    expect(readFileSync(join(dir, 'out/devon-part-3-3-example.html'), 'utf8')).toContain('Example Part');
    expect(readFileSync(join(dir, 'out/devon-part-3-3-example.html'), 'utf8')).not.toContain('Another');
  });
});
