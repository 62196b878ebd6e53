import { promisify } from 'node:util';
import { TextDecoder } from 'node:util';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';
import { UserError } from '../../core/errors.js';
import { cellRef, chosenSheet, emptySheetsError, SheetWithoutHeader } from './sheet-error.js';
import { DAYS_1900_TO_1904, wholeSeconds } from './serial.js';
import type { RowSink } from './csv.js';
import type { Limits } from './limits.js';
import { aggregateOverRanges, type Uncalculated } from './uncalculated.js';
import { HeadRead, headSink, type OtherSheet, type OtherSheetsCheck } from './other-sheets.js';
import { assertNoDtd, attr, checkXml, decodeXmlText, MalformedXml, XmlCheck } from './xml.js';
import type { SheetEvents, ColumnSpans } from './table.js';

type ZipFile = yauzl.ZipFile;
type Entry = yauzl.Entry;

export interface XlsxInfo {
  sheet: string;
  sheets: string[];
  date1904: boolean;
  /** Rows with values the sheet hides (a filter, or hidden by hand). */
  hiddenRows?: number;
  /** Other sheets with a header of the kind read (when asked: others), not read. */
  otherSheets?: OtherSheet[];
}

/**
 * Streams the rows of one sheet of an XLSX workbook without loading the workbook: the zip is read
 * with yauzl, the sheet XML is scanned row by row, formula cells give their cached values, and
 * date-formatted numbers become ISO dates. Inflated size is bounded; DTDs are refused. A damaged
 * workbook is refused, never read as fewer or other values: each part's CRC-32 is checked against
 * the zip's, and its XML must be well-formed (a mismatched tag moved a value to another column).
 */
export async function readXlsx(source: { path?: string; buffer?: Buffer }, file: string, sheetWanted: string | undefined, limits: Limits, sink: RowSink, uncalculated?: 'pass', others?: OtherSheetsCheck, on: SheetEvents = {}): Promise<XlsxInfo> {
  const zip = await openZip(source, file);
  try {
    const entries = await listEntries(zip, file);
    const budget = { left: limits.maxInflatedBytes };
    const part = async (name: string, max = limits.maxInflatedBytes) => {
      const entry = entries.get(name);
      if (!entry) return undefined;
      return readEntryText(zip, entry, file, budget, max, limits);
    };
    const workbookXml = await part('xl/workbook.xml');
    if (!workbookXml) throw notWorkbook(entries, file, entries.has('mimetype') ? await part('mimetype', 256) : undefined);
    wellFormed(workbookXml, 'xl/workbook.xml', file);
    const date1904 = /<workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbookXml);
    if (date1904) on.onDate1904?.();
    const relations = parseRels(wellFormed(await part('xl/_rels/workbook.xml.rels'), 'xl/_rels/workbook.xml.rels', file));
    const rels = new Map(relations.flatMap((r) => (r.id ? [[r.id, r.target] as const] : [])));
    // The shared strings and styles where the workbook's relationships put them (any part name is valid OOXML).
    const ofType = (type: string) => relations.find((r) => r.type.endsWith(`/${type}`))?.target;
    const sharedPart = ofType('sharedStrings') ?? 'xl/sharedStrings.xml';
    const stylesPart = ofType('styles') ?? 'xl/styles.xml';
    const inOrder = [...workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({
      name: attr(m[1]!, 'name') ?? '',
      target: rels.get(attr(m[1]!, 'r:id') ?? '') ?? '',
      hidden: /^(hidden|veryHidden)$/.test(attr(m[1]!, 'state') ?? ''),
    }));
    if (inOrder.length === 0) throw UserError.of('E_XLSX_NO_SHEETS', 'xlsx.noSheets', {}, { file });
    const shared = parseSharedStrings((await part(sharedPart, limits.maxSharedStringsBytes)) ?? '', file);
    const { dateStyles, timeStyles } = parseDateStyles(wellFormed(await part(stylesPart), stylesPart, file));
    // The sheets a person sees in Excel first: a hidden sheet (a lookup table, an old copy of the
    // data) was read before the visible one, and the report was of rows nobody saw.
    const sheets = [...inOrder.filter((s) => !s.hidden), ...inOrder.filter((s) => s.hidden)];
    const names = sheets.map((s) => s.name);

    const candidates = sheetWanted === undefined ? sheets : [chosenSheet(inOrder, sheetWanted, names, file)];
    let missing: string | undefined;
    let hiddenRows = 0;
    for (const sheet of candidates) {
      const entry = entries.get(sheet.target);
      if (!entry) {
        missing ??= sheet.target || sheet.name;
        continue;
      }
      let found: boolean;
      try {
        const merges = await mergedDown(zip, entry, file, budget, limits, sheet.name);
        const ctx: CellContext = { shared, dateStyles, timeStyles, date1904, merges, sheet: sheet.name, part: entry.fileName, file, ...(uncalculated ? { uncalculated } : {}), ...(on.onHiddenColumns ? { onHiddenColumns: on.onHiddenColumns } : {}), ...(on.onSheetRead ? { onSheetRead: on.onSheetRead } : {}) };
        found = await streamSheet(zip, entry, file, budget, limits, ctx, sink);
        hiddenRows = ctx.hiddenRows ?? 0;
      } catch (error) {
        // The first sheet with values has no known header: the data may be on another sheet.
        // So too a first sheet whose header lacks a required column (a visible summary before the hidden data).
        if (sheetWanted === undefined && error instanceof UserError && (error.code === 'E_NO_HEADER' || (error.code === 'E_MAP_REQUIRED' && names.length > 1))) throw new SheetWithoutHeader(error, sheet.name, names);
        throw error;
      }
      if (!found) continue;
      const other = others && sheets.length > 1 ? await otherSheets(zip, entries, sheets.filter((s) => s !== sheet), { shared, dateStyles, timeStyles, date1904, file }, budget, limits, others) : [];
      return { sheet: sheet.name, sheets: names, date1904, ...(hiddenRows > 0 ? { hiddenRows } : {}), ...(other.length > 0 ? { otherSheets: other } : {}) };
    }
    // A sheet the workbook names whose part the zip lacks is a damaged workbook, not an empty one.
    if (missing !== undefined) throw UserError.of('E_XLSX_CORRUPT', 'xlsx.missingPart', { part: missing }, { file });
    if (sheetWanted === undefined) throw emptySheetsError(file, undefined, names, []);
    // The sheet chosen is empty: the sheets that hold values are named, to choose one of them instead.
    const chosen = candidates[0]!;
    const filled: string[] = [];
    for (const sheet of sheets) {
      const entry = entries.get(sheet.target);
      if (sheet !== chosen && entry && (await holdsValues(zip, entry, { shared, dateStyles, timeStyles, date1904, merges: new Map(), sheet: sheet.name, part: entry.fileName, file }, budget, limits))) filled.push(sheet.name);
    }
    throw emptySheetsError(file, chosen.name, names, filled);
  } finally {
    zip.close();
  }
}

