import { ByteKeys } from '../../core/kpi/byte-keys.js';
import type { ByteRow } from './csv.js';
import { edgeAtEnd, trimEdges } from './edges.js';

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
  /**
   * A copy of each key's bytes (the row's may be a reused scratch buffer, and a view would pin a
   * whole chunk), where a cell is compared with it four bytes at a time: key i is
   * arena[starts[i], starts[i] + lengths[i]).
   */
  private arena: Uint8Array = new Uint8Array(256);
  private view: DataView = new DataView(this.arena.buffer);
  private used = 0;
  private starts: Int32Array = new Int32Array(64);
  private lengths: Int32Array = new Int32Array(64);
  /** The first few keys' edge bytes (first << 8 | last), so that most keys are passed over without reading their bytes; they are compared directly (cheaper than hashing for kinds, directions and statuses). */
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
    // Exports often list a person's or a deal's rows together: the key of the last cell first.
    const last = this.lastKey;
    if (last >= 0 && this.lengths[last] === len && sameBytes(this.view, this.starts[last]!, row.view, s, len)) return this.values[last]!;
    const edges = len === 0 ? -1 : (buf[s]! << 8) | buf[e - 1]!;
    const count = this.fewCount;
    for (let j = 0; j < count; j++) {
      if (this.lengths[j] === len && this.fewEdges[j] === edges && sameBytes(this.view, this.starts[j]!, row.view, s, len)) {
        this.lastKey = j;
        return this.values[j]!;
      }
    }
    return this.miss(row, s, e, edges);
  }

  /** A cell that is none of the few keys nor the last: looked up by hash, else read as text and memoised. */
  private miss(row: ByteRow, s: number, e: number, edges: number): T {
    const buf = row.buf;
    if (this.fewCount === FEW) {
      const k = this.keys.find(buf, s, e);
      if (k >= 0) {
        this.lastKey = k;
        return this.values[k]!;
      }
    }
    const v = this.fn(row.text.decode(buf, s, e));
    if (this.keys.size < this.max) {
      const k = this.keys.intern(buf, s, e);
      this.keep(buf, s, e);
      this.values.push(v);
      if (k < FEW) {
        this.fewEdges[k] = edges;
        this.fewCount = k + 1;
      }
      this.lastKey = k;
    }
    return v;
  }

  /** Copies a new key's bytes into the arena. */
  private keep(buf: Uint8Array, s: number, e: number): void {
    const k = this.keys.size - 1;
    const len = e - s;
    if (this.used + len > this.arena.length) {
      const next = new Uint8Array(Math.max(2 * this.arena.length, this.used + len));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
      this.view = new DataView(next.buffer);
    }
    this.arena.set(buf.subarray(s, e), this.used);
    if (k >= this.starts.length) {
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
    }
    this.starts[k] = this.used;
    this.lengths[k] = len;
    this.used += len;
  }
}

function grown(a: Int32Array): Int32Array {
  const out = new Int32Array(2 * a.length);
  out.set(a);
  return out;
}

/** Whether a[as, as + len) and b[bs, bs + len) hold the same bytes, compared four at a time. */
export function sameBytes(a: DataView, as: number, b: DataView, bs: number, len: number): boolean {
  let i = 0;
  for (; i + 4 <= len; i += 4) if (a.getInt32(as + i) !== b.getInt32(bs + i)) return false;
  for (; i < len; i++) if (a.getUint8(as + i) !== b.getUint8(bs + i)) return false;
  return true;
}

/** Bytes that may begin a character cut off a cell's edge (edges.ts): ASCII space and controls, and the lead bytes of Unicode spaces and invisible characters in UTF-8 (C2 A0, C2 AD, E1 9A 80, E2 80 xx, E2 81 xx, E3 80 80, EF BB BF) or Windows-1251 (A0, and AD: a soft hyphen). */
const SPACE_LEAD = new Uint8Array(256);
for (let b = 0; b <= 32; b++) SPACE_LEAD[b] = 1;
for (const b of [0xa0, 0xad, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]) SPACE_LEAD[b] = 1;

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
  return !edgeAtEnd(buf, j, e);
}

/** Whether the cell is empty once trimmed, decoding only when a space may be there. */
export function blankCell(row: ByteRow, col: number): boolean {
  if (col >= row.count) return true;
  const buf = row.buf;
  const s = row.starts[col]!;
  const e = row.ends[col]!;
  if (e === s) return true;
  if (SPACE_LEAD[buf[s]!] === 0) return false;
  return trimEdges(row.text.decode(buf, s, e)) === '';
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
