import type { Indicator } from '../plan/model.js';
import { escapeHtml } from './escape-html.js';
import { formatValue } from './format-values.js';
import { labelText, type Labels } from '../plan/labels.js';
import { formatMeasured } from './measured-value.js';
import { polarityLabel } from './polarity-label.js';
import { pointChart } from './point-chart.js';

const WIDTH = 480;
const LABEL_WIDTH = 130;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 26;
const VALUE_GAP = 4;
const VALUE_WIDTH = 64;

interface Bar {
  label: string;
  value: number;
  className: string;
}

/**
 * A small bar chart of an indicator: the authority's value beside the national and
 * comparator figures, with the target as a marked line. Plain SVG made at build time
 * (no script, nothing loaded); the picture is described in words for screen readers.
 */
export function indicatorChart(indicator: Indicator, authority: string, labels: Labels): string {
  if (indicator.measure !== 'level') return pointChart(indicator, shorten(shortAuthority(authority)), describeChart(indicator, authority, labels), labels);
  const bars: Bar[] = [{ label: shortAuthority(authority), value: indicator.value, className: 'bar-authority' }];
  if (indicator.national !== undefined) bars.push({ label: labels.chartNational, value: indicator.national, className: 'bar-national' });
  if (indicator.comparator !== undefined) bars.push({ label: labels.chartComparator, value: indicator.comparator, className: 'bar-comparator' });
  const target = indicator.target?.value;

  const largest = Math.max(...bars.map((b) => b.value), target ?? 0);
  const scaleMax = indicator.unit === 'percent' && largest <= 100 ? 100 : largest > 0 ? largest * 1.1 : 1;
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = (value: number) => LABEL_WIDTH + (Math.max(0, value) / scaleMax) * plotWidth;
  const height = bars.length * ROW_HEIGHT + (target === undefined ? 4 : 20);

  const parts: string[] = [];
  const targetX = target === undefined ? undefined : x(target);
  bars.forEach((bar, i) => {
    const y = i * ROW_HEIGHT + 4;
    const width = Math.max(1, x(bar.value) - LABEL_WIDTH);
    const text = formatValue(bar.value, indicator.unit);
    parts.push(
      `<text x="${LABEL_WIDTH - 6}" y="${y + 12}" text-anchor="end" class="chart-label">${escapeHtml(shorten(bar.label))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${round(width)}" height="${BAR_HEIGHT}" class="${bar.className}"/>`,
      `<text x="${round(clearOf(targetX, LABEL_WIDTH + width + VALUE_GAP, text))}" y="${y + 12}" class="chart-value">${escapeHtml(text)}</text>`,
    );
  });
  if (target !== undefined) {
    const tx = round(x(target));
    const bottom = bars.length * ROW_HEIGHT + 4;
    parts.push(
      `<line x1="${tx}" y1="0" x2="${tx}" y2="${bottom}" class="chart-target"/>`,
      `<text x="${tx}" y="${bottom + 13}" text-anchor="middle" class="chart-label">${escapeHtml(labelText(labels.chartTarget, { value: formatValue(target, indicator.unit) }))}</text>`,
    );
  }
  const description = describeChart(indicator, authority, labels);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(description)}">` +
    `<title>${escapeHtml(description)}</title>${parts.join('')}</svg>`
  );
}

/**
 * Where a value's label starts: just after its bar, or, when the target's dashed line would
 * run through it, just after that line. A label is at most about 7 units a character wide
 * at the chart's 12px.
 */
function clearOf(targetX: number | undefined, start: number, text: string): number {
  if (targetX === undefined) return start;
  const end = start + text.length * 7.5;
  return targetX >= start - 2 && targetX <= end + 2 ? targetX + VALUE_GAP : start;
}

/**
 * The chart in words, in the words it is drawn with (the plan's labels): "Isle of Wight
 * Council 8%, National 12%, Target 10%. Lower is better."
 */
export function describeChart(indicator: Indicator, authority: string, labels: Labels): string {
  const figure = (value: number) => (indicator.measure === 'level' ? formatValue(value, indicator.unit) : formatMeasured(value, indicator.unit, indicator.measure, labels));
  const figures = [`${authority} ${figure(indicator.value)}`];
  if (indicator.measure === 'level' && indicator.national !== undefined) figures.push(`${labels.chartNational} ${figure(indicator.national)}`);
  if (indicator.measure === 'level' && indicator.comparator !== undefined) figures.push(`${labels.chartComparator} ${figure(indicator.comparator)}`);
  if (indicator.target !== undefined) figures.push(labelText(labels.chartTarget, { value: figure(indicator.target.value) }));
  const polarity = indicator.polarity === 'neutral' ? '' : ` ${polarityLabel(indicator.polarity, labels)}.`;
  return `${indicator.label}: ${figures.join(', ')}.${polarity}`;
}

/** "Isle of Wight Council" → "Isle of Wight": the chart's label column is narrow. */
function shortAuthority(authority: string): string {
  return authority.replace(/\s+(county |city |borough |district |metropolitan borough )?council$/i, '');
}

function shorten(label: string): string {
  return label.length > 20 ? `${label.slice(0, 19)}…` : label;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