interface CellContext {
  shared: string[];
  /** Styles that show a date: true where they show its time of day too (a midnight then is 00:00:00, not a date alone). */
  dateStyles: Map<number, boolean>;
  /** Styles that show a time alone (h:mm:ss): true where hours run past a day ([h]:mm:ss, a duration). */
  timeStyles: Map<number, boolean>;
  date1904: boolean;
  /** Cells merged down over several rows, by their first row: what Excel shows in every row of the range. */
  merges: Map<number, Array<{ col: number; last: number }>>;
  /** The sheet's name, its part and the file's, for the errors a cell causes. */
  sheet: string;
  part: string;
  file: string;
  /** Rows with values that Excel hides (a filter, or hidden by hand): read as every other row, and counted. */
  hiddenRows?: number;
  /**
   * 'pass': a formula saved without its value is read as an empty cell and handed to the sink with its
   * row (its third argument), for the reader of the rows to judge once the row and the header are known
   * (a totals row's =SUM, or a column no field reads, stops nothing). Else the first one stops the read.
   */
  uncalculated?: 'pass';
  /** Whether each shared formula (by its `si`) aggregates ranges: its later cells have no text of their own. */
  sharedAggregates?: Map<string, boolean>;
  /** Told the columns the sheet hides (its `<cols>`), before its first row: the sheet read, not another looked at. */
  onHiddenColumns?: (spans: ColumnSpans) => void;
  /** The share of the sheet read so far, for the progress line (SheetEvents). */
  onSheetRead?: (share: number) => void;
}

/** Sheets up to this inflated size are scanned once more for merged ranges (formatted reports are small; big data exports have none). */
const MERGE_SCAN_MAX = 32 << 20;

/** The longest `<mergeCell ref="…"/>` tag carried from one inflated chunk to the next (one is some 30 characters). */
const MERGE_TAG_MAX = 512;

/**
 * The ranges merged down over several rows (a Salesforce formatted report merges each grouping value
 * over its group's rows), by first row. `<mergeCells>` follows the rows in the sheet's XML, so it is
 * found by a first pass over the inflated text that parses nothing else. Ranges one row high (titles
 * and footers merged across the table) are left alone: their cells stay empty, as a footer's are.
 */
