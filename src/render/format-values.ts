import type { Unit } from '../plan/model.js';

/** Pounds as a council prints them: £45,000; £1,250.50. */
export function formatMoney(amount: number): string {
  return `£${formatNumber(amount, Number.isInteger(amount) ? 0 : 2)}`;
}

/** An indicator figure with its unit: 8%, £450, 12 days. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value)}%`;
    case 'gbp':
      return formatMoney(value);
    case 'days':
      return `${formatNumber(value)} ${value === 1 ? 'day' : 'days'}`;
    default:
      return formatNumber(value);
  }
}

// Made once, on first use: building an Intl.NumberFormat is what number formatting costs (a
// profile of a 100-plan build found toLocaleString, which builds one per call, the top
// function), and the first one loads ICU's locale data (12 ms that a diff without figures
// need not spend).
let formats: { upToTwoPlaces: Intl.NumberFormat; whole: Intl.NumberFormat; pence: Intl.NumberFormat } | undefined;

function formatNumber(value: number, fractionDigits?: 0 | 2): string {
  formats ??= {
    upToTwoPlaces: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
    pence: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  };
  return (fractionDigits === undefined ? formats.upToTwoPlaces : fractionDigits === 0 ? formats.whole : formats.pence).format(value);
}
