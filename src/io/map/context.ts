import { namesNoManager } from '../../core/kpi/placeholder-clients.js';
import { mayHaveLine, nameAndLine, type LineSpelling } from '../../core/name-line.js';
import { UserError } from '../../core/errors.js';
import type { Activity, DealStatus } from '../../core/records.js';
import type { ActivityLinker } from '../../core/kpi/link.js';
import type { DealStore } from '../../core/kpi/deal-store.js';
import { DAY_MS } from '../../core/kpi/stats.js';
import { dateHasTime, fixedDateDotted } from './calendar.js';
import { FIELDS, RECORD_KINDS } from './fields.js';
import type { ColumnMap } from './mapping.js';
import { byWords, closedStage, ENDED_CALL, managerName, missedByWords, statusByWords, type MissedValue, type OwnerKind, type ValueMaps } from './value-maps.js';
import { activityDone, mayDashDate, isSpreadsheetError, currencyCode, type DoneReading, currencyOf, decimalEvidence, normalizeValue, parseDate, parseNumber, SERIAL, slashEvidence, yesNo, type DecimalMark, type SlashOrder } from './values.js';
import { DAYS_1900_TO_1904 } from '../read/serial.js';
import { FIRST_YEAR, LAST_YEAR, TOO_LARGE, TOO_LARGE_TEXT, yearInRange } from '../../core/value-limits.js';
import { CellMemo, trimEdges, type Cells } from './cells.js';
import type { SideCounts } from './lines.js';
import type { UnknownStage } from '../../core/undecided-stages.js';
import type { Expected } from './unread-columns.js';

/** Why a row produced no record: `skip` is a row that could not be read, `drop` one that is not data. */
export class RowProblem {
  constructor(
    readonly kind: 'skip' | 'drop',
    readonly reason: string,
    readonly column?: string,
    /** A filled value that could not be read as what its column holds (UnreadColumns counts them by column). */
    readonly unread?: { expected: Expected; value: string },
  ) {}
}

/** A filled value its column's reader could not read: the row's reason («"TBD" is not a date»), its column, and what it should have been. */
export function unreadValue(raw: string, expected: Expected, column: string | undefined): RowProblem {
  const value = truncate(raw);
  // A workbook's formula that failed (#N/A of a lookup, #DIV/0!) is named so: the lookup is to mend, not the data (a tester).
  if (isSpreadsheetError(value)) return formulaError(value, column, { expected, value });
  // A number or a date written right but out of range is said so: «is not a number» beside a list of the forms it has sent the
  // reader looking for a mistake that is not there (tester T60: 1000000000000000, 31.12.9999).
  const beyond = expected === 'number' ? tooLarge(value) : expected === 'date' && yearBeyond(value);
  if (beyond) return new RowProblem('skip', expected === 'number' ? `"${value}" is too large a number (${TOO_LARGE_TEXT} or more)` : `"${value}" is a date outside the years ${FIRST_YEAR}-${LAST_YEAR}`, column, { expected, value });
  return new RowProblem('skip', `"${value}" is not ${expected === 'time' ? 'a time of day' : `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`}`, column, { expected, value });
}

