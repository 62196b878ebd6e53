// Excel's «XML Spreadsheet 2003» (SpreadsheetML): one XML document of worksheets, written by Excel
// («Таблица XML 2003»), 1C and the «Выгрузить в Excel» buttons of Russian PBX and CRM systems, and
// saved as .xls or .xml. Read as the XLSX reader reads a workbook: the same sheet choice (--sheet by
// name or number, visible sheets first, the first that holds values), merged cells, dates given as
// ISO text, formulas' cached values, and the same errors.
import { TextDecoder } from 'node:util';
import { UserError } from '../../core/errors.js';
import type { RowSink } from './csv.js';
import type { Limits } from './limits.js';
import type { Encoding } from './sniff.js';
import type { ColumnSpans } from './table.js';
import { cellRef, chosenSheet, columnName, emptySheetsError, SheetWithoutHeader } from './sheet-error.js';
import { aggregateOverRanges, type Uncalculated } from './uncalculated.js';
import { decodeXmlText, MalformedXml, XmlCheck } from './xml.js';
import { HeadRead, headSink, type OtherSheet, type OtherSheetsCheck } from './other-sheets.js';
import { serialToTime, shortestWhole } from './xlsx.js';

export interface SpreadsheetMlInfo {
  sheet: string;
  sheets: string[];
  /** The encoding the text was read in, and why. */
  encoding: string;
  encodingWhy: string;
  hiddenRows?: number;
  /** Other worksheets with a header of the kind read (when asked: others), not read. */
  otherSheets?: OtherSheet[];
}

interface Sheet {
  name: string;
  /** The worksheet's content (between its start and end tags). */
  body: string;
  hidden: boolean;
}

/** A worksheet's columns, as in XLSX (A to XFD). */
const SHEET_COLUMNS = 16_384;

/**
 * Reads the rows of one worksheet of a SpreadsheetML document held whole (`bytes`, after its byte
 * order mark) into the sink. `encoding` is the BOM's or the UTF-16 pattern's; else the one given
 * (--encoding), else the one the XML declaration names, else UTF-8.
 */
export function readSpreadsheetMl(bytes: Uint8Array, file: string, opts: { encoding?: Encoding; given?: Encoding; why?: string; sheet?: string; limits: Limits; uncalculated?: 'pass'; others?: OtherSheetsCheck; onHiddenColumns?: (spans: ColumnSpans) => void }, sink: RowSink): SpreadsheetMlInfo {
  const { text, encoding, why } = decodeDocument(bytes, file, opts);
  checkWellFormed(text, file);
  const xml = unprefixTags(text);
  const root = /<Workbook\b/.exec(xml);
  if (!root) throw malformed(file, 'no <Workbook> element', 'нет элемента «<Workbook>»');
  const styles = parseStyles(xml);
  const inOrder = worksheets(xml);
  if (inOrder.length === 0) throw UserError.of('E_XLSX_NO_SHEETS', 'xml2003.noSheets', {}, { file });
  const sheets = [...inOrder.filter((s) => !s.hidden), ...inOrder.filter((s) => s.hidden)];
  const names = sheets.map((s) => s.name);
  const wanted = opts.sheet;
  const candidates = wanted === undefined ? sheets : [chosenSheet(inOrder, wanted, names, file)];
  const base = { encoding, encodingWhy: why };
  for (const sheet of candidates) {
    const ctx: SheetContext = { file, sheet: sheet.name, styles, limits: opts.limits, ...(opts.uncalculated ? { uncalculated: opts.uncalculated } : {}) };
    let found: boolean;
    opts.onHiddenColumns?.(hiddenColumns(sheet.body));
    try {
      found = readSheet(sheet.body, ctx, sink);
    } catch (error) {
      // The first sheet with values has no known header: the data may be on another sheet (import.ts reads them).
      if (wanted === undefined && error instanceof UserError && (error.code === 'E_NO_HEADER' || (error.code === 'E_MAP_REQUIRED' && names.length > 1))) throw new SheetWithoutHeader(error, sheet.name, names);
      throw error;
    }
    if (!found) continue;
    const other = opts.others ? otherSheets(sheets.filter((s) => s !== sheet), { file, styles, limits: opts.limits }, opts.others) : [];
    return { sheet: sheet.name, sheets: names, ...base, ...(ctx.hiddenRows ? { hiddenRows: ctx.hiddenRows } : {}), ...(other.length > 0 ? { otherSheets: other } : {}) };
  }
  if (wanted === undefined) throw emptySheetsError(file, undefined, names, []);
  const chosen = candidates[0]!;
  throw emptySheetsError(file, chosen.name, names, sheets.filter((s) => s !== chosen && holdsValues(s, { file, sheet: s.name, styles, limits: opts.limits })).map((s) => s.name));
}

