import type ExcelJS from 'exceljs';
import type { GroupDim, KpiResult, PlanFigure } from '../../core/kpi/types.js';
import { FORMATS, metricFormat, moneyFormat, setText, styleHeader } from '../xlsx-common.js';
import { dayValue, finishSheet } from '../xlsx-layout.js';
import { dimLabel, groupingShortName, groupingTitle, groupLabels } from './group-labels.js';
import { allColumns, dimText, groupingsOf } from './groups.js';
import { planMeasures } from './groups-text.js';
import { kpiLabels } from './labels.js';
import { addLossReasonsSheet, type Heading } from './loss-reasons-sheet.js';


/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts: no `\ / ? * [ ] :`, no apostrophe at either end, at most 31 characters (cut
 * with an ellipsis), and unlike every name in `taken` (Excel compares them ignoring case): else the
 * next of `alternatives`, else the name numbered « (2)», « (3)»…
 */
export function sheetName(wanted: string, taken: readonly string[], alternatives: string[] = []): string {
  const clean = (s: string) => {
    const flat = s.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim() || '—';
    return [...flat].length > MAX_SHEET_NAME ? `${[...flat].slice(0, MAX_SHEET_NAME - 1).join('').trimEnd()}…` : flat;
  };
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (const name of [wanted, ...alternatives].map(clean)) if (!used.has(name.toLowerCase())) return name;
  const base = clean(wanted);
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${[...base].slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd()}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A month column's cell format: `07.2024` in Russian, `2024-07` in English. */
const monthFormat = (lang: string) => (lang === 'ru' ? 'mm.yyyy' : 'yyyy-mm');

/** A dimension's cell: a month as a date cell (sorts and filters as a date), any other value as text. */
function setDim(cell: ExcelJS.Cell, value: string | null | undefined, dim: GroupDim, lang: string): void {
  if (dim === 'month' && value && /^\d{4}-\d{2}$/.test(value)) {
    cell.value = dayValue(`${value}-01`);
    cell.numFmt = monthFormat(lang);
  } else setText(cell, dimText(value, dim, lang));
}

function setNumber(cell: ExcelJS.Cell, value: unknown, numFmt: string): void {
  cell.value = typeof value === 'number' ? value : null;
  cell.numFmt = numFmt;
}

/** A sheet per grouping («Источники × месяцы»): its dimensions, every metric as numbers in formats, the department last. */
export function addGroupSheets(workbook: ExcelJS.Workbook, result: KpiResult, lang: string, heading: Heading): void {
  const L = groupLabels(lang);
  const code = lang === 'ru' ? 'ru' : 'en';
  for (const g of groupingsOf(result)) {
    const metrics = allColumns(result, g);
    const title = groupingTitle(g.dims, lang);
    const sheet = workbook.addWorksheet(sheetName(groupingShortName(g.dims, lang), workbook.worksheets.map((w) => w.name), [title]));
    sheet.columns = [...g.dims.map((d) => ({ header: dimLabel(d, lang), width: 20 })), ...metrics.map((m) => ({ header: m.label[code], width: 14 }))];
    styleHeader(sheet, g.dims.length + metrics.length);
    const dims = g.dims.length;
    // A money column in one precision, the department's row with the groups'.
    const formats = metrics.map((m) => metricFormat(m.format, lang, [...g.groups.map((x) => x.metrics[m.key]), result.total[m.key]]));
    for (const x of g.groups) {
      const row = sheet.addRow([]);
      g.dims.forEach((d, i) => setDim(row.getCell(i + 1), x.by[d], d, lang));
      metrics.forEach((m, i) => setNumber(row.getCell(dims + i + 1), x.metrics[m.key], formats[i]!));
    }
    const total = sheet.addRow([]);
    setText(total.getCell(1), L.department);
    metrics.forEach((m, i) => setNumber(total.getCell(dims + i + 1), result.total[m.key], formats[i]!));
    total.font = { bold: true };
    finishSheet(sheet, heading(title), { keyColumns: dims });
  }
}

/** «План-факт»: a row per manager or source and month with plan, fact and % of plan (a percent cell) per measure, the totals last. */
export function addPlanSheet(workbook: ExcelJS.Workbook, result: KpiResult, lang: string, heading: Heading): void {
  const plan = result.plan;
  if (!plan) return;
  const L = groupLabels(lang);
  const measures = planMeasures(plan);
  const sheet = workbook.addWorksheet(sheetName(L.planSheet, workbook.worksheets.map((w) => w.name)));
  sheet.columns = [
    { header: dimLabel(plan.by, lang), width: 24 },
    { header: dimLabel('month', lang), width: 10 },
    ...measures.flatMap((m) => [{ header: L.planOf(L.measures[m]), width: 14 }, { header: L.factOf(L.measures[m]), width: 14 }, { header: L.achievedOf(L.measures[m]), width: 12 }]),
  ];
  styleHeader(sheet, 2 + measures.length * 3);
  // Revenue's plan and fact columns each in one precision, the totals' row with the rows'.
  const figures = (m: (typeof measures)[number]) => [...plan.rows.map((r) => r[m]), plan[m]];
  const moneyOf = (m: (typeof measures)[number]) => ({ plan: moneyFormat(figures(m).map((f) => f?.plan)), fact: moneyFormat(figures(m).map((f) => f?.fact)) });
  const fill = (row: ExcelJS.Row, f: PlanFigure | undefined, col: number, m: (typeof measures)[number]) => {
    const money = m === 'revenue' ? moneyOf(m) : { plan: FORMATS.integer, fact: FORMATS.integer };
    row.getCell(col).value = f ? f.plan : null;
    row.getCell(col).numFmt = money.plan;
    row.getCell(col + 1).value = f ? f.fact : null;
    row.getCell(col + 1).numFmt = money.fact;
    row.getCell(col + 2).value = f ? f.achieved : null;
    row.getCell(col + 2).numFmt = FORMATS.percent;
  };
  for (const r of plan.rows) {
    const row = sheet.addRow([]);
    setText(row.getCell(1), dimText(r.by[plan.by], plan.by, lang));
    setDim(row.getCell(2), r.by.month, 'month', lang);
    measures.forEach((m, i) => fill(row, r[m], 3 + i * 3, m));
  }
  const total = sheet.addRow([]);
  setText(total.getCell(1), L.planTotal);
  measures.forEach((m, i) => fill(total, plan[m], 3 + i * 3, m));
  total.font = { bold: true };
  finishSheet(sheet, heading(L.plan));
}

/**
 * Loss reasons by source and by pipeline (`--by source`, `--by pipeline`): every reason of each
 * group with its share of the group's lost deals, the department last; where refusals happen.
 */
export function addGroupLossReasonsSheets(workbook: ExcelJS.Workbook, result: KpiResult, lang: string, heading: Heading): void {
  const L = kpiLabels(lang);
  for (const g of groupingsOf(result)) {
    const dim = g.dims[0]!;
    if (g.dims.length !== 1 || (dim !== 'source' && dim !== 'pipeline')) continue;
    if (!g.groups.some((x) => x.metrics.loss_reasons && typeof x.metrics.loss_reasons === 'object' && Object.keys(x.metrics.loss_reasons).length > 0)) continue;
    const title = `${L.lossReasons} — ${groupingTitle(g.dims, lang).toLowerCase()}`;
    const rows = [...g.groups.map((x) => ({ name: dimText(x.by[dim], dim, lang), v: x.metrics as Record<string, unknown> })), { name: L.total, v: result.total as Record<string, unknown> }];
    addLossReasonsSheet(workbook, rows, lang, heading, { sheet: sheetName(title, workbook.worksheets.map((w) => w.name)), title, column: dimLabel(dim, lang) });
  }
}
