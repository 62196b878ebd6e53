import type { Activity, Deal, Payment } from '../core/records.js';
import { UserError } from '../core/errors.js';
import type { ActivityLinker, LinkedActivity } from '../core/kpi/link.js';
import { STATUS_CODE, type DealCodes, type DealFields, type DealStore } from '../core/kpi/deal-store.js';
import { blankCell, ByteMemo, dateHasTime, fixedDate, hasEither, plainInteger, plainKey } from './byte-cells.js';
import type { ByteRow } from './csv.js';
import { FIELDS, RECORD_KINDS } from './fields.js';
import type { ColumnMap } from './mapping.js';
import type { ValueMaps } from './value-maps.js';
import { cleanText, normalizeValue, parseBoolean, parseDate, parseDuration, parseNumber, parseTimeOfDay, slashEvidence, type ParsedDate, type SlashOrder } from './values.js';

/** Why a row produced no record: `skip` is a row that could not be read, `drop` one that is not data. */
export class RowProblem {
  constructor(
    readonly kind: 'skip' | 'drop',
    readonly reason: string,
    readonly column?: string,
  ) {}
}

/** Returned while a slash-date column has not yet shown its day-month order. */
export const PENDING = Symbol('pending');

const PLACEHOLDER_DATES = new Set(['не закрыта', 'не закрыт', 'нет', '-', '—', '–', 'n/a', 'na', 'null', 'none', 'not closed', '0000-00-00', '00.00.0000']);
const END_OF_DAY_MS = (23 * 3600 + 59 * 60 + 59) * 1000;
const CLIENT_PREFIX = /^(компания|контакт|лид|company|contact|lead)\s*:\s*/i;

/** Learns each slash-date column's day-month order from its values (or takes --date-format). */
export class DateOrders {
  private readonly seen = new Map<number, { order?: SlashOrder; ambiguous: boolean }>();

  constructor(
    private readonly forced: SlashOrder | undefined,
    private readonly headers: readonly string[],
    private readonly file: string,
  ) {}

  /** Whether values still need to be observed (no order was forced). */
  get observing(): boolean {
    return this.forced === undefined;
  }

  /** Records what a value says; throws when a column shows both orders. */
  observe(col: number, raw: string): void {
    if (this.forced || raw.indexOf('/') === -1) return;
    const ev = slashEvidence(raw);
    if (ev === undefined) return;
    const state = this.seen.get(col) ?? { ambiguous: false };
    if (ev === 'ambiguous') state.ambiguous = true;
    else if (state.order && state.order !== ev) {
      throw new UserError('E_DATE_MIXED', `column "${this.headers[col]}" mixes day-first and month-first dates (e.g. "${raw}")`, { file: this.file, column: this.headers[col] }, 'fix the column, or pass --date-format DD/MM/YYYY or MM/DD/YYYY');
    } else state.order = ev;
    this.seen.set(col, state);
  }

  orderFor(col: number): SlashOrder | undefined {
    return this.forced ?? this.seen.get(col)?.order;
  }

  /** The order each slash-date column has shown. */
  decided(): Array<[number, SlashOrder]> {
    return [...this.seen.entries()].flatMap(([c, st]) => (st.order ? [[c, st.order] as [number, SlashOrder]] : []));
  }

  /** Columns that so far hold only ambiguous slash dates. */
  undecided(): number[] {
    return [...this.seen.entries()].filter(([, s]) => s.ambiguous && !s.order).map(([c]) => c);
  }
}

export interface BuildContext {
  map: ColumnMap;
  maps: ValueMaps;
  dates: DateOrders;
  /** Shift added to activity times (`--time-offset`), in ms. */
  timeOffsetMs: number;
  /** Values seen in status-like columns and what they became, for `inspect` and warnings. */
  valueStats: Map<string, Map<string, { mapped: string; count: number }>>;
  readers: Readers;
  /** The first column of each mapped field, looked up once per file instead of once per cell. */
  cols: Record<string, number>;
  /** Text of a cell of a byte row: memoised by its bytes in columns of few distinct values. */
  cellText: (row: ByteRow, col: number) => string;
  /** Resolves activities to deal-store keys (activities only). */
  linker?: ActivityLinker;
  /** Memos of the byte path for activities, made on first use. */
  fast?: ActivityMemos;
  /** Memos of the byte path for deals, made on first use. */
  fastDeals?: DealMemos;
  /** The store deals go to (deals only): the byte path keys ids and clients in it. */
  store?: DealStore;
}