async function mergedDown(zip: ZipFile, entry: Entry, file: string, budget: { left: number }, limits: Limits, sheet: string): Promise<CellContext['merges']> {
  const merges: CellContext['merges'] = new Map();
  if (entry.uncompressedSize > MERGE_SCAN_MAX) return merges;
  // A streamed pass of its own (holding the sheet to read its rows from memory instead saved ~4% of
  // reading a 70,000-row workbook and cost 40 MB), charged to a copy of the inflation budget: the
  // sheet's bytes count once, when its rows are read.
  const scanBudget = { left: budget.left };
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for await (const chunk of entryChunks(zip, entry, file, scanBudget, limits, sheet)) {
    const s = unprefixTags(carry + decoder.decode(chunk, { stream: true }));
    // Only a tag the chunk cut is carried: a closed last tag, or text with no tag at all, carries nothing
    // (carried, 30 MB of spaces after the last tag were scanned again chunk after chunk: a 38 KB workbook
    // took a minute, tester T60 M1), nor does an open one longer than a merge range's tag can be.
    const last = s.lastIndexOf('<');
    const at = last === -1 || s.indexOf('>', last) !== -1 || s.length - last > MERGE_TAG_MAX ? s.length : last;
    for (const m of s.slice(0, at).matchAll(/<mergeCell\b[^>]*\bref\s*=\s*["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']/g)) {
      const [first, last] = [Number(m[2]), Number(m[4])];
      if (last <= first) continue;
      const list = merges.get(first) ?? [];
      list.push({ col: columnIndex(m[1]!), last });
      merges.set(first, list);
    }
    carry = s.slice(at);
  }
  return merges;
}

/** A row's hidden attribute (`hidden="1"`, `hidden="true"`): a filter's, or hidden by hand. */
const HIDDEN_ROW = /\bhidden="(1|true)"/;

/** How far into a sheet's XML its <sheetData> (after <cols>) is looked for. */
const COLS_SCAN_MAX = 1 << 20;

/**
 * The columns a sheet hides, from the `<col min max hidden="1">` of its `<cols>` (1-based, inclusive)
 * as 0-based spans: a column hidden by hand or in a collapsed group, whose values Excel does not show.
 */
export function hiddenColumns(xml: string): ColumnSpans {
  const spans: Array<{ from: number; to: number }> = [];
  for (const m of xml.matchAll(/<col\b([^>]*?)\/?>/g)) {
    if (!/^(1|true)$/.test(attr(m[1]!, 'hidden') ?? '')) continue;
    const [min, max] = [Number(attr(m[1]!, 'min')), Number(attr(m[1]!, 'max'))];
    if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) spans.push({ from: min - 1, to: Math.min(max, SHEET_COLUMNS) - 1 });
  }
  return spans;
}

/**
 * Scans one sheet's XML; returns false (without emitting) when it holds no value at all: the next
 * sheet is read, or a sheet chosen with --sheet is said to be empty (it read as «the file holds no rows»).
 */
async function streamSheet(zip: ZipFile, entry: Entry, file: string, budget: { left: number }, limits: Limits, ctx: CellContext, sink: RowSink): Promise<boolean> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let nextRow = 1;
  let seenValue = false;
  let checkedHead = false;
  // Merged-down ranges in force: their column, last row and the value of their first cell.
  let open: Array<{ col: number; last: number; value: string }> = [];
  const emit = (xml: string) => {
    const rowAttrs = /^<row\b([^>]*)>/.exec(xml)?.[1] ?? '';
    const r = attr(rowAttrs, 'r');
    const rowNumber = r ? Number(r) : nextRow;
    // A row number no sheet can have (past 1 048 576, not a whole number) is a damaged or forged sheet, not more data.
    if (!(rowNumber >= 1 && rowNumber <= SHEET_ROWS && Number.isInteger(rowNumber))) throw UserError.of('E_XLSX_CORRUPT', 'xlsx.pastLastRow', { sheet: ctx.sheet, row: r ?? String(rowNumber) }, { file });
    nextRow = rowNumber + 1;
    const { cells, uncalculated } = parseRowCells(xml, ctx, rowNumber, limits);
    if (ctx.merges.size > 0) fillMerged(cells, rowNumber);
    // A formula without its value is a value there (a row of =SUM alone is a totals row, not an empty one).
    if (!seenValue) {
      if (cells.every((c) => c === '') && !uncalculated) return;
      seenValue = true;
    }
    if (HIDDEN_ROW.test(rowAttrs) && (uncalculated || cells.some((c) => c !== ''))) ctx.hiddenRows = (ctx.hiddenRows ?? 0) + 1;
    if (uncalculated) sink(cells, rowNumber, uncalculated);
    else sink(cells, rowNumber);
  };
  /** Gives the rows under a merged-down range's first cell its value (rows with no <row> element of their own stay absent). */
  function fillMerged(cells: string[], row: number): void {
    if (open.length > 0) {
      open = open.filter((m) => m.last >= row);
      for (const m of open) {
        while (cells.length <= m.col) cells.push('');
        if (cells[m.col] === '') cells[m.col] = m.value;
      }
    }
    for (const m of ctx.merges.get(row) ?? []) open.push({ col: m.col, last: m.last, value: cells[m.col] ?? '' });
  }
  // The text before the rows, up to <sheetData>, where <cols> says which columns Excel hides.
  let before: string | undefined = ctx.onHiddenColumns ? '' : undefined;
  // The last characters of the part: a sheet that does not end with its root's end tag was cut short.
  let tail = '';
  // The XML around the rows (each row is checked as its cells are read): a broken tag never passes.
  const xml = new XmlCheck();
  const malformed = (error: unknown) => (error instanceof MalformedXml ? damagedSheet(error, ctx, nextRow - 1) : error);
  for await (const chunk of entryChunks(zip, entry, file, budget, limits, ctx.sheet, ctx.onSheetRead)) {
    const text = decoder.decode(chunk, { stream: true });
    tail = (tail + text).slice(-TAIL);
    const s = unprefixTags(carry + text);
    if (!checkedHead) {
      assertNoDtd(s.slice(0, 4096), file, entry.fileName);
      checkedHead = true;
    }
    if (before !== undefined) {
      before += text;
      const at = unprefixTags(before).indexOf('<sheetData');
      // Found (before a row is emitted), or no <sheetData> in the first megabyte: nothing is said hidden.
      if (at !== -1 || before.length > COLS_SCAN_MAX) {
        ctx.onHiddenColumns!(at === -1 ? [] : hiddenColumns(unprefixTags(before).slice(0, at)));
        before = undefined;
      }
    }
    try {
      carry = s.slice(emitRows(s, emit, xml));
    } catch (error) {
      throw malformed(error);
    }
    if (carry.length > limits.maxCellChars * 4) {
      throw UserError.of('E_LIMIT_CELL', 'xlsx.rowTooLarge', { max: limits.maxCellChars * 4 }, { file });
    }
  }
  const last = decoder.decode();
  assertComplete(tail + last, /<\/(?:[\w.-]+:)?(?:worksheet|chartsheet|dialogsheet|macrosheet)>\s*$/, entry.fileName, nextRow - 1, file);
  try {
    xml.feed(unprefixTags(carry + last));
    xml.end();
  } catch (error) {
    throw malformed(error);
  }
  return seenValue;
}

/**
 * Whether a sheet has a value in some cell: read up to its first row with one, on a copy of the
 * inflation budget. A sheet that cannot be read (damaged) counts as none: this only names the sheets
 * to choose instead of an empty one.
 */
async function holdsValues(zip: ZipFile, entry: Entry, ctx: CellContext, budget: { left: number }, limits: Limits): Promise<boolean> {
  const found = new Error('a value');
  try {
    await streamSheet(zip, entry, ctx.file, { left: budget.left }, limits, ctx, () => {
      throw found;
    });
    return false;
  } catch (error) {
    return error === found;
  }
}

type SheetBase = Pick<CellContext, 'shared' | 'dateStyles' | 'timeStyles' | 'date1904' | 'file'>;

/**
 * Of the sheets not read, those whose first rows hold a header of the kind read (check.header), with
 * their rows under it. Only a sheet's first rows are parsed (on a copy of the inflation budget); the
 * rows of a sheet that matches are counted without parsing their cells (rowsBelow). A sheet that cannot
 * be read (damaged) says nothing here: it is not the one read.
 */
async function otherSheets(zip: ZipFile, entries: Map<string, Entry>, sheets: ReadonlyArray<{ name: string; target: string; hidden: boolean }>, base: SheetBase, budget: { left: number }, limits: Limits, check: OtherSheetsCheck): Promise<OtherSheet[]> {
  const out: OtherSheet[] = [];
  for (const sheet of sheets) {
    const entry = entries.get(sheet.target);
    if (!entry) continue;
    const { head, sink } = headSink(check.rows);
    let whole = true;
    try {
      await streamSheet(zip, entry, base.file, { left: budget.left }, limits, { ...base, merges: new Map(), sheet: sheet.name, part: entry.fileName, uncalculated: 'pass' }, sink);
    } catch (error) {
      if (!(error instanceof HeadRead)) continue;
      whole = false;
    }
    const header = head.length > 0 ? check.header(head) : undefined;
    if (header === undefined) continue;
    const rows = whole ? head.filter((r) => r.row > header).length : await rowsBelow(zip, entry, base.file, budget, limits, header);
    if (rows > 0) out.push({ sheet: sheet.name, ...(sheet.hidden ? { hidden: true as const } : {}), rows });
  }
  return out;
}