/**
 * Of the worksheets not read, those whose first rows hold a header of the kind read (check.header), with
 * their rows under it: a sheet's first rows are read, and only a sheet that matches is read on, to count
 * its rows. A sheet that cannot be read says nothing here: it is not the one read.
 */
function otherSheets(sheets: readonly Sheet[], base: Omit<SheetContext, 'sheet'>, check: OtherSheetsCheck): OtherSheet[] {
  return sheets.flatMap((sheet) => {
    const ctx: SheetContext = { ...base, sheet: sheet.name, uncalculated: 'pass' };
    const { head, sink } = headSink(check.rows);
    let whole = true;
    try {
      readSheet(sheet.body, ctx, sink);
    } catch (error) {
      if (!(error instanceof HeadRead)) return [];
      whole = false;
    }
    const header = head.length > 0 ? check.header(head) : undefined;
    if (header === undefined) return [];
    let rows = whole ? head.filter((r) => r.row > header).length : 0;
    if (!whole) {
      readSheet(sheet.body, ctx, (cells, row) => {
        if (row > header && Array.isArray(cells) && cells.some((c) => c.trim() !== '')) rows++;
      });
    }
    return rows > 0 ? [{ sheet: sheet.name, ...(sheet.hidden ? { hidden: true as const } : {}), rows }] : [];
  });
}

/** The encodings an XML declaration may name that are read (WHATWG labels; others are refused by name). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256)).toString('latin1');
  return /^<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.trim();
}

function decodeDocument(bytes: Uint8Array, file: string, opts: { encoding?: Encoding; given?: Encoding; why?: string }): { text: string; encoding: string; why: string } {
  let label: string;
  let why: string;
  if (opts.encoding) {
    label = opts.encoding;
    why = opts.why ?? 'byte order mark';
  } else if (opts.given) {
    label = opts.given;
    why = 'given (--encoding)';
  } else {
    const declared = declaredEncoding(bytes);
    // A declaration read in ASCII bytes is no UTF-16 (that has a BOM or a zero byte in every pair, seen
    // by sniff): .NET's writers declare utf-16 for a string they then save as UTF-8.
    const utf16Lie = declared !== undefined && /^utf-?16/i.test(declared);
    label = declared === undefined || utf16Lie ? 'utf-8' : declared;
    why = utf16Lie ? 'the XML declaration says UTF-16, but the bytes are 8-bit: UTF-8' : declared ? 'the XML declaration' : 'XML without a declared encoding (UTF-8)';
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw UserError.of('E_XML2003', 'xml2003.unknownEncoding', { encoding: label }, { file });
  }
  try {
    return { text: decoder.decode(bytes), encoding: decoder.encoding, why };
  } catch {
    throw UserError.of('E_XML2003', 'xml2003.badEncoding', { encoding: decoder.encoding }, { file });
  }
}

/** The malformed-document error: the file, what is wrong and (where known) its line. */
function malformed(file: string, en: string, ru: string, line?: number): UserError {
  return UserError.of('E_XML2003', 'xml2003.malformed', { what: en, whatRu: ru }, line !== undefined ? { file, row: line } : { file });
}

/**
 * The document is well-formed XML (every element closed in order by its own name, one root), checked
 * line by line by xml.ts's XmlCheck so that the fault is named with its line; a DTD is refused (no
 * entity is ever expanded).
 */
function checkWellFormed(text: string, file: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 4096))) throw UserError.of('E_XML2003', 'xml2003.dtd', {}, { file });
  const check = new XmlCheck();
  let line = 1;
  try {
    for (let at = 0; at < text.length; line++) {
      let nl = text.indexOf('\n', at);
      if (nl === -1) nl = text.length - 1;
      check.feed(text.slice(at, nl + 1));
      at = nl + 1;
    }
    line--;
    check.end();
  } catch (error) {
    if (error instanceof MalformedXml) throw malformed(file, error.en.replace('the part', 'the document'), error.ru.replace('часть', 'документ').replace('части', 'документе'), line);
    throw error;
  }
}

