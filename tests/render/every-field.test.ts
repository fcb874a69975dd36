import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/model.js';
import { readLogo } from '../../src/project/read-logo.js';
import { Renderer } from '../../src/render/render-document.js';
import { buildContentsView } from '../../src/render/contents-view.js';
import { planFrom, renderAll } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/run-mapc.js';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; additionalProperties?: Schema | boolean };

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8')) as Schema & { definitions: Record<string, Schema> };
const source = readFileSync(join(ROOT, 'tests/fixtures/every-field-and-label.yaml'), 'utf8');
const data = parse(source) as unknown;
// The paper's logo is read as a build reads it, from beside the fixture (src/project/read-logo.ts).
const plan = withLogoRead(planFrom(source));
// Some labels print only in a strategy's columns or on a project's contents page.
const contents = new Renderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'mapc test' }).renderContents(
  buildContentsView({ id: 'whole', title: 'Whole', authority: 'A', labels: plan.labels }, [{ plan, href: 'p.html', pdfHref: 'p.pdf' }], 'whole.pdf'),
);
const documents = [...renderAll(plan), ...renderAll(plan, 'strategy'), { html: contents }];
const html = documents.map((d) => d.html).join('\n');
// What a reader sees: the text of the documents, tags removed, thousands separators too.
const text = html.replace(/<\/?(abbr|a|span|strong|em)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/(\d),(\d)/g, '$1$2').replace(/\s+/g, ' ');

/** Fields that are not printed as such, with what shows each one reached the output instead. */
const SHOWN_AS: Record<string, (value: unknown) => string> = {
  mapc: () => '<!DOCTYPE html>', // the format version: read by mapc, not printed
  kind: () => 'class="document-map"', // chooses the documents
  framework: () => 'Quality Protects',
  status: () => 'Labelfieldstatusconsultation',
  unit: () => 'days',
  polarity: () => 'Labelfieldlowerisbetter',
  measure: () => 'Labelfieldchangevalue +12',
  'report.appendix': () => 'Labelfieldappendix',
  'report.sections.include': () => 'Emphasisfield one',
  'report.date': () => '30 April 2002',
  'report.logo.file': () => 'src="data:image/svg+xml;base64,',
  'report.logo.alt': (value) => `alt="${String(value)}"`,
  'dates.submitted': () => '11 January 2002',
  'dates.approved': () => '12 February 2002',
  'dates.published': () => '13 March 2002',
  'objectives.actions.due': () => 'November 2002',
  'objectives.actions.status': () => 'Labelfieldstatusinprogress',
  'glossary': () => 'Glossaryexpansionfield words',
};

/**
 * Labels that print only where a plan is in another state than this one: another status of
 * the plan or of an action, another judgement or polarity, a difference in points, a
 * strategy without a title, an objective whose actions are its key action points, two
 * draft parts, the links between a project's parts. Their defaults are looked for, and
 * not found, in the example plans' documents (every-phrase-a-label.test.ts).
 */
const OTHER_STATES = ['statusDraft', 'statusSubmitted', 'statusApproved', 'statusDone', 'statusDropped', 'partsDraft', 'keyActionsForObjective', 'worseThanNational', 'sameAsNational', 'higherIsBetter', 'percentagePoint', 'percentagePoints', 'strategyTitle', 'partsNavigation', 'nextPart'].map((key) => `labels.${key}`);
/** The "Changes since" paper's labels print on that paper alone (diff-paper-labels.test.ts). */
const ON_THE_CHANGES_PAPER = (path: string) => path.startsWith('labels.diff');

function withLogoRead(read: Plan): Plan {
  const logo = readLogo(read, source, 'tests/fixtures/every-field-and-label.yaml', ROOT);
  if ('problem' in logo) throw new Error(logo.problem.message);
  return logo.plan;
}

/** Fields for the plan's authors alone: never in a document. */
const NOT_PRINTED = ['indicators.authorNote'];

const REFERENCE = /(^|\.)(id|objectives|indicators|objective|indicator)$/;

/** Every path of the schema that holds a value (not a mapping or a list), like objectives.actions.lead. */
function leafPaths(node: Schema, path: string): string[] {
  const resolved = node.$ref ? schema.definitions[node.$ref.replace('#/definitions/', '')]! : node;
  if (resolved.anyOf) return [...new Set(resolved.anyOf.flatMap((branch) => leafPaths(branch, path)))];
  if (resolved.properties) return Object.entries(resolved.properties).flatMap(([key, child]) => leafPaths(child, path ? `${path}.${key}` : key));
  if (resolved.items) return leafPaths(resolved.items, path);
  return [path];
}

/** The fixture's values at a schema path, through lists. */
function valuesAt(value: unknown, keys: string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, keys));
  if (keys.length === 0) return value === undefined ? [] : [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[keys[0]!], keys.slice(1));
}

const paths = leafPaths(schema, '').filter((path) => path !== '');

describe('every field of the format reaches a document', () => {
  it('the fixture sets every field of the schema', () => {
    expect(paths.filter((path) => valuesAt(data, path.split('.')).length === 0)).toEqual([]);
  });

  it('prints no note for authors', () => {
    expect(text).not.toContain('Authornotefield');
  });

  it.each(paths.filter((path) => !NOT_PRINTED.includes(path) && !OTHER_STATES.includes(path) && !ON_THE_CHANGES_PAPER(path)))('%s', (path) => {
    // A label prints its own words; its placeholders are the other fields, checked under their paths.
    const label = path.startsWith('labels.') ? (value: unknown) => String(value).replace(/\s*\{.*$/, '') : undefined;
    const shown = label ?? SHOWN_AS[path] ?? SHOWN_AS[path.split('.').pop()!];
    for (const value of valuesAt(data, path.split('.'))) {
      // A text-or-mapping field: the mapping's own fields are checked under their paths.
      if (typeof value === 'object' && value !== null && !shown) continue;
      if (shown) expect(html).toContain(shown(value));
      // Ids and references to them become anchors and links.
      else if (REFERENCE.test(path)) expect(html).toMatch(new RegExp(`(id|href)="#?[a-z-]*${value}"|content="${value}"`));
      else expect(text).toContain(String(value));
    }
  });
});
