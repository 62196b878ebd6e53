import { ByteKeys } from '../core/kpi/byte-keys.js';
import type { ByteRow } from './csv.js';
import { daysFromCivil } from './values.js';

/**
 * Reading cells of the byte-level CSV parser without making strings where a value repeats or has a
 * fixed layout. Each helper either answers from the bytes or says that the text path must decide, so
 * results are the same as reading the decoded text.
 */

const FEW = 6;

/**
 * A per-column memo from a cell's raw bytes to what a function of its text gives: statuses, kinds,
 * managers and reasons repeat a few values millions of times. Stops memoising at `max` distinct
 * values (the function is then called on the decoded text).
 */
export class ByteMemo<T> {
  private readonly keys = new ByteKeys();
  private readonly values: T[] = [];
  /** The first few keys, compared directly (cheaper than hashing for kinds, directions and statuses). */
  private readonly few: Uint8Array[] = [];
  /** Their lengths and edge bytes (first << 8 | last), so that most keys are passed over without reading their bytes. */
  private readonly fewLength = new Int32Array(FEW);
  private readonly fewEdges = new Int32Array(FEW);
  private fewCount = 0;
  private lastKey = -1;

  constructor(
    private readonly fn: (text: string) => T,
    private readonly max = 50_000,
  ) {}

  get(row: ByteRow, col: number): T {
    if (col >= row.count) return this.fn('');
    const buf = row.buf;
    const s = row.starts[col]!;
    const e = row.ends[col]!;
    const len = e - s;
    const edges = len === 0 ? -1 : (buf[s]! << 8) | buf[e - 1]!;
    const count = this.fewCount;
    for (let j = 0; j < count; j++) {
      if (this.fewLength[j] !== len || this.fewEdges[j] !== edges) continue;
      const key = this.few[j]!;
      let i = 0;
      while (i < len && key[i] === buf[s + i]) i++;
      if (i === len) return this.values[j]!;
    }
    if (count < FEW) {
      const v = this.fn(row.text.decode(buf, s, e));
      // A copy: the row's bytes may be a reused scratch buffer (and a view would pin a whole chunk).
      this.few.push(Uint8Array.prototype.slice.call(buf, s, e));
      this.fewLength[count] = len;
      this.fewEdges[count] = edges;
      this.fewCount = count + 1;
      this.keys.intern(buf, s, e);
      this.values.push(v);
      return v;
    }
    // Exports often list a person's or a deal's rows together: try the last key before hashing.
    const last = this.lastKey;
    if (last >= 0 && this.keys.equals(last, buf, s, e)) return this.values[last]!;
    const k = this.keys.find(buf, s, e);
    if (k >= 0) {
      this.lastKey = k;
      return this.values[k]!;
    }
    const v = this.fn(row.text.decode(buf, s, e));
    if (this.keys.size < this.max) {
      this.lastKey = this.keys.intern(buf, s, e);
      this.values.push(v);
    }
    return v;
  }
}

/** Bytes that may begin a character JavaScript's trim() removes: ASCII space and controls, and the lead bytes of Unicode spaces in UTF-8 (C2 A0, E1 9A 80, E2 80 8x, E3 80 80, EF BB BF) or Windows-1251 (A0). */
const SPACE_LEAD = new Uint8Array(256);
for (let b = 0; b <= 32; b++) SPACE_LEAD[b] = 1;
for (const b of [0xa0, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]) SPACE_LEAD[b] = 1;

/**
 * Whether a cell's bytes are their own trimmed, ready-to-key form: not empty, no space at either
 * edge, and (unless the text is UTF-8) plain ASCII, so that the bytes equal the UTF-8 of the text.
 */
export function plainKey(buf: Uint8Array, s: number, e: number, utf8: boolean): boolean {
  if (e <= s || SPACE_LEAD[buf[s]!] === 1) return false;
  const last = buf[e - 1]!;
  if (last <= 32) return false;
  if (last < 0x80) {
    if (utf8) return true;
    for (let i = s; i < e; i++) if (buf[i]! >= 0x80) return false;
    return true;
  }
  if (!utf8) return false;
  // The last character of UTF-8 text: back up to its lead byte and see whether it is a space.
  let j = e - 1;
  while (j > s && (buf[j]! & 0xc0) === 0x80) j--;
  return !isUnicodeSpace(buf, j, e);
}

