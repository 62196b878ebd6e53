import type { MetricFormat } from '../core/kpi/catalog.js';

/** Groups digits with a thin space, as both Russian and English business tables read well. */
function group(n: number, decimals: number, lang: string): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
  const sep = lang === 'ru' ? ',' : '.';
  return `${n < 0 ? '−' : ''}${grouped}${frac ? sep + frac : ''}`;
}

/** A metric value rounded for a table ("—" for not applicable). Full precision stays in JSON. */
export function formatValue(value: unknown, format: MetricFormat, lang: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'count':
      return group(value, 0, lang);
    case 'ratio':
      return `${group(value * 100, 1, lang)}%`;
    case 'money':
      return group(value, Number.isInteger(value) || Math.abs(value) >= 1000 ? 0 : 2, lang);
    case 'days':
    case 'minutes':
      return group(value, 1, lang);
    default:
      return group(value, 2, lang);
  }
}

/** A plain number with grouping, for counts in prose. */
export function formatCount(n: number, lang: string): string {
  return group(n, 0, lang);
}

/** Audit points as written: whole numbers bare, halves with one decimal (7 / 10, 2,5). */
export function formatPoints(n: number, lang: string): string {
  return group(n, Number.isInteger(n) ? 0 : 1, lang);
}
