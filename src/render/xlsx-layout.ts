import type ExcelJS from 'exceljs';
import { tr } from '../core/i18n.js';
import { formatDay } from './format.js';

/** What every sheet states above its table: whose data, which period, and when it was made. */
export interface SheetHeading {
  title: string;
  company?: string;
  /** One line per period: «Период», or «До» and «После» in a comparison. `null` ends mean "all data". */
  periods?: Array<{ label: string; from: string | null; to: string | null }>;
  date: Date;
  lang: string;
}

/** Whose report and when: what a workbook's builders pass to every sheet's heading. */
export interface WorkbookHeading {
  company?: string;
  date: Date;
}

/** Date cell formats: `ДД.ММ.ГГГГ` in Russian (Excel's `dd.mm.yyyy`), ISO in English. */
export function dateFormat(lang: string, withTime = false): string {
  const day = lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  return withTime ? `${day} hh:mm` : day;
}

/** A calendar day `YYYY-MM-DD` as a date cell value (Excel dates carry no zone: midnight of that day). */
export function dayValue(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

/** Whether a moment is a day given as such (`--now 2026-12-01`: 00:00 UTC exactly, as localDay reads it), not a time of day. */
export function isDayOnly(moment: Date): boolean {
  return moment.getTime() % 86_400_000 === 0;
}

/** A moment as a date cell showing the local wall-clock time of the run (`TZ`), not UTC; a day given as such (isDayOnly) as that day's midnight. */
export function localMomentValue(moment: Date): Date {
  if (isDayOnly(moment)) return moment;
  return new Date(Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate(), moment.getHours(), moment.getMinutes(), moment.getSeconds()));
}

/**
 * The report date as a cell: the local moment (localMomentValue) formatted with its time, or, for a day
 * given as such, the date alone (`--now 2026-12-01` printed «01.12.2026 00:00», a time nobody gave).
 */
export function reportDateCell(moment: Date, lang: string): { value: Date; numFmt: string } {
  return { value: localMomentValue(moment), numFmt: dateFormat(lang, !isDayOnly(moment)) };
}

/** The rows a heading takes: title, company, periods, date and an empty line before the table. */
function headingRows(h: SheetHeading): Array<{ values: unknown[]; formats?: Record<number, string> }> {
  const rows: Array<{ values: unknown[]; formats?: Record<number, string> }> = [{ values: [h.title] }];
  if (h.company) rows.push({ values: [tr(h.lang, 'Компания', 'Company'), h.company] });
  for (const p of h.periods ?? []) {
    if (!p.from && !p.to) rows.push({ values: [p.label, tr(h.lang, 'все данные', 'all data')] });
    else rows.push({ values: [p.label, p.from ? dayValue(p.from) : '…', p.to ? dayValue(p.to) : '…'], formats: { 2: dateFormat(h.lang), 3: dateFormat(h.lang) } });
  }
  const date = reportDateCell(h.date, h.lang);
  rows.push({ values: [tr(h.lang, 'Дата отчёта', 'Report date'), date.value], formats: { 2: date.numFmt } });
  rows.push({ values: [] });
  return rows;
}

/** What a page footer names: the sheet's title and the company. */
export type FooterHeading = Pick<SheetHeading, 'title' | 'company' | 'lang'>;

/** A page footer: the sheet's title (and company) at the left, «Стр. 2 из 5» / "Page 2 of 5" at the right. */
function pageFooter(h: FooterHeading): string {
  const page = `&R${tr(h.lang, 'Стр. &P из &N', 'Page &P of &N')}`;
  return `&L${headerFooterText(`${h.title}${h.company ? ` — ${h.company}` : ''}`, HEADER_FOOTER_MOST - 2 - page.length)}${page}`;
}

/** The most characters Excel takes in a page header or footer, codes included (a longer one is refused when the file opens). */
const HEADER_FOOTER_MOST = 255;

/**
 * Text for a page header or footer in at most `room` characters: an ampersand starts a code, so it is
 * written as && and printed as itself; a longer text (a company name of 300 characters: tester T42 F5) is
 * cut at a character, never between the two ampersands, and ends with «…».
 */
function headerFooterText(text: string, room: number): string {
  const escaped = text.replace(/&/g, '&&');
  if (escaped.length <= room) return escaped;
  let out = '';
  for (const ch of text) {
    const next = ch === '&' ? '&&' : ch;
    if (out.length + next.length > room - 1) break;
    out += next;
  }
  return `${out.trimEnd()}…`;
}

/** Shifts the row numbers of an A1 range ("E2:E12") down by `n`. */
function shiftRef(ref: string, n: number): string {
  return ref.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => `${col}${Number(row) + n}`);
}

