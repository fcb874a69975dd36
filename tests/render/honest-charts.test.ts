import { describe, expect, it } from 'vitest';
import { MINIMAL_PLAN } from '../helpers/check-yaml.js';
import { planFile, planFrom, renderAll } from '../helpers/render-plan.js';

const IOW = renderAll(planFile('plans/isle-of-wight-qp-map-2002-03.yaml')).find((d) => d.name === 'map')!.html;

/** The chart (SVG) of the indicator whose figure box has this id. */
function chartOf(html: string, id: string): string {
  const start = html.indexOf(`id="indicator-${id}"`);
  return html.slice(html.indexOf('<svg', start), html.indexOf('</svg>', start) + 6);
}

function planWithIndicator(fields: string): string {
  return `${MINIMAL_PLAN}    indicators: [it]\nindicators:\n  - id: it\n    label: The measure\n    unit: percent\n${fields}`;
}

describe('charts that say what their figures are', () => {
  it('draws a difference as a point with its sign in points, not as a bar of a share', () => {
    const chart = chartOf(IOW, 'lac-health-assessments');
    expect(chart).not.toContain('<rect');
    expect(chart).toContain('<circle');
    expect(chart).toContain('>+10 percentage points</text>');
    expect(chart).not.toMatch(/>10%</);
  });

  it('draws a change as a point labelled a change', () => {
    const chart = chartOf(IOW, 'cpr-reregistrations-decrease');
    expect(chart).not.toContain('<rect');
    expect(chart).toContain('>+47% change</text>');
  });

  it('draws a negative difference below zero, labelled with a minus', () => {
    const html = renderAll(planFrom(planWithIndicator('    measure: difference\n    value: -3\n')))[0]!.html;
    const chart = chartOf(html, 'it');
    const zero = Number(/<line x1="([\d.]+)"[^>]*class="chart-zero"/.exec(chart)![1]);
    const point = Number(/<circle cx="([\d.]+)"/.exec(chart)![1]);
    expect(point).toBeLessThan(zero);
    expect(chart).toContain('>−3 percentage points</text>');
  });

  it('keeps a value\'s label clear of the target line', () => {
    const html = renderAll(planFrom(planWithIndicator('    value: 50\n    national: 30\n    target: 52\n')))[0]!.html;
    const chart = chartOf(html, 'it');
    const target = Number(/<line x1="([\d.]+)"[^>]*class="chart-target"/.exec(chart)![1]);
    const labels = [...chart.matchAll(/<text x="([\d.]+)"[^>]*class="chart-value">([^<]*)</g)].map((m) => ({ start: Number(m[1]), end: Number(m[1]) + m[2]!.length * 7 }));
    expect(labels).toHaveLength(2);
    expect(labels.filter((label) => target >= label.start && target <= label.end)).toEqual([]);
  });

  it('leaves notes for authors out of the documents, and prints notes for readers', () => {
    expect(IOW).not.toContain('derived as 61 - 6');
    const html = renderAll(planFrom(planWithIndicator('    value: 5\n    note: For readers.\n    authorNote: For authors.\n')))[0]!.html;
    expect(html).toContain('For readers.');
    expect(html).not.toContain('For authors.');
  });
});
