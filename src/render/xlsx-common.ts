import type ExcelJS from 'exceljs';
import type { MetricFormat } from '../core/kpi/catalog.js';
import { moneyDecimals } from './format.js';

/**
 * Sets a cell to a value from someone's export. Strings are always written as shared-string text
 * cells, never as formulas, so `=HYPERLINK(…)` or `+SUM(…)` from an export is shown, not run
 * (OWASP "CSV injection"; test/cli/report.test.ts re-reads a workbook to prove it).
 */
export function setText(cell: ExcelJS.Cell, value: string | null | undefined): void {
  cell.value = value ?? '';
}

/** Header row style: bold, filled, frozen; the sheet gets an autofilter over the header. */
export function styleHeader(sheet: ExcelJS.Worksheet, columns: number, autofilter = true): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  for (let i = 1; i <= columns; i++) {
    row.getCell(i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (autofilter && columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

/** Number formats used across workbooks. */
export const FORMATS = {
  percent: '0.0%',
  /** Money with kopecks: only in a column whose every amount is below 1 000 (moneyFormat). */
  money: '#,##0.00',
  integer: '#,##0',
  decimal: '#,##0.0',
} as const;

/**
 * The format of money cells that show together (a table's column, a before/after row, or one amount):
 * one precision, as the other formats write them (moneyDecimals) — whole roubles where any amount is
 * 1 000 or more, or all are whole («38 044 400», not «38,044,400.00»), kopecks while every one is below.
 */
export function moneyFormat(values: readonly unknown[]): string {
  return moneyDecimals(values) === 0 ? FORMATS.integer : FORMATS.money;
}

/**
 * The cell number format of a metric's kind, with units in the report language; money in the
 * precision of `values`, the amounts shown with it (moneyFormat).
 */
export function metricFormat(format: MetricFormat, lang: string, values: readonly unknown[] = []): string {
  switch (format) {
    case 'count':
      return FORMATS.integer;
    case 'ratio':
      return FORMATS.percent;
    case 'money':
      return moneyFormat(values);
    case 'days':
      return lang === 'ru' ? '#,##0.0" дн."' : '#,##0.0" d"';
    case 'minutes':
      return lang === 'ru' ? '#,##0.0" мин"' : '#,##0.0" min"';
    default:
      return '#,##0.00';
  }
}

/** A number format's sections ("pos;neg;zero"), split outside its quoted literals. */
function formatSections(format: string): string[] {
  return format.match(/(?:"[^"]*"|[^;"])+/g) ?? [format];
}

/**
 * The format a signed change's cell takes for its value: a value that rounds to zero at the format's
 * precision is shown as the zero section alone, unsigned («0,0%»), as the terminal, Markdown and HTML
 * write it. Excel chooses the section by the value, not by what it shows: under `+0.0%;−0.0%;0.0%`
 * a change of −0,000228 printed «−0,0%». The cell keeps its number; only the format changes.
 */
export function signedFormatFor(format: string, value: number | null | undefined): string {
  const sections = formatSections(format);
  // An exact zero takes the zero section already.
  if (sections.length < 3 || typeof value !== 'number' || !Number.isFinite(value) || value === 0) return format;
  const first = sections[0]!.replace(/"[^"]*"/g, '');
  const decimals = /\.([0#]+)/.exec(first)?.[1]?.length ?? 0;
  const shown = Math.abs(value) * (first.includes('%') ? 100 : 1);
  if (Number(shown.toFixed(decimals)) !== 0) return format;
  const zero = sections[2]!;
  return `${zero};${zero};${zero}`;
}

/** Sets fixed document properties; `now` comes from the caller so the workbook is deterministic. */
export function setDocumentProperties(workbook: ExcelJS.Workbook, title: string, now: Date): void {
  workbook.creator = 'crm-audit';
  workbook.lastModifiedBy = 'crm-audit';
  workbook.title = title;
  workbook.created = now;
  workbook.modified = now;
}

/** Characters XML 1.0 cannot hold: C0 controls but tab and line ends, U+FFFE, U+FFFF and lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text that XML can hold: each character it cannot becomes U+FFFD (shown, not dropped). An export's
 * U+FFFE in a loss reason made the chart rasteriser refuse the SVG, and exceljs writes U+FFFE into a
 * sheet as it is, which Excel refuses to open.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

/** The most characters an Excel cell holds: a longer one makes Excel repair the workbook, dropping the cell. */
export const EXCEL_CELL_CHARS = 32_767;

/** A cell's text as Excel can hold it: cut, with «…», at EXCEL_CELL_CHARS (a 50,000-character note in an export). */
export function cellText(text: string): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  // Not between the halves of a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(text[EXCEL_CELL_CHARS - 2]!) ? EXCEL_CELL_CHARS - 2 : EXCEL_CELL_CHARS - 1;
  return `${text.slice(0, cut)}…`;
}

/** Serialises a workbook to bytes (every text cell made XML-safe and cut to what Excel holds first: xmlText, cellText). */
export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') {
          const safe = cellText(xmlText(cell.value));
          if (safe !== cell.value) cell.value = safe;
        }
      }),
    ),
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return stampZipEntries(new Uint8Array(buffer as ArrayBuffer), workbook.modified ?? workbook.created ?? new Date(Date.UTC(1980, 0, 1)));
}

/**
 * Sets every entry's modification time in a ZIP to `when` (UTC, to the 2 s a ZIP keeps). The zip
 * library stamps entries with the clock, so without this two runs with the same --now differ in
 * bytes; with it a workbook is byte-identical, as --now and SOURCE_DATE_EPOCH promise.
 */
export function stampZipEntries(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
  const date = ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries && view.getUint32(at, true) === 0x02014b50; n++) {
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, time, true);
      view.setUint16(local + 12, date, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
