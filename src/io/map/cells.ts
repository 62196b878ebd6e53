import { isPlaceholderClient, PlaceholderBytes } from '../../core/kpi/placeholder-clients.js';
import type { KeySink } from '../../core/kpi/key-batch.js';
import { blankCell, ByteMemo, hasEither, plainInteger, plainKey, spaceLead } from '../read/byte-cells.js';
import { fixedDate, fixedDateMs } from './calendar.js';
import { edgeAtEnd, trimEdges } from '../read/edges.js';
import { cleanText, mayDashDate, phoneKey } from './values.js';
import type { ByteRow } from '../read/csv.js';

/**
 * The cells of one row as the reading rules see them. Every rule (src/io/map/*-reader.ts) is written
 * once against this interface; RowCells gets a cell either from the strings of XLSX, HTML and
 * text-mode rows or from the byte ranges of the CSV parser, where repeating values are memoised by their bytes and fixed layouts read without a
 * string. Both give the same values; test/io/byte-path.test.ts checks it on fixtures and at random.
 */
export interface Cells {
  /** The cell's text with spaces at its edges trimmed ('' for a missing column or cell). */
  text(c: number | undefined): string;
  /** Whether the row has cell `c` at all (a row cut short has not its last ones). */
  has(c: number): boolean;
  /** Whether the cell is missing, empty or only spaces. */
  blank(c: number | undefined): boolean;
  /** What a column memo gives for the cell (the memo's function of its untrimmed text). */
  value<T>(c: number, memo: CellMemo<T>): T;
  /** A `YYYY-MM-DD[ HH:MM:SS]` or `DD.MM.YYYY[ HH:MM:SS]` cell read without a string (sets dateHasTime), else NaN. */
  fixedDate(c: number): number;
  /** A plain whole number read without a string, else NaN (empty cells included). */
  plainInteger(c: number): number;
  /** Whether the cell names no client: blank, or zeros only (Bitrix24's COMPANY_ID 0 is «no company»). */
  noClient(c: number): boolean;
  /** Whether the cell holds either character (by code; both ASCII). */
  hasEither(c: number, a: number, b: number): boolean;
  /** Whether the cell may be a slash date (`D/M/YYYY`: a slash after one or two leading digits): false is exact. */
  maySlashDate(c: number): boolean;
  /** Whether the cell may begin with one of these pairs of bytes (a table indexed by `b0 << 8 | b1`), or with a space; always true for text. */
  mayStartWith(c: number, leads: Uint8Array): boolean;
  /** Whether the cell may end with one of these bytes (a table indexed by the byte), or with a space; always true for text. */
  mayEndWith(c: number, lasts: Uint8Array): boolean;
  /**
   * Whether the cell's bytes are exactly the UTF-8 of its trimmed text, so that it can be looked up
   * as bytes: then `buf[start, end)` are those bytes (until the next call). Always false for text.
   */
  bytes(c: number): boolean;
  buf: Uint8Array;
  start: number;
  end: number;
  /** The row's cells as strings that stay valid after the next row (rows held back while a date order is unknown). */
  copy(): string[];
}

/**
 * A per-column memo of a function of a cell's untrimmed text: statuses, kinds and managers repeat a
 * few values millions of times. By bytes on the byte path, by text on the text path; at most `max`
 * distinct values are kept (the function is called for the rest).
 */
export class CellMemo<T> {
  readonly byBytes: ByteMemo<T>;
  private readonly byText = new Map<string, T>();

  constructor(
    readonly fn: (raw: string) => T,
    private readonly max = 50_000,
  ) {
    this.byBytes = new ByteMemo(fn, max);
  }

  fromText(raw: string): T {
    let v = this.byText.get(raw);
    if (v === undefined && !this.byText.has(raw)) {
      v = this.fn(raw);
      if (this.byText.size < this.max) this.byText.set(raw, v);
    }
    return v as T;
  }
}