/** Fields whose values repeat (statuses, kinds, people, reasons): their cells are memoised by bytes. */
const REPEATING_FIELDS = new Set(['manager', 'status', 'stage', 'won', 'closed', 'pipeline', 'source', 'loss_reason', 'kind', 'direction', 'missed', 'done', 'product']);

/** The cell-text function of a byte import: a bounded memo per repeating column, a plain decode elsewhere. */
export function makeCellText(map: ColumnMap): (row: ByteRow, col: number) => string {
  const memos: Array<ByteMemo<string> | undefined> = map.columns.map((c) => (c.field && REPEATING_FIELDS.has(c.field) ? new ByteMemo((t) => t, 20_000) : undefined));
  return (row, col) => {
    if (col >= row.count) return '';
    const memo = memos[col];
    return memo ? memo.get(row, col) : row.text.decode(row.buf, row.starts[col]!, row.ends[col]!);
  };
}

/** Column index per mapped field (its first column). */
export function firstColumns(map: ColumnMap): Record<string, number> {
  // One literal shape with every field name (undefined when unmapped): a plain object in V8's fast
  // mode, where Object.create(null) would be a dictionary looked up by hashing on every cell.
  const out: Record<string, number | undefined> = { ...EMPTY_COLUMNS };
  for (const [field, cols] of map.fields) if (cols.length > 0) out[field] = cols[0]!;
  return out as Record<string, number>;
}

const EMPTY_COLUMNS: Record<string, undefined> = Object.fromEntries(
  [...new Set(RECORD_KINDS.flatMap((k) => FIELDS[k].map((f) => f.field)))].sort().map((f) => [f, undefined]),
);

/** Memoises a per-value function: exports repeat a few distinct values (statuses, kinds, managers) millions of times. */
export function memo<T>(fn: (raw: string) => T, max = 50_000): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      v = fn(raw);
      if (cache.size < max) cache.set(raw, v);
    }
    return v as T;
  };
}

/**
 * A memoised reader of one column's values that also counts them, for `inspect`: one Map lookup per
 * cell gives both the mapped value and the statistics.
 */
export class ValueReader<T> {
  private readonly seen = new Map<string, { value: T; count: number }>();

  constructor(
    private readonly fn: (raw: string) => T,
    private readonly describe: (value: T) => string,
    private readonly max = 50_000,
  ) {}

  read(raw: string): T {
    const e = this.entry(raw);
    e.count++;
    return e.value;
  }

  /** The value and counter of a raw value (counted by the caller). */
  entry(raw: string): { value: T; count: number } {
    let e = this.seen.get(raw);
    if (e === undefined) {
      e = { value: this.fn(raw), count: 0 };
      if (this.seen.size < this.max) this.seen.set(raw, e);
    }
    return e;
  }

  /** The distinct values seen (at most 1,000), what each became, and how often. */
  stats(): Map<string, { mapped: string; count: number }> {
    const out = new Map<string, { mapped: string; count: number }>();
    for (const [raw, e] of this.seen) {
      if (out.size >= 1000) break;
      out.set(raw, { mapped: this.describe(e.value), count: e.count });
    }
    return out;
  }
}

/** Memoised value readers of one import. */
export interface Readers {
  manager: (raw: string) => string;
  /** cleanText of stages, pipelines, sources and reasons. */
  label: (raw: string) => string;
  status: (raw: string) => Deal['status'] | 'deleted' | undefined;
  boolean: (raw: string) => boolean | undefined;
  kind: ValueReader<Activity['kind']>;
  direction: ValueReader<Activity['direction']>;
  /** Reads a call status (or a yes/no `missed` column): true when the call was not answered. */
  missed: ValueReader<boolean | undefined>;
}

/** Builds the memoised readers for a set of value maps; `missedIsBoolean` when the column is the canonical `missed`. */
export function makeReaders(maps: ValueMaps, missedIsBoolean: boolean): Readers {
  return {
    manager: memo(cleanText),
    label: memo(cleanText),
    status: memo((raw) => maps.status.get(normalizeValue(raw))),
    boolean: memo(parseBoolean),
    kind: new ValueReader((raw) => maps.kind.get(normalizeValue(raw)) ?? 'other', (v) => v),
    direction: new ValueReader((raw) => maps.direction.get(normalizeValue(raw)) ?? '', (v) => v || '(unknown)'),
    missed: new ValueReader(missedIsBoolean ? parseBoolean : (raw) => maps.missed.get(normalizeValue(raw)), (v) => (v === undefined ? 'answered (unknown value)' : v ? 'not answered' : 'answered')),
  };
}

