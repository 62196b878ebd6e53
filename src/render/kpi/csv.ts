import { METRICS, UNIT_METRICS, type MetricFormat } from '../../core/kpi/catalog.js';
import type { KpiResult, PlanFigure } from '../../core/kpi/types.js';
import { renderCsvTables, warningsTable, type CsvTable, type CsvValue } from '../csv.js';
import { kpiLabels, reasonText } from './labels.js';
import { lossReasonRows } from './loss-reasons.js';
import { dimLabel, groupLabels } from './group-labels.js';
import { allColumns, dimText, groupingsOf } from './groups.js';
import { planMeasures } from './groups-text.js';

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
 * a column per metric (shares in percent, units in the header), then the loss reasons with shares;
 * with a spend file the department's unit economics are more columns of the same table, and the
 * groupings and the plan follow as tables of their own. Last, why a column is empty (a table «Не
 * рассчитано»: its header as the column's, and the reason) and the warnings: the cells stay empty for
 * a program, and a reader is told why (Письма, Встречи, Сообщения were blank, unsaid).
 */
export function renderKpiCsv(result: KpiResult, opts: { lang: string; topReasons?: number }): string {
  const L = kpiLabels(opts.lang);
  const lang = opts.lang === 'ru' ? 'ru' : 'en';
  const metrics = [...METRICS.filter((m) => m.key !== 'loss_reasons'), ...(result.spend ? UNIT_METRICS : [])];
  const head = [L.manager, ...metrics.map((m) => withUnit(m.label[lang], csvUnit(m.format, lang)))];
  const rows: CsvValue[][] = [
    ...result.managers.map((m) => [m.manager, ...metrics.map((d) => csvNumber(m[d.key], d.format))]),
    [L.total, ...metrics.map((d) => csvNumber(result.total[d.key], d.format))],
  ];
  const reasons = result.total.loss_reasons;
  const loss = lossReasonRows(reasons && typeof reasons === 'object' ? reasons : null, lang, opts.topReasons);
  const tables = [{ head, rows }];
  if (loss.length > 0) tables.push({ head: [L.reason, L.count, `${L.share}, %`], rows: loss.map((r) => [r.reason, r.count, r.share * 100]) });
  tables.push(...groupCsvTables(result, lang));
  tables.push(...notComputedTable(result, [...metrics, ...groupingsOf(result).flatMap((g) => allColumns(result, g))], lang));
  tables.push(...warningsTable(result.dataQuality, lang));
  return renderCsvTables(tables, lang);
}

/**
 * The metrics of the file's columns that are not computed, each headed as its column is («Письма»,
 * «Доля оплаты, %») with the reason JSON's notApplicable gives, in the report's language.
 */
function notComputedTable(result: KpiResult, columns: ReadonlyArray<{ key: string; label: { ru: string; en: string }; format: MetricFormat }>, lang: 'ru' | 'en'): CsvTable[] {
  const L = kpiLabels(lang);
  const seen = new Set<string>();
  const rows: CsvValue[][] = [];
  for (const m of columns) {
    const reason = result.notApplicable[m.key];
    if (reason === undefined || seen.has(m.key)) continue;
    seen.add(m.key);
    rows.push([withUnit(m.label[lang], csvUnit(m.format, lang)), reasonText(reason, lang)]);
  }
  return rows.length === 0 ? [] : [{ head: [L.notApplicable, L.reason], rows }];
}

/**
 * The groupings and the plan as CSV tables after the managers', an empty line before each (the file's
 * existing shape). A table per grouping rather than one long table with a grouping column: each names
 * its own dimensions in its header, has no empty dimension columns, and a grouping by stage has its
 * own metrics. Then the spend of sources no deal has, then plan vs fact.
 */
export function groupCsvTables(result: KpiResult, lang: 'ru' | 'en'): CsvTable[] {
  const L = groupLabels(lang);
  const tables: CsvTable[] = [];
  const unmatched = result.spend?.unmatched ?? [];
  if (unmatched.length > 0) tables.push({ head: [L.unmatchedHead, L.spend], rows: unmatched.map((u) => [u.source, u.amount]) });
  for (const g of groupingsOf(result)) {
    const metrics = allColumns(result, g);
    const head = [...g.dims.map((d) => dimLabel(d, lang)), ...metrics.map((m) => withUnit(m.label[lang], csvUnit(m.format, lang)))];
    const rows: CsvValue[][] = g.groups.map((x) => [...g.dims.map((d) => dimText(x.by[d], d, lang)), ...metrics.map((m) => csvNumber(x.metrics[m.key], m.format))]);
    rows.push([...g.dims.map((_, i) => (i === 0 ? L.department : null)), ...metrics.map((m) => csvNumber(result.total[m.key], m.format))]);
    tables.push({ head, rows });
  }
  const plan = result.plan;
  if (plan) {
    const measures = planMeasures(plan);
    const head = [dimLabel(plan.by, lang), dimLabel('month', lang), ...measures.flatMap((m) => [L.planOf(L.measures[m]), L.factOf(L.measures[m]), withUnit(L.achievedOf(L.measures[m]), '%')])];
    const cells = (f: PlanFigure | undefined): CsvValue[] => (f ? [f.plan, f.fact, csvNumber(f.achieved, 'ratio')] : [null, null, null]);
    const rows: CsvValue[][] = plan.rows.map((r) => [dimText(r.by[plan.by], plan.by, lang), dimText(r.by.month, 'month', lang), ...measures.flatMap((m) => cells(r[m]))]);
    rows.push([L.planTotal, null, ...measures.flatMap((m) => cells(plan[m]))]);
    tables.push({ head, rows });
  }
  return tables;
}