/** Whether a number's text is one of TOO_LARGE or more: 16 whole digits or more (groups and a currency aside), or an exponent that makes it so. */
function tooLarge(value: string): boolean {
  const t = value.replace(/[\s\u00a0\u202f'’]/g, '').replace(/^[-+]/, '');
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(t)) return Math.abs(Number(t.replace(',', '.'))) >= TOO_LARGE;
  if (!/^\d[\d.,]*$/.test(t)) return false;
  return t.replace(/[.,]\d{1,2}$/, '').replace(/\D/g, '').replace(/^0+/, '').length > Math.log10(TOO_LARGE);
}

/** Whether a date's text is a date but for its year: the same text read as a date of the year 2000. */
function yearBeyond(value: string): boolean {
  const year = /(?<!\d)(\d{4,5})(?!\d)/.exec(value);
  // A year beside a day and a month («10000» alone is a number, which a date column reads as a serial or not at all).
  if (!year || yearInRange(Number(year[1])) || !/\d\D+\d/.test(value)) return false;
  const other = value.slice(0, year.index) + '2000' + value.slice(year.index + year[1]!.length);
  return (['dmy', 'mdy'] as const).some((order) => typeof parseDate(other, order) === 'object');
}

/** A row skipped for a failed formula's value in `column` (`unread`: a number's or a date's column, counted by UnreadColumns). */
function formulaError(value: string, column: string | undefined, unread?: RowProblem['unread']): RowProblem {
  return new RowProblem('skip', `"${value}" is an Excel formula error, not a value`, column, unread);
}

/** Returned while a slash-date column has not yet shown its day-month order. */
export const PENDING = Symbol('pending');

/** What a close date says of a deal not closed (amoCRM's `не закрыта`), beside its CRM profile's words (Kommo's `não fechado`). */
const NOT_CLOSED_DATES = ['не закрыта', 'не закрыт', 'not closed'];
/** A zero date, as a database writes an empty one (MySQL's `0000-00-00`, 1C's `00.00.0000`). */
const ZERO_DATES = ['0000-00-00', '00.00.0000'];
const PLACEHOLDER_DATES = [...NOT_CLOSED_DATES, 'нет', '-', '—', '–', 'n/a', 'na', 'null', 'none', ...ZERO_DATES];

/** What stands for "no date" in a file: the common placeholders and its CRM profile's. */
export function placeholderDates(own: readonly string[]): ReadonlySet<string> {
  return new Set([...PLACEHOLDER_DATES, ...own.map(normalizeValue)]);
}

/**
 * What in a close date says the deal is not closed: the common words and its CRM profile's
 * placeholders (the profiles that have them, amoCRM's and Kommo's, write them in every open deal).
 */
export function notClosedDates(own: readonly string[]): ReadonlySet<string> {
  return new Set([...NOT_CLOSED_DATES, ...own.map(normalizeValue)]);
}

/** The value that showed a column's day-month order: its row and column, or the other file of the run it was borrowed from. */
type OrderEvidence = { row: number; col: number; value: string } | { from: string };

/** Learns each slash-date column's day-month order from its values (or takes --date-format). */
export class DateOrders {
  private readonly seen = new Map<number, { order?: SlashOrder; ambiguous: boolean; by?: OrderEvidence }>();
  /**
   * The first date of the file written with dots (`25.02.2025`, always day first), and its column: no
   * evidence for its slash dates, which another program wrote (Excel with US settings re-saves a
   * Russian export's dates it can parse as `M/D/YYYY`, the others left as they were); named by the
   * message of slash dates no order settles, so that «no day above 12» is not read as false of them.
   */
  dotted: { col: number; value: string } | undefined;

  constructor(
    private readonly forced: SlashOrder | undefined,
    private readonly headers: readonly string[],
    private readonly file: string,
  ) {}

  /** Whether values still need to be observed (no order was forced). */
  get observing(): boolean {
    return this.forced === undefined;
  }

  /**
   * Records what a value says; throws when a column shows both orders. True when the value cannot be
   * read yet (ambiguous, and neither its column nor the file has shown an order): its row then waits
   * before it is read at all, so that nothing in it is counted twice (its status, in inspect).
   */
  observe(col: number, raw: string, row: number): boolean {
    if (this.forced || (raw.indexOf('/') === -1 && !mayDashDate(raw))) return false;
    const ev = slashEvidence(raw);
    if (ev === undefined) return false;
    const state = this.seen.get(col) ?? { ambiguous: false };
    if (ev === 'ambiguous') state.ambiguous = true;
    else if (state.order && state.order !== ev) throw this.mixed(col, { row, col, value: raw.trim() }, ev, state.by);
    else if (!state.order) {
      state.order = ev;
      state.by = { row, col, value: raw.trim() };
    }
    this.seen.set(col, state);
    return ev === 'ambiguous' && state.order === undefined && this.fileOrder() === undefined;
  }

  /**
   * A column that shows both orders, naming both sides (a tester: «например, «10/25/2025»» alone, with
   * no row, left a 10,000-row export to search): the value that showed the column's order, in its row
   * (in another date column of the file, when the file's order was taken), or the file it was borrowed
   * from, and the value that contradicts it.
   */
  private mixed(col: number, now: { row: number; col: number; value: string }, order: SlashOrder, by: OrderEvidence | undefined): UserError {
    const column = this.headers[col] ?? '';
    const where = { file: this.file, column };
    if (by === undefined || 'from' in by) {
      const format = order === 'dmy' ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
      return UserError.of('E_DATE_MIXED', 'map.datesMixedBorrowed', { column, row: now.row, value: now.value, format, from: by?.from ?? '' }, where);
    }
    const [day, month] = order === 'dmy' ? [now, by] : [by, now];
    const sides = { dayRow: day.row, dayValue: day.value, monthRow: month.row, monthValue: month.value };
    if (by.col === col) return UserError.of('E_DATE_MIXED', 'map.datesMixed', { column, ...sides }, where);
    return UserError.of('E_DATE_MIXED', 'map.datesMixedFile', { column, ...sides, dayColumn: this.headers[day.col] ?? '', monthColumn: this.headers[month.col] ?? '' }, where);
  }

  /**
   * A column's order: forced, else its own, else the one the file's other date columns agree on (one
   * system wrote them all: a Salesforce report's `Close Date` 7/23/2024 settles its `Created Date`
   * 7/1/2024). Once used, a borrowed order is the column's own, so a later value of the other order
   * is a mixed column, not a silent second reading.
   */
  orderFor(col: number): SlashOrder | undefined {
    if (this.forced) return this.forced;
    const own = this.seen.get(col);
    if (own?.order) return own.order;
    const order = this.fileOrder();
    if (own && order) {
      own.order = order;
      own.by = this.decidedBy(order);
    }
    return order;
  }

  /**
   * Gives every column that has shown only ambiguous values an order another file of the run showed
   * (see RowsToRecords.settleDates); it is then the column's own, as a borrowed order within the file is.
   */
  borrow(order: SlashOrder, from: string): void {
    for (const s of this.seen.values()) {
      if (s.ambiguous && !s.order) {
        s.order = order;
        s.by = { from };
      }
    }
  }

  /** The value that showed the file's order first among its columns. */
  private decidedBy(order: SlashOrder): OrderEvidence | undefined {
    let first: OrderEvidence | undefined;
    for (const s of this.seen.values()) if (s.order === order && s.by && 'row' in s.by && (!first || ('row' in first && s.by.row < first.row))) first = s.by;
    return first;
  }

  /** The order every decided column of the file shows, if they agree. */
  fileOrder(): SlashOrder | undefined {
    let order: SlashOrder | undefined;
    for (const s of this.seen.values()) {
      if (!s.order) continue;
      if (order && order !== s.order) return undefined;
      order = s.order;
    }
    return order;
  }

  /** The order each slash-date column has shown. */
  decided(): Array<[number, SlashOrder]> {
    return [...this.seen.entries()].flatMap(([c, st]) => (st.order ? [[c, st.order] as [number, SlashOrder]] : []));
  }

  /** Notes a date written with dots, the first only (see `dotted`). */
  noteDotted(col: number, value: string): void {
    this.dotted ??= { col, value };
  }

  /** Columns that so far hold only ambiguous slash dates, and no other date column of the file has shown an order. */
  undecided(): number[] {
    if (this.fileOrder()) return [];
    return [...this.seen.entries()].filter(([, s]) => s.ambiguous && !s.order).map(([c]) => c);
  }
}

/**
 * Learns each number column's decimal mark from its values, as DateOrders learns the day-month
 * order: the first value that says comma or dot decides how the ambiguous `1,234` / `1.234` of that
 * column read; rows with such values wait until then. A column that never decides (only ambiguous
 * values to the end, or more than the rows that may wait) reads them as grouping: money with three
 * decimals does not occur, thousands without cents do (`25,000` in a US export).
 */
export class DecimalMarks {
  private readonly marks = new Map<number, DecimalMark>();
  /** The value that decided each column's mark. */
  private readonly decidedBy = new Map<number, string>();
  private readonly ambiguous = new Set<number>();
  /** Per column, the ambiguous values its decision read with three decimals (`15,000` as 15 where `1,5` decided): how many, and the first. */
  private readonly threeDecimals = new Map<number, { count: number; example: string; read: number }>();
  /** Columns whose deciding value has three digits after its decimal mark (`1500.000`): three decimals are their format. */
  private readonly threeDecimalFormat = new Set<number>();
  private settled = false;

  /** Whether a column's values still need to be observed. */
  watching(col: number): boolean {
    return !this.settled && !this.marks.has(col);
  }

  /** Records what a value says; true when it is ambiguous and its column has not decided (its row must wait). */
  observe(col: number, raw: string): boolean {
    const ev = decimalEvidence(raw);
    if (ev === 'ambiguous') {
      this.ambiguous.add(col);
      return this.markFor(col) === undefined;
    }
    if (ev !== undefined && !this.marks.has(col)) {
      this.marks.set(col, ev);
      this.decidedBy.set(col, raw.trim());
      // Three digits after the mark itself: `1.234.567` (dots grouping, comma decimal) has none.
      if (new RegExp(`\\${ev}\\d{3}\\D*$`).test(raw.trim())) this.threeDecimalFormat.add(col);
    }
    return false;
  }

  /**
   * Notes an ambiguous value read by its column's decimal mark: money has no three decimals, so
   * `15,000` read as 15 beside the `1,5` that decided is a column of two formats (said by an alert).
   */
  noteRead(col: number, raw: string, mark: DecimalMark | 'grouping', read: number): void {
    if (mark === 'grouping' || !raw.includes(mark)) return;
    const seen = this.threeDecimals.get(col);
    if (seen) seen.count++;
    else this.threeDecimals.set(col, { count: 1, example: raw.trim(), read });
  }

  /** The columns whose ambiguous values were read as three decimals, with the value that decided the mark. */
  readAsDecimals(): Array<{ col: number; count: number; example: string; read: number; decidedBy: string }> {
    // A column whose deciding value has three decimals itself (`1500.000`) writes money so: one format.
    return [...this.threeDecimals].filter(([col]) => !this.threeDecimalFormat.has(col)).map(([col, t]) => ({ col, ...t, decidedBy: this.decidedBy.get(col) ?? '' }));
  }

  /** Columns that showed only ambiguous values when no more evidence could come, so read them as grouping (settle). */
  guessed(): number[] {
    return this.settled ? this.open() : [];
  }

  /** How an ambiguous value of the column reads: its decimal mark, 'grouping' once settled, or undefined while unknown. */
  markFor(col: number): DecimalMark | 'grouping' | undefined {
    return this.marks.get(col) ?? (this.settled ? 'grouping' : undefined);
  }

  /** Columns whose ambiguous values wait for a decision. */
  undecided(): number[] {
    return this.settled ? [] : this.open();
  }

  /** Columns that showed ambiguous values and no mark: undecided while evidence may come, guessed after. */
  private open(): number[] {
    return [...this.ambiguous].filter((c) => !this.marks.has(c));
  }

  /** No more evidence will come: ambiguous values of undecided columns read as grouping. */
  settle(): void {
    this.settled = true;
  }
}

/**
 * A value as a reader gives it, with the rows it was counted on, and of those the rows where it bears
 * on a call figure (`calls`, counted by the activity reader: a direction on a call, a call status on
 * an incoming call), which the unknown-values alert weighs: a meeting's direction «0» or an outgoing
 * call's status is no missed call.
 */
export interface Weighed<T> {
  value: T;
  count: number;
  calls: number;
}

/** A value's statistics, as `inspect` and the reports list them. */
export interface ValueCount {
  value: string;
  mapped: string;
  count: number;
}

/**
 * A memoised reader of one column's values that also counts them, for `inspect`: one lookup per
 * cell gives both the mapped value and the statistics.
 */
export class ValueReader<T> {
  private readonly seen = new Map<string, Weighed<T>>();

  constructor(
    private readonly fn: (raw: string) => T,
    private readonly describe: (value: T) => string,
    private readonly max = 50_000,
  ) {}

  /** The value and counter of a raw value (counted by the caller). */
  entry(raw: string): Weighed<T> {
    let e = this.seen.get(raw);
    if (e === undefined) {
      e = { value: this.fn(raw), count: 0, calls: 0 };
      if (this.seen.size < this.max) this.seen.set(raw, e);
    }
    return e;
  }

  /** The distinct values seen (at most 1,000), what each became, and how often. */
  stats(): Map<string, { mapped: string; count: number }> {
    const out = new Map<string, { mapped: string; count: number }>();
    for (const [raw, e] of this.seen) {
      if (out.size >= 1000) break;
      if (e.count > 0) out.set(raw, { mapped: this.describe(e.value), count: e.count });
    }
    return out;
  }

  /** The distinct values (at most 1,000) counted on the rows where they bear on a call figure, by those rows, most first. */
  weighed(): ValueCount[] {
    const out: ValueCount[] = [];
    for (const [raw, e] of this.seen) {
      if (out.length >= 1000) break;
      if (e.calls > 0) out.push({ value: raw, mapped: this.describe(e.value), count: e.calls });
    }
    return out.sort(byCount);
  }
}

/** Values most counted first, then in the order of their text. */
export function byCount(a: ValueCount, b: ValueCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : 1);
}

