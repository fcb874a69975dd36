import type { Indicator } from '../plan/model.js';
import { escapeHtml } from './escape-html.js';
import { labelText, type Labels } from '../plan/labels.js';
import { formatMeasured } from './measured-value.js';

const WIDTH = 480;
const LABEL_WIDTH = 130;
const VALUE_WIDTH = 150;
const ROW = 26;

/**
 * An indicator that is a difference or a change, drawn as what it is: a point above or
 * below zero on a line through zero, labelled with its sign ("+10 percentage points"),
 * never a bar that would read as a share. The target, if any, is a marked line as on the
 * bar charts. `label` is the row's name (the authority's short name), `description` the
 * chart in words.
 */
export function pointChart(indicator: Indicator, label: string, description: string, labels: Labels): string {
  const { value, unit, measure } = indicator;
  const target = indicator.target?.value;
  const reach = Math.max(Math.abs(value), Math.abs(target ?? 0)) * 1.1 || 1;
  const half = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2;
  const zero = LABEL_WIDTH + VALUE_WIDTH / 2 + half;
  const x = (v: number) => round(zero + (v / reach) * half);
  const height = ROW + (target === undefined ? 18 : 32);
  const point = x(value);
  // The value's label sits beyond the point, away from zero, so the line never runs through it.
  const valueLabel = value < 0 ? { x: point - 10, anchor: 'end' } : { x: point + 10, anchor: 'start' };
  const parts = [
    `<text x="${LABEL_WIDTH - 6}" y="16" text-anchor="end" class="chart-label">${escapeHtml(label)}</text>`,
    `<line x1="${zero}" y1="0" x2="${zero}" y2="${ROW + 4}" class="chart-zero"/>`,
    `<text x="${zero}" y="${ROW + 16}" text-anchor="middle" class="chart-label">0</text>`,
    `<line x1="${zero}" y1="12" x2="${point}" y2="12" class="chart-stem"/>`,
    `<circle cx="${point}" cy="12" r="6" class="bar-authority"/>`,
    `<text x="${round(valueLabel.x)}" y="16" text-anchor="${valueLabel.anchor}" class="chart-value">${escapeHtml(formatMeasured(value, unit, measure, labels))}</text>`,
  ];
  if (target !== undefined) {
    const tx = x(target);
    parts.push(
      `<line x1="${tx}" y1="0" x2="${tx}" y2="${ROW + 4}" class="chart-target"/>`,
      `<text x="${tx}" y="${ROW + 30}" text-anchor="middle" class="chart-label">${escapeHtml(labelText(labels.chartTarget, { value: formatMeasured(target, unit, measure, labels) }))}</text>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(description)}">` +
    `<title>${escapeHtml(description)}</title>${parts.join('')}</svg>`
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
