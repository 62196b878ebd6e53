import { METRICS, type MetricFormat } from '../../core/kpi/catalog.js';
import type { KpiResult } from '../../core/kpi/types.js';
import { renderCsvTables, type CsvValue } from '../csv.js';
import { kpiLabels } from './labels.js';
import { lossReasonRows } from './loss-reasons.js';

/** The unit a CSV header states, so a bare number says what it counts. */
export function csvUnit(format: MetricFormat, lang: string): string {
  const ru = lang === 'ru';
  return { ratio: '%', days: ru ? 'дн.' : 'days', minutes: ru ? 'мин' : 'min', money: '', count: '', decimal: '' }[format] ?? '';
}

/** A header with its unit, unless the label already names it («Цикл, дн. (медиана)»). */
export function withUnit(label: string, unit: string): string {
  return unit && !label.includes(unit) ? `${label}, ${unit}` : label;
}

/** A value in the unit its header states: shares as percent (20.7), everything else as computed. */
export function csvNumber(value: unknown, format: MetricFormat): CsvValue {
  if (typeof value !== 'number') return null;
  return format === 'ratio' ? value * 100 : value;
}

/**
 * The KPIs as CSV for people who open them in a spreadsheet: one row per manager and the department,
 * a column per metric (shares in percent, units in the header), then the loss reasons with shares.
 */
export function renderKpiCsv(result: KpiResult, opts: { lang: string; topReasons?: number }): string {
  const L = kpiLabels(opts.lang);
  const lang = opts.lang === 'ru' ? 'ru' : 'en';
  const metrics = METRICS.filter((m) => m.key !== 'loss_reasons');
  const head = [L.manager, ...metrics.map((m) => withUnit(m.label[lang], csvUnit(m.format, lang)))];
  const rows: CsvValue[][] = [
    ...result.managers.map((m) => [m.manager, ...metrics.map((d) => csvNumber(m[d.key], d.format))]),
    [L.total, ...metrics.map((d) => csvNumber(result.total[d.key], d.format))],
  ];
  const reasons = result.total.loss_reasons;
  const loss = lossReasonRows(reasons && typeof reasons === 'object' ? reasons : null, lang, opts.topReasons);
  const tables = [{ head, rows }];
  if (loss.length > 0) tables.push({ head: [L.reason, L.count, `${L.share}, %`], rows: loss.map((r) => [r.reason, r.count, r.share * 100]) });
  return renderCsvTables(tables, lang);
}
