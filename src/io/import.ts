import type { Activity, Deal, Payment, SkippedRow } from '../core/records.js';
import { UserError } from '../core/errors.js';
import { DealStore } from '../core/kpi/deal-store.js';
import { ActivityLinker, type LinkedActivity } from '../core/kpi/link.js';
import { ByteMemo, maySlashDate, mayBeTotals } from './byte-cells.js';
import type { ByteRow } from './csv.js';
import type { RecordKind } from './fields.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { assertRequired, mapColumns, scoreHeaderRow, type ColumnMap, type ColumnMatch } from './mapping.js';
import { buildActivity, buildActivityBytes, buildDeal, buildDealBytes, type KeyedDeal, buildPayment, DateOrders, firstColumns, isByteRow, makeCellText, makeReaders, PENDING, RowProblem, SLOW, type BuildContext } from './records.js';
import { readTable, type TableInfo, type TableOptions } from './table.js';
import { buildValueMaps, type ValueMaps } from './value-maps.js';
import type { SlashOrder } from './values.js';

/** Options for reading one export. */
export interface ImportOptions {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  limits?: Partial<Limits>;
  delimiter?: string;
  sheet?: string;
  dateOrder?: SlashOrder;
  /** Shift for activity times, in hours (`--time-offset`). */
  timeOffsetHours?: number;
  /** Column assignments from `--map`. */
  columns?: Record<string, string | string[]>;
  valueMaps?: ValueMaps;
  mapFile?: string;
  /** Maximum unreadable rows: a count, or a share of data rows (0.01 = 1%). */
  maxBadRows?: { count?: number; share?: number };
  /** When false, too many bad rows are reported but do not fail (inspect). */
  enforceBadRows?: boolean;
  onProgress?: TableOptions['onProgress'];
  /** Called once the header is mapped. */
  onHeader?: (map: ColumnMap) => void;
  /** Resolves activities to the deals they belong to (activities only; else none match). */
  linker?: ActivityLinker;
  /** The store deals go to (deals only). */
  store?: DealStore;
  /** Reads CSV records as text instead of bytes (the reference for testing the byte path). */
  textRows?: boolean;
  /** Part of a file read in parallel: where to stop or start, and the header found at its top. */
  stopAt?: TableOptions['stopAt'];
  source?: TableOptions['source'];
  part?: TableOptions['part'] & { header: string[] };
  onFormat?: TableOptions['onFormat'];
  /** Called at the end with the day-month order each slash-date column showed. */
  onDateOrders?: (orders: Array<[number, SlashOrder]>) => void;
}

type Cells = string[] | ByteRow;

/** What the importer saw and did with one file: dataQuality and `inspect` are made from it. */
export interface ImportReport {
  file: string;
  kind: RecordKind;
  table: TableInfo;
  headerRow: number;
  columns: ColumnMatch[];
  /** Distinct values of status-like columns and what they mapped to. */
  values: Record<string, Array<{ value: string; mapped: string; count: number }>>;
  rowsRead: number;
  records: number;
  skippedCount: number;
  skipped: SkippedRow[];
  dropped: Record<string, number>;
}