/**
 * Puts the heading above a sheet whose table starts at row 1, then lays the sheet out for reading
 * and printing: widths from the content, wrapped headers, row heights that fit, frozen and
 * repeated header rows, landscape when wide, one page wide. Returns how many rows were inserted.
 */
export function finishSheet(sheet: ExcelJS.Worksheet, heading: SheetHeading | null, opts: { autofilter?: boolean; subHeaders?: number[]; keyColumns?: number; onePageWide?: boolean; textWidths?: Readonly<Record<number, number>> } = {}): number {
  const rows = heading ? headingRows(heading) : [];
  const n = rows.length;
  if (n > 0) {
    const heights = new Map<number, number | undefined>();
    sheet.eachRow({ includeEmpty: true }, (row) => heights.set(row.number, row.height));
    sheet.spliceRows(1, 0, ...rows.map((r) => r.values as ExcelJS.CellValue[]));
    for (let i = 1; i <= sheet.rowCount; i++) {
      const row = sheet.getRow(i);
      row.height = i <= n ? (undefined as unknown as number) : (heights.get(i - n) as number);
    }
    rows.forEach((r, i) => {
      for (const [col, fmt] of Object.entries(r.formats ?? {})) sheet.getRow(i + 1).getCell(Number(col)).numFmt = fmt;
    });
    sheet.getRow(1).font = { bold: true, size: 13 };
    for (let i = 2; i < n; i++) sheet.getRow(i).getCell(1).font = { bold: true };
    const cf = (sheet as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
    for (const c of cf ?? []) c.ref = shiftRef(c.ref, n);
  }
  const header = n + 1;
  // styleHeader put a filter on row 1, which is the title once the heading is in: move it to the
  // header, or drop it where a sheet has none (section rows or sub-tables would make it lie).
  if (opts.autofilter !== false && sheet.columnCount > 0) sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: header, column: sheet.columnCount } };
  else sheet.autoFilter = undefined;
  sheet.views = [{ state: 'frozen', ySplit: header }];
  const headers = new Set([header, ...(opts.subHeaders ?? []).map((r) => r + n)]);
  fitColumns(sheet, header, headers, opts.textWidths);
  fitRowHeights(sheet, header, headers);
  const widths = sheet.columns.map((c) => c.width ?? 9);
  const width = widths.reduce((s, w) => s + w, 0);
  // A table wider than a landscape page holds legibly prints across pages, each repeating the key
  // columns (the manager; a grouping's dimensions): forty KPI columns on one A4 page were too small to
  // read, and on two pages (200 width units each) they still printed at 57 % (LibreOffice's PDF).
  // A sheet of sentences (the audit's) reads on one page wide: its columns are not figures to follow
  // across pages, and a second page held only the end of each sentence; its text wraps narrower instead.
  const keys = opts.keyColumns ?? 1;
  const pagesWide = opts.onePageWide ? 1 : pagesAcross(widths, keys);
  if (pagesWide > 1) sheet.views = [{ state: 'frozen', xSplit: keys, ySplit: header }];
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: width > PORTRAIT_MOST ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    printTitlesRow: `${header}:${header}`,
    ...(pagesWide > 1 ? { printTitlesColumn: `A:${columnLetters(keys)}` } : {}),
    margins: PRINT_MARGINS,
  };
  // Every printed page says whose report it is and which page of how many: the heading rows print
  // on the first page only, and a wide table's later pages show only the key column of the title.
  if (heading) setPageFooter(sheet, heading);
  if (heading && pagesWide > 1) printFromHeader(sheet, heading, header);
  return n;
}

/**
 * A table printed across pages, its key columns repeated: printed from its header row, the heading
 * said in every page's header instead («Период: … · Дата отчёта: …»). Column A repeats on every page,
 * so the heading's rows printed their labels («Компания», «Период», «Дата отчёта») on the second page
 * with their values left on the first (a tester). The sheet keeps its heading rows on screen.
 */
function printFromHeader(sheet: ExcelJS.Worksheet, heading: SheetHeading, header: number): void {
  sheet.pageSetup.printArea = `A$${header}:${columnLetters(Math.max(1, sheet.columnCount))}$${Math.max(header, sheet.rowCount)}`;
  sheet.headerFooter = { ...sheet.headerFooter, oddHeader: `&C${headerFooterText(headingLine(heading), HEADER_FOOTER_MOST - 2)}` };
}

