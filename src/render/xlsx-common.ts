import type ExcelJS from 'exceljs';
import type { MetricFormat } from '../core/kpi/catalog.js';

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
  money: '#,##0.00',
  integer: '#,##0',
  decimal: '#,##0.0',
} as const;

/** The cell number format of a metric's kind, with units in the report language. */
export function metricFormat(format: MetricFormat, lang: string): string {
  switch (format) {
    case 'count':
      return FORMATS.integer;
    case 'ratio':
      return FORMATS.percent;
    case 'money':
      return FORMATS.money;
    case 'days':
      return lang === 'ru' ? '#,##0.0" дн."' : '#,##0.0" d"';
    case 'minutes':
      return lang === 'ru' ? '#,##0.0" мин"' : '#,##0.0" min"';
    default:
      return '#,##0.00';
  }
}

/** Sets fixed document properties; `now` comes from the caller so the workbook is deterministic. */
export function setDocumentProperties(workbook: ExcelJS.Workbook, title: string, now: Date): void {
  workbook.creator = 'crm-audit';
  workbook.lastModifiedBy = 'crm-audit';
  workbook.title = title;
  workbook.created = now;
  workbook.modified = now;
}

/** Serialises a workbook to bytes. */
export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
