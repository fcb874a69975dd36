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

// Made once: building an Intl.NumberFormat is what number formatting costs (a profile of
// a 100-plan build found toLocaleString, which builds one per call, the top function).
const UP_TO_TWO_PLACES = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const PENCE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function formatNumber(value: number, fractionDigits?: 0 | 2): string {
  return (fractionDigits === undefined ? UP_TO_TWO_PLACES : fractionDigits === 0 ? WHOLE : PENCE).format(value);
}