/**
 * Element names without their namespace prefix (`<ss:Row>`, `<html:B>`): the same workbook; comments
 * left out, and CDATA sections written as the text they are (escaped), before any element is looked
 * for: a `<Cell>` inside a comment has no end tag to stop the cell's expression, and markup inside a
 * CDATA section is a cell's text (tester T66 H2: `<![CDATA[1</Data></Cell></Row><Row>…]]>` added a
 * deal of 99 000 000 and lost a real one).
 */
function unprefixTags(xml: string): string {
  const plain = xml.indexOf('<!--') === -1 && xml.indexOf('<![CDATA[') === -1 ? xml : xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g, (_, text: string | undefined) => (text === undefined ? '' : escapeXmlText(text)));
  return plain.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, '<$1');
}

/** Text as XML writes it outside CDATA. */
function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ATTRS = new Map<string, RegExp>();

/** An attribute by its local name, whatever its prefix (`ss:Index`, `x:Index`, `Index`). */
function attrOf(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? decodeXmlText(m[1] ?? m[2] ?? '') : undefined;
}

/** How a style shows a DateTime: a date, a date and its time, a time alone, or hours past a day. */
type DateShape = 'date' | 'datetime' | 'time' | 'elapsed';

/** Excel's named number formats that show dates or times. */
const NAMED_FORMATS: Record<string, DateShape> = {
  'general date': 'datetime',
  'short date': 'date',
  'medium date': 'date',
  'long date': 'date',
  'short time': 'time',
  'medium time': 'time',
  'long time': 'time',
};

/** What a number format shows, as xlsx.ts judges a custom format; undefined for no date or time. */
function shapeOf(format: string): DateShape | undefined {
  const named = NAMED_FORMATS[format.trim().toLowerCase()];
  if (named) return named;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!/[dmyhs]/i.test(bare) || /^[#0.,%\s]*$/.test(bare)) return undefined;
  if (/[hs]/i.test(bare) && !/[dy]/i.test(bare)) return /\[h+\]/i.test(format) ? 'elapsed' : 'time';
  return /[hs]/i.test(bare) ? 'datetime' : 'date';
}

/** The date shape of each style that has one, its parent's where it names none of its own. */
function parseStyles(xml: string): Map<string, DateShape | undefined> {
  const own = new Map<string, { format?: string; parent?: string }>();
  const block = /<Styles\b[^>]*>([\s\S]*?)<\/Styles>/.exec(xml)?.[1] ?? '';
  for (const m of block.matchAll(/<Style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Style>)/g)) {
    const id = attrOf(m[1]!, 'ID');
    if (id === undefined) continue;
    const nf = /<NumberFormat\b([^>]*)/.exec(m[2] ?? '');
    const format = nf ? attrOf(nf[1]!, 'Format') : undefined;
    const parent = attrOf(m[1]!, 'Parent');
    own.set(id, { ...(format !== undefined ? { format } : {}), ...(parent !== undefined ? { parent } : {}) });
  }
  const shapes = new Map<string, DateShape | undefined>();
  for (const id of own.keys()) {
    let s = own.get(id);
    // A parent chain, bounded: a loop of parents names no format.
    for (let hops = 0; s && s.format === undefined && s.parent !== undefined && hops < 32; hops++) s = own.get(s.parent);
    shapes.set(id, s?.format !== undefined ? shapeOf(s.format) : undefined);
  }
  return shapes;
}

/** The worksheets in the workbook's order: name, content, whether hidden (WorksheetOptions' Visible). */
function worksheets(xml: string): Sheet[] {
  const out: Sheet[] = [];
  for (const m of xml.matchAll(/<Worksheet\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Worksheet\s*>)/g)) {
    const body = m[2] ?? '';
    const options = /<WorksheetOptions\b[\s\S]*?<\/WorksheetOptions\s*>/.exec(body)?.[0] ?? '';
    const hidden = /<Visible>\s*Sheet(?:Very)?Hidden\s*<\/Visible>/.test(options);
    out.push({ name: attrOf(m[1]!, 'Name') ?? `Sheet${out.length + 1}`, body, hidden });
  }
  return out;
}