/** A heading's periods and report date in one line: «Период: 01.07.2024 — 30.06.2025 · Дата отчёта: 01.12.2026 09:30». */
export function headingLine(h: SheetHeading): string {
  const day = (d: string | null) => (d ? formatDay(d, h.lang) : '…');
  const periods = (h.periods ?? []).map((p) => `${p.label}: ${!p.from && !p.to ? tr(h.lang, 'все данные', 'all data') : `${day(p.from)} — ${day(p.to)}`}`);
  const local = localMomentValue(h.date).toISOString();
  const date = `${formatDay(local.slice(0, 10), h.lang)}${isDayOnly(h.date) ? '' : ` ${local.slice(11, 16)}`}`;
  return [...periods, `${tr(h.lang, 'Дата отчёта', 'Report date')}: ${date}`].join(' · ');
}

/** Puts the page footer every printed sheet has (finishSheet's tables, the Summary, the Charts): «<title> — <company>  Стр. N из M». */
export function setPageFooter(sheet: ExcelJS.Worksheet, heading: FooterHeading): void {
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: pageFooter(heading) };
}

/** A column's letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/**
 * Prints the sheet's cells from A1 (its heading) to its last used column and row, and nothing
 * else: call it once the last row is in. Written as absolute references ($A$1:$G$20).
 */
export function setPrintArea(sheet: ExcelJS.Worksheet): void {
  // exceljs puts a $ before each end's column only: the rows' $ are given here.
  sheet.pageSetup.printArea = `A$1:${columnLetters(Math.max(1, sheet.columnCount))}$${Math.max(1, sheet.rowCount)}`;
}

/**
 * Lays out a sheet that is not one table (the Summary): widths, heights, print setup and the page
 * footer every other sheet has (the Summary's first printed page had no page number). Its tables'
 * header rows (`headers`) wrap as a table's do, and text columns wrap at `textWidths`; landscape when
 * wide, as a table is: a Summary with assertions printed at half size in portrait (tester T42 F6: a
 * table header's whole width in one column, a skipped check's long note in another).
 */
export function finishFreeSheet(sheet: ExcelJS.Worksheet, footer: FooterHeading, opts: { headers?: readonly number[]; textWidths?: Readonly<Record<number, number>> } = {}): void {
  const headers = new Set(opts.headers ?? []);
  fitColumns(sheet, 0, headers, opts.textWidths);
  fitRowHeights(sheet, 0, headers);
  const width = sheet.columns.reduce((sum, c) => sum + (c.width ?? 9), 0);
  sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: width > PORTRAIT_MOST ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: PRINT_MARGINS };
  setPageFooter(sheet, footer);
}

/** The margins of every printed sheet, in inches: narrow, so that a table prints as large as it can. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };

/**
 * Column-width units an A4 page holds at 100 % within PRINT_MARGINS, as LibreOffice prints them
 * (measured 2026-12-05 from its PDFs: a footer's 11-pt text is 14.3 pt tall at 100 %, 10.9 pt on a
 * 100-unit portrait sheet): about 76 in portrait, 111 in landscape.
 */
export const PAGE_UNITS = { portrait: 76, landscape: 111 } as const;

/** The smallest print scale of a table: below it, 11-pt cells print under 8 pt, too small to read on A4. */
export const MIN_PRINT_SCALE = 0.75;

/** The widest table printed in portrait: at 80 % or more (wider ones turn landscape). */
const PORTRAIT_MOST = 95;

/** Width units a landscape page holds at MIN_PRINT_SCALE: about 148. */
export const LEGIBLE_PAGE_UNITS = Math.floor(PAGE_UNITS.landscape / MIN_PRINT_SCALE);

/**
 * Landscape pages a table of these column widths takes across at MIN_PRINT_SCALE or larger, every page
 * after the first repeating the first `keys` columns: columns laid page by page, a column that does
 * not fit starting the next page (as LibreOffice breaks them). 1 for a table that fits one page.
 */
export function pagesAcross(widths: readonly number[], keys: number): number {
  const repeated = widths.slice(0, keys).reduce((s, w) => s + w, 0);
  let pages = 1;
  let used = 0;
  widths.forEach((w, i) => {
    if (used + w > LEGIBLE_PAGE_UNITS && i >= keys && used > repeated) {
      pages++;
      used = repeated;
    }
    used += w;
  });
  return pages;
}

/** Widest text a column may take before its cells wrap. */
const MAX_TEXT = 60;