/** A `<row>` element, whole: its attributes, and its content (none when it closes itself). */
const ROW_ELEMENT = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

/** The rows with a value below row `header` of a sheet, counted on its XML (a value's `<v>` or inline `<is>`), no cell parsed. */
async function rowsBelow(zip: ZipFile, entry: Entry, file: string, budget: { left: number }, limits: Limits, header: number): Promise<number> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let next = 1;
  let rows = 0;
  for await (const chunk of entryChunks(zip, entry, file, { left: budget.left }, limits)) {
    const s = unprefixTags(carry + decoder.decode(chunk, { stream: true }));
    let end = 0;
    for (const m of s.matchAll(ROW_ELEMENT)) {
      const r = attr(m[1]!, 'r');
      const row = r ? Number(r) : next;
      next = row + 1;
      if (row > header && m[2] !== undefined && /<(?:v|is)\b/.test(m[2])) rows++;
      end = m.index + m[0].length;
    }
    carry = s.slice(end);
  }
  return rows;
}

/**
 * Emits every whole `<row>…</row>` of the text; returns where the unread rest (a row cut at the
 * chunk's end) begins. The text between the rows goes to the XML check, as one document without them.
 */
function emitRows(s: string, emit: (xml: string) => void, xml: XmlCheck): number {
  let pos = 0;
  let done = 0;
  for (;;) {
    const start = s.indexOf('<row', pos);
    if (start === -1) {
      // A tag cut at the chunk's end goes on with the next (whole, so that its prefix is seen).
      pos = Math.max(pos, Math.min(s.length - 4, openTagAt(s)));
      break;
    }
    const open = s.indexOf('>', start);
    if (open === -1) {
      pos = start;
      break;
    }
    if (s.charCodeAt(open - 1) === 47) {
      // <row .../>: an empty row
      pos = open + 1;
      continue;
    }
    const close = s.indexOf('</row>', open);
    if (close === -1) {
      pos = start;
      break;
    }
    if (start > done) xml.feed(s.slice(done, start));
    emit(s.slice(start, close + 6));
    pos = done = close + 6;
  }
  if (pos > done) xml.feed(s.slice(done, pos));
  return pos;
}

/** The damaged-sheet error: its name, its part and what is broken (the row is the last one read, or the one broken). */
function damagedSheet(error: MalformedXml, ctx: CellContext, row: number): UserError {
  const params = { sheet: ctx.sheet, part: ctx.part, what: error.en, whatRu: error.ru };
  return UserError.of('E_XLSX_CORRUPT', 'xlsx.malformedSheet', params, row > 0 ? { file: ctx.file, row } : { file: ctx.file });
}

/** Characters kept from the end of a part to find its root's end tag. */
const TAIL = 64;

/**
 * Refuses a part that stops before its root element's end tag: a workbook written by a program that
 * died half-way (its zip still whole) read as the rows before the cut, with nothing said.
 */
function assertComplete(tail: string, end: RegExp, part: string, lastRow: number, file: string): void {
  if (!end.test(tail.slice(-TAIL))) throw UserError.of('E_XLSX_CORRUPT', 'xlsx.truncated', { part, row: lastRow }, { file });
}

const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** A worksheet's columns: A to XFD. */
const SHEET_COLUMNS = 16_384;
/** A worksheet's rows: 1 to 1 048 576. */
const SHEET_ROWS = 1_048_576;

/**
 * A row's values by column. A cell with no value (an empty cell that carries only a style, as a
 * formatted column writes to XFD) is no column: it neither widens the row nor counts toward
 * --max-columns, which bounds the cells that hold a value; a lone note far right of the table is read.
 */
function parseRowCells(xml: string, ctx: CellContext, row: number, limits: Limits): { cells: string[]; uncalculated?: Uncalculated[] } {
  const file = ctx.file;
  const cells: string[] = [];
  let col = 0;
  let filled = 0;
  // Formulas saved without their value (a generator's, not Excel's): handed on with the row, for its reader to judge.
  let uncalculated: Uncalculated[] | undefined;
  // The row's XML is checked as its cells are read: each cell follows the last (space between them
  // aside), holds no `<` in its tag and well-formed content; nothing else stands in the row.
  let at = xml.indexOf('>') + 1;
  if (xml.lastIndexOf('<', at - 1) !== 0) throw damagedSheet(LT_IN_ROW_TAG, ctx, row);
  CELL_RE.lastIndex = at;
  let m: RegExpExecArray | null;
  while ((m = CELL_RE.exec(xml)) !== null) {
    const attrs = m[1]!;
    if (m.index !== at) betweenCells(xml, at, m.index, ctx, row);
    at = CELL_RE.lastIndex;
    if (attrs.indexOf('<') !== -1 || !wellFormedCell(m[2])) checkCell(attrs, m[2], ctx, row);
    const ref = quickAttr(attrs, ' r="') ?? attr(attrs, 'r');
    if (ref) col = columnIndex(ref);
    let value = cellValue(attrs, m[2] ?? '', ctx);
    if (typeof value !== 'string') {
      // A formula never calculated may stand in a row the reader drops anyway (a totals row's =SUM), or
      // in a column no field reads: the reader of the rows judges it, once the row and the header are known.
      if (!('formula' in value) || ctx.uncalculated !== 'pass') throw cellError(value, ctx, file, row, col);
      if (col >= SHEET_COLUMNS || col < 0) throw UserError.of('E_XLSX_CORRUPT', 'xlsx.pastLastColumn', { sheet: ctx.sheet, cell: ref ?? cellRef(col, row) }, { file, row });
      (uncalculated ??= []).push({ col, cell: cellRef(col, row), formula: value.formula, aggregate: value.aggregate, sheet: ctx.sheet });
      value = '';
    }
    if (value === '') {
      col++;
      continue;
    }
    // An aggregate with its value (=SUM(F2:F13) under the table): handed on too, for the reader of the rows to know a totals row by the one rule.
    if (ctx.uncalculated === 'pass' && hasFormula(m[2])) {
      const f = formulaIn(m[2], ctx);
      if (f.aggregate) (uncalculated ??= []).push({ col, cell: cellRef(col, row), formula: f.formula, aggregate: true, sheet: ctx.sheet, cached: true });
    }
    if (col >= SHEET_COLUMNS || col < 0) throw UserError.of('E_XLSX_CORRUPT', 'xlsx.pastLastColumn', { sheet: ctx.sheet, cell: ref ?? cellRef(col, row) }, { file, row });
    if (++filled > limits.maxColumns) throw UserError.of('E_LIMIT_COLUMNS', 'xlsx.tooManyColumns', { sheet: ctx.sheet, row, cell: cellRef(col, row), max: limits.maxColumns }, { file, row });
    if (value.length > limits.maxCellChars) throw UserError.of('E_LIMIT_CELL', 'xlsx.cellTooLong', { row, max: limits.maxCellChars }, { file, row });
    while (cells.length < col) cells.push('');
    cells[col] = value;
    col++;
  }
  if (at !== xml.length - 6) betweenCells(xml, at, xml.length - 6, ctx, row);
  return uncalculated ? { cells, uncalculated } : { cells };
}