interface SheetContext {
  file: string;
  sheet: string;
  styles: Map<string, DateShape | undefined>;
  limits: Limits;
  uncalculated?: 'pass';
  hiddenRows?: number;
}

/**
 * The columns a worksheet hides: its `<Column ss:Hidden="1">` elements before the rows, each at its
 * ss:Index (1-based) or after the one before it, over 1 + ss:Span columns.
 */
export function hiddenColumns(body: string): ColumnSpans {
  const table = /<Table\b[^>]*>([\s\S]*?)(?:<Row\b|<\/Table\s*>)/.exec(body)?.[1] ?? '';
  const spans: Array<{ from: number; to: number }> = [];
  let col = 0;
  for (const m of table.matchAll(/<Column\b([^>]*?)\/?>/g)) {
    const index = attrOf(m[1]!, 'Index');
    if (index !== undefined && /^\d+$/.test(index) && Number(index) >= 1) col = Number(index) - 1;
    const span = Number(attrOf(m[1]!, 'Span') ?? '0');
    const to = Math.min(SHEET_COLUMNS - 1, col + (Number.isInteger(span) && span > 0 ? span : 0));
    if (/^(1|true)$/i.test(attrOf(m[1]!, 'Hidden') ?? '')) spans.push({ from: col, to });
    col = to + 1;
  }
  return spans;
}

const ROW_RE = /<Row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Row\s*>)/g;
const CELL_RE = /<Cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Cell\s*>)/g;

/**
 * Hands the sheet's rows to the sink, numbered as the sheet numbers them (ss:Index skips rows); returns
 * false, emitting nothing, when no cell holds a value. A cell merged down (ss:MergeDown) gives its value
 * to the rows under it, as XLSX merged cells do; one merged across (ss:MergeAcross) is followed by empty
 * cells.
 */
function readSheet(body: string, ctx: SheetContext, sink: RowSink): boolean {
  const table = /<Table\b[^>]*?(?:\/>|>([\s\S]*?)<\/Table\s*>)/.exec(body)?.[1] ?? '';
  let row = 0;
  let seenValue = false;
  // Merged-down ranges in force: first and last columns, last row and the value of their first cell.
  let open: Array<{ col: number; to: number; last: number; value: string }> = [];
  for (const m of table.matchAll(ROW_RE)) {
    const attrs = m[1]!;
    const index = attrOf(attrs, 'Index');
    row = index !== undefined && /^\d+$/.test(index) && Number(index) > row ? Number(index) : row + 1;
    open = open.filter((o) => o.last >= row);
    // <Row/>: a row with no cell (a height, a style), as XLSX's <row/>: no row, but merged values reach it.
    if (m[2] === undefined && open.length === 0) continue;
    const { cells, uncalculated, merges } = rowCells(m[2] ?? '', ctx, row, open);
    for (const o of open) {
      while (cells.length <= o.col) cells.push('');
      if (cells[o.col] === '') cells[o.col] = o.value;
    }
    // Kept in column order, for rowCells to pass over them in one sweep.
    if (merges.length > 0) open = [...open, ...merges].sort((a, b) => a.col - b.col);
    if (!seenValue) {
      if (cells.every((c) => c === '') && !uncalculated) continue;
      seenValue = true;
    }
    if (/^(1|true)$/i.test(attrOf(attrs, 'Hidden') ?? '') && (uncalculated || cells.some((c) => c !== ''))) ctx.hiddenRows = (ctx.hiddenRows ?? 0) + 1;
    if (uncalculated) sink(cells, row, uncalculated);
    else sink(cells, row);
  }
  return seenValue;
}

/** Whether a sheet has a value in some cell (to name the sheets to choose instead of an empty one). */
function holdsValues(sheet: Sheet, ctx: SheetContext): boolean {
  const found = new Error('a value');
  try {
    readSheet(sheet.body, ctx, () => {
      throw found;
    });
    return false;
  } catch (error) {
    return error === found;
  }
}

