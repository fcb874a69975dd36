import type { Strategy } from '../plan/model.js';
import { formatValue } from './format-values.js';
import type { IndicatorLink } from './indicator-view.js';
import { labelText, type Labels } from '../plan/labels.js';

/** The medium-term strategy as templates see it. */
export interface StrategyView {
  title: string;
  horizon: string;
  /** "Runs to 2008", when the title does not already say so. */
  horizonNote: string | null;
  items: {
    id: string;
    anchor: string;
    number: number;
    title: string;
    text: string;
    national: string[];
    targets: { text: string; indicator: IndicatorLink | null; value: string | null; by: string | null }[];
  }[];
}

export function strategyView(strategy: Strategy, indicatorLinks: (ids: string[]) => IndicatorLink[], labels: Labels): StrategyView {
  return {
    title: strategy.title ?? labelText(labels.strategyTitle, { horizon: strategy.horizon }),
    horizon: strategy.horizon,
    horizonNote: strategy.title === undefined || strategy.title.includes(strategy.horizon) ? null : labelText(labels.runsTo, { horizon: strategy.horizon }),
    items: strategy.items.map((item, i) => ({
      id: item.id,
      anchor: `strategy-${item.id}`,
      number: i + 1,
      title: item.title,
      text: item.text,
      national: item.national,
      targets: item.targets.map((t) => ({
        text: t.text,
        indicator: t.indicator === undefined ? null : (indicatorLinks([t.indicator])[0] ?? null),
        value: t.value === undefined ? null : formatValue(t.value, t.unit ?? 'number'),
        by: t.by ?? null,
      })),
    })),
  };
}

