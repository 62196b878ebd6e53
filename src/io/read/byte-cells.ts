import { ByteKeys } from '../../core/kpi/byte-keys.js';
import type { ByteRow } from './csv.js';

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

/** Whether the cell is empty once trimmed, decoding only when a space may be there. */
export function blankCell(row: ByteRow, col: number): boolean {
  if (col >= row.count) return true;
  const buf = row.buf;
  const s = row.starts[col]!;
  const e = row.ends[col]!;
  if (e === s) return true;
  if (SPACE_LEAD[buf[s]!] === 0) return false;
  return row.text.decode(buf, s, e).trim() === '';
}

/** Whether the cell may begin with a space (its text must then be trimmed before it is judged). */
export function spaceLead(byte: number): boolean {
  return SPACE_LEAD[byte] === 1;
}

/** Whether any byte of the cell is `byte`. */
export function hasByte(row: ByteRow, col: number, byte: number): boolean {
  const buf = row.buf;
  for (let i = row.starts[col]!, e = row.ends[col]!; i < e; i++) if (buf[i] === byte) return true;
  return false;
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
