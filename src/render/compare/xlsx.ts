import { paybackMonthsCell } from '../kpi/labels.js';
import ExcelJS from 'exceljs';
import type { CompareResult, CompareRow } from '../../core/compare.js';
import type { MetricFormat } from '../../core/kpi/catalog.js';
import { finishSheet, type SheetHeading, type WorkbookHeading } from '../xlsx-layout.js';
import { tr } from '../../core/i18n.js';
import { FORMATS, metricFormat, moneyFormat, setDocumentProperties, setText, signedFormatFor, styleHeader, workbookToBuffer } from '../xlsx-common.js';
import { changeArrow, compareLabels, gainLabel, paybackInputs, roiCell, ROW_INFO, rowNote, shownVerdict, verdictText } from './text.js';
import { say } from '../../core/messages.js';
import { judgedDigits, ppUnit, shownRow } from '../format.js';
import { addDataQualitySheet } from '../kpi/xlsx.js';
import { kpiLabels } from '../kpi/labels.js';
import { sheetName } from '../kpi/groups-xlsx.js';


const GOOD = { fill: 'FFC6EFCE', font: 'FF006100' };
const BAD = { fill: 'FFFFC7CE', font: 'FF9C0006' };

/**
 * The minus sign of a negative change, as the terminal, Markdown and the audit's workbook write it
 * («−3,1», not «-3,1»): a literal in the format's negative section (the cell keeps its number).
 */
const MINUS = '"\u2212"';
/** A relative change («+24,1%», «−10,4%»). */
export const RELATIVE_FORMAT = `+0.0%;${MINUS}0.0%;0.0%`;
/** A target («+20%», «−30,5%»). */
export const TARGET_FORMAT = `+0.0#%;${MINUS}0.0#%;0.0#%`;

/**
 * The formats of a change in per cent and of the target it is judged on: RELATIVE_FORMAT and TARGET_FORMAT
 * (a target as written, +12,5%), or where the two round alike both with the same fixed digits that tell
 * them apart (judgedDigits), as formatJudged writes them in the other formats (+39,099% against +39,100%).
 */
export function judgedFormats(change: number | null, target: number | null): { change: string; target: string } {
  const extra = judgedDigits(change, target);
  if (extra === 0) return { change: RELATIVE_FORMAT, target: TARGET_FORMAT };
  const digits = `0.0${'0'.repeat(extra)}%`;
  const both = `+${digits};${MINUS}${digits};${digits}`;
  return { change: both, target: both };
}

/**
 * The payback's months as every format shows them (a tester: the workbook said 4,2 months and «139,0%» where
 * the terminal, Markdown and HTML said 4,23 and «+139,0%»): with two decimals; the ROI is a
 * relative change, signed (RELATIVE_FORMAT).
 */
export const PAYBACK_MONTHS_FORMAT = '#,##0.00';

/**
 * Number format of a change: a share changes in percentage points, anything else in its own unit; money
 * in the precision of `values`, the amounts shown beside it (the row's before and after, and the change).
 */
export function changeFormat(format: MetricFormat, lang: string, values: readonly unknown[] = []): string {
  if (format === 'ratio') {
    const pp = `" ${ppUnit(lang)}"`;
    return `+0.0${pp};${MINUS}0.0${pp};0.0${pp}`;
  }
  const base = metricFormat(format, lang, values);
  return `+${base};${MINUS}${base};${base}`;
}

/**
 * The formats of a before/after row's values and of its change, and the change its cell holds, as the
 * other formats show them (formatRowValues): money in one precision across the row (3 097 093 →
 * 5 600 500, +2 503 407), the others so that the change is the difference of the values as shown
 * (shownRow: 20,66% → 28,74%, +8,08 п. п., where 20,7% → 28,7%, +8,1 п. п. did not add up). The values'
 * cells keep their numbers; the change's is a share's in points.
 */