/** Characters a number takes under a number format: digits, group separators, decimals, sign, unit. */
export function numberWidth(value: number, numFmt: string | undefined): number {
  const fmt = numFmt ?? 'General';
  const section = fmt.split(';')[0]!;
  const percent = section.includes('%');
  const x = Math.abs(percent ? value * 100 : value);
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? (fmt === 'General' ? Math.min(String(x).split('.')[1]?.length ?? 0, 9) : 0);
  const digits = Math.max(1, Math.floor(Math.log10(Math.max(1, Math.round(x)))) + 1);
  const groups = section.includes(',') ? Math.floor((digits - 1) / 3) : 0;
  const unit = [...section.matchAll(/"([^"]*)"/g)].reduce((s, m) => s + m[1]!.length, 0);
  const sign = value < 0 || section.startsWith('+') ? 1 : 0;
  return digits + groups + (decimals ? decimals + 1 : 0) + (percent ? 1 : 0) + unit + sign;
}

/** Characters a cell shows on one line (its longest line for text). */
function cellWidth(cell: ExcelJS.Cell): number {
  const v = cell.value;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return numberWidth(v, cell.numFmt);
  if (v instanceof Date) return (cell.numFmt ?? 'yyyy-mm-dd').replace(/"/g, '').length;
  if (typeof v === 'boolean') return 5;
  const text = typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v);
  return Math.max(...text.split('\n').map((l) => l.length));
}

/**
 * Widths from the content: every number and date shows in full (no `###`), headers wrap between
 * words (a column is at least as wide as the header's longest word), long text wraps at MAX_TEXT, or
 * at the column's own width in `textWidths` (by column number: a sheet of sentences narrower, to print
 * legibly one page wide). Rows above `header` (the heading) count only for their numbers and dates;
 * their text may overflow.
 */
function fitColumns(sheet: ExcelJS.Worksheet, header: number, headers: Set<number>, textWidths: Readonly<Record<number, number>> = {}): void {
  const widths: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const merged = cell.isMerged && cell.master !== cell;
      if (merged) return;
      const most = textWidths[col] ?? MAX_TEXT;
      let w: number;
      if (row.number < header) {
        if (typeof cell.value !== 'number' && !(cell.value instanceof Date)) return;
        w = cellWidth(cell);
      } else if (headers.has(row.number)) {
        const text = String(cell.value ?? '');
        const longestWord = Math.max(0, ...text.split(/\s+/).map((x) => x.length));
        // Bold text is wider; a header may take up to three lines, never a broken word.
        w = Math.max(longestWord, Math.ceil(text.length / 3)) * 1.1;
      } else {
        w = cellWidth(cell);
        if (typeof cell.value === 'string' && w > most) cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      }
      // A number keeps its width (no ###); text and headers wrap at the column's most.
      widths[col] = Math.max(widths[col] ?? 0, typeof cell.value === 'number' || cell.value instanceof Date ? w : Math.min(w, most));
    });
  });
  for (let col = 1; col < widths.length; col++) {
    const w = widths[col];
    if (w === undefined) continue;
    // exceljs leaves a width of exactly 9 unwritten (its default), and the reader's default is
    // narrower (8.43 in Excel): 9 becomes 9.5 so the width survives.
    const width = Math.max(6, Math.ceil(w + 2));
    sheet.getColumn(col).width = width === 9 ? 9.5 : width;
  }
}

/** Row heights that fit wrapped text: 15 points a line, as many lines as the widest wrapped cell needs; a taller row's cells at its top. */
function fitRowHeights(sheet: ExcelJS.Worksheet, header: number, headers: Set<number>): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (row.number < header) return;
    let lines = 1;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const isHeader = headers.has(row.number);
      if (isHeader) cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'middle' };
      const wrap = cell.alignment?.wrapText || isHeader;
      if (!wrap || typeof cell.value !== 'string') return;
      const width = Math.max(1, (sheet.getColumn(col).width ?? 9) - 1) / (isHeader ? 1.1 : 1);
      lines = Math.max(lines, wrappedLines(cell.value, width));
    });
    if (lines > 1) {
      row.height = Math.min(409, 15 * lines + 2);
      // The row's other cells at the top beside the wrapped one: a file's name sat on the bottom line of
      // its row, under the first line of its wrapped summary, and read as the next row's (LibreOffice's PDF).
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!cell.alignment?.vertical) cell.alignment = { ...cell.alignment, vertical: 'top' };
      });
    }
  });
}

/** Lines a text takes when wrapped at word boundaries in `width` characters. */
export function wrappedLines(text: string, width: number): number {
  let total = 0;
  for (const para of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) used = len;
      else if (used + 1 + len <= width) used += 1 + len;
      else {
        lines++;
        used = len;
      }
      while (used > width) {
        lines++;
        used -= width;
      }
    }
    total += lines;
  }
  return total;
}
