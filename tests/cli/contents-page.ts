/**
 * Reading the contents page of a project's bound PDF (its first page) against the pages
 * where its parts start: for project.test.ts beside it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { pdfInfo, pdfText } from '../helpers/pdf-tools.js';
import { ROOT, runInProcess } from '../helpers/mapc.js';
import { fileTempDir } from '../helpers/temporary.js';

const PLANS = ['devon-children-and-families-2004-05.yaml', 'devon-part-3-3-example.yaml'];

/** Builds a copy of the example project, each plan's text changed by `edit`; the bound PDF's path. */
export async function buildProjectCopy(label: string, edit: (plan: string) => string): Promise<string> {
  const folder = fileTempDir(label);
  mkdirSync(join(folder, 'plans'));
  writeFileSync(join(folder, 'mapc.yaml'), readFileSync(join(ROOT, 'mapc.yaml'), 'utf8').replace(/\$schema=\S+/, ''));
  for (const plan of PLANS) writeFileSync(join(folder, 'plans', plan), edit(readFileSync(join(ROOT, 'plans', plan), 'utf8')));
  const out = join(folder, 'out');
  const result = await runInProcess(['build', '--out', out], { cwd: folder });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return join(out, 'devon-strategic-plan-2004.pdf');
}

/** The number printed against a title on the contents page: the line "3.2 Children and Families 2". */
export function contentsNumber(contents: string, title: string): number | undefined {
  const line = contents.split('\n').find((text) => text.startsWith(`${title} `) || text === title);
  const number = line === undefined ? undefined : /\s(\d+)$/.exec(line)?.[1];
  return number === undefined ? undefined : Number(number);
}

/** The first page after the contents where a title stands as a line of its own: the part's heading. */
export function pageOfTitle(file: string, title: string): number | undefined {
  const pages = Number(pdfInfo(file).Pages);
  for (let page = 2; page <= pages; page++) if (pdfText(file, page).split('\n').includes(title)) return page;
  return undefined;
}