const LT_IN_ROW_TAG = new MalformedXml('a «<» inside the tag <row>', '«<» внутри тега «<row>»');

/** What stands between two cells (or after the last) must be space, or an element of its own (a row's extLst). */
function betweenCells(xml: string, from: number, to: number, ctx: CellContext, row: number): void {
  const between = xml.slice(from, to);
  if (between.trim() === '') return;
  checkedIn(`<row>${between}</row>`, ctx, row);
  if (!/^\s*<extLst\b/.test(between)) throw damagedSheet(new MalformedXml(`«${between.slice(0, 40)}» between the cells`, `«${between.slice(0, 40)}» между ячейками`), ctx, row);
}

/** checkXml over a piece of a sheet, its fault given as the damaged-sheet error. */
function checkedIn(xml: string, ctx: CellContext, row: number): void {
  try {
    checkXml(xml);
  } catch (error) {
    throw error instanceof MalformedXml ? damagedSheet(error, ctx, row) : error;
  }
}

/** The content of almost every cell, checked without a parser: none, `<v>…</v>`, or `<is><t>…</t></is>`. */
function wellFormedCell(inner: string | undefined): boolean {
  if (inner === undefined || inner === '') return true;
  if (inner.startsWith('<v>')) return inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4;
  return inner.startsWith('<is><t>') && inner.endsWith('</t></is>') && inner.indexOf('<', 7) === inner.length - 9;
}

/** A cell whose tag or content is not one of the common shapes: its XML checked in full. */
function checkCell(attrs: string, inner: string | undefined, ctx: CellContext, row: number): void {
  if (attrs.indexOf('<') !== -1) throw damagedSheet(LT_IN_CELL_TAG, ctx, row);
  checkedIn(`<c>${inner ?? ''}</c>`, ctx, row);
}

const LT_IN_CELL_TAG = new MalformedXml('a «<» inside the tag <c>', '«<» внутри тега «<c>»');

/** Why a cell has no value to read: a formula never calculated, or a shared string the table lacks (a damaged workbook). */
type CellFault = { formula: string; aggregate: boolean } | { index: number };

function cellError(fault: CellFault, ctx: CellContext, file: string, row: number, col: number): UserError {
  const cell = cellRef(col, row);
  if ('index' in fault) return UserError.of('E_XLSX_CORRUPT', 'xlsx.badSharedString', { sheet: ctx.sheet, cell, index: fault.index, count: ctx.shared.length }, { file, row });
  return UserError.of('E_XLSX_NO_VALUES', 'xlsx.formulaNoValue', { sheet: ctx.sheet, cell, formula: fault.formula }, { file, row });
}

/** A formula as the message shows it: its first 60 characters. */
function truncateFormula(f: string): string {
  return f.length > 60 ? `${f.slice(0, 59)}…` : f;
}

/** A double-quoted attribute found with indexOf (how every writer quotes them); undefined sends the caller to attr(). */
function quickAttr(attrs: string, key: string): string | undefined {
  const i = attrs.indexOf(key);
  if (i === -1) return undefined;
  const end = attrs.indexOf('"', i + key.length);
  return end === -1 ? undefined : attrs.slice(i + key.length, end);
}