/** The edge trim of every cell (edges.ts), where the readers import it from. */
export { trimEdges };

const NO_BYTES = new Uint8Array(0);
const SLASH = 0x2f;
const DASH = 0x2d;

/** Zeros, with spaces or tabs between them: what the byte path of RowCells.noClient reads as no client. */
const ZEROS = /^[0 \t]*$/;

/**
 * Whether a cell's text names no client: blank, or zeros only (Bitrix24's COMPANY_ID 0 is «no
 * company»). The one rule: Cells.noClient reads it (by bytes where it can), and the first look at a
 * call log's client column (empty-client.ts) reads its strings with it.
 */
export function namesNoClient(text: string): boolean {
  const trimmed = trimEdges(text);
  return ZEROS.test(trimmed) || isPlaceholderClient(trimmed);
}

/**
 * The cells of one row, given as strings (XLSX, HTML, text-mode CSV) or as the byte ranges of a CSV
 * record. One class with each byte fast path beside its text twin, so that every call site of the
 * readers sees one shape and stays monomorphic (the first rows of a CSV file are read as text while
 * the header is searched). Reused row by row: valid until the next set.
 */
export class RowCells implements Cells {
  private strings: string[] = [];
  private record: ByteRow | undefined;
  buf: Uint8Array = NO_BYTES;
  start = 0;
  end = 0;

  /** Holds a row of strings. */
  setText(row: string[]): this {
    this.strings = row;
    this.record = undefined;
    return this;
  }

  /** Holds a CSV record of byte ranges. */
  setBytes(row: ByteRow): this {
    this.record = row;
    return this;
  }

  has(c: number): boolean {
    return c < (this.record === undefined ? this.strings.length : this.record.count);
  }

  text(c: number | undefined): string {
    if (c === undefined) return '';
    const row = this.record;
    if (row === undefined) return trimEdges(this.strings[c] ?? '');
    return c < row.count ? trimEdges(row.text.decode(row.buf, row.starts[c]!, row.ends[c]!)) : '';
  }

  blank(c: number | undefined): boolean {
    if (c === undefined) return true;
    const row = this.record;
    return row === undefined ? trimEdges(this.strings[c] ?? '') === '' : blankCell(row, c);
  }

  noClient(c: number): boolean {
    if (this.blank(c)) return true;
    const row = this.record;
    if (row === undefined) return namesNoClient(this.text(c));
    // By bytes: zeros and spaces only, or a cell with a zero among other bytes than ASCII (an invisible character at its edge) read as text.
    const buf = row.buf;
    // Most clients begin with a letter or another digit: no zeros-only cell does, trimmed or not.
    const lead = buf[row.starts[c]!]!;
    // «Без имени», «-», Unknown: a placeholder a CRM writes for a contact without a name (core/kpi/placeholder-clients.ts).
    const placeholder = PlaceholderBytes.of(row.text.pageChars).test(buf, row.starts[c]!, row.ends[c]!);
    if (placeholder === true || (placeholder === undefined && isPlaceholderClient(this.text(c)))) return true;
    if (lead !== 0x30 && !spaceLead(lead)) return false;
    let zero = false;
    let other = false;
    for (let i = row.starts[c]!; i < row.ends[c]!; i++) {
      const b = buf[i]!;
      if (b === 0x30) zero = true;
      else if (b >= 0x80) other = true;
      else if (b !== 0x20 && b !== 0x09) return false;
    }
    return zero && (!other || namesNoClient(this.text(c)));
  }

  value<T>(c: number, memo: CellMemo<T>): T {
    const row = this.record;
    return row === undefined ? memo.fromText(this.strings[c] ?? '') : memo.byBytes.get(row, c);
  }

  fixedDate(c: number): number {
    const row = this.record;
    return row !== undefined && c < row.count && fixedDate(row.view, row.starts[c]!, row.ends[c]!) ? fixedDateMs[0]! : Number.NaN;
  }

