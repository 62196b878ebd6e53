import ExcelJS from 'exceljs';
import type { CompareResult } from '../../core/compare.js';
import { tr } from '../../core/i18n.js';
import { FORMATS, metricFormat, setDocumentProperties, setText, styleHeader, workbookToBuffer } from '../xlsx-common.js';
import { compareLabels, ROW_INFO } from './text.js';


/** Adds the Before-After (and Payback) sheets; shared with the CI report. */
export function addCompareSheets(workbook: ExcelJS.Workbook, result: CompareResult, lang: string): void {
  const L = compareLabels(lang);
  const sheet = workbook.addWorksheet(tr(lang, 'До-После', 'Before-After'));
  sheet.columns = [
    { header: L.metric, width: 32 },
    { header: `${L.before} (${result.before.from} — ${result.before.to})`, width: 20 },
    { header: `${L.after} (${result.after.from} — ${result.after.to})`, width: 20 },
    { header: L.change, width: 14 },
    { header: L.changePct, width: 12 },
    { header: tr(lang, 'Лучше', 'Better'), width: 9 },
    { header: L.target, width: 10 },
    { header: L.met, width: 14 },
  ];
  styleHeader(sheet, 8);
  sheet.getRow(1).height = 32;
  for (const row of result.rows) {
    const info = ROW_INFO[row.metric]!;
    const r = sheet.addRow([info[lang === 'ru' ? 'ru' : 'en'], row.before, row.after, row.change, row.change_pct, row.better === 'up' ? '↑' : '↓', row.target, row.met === null ? '' : row.met ? L.yes : L.no]);
    for (const col of [2, 3, 4]) r.getCell(col).numFmt = metricFormat(info.format, lang);
    r.getCell(5).numFmt = '+0.0%;-0.0%;0.0%';
    r.getCell(7).numFmt = '+0%;-0%;0%';
  }
  const last = result.rows.length + 1;
  // Green where the change goes the better way, red where it goes the worse way (column F says which way is better).
  sheet.addConditionalFormatting({
    ref: `E2:E${last}`,
    rules: [
      { type: 'expression', priority: 1, formulae: ['OR(AND($F2="↑",E2>0),AND($F2="↓",E2<0))'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } }, font: { color: { argb: 'FF006100' } } } },
      { type: 'expression', priority: 2, formulae: ['OR(AND($F2="↑",E2<0),AND($F2="↓",E2>0))'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } } },
    ],
  });
  sheet.addConditionalFormatting({
    ref: `H2:H${last}`,
    rules: [
      { type: 'containsText', operator: 'containsText', text: L.no, priority: 3, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } },
      { type: 'containsText', operator: 'containsText', text: L.yes, priority: 4, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } } } },
    ],
  });
  if (result.managers) {
    sheet.addRow([]);
    const head = sheet.addRow([L.manager, ...result.managers[0]!.metrics.flatMap((m) => [`${ROW_INFO[m.metric]![lang === 'ru' ? 'ru' : 'en']}: ${L.before}`, L.after])]);
    head.font = { bold: true };
    for (const m of result.managers) {
      const r = sheet.addRow([]);
      setText(r.getCell(1), m.manager);
      m.metrics.forEach((row, i) => {
        const f = metricFormat(ROW_INFO[row.metric]!.format, lang);
        r.getCell(2 + i * 2).value = row.before;
        r.getCell(2 + i * 2).numFmt = f;
        r.getCell(3 + i * 2).value = row.after;
        r.getCell(3 + i * 2).numFmt = f;
      });
    }
  }
  if (result.payback) {
    const p = workbook.addWorksheet(L.payback);
    p.columns = [{ header: L.payback, width: 40 }, { header: '', width: 24 }];
    styleHeader(p, 2, false);
    const inputs = result.payback_inputs;
    if (inputs) {
      p.addRow([tr(lang, 'Затраты на внедрение', 'Implementation cost'), inputs.cost]).getCell(2).numFmt = FORMATS.money;
      p.addRow([tr(lang, 'Расходы в месяц', 'Running cost per month'), inputs.monthly_cost]).getCell(2).numFmt = FORMATS.money;
      p.addRow([tr(lang, 'Доля маржи', 'Gross margin share'), inputs.margin]).getCell(2).numFmt = FORMATS.percent;
    }
    p.addRow([L.gain, result.payback.gain_per_month]).getCell(2).numFmt = FORMATS.money;
    const months = p.addRow([L.months, result.payback.payback_months ?? L.noPayback]);
    months.getCell(2).numFmt = FORMATS.decimal;
    p.addRow([L.roi, result.payback.roi_12m]).getCell(2).numFmt = FORMATS.percent;
  }
}

/** The before/after comparison as an XLSX workbook. */
export async function renderCompareXlsx(result: CompareResult, opts: { lang: string; now: Date }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  setDocumentProperties(workbook, compareLabels(opts.lang).title, opts.now);
  addCompareSheets(workbook, result, opts.lang);
  return workbookToBuffer(workbook);
}