function isUnicodeSpace(buf: Uint8Array, j: number, e: number): boolean {
  const lead = buf[j]!;
  if (lead === 0xc2) return e - j === 2 && buf[j + 1] === 0xa0;
  if (lead === 0xe1) return e - j === 3 && buf[j + 1] === 0x9a && buf[j + 2] === 0x80;
  if (lead === 0xe2) {
    if (e - j !== 3) return false;
    const b1 = buf[j + 1]!;
    const b2 = buf[j + 2]!;
    return (b1 === 0x80 && (b2 <= 0x8a || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf)) || (b1 === 0x81 && b2 === 0x9f);
  }
  if (lead === 0xe3) return e - j === 3 && buf[j + 1] === 0x80 && buf[j + 2] === 0x80;
  if (lead === 0xef) return e - j === 3 && buf[j + 1] === 0xbb && buf[j + 2] === 0xbf;
  return false;
}

/**
 * Whether the cell is empty once trimmed, decoding only when a space may be there. `edgesOnly` is
 * the activity reader's trimming, which trims only when an edge is an ASCII space or control (so a
 * cell of one NBSP is not empty there).
 */
export function blankCell(row: ByteRow, col: number, edgesOnly: boolean): boolean {
  if (col >= row.count) return true;
  const buf = row.buf;
  const s = row.starts[col]!;
  const e = row.ends[col]!;
  if (e === s) return true;
  if (edgesOnly ? buf[s]! > 32 && buf[e - 1]! > 32 : SPACE_LEAD[buf[s]!] === 0) return false;
  return row.text.decode(buf, s, e).trim() === '';
}

/** Whether any byte of the cell is `byte`. */
export function hasByte(row: ByteRow, col: number, byte: number): boolean {
  const buf = row.buf;
  for (let i = row.starts[col]!, e = row.ends[col]!; i < e; i++) if (buf[i] === byte) return true;
  return false;
}

/**
 * Whether a cell may give slash-date evidence (`D/M/YYYY`): its trimmed text must have a slash
 * right after one or two leading digits. False is exact; true may still be no date (the text
 * decides).
 */
export function maySlashDate(row: ByteRow, col: number): boolean {
  const buf = row.buf;
  const s = row.starts[col]!;
  if (row.ends[col]! - s < 3) return false;
  // Text that may be trimmed at its start: any slash counts.
  if (SPACE_LEAD[buf[s]!] === 1) return hasByte(row, col, 0x2f);
  return buf[s + 1] === 0x2f || buf[s + 2] === 0x2f;
}

/** Whether any byte of the cell is `a` or `b`. */
export function hasEither(row: ByteRow, col: number, a: number, b: number): boolean {
  const buf = row.buf;
  for (let i = row.starts[col]!, e = row.ends[col]!; i < e; i++) {
    const c = buf[i];
    if (c === a || c === b) return true;
  }
  return false;
}


/** Set by fixedDate: whether the date it read carried a time of day. */
export const dateHasTime = { value: false };

/**
 * The layouts of nearly every big export, `YYYY-MM-DD[ HH:MM:SS]` and `DD.MM.YYYY[ HH:MM:SS]`, read
 * from bytes: wall-clock ms, or NaN when the cell has another form (the text parser then decides).
 * Gives exactly what parseDate gives for these layouts.
 */