export function rowFormats(row: Pick<CompareRow, 'metric' | 'before' | 'after' | 'change'>, lang: string): { value: string; change: string; changeCell: number | null } {
  const format = ROW_INFO[row.metric]!.format;
  const amounts = [row.before, row.after, row.change];
  const shown = shownRow(row.before, row.after, row.change, format);
  const changeCell = shown.change === null ? null : format === 'ratio' ? shown.change * 100 : shown.change;
  return { value: moreDigits(metricFormat(format, lang, amounts), shown.extra), change: moreDigits(changeFormat(format, lang, amounts), shown.extra), changeCell };
}

/** A number format with `extra` more decimals in each section (`0.0%` → `0.00%`; a unit in quotes is kept). */
export function moreDigits(format: string, extra: number): string {
  if (extra === 0) return format;
  return format.replace(/("[^"]*")|\.(0+)/g, (m, quoted: string | undefined, zeros: string) => (quoted !== undefined ? quoted : `.${zeros}${'0'.repeat(extra)}`));
}

/** Paints a cell green when the change went the better way, red when the worse way. */
function paint(cell: ExcelJS.Cell, verdict: boolean | null): void {
  if (verdict === null) return;
  const c = verdict ? GOOD : BAD;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.fill } };
  cell.font = { ...cell.font, color: { argb: c.font } };
}

/** Whether a row changed the better way (null: no change as shown, or nothing to compare). */
function better(row: CompareRow): boolean | null {
  const v = shownVerdict(row);
  return v === 'better' ? true : v === 'worse' ? false : null;
}

/** Adds the Before-After (and Payback, and Data quality) sheets; shared with the CI report. */
export function addCompareSheets(workbook: ExcelJS.Workbook, result: CompareResult, lang: string, about: WorkbookHeading): void {
  const L = compareLabels(lang);
  const heading = (title: string): SheetHeading => ({
    title,
    company: about.company,
    periods: [
      { label: L.before, from: result.before.from, to: result.before.to },
      { label: L.after, from: result.after.from, to: result.after.to },
    ],
    date: about.date,
    lang,
  });
  addBeforeAfterSheet(workbook, result, lang, heading);
  if (result.payback) addPaybackSheet(workbook, result, lang, heading);
  // How the periods' files were read and what looks wrong in them (an «after» of 11 days), as stderr said it:
  // the client's file kept none of it (a tester). A report's KPIs have the sheet's name already.
  if (result.dataQuality) {
    const name = sheetName(kpiLabels(lang).dataQuality, workbook.worksheets.map((w) => w.name), [tr(lang, 'Качество данных (до и после)', 'Data quality (before, after)')]);
    addDataQualitySheet(workbook, result.dataQuality, lang, heading, name);
  }
}

/** The Before-After sheet: a row per metric, its reason when not computed, then each manager's before and after. */
function addBeforeAfterSheet(workbook: ExcelJS.Workbook, result: CompareResult, lang: string, heading: (title: string) => SheetHeading): void {
  const L = compareLabels(lang);
  const sheet = workbook.addWorksheet(tr(lang, 'До и после', 'Before and after'));
  sheet.columns = [
    { header: L.metric, width: 32 },
    { header: L.before, width: 20 },
    { header: L.after, width: 20 },
    { header: L.change, width: 14 },
    { header: L.changePct, width: 12 },
    { header: L.verdict, width: 9 },
    { header: L.target, width: 10 },
    { header: L.met, width: 14 },
    // Why a row is empty, as the line under the terminal and Markdown tables says it (its cells were blank, unsaid).
    { header: L.notComputed, width: 60 },
  ];
  styleHeader(sheet, 9);
  for (const row of result.rows) addCompareRow(sheet, row, lang);
  const subHeaders: number[] = [];
  if (result.managers) {
    sheet.addRow([]);
    const head = sheet.addRow([L.manager, ...result.managers[0]!.metrics.flatMap((m) => [`${ROW_INFO[m.metric]![lang === 'ru' ? 'ru' : 'en']}: ${L.beforeWord}`, `${ROW_INFO[m.metric]![lang === 'ru' ? 'ru' : 'en']}: ${L.afterWord}`])]);
    head.font = { bold: true };
    subHeaders.push(head.number);
    for (const m of result.managers) {
      const r = sheet.addRow([]);
      setText(r.getCell(1), m.manager);
      m.metrics.forEach((row, i) => {
        const f = rowFormats(row, lang).value;
        r.getCell(2 + i * 2).value = row.before;
        r.getCell(2 + i * 2).numFmt = f;
        r.getCell(3 + i * 2).value = row.after;
        r.getCell(3 + i * 2).numFmt = f;
        paint(r.getCell(3 + i * 2), better(row));
      });
    }
  }
  finishSheet(sheet, heading(L.title), { autofilter: false, subHeaders });
}

