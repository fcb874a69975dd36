import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatten, pdfText } from '../helpers/pdf-tools.js';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { fileTempDir } from '../helpers/temporary.js';

/**
 * A council words the documents' own headings as it always has (`labels:`): the example
 * plans, given the headings of their source documents, print them word for word, in the
 * HTML and in the PDF. Each heading is first found as a line of the source document itself
 * (tests/fixtures/seeds), so that what is looked for is the source's wording, not a copy.
 */
const PAPER = {
  plan: 'plans/isle-of-wight-qp-map-2002-03.yaml',
  seed: 'isle-of-wight-paper-b.txt',
  output: 'iow-qp-map-2002-03.report',
  labels: { purpose: 'SUMMARY/PURPOSE', conclusion: 'CONCLUSION', recommendations: 'RECOMMENDATIONS', backgroundPapers: 'ADDITIONAL PAPERS', appendix: 'APPENDIX A' },
};
const PART = {
  plan: 'plans/devon-children-and-families-2004-05.yaml',
  seed: 'devon-part-3-2.txt',
  output: 'devon-children-and-families-2004-05',
  labels: {
    achievementsAndActions: 'Achievements 2001- 2004 and Key Actions for 2004/05',
    achievedColumn: 'What we have achieved through the Strategic Programme (2001-2004)',
    actionsColumn: 'Actions to Improve Performance (2004 - 2005)',
  },
};
/** How the heading prints: the strategic plan numbers its first section, as the source did. */
const printed = (key: string, text: string) => (key === 'achievementsAndActions' ? `1. ${text}` : text);

let out: string;

beforeAll(async () => {
  const dir = fileTempDir('seed-headings');
  out = join(dir, 'out');
  for (const { plan, labels } of [PAPER, PART]) {
    // The plan's own labels are replaced by the test's (JSON is YAML).
    const source = readFileSync(join(ROOT, plan), 'utf8').replace(/^labels:\n(?: {2}.*\n)+/m, '');
    writeFileSync(join(dir, plan.split('/').pop()!), `${source}\nlabels: ${JSON.stringify(labels)}\n`);
  }
  const built = await runInProcess(['build', dir, '--out', out, '--quiet']);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
}, 120_000);

describe.each([PAPER, PART])('$plan with the headings of its source', (document) => {
  const headings = Object.entries(document.labels).map(([key, text]) => printed(key, text));

  it('takes each heading from its source document, a line of it word for word', () => {
    const lines = readFileSync(join(ROOT, 'tests/fixtures/seeds', document.seed), 'utf8').split('\n').map((line) => line.trim());
    expect(headings.filter((heading) => !lines.includes(heading))).toEqual([]);
  });

  it('prints each as a heading of the HTML', () => {
    const html = readFileSync(join(out, `${document.output}.html`), 'utf8');
    // Headings, and the column headings of a theme (a table's, repeated on every page it runs onto).
    const texts = [...html.matchAll(/<h[1-6][^>]*>(.*?)<\/h[1-6]>|<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => (m[1] ?? m[2])!.replace(/<[^>]+>/g, ''));
    const escaped = (text: string) => text.replace(/&/g, '&amp;');
    expect(headings.filter((heading) => !texts.includes(escaped(heading)))).toEqual([]);
  });

  it('prints each in the PDF, as pdftotext reads it', () => {
    const text = flatten(pdfText(join(out, `${document.output}.pdf`)));
    expect(headings.filter((heading) => !text.includes(heading))).toEqual([]);
  });
});