/** How the readers below describe a direction, and a call status, that no map knows (the unknown-values alert looks for them). */
export const UNKNOWN_DIRECTION = '(unknown)';
/** How a direction value that names a missed call (Zoho's Call Type «Missed») is shown. */
export const MISSED_DIRECTION = 'in (missed)';
export const UNKNOWN_STATUS = 'answered (unknown value)';
/** How a done column's value that says neither done nor planned is shown: the activity is kept, as done (the unknown-values alert looks for it). */
export const UNKNOWN_DONE = 'done (unknown value)';

/** How the done reader describes what a value says. */
function describeDone(v: DoneReading): string {
  if (v === 'not delivered') return 'not delivered (dropped)';
  return v === undefined ? UNKNOWN_DONE : v === 'called off' ? 'called off (dropped)' : v ? 'done' : 'not done (planned)';
}

/** The counted value readers of status-like activity columns (their statistics are shown by `inspect`). */
export interface ActivityValueReaders {
  kind: ValueReader<Activity['kind']>;
  /** Reads a direction, and whether the value itself says missed (Zoho's Call Type «Missed»). */
  direction: ValueReader<{ direction: Activity['direction'] | 'internal'; missed: boolean }>;
  /** Reads a call status (or a yes/no `missed` column): true when the call was not answered, ENDED_CALL when its duration decides. */
  missed: ValueReader<MissedValue | undefined>;
  /** Reads an owner type: what record the activity's owner id names. */
  owner_type: ValueReader<OwnerKind>;
  /** Reads a filled done cell: took place, planned (false), called off, not delivered (an e-mail), or undefined when its words say none. */
  done: ValueReader<DoneReading>;
}