export function fixedDate(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len !== 19 && len !== 10) return Number.NaN;
  // Each byte read once, as a digit value (0-9 when it is a digit).
  const b0 = buf[s]! - 48;
  const b1 = buf[s + 1]! - 48;
  const b2 = buf[s + 2]! - 48;
  const b3 = buf[s + 3]! - 48;
  const b4 = buf[s + 4]! - 48;
  const b5 = buf[s + 5]! - 48;
  const b6 = buf[s + 6]! - 48;
  const b7 = buf[s + 7]! - 48;
  const b8 = buf[s + 8]! - 48;
  const b9 = buf[s + 9]! - 48;
  let y: number;
  let mo: number;
  let d: number;
  // '-' and '.' are 45 and 46: -3 and -2 as digit values.
  if (b4 === -3 && b7 === -3) {
    if (!isDigit(b0) || !isDigit(b1) || !isDigit(b2) || !isDigit(b3) || !isDigit(b5) || !isDigit(b6) || !isDigit(b8) || !isDigit(b9)) return Number.NaN;
    y = b0 * 1000 + b1 * 100 + b2 * 10 + b3;
    mo = b5 * 10 + b6;
    d = b8 * 10 + b9;
  } else if (b2 === -2 && b5 === -2) {
    if (!isDigit(b0) || !isDigit(b1) || !isDigit(b3) || !isDigit(b4) || !isDigit(b6) || !isDigit(b7) || !isDigit(b8) || !isDigit(b9)) return Number.NaN;
    d = b0 * 10 + b1;
    mo = b3 * 10 + b4;
    y = b6 * 1000 + b7 * 100 + b8 * 10 + b9;
  } else return Number.NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || y < 1900 || y > 2200) return Number.NaN;
  const day = daysFromCivil(y, mo, d) * 86_400_000;
  if (len === 10) {
    dateHasTime.value = false;
    return day;
  }
  const sep = buf[s + 10];
  const h0 = buf[s + 11]! - 48;
  const h1 = buf[s + 12]! - 48;
  const m0 = buf[s + 14]! - 48;
  const m1 = buf[s + 15]! - 48;
  const s0 = buf[s + 17]! - 48;
  const s1 = buf[s + 18]! - 48;
  if ((sep !== 32 && sep !== 84) || buf[s + 13] !== 58 || buf[s + 16] !== 58 || !isDigit(h0) || !isDigit(h1) || !isDigit(m0) || !isDigit(m1) || !isDigit(s0) || !isDigit(s1)) return Number.NaN;
  const hh = h0 * 10 + h1;
  const mm = m0 * 10 + m1;
  const ss = s0 * 10 + s1;
  if (hh > 23 || mm > 59 || ss > 60) return Number.NaN;
  dateHasTime.value = true;
  return day + ((hh * 60 + mm) * 60 + Math.min(ss, 59)) * 1000;
}

/** Whether a byte minus 48 is a digit's value. */
function isDigit(v: number): boolean {
  return v >= 0 && v <= 9;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/**
 * A whole number of at most 15 digits (optionally negative) read from bytes, or NaN when the cell has
 * another form (the text parser then decides). Empty cells are not handled here.
 */
export function plainInteger(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  const negative = buf[i] === 45;
  if (negative) i++;
  if (e - i < 1 || e - i > 15) return Number.NaN;
  let n = 0;
  for (; i < e; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return negative ? -n : n;
}

const isIn = (b: number | undefined, a: number, c: number) => b === a || b === c;

/**
 * Whether a cell may begin with a totals label (итого, всего, сумма итого, total, grand total, in any
 * case) judged by its first two letters: a filter in front of the regular expression, which sees only
 * the cells it lets through. Cells that begin with a space are let through.
 */
export function mayBeTotals(buf: Uint8Array, s: number, e: number, utf8: boolean): boolean {
  if (e - s < 2) return e > s && SPACE_LEAD[buf[s]!] === 1;
  const b0 = buf[s]!;
  if (SPACE_LEAD[b0] === 1) return true;
  if (b0 < 0x80) {
    if (b0 === 0x74 || b0 === 0x54) return isIn(buf[s + 1], 0x6f, 0x4f); // to / TO
    if (b0 === 0x67 || b0 === 0x47) return isIn(buf[s + 1], 0x72, 0x52); // gr / GR
    return false;
  }
  if (!utf8) {
    const b1 = buf[s + 1];
    if (b0 === 0xc8 || b0 === 0xe8) return isIn(b1, 0xd2, 0xf2); // ит
    if (b0 === 0xc2 || b0 === 0xe2) return isIn(b1, 0xd1, 0xf1); // вс
    if (b0 === 0xd1 || b0 === 0xf1) return isIn(b1, 0xd3, 0xf3); // су
    return false;
  }
  if (e - s < 4) return false;
  const c0 = (b0 << 8) | buf[s + 1]!;
  const c1 = (buf[s + 2]! << 8) | buf[s + 3]!;
  if (c0 === 0xd0b8 || c0 === 0xd098) return c1 === 0xd182 || c1 === 0xd0a2; // ит
  if (c0 === 0xd0b2 || c0 === 0xd092) return c1 === 0xd181 || c1 === 0xd0a1; // вс
  if (c0 === 0xd181 || c0 === 0xd0a1) return c1 === 0xd183 || c1 === 0xd0a3; // су
  return false;
}