/** A reader of one row: typed cell accessors bound to the column map. */
class Row {
  constructor(
    readonly cells: readonly string[] | ByteRow,
    readonly ctx: BuildContext,
  ) {}

  /** Cell c as text, untrimmed. */
  get(c: number): string {
    const cells = this.cells;
    return isByteRow(cells) ? this.ctx.cellText(cells, c) : (cells[c] ?? '');
  }

  col(field: string): number | undefined {
    return this.ctx.cols[field];
  }

  header(field: string): string {
    const c = this.col(field);
    return c === undefined ? field : this.ctx.map.columns[c]!.header;
  }

  has(field: string): boolean {
    return this.ctx.cols[field] !== undefined;
  }

  raw(field: string): string {
    const c = this.ctx.cols[field];
    if (c === undefined) return '';
    const v = this.get(c);
    if (v.length === 0) return '';
    return v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
  }

  /** First non-empty value over the field's columns (coalescing fields). */
  first(field: string): { value: string; col: number } | undefined {
    for (const c of this.ctx.map.fields.get(field) ?? []) {
      const v = this.get(c).trim();
      if (v !== '') return { value: v, col: c };
    }
    return undefined;
  }

  date(field: string, col: number | undefined = this.col(field), required = false): ParsedDate | null | typeof PENDING {
    const cells = this.cells;
    if (col !== undefined && isByteRow(cells) && col < cells.count) {
      const ms = fixedDate(cells.buf, cells.starts[col]!, cells.ends[col]!);
      if (!Number.isNaN(ms)) return { ms, hasTime: dateHasTime.value };
    }
    const d = readDate(col === undefined ? '' : this.get(col), col, field, required, this.ctx);
    if (d instanceof RowProblem) throw d;
    return d;
  }

  number(field: string): number | null {
    const cells = this.cells;
    const c = this.ctx.cols[field];
    if (c !== undefined && isByteRow(cells) && c < cells.count && cells.ends[c]! > cells.starts[c]!) {
      const n = plainInteger(cells.buf, cells.starts[c]!, cells.ends[c]!);
      if (!Number.isNaN(n)) return n;
    }
    const raw = this.raw(field);
    const n = parseNumber(raw);
    if (n !== null && Number.isNaN(n)) throw new RowProblem('skip', `"${truncate(raw)}" is not a number`, this.header(field));
    return n;
  }

