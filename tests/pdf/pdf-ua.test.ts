import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactTextPages, checkPdfUa, type UaReport } from '../helpers/pdf-ua.js';
import { pdfInfo, pdfIsSound, pdfText } from '../helpers/pdf-tools.js';
import { planFile } from '../helpers/render-plan.js';
import { ROOT, runMapc } from '../helpers/run-mapc.js';

// Every kind of PDF mapc prints, each printed once: the example plan and its report, the
// project's parts (Devon's Part 3.2 made a draft: a strategy of several pages, each marked,
// which the DRAFT test reads too; Part 3.3 is a draft already) and its bound (whole-document)
// PDF, and the changes paper.
let out = '';
const files: Record<string, string> = {};
const reports: Record<string, UaReport> = {};

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'mapc-pdf-ua-'));
  const project = join(out, 'project');
  const plans = join(out, 'plans');
  mkdirSync(join(project, 'plans'), { recursive: true });
  writeFileSync(join(project, 'mapc.yaml'), readFileSync(join(ROOT, 'mapc.yaml'), 'utf8').replace(/\$schema=\S+/, ''));
  copyFileSync(join(ROOT, 'plans/devon-part-3-3-example.yaml'), join(project, 'plans/devon-part-3-3-example.yaml'));
  const devon = readFileSync(join(ROOT, 'plans/devon-children-and-families-2004-05.yaml'), 'utf8');
  writeFileSync(join(project, 'plans/devon-children-and-families-2004-05.yaml'), devon.replace('status: approved', 'status: draft'));
  const results = await Promise.all([
    runMapc(['build', '--to', 'pdf', '--out', project], { cwd: project }),
    runMapc(['build', '--to', 'pdf', '--out', plans, 'plans/isle-of-wight-qp-map-2002-03.yaml']),
    runMapc(['diff', 'plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/isle-of-wight-qp-map-2003-04.yaml', '--format', 'pdf', '--out', join(out, 'changes.pdf')]),
  ]);
  // diff with --out exits 0 once its paper is written.
  results.forEach((result) => expect(result.code, result.stderr).toBe(0));
  Object.assign(files, {
    map: join(plans, 'iow-qp-map-2002-03.pdf'),
    report: join(plans, 'iow-qp-map-2002-03.report.pdf'),
    draft: join(project, 'devon-children-and-families-2004-05.pdf'),
    part: join(project, 'devon-part-3-3-example.pdf'),
    bound: join(project, 'devon-strategic-plan-2004.pdf'),
    changes: join(out, 'changes.pdf'),
  });
  for (const [name, file] of Object.entries(files)) reports[name] = checkPdfUa(file);
}, 150_000);

describe('PDF/UA-1, machine-checkable conditions', () => {
  it('passes every condition on every PDF mapc prints, PDF/UA-1 declared in the XMP', () => {
    for (const [name, report] of Object.entries(reports)) {
      expect(report.problems, name).toEqual([]);
      expect(report.untaggedOperators, name).toBe(0);
      expect(report.artifactOperators, name).toBeGreaterThan(0);
    }
    for (const file of Object.values(files)) expect(readFileSync(file, 'latin1')).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('draws the running title, page number (and DRAFT) on every page as artifact text', () => {
    for (const [name, report] of Object.entries(reports)) expect(report.artifactTextPerPage.every((count) => count > 0), name).toBe(true);
  });

  it('has one Figure per indicator, with its alternative, and a description on every link', () => {
    const plan = planFile('plans/isle-of-wight-qp-map-2002-03.yaml');
    expect(reports.map!.figures).toBe(plan.indicators.length);
    expect(reports.map!.links).toBeGreaterThan(0);
    // Strong (PDF 2.0) is role-mapped, not dropped.
    expect(reports.map!.structureTypes).toContain('/Strong');
  });

  it('marks every page of a draft DRAFT: the notice on the first page as text, the mark on each page as an artifact', () => {
    const pages = Number(pdfInfo(files.draft!).Pages);
    expect(pages, 'a draft of several pages').toBeGreaterThan(1);
    expect(pdfText(files.draft!, 1)).toContain('DRAFT');
    for (let page = 2; page <= pages; page++) expect(pdfText(files.draft!, page), `page ${page}`).not.toContain('DRAFT');
    expect(artifactTextPages(files.draft!)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  });

  it('keeps artifacts out of the extracted text: no running title, page numbers or DRAFT mark mid-text', () => {
    for (const [name, file] of Object.entries(files)) {
      const text = pdfText(file);
      expect(text, name).not.toMatch(/Page \d+ of \d+/);
    }
    const draft = pdfText(files.draft!);
    // Only the notice on the first page says DRAFT; the mark on every page is not read.
    expect(draft.match(/DRAFT/g)).toHaveLength(1);
    // The report's title is its heading, read once, not again at the top of every page.
    expect(pdfText(files.report!).match(/Quality Protects Management Action Plan 2002-2003\n/g)!.length).toBeLessThanOrEqual(2);
  });

  it('shows every indicator label in poppler\'s structure reading', () => {
    // poppler joins a line wrapped in a label without a space: compare without white space.
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const structure = squeeze(execFileSync('pdfinfo', ['-struct-text', files.map!], { encoding: 'utf8' }));
    for (const indicator of planFile('plans/isle-of-wight-qp-map-2002-03.yaml').indicators) {
      expect(structure.includes(squeeze(`"${indicator.label}"`)), indicator.label).toBe(true);
    }
  });

  it('stays sound by qpdf\'s check', () => {
    for (const file of Object.values(files)) expect(pdfIsSound(file), file).toBe(true);
  });
});