function rowCells(xml: string, ctx: SheetContext, row: number, open: ReadonlyArray<{ col: number; to: number }>): { cells: string[]; uncalculated?: Uncalculated[]; merges: Array<{ col: number; to: number; last: number; value: string }> } {
  const { file, limits } = ctx;
  const cells: string[] = [];
  const merges: Array<{ col: number; to: number; last: number; value: string }> = [];
  let uncalculated: Uncalculated[] | undefined;
  let col = 0;
  let filled = 0;
  /** The first of the merged ranges (in column order) not yet left behind: the cells only move right. */
  let next = 0;
  for (const m of xml.matchAll(CELL_RE)) {
    const attrs = m[1]!;
    const index = attrOf(attrs, 'Index');
    if (index !== undefined) {
      if (!/^\d+$/.test(index) || Number(index) < col + 1) throw malformed(file, `cell ss:Index="${index}" in row ${row} of sheet "${ctx.sheet}" does not move right`, `ячейка ss:Index="${index}" в строке ${row} листа «${ctx.sheet}» не сдвигается вправо`);
      col = Number(index) - 1;
    } else {
      // A cell written without an index goes past the cells merged down over this row from above, in
      // one sweep of the ranges in column order (a pass over all of them until none moved it cost the
      // square of their number a cell: a 0.9 MB file took 57 s, tester T66 H3).
      for (; next < open.length && open[next]!.col <= col; next++) if (col <= open[next]!.to) col = open[next]!.to + 1;
    }
    if (col >= SHEET_COLUMNS) throw UserError.of('E_XLSX_CORRUPT', 'xlsx.pastLastColumn', { sheet: ctx.sheet, cell: cellRef(col, row) }, { file, row });
    const across = Math.max(0, Number(attrOf(attrs, 'MergeAcross') ?? '0') || 0);
    const down = Math.max(0, Number(attrOf(attrs, 'MergeDown') ?? '0') || 0);
    let value = cellValue(attrs, m[2] ?? '', ctx, row, col);
    if (typeof value !== 'string') {
      if (ctx.uncalculated !== 'pass') throw UserError.of('E_XLSX_NO_VALUES', 'xlsx.formulaNoValue', { sheet: ctx.sheet, cell: cellRef(col, row), formula: value.formula }, { file, row });
      (uncalculated ??= []).push({ col, cell: cellRef(col, row), formula: value.formula, aggregate: value.aggregate, sheet: ctx.sheet });
      value = '';
    }
    if (down > 0) merges.push({ col, to: col + across, last: row + down, value });
    // An aggregate with its value (=SUM(R[-12]C:R[-1]C) under the table): handed on too, for the reader of the rows to know a totals row.
    const cached = value !== '' && ctx.uncalculated === 'pass' && attrs.indexOf('Formula') !== -1 ? cachedAggregate(attrs, row, col) : undefined;
    if (cached !== undefined) (uncalculated ??= []).push({ col, cell: cellRef(col, row), formula: cached, aggregate: true, sheet: ctx.sheet, cached: true });
    if (value !== '') {
      if (++filled > limits.maxColumns) throw UserError.of('E_LIMIT_COLUMNS', 'xlsx.tooManyColumns', { sheet: ctx.sheet, row, cell: cellRef(col, row), max: limits.maxColumns }, { file, row });
      if (value.length > limits.maxCellChars) throw UserError.of('E_LIMIT_CELL', 'xlsx.cellTooLong', { row, max: limits.maxCellChars }, { file, row });
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    col += 1 + across;
  }
  return uncalculated ? { cells, uncalculated, merges } : { cells, merges };
}

/** A cell's formula (ss:Formula, in A1 form) where it aggregates ranges; else undefined. */
function cachedAggregate(attrs: string, row: number, col: number): string | undefined {
  const formula = attrOf(attrs, 'Formula');
  if (formula === undefined || formula === '') return undefined;
  const a1 = r1c1ToA1(formula.replace(/^=/, ''), row, col);
  return aggregateOverRanges(a1) ? (a1.length > 60 ? `${a1.slice(0, 59)}…` : a1) : undefined;
}

/**
 * A cell's value as the XLSX reader gives it: text as written (rich text's markup flattened, a comment
 * left out), a number as written, a DateTime as `YYYY-MM-DD[ HH:MM:SS]` (or `H:MM:SS` where its style
 * shows a time alone), a Boolean as TRUE or FALSE, an error as its text (`#N/A`). A formula with no
 * value cached is returned as the formula, for the caller to judge.
 */
function cellValue(attrs: string, inner: string, ctx: SheetContext, row: number, col: number): string | { formula: string; aggregate: boolean } {
  const content = inner.replace(/<Comment\b[\s\S]*?<\/Comment\s*>|<Comment\b[^>]*\/>/g, '');
  const data = /<Data\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Data\s*>)/.exec(content);
  const formula = attrOf(attrs, 'Formula');
  if (!data) {
    if (formula === undefined || formula === '') return '';
    const a1 = r1c1ToA1(formula.replace(/^=/, ''), row, col);
    return { formula: a1.length > 60 ? `${a1.slice(0, 59)}…` : a1, aggregate: aggregateOverRanges(a1) };
  }
  const type = attrOf(data[1]!, 'Type') ?? 'String';
  const raw = data[2] ?? '';
  const text = flatten(raw);
  switch (type) {
    case 'Number':
      // `1.0` as `1`, as the XLSX reader gives it: an id in a number cell links to its deal's «1».
      return shortestWhole(text.trim());
    case 'Boolean':
      return text.trim() === '' ? '' : /^(1|true)$/i.test(text.trim()) ? 'TRUE' : 'FALSE';
    case 'DateTime':
      return dateTime(text.trim(), ctx.styles.get(attrOf(attrs, 'StyleID') ?? ''));
    default:
      return text;
  }
}