/** A metric's row of the Before-After sheet: numbers in their formats, the verdict painted, the reason of an empty row. */
function addCompareRow(sheet: ExcelJS.Worksheet, row: CompareRow, lang: string): void {
  const L = compareLabels(lang);
  const info = ROW_INFO[row.metric]!;
  const verdict = better(row);
  // The arrow is the direction of the change; its colour says whether that is better or worse.
  const arrow = changeArrow(row);
  const word = verdictText(row, lang);
  // The change as every format shows it: a share's in points, the difference of the values as shown (rowFormats).
  const formats = rowFormats(row, lang);
  const change = formats.changeCell;
  const r = sheet.addRow([info[lang === 'ru' ? 'ru' : 'en'], row.before, row.after, change, row.change_pct, `${arrow} ${word}`.trim(), row.target, row.met === null ? (row.target === null ? '' : '—') : row.met ? L.yes : L.no]);
  const note = rowNote(row, lang);
  if (note !== undefined) setText(r.getCell(9), note);
  for (const col of [2, 3]) r.getCell(col).numFmt = formats.value;
  // A change that rounds to zero as shown reads «0,0%», unsigned, as in the other formats (not «−0,0%»).
  r.getCell(4).numFmt = signedFormatFor(formats.change, change);
  const judged = judgedFormats(row.change_pct, row.target);
  r.getCell(5).numFmt = signedFormatFor(judged.change, row.change_pct);
  // A target as written (+12,5%, −6,1%), never rounded to whole percents beside the change it is judged on.
  r.getCell(7).numFmt = judged.target;
  for (const col of [4, 5, 6]) paint(r.getCell(col), verdict);
  if (row.met !== null) paint(r.getCell(8), row.met);
}

/** The Payback sheet: its inputs, the monthly gain, the months and the 12-month ROI. */
function addPaybackSheet(workbook: ExcelJS.Workbook, result: CompareResult, lang: string, heading: (title: string) => SheetHeading): void {
  const L = compareLabels(lang);
  const payback = result.payback!;
  const p = workbook.addWorksheet(L.payback);
  p.columns = [{ header: L.payback, width: 40 }, { header: L.changeValue, width: 24 }];
  styleHeader(p, 2, false);
  // The inputs in the words every format lists them in.
  // Each amount in its own precision, as the other formats write it alone (1 500 000, 394 285).
  for (const i of paybackInputs(result.payback_inputs)) p.addRow([say(i.label, lang), i.value]).getCell(2).numFmt = i.format === 'ratio' ? FORMATS.percent : moneyFormat([i.value]);
  p.addRow([gainLabel(result.payback_inputs, lang), payback.gain_per_month ?? '—']).getCell(2).numFmt = moneyFormat([payback.gain_per_month]);
  const months = p.addRow([L.months, paybackMonthsCell(payback, lang, result.payback_inputs?.margin)]);
  months.getCell(2).numFmt = PAYBACK_MONTHS_FORMAT;
  p.addRow([L.roi, roiCell(payback, lang) ?? '—']).getCell(2).numFmt = signedFormatFor(RELATIVE_FORMAT, payback.roi_12m);
  finishSheet(p, heading(L.payback), { autofilter: false });
}

/** The before/after comparison as an XLSX workbook. */
export async function renderCompareXlsx(result: CompareResult, opts: { lang: string; now: Date; company?: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  setDocumentProperties(workbook, compareLabels(opts.lang).title, opts.now);
  if (opts.company) workbook.company = opts.company;
  addCompareSheets(workbook, result, opts.lang, { company: opts.company, date: opts.now });
  return workbookToBuffer(workbook);
}