  plainInteger(c: number): number {
    const row = this.record;
    return row !== undefined && c < row.count && row.ends[c]! > row.starts[c]! ? plainInteger(row.buf, row.starts[c]!, row.ends[c]!) : Number.NaN;
  }

  hasEither(c: number, a: number, b: number): boolean {
    const row = this.record;
    if (row !== undefined) return c < row.count && hasEither(row, c, a, b);
    const v = this.strings[c] ?? '';
    return v.indexOf(String.fromCharCode(a)) !== -1 || v.indexOf(String.fromCharCode(b)) !== -1;
  }

  maySlashDate(c: number): boolean {
    const row = this.record;
    if (row === undefined) {
      const v = this.strings[c] ?? '';
      return v.indexOf('/') !== -1 || mayDashDate(v);
    }
    if (c >= row.count) return false;
    const buf = row.buf;
    const s = row.starts[c]!;
    if (row.ends[c]! - s < 3) return false;
    // Text that may be trimmed at its start: any slash or dash counts.
    if (spaceLead(buf[s]!)) return hasEither(row, c, SLASH, DASH);
    // A slash or a dash after a day's one or two digits (`01-03-2025`; an ISO date's is after its year's four).
    const b1 = buf[s + 1];
    const b2 = buf[s + 2];
    return b1 === SLASH || b2 === SLASH || b1 === DASH || b2 === DASH;
  }

  mayStartWith(c: number, leads: Uint8Array): boolean {
    const row = this.record;
    if (row === undefined) return true;
    if (c >= row.count) return false;
    const buf = row.buf;
    const s = row.starts[c]!;
    const len = row.ends[c]! - s;
    if (len === 0) return false;
    if (spaceLead(buf[s]!)) return true;
    return len >= 2 && leads[(buf[s]! << 8) | buf[s + 1]!] === 1;
  }

  mayEndWith(c: number, lasts: Uint8Array): boolean {
    const row = this.record;
    if (row === undefined) return true;
    if (c >= row.count) return false;
    const e = row.ends[c]!;
    if (e === row.starts[c]!) return false;
    const buf = row.buf;
    const last = buf[e - 1]!;
    if (lasts[last] === 1 || last <= 32) return true;
    if (last < 0x80) return false;
    // A cell that ends in a character its trimmed text loses (NBSP, a zero-width space): the text decides.
    if (!row.text.utf8) return last === 0xa0 || last === 0xad;
    let j = e - 1;
    while (j > row.starts[c]! && (buf[j]! & 0xc0) === 0x80) j--;
    return edgeAtEnd(buf, j, e);
  }

  copy(): string[] {
    return this.record === undefined ? this.strings : this.record.cells();
  }

  bytes(c: number): boolean {
    const row = this.record;
    if (row === undefined || c >= row.count) return false;
    const s = row.starts[c]!;
    const e = row.ends[c]!;
    if (!plainKey(row.buf, s, e, row.text.utf8)) return false;
    this.buf = row.buf;
    this.start = s;
    this.end = e;
    return true;
  }
}

/**
 * A client cell's key: a phone number as its digits (phoneKey), anything else as it is, by its bytes
 * where they are the key. Only a cell that starts like a phone (a digit, +, a bracket) is read as text for it.
 * Where the file's client cells may list several records (`lists`: a profile's clientLists), a list's first one.
 */
export function internClient(cells: Cells, c: number, keys: KeySink, lost?: LostClient, lists = false): number {
  const listed = lists ? listedClients(cells, c) : undefined;
  if (listed) return keys.internText(clientTextNoting(listed[0]!, c, lost));
  if (cells.bytes(c) && !phoneLead(cells.buf[cells.start]!)) return keys.intern(cells.buf, cells.start, cells.end);
  return keys.internText(clientTextNoting(cells.text(c).trim(), c, lost));
}