/** A cell's formula as a message shows it, and whether it aggregates ranges (a shared formula's later cell: as its first cell's). */
function formulaIn(inner: string, ctx: CellContext): { formula: string; aggregate: boolean } {
  const tag = /<f(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
  const f = tag?.[2];
  const si = tag?.[1] === undefined ? undefined : attr(tag[1], 'si');
  if (f === undefined) return { formula: '…', aggregate: si !== undefined && ctx.sharedAggregates?.get(si) === true };
  const text = decodeXmlText(f);
  const aggregate = aggregateOverRanges(text);
  if (si !== undefined) (ctx.sharedAggregates ??= new Map()).set(si, aggregate);
  return { formula: truncateFormula(text), aggregate };
}

/** Whether a cell's content begins with its formula (`<f>`, `<f t="shared" …/>`: CT_Cell puts it before `<v>`). */
function hasFormula(inner: string | undefined): inner is string {
  return inner !== undefined && inner.charCodeAt(0) === 60 && inner.charCodeAt(1) === 102 && /^<f[\s>/]/.test(inner);
}

function cellValue(attrs: string, inner: string, ctx: CellContext): string | CellFault {
  const type = (attrs.indexOf('t=') === -1 ? 'n' : (quickAttr(attrs, ' t="') ?? attr(attrs, 't'))) ?? 'n';
  if (type === 'inlineStr') return textRuns(inner);
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  // A formula whose cached value is empty (<v></v>, as <v/>) was never calculated either: a won deal's 3000 read as no amount.
  if (v === undefined || (v === '' && type !== 'str' && /<f[\s>/]/.test(inner))) {
    // A formula the writer never calculated (a generator, not Excel) has no value to read: the workbook
    // is refused with the fix (open and save it), not read as the formula's text ("=500*2 is not a
    // number", with a --map hint that cannot help) or as an empty cell. A shared formula's later cells
    // (<f t="shared" si="0"/>) have no text of their own.
    if (!/<f[\s>/]/.test(inner)) return '';
    return formulaIn(inner, ctx);
  }
  switch (type) {
    case 's': {
      // An index past the table: the workbook is damaged (the cell read empty, reported as «no manager»).
      const text = ctx.shared[Number(v)];
      return text ?? { index: Number(v) };
    }
    case 'str':
    case 'e':
    case 'd':
      return decodeXmlText(v);
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    default: {
      // <v></v>: no value, whatever the style (a time style read it as 0:00:00).
      if (v.length === 0) return '';
      const style = Number((attrs.indexOf('s=') === -1 ? '0' : (quickAttr(attrs, ' s="') ?? attr(attrs, 's'))) ?? '0');
      const withTime = ctx.dateStyles.get(style);
      if (withTime !== undefined) {
        const serial = Number(v);
        // A number in a date format before 1970 or after 2100 is no date a CRM wrote but a number in
        // a column formatted as dates (an amount of 1000 read «1902-09-26», of 150 000 «2310-09-07»,
        // not a number): it is given as the number, which a date column still reads as the same day
        // (a serial of 4-5 digits). Excel's last day, 9999-12-31, stays a date: the placeholder of a
        // date never set. A serial past it, or below zero, is no day at all: given as it is written (a serial
        // of 1E+300 was written as the date «2.737907006988508e+297-03-01», tester T60).
        const days = serial + (ctx.date1904 ? DAYS_1900_TO_1904 : 0);
        if (serial < 0 || days >= SERIAL_9999_12_31 + 1) return v.trim();
        if (serial >= 1 && (days < SERIAL_1970 || (days >= SERIAL_2100 && days < SERIAL_9999_12_31))) return v.trim();
        if (Number.isFinite(serial)) return serialToIso(serial, ctx.date1904, withTime);
      }
      const elapsed = ctx.timeStyles.get(style);
      if (elapsed !== undefined) {
        const serial = Number(v);
        // A time format over a value that carries a date (created_at formatted to show h:mm) is that
        // date and time: read as the time alone (6:00:00) it was no date, and as a duration a call of
        // days. A duration format ([h]:mm:ss) keeps its hours up to a year (no call lasts longer).
        if (Number.isFinite(serial) && serial >= (elapsed ? ELAPSED_MAX_DAYS : 1)) return serialToIso(serial, ctx.date1904, true);
        if (Number.isFinite(serial) && serial >= 0) return serialToTime(serial, elapsed);
      }
      return pastDouble(shortestWhole(v.trim()));
    }
  }
}

/** A number as a workbook's `<v>` holds it: a sign, digits, a fraction, an exponent. */
const NUMBER_TEXT = /^-?\d+(?:\.\d*)?(?:e[+-]?\d+)?$/i;

/** The largest whole number a cell writes in full: Excel keeps 15 significant digits. */
const WHOLE_DIGITS_MAX = 1e15;

/**
 * A whole number a writer stored with a fraction or an exponent (`1.0`: a script's float column; `1E3`)
 * as Excel shows it, its shortest form (`1`), where it has at most 15 significant digits. Before, it was
 * the text «1.0»: an id that matched no deal's «1» (calls on deal 1 were linked to none, without a
 * word). Digits alone are kept as written (`007`), and so is a longer number, whose digits a double
 * may not keep (a long id is read as text on purpose: pastDouble); a fraction stays as written.
 */
export function shortestWhole(v: string): string {
  if (!NUMBER_TEXT.test(v) || !/[.eE]/.test(v)) return v;
  const n = Number(v);
  return Number.isInteger(n) && Math.abs(n) < WHOLE_DIGITS_MAX ? String(Math.abs(n) === 0 ? 0 : n) : v;
}

/**
 * A whole number past 2^53 as a double prints it (`5805028000055500000`: a writer that held it as a
 * number, as Excel does, whose cells keep 15 significant digits) lost its last digits: a 19-digit id
 * (Zoho's) typed as a number. Given in Excel's scientific form with the digits a cell keeps
 * («5.8050280000555E+18»), which the readers know as a number whose digits are lost (cells.lostDigits:
 * a deal id then merges no deals, a client id names no client). Digits no double prints (an exact id
 * a generator wrote in a number cell) are kept as they are.
 */
function pastDouble(v: string): string {
  // The number as its writer put it: all digits (Excel), or in a scientific form of its own (a writer's
  // `5.805028000055512e+18`, ExcelJS's and JavaScript's): both are shown in Excel's form.
  const scientific = /^\d\.\d+e\+?\d+$/i.test(v);
  if (!scientific && (v.length < 17 || !/^\d+$/.test(v))) return v;
  const n = Number(v);
  if (n <= Number.MAX_SAFE_INTEGER || !Number.isInteger(n) || (!scientific && String(n) !== v)) return v;
  const [mantissa, exponent] = n.toExponential(14).split('e') as [string, string];
  return `${mantissa.replace(/\.?0+$/, '')}E${exponent}`;
}

/** 1970-01-01, 2100-01-01 and 9999-12-31 as serials of the 1900 system. */
const SERIAL_1970 = 25_569;
const SERIAL_2100 = 73_051;
const SERIAL_9999_12_31 = 2_958_465;

/** The longest duration a [h]:mm:ss cell is read as, in days; a larger serial is a date and time. */
const ELAPSED_MAX_DAYS = 366;

/**
 * Excel serial date to `YYYY-MM-DD[ HH:MM:SS]` in either date system; the time is written when
 * the serial has one, or `withTime` (the cell's format shows one: its midnight is a time of day).
 */
export function serialToIso(serial: number, date1904: boolean, withTime = false): string {
  // Days since 1970-01-01 of the epoch: 1899-12-30 (1900 system) or 1904-01-01. Whole seconds as a
  // text time keeps them: the fraction dropped, after the float's noise is rounded off to the
  // millisecond (10:00 is 0.41666…, a hair short): 23:59:59.7 of 31.12 rounded to the next year (a tester).
  const seconds = wholeSeconds(serial) + (date1904 ? -2_082_844_800 : -2_209_161_600);
  const days = Math.floor(seconds / 86_400);
  const rest = seconds - days * 86_400;
  const date = civilFromDays(days);
  if (rest === 0 && Number.isInteger(serial) && !withTime) return date;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  return `${date} ${two(h)}:${two(m)}:${two(rest % 60)}`;
}

/**
 * A cell formatted as a time alone as Excel shows it, `H:MM:SS`: a call's duration (0:05:00) or a
 * separate time column; the hours run past a day only where the format says so ([h]:mm:ss).
 */
export function serialToTime(serial: number, elapsed: boolean): string {
  let seconds = Math.round(serial * 86_400);
  if (!elapsed) seconds %= 86_400;
  return `${Math.floor(seconds / 3600)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day count since 1970-01-01 (H. Hinnant's algorithm). */
function civilFromDays(z0: number): string {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${two(m)}-${two(d)}`;
}

function textRuns(xml: string): string {
  const cleaned = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of cleaned.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) out += decodeXmlText(m[1]!);
  return out;
}

