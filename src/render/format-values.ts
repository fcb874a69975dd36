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

function formatNumber(value: number, fractionDigits?: number): string {
  return value.toLocaleString('en-GB', fractionDigits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}