/**
 * The records a client cell lists, separated by «;» (HubSpot's associations: a deal or a call associated
 * with several contacts, «John Doe;Jane Roe»), where a profile says its cells are such lists
 * (clientLists); undefined for a cell of one. Before, the list was one client no other file named
 * (tester T72: the deal's calls linked to none, a repeat sale was missed).
 */
export function listedClients(cells: Cells, c: number): string[] | undefined {
  if (!cells.hasEither(c, SEMICOLON, SEMICOLON)) return undefined;
  const names = cells.text(c).split(';').map((name) => name.trim()).filter((name) => name !== '');
  return names.length > 1 ? names : undefined;
}

const SEMICOLON = 0x3b;

/** Where a client cell whose number Excel's scientific form cut is counted (ReadContext.clientsLostDigits). */
export type LostClient = (text: string, col: number) => void;

/**
 * clientText, saying to `lost` a filled cell it reads as no client: only a number whose last digits are
 * gone is one (clients-lost-digits).
 */
export function clientTextNoting(text: string, col: number, lost: LostClient | undefined): string {
  const key = clientText(text);
  if (key === '' && text !== '') lost?.(text, col);
  return key;
}

/**
 * A client that is a CRM record named by its number as its key's text: «company 5», the kind before the
 * number (a call bound to a record, Bitrix24's CRM_ENTITY_TYPE and CRM_ENTITY_ID; a deal's COMPANY_ID, a
 * profile's clientIds), so that a company and a contact of one number are two clients; a name, as clientText reads it.
 */
export function recordClientText(kind: string, id: string): string {
  return /^\d+$/.test(id) ? `${kind} ${id}` : clientText(cleanText(id));
}

/** Whether a text is a number in Excel's scientific form with a decimal mark (`7,91612E+10`): a name such as «1E5» is not. */
export function scientificForm(text: string): boolean {
  return /[.,]\d+E\+/i.test(text) && LOST_DIGITS.test(text);
}

/**
 * A client's name as its key's text: a phone number as its digits (phoneKey), anything else as it is.
 * A number Excel turned into its scientific form names no client when its last digits are gone
 * (`7,9161E+10`): two callers would share it, and a missed call would be «called back» by another's
 * call. One that keeps every digit (`7,9161234567E+10`) is that number.
 */
export function clientText(name: string): string {
  // Excel's form only: a digit, a decimal mark, digits, E+ (a name such as «1E5» or «7E0» stays a name).
  const sci = /[.,]\d+E\+/i.test(name) ? LOST_DIGITS.exec(name) : null;
  if (sci) {
    // Every digit kept: that number; fewer than the exponent stands for: lost (lostDigits' rule, on the match at hand).
    const fraction = sci[2] ?? '';
    if (fraction.length === Number(sci[3])) return phoneKey(sci[1]! + fraction) ?? sci[1]! + fraction;
    if (fraction.length < Number(sci[3])) return '';
  }
  return phoneKey(name) ?? name;
}

/**
 * Whether a cell is a number in Excel's scientific form with fewer digits than it stands for
 * («5,80503E+18» from a CSV re-saved by Excel, «5.8050280000555E+18» from a workbook's number past
 * 2^53: see xlsx.ts): its last digits are lost, and different ids read the same. One that keeps every
 * digit («1,2345E+4») is that number.
 */
export function lostDigits(text: string): boolean {
  const sci = LOST_DIGITS.exec(text);
  return sci !== null && (sci[2]?.length ?? 0) < Number(sci[3]);
}

const LOST_DIGITS = /^\s*(\d)(?:[.,](\d*))?E\+?(\d+)\s*$/i;

/** Whether the bytes buf[start, end) may be a number in scientific form (a digit, then a comma or a dot): lostDigits() then reads its text. */
export function maybeScientific(buf: Uint8Array, start: number, end: number): boolean {
  const b = buf[start + 1];
  return end - start >= 4 && (b === 0x2c || b === 0x2e);
}

/** Whether a byte may begin a phone number: a digit, + or (. */
export function phoneLead(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x28;
}