function parseSharedStrings(xml: string, file: string): string[] {
  if (!xml) return [];
  // Its end tag, or an empty root written self-closing (`<sst count="0" uniqueCount="0"/>`: a writer
  // whose every cell is inline or a number; it was refused as cut short): the last tag, as no `<` is in one.
  const emptyRoot = /^<(?:[\w.-]+:)?sst\b[^<>]*\/>\s*$/.test(xml.slice(xml.lastIndexOf('<')));
  if (!emptyRoot) assertComplete(xml.slice(-TAIL), /<\/(?:[\w.-]+:)?sst>\s*$/, 'xl/sharedStrings.xml', 0, file);
  wellFormed(xml, 'xl/sharedStrings.xml', file);
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) out.push(m[1] ? textRuns(m[1]) : '');
  return out;
}

/** The built-in format of a date and a time (m/d/yy h:mm). */
const BUILTIN_DATE_TIME_FORMAT = 22;
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** Built-in formats of a time alone (h:mm AM/PM, h:mm:ss, mm:ss…); 46 is [h]:mm:ss, hours past a day. */
const BUILTIN_TIME_FORMATS = new Map([[18, false], [19, false], [20, false], [21, false], [45, false], [46, true], [47, false]]);

/**
 * Indexes of cell styles whose number format shows a date (with or without a time), and of those
 * that show a time alone: a duration or a time of day is no date of 30 December 1899.
 */
function parseDateStyles(xml: string): { dateStyles: Map<number, boolean>; timeStyles: Map<number, boolean> } {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId'));
    custom.set(id, attr(m[1]!, 'formatCode') ?? '');
  }
  /** 'date', 'datetime' (a date and its time), a time alone ('time' or, with hours past a day, 'elapsed'), or undefined for any other format. */
  const kindOf = (id: number): 'date' | 'datetime' | 'time' | 'elapsed' | undefined => {
    if (id === BUILTIN_DATE_TIME_FORMAT) return 'datetime';
    if (BUILTIN_DATE_FORMATS.has(id)) return 'date';
    const builtin = BUILTIN_TIME_FORMATS.get(id);
    if (builtin !== undefined) return builtin ? 'elapsed' : 'time';
    const code = custom.get(id);
    if (!code) return undefined;
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    if (!/[dmyhs]/i.test(bare) || /^[#0.,%\s]*$/.test(bare)) return undefined;
    // Hours or seconds and no day or year: a time alone (an m there is minutes).
    if (/[hs]/i.test(bare) && !/[dy]/i.test(bare)) return /\[h+\]/i.test(code) ? 'elapsed' : 'time';
    return /[hs]/i.test(bare) ? 'datetime' : 'date';
  };
  const dateStyles = new Map<number, boolean>();
  const timeStyles = new Map<number, boolean>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*)\/?>/g)) {
    const kind = kindOf(Number(attr(m[1]!, 'numFmtId') ?? '0'));
    if (kind === 'date' || kind === 'datetime') dateStyles.set(i, kind === 'datetime');
    else if (kind !== undefined) timeStyles.set(i, kind === 'elapsed');
    i++;
  }
  return { dateStyles, timeStyles };
}

/** The workbook's relationships: id, type and the part each points at. */
function parseRels(xml: string): Array<{ id: string | undefined; type: string; target: string }> {
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => ({ id: attr(m[1]!, 'Id'), type: attr(m[1]!, 'Type') ?? '', target: partPath(attr(m[1]!, 'Target') ?? '') }));
}

/** A relationship's target as a part name: from the package root when it starts with /, else beside the workbook. */
function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return path.replace(/\/\.\//g, '/');
}

/** "BC12" -> 54 (0-based column). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

async function openZip(source: { path?: string; buffer?: Buffer }, file: string): Promise<ZipFile> {
  try {
    if (source.buffer) return await promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)(source.buffer, { lazyEntries: true, validateEntrySizes: true });
    return await promisify<string, yauzl.Options, ZipFile>(yauzl.open)(source.path!, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw corrupt(file, error);
  }
}

/**
 * A zip that is no workbook: an archive of exports (a CRM's «download as zip», a CSV zipped to mail
 * it) is named as one, with the files it holds; anything else is no Excel workbook.
 */
