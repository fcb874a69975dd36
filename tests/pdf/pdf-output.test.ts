import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFile } from '../helpers/render-plan.js';
import { flatten, outlineTitles, pdfInfo, pdfIsSound, pdfOutline, pdfText } from '../helpers/pdf-tools.js';
import { runMapc } from '../helpers/run-mapc.js';
import { artifactTextPages } from '../helpers/pdf-ua.js';

const MAP = 'iow-qp-map-2002-03.pdf';
const REPORT = 'iow-qp-map-2002-03.report.pdf';
const STRATEGY = 'devon-children-and-families-2004-05.pdf';
let out = '';

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'mapc-pdf-'));
  const result = await runMapc(['build', '--to', 'pdf', '--out', out, 'plans']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}, 120_000);

describe('PDF output of the example plans', () => {
  it('prints each document, sound by qpdf\'s check, with its browser in the manifest', () => {
    expect(readdirSync(out).sort()).toEqual([STRATEGY, 'devon-part-3-3-example.pdf', MAP, REPORT, 'iow-qp-map-2003-04.pdf', 'iow-qp-map-2003-04.report.pdf', 'manifest.json'].sort());
    for (const file of [MAP, REPORT, STRATEGY]) expect(pdfIsSound(join(out, file))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outputs.map((o: { browser?: string }) => o.browser)).toEqual(Array(6).fill(expect.stringMatching(/Chrom/)));
  });

  it('is tagged, A4, with the plan\'s metadata and dates from the plan, not the clock', () => {
    const info = pdfInfo(join(out, MAP));
    expect(info).toMatchObject({
      Tagged: 'yes',
      Title: 'Quality Protects Management Action Plan 2002-2003',
      Author: 'Isle of Wight Council',
      Subject: 'Management Action Plan of Isle of Wight Council for 2002-03',
      Keywords: 'Management Action Plan, Quality Protects, 2002-03, Isle of Wight Council, Social Services and Housing',
      Creator: expect.stringMatching(/^mapc \d+\.\d+\.\d+$/),
      CreationDate: 'Thu Jan 31 00:00:00 2002 UTC',
      ModDate: 'Thu Jan 31 00:00:00 2002 UTC',
      'Metadata Stream': 'yes',
      'Page size': '594.96 x 841.92 pts (A4)',
    });
    // Devon's part has no date of its own: the start of its plan period stands in.
    expect(pdfInfo(join(out, STRATEGY)).CreationDate).toBe('Thu Apr  1 00:00:00 2004 UTC');
  });

  it('has a bookmark for every objective, under its section', () => {
    const titles = outlineTitles(pdfOutline(join(out, MAP)));
    const objectives = planFile('plans/isle-of-wight-qp-map-2002-03.yaml').objectives;
    for (const objective of objectives) {
      expect(titles).toContainEqual({ title: flatten(`Objective ${objective.number}: ${objective.title}`), depth: 3 });
    }
    expect(titles[0]).toEqual({ title: 'Quality Protects Management Action Plan 2002-2003', depth: 1 });
    expect(titles).toContainEqual({ title: 'Objectives', depth: 2 });
    // Headings of level 4 (Achievements, Actions) are not bookmarked.
    expect(titles.filter((t) => t.depth > 3)).toEqual([]);
    expect(titles.some((t) => t.title === 'Achievements')).toBe(false);
  });

  it('contains every objective title, achievement, action and indicator value, in reading order', () => {
    for (const [path, pdf] of [
      ['plans/isle-of-wight-qp-map-2002-03.yaml', MAP],
      ['plans/devon-children-and-families-2004-05.yaml', STRATEGY],
    ] as const) {
      const plan = planFile(path);
      // pdftotext joins a word hyphenated at a line end ("co-" "ordinated"): compare without hyphens.
      const text = flatten(pdfText(join(out, pdf)).replace(/-\s*\n/g, '')).replace(/-/g, '');
      const plain = (markdown: string) => flatten(markdown.split('\n')[0]!.replace(/[*_`-]/g, ''));
      // Objectives in order; within each, achievements in order and actions in order (checked
      // apart: where two columns cross a page, the page holds the ends of both).
      const starts = plan.objectives.map((o) => text.indexOf(plain(o.title)));
      expect(starts.every((at, i) => at >= 0 && (i === 0 || at > starts[i - 1]!)), `objective titles in order: ${starts}`).toBe(true);
      plan.objectives.forEach((objective, i) => {
        const section = text.slice(starts[i], starts[i + 1] ?? text.length);
        for (const list of [objective.achievements, objective.actions]) {
          let position = 0;
          for (const item of list.map((entry) => plain(entry.text))) {
            const at = section.indexOf(item, position);
            expect(at, `"${item.slice(0, 60)}" in objective ${objective.number}`).toBeGreaterThanOrEqual(position);
            position = at + item.length;
          }
        }
      });
      for (const indicator of plan.indicators) expect(text).toContain(`${indicator.value}%`);
    }
  });

  it('prints "Page N of M" and the short title as artifacts, out of the text, and ends without a blank page', () => {
    const file = join(out, REPORT);
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThan(1);
    // The margin boxes are drawn on every page as artifact text (tests/pdf/pdf-ua.test.ts), which text extraction leaves out.
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, page);
      expect(text).not.toContain(`Page ${page} of ${pages}`);
      expect(flatten(text).length).toBeGreaterThan(100);
    }
    expect(artifactTextPages(file)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  });

  it('gives byte-identical PDFs from two builds, and the same bytes for plans built apart from the batch, one page at a time', async () => {
    // One second build serves both: the Isle of Wight plan's map first, alone on the one page
    // as when built by itself, then its report and Devon's part after it on the same page.
    // Chromium numbers tagged elements across all it prints; mapc renumbers them per document
    // (src/pdf/element-ids.ts), and Devon's part, with its tables, is where that shows.
    const again = mkdtempSync(join(tmpdir(), 'mapc-pdf-again-'));
    const result = await runMapc(['build', '--to', 'pdf', '--jobs', '1', '--out', again, 'plans/isle-of-wight-qp-map-2002-03.yaml', 'plans/devon-children-and-families-2004-05.yaml']);
    expect(result.code).toBe(0);
    const same = (file: string) => readFileSync(join(again, file)).equals(readFileSync(join(out, file)));
    expect(same(MAP), `${MAP}: the same bytes from a second build, printed first on its page`).toBe(true);
    for (const file of [REPORT, STRATEGY]) expect(same(file), `${file}: the same bytes from a second build, printed after another document on its page`).toBe(true);
  });

  it('takes the date from SOURCE_DATE_EPOCH when the plan has none', async () => {
    // Part 3.3 has no date of its own, as Devon's part has none: a page, not seven, shows it.
    const dir = mkdtempSync(join(tmpdir(), 'mapc-epoch-'));
    const result = await runMapc(['build', '--to', 'pdf', '--out', dir, 'plans/devon-part-3-3-example.yaml'], {
      env: { SOURCE_DATE_EPOCH: '1104537600' },
    });
    expect(result.code).toBe(0);
    expect(pdfInfo(join(out, 'devon-part-3-3-example.pdf')).CreationDate, 'without SOURCE_DATE_EPOCH: the start of its period').toBe('Thu Apr  1 00:00:00 2004 UTC');
    expect(pdfInfo(join(dir, 'devon-part-3-3-example.pdf')).CreationDate).toBe('Sat Jan  1 00:00:00 2005 UTC');
  });
});
