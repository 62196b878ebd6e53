import ExcelJS from 'exceljs';
import { warningLines } from '../../core/kpi/alerts.js';
import { METRICS, STAGE_METRICS, UNIT_METRICS } from '../../core/kpi/catalog.js';
import { EMPTY_ROW, isMergedRow, type DataQuality, type KpiResult } from '../../core/kpi/types.js';
import { tr } from '../../core/i18n.js';
import { metricFormat, setDocumentProperties, setText, styleHeader, workbookToBuffer } from '../xlsx-common.js';
import { addChartsSheet } from '../xlsx-charts.js';
import { finishSheet, type SheetHeading, type WorkbookHeading } from '../xlsx-layout.js';
import { kpiLabels, reasonText } from './labels.js';
import { periodText, shownPeriod } from './text.js';
import { fileFormatText, formatCount } from '../format.js';
import { addGroupLossReasonsSheets, addGroupSheets, addPlanSheet } from './groups-xlsx.js';
import { addLossReasonsSheet, type Heading, type Rows } from './loss-reasons-sheet.js';
import { groupingsOf } from './groups.js';
import { rowAt, rowReason } from '../../core/messages.js';

/** Column letter of a 1-based index. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Adds Managers, a sheet per grouping (`--by`), Plan vs fact, Loss reasons, Data quality and
 * Definitions sheets; shared with the CI report.
 */
export function addKpiSheets(workbook: ExcelJS.Workbook, result: KpiResult, lang: string, about: WorkbookHeading): void {
  const L = kpiLabels(lang);
  const heading = (title: string): SheetHeading => ({ title, company: about.company, periods: [{ label: L.period, ...shownPeriod(result) }], date: about.date, lang });
  const rows = [...result.managers.map((m) => ({ name: m.manager, v: m as Record<string, unknown> })), { name: L.total, v: result.total as Record<string, unknown> }];
  addManagersSheet(workbook, result, rows, lang, heading);
  addGroupSheets(workbook, result, lang, heading);
  addPlanSheet(workbook, result, lang, heading);
  addLossReasonsSheet(workbook, rows, lang, heading);
  addGroupLossReasonsSheets(workbook, result, lang, heading);
  addDataQualitySheet(workbook, result.dataQuality, lang, heading);
  addDefinitionsSheet(workbook, result, lang, heading);
}


/** Every metric per manager and for the department, as numbers in their formats; the department's unit economics with a spend file. */
function addManagersSheet(workbook: ExcelJS.Workbook, result: KpiResult, rows: Rows, lang: string, heading: Heading): void {
  const L = kpiLabels(lang);
  const metrics = [...METRICS.filter((m) => m.key !== 'loss_reasons'), ...(result.spend ? UNIT_METRICS : [])];
  const sheet = workbook.addWorksheet(tr(lang, 'Менеджеры', 'Managers'));
  sheet.columns = [{ header: L.manager, width: 26 }, ...metrics.map((m) => ({ header: m.label[lang === 'ru' ? 'ru' : 'en'], width: Math.max(12, Math.min(22, m.label.en.length + 2)) }))];
  styleHeader(sheet, metrics.length + 1);
  sheet.getRow(1).height = 32;
  // A money column in one precision, the department's row with its managers' (38 044 400, never 38,044,400.00).
  const formats = metrics.map((m) => metricFormat(m.format, lang, rows.map((r) => r.v[m.key])));
  for (const r of rows) {
    const row = sheet.addRow([]);
    setText(row.getCell(1), r.name);
    metrics.forEach((m, i) => {
      const cell = row.getCell(i + 2);
      const value = r.v[m.key];
      cell.value = typeof value === 'number' ? value : null;
      cell.numFmt = formats[i]!;
    });
  }
  sheet.lastRow!.font = { bold: true };
  const managersLast = result.managers.length + 1;
  if (result.managers.length > 0) {
    for (const [key, color] of [['conversion', 'FF63BE7B'], ['response_min_median', 'FFF8696B']] as const) {
      const col = columnLetter(metrics.findIndex((m) => m.key === key) + 2);
      sheet.addConditionalFormatting({
        ref: `${col}2:${col}${managersLast}`,
        rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: color }, gradient: true } as unknown as ExcelJS.ConditionalFormattingRule],
      });
    }
  }
  finishSheet(sheet, heading(L.title));
}

/**
 * Each file's counts, dropped rows, every skipped row listed and the warnings: the KPIs' sheet, and the
 * comparison's (compare's own workbook, a report's comparison of files of its own), named `name` where
 * the KPIs' took the title.
 */