function notWorkbook(entries: Map<string, Entry>, file: string, mimetype: string | undefined): UserError {
  const files = [...entries.keys()].filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/'));
  // An OpenDocument file (LibreOffice's and МойОфис's own format) is a zip too: unzipped it gives content.xml, no export.
  const open = /^application\/vnd\.oasis\.opendocument\.([a-z-]+)/.exec(mimetype?.trim() ?? '');
  if (open) return UserError.of('E_XLSX', open[1] === 'spreadsheet' ? 'xlsx.ods' : 'xlsx.openDocument', {}, { file });
  // Excel's binary workbook (.xlsb) is a zip of binary parts: Excel saves it as .xlsx.
  if (entries.has('xl/workbook.bin')) return UserError.of('E_XLSX', 'xlsx.xlsb', {}, { file });
  if (files.length === 0 || files.some((n) => n === '[Content_Types].xml')) return UserError.of('E_XLSX', 'xlsx.notWorkbook', {}, { file });
  const shown = files.slice(0, 3).map((n) => n.split('/').pop()).join(', ');
  return UserError.of('E_XLSX', 'xlsx.archive', { names: files.length > 3 ? `${shown}, …` : shown }, { file });
}

function listEntries(zip: ZipFile, file: string): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let count = 0;
    zip.on('entry', (entry: Entry) => {
      if (++count > 10_000) {
        reject(UserError.of('E_XLSX', 'xlsx.tooManyParts', {}, { file }));
        return;
      }
      // Two parts of one name: which one Excel would read is not to be guessed (a crafted or damaged file read 100 times the revenue).
      if (entries.has(entry.fileName)) {
        reject(UserError.of('E_XLSX_CORRUPT', 'xlsx.twoParts', { part: entry.fileName }, { file }));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(corrupt(file, error)));
    zip.readEntry();
  });
}

/**
 * Opens a zip entry and yields its inflated chunks, counting them against the inflation budget; at
 * the end, its CRC-32 must be the one the zip recorded (yauzl checks none): a flipped bit in the
 * deflated data inflated to other rows (3 of 6 deals lost, a revenue of 4000 for 9000) with exit 0.
 * `onShare` is told the share inflated so far (a sheet's progress).
 */
async function* entryChunks(zip: ZipFile, entry: Entry, file: string, budget: { left: number }, limits: Limits, sheet?: string, onShare?: (share: number) => void): AsyncGenerator<Buffer> {
  if (entry.uncompressedSize > budget.left) throw bomb(file, limits);
  if (entry.isEncrypted()) throw UserError.of('E_XLSX_ENCRYPTED', 'xlsx.encrypted', {}, { file });
  let stream: Readable;
  try {
    stream = await promisify<Entry, Readable>(zip.openReadStream.bind(zip))(entry);
  } catch (error) {
    throw corrupt(file, error);
  }
  try {
    let crc = 0;
    let inflated = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.left -= chunk.length;
      if (budget.left < 0) throw bomb(file, limits);
      crc = crc32(chunk, crc);
      inflated += chunk.length;
      onShare?.(entry.uncompressedSize > 0 ? Math.min(1, inflated / entry.uncompressedSize) : 1);
      yield chunk;
    }
    if (crc >>> 0 !== entry.crc32 >>> 0) {
      throw sheet === undefined ? UserError.of('E_XLSX_CORRUPT', 'xlsx.checksumPart', { part: entry.fileName }, { file }) : UserError.of('E_XLSX_CORRUPT', 'xlsx.checksumSheet', { sheet, part: entry.fileName }, { file });
    }
  } catch (error) {
    throw error instanceof UserError ? error : corrupt(file, error);
  } finally {
    stream.destroy();
  }
}

async function readEntryText(zip: ZipFile, entry: Entry, file: string, budget: { left: number }, max: number, limits: Limits): Promise<string> {
  if (entry.uncompressedSize > max) throw UserError.of('E_LIMIT_INFLATED', 'xlsx.partTooLarge', { part: entry.fileName, size: entry.uncompressedSize, max }, { file });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entryChunks(zip, entry, file, budget, limits)) {
    size += chunk.length;
    if (size > max) {
      throw UserError.of('E_LIMIT_INFLATED', 'xlsx.partTooLargeStream', { part: entry.fileName, max }, { file });
    }
    chunks.push(chunk);
  }
  return unprefixTags(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Tag names without their namespace prefix: some .NET exporters write every element as `<x:row>`,
 * `<x:c>`, `<x:sheet>` (a prefix bound to the SpreadsheetML namespace), which is the same workbook.
 * Only a `<` or `</` followed by a prefixed name is touched (text holds `&lt;`, never `<`).
 */
function unprefixTags(xml: string): string {
  return xml.indexOf(':') === -1 ? xml : xml.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, '<$1');
}

/** Where a chunk's unfinished tag begins (held for the next chunk, its prefix unseen yet), else its length. */
function openTagAt(s: string): number {
  const lt = s.lastIndexOf('<');
  return lt !== -1 && s.indexOf('>', lt) === -1 ? lt : s.length;
}

/** zlib's CRC-32 (Node 20.15 and later), else the same sum from a table. */
const crc32: (data: Buffer, value: number) => number = typeof zlib.crc32 === 'function' ? zlib.crc32 : tableCrc32;

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as zip records it) of `data`, continuing from `value`. */
export function tableCrc32(data: Buffer, value = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = ~value >>> 0;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** The part's text when its XML is well-formed (an absent part is empty); else the damaged-workbook error naming it. */
function wellFormed(xml: string | undefined, part: string, file: string): string {
  if (xml === undefined) return '';
  assertNoDtd(xml.slice(0, 4096), file, part);
  try {
    checkXml(xml);
  } catch (error) {
    if (error instanceof MalformedXml) throw UserError.of('E_XLSX_CORRUPT', 'xlsx.malformedPart', { part, what: error.en, whatRu: error.ru }, { file });
    throw error;
  }
  return xml;
}

function bomb(file: string, limits: Limits): UserError {
  return UserError.of('E_LIMIT_INFLATED', 'xlsx.bomb', { max: limits.maxInflatedBytes }, { file });
}

function corrupt(file: string, error: unknown): UserError {
  return UserError.of('E_XLSX_CORRUPT', 'xlsx.corrupt', { reason: (error as Error).message }, { file });
}