/**
 * Answered calls with a duration (no unit stated), and of them the whole numbers of an hour or more (the
 * call-hours alert); a row refused as «a day or longer» that as milliseconds is a call counts among them.
 * `refused`: such rows of a column whose unit nobody stated, with their first values (the run stops
 * when the column reads as milliseconds: importMs in import.ts).
 */
export interface CallLengths {
  answered: number;
  long: number;
  example?: string;
  refused?: { count: number; values: string[] };
  /** Of the answered calls, those whose duration is a clock of no minutes (`00:42`), with the first (the clock-minutes alert). */
  noMinutes?: number;
  clockExample?: string;
  /** Of the answered calls, those whose duration is a fraction of a second (0.0034722), with the first (the day-fractions alert). */
  underSecond?: number;
  fractionExample?: string;
}

/** The fewest answered calls weighed for the column's unit: one or two long calls may be real (a negotiation of an hour and a half). */
const CALL_HOURS_MIN = 3;

/**
 * Whether a duration column read as seconds is in milliseconds by its answered calls: half or more
 * of them (at least CALL_HOURS_MIN) are whole numbers of an hour or more, which no sales log holds.
 */
export function readsAsMilliseconds(lengths: CallLengths): boolean {
  return lengths.answered >= CALL_HOURS_MIN && lengths.long * 2 >= lengths.answered;
}

/** The fewest answered calls weighed for a clock's meaning: a few short calls say nothing. */
const CLOCK_CALLS_MIN = 10;

/**
 * Whether a duration column read as minutes and seconds may be hours and minutes (Pipedrive writes
 * «Длительность» `00:05` for five minutes): nine in ten or more of its answered calls (at least
 * CLOCK_CALLS_MIN) are clocks of no minutes, under a minute each, which no sales team's calls are.
 */
export function readsAsHoursAndMinutes(lengths: CallLengths): boolean {
  return lengths.answered >= CLOCK_CALLS_MIN && (lengths.noMinutes ?? 0) * 10 >= lengths.answered * 9;
}

/**
 * Whether a duration column read as seconds holds fractions of a day (a workbook's time whose format
 * was lost: 0.0034722 for 5 minutes): nine in ten or more of its answered calls (at least 3) last less
 * than a second, which no call does.
 */
export function readsAsDayFractions(lengths: CallLengths): boolean {
  return lengths.answered >= CALL_HOURS_MIN && (lengths.underSecond ?? 0) * 10 >= lengths.answered * 9;
}

/** How many values of the rows refused as milliseconds are kept to show. */
const REFUSED_SHOWN = 3;

/** Notes a row refused as a day or longer that as milliseconds is a call (its value `n`), the first distinct values kept. */
export function noteRefused(lengths: CallLengths, n: number): void {
  const r = (lengths.refused ??= { count: 0, values: [] });
  r.count++;
  const value = String(n);
  if (r.values.length < REFUSED_SHOWN && !r.values.includes(value)) r.values.push(value);
}

/** The call lengths of a file read in two parts, `a` the earlier: counts add up, and the examples and the values are the file's first. */
export function mergeCallLengths(a: CallLengths | undefined, b: CallLengths | undefined): CallLengths {
  const merged: CallLengths = { answered: (a?.answered ?? 0) + (b?.answered ?? 0), long: (a?.long ?? 0) + (b?.long ?? 0) };
  for (const key of ['noMinutes', 'underSecond'] as const) {
    const n = (a?.[key] ?? 0) + (b?.[key] ?? 0);
    if (n > 0) merged[key] = n;
  }
  for (const key of ['example', 'clockExample', 'fractionExample'] as const) {
    const first = a?.[key] ?? b?.[key];
    if (first !== undefined) merged[key] = first;
  }
  for (const part of [a, b]) {
    if (!part?.refused) continue;
    const r = (merged.refused ??= { count: 0, values: [] });
    r.count += part.refused.count;
    for (const v of part.refused.values) if (r.values.length < REFUSED_SHOWN && !r.values.includes(v)) r.values.push(v);
  }
  return merged;
}

