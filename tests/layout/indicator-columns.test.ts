/**
 * The indicators table prints a Comparator or Target column only when some indicator has
 * a figure for it: a column of dashes on every row says nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/mapc.js';
import { planFile, planFrom, renderAll } from '../helpers/render-plan.js';

/** The column headings of the indicators table in a document. */
function indicatorColumns(html: string): string[] {
  const table = /<table class="indicators[^"]*">[\s\S]*?<\/thead>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!);
}

describe('the indicators table', () => {
  it('leaves out Comparator and Target when no indicator has them (Isle of Wight 2002-03)', () => {
    const map = renderAll(planFile('plans/isle-of-wight-qp-map-2002-03.yaml'))[0]!;
    expect(indicatorColumns(map.html)).toEqual(['Indicator', 'Period', 'Value', 'National', 'Against national']);
  });

  it('keeps each of them when one indicator has it', () => {
    const map = renderAll(planFrom(readFileSync(join(ROOT, 'tests/fixtures/every-field.yaml'), 'utf8')))[0]!;
    expect(indicatorColumns(map.html)).toEqual(['Indicator', 'Period', 'Value', 'National', 'Comparator', 'Target', 'Against national']);
  });
});