  note(field: string, raw: string, mapped: string): void {
    let byValue = this.ctx.valueStats.get(field);
    if (!byValue) this.ctx.valueStats.set(field, (byValue = new Map()));
    const entry = byValue.get(raw);
    if (entry !== undefined) entry.count++;
    else if (byValue.size < 1000) byValue.set(raw, { mapped, count: 1 });
  }
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function isByteRow(cells: readonly string[] | ByteRow): cells is ByteRow {
  return !Array.isArray(cells);
}

/** A date cell's text: parsed, null when empty or a placeholder, PENDING while its day-month order is unknown, or why not. */
function readDate(text: string, col: number | undefined, field: string, required: boolean, ctx: BuildContext): ParsedDate | null | RowProblem | typeof PENDING {
  if (col === undefined) return null;
  const raw = text.trim();
  const parsed = raw === '' ? undefined : parseDate(raw, ctx.dates.orderFor(col));
  if (parsed === 'needs-order') return PENDING;
  if (parsed) return parsed;
  if (raw === '' || PLACEHOLDER_DATES.has(normalizeValue(raw))) return required ? new RowProblem('skip', `no ${field}`, ctx.map.columns[col]!.header) : null;
  return new RowProblem('skip', `"${truncate(raw)}" is not a date`, ctx.map.columns[col]!.header);
}

/** Builds a deal from a row, or says why not. */
export function buildDeal(cells: readonly string[] | ByteRow, rowNumber: number, ctx: BuildContext): Deal | RowProblem | typeof PENDING {
  const r = new Row(cells, ctx);
  const id = r.has('id') ? r.raw('id') : `row-${rowNumber}`;
  if (id === '') return new RowProblem('skip', 'no deal id', r.header('id'));
  const fields = dealFields(r);
  if (fields instanceof RowProblem || fields === PENDING) return fields;
  const client = r.first('client');
  return { id, ...fields, client: client ? client.value : '' };
}

/** Everything of a deal but its id and client, read in the order that decides which problem a row reports. */
function dealFields(r: Row): DealFields | RowProblem | typeof PENDING {
  const ctx = r.ctx;
  try {
    const manager = ctx.readers.manager(r.raw('manager'));
    if (manager === '') return new RowProblem('skip', 'no manager', r.header('manager'));
    const created = r.date('created_at', r.col('created_at'), true);
    if (created === PENDING) return PENDING;
    const status = dealStatus(r);
    if (status === 'deleted') return new RowProblem('drop', 'deleted deal (Pipedrive status "deleted")');
    let closedAt: number | null = null;
    if (status !== 'open') {
      const closed = r.first('closed_at');
      let d = closed ? r.date('closed_at', closed.col) : null;
      if (d === null && r.has('planned_close')) d = r.date('planned_close');
      if (d === PENDING) return PENDING;
      if (d) closedAt = d.hasTime ? d.ms : d.ms + END_OF_DAY_MS;
    }
    const lossReason = r.first('loss_reason');
    return {
      manager,
      created_at: created!.ms,
      closed_at: closedAt,
      status,
      stage: ctx.readers.label(r.raw('stage')),
      pipeline: ctx.readers.label(r.raw('pipeline')),
      source: ctx.readers.label(r.raw('source')),
      loss_reason: lossReason ? ctx.readers.label(lossReason.value) : '',
      amount: r.number('amount'),
      name: r.has('name') ? cleanText(r.raw('name')) : '',
      ...(r.has('product') && r.raw('product').trim() !== '' ? { hasProduct: true } : {}),
    };
  } catch (error) {
    if (error instanceof RowProblem) return error;
    throw error;
  }
}

/** won / lost / open / deleted: the status column wins, then Salesforce's Won/Closed, then the stage. */
function dealStatus(r: Row): Deal['status'] | 'deleted' {
  const read = r.ctx.readers;
  const closedFlag = r.has('closed') ? read.boolean(r.raw('closed')) : undefined;
  if (r.has('status') && r.raw('status') !== '') {
    const raw = r.raw('status');
    const mapped = read.status(raw);
    if (mapped) {
      r.note('status', raw, mapped);
      return mapped;
    }
    if (!r.has('stage')) throw new RowProblem('skip', `unknown status "${truncate(raw)}"`, r.header('status'));
    r.note('status', raw, '(unknown: stage used)');
  }
  if (r.has('won') && r.raw('won') !== '') {
    const won = read.boolean(r.raw('won'));
    const status = won ? 'won' : closedFlag ? 'lost' : 'open';
    r.note('won', r.raw('won'), status);
    return status;
  }
  const stage = r.raw('stage');
  const fromStage = stage === '' ? undefined : read.status(stage);
  let status: Deal['status'] | 'deleted';
  if (closedFlag === false) status = 'open';
  else if (fromStage) status = fromStage;
  else if (closedFlag === true) status = 'lost';
  else status = 'open';
  if (stage !== '') r.note('stage', stage, fromStage ? status : closedFlag === true ? 'lost (closed, stage not known as won)' : status);
  return status;
}

/** Builds an activity from a row, or says why not. */
export function buildActivity(cells: readonly string[], _rowNumber: number, ctx: BuildContext): Activity | RowProblem | typeof PENDING {
  // The hot path of big call logs: plain column indexes, no per-row wrapper object.
  const c = ctx.cols;
  const read = ctx.readers;
  const cell = (col: number | undefined): string => {
    if (col === undefined) return '';
    const v = cells[col];
    if (v === undefined || v.length === 0) return '';
    return v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
  };
  const header = (col: number | undefined, field: string) => (col === undefined ? field : ctx.map.columns[col]!.header);
  const manager = read.manager(cell(c.manager));
  if (manager === '') return new RowProblem('skip', 'no manager', header(c.manager, 'manager'));
  if (c.done !== undefined && read.boolean(cell(c.done)) === false) return new RowProblem('drop', 'planned activity, not done');
  const at = readDate(c.at === undefined ? '' : (cells[c.at] ?? ''), c.at, 'at', true, ctx);
  if (at === PENDING || at instanceof RowProblem) return at;
  let ms = at!.ms;
  if (!at!.hasTime && c.at_time !== undefined && cell(c.at_time) !== '') {
    const t = parseTimeOfDay(cell(c.at_time));
    if (t === undefined) return new RowProblem('skip', `"${truncate(cell(c.at_time))}" is not a time of day`, header(c.at_time, 'at_time'));
    ms += t;
  }
  ms += ctx.timeOffsetMs;
  const kind: Activity['kind'] = c.kind === undefined ? 'call' : read.kind.read(cell(c.kind));
  const rawDirection = cell(c.direction);
  const direction: Activity['direction'] = rawDirection === '' ? '' : read.direction.read(rawDirection);
  const rawMissed = cell(c.missed);
  const notAnswered = rawMissed !== '' && read.missed.read(rawMissed) === true;
  let duration: number | null = null;
  if (c.duration_s !== undefined) {
    duration = parseDuration(cell(c.duration_s), ctx.map.units.get(c.duration_s));
    if (duration !== null && Number.isNaN(duration)) return new RowProblem('skip', `"${truncate(cell(c.duration_s))}" is not a duration`, header(c.duration_s, 'duration_s'));
  }
  let client = '';
  const clientCols = ctx.map.fields.get('client');
  if (clientCols) {
    for (const col of clientCols) {
      const v = cell(col);
      if (v !== '') {
        client = cleanClient(v);
        break;
      }
    }
  } else client = cell(c.phone);
  return { manager, at: ms, kind, direction, missed: kind === 'call' && direction === 'in' && notAnswered, duration_s: duration, deal_id: firstId(cell(c.deal_id)), client };
}

/** HubSpot lists several associated deal ids in one cell; the first is the activity's deal. */
function firstId(raw: string): string {
  if (raw.indexOf(';') === -1 && raw.indexOf(',') === -1) return raw;
  const i = raw.search(/[;,]/);
  return raw.slice(0, i).trim();
}

function cleanClient(raw: string): string {
  const bare = raw.indexOf('<') === -1 ? raw : cleanText(raw);
  return bare.indexOf(':') === -1 ? bare : bare.replace(CLIENT_PREFIX, '').trim();
}

/** Builds a payment from a row, or says why not. */
export function buildPayment(cells: readonly string[] | ByteRow, _rowNumber: number, ctx: BuildContext): Payment | RowProblem | typeof PENDING {
  const r = new Row(cells, ctx);
  try {
    const dealId = r.raw('deal_id');
    const manager = ctx.readers.manager(r.raw('manager'));
    if (dealId === '' && manager === '') return new RowProblem('skip', 'a payment needs a deal id or a manager', r.header('deal_id'));
    const invoiced = r.number('invoiced');
    const paid = r.number('paid');
    if (invoiced === null && paid === null) return new RowProblem('skip', 'neither an invoiced nor a paid amount', r.header(r.has('invoiced') ? 'invoiced' : 'paid'));
    const invoicedAt = r.date('invoiced_at');
    const paidAt = r.date('paid_at');
    if (invoicedAt === PENDING || paidAt === PENDING) return PENDING;
    return { deal_id: dealId, manager, invoiced: invoiced ?? 0, paid: paid ?? 0, invoiced_at: invoicedAt?.ms ?? null, paid_at: paidAt?.ms ?? null };
  } catch (error) {
    if (error instanceof RowProblem) return error;
    throw error;
  }
}

/** The trimming of activity cells: spaces at the edges (cleaner functions trim the rest). */
function cellTrim(v: string): string {
  if (v.length === 0) return '';
  return v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
}

function headerOf(ctx: BuildContext, col: number | undefined, field: string): string {
  return col === undefined ? field : ctx.map.columns[col]!.header;
}

/** Returned by a byte-path builder when the row needs the text path (rare layouts). */
export const SLOW = Symbol('slow');

type Counted<T> = { value: T; count: number };

/** Memos of the activity byte path, from a cell's bytes to what the text path would make of it. */
export interface ActivityMemos {
  /** The file has a layout the byte path leaves to the text path. */
  slow: boolean;
  manager: ByteMemo<number>;
  done: ByteMemo<boolean | undefined>;
  kind: ByteMemo<Counted<Activity['kind']>>;
  direction: ByteMemo<Counted<Activity['direction']> | null>;
  missed: ByteMemo<Counted<boolean | undefined> | null>;
  /** The record the byte path returns, reused row after row. */
  out: LinkedActivity;
}

function activityMemos(ctx: BuildContext): ActivityMemos {
  const read = ctx.readers;
  const linker = ctx.linker!;
  return {
    slow: ctx.cols.at_time !== undefined || (ctx.map.fields.get('client')?.length ?? 0) > 1,
    manager: new ByteMemo((t) => {
      const name = read.manager(cellTrim(t));
      return name === '' ? -1 : linker.store.managers.id(name);
    }),
    done: new ByteMemo((t) => read.boolean(cellTrim(t))),
    kind: new ByteMemo((t) => read.kind.entry(cellTrim(t))),
    direction: new ByteMemo((t) => (cellTrim(t) === '' ? null : read.direction.entry(cellTrim(t)))),
    missed: new ByteMemo((t) => (cellTrim(t) === '' ? null : read.missed.entry(cellTrim(t)))),
    out: { manager: 0, at: 0, kind: 'call', direction: '', missed: false, duration_s: null, deal: -1, client: 0 },
  };
}

/**
 * buildActivity over the bytes of a CSV record, resolved straight to deal-store keys (one record
 * object, reused: it is valid until the next row). Repeating cells
 * through byte memos, dates and durations from bytes, deal ids and clients looked up by their bytes.
 * Cells in other forms are decoded and read by the same functions as the text path, so the result is
 * the same; rows of rare layouts (a separate time column, several client columns) return SLOW.
 */
export function buildActivityBytes(row: ByteRow, _rowNumber: number, ctx: BuildContext): LinkedActivity | RowProblem | typeof PENDING | typeof SLOW {
  const memos = (ctx.fast ??= activityMemos(ctx));
  if (memos.slow) return SLOW;
  const c = ctx.cols;
  const linker = ctx.linker!;
  const manager = c.manager === undefined ? -1 : memos.manager.get(row, c.manager);
  if (manager === -1) return new RowProblem('skip', 'no manager', headerOf(ctx, c.manager, 'manager'));
  if (c.done !== undefined && memos.done.get(row, c.done) === false) return new RowProblem('drop', 'planned activity, not done');
  const buf = row.buf;
  let ms = Number.NaN;
  if (c.at !== undefined && c.at < row.count) ms = fixedDate(buf, row.starts[c.at]!, row.ends[c.at]!);
  if (Number.isNaN(ms)) {
    const at = readDate(c.at === undefined ? '' : ctx.cellText(row, c.at), c.at, 'at', true, ctx);
    if (at === PENDING || at instanceof RowProblem) return at;
    ms = at!.ms;
  }
  ms += ctx.timeOffsetMs;
  let kind: Activity['kind'] = 'call';
  if (c.kind !== undefined) {
    const k = memos.kind.get(row, c.kind);
    k.count++;
    kind = k.value;
  }
  let direction: Activity['direction'] = '';
  if (c.direction !== undefined) {
    const d = memos.direction.get(row, c.direction);
    if (d !== null) {
      d.count++;
      direction = d.value;
    }
  }
  let notAnswered = false;
  if (c.missed !== undefined) {
    const m = memos.missed.get(row, c.missed);
    if (m !== null) {
      m.count++;
      notAnswered = m.value === true;
    }
  }
  let duration: number | null = null;
  const dc = c.duration_s;
  if (dc !== undefined && dc < row.count && row.ends[dc]! > row.starts[dc]!) {
    const unit = ctx.map.units.get(dc);
    const n = plainInteger(buf, row.starts[dc]!, row.ends[dc]!);
    if (!Number.isNaN(n)) duration = unit === 'ms' ? n / 1000 : unit === 'hhmm' ? n * 60 : n;
    else {
      const text = ctx.cellText(row, dc);
      duration = parseDuration(cellTrim(text), unit);
      if (duration !== null && Number.isNaN(duration)) return new RowProblem('skip', `"${truncate(cellTrim(text))}" is not a duration`, headerOf(ctx, dc, 'duration_s'));
    }
  }
  const utf8 = row.text.utf8;
  let deal = -1;
  const ic = c.deal_id;
  if (ic !== undefined && !blankCell(row, ic, true)) {
    const s = row.starts[ic]!;
    const e = row.ends[ic]!;
    const key = plainKey(buf, s, e, utf8) && !hasEither(row, ic, 0x3b, 0x2c) ? linker.dealKeyBytes(buf, s, e) : undefined;
    deal = key ?? linker.dealKey(firstId(cellTrim(ctx.cellText(row, ic))));
  }
  const missed = kind === 'call' && direction === 'in' && notAnswered;
  let client = 0;
  const byName = c.client !== undefined;
  const cc = byName ? c.client : c.phone;
  if (cc !== undefined && linker.needsClient(deal, kind, direction, missed) && !blankCell(row, cc, true)) {
    const s = row.starts[cc]!;
    const e = row.ends[cc]!;
    if (byName && hasEither(row, cc, 0x3c, 0x3a)) client = linker.store.clients.internText(cleanClient(cellTrim(ctx.cellText(row, cc))));
    else if (plainKey(buf, s, e, utf8)) {
      // An activity's client is mostly its deal's: compared first, its bytes need no hashing.
      const store = linker.store;
      const own = deal >= 0 && deal < store.size ? store.client[deal]! : 0;
      client = own !== 0 && store.clients.equals(own, buf, s, e) ? own : store.clients.intern(buf, s, e);
    }
    else {
      const text = cellTrim(ctx.cellText(row, cc));
      client = linker.store.clients.internText(byName ? cleanClient(text) : text);
    }
  }
  // One object for every row: the record is consumed before the next row is read, and millions
  // of short-lived objects would only feed the garbage collector.
  const out = memos.out;
  out.manager = manager;
  out.at = ms;
  out.kind = kind;
  out.direction = direction;
  out.missed = missed;
  out.duration_s = duration;
  out.deal = deal;
  out.client = client;
  return out;
}

/** A deal read from bytes: its fields (or their store keys), its id as the bytes buf[start, end) (valid until the next row), its client key. */
export interface KeyedDeal {
  fields?: DealFields;
  /** The fields as the store's keys (the common layouts: no strings made at all); valid until the next row. */
  codes?: DealCodes;
  buf: Uint8Array;
  start: number;
  end: number;
  client: number;
}

/**
 * Memos of the deal byte path: from a cell's bytes straight to what dealFields() and the store would
 * make of it (the store's keys of managers, labels and reasons; the mapped status and its counter).
 */
export interface DealMemos {
  /** The file has a layout left to dealFields(): several closed-date, reason or client columns, Salesforce's won/closed flags, a planned close date, deal titles. */
  slow: boolean;
  manager: ByteMemo<number>;
  status: ByteMemo<{ status: Deal['status'] | 'deleted'; seen: { count: number } | undefined } | undefined>;
  reason: ByteMemo<number>;
  stage: ByteMemo<number>;
  pipeline: ByteMemo<number>;
  source: ByteMemo<number>;
  /** Label keys of the empty stage, pipeline and source (for unmapped columns). */
  noLabel: number;
  out: KeyedDeal & { codes: DealCodes };
}

function dealMemos(ctx: BuildContext, store: DealStore): DealMemos {
  const read = ctx.readers;
  const fields = ctx.map.fields;
  const several = (f: string) => (fields.get(f)?.length ?? 0) > 1;
  const label = (t: string) => store.labels.id(read.label(cellTrim(t)));
  return {
    slow: ctx.cols.status === undefined || several('closed_at') || several('loss_reason') || several('client') || ['won', 'closed', 'planned_close', 'name'].some((f) => fields.has(f)),
    manager: new ByteMemo((t) => {
      const name = read.manager(cellTrim(t));
      return name === '' ? -1 : store.managers.id(name);
    }),
    status: new ByteMemo((t) => {
      const raw = cellTrim(t);
      const mapped = raw === '' ? undefined : read.status(raw);
      // Blank or unknown statuses fall back on the stage: dealStatus() decides those rows.
      return mapped === undefined ? undefined : { status: mapped, seen: noteEntry(ctx, 'status', raw, mapped) };
    }),
    reason: new ByteMemo((t) => {
      const v = t.trim();
      return store.reasons.id(v === '' ? '' : read.label(v));
    }),
    stage: new ByteMemo(label),
    pipeline: new ByteMemo(label),
    source: new ByteMemo(label),
    noLabel: label(''),
    out: { codes: { manager: 0, created: 0, closed: 0, status: 0, amount: 0, reason: 0, stage: 0, pipeline: 0, source: 0 }, buf: new Uint8Array(0), start: 0, end: 0, client: 0 },
  };
}

/** The counter of a status-like value in valueStats (created at count 0; none past 1,000 values), as Row.note() keeps it. */
function noteEntry(ctx: BuildContext, field: string, raw: string, mapped: string): { count: number } | undefined {
  let byValue = ctx.valueStats.get(field);
  if (!byValue) ctx.valueStats.set(field, (byValue = new Map()));
  let entry = byValue.get(raw);
  if (entry === undefined && byValue.size < 1000) byValue.set(raw, (entry = { mapped, count: 0 }));
  return entry;
}

/**
 * dealFields() over the bytes of a row of a common layout, straight to store keys: the same checks in
 * the same order, the same values. SLOW when the status cell is blank or unknown (the stage decides).
 */
function dealCodes(row: ByteRow, ctx: BuildContext, m: DealMemos): DealCodes | RowProblem | typeof PENDING | typeof SLOW {
  const c = ctx.cols;
  const buf = row.buf;
  const manager = c.manager === undefined ? -1 : m.manager.get(row, c.manager);
  if (manager === -1) return new RowProblem('skip', 'no manager', headerOf(ctx, c.manager, 'manager'));
  const created = cellDate(row, c.created_at, 'created_at', true, ctx);
  if (created === PENDING || created instanceof RowProblem) return created;
  if (created === null) return SLOW;
  const st = m.status.get(row, c.status!);
  if (st === undefined) return SLOW;
  if (st.seen) st.seen.count++;
  if (st.status === 'deleted') return new RowProblem('drop', 'deleted deal (Pipedrive status "deleted")');
  let closed = Number.NaN;
  const cc = c.closed_at;
  if (st.status !== 'open' && cc !== undefined && !blankCell(row, cc, false)) {
    const d = cellDate(row, cc, 'closed_at', false, ctx);
    if (d === PENDING || d instanceof RowProblem) return d;
    if (d) closed = d.hasTime ? d.ms : d.ms + END_OF_DAY_MS;
  }
  const out = m.out.codes;
  out.reason = st.status === 'lost' && c.loss_reason !== undefined ? m.reason.get(row, c.loss_reason) : 0;
  out.stage = c.stage === undefined ? m.noLabel : m.stage.get(row, c.stage);
  out.pipeline = c.pipeline === undefined ? m.noLabel : m.pipeline.get(row, c.pipeline);
  out.source = c.source === undefined ? m.noLabel : m.source.get(row, c.source);
  out.product = c.product !== undefined && !blankCell(row, c.product, false) ? 1 : 0;
  let amount = Number.NaN;
  const ac = c.amount;
  if (ac !== undefined && ac < row.count && row.ends[ac]! > row.starts[ac]!) {
    amount = plainInteger(buf, row.starts[ac]!, row.ends[ac]!);
    if (Number.isNaN(amount)) {
      const raw = cellTrim(ctx.cellText(row, ac));
      const n = parseNumber(raw);
      if (n !== null && Number.isNaN(n)) return new RowProblem('skip', `"${truncate(raw)}" is not a number`, headerOf(ctx, ac, 'amount'));
      amount = n ?? Number.NaN;
    }
  }
  out.manager = manager;
  out.created = created.ms;
  out.closed = closed;
  out.status = STATUS_CODE[st.status];
  out.amount = amount;
  return out;
}

/** Row.date() over a byte row: a fixed-layout date from the bytes, else the text path. */
function cellDate(row: ByteRow, col: number | undefined, field: string, required: boolean, ctx: BuildContext): ParsedDate | null | RowProblem | typeof PENDING {
  if (col !== undefined && col < row.count) {
    const ms = fixedDate(row.buf, row.starts[col]!, row.ends[col]!);
    if (!Number.isNaN(ms)) return { ms, hasTime: dateHasTime.value };
  }
  return readDate(col === undefined ? '' : ctx.cellText(row, col), col, field, required, ctx);
}

/**
 * buildDeal over the bytes of a CSV record: the same reading (dealFields, or dealCodes for the
 * common layouts) except that the id and the client stay bytes, keyed in the store without strings.
 * Rows the byte path cannot key exactly (an id with spaces at the edges or Windows-1251 letters,
 * several client columns) return SLOW. A returned record with codes is reused for the next row.
 */
export function buildDealBytes(row: ByteRow, _rowNumber: number, ctx: BuildContext): KeyedDeal | RowProblem | typeof PENDING | typeof SLOW {
  const ic = ctx.cols.id;
  const store = ctx.store;
  if (ic === undefined || store === undefined || ic >= row.count || (ctx.map.fields.get('client')?.length ?? 0) > 1) return SLOW;
  const buf = row.buf;
  const s = row.starts[ic]!;
  const e = row.ends[ic]!;
  const utf8 = row.text.utf8;
  if (!plainKey(buf, s, e, utf8)) return SLOW;
  const m = (ctx.fastDeals ??= dealMemos(ctx, store));
  const codes = m.slow ? SLOW : dealCodes(row, ctx, m);
  if (codes instanceof RowProblem || codes === PENDING) return codes;
  const fields = codes === SLOW ? dealFields(new Row(row, ctx)) : undefined;
  if (fields instanceof RowProblem || fields === PENDING) return fields;
  let client = 0;
  const kc = ctx.cols.client;
  if (kc !== undefined && !blankCell(row, kc, false)) {
    const ks = row.starts[kc]!;
    const ke = row.ends[kc]!;
    client = plainKey(buf, ks, ke, utf8) ? store.clients.intern(buf, ks, ke) : store.clients.internText(ctx.cellText(row, kc).trim());
  }
  if (fields) return { fields, buf, start: s, end: e, client };
  const out = m.out;
  out.buf = buf;
  out.start = s;
  out.end = e;
  out.client = client;
  return out;
}