/** Everything the readers of one file share: its columns, value maps, date orders and what it has seen. */
export interface ReadContext {
  file: string;
  map: ColumnMap;
  maps: ValueMaps;
  dates: DateOrders;
  numbers: DecimalMarks;
  /** Reading a part of a file apart from the rest (see io/parallel). */
  part: boolean;
  /** The first column of each mapped field, looked up once per file instead of once per cell. */
  cols: Record<string, number>;
  /** Shift added to activity times (`--time-offset`), in ms. */
  timeOffsetMs: number;
  /** Values seen in status-like columns and what they became, for `inspect` and warnings. */
  valueStats: Map<string, Map<string, { mapped: string; count: number }>>;
  values: ActivityValueReaders;
  /** The store deals go to (deals), or whose keys activities are resolved to (through the linker). */
  store: DealStore;
  /** Resolves activities to deal-store keys (activities only). */
  linker?: ActivityLinker;
  /** Values that stand for "no date" (`не закрыта`, `não fechado`). */
  placeholders: ReadonlySet<string>;
  /** What a stage no rule knows means in this file's CRM: open, or to be classified by the user. */
  unknownStage: 'open' | 'ask';
  /** The close date of an open deal is its expected close (HubSpot, Salesforce): no sign of a closed stage. */
  closeDateIsPlanned: boolean;
  /** What a stage carries in parentheses after a known stage: a loss reason, or (HubSpot) its pipeline. */
  stageParentheses: 'reason' | 'pipeline';
  /** Columns of date fields whose time of day is an artefact (the profile's `dateOnly`). */
  dateOnly: ReadonlySet<number>;
  /** Money columns whose header names a scale (headerScale: «Бюджет, тыс. руб.»): column -> 1 000 or 1 000 000; none where no header does. */
  scales?: ReadonlyMap<number, number>;
  /** Stages no rule knows, with what their deals show (for asking, or the --map snippet). */
  stages: Map<string, UnknownStage>;
  /** A workbook whose dates count from 1904 (old Mac Excel): a plain serial in a date column is read from that day. */
  date1904?: boolean;
  /** In a CRM with one won stage a pipeline (a profile's `oneWonStage`): the pipelines where a deal is in a won stage a rule knows ('' for none). */
  wonPipelines?: Set<string>;
  /**
   * Deals rows with no id that carry a manager and a creation date: `pending` since the last row with
   * an id, `followed` those a row with an id came after (amoCRM's own, a copy of the last deal, ends
   * its export; one amid the deals is a deal that lost its id).
   */
  idless: { pending: number; followed: number };
  /** Deals whose id lost its last digits (cells.lostDigits): how many, the first id, and its column. */
  idsLostDigits?: { rows: number; example: string; column: string };
  /** Amounts in a spreadsheet's scientific form («1,23457E+06»: digits may be lost): how many, the first, and every column they were in. */
  amountsLostDigits?: { count: number; example: string; columns: string[] };
  /** Client names or numbers Excel's scientific form cut («7,91612E+10»: read as no client, clientText): how many, the first, and every column they were in. */
  clientsLostDigits?: { count: number; example: string; columns: string[] };
  /** Rows whose direction was read from their sides (a PBX's log: see lines.ts), by direction; undefined where no side is read. */
  bySides?: SideCounts;
  /** Activities whose time was a date alone (no time of day in it nor beside it): read at midnight. */
  untimed?: { count: number };
  /** Activities whose deal is a title several deals share (linked to none): how many, and the first title. */
  sharedTitles?: { count: number; example: string };
  /** The lines (extensions) a cell named beside a manager's name («Анна (201)», «201 (Анна)»: 201 → Анна), as the manager was reported and as the cell wrote it. */
  lineNames?: Map<string, LineSpelling>;
  /** Times marked UTC (`Z`): how many, and the first one with its column's header. */
  utc?: { count: number; example: string; column: string };
  /** Answered calls with a duration in a column of no stated unit: how many, those of an hour or more that are whole numbers, and the first of these. */
  callLengths?: CallLengths;
  /** The report date (ms at midnight), when the run has one: close dates after it are expected ones. */
  reportDay: number | undefined;
  /** The kind of every row of an activities file with no kind column, as a --map file says it (`activities: rows:`), else its profile's (startReading). */
  rows?: Activity['kind'];
  /** The counters of the currency column's cells, by code (noteCurrency), made at its first filled cell. */
  currencies?: CellMemo<{ count: number } | undefined>;
}


/**
 * Builds the counted readers for a set of value maps; `missedIsBoolean` when the column is the canonical
 * `missed`, `emailStatus` when a done column is an e-mail's status (EMAIL_STATUS_HEADER: doneReader).
 */
export function activityValueReaders(maps: ValueMaps, missedIsBoolean: boolean, parseBoolean: (raw: string) => boolean | undefined, kindByWords = true, emailStatus = false): ActivityValueReaders {
  return {
    kind: new ValueReader((raw) => kindOf(maps, raw, kindByWords), (v) => v),
    direction: directionReader(maps),
    missed: new ValueReader(missedIsBoolean ? parseBoolean : (raw) => missedOf(maps, raw), describeMissed),
    owner_type: new ValueReader((raw) => maps.owner.get(normalizeValue(raw)) ?? 'other', (v) => (v === 'deal' ? 'deal: the owner id is its deal_id' : `${v}: not a deal; the owner is the client`)),
    done: doneReader(maps, emailStatus),
  };
}

/**
 * The reader of a done column's values; `email` where one of the file's done columns is an e-mail's
 * status (HubSpot's hs_email_status, «Статус письма»: EMAIL_STATUS_HEADER), the only one whose BOUNCED or
 * FAILED says 'not delivered' (decided with the file's other readers, import.ts startReading).
 */
function doneReader(maps: ValueMaps, email: boolean): ValueReader<DoneReading> {
  return new ValueReader((raw) => activityDone(raw, undefined, maps.done, email), describeDone);
}

/** A header of an e-mail's status: `hs_email_status`, «Email status», «Статус письма». */
export const EMAIL_STATUS_HEADER = /e-?mail|письм/iu;

/** How the run reads a call status value, for inspect and the unknown-values alert. */
function describeMissed(v: MissedValue | undefined): string {
  if (v === undefined) return UNKNOWN_STATUS;
  return v === ENDED_CALL ? ENDED_STATUS : v ? 'not answered' : 'answered';
}

/** A status that says only that the call ended (ENDED_CALL), as inspect shows it. */
export const ENDED_STATUS = 'answered when it lasted; missed at 0 s';

/**
 * Whether a call status says the call was not answered: by the value maps, else as a flag (UIS/CoMagic's
 * `is_lost`: a yes or a no in the words every flag is read in, yesNo), else by its words; undefined when none knows it.
 */
function missedOf(maps: ValueMaps, raw: string): MissedValue | undefined {
  const key = normalizeValue(raw);
  return maps.missed.get(key) ?? yesNo(key) ?? statusByWords(key);
}

/**
 * An activity kind as the value maps read it, by the whole value or else by its words (unless `byWord`
 * is false: amoCRM's events name a field «Дата встречи» or a tag «звонок»); a value that names a
 * direction and no kind («Входящий», "Outbound") a call, as a PBX's type column says it (tester T57: a
 * «Тип» of «Встреча», «Входящий», «Исходящий» read as kinds counted 413 of 600 calls as «другое», without
 * a word); `other` when unknown.
 */
function kindOf(maps: ValueMaps, raw: string, byWord: boolean): Activity['kind'] {
  const key = normalizeValue(raw);
  const kind = maps.kind.get(key) ?? (byWord ? byWords(maps.kind, key) : undefined);
  if (kind !== undefined || !byWord) return kind ?? 'other';
  const direction = maps.direction.get(key) ?? byWords(maps.direction, key);
  return direction === 'in' || direction === 'out' ? 'call' : 'other';
}

/**
 * A counted reader of call directions, by the whole value or else by its words, and whether the
 * value itself says missed (Zoho's Call Type «Missed»). Also reads the direction a kind column's
 * values carry («Звонок входящий», "Incoming email") where no direction column speaks for a row
 * (`ofKind`): there a code is a kind's, not a direction's (Bitrix24 REST's TYPE_ID 2, a call, is no
 * DIRECTION 2, outgoing), so a number is not looked up.
 */