export function addDataQualitySheet(workbook: ExcelJS.Workbook, quality: DataQuality, lang: string, heading: Heading, name?: string): void {
  const L = kpiLabels(lang);
  const dq = workbook.addWorksheet(name ?? L.dataQuality);
  dq.columns = [{ header: L.file, width: 40 }, { header: L.row, width: 10 }, { header: L.column, width: 24 }, { header: L.reasonSkip, width: 60 }];
  styleHeader(dq, 4);
  for (const f of quality.files) {
    const row = dq.addRow([]);
    setText(row.getCell(1), f.file);
    row.getCell(4).value = tr(lang, `${fileFormatText(f.format, lang)}; строк: ${formatCount(f.rowsRead, lang)}, записей: ${formatCount(f.records, lang)}, не прочитано: ${formatCount(f.skipped, lang)}`, `${fileFormatText(f.format, lang)}; rows: ${formatCount(f.rowsRead, lang)}, records: ${formatCount(f.records, lang)}, unreadable: ${formatCount(f.skipped, lang)}`);
    for (const [reason, n] of Object.entries(f.dropped)) {
      const d = dq.addRow([]);
      setText(d.getCell(1), f.file);
      // Empty rows are no rows read (rows = records + unreadable + dropped): said apart.
      // Rows merged into their deal are no data thrown away: their reason says so («строки товаров, объединённые со своей сделкой»), without «отброшено».
      d.getCell(4).value =
        reason === EMPTY_ROW
          ? tr(lang, `пустых строк (не входят в прочитанные): ${n}`, `empty rows (not among those read): ${n}`)
          : isMergedRow(reason)
            ? `${rowReason(reason, lang)}: ${n}`
            : tr(lang, `отброшено (${rowReason(reason, lang)}): ${n}`, `dropped (${reason}): ${n}`);
    }
  }
  for (const s of quality.rowsSkipped) {
    const row = dq.addRow([]);
    setText(row.getCell(1), s.file);
    // The row as the spreadsheet numbers it; where the file's line differs, said beside it as kpi says it.
    if (s.line === undefined) row.getCell(2).value = s.row;
    else setText(row.getCell(2), rowAt(s, lang));
    setText(row.getCell(3), s.column ?? '');
    setText(row.getCell(4), rowReason(s.reason, lang));
  }
  for (const w of warningLines(quality, lang)) setText(dq.addRow([]).getCell(4), w);
  finishSheet(dq, heading(L.dataQuality));
}

/** Each metric's definition in the workbook's language, and why it could not be computed. */
function addDefinitionsSheet(workbook: ExcelJS.Workbook, result: KpiResult, lang: string, heading: Heading): void {
  const defs = workbook.addWorksheet(tr(lang, 'Определения', 'Definitions'));
  // One language, the run's: a Russian workbook had English «Metric» and «Definition» columns beside the Russian ones (a tester); --lang en gives the English one.
  defs.columns = [{ header: tr(lang, 'Код', 'Id'), width: 24 }, { header: tr(lang, 'Показатель', 'Metric'), width: 28 }, { header: tr(lang, 'Определение', 'Definition'), width: 60 }, { header: tr(lang, 'Не рассчитано', 'Not applicable'), width: 40 }];
  styleHeader(defs, 4);
  const stage = groupingsOf(result).some((g) => g.stage);
  const ru = lang === 'ru';
  for (const m of [...METRICS, ...(result.spend ? UNIT_METRICS : []), ...(stage ? STAGE_METRICS.filter((s) => s.key !== 'open') : [])]) {
    const row = defs.addRow([m.key, ru ? m.label.ru : m.label.en, ru ? m.definition.ru : m.definition.en, reasonText(result.notApplicable[m.key] ?? '', lang)]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  // The definitions and reasons wrap narrower than MAX_TEXT: at 60 each the sheet was 170 width units
  // and printed at 65 %; at these it prints landscape at about 85 %.
  finishSheet(defs, heading(tr(lang, 'Определения', 'Definitions')), { autofilter: false, textWidths: { 2: 24, 3: 44, 4: 36 } });
}

/** The KPIs as an XLSX workbook. */
export async function renderKpiXlsx(result: KpiResult, opts: { lang: string; now: Date; company?: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  setDocumentProperties(workbook, `${kpiLabels(opts.lang).title} (${periodText(result, opts.lang)})`, opts.now);
  if (opts.company) workbook.company = opts.company;
  addKpiSheets(workbook, result, opts.lang, { company: opts.company, date: opts.now });
  await addChartsSheet(workbook, { kpi: result }, opts.lang, opts.company);
  return workbookToBuffer(workbook);
}
