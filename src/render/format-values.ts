import type { Unit } from '../plan/model.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2002-04-30" → "30 April 2002"; "2003-03" → "March 2003"; anything else as written. */
export function formatDate(text: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]} ${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return text;
}

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