export function directionReader(maps: ValueMaps, ofKind = false): ValueReader<{ direction: Activity['direction'] | 'internal'; missed: boolean }> {
  return new ValueReader(
    (raw) => {
      const key = normalizeValue(raw);
      const exact = ofKind && /^\d+$/.test(key) ? undefined : maps.direction.get(key);
      if (exact !== undefined) return { direction: exact, missed: maps.missedDirection.has(key) };
      // Words that name a missed call are incoming ones in the map: «Пропущенный исходящий» is neither.
      const direction = byWords(maps.direction, key) ?? '';
      // The status words too: «Входящий (не отвечен)», «Входящий, без ответа», «Входящий потерянный» (a tester: 2 of 14 missed for 10).
      return { direction, missed: direction === 'in' && (missedByWords(maps.missedDirection, key) || statusByWords(key) === true) };
    },
    (v) => (v.missed ? MISSED_DIRECTION : v.direction === 'internal' ? 'internal (dropped)' : v.direction || UNKNOWN_DIRECTION),
  );
}

/** A deal status as the value maps read it (undefined when unknown). */
export function statusOf(maps: ValueMaps, raw: string): DealStatus | 'deleted' | undefined {
  const key = normalizeValue(raw);
  return maps.status.get(key) ?? closedStage(key);
}

