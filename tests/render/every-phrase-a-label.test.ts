import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-tools.js';
import { runInProcess } from '../helpers/mapc.js';
import { fileTempDir } from '../helpers/temporary.js';
import { knownExpansions } from '../../src/plan/abbreviations.js';
import { LABEL_DEFAULTS } from '../../src/plan/generated/label-defaults.js';
import type { Plan } from '../../src/plan/model.js';
import { buildContentsView } from '../../src/render/contents-view.js';
import { Renderer } from '../../src/render/render-document.js';
import { marker, withMarkers } from '../helpers/label-markers.js';
import { EXAMPLE_PLANS, planFrom, renderAll } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/run-mapc.js';

/**
 * Every fixed phrase of the built-in documents is a label a council can change: with each
 * label set to a marker (its key in brackets), every word a reader sees or hears (text,
 * the data-label, aria-label, alt and title attributes, the strings of the styles' generated
 * content) is the plan's own: its YAML,
 * its framework's wording, its abbreviations and their expansions, or a month of a date. A word
 * that is none of these is a phrase fixed in a template or in code. The PDF's own phrases (the page numbers, the DRAFT mark) are looked
 * for in pdf-phrases (tests/pdf).
 */
const PLANS = [...EXAMPLE_PLANS, 'plans/isle-of-wight-qp-map-2003-04.yaml', 'plans/devon-part-3-3-example.yaml', 'tests/fixtures/every-field.yaml'];

/** The words of `text`: letters, at least two. */
export function wordsOf(text: string): string[] {
  return text.match(/\p{L}[\p{L}'’]*\p{L}/gu) ?? [];
}

/** Dates are printed in words ("11 January 2002"), from the plan's 2002-01-11. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What a reader of the HTML sees or hears: the body's text (an SVG's too), the labels of
 * attributes, and the strings of the styles' generated content (a printed page's number
 * and DRAFT mark are written there).
 */
function readerText(html: string): string {
  const pieces: string[] = [];
  let styles = '';
  let inHead = false;
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'head') inHead = true;
        if (name === 'style') inStyle = true;
        for (const attribute of ['aria-label', 'data-label', 'alt', 'title']) if (attributes[attribute]) pieces.push(attributes[attribute]);
      },
      ontext(text) {
        if (inStyle) styles += text;
        else if (!inHead) pieces.push(text);
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (name === 'style') inStyle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return [...pieces, ...generatedContent(styles)].join(' ').replace(/\s+/g, ' ');
}

/** The strings of CSS `content:` declarations, their escapes read ("\\50 age" is "Page"). */
function generatedContent(css: string): string[] {
  return [...css.matchAll(/content:([^;}]*)/g)].flatMap((m) =>
    [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]!.replace(/\\([0-9A-Fa-f]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))),
  );
}

/** The plan's own words, which its documents may print whatever the labels say. */
function ownWords(path: string, plan: Plan): string {
  return [readFileSync(join(ROOT, path), 'utf8').replace(/^labels:\n(?: {2}.*\n)+/m, ''), plan.framework.name, ...plan.framework.objectives.map((o) => o.wording), ...knownExpansions(plan).keys(), ...knownExpansions(plan).values()].join('\n');
}

const documents = PLANS.flatMap((path) => {
  const plan = planFrom(withMarkers(path));
  const own = ownWords(path, plan);
  return renderAll(plan).map((d) => ({ name: `${path} ${d.name}`, text: readerText(d.html), own }));
});

/** The example project's contents page and whole document, with mapc.yaml's labels and each part's set to markers. */
function projectDocuments() {
  const paths = ['plans/devon-children-and-families-2004-05.yaml', 'plans/devon-part-3-3-example.yaml'];
  const plans = paths.map((path) => planFrom(withMarkers(path)));
  const labels = Object.fromEntries(Object.keys(LABEL_DEFAULTS).map((key) => [key, marker(key)]));
  const project = { id: 'whole', title: 'Whole Title', authority: 'Whole Authority', labels };
  const contents = buildContentsView(project, plans.map((plan) => ({ plan, href: `${plan.id}.html`, pdfHref: `${plan.id}.pdf` })), 'whole.pdf');
  const renderer = new Renderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'mapc test' });
  const own = [project.title, project.authority, ...paths.map((path, i) => ownWords(path, plans[i]!))].join('\n');
  return [
    { name: 'the project\'s contents page', text: readerText(renderer.renderContents(contents)), own },
    { name: 'the project\'s whole document', text: readerText(renderer.renderBound(contents, plans)), own },
  ];
}
documents.push(...projectDocuments());

/** The words of `text` that are neither the plan's own nor a month's. */
function unexplained(text: string, own: string): string[] {
  const known = new Set([...wordsOf(own), ...MONTHS]);
  return [...new Set(wordsOf(text.replace(/\[\w+\]/g, ' ')).filter((word) => !known.has(word)))];
}

describe('every fixed phrase of a document is a label', () => {
  it('renders every plan\'s documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(PLANS.length + 5);
  });

  it.each(documents)('$name: with every label set, no word the plan did not write', ({ text, own }) => {
    expect(unexplained(text, own)).toEqual([]);
  });

  // What the PDF prints of its HTML: its margin boxes are left out of pdftotext's reading (they are artifacts), and read in the HTML's styles above.
  it('prints no word the plan did not write in the PDF of a draft plan', async () => {
    const path = 'tests/fixtures/every-field.yaml';
    const dir = fileTempDir('every-phrase');
    writeFileSync(join(dir, 'every-field.yaml'), withMarkers(path));
    const built = await runInProcess(['build', dir, '--out', join(dir, 'out'), '--quiet']);
    expect(built.code, built.stderr).toBe(0);
    const own = ownWords(path, planFrom(withMarkers(path)));
    const pdfs = readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.pdf'));
    expect(pdfs.length).toBe(2);
    // The signature prints in capitals (text-transform): the plan's words in capitals are its own too.
    for (const pdf of pdfs) expect(unexplained(pdfText(join(dir, 'out', pdf)), `${own}\n${own.toUpperCase()}`), pdf).toEqual([]);
  }, 120_000);
});