/** A Data element's text: rich-text markup (`<B>`, `<Font>`, `<html:Sup>`) dropped, entities decoded (CDATA is text already: unprefixTags). */
function flatten(raw: string): string {
  if (raw.indexOf('<') === -1) return decodeXmlText(raw);
  let out = '';
  for (const m of raw.matchAll(/<[^>]*>|([^<]+)/g)) if (m[1] !== undefined) out += decodeXmlText(m[1]);
  return out;
}

/**
 * `2025-03-01T10:30:00.000` as the XLSX reader gives a date cell: the date alone at midnight unless its
 * style shows a time, else the date and its time to the second; a time-only style (Excel writes such a
 * value on 1899-12-31) gives `H:MM:SS`, a duration's hours past a day. Text that is no such date is
 * given as written.
 */
function dateTime(v: string, shape: DateShape | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(v);
  if (!m) return v;
  const [date, h, min, s] = [`${m[1]}-${m[2]}-${m[3]}`, m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'];
  if (shape === 'time' || shape === 'elapsed') {
    // Days since Excel's day 0 (1899-12-31), for a duration past a day; a real date keeps its date.
    const days = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 31)) / 86_400_000;
    if (days >= 0 && days < (shape === 'elapsed' ? 366 : 1)) return serialToTime(days + (Number(h) * 3600 + Number(min) * 60 + Number(s)) / 86_400, shape === 'elapsed');
  }
  if (h === '00' && min === '00' && s === '00' && shape !== 'datetime' && shape !== 'time' && shape !== 'elapsed') return date;
  return `${date} ${h}:${min}:${s}`;
}

/**
 * A formula in Excel's R1C1 notation (how SpreadsheetML stores them: `SUM(R[-4]C:R[-1]C)`) in the A1
 * form Excel shows (`SUM(C2:C5)` in C6), relative to its cell (1-based row, 0-based column): what the
 * message names, and what the totals-row test (aggregateOverRanges) reads. Quoted text is left alone.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  return formula.replace(/"[^"]*"|(?<![A-Za-z_\d.$])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z_\d(])/g, (whole, r?: string, c?: string) => {
    if (whole.startsWith('"')) return whole;
    const part = (p: string | undefined, base: number) => (p === undefined ? { n: base, abs: false } : p.startsWith('[') ? { n: base + Number(p.slice(1, -1)), abs: false } : { n: Number(p), abs: true });
    const r1 = part(r, row);
    const c1 = part(c, col + 1);
    if (r1.n < 1 || c1.n < 1) return whole;
    return `${c1.abs ? '$' : ''}${columnName(c1.n - 1)}${r1.abs ? '$' : ''}${r1.n}`;
  });
}