/** statusOf() by the value maps alone, not by a stage's words. */
export function mappedStatus(maps: ValueMaps, raw: string): DealStatus | 'deleted' | undefined {
  return maps.status.get(normalizeValue(raw));
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

/**
 * A field's column on a row where the field has several (a --map file's list, a profile's `coalesce`):
 * its first, else the first of the others that is filled (the first when all are blank; undefined for a
 * field with no column). One rule for `at`, a manager (of deals and of activities) and a call id: a
 * --map file's `manager: ["answering_pin", "orig_pin"]` (Rostelecom's employee of an incoming call, and
 * of an outgoing one) read the first alone, and every outgoing call, blank there, was dropped «нет
 * менеджера». It gives the column, for a field read by other rules than a memo's; where the field is
 * read through a memo whose reading is null for a blank cell (a status, a done flag), the activity
 * reader's firstReading applies the same rule to the readings.
 */
export function firstFilled<C extends number | undefined>(cells: Cells, first: C, more: readonly number[]): C {
  return first !== undefined && more.length > 0 && cells.blank(first) ? ((more.find((k) => !cells.blank(k)) ?? first) as C) : first;
}

/** The header of a field's column (the field's name when unmapped), for row problems. */
export function headerOf(ctx: ReadContext, col: number | undefined, field: string): string {
  return col === undefined ? field : ctx.map.columns[col]!.header;
}

export function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The counter of a status-like value in valueStats (created at count 0; none past 1,000 values). */
export function noteEntry(ctx: ReadContext, field: string, raw: string, mapped: string): { count: number } | undefined {
  let byValue = ctx.valueStats.get(field);
  if (!byValue) ctx.valueStats.set(field, (byValue = new Map()));
  let entry = byValue.get(raw);
  if (entry === undefined && byValue.size < 1000) byValue.set(raw, (entry = { mapped, count: 0 }));
  return entry;
}

/** Counts a status-like value and what it became. */
export function noteValue(ctx: ReadContext, field: string, raw: string, mapped: string): void {
  const e = noteEntry(ctx, field, raw, mapped);
  if (e) e.count++;
}

/**
 * Counts the currency of a row with an amount (a deal's, a spend or payment row's) for the
 * mixed-currencies alert (report.values.currency, which it reads for every file), under its code
 * (currencyCode), the first spelling the file wrote it in beside it: «руб.», «₽» and «RUB» are one
 * currency (deals written both ways were said to be in two). Its currency column (`USD`, `руб.`), read
 * once per distinct cell (ctx.currencies), else a mark in the amount (`$22,700.00`, `120000|USD`,
 * `EUR 500`); a plain number has none. Spend of $1 200 and 30 000 ₽ were added as 31 200 without a word.
 */
export function noteCurrency(cells: Cells, ctx: ReadContext, amountCol: number | undefined, col = ctx.cols.currency): void {
  if (col !== undefined) {
    if (cells.blank(col)) return;
    const entry = cells.value(col, (ctx.currencies ??= currencyMemo(ctx)));
    if (entry) entry.count++;
  } else if (amountCol !== undefined && !cells.blank(amountCol) && Number.isNaN(cells.plainInteger(amountCol))) {
    const mark = currencyOf(cells.text(amountCol));
    if (mark !== undefined) noteValue(ctx, 'currency', codeOfMark(mark), mark);
  }
}

/** The counter of each distinct currency cell of a file, by its code (undefined for a cell of spaces, or past 1,000 codes). */
function currencyMemo(ctx: ReadContext): CellMemo<{ count: number } | undefined> {
  return new CellMemo((t) => {
    const raw = trimEdges(t);
    return raw === '' ? undefined : noteEntry(ctx, 'currency', currencyCode(raw), raw);
  });
}

const MARK_CODES = new Map<string, string>();

/** currencyCode of a mark currencyOf read (`$` is USD), computed once per mark: an amount of every row may carry one (Bitrix24's `120000|RUB`). */
function codeOfMark(mark: string): string {
  let code = MARK_CODES.get(mark);
  if (code === undefined) {
    code = currencyCode(mark);
    if (MARK_CODES.size < 1000) MARK_CODES.set(mark, code);
  }
  return code;
}

/**
 * Set by readDate: the date it read, wall-clock ms (NaN when empty or a placeholder). In a typed
 * array, not returned beside a problem: a number returned with objects is a new 16-byte heap number
 * each call (the benchmark's main thread made 50 MB of them, the largest share of its garbage).
 */
export const dateRead = new Float64Array(1);

/**
 * Reads a date cell as wall-clock ms into dateRead[0] (a fixed layout straight from bytes, else the
 * text parser), with whether it had a time of day in dateHasTime; NaN when empty or a placeholder
 * (`не закрыта`). Returns undefined then, PENDING while its day-month order is unknown, or why not.
 */
export function readDate(cells: Cells, col: number | undefined, field: string, required: boolean, ctx: ReadContext): RowProblem | typeof PENDING | undefined {
  dateRead[0] = Number.NaN;
  if (col === undefined) return undefined;
  const ms = cells.fixedDate(col);
  if (!Number.isNaN(ms)) {
    if (fixedDateDotted.value && ctx.dates.dotted === undefined) ctx.dates.noteDotted(col, cells.text(col));
    dateRead[0] = dateOnly(ms, col, ctx);
    return undefined;
  }
  const raw = cells.text(col).trim();
  const parsed = raw === '' ? undefined : parseDate(raw, ctx.dates.orderFor(col));
  if (parsed === 'needs-order') return PENDING;
  if (parsed) {
    if (ctx.dates.dotted === undefined && DOTTED_DATE.test(raw)) ctx.dates.noteDotted(col, raw);
    dateHasTime.value = parsed.hasTime;
    if (parsed.utc) noteUtc(ctx, col, raw);
    // A serial of a 1904 workbook (a date cell is turned into a date by the reader; a plain number in General format is not).
    const ms = ctx.date1904 === true && SERIAL.test(raw) ? parsed.ms + DAYS_1900_TO_1904 * 86_400_000 : parsed.ms;
    dateRead[0] = dateOnly(ms, col, ctx);
    return undefined;
  }
  const key = normalizeValue(raw);
  if (raw === '' || ctx.placeholders.has(key)) {
    if (!required) return undefined;
    // A zero date is named as written: «no creation date» sent a tester looking for an empty cell.
    return ZERO_DATES.includes(key) ? new RowProblem('skip', `"${raw}" is a zero date, not a date`, ctx.map.columns[col]!.header) : new RowProblem('skip', `no ${field}`, ctx.map.columns[col]!.header);
  }
  return unreadValue(raw, 'date', ctx.map.columns[col]!.header);
}

/** A date written with dots, day first (`25.02.2025`, `1.3.25 10:00`), as parseDate reads it. */
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.\d{2,4}(?:\D|$)/;

/** Counts a time marked UTC, keeping the first for the warning. */
function noteUtc(ctx: ReadContext, col: number, raw: string): void {
  // A file the run shifts (--time-offset) has been given its zone.
  if (ctx.timeOffsetMs !== 0) return;
  if (ctx.utc) ctx.utc.count++;
  else ctx.utc = { count: 1, example: raw, column: ctx.map.columns[col]!.header };
}

/**
 * A date of a column whose time of day is an artefact (a profile's `dateOnly`: Bitrix24 REST writes a
 * date field as the portal shows midnight UTC, T03:00:00+03:00) is its nearest midnight, a date
 * without a time (a close then takes the end of that day, as any date without a time does).
 */
function dateOnly(ms: number, col: number, ctx: ReadContext): number {
  if (ctx.dateOnly.size === 0 || !ctx.dateOnly.has(col)) return ms;
  dateHasTime.value = false;
  return Math.round(ms / DAY_MS) * DAY_MS;
}

/** A CRM's mark of a user who left, after the name (HubSpot's «(Deactivated User)»). */
const DEACTIVATED = /\s*\(deactivated(?: user)?\)$/i;

/**
 * A cleaned manager cell as the name to report: the --map file's `managers:` name, and a telephony
 * line beside a name dropped where the deals read so far give that name without it («Иван Петров
 * (101)» in a call log is the deals file's «Иван Петров», and so is Sipuni's «101 (Иван Петров)»: one
 * rule, nameAndLine; «Оператор (101)» and «Оператор (102)» stay two lines where no deal names
 * «Оператор»). One rule for deals, activities and payments.
 */
export function reportedManager(maps: ValueMaps, name: string, store: DealStore | undefined, onLine?: (line: string, name: string, as: string) => void): string {
  // HubSpot marks an owner no longer in the account «Ben Ray (Deactivated User)» in the deals, while
  // the calls they made name «Ben Ray»: one person, whose deals stay theirs (a tester's run listed two).
  // An address after a name («Alice Smith (alice@acme.com)») is kept: two people of one name differ by it
  // (a reviewer); manager-spellings says it beside the bare name, with the snippet that merges them.
  const cleaned = name.charCodeAt(name.length - 1) === 0x29 && !maps.managers.has(name) ? name.replace(DEACTIVATED, '') || name : name;
  if (store !== undefined && mayHaveLine(cleaned) && !maps.managers.has(cleaned)) {
    const named = nameAndLine(cleaned);
    const bare = named === undefined ? '' : managerName(maps, named.name);
    if (bare !== '' && store.managers.find(bare) !== undefined) {
      onLine?.(named!.line, bare, cleaned);
      return bare;
    }
  }
  return managerName(maps, cleaned);
}

/** How many lines a file's report names (a PBX's employees; more would be no team). */
const LINES_KEPT = 200;

/**
 * A manager cell as a key of the store's managers (-1 when blank): one rule for deals, activities and
 * payments. With `ctx`, a line beside a name («Анна (201)», Sipuni's «201 (Анна)») read as that manager is kept in ctx.lineNames:
 * the same log may name her by the line alone on other calls (Sipuni's caller «201»), said by the user-ids alert.
 */
export function managerKey(store: DealStore, clean: (raw: string) => string, maps: ValueMaps, ctx?: Pick<ReadContext, 'lineNames'>): (raw: string) => number {
  const onLine = ctx
    ? (line: string, name: string, as: string) => {
        const lines = (ctx.lineNames ??= new Map());
        if (lines.size < LINES_KEPT && !lines.has(line)) lines.set(line, { name, as });
      }
    : undefined;
  return (raw) => {
    const cleaned = clean(raw);
    // A cell that names no one («Не указан», «(пусто)») is a record assigned to no one, as a blank one.
    return cleaned === '' || (namesNoManager(cleaned) && !maps.managers.has(cleaned)) ? -1 : store.managers.id(reportedManager(maps, cleaned, store, onLine));
  };
}

/** A record in the CRM's recycle bin (Salesforce's IsDeleted true): no deal, activity or payment; dropped and counted. */
export const DELETED_RECORD = new RowProblem('drop', 'deleted record (IsDeleted: in the recycle bin)');

/** Whether the row's deleted flag (IsDeleted) says it is in the recycle bin, or why the flag cannot say (readFlag); `flag` is the file's memo of boolean cells. */
export function inRecycleBin(cells: Cells, ctx: ReadContext, flag: CellMemo<boolean | undefined>): boolean | RowProblem {
  return ctx.cols.deleted === undefined ? false : readFlag(cells, ctx, ctx.cols.deleted, flag, 'deleted');
}

/**
 * A flag cell (deleted, closed, won, active) as a yes or a no (parseBoolean); a value no rule reads as
 * either is a row skipped naming the column and the value, never read as a no: a Spanish Excel's
 * FALSO in Odoo's «Activo» left an archived, lost opportunity open without a word.
 */
export function readFlag(cells: Cells, ctx: ReadContext, col: number, flag: CellMemo<boolean | undefined>, field: string): boolean | RowProblem {
  return cells.value(col, flag) ?? new RowProblem('skip', `"${truncate(cells.text(col).trim())}" is neither a yes nor a no`, headerOf(ctx, col, field));
}

/** Why a deals row without an id is dropped (deal-reader.ts), and counted against the rows a file may lose (checkBadRows). */
export const NO_DEAL_ID = 'row without a deal id';

/** Row problems every kind of record shares. */
export const NO_MANAGER_REASON = 'no manager';
export const NO_MANAGER = (ctx: ReadContext, col: number | undefined) => new RowProblem('skip', NO_MANAGER_REASON, headerOf(ctx, col, 'manager'));

/**
 * A deal no one is responsible for (a blank manager cell: HubSpot's deal with no owner, Odoo's lead with no
 * salesperson): skipped, as a manager is required, but by rule, not as an unreadable row: counted apart
 * (ImportReport.dealsNoManager), said (deals-no-manager), and not weighed against --max-bad-rows while they
 * are a minority of the rows (an export with 10% of such deals was refused). A row cut short before its
 * manager cell is no such deal: «no manager», unreadable.
 */
export const UNASSIGNED_DEAL = 'no manager (a deal assigned to no one)';

/**
 * A row whose manager cell names nobody: a failed formula's value (`#N/A`, read as empty) said as one, to
 * mend (review R45 F10), else «no manager»; a deal's blank cell UNASSIGNED_DEAL (`deal`).
 */
export function noManager(cells: Cells, ctx: ReadContext, col: number | undefined, deal = false): RowProblem {
  const raw = col === undefined ? '' : cells.text(col).trim();
  if (isSpreadsheetError(raw)) return formulaError(truncate(raw), headerOf(ctx, col, 'manager'));
  return deal && col !== undefined && cells.has(col) ? new RowProblem('skip', UNASSIGNED_DEAL, headerOf(ctx, col, 'manager')) : NO_MANAGER(ctx, col);
}

/** A number cell (amounts, invoiced, paid): a plain whole number from bytes, else the text parser; null when empty, or why not. */
export function readNumber(cells: Cells, col: number | undefined, field: string, ctx: ReadContext): number | null | RowProblem | typeof PENDING {
  if (col === undefined) return null;
  const plain = cells.plainInteger(col);
  if (!Number.isNaN(plain)) return ctx.scales === undefined ? plain : scaled(plain, col, ctx.scales);
  const n = readNumberText(cells, col, field, ctx);
  return ctx.scales === undefined || typeof n !== 'number' ? n : scaled(n, col, ctx.scales);
}

/** A number in a column whose header names its scale, in units: «1,5» thousands is 1 500 (to 15 digits: 1.1 × 1 000 is 1 100, not 1100.0000000000002). */
export function scaled(n: number, col: number, scales: ReadonlyMap<number, number>): number {
  const scale = scales.get(col);
  return scale === undefined ? n : Number((n * scale).toPrecision(15));
}

/** A number in a spreadsheet's scientific form: a digit, maybe a fraction, E and a power (`1,23457E+06`, `-2.5e5`). */
const SCIENTIFIC = /^\s*-?\d(?:[.,]\d*)?E[+-]?\d+\s*$/i;

/** Counts an amount (or a client) in scientific form, with the first one and every column such cells were in. */
function noteScientific(ctx: ReadContext, example: string, column: string, what: 'amountsLostDigits' | 'clientsLostDigits' = 'amountsLostDigits'): void {
  const seen = (ctx[what] ??= { count: 0, example, columns: [] });
  seen.count++;
  if (!seen.columns.includes(column)) seen.columns.push(column);
}

/** Counts a client cell whose number Excel's scientific form cut (`7,91612E+10`), which names no client (clientText). */
export function noteLostClient(ctx: ReadContext, text: string, col: number): void {
  noteScientific(ctx, text, headerOf(ctx, col, 'client'), 'clientsLostDigits');
}

/** readNumber's text path: the number a cell's text writes, null when empty, or why not. */
function readNumberText(cells: Cells, col: number, field: string, ctx: ReadContext): number | null | RowProblem | typeof PENDING {
  // An empty cell (open deals often have no amount) needs no text, and no parser says more than null.
  if (cells.blank(col)) return null;
  const raw = cells.text(col);
  let mark: DecimalMark | 'grouping' | undefined;
  if (decimalEvidence(raw) === 'ambiguous') {
    // A part of a file cannot know what the rest decided: it is read with the rest, in one pass.
    if (ctx.part) throw UserError.of('E_PART_NUMBER', 'map.partNumber', { value: truncate(raw) }, { file: ctx.file });
    mark = ctx.numbers.markFor(col);
    if (mark === undefined) return PENDING;
  }
  const n = parseNumber(raw, mark);
  if (mark !== undefined && n !== null && !Number.isNaN(n)) ctx.numbers.noteRead(col, raw, mark, n);
  if (n !== null && Number.isNaN(n)) return unreadValue(raw, 'number', headerOf(ctx, col, field));
  // Excel writes a number too wide for its column so, and a CSV saved from it keeps what was shown:
  // «1,23457E+06» was 1 234 567,89. No CRM writes an amount so; it is read, and said (amounts-lost-digits):
  // any such form, as whether digits were lost cannot be told from it («2,10629E+05» was 210 629,02).
  if (n !== null && SCIENTIFIC.test(raw)) noteScientific(ctx, raw.trim(), headerOf(ctx, col, field));
  return n;
}