/** Rows that are not data: totals and report footers. */
const TOTALS = /^(итого|всего|total|totals|grand totals?|сумма итого)(?=$|[\s:(.,])/i;

/** Deals keyed by their bytes where the byte path can, else built from text. */
function buildDealRow(cells: Cells, row: number, ctx: BuildContext): KeyedDeal | Deal | RowProblem | typeof PENDING {
  if (isByteRow(cells)) {
    const fast = buildDealBytes(cells, row, ctx);
    if (fast !== SLOW) return fast;
  }
  return buildDeal(cells, row, ctx);
}

/** Activities resolved to deal-store keys: by bytes on the byte path, else built as text and linked. */
function buildLinkedActivity(cells: Cells, row: number, ctx: BuildContext): LinkedActivity | RowProblem | typeof PENDING {
  if (isByteRow(cells)) {
    const fast = buildActivityBytes(cells, row, ctx);
    if (fast !== SLOW) return fast;
    cells = cells.cells();
  }
  const a = buildActivity(cells, row, ctx);
  return a instanceof RowProblem || a === PENDING ? a : ctx.linker!.link(a);
}


/**
 * Reads one export into canonical records. Every row is accounted for: a record, a skipped row
 * (with file, row, column and reason), or a dropped non-data row (totals, footers, deleted deals).
 */
export async function importFile<T>(
  file: string,
  kind: RecordKind,
  opts: ImportOptions,
  onRecord: (record: T, row: number) => void,
): Promise<ImportReport> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const build = (kind === 'deals' ? buildDealRow : kind === 'activities' ? buildLinkedActivity : buildPayment) as (cells: Cells, row: number, ctx: BuildContext) => T | RowProblem | typeof PENDING;
  const report: ImportReport = { file, kind, table: { type: 'text' }, headerRow: 0, columns: [], values: {}, rowsRead: 0, records: 0, skippedCount: 0, skipped: [], dropped: {} };
  const headRows: Array<{ cells: string[]; row: number }> = [];
  let ctx: BuildContext | undefined;
  let dateColumns: number[] = [];
  const pending: Array<{ cells: string[]; row: number }> = [];

  const skip = (row: number, reason: string, column?: string) => {
    report.skippedCount++;
    if (report.skipped.length < limits.maxListedSkips) report.skipped.push({ file, row, ...(column ? { column } : {}), reason });
  };
  const drop = (reason: string) => {
    report.dropped[reason] = (report.dropped[reason] ?? 0) + 1;
  };
  const totalsMemo = new ByteMemo((text) => TOTALS.test(text.trim()), 10_000);
  const handle = (cells: Cells, row: number) => {
    const result = build(cells, row, ctx!);
    if (result === PENDING) {
      pending.push({ cells: isByteRow(cells) ? cells.cells() : cells, row });
      if (pending.length > limits.maxPendingRows) throw ambiguous(ctx!, file, limits.maxPendingRows);
      return;
    }
    if (result instanceof RowProblem) {
      if (result.kind === 'drop') drop(result.reason);
      else skip(row, result.reason, result.column);
      return;
    }
    report.records++;
    onRecord(result, row);
  };
  /** dataRow over the bytes of a CSV record: the same checks, decoding only what may matter. */
  const byteRow = (cells: ByteRow, row: number) => {
    if (pending.length > 0) return dataRow(cells.cells(), row);
    const buf = cells.buf;
    // Only whether there are none, one or more filled cells matters, and which is first.
    let filled = 0;
    let firstCol = -1;
    for (let i = 0; i < cells.count && filled < 2; i++) {
      const s = cells.starts[i]!;
      const e = cells.ends[i]!;
      if (e > s && (buf[s]! > 32 || cells.text.decode(buf, s, e).trim() !== '')) {
        if (filled === 0) firstCol = i;
        filled++;
      }
    }
    if (filled === 0) return drop('empty row');
    report.rowsRead++;
    if (mayBeTotals(buf, cells.starts[firstCol]!, cells.ends[firstCol]!, cells.text.utf8) && totalsMemo.get(cells, firstCol)) return drop('totals row');
    if (filled === 1 && cells.count > 2) return drop('footer or note row');
    if (ctx!.dates.observing) for (const c of dateColumns) if (c < cells.count && maySlashDate(cells, c)) ctx!.dates.observe(c, cells.cell(c));
    handle(cells, row);
  };
  const dataRow = (cells: string[], row: number) => {
    let filled = 0;
    let firstValue = '';
    for (const c of cells) {
      if (c.length !== 0 && (c.charCodeAt(0) > 32 || c.trim() !== '')) {
        if (filled === 0) firstValue = c.trim();
        filled++;
      }
    }
    if (filled === 0) return drop('empty row');
    report.rowsRead++;
    if (TOTALS.test(firstValue)) return drop('totals row');
    if (filled === 1 && cells.length > 2) return drop('footer or note row');
    for (const c of dateColumns) ctx!.dates.observe(c, cells[c] ?? '');
    if (pending.length > 0) {
      if (ctx!.dates.undecided().length > 0) {
        pending.push({ cells, row });
        if (pending.length > limits.maxPendingRows) throw ambiguous(ctx!, file, limits.maxPendingRows);
        return;
      }
      flushPending();
    }
    handle(cells, row);
  };
  const flushPending = () => {
    const rows = pending.splice(0);
    for (const p of rows) handle(p.cells, p.row);
  };
  const startWithHeader = () => {
    let best = -1;
    let bestScore = 0;
    headRows.forEach((r, i) => {
      const score = scoreHeaderRow(r.cells, kind);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    const userHeader = opts.columns && Object.keys(opts.columns).length > 0;
    if (best === -1 || (bestScore < 2 && !userHeader)) {
      if (headRows.length === 0) throw new UserError('E_NO_ROWS', 'the file holds no rows', { file }, 'export the data again');
      best = best === -1 ? 0 : best;
      if (bestScore === 0 && !userHeader) {
        throw new UserError('E_NO_HEADER', `no header row with known ${kind} columns in the first ${limits.headerSearchRows} rows (first row: ${headRows[0]!.cells.slice(0, 6).map((c) => `"${c}"`).join(', ')})`, { file }, `is this a ${kind} export? Name the columns with a --map file, or check the delimiter with crm-audit inspect`);
      }
    }
    const header = headRows[best]!;
    const map: ColumnMap = mapColumns(header.cells, kind, opts.columns, opts.mapFile);
    assertRequired(map, file);
    report.headerRow = header.row;
    report.columns = map.columns;
    opts.onHeader?.(map);
    const headers = header.cells;
    const maps = opts.valueMaps ?? buildValueMaps();
    const missedCol = map.fields.get('missed')?.[0];
    const missedIsBoolean = missedCol !== undefined && header.cells[missedCol]!.trim().toLowerCase() === 'missed';
    ctx = {
      map,
      maps,
      readers: makeReaders(maps, missedIsBoolean),
      cols: firstColumns(map),
      dates: new DateOrders(opts.dateOrder, headers, file),
      timeOffsetMs: (opts.timeOffsetHours ?? 0) * 3_600_000,
      valueStats: new Map(),
      cellText: makeCellText(map),
      ...(kind === 'activities' ? { linker: opts.linker ?? new ActivityLinker(new DealStore()) } : {}),
      ...(kind === 'deals' && opts.store ? { store: opts.store } : {}),
    };
    const dateFields = ['created_at', 'closed_at', 'planned_close', 'at', 'invoiced_at', 'paid_at'];
    dateColumns = dateFields.flatMap((f) => map.fields.get(f) ?? []);
    for (const r of headRows.slice(best + 1)) dataRow(r.cells, r.row);
    headRows.length = 0;
  };

  if (opts.part) {
    headRows.push({ cells: opts.part.header, row: 0 });
    startWithHeader();
  }
  const tableOptions: TableOptions = { cwd: opts.cwd, stdin: opts.stdin, limits, delimiter: opts.delimiter, sheet: opts.sheet, onProgress: opts.onProgress, textRows: opts.textRows, stopAt: opts.stopAt, part: opts.part, source: opts.source, onFormat: opts.onFormat };
  report.table = await readTable(file, tableOptions, (cells, row) => {
    if (ctx) return isByteRow(cells) ? byteRow(cells, row) : dataRow(cells, row);
    headRows.push({ cells: isByteRow(cells) ? cells.cells() : cells, row });
    if (headRows.length >= limits.headerSearchRows) startWithHeader();
  });
  if (!ctx) startWithHeader();
  if (pending.length > 0) {
    if (ctx!.dates.undecided().length > 0) throw ambiguous(ctx!, file);
    flushPending();
  }
  if (kind === 'activities') {
    for (const field of ['kind', 'direction', 'missed'] as const) if (ctx!.map.fields.has(field)) ctx!.valueStats.set(field, ctx!.readers[field].stats());
  }
  for (const [field, values] of ctx!.valueStats) {
    report.values[field] = [...values.entries()].map(([value, v]) => ({ value, mapped: v.mapped, count: v.count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
  opts.onDateOrders?.(ctx!.dates.decided());
  checkBadRows(report, opts);
  return report;
}

function ambiguous(ctx: BuildContext, file: string, heldBack?: number): UserError {
  const columns = ctx.dates.undecided().map((c) => ctx.map.columns[c]!.header);
  const where = heldBack ? `in the first ${heldBack} rows` : 'anywhere in the file';
  return new UserError(
    'E_DATE_AMBIGUOUS',
    `the dates in column ${columns.map((c) => `"${c}"`).join(', ')} can be read day-first or month-first: no value ${where} has a day above 12 or AM/PM`,
    { file, column: columns[0] },
    'pass --date-format DD/MM/YYYY (day first) or --date-format MM/DD/YYYY (month first)',
  );
}

/** Fails the import when more rows were skipped than --max-bad-rows allows. */
export function checkBadRows(report: ImportReport, opts: ImportOptions): void {
  if (opts.enforceBadRows === false || report.skippedCount === 0) return;
  const max = opts.maxBadRows?.count ?? Math.floor((opts.maxBadRows?.share ?? 0.01) * report.rowsRead);
  if (report.skippedCount <= max) return;
  const examples = report.skipped.slice(0, 5).map((s) => `  row ${s.row}${s.column ? `, column "${s.column}"` : ''}: ${s.reason}`);
  throw new UserError(
    'E_BAD_ROWS',
    `${report.skippedCount} of ${report.rowsRead} rows cannot be read, more than the ${max} allowed by --max-bad-rows:\n${examples.join('\n')}`,
    { file: report.file },
    'fix those rows, map the columns with --map, or raise --max-bad-rows (e.g. --max-bad-rows 5%)',
  );
}

/** Reads a deals export into a store, merging rows that repeat an id (first row wins; product rows sum amounts). */
export async function importDeals(file: string, opts: ImportOptions, store: DealStore = new DealStore()): Promise<{ store: DealStore; report: ImportReport; map: ColumnMap | undefined }> {
  const before = store.merged;
  const { report, map, productRows } = await importDealRows(file, opts, store);
  finishDeals(report, store.merged - before, productRows);
  return { store, report, map };
}

/** The rows of a deals export added to a store (or a part of the file: see parallel.ts). */
export async function importDealRows(file: string, opts: ImportOptions, store: DealStore): Promise<{ report: ImportReport; map: ColumnMap | undefined; productRows: boolean }> {
  let productRows = false;
  let map: ColumnMap | undefined;
  const report = await importFile<Deal | KeyedDeal>(file, 'deals', { ...opts, store, onHeader: (m) => ((map = m), (productRows = m.fields.has('product')), opts.onHeader?.(m)) }, (deal) => {
    if (!('buf' in deal)) store.add(deal, productRows);
    else if (deal.codes) store.addCoded(deal.codes, deal.buf, deal.start, deal.end, deal.client, productRows);
    else store.addKeyed(deal.fields!, deal.buf, deal.start, deal.end, deal.client, productRows);
  });
  return { report, map, productRows };
}

/** Refuses a deals file without a readable deal, and reports merged rows. */
export function finishDeals(report: ImportReport, merged: number, productRows: boolean): void {
  if (report.records === 0) {
    const why = report.rowsRead === 0 ? 'has a header but no data rows' : `has ${report.rowsRead} rows but none of them is a readable deal`;
    throw new UserError('E_NO_DEALS', `the deals file ${why}`, { file: report.file }, report.rowsRead === 0 ? 'export the deals again: the export may have been filtered to nothing' : 'crm-audit inspect shows why each row could not be read');
  }
  if (merged > 0) {
    const reason = productRows ? 'product rows merged into their deal (amounts summed)' : 'rows repeating a deal id (first row kept)';
    report.dropped[reason] = merged;
  }
}

/** Reads a payments export. */
export async function importPayments(file: string, opts: ImportOptions): Promise<{ payments: Payment[]; report: ImportReport }> {
  const payments: Payment[] = [];
  const report = await importFile<Payment>(file, 'payments', opts, (p) => payments.push(p));
  return { payments, report };
}

/** Streams an activities export, resolved to the linker's deals, to a callback (activities are never all held in memory; a record may be reused for the next row, so copy what you keep). */
export async function importLinkedActivities(file: string, opts: ImportOptions, linker: ActivityLinker, onActivity: (a: LinkedActivity) => void): Promise<{ report: ImportReport; map: ColumnMap | undefined }> {
  let map: ColumnMap | undefined;
  const report = await importFile<LinkedActivity>(file, 'activities', { ...opts, linker, onHeader: (m) => ((map = m), opts.onHeader?.(m)) }, onActivity);
  return { report, map };
}

/** Streams an activities export to a callback as canonical records (activities are never all held in memory). */
export async function importActivities(file: string, opts: ImportOptions, onActivity: (a: Activity) => void): Promise<{ report: ImportReport; map: ColumnMap | undefined }> {
  const linker = new ActivityLinker(new DealStore());
  return importLinkedActivities(file, opts, linker, (a) => onActivity(linker.unlink(a)));
}
