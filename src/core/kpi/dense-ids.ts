import type { ByteKeys } from './byte-keys.js';

const MAX_DIGITS = 15;

/** A DenseIds as plain data: the first value of the index, the deal of each value from it on plus one (0 for none), and the least and greatest id in it. */
export interface DenseIdsData {
  base: number;
  index: Int32Array;
  min: number;
  max: number;
}

/** Whether ids spanning `span` values are close enough together for `count` deals: at most 8 slots a deal. */
function denseEnough(span: number, count: number): boolean {
  return span <= 8 * count + 1024;
}

/**
 * Deal ids that are all plain whole numbers (amoCRM, Bitrix24, Pipedrive, most CRMs), indexed by
 * value: a deal id is then found from its digits with one array read instead of a hash probe, which
 * costs a cache miss per lookup on a million deals. Only canonical numbers (no sign, no leading zero)
 * are looked up this way, so that `0100` never finds deal `100`; as every key is such a number, any
 * other form of id is none of them. A store's ids start indexed so as they are read (ByteKeys with
 * byValue: the index grows with them, and gives way to the hash table at the first id that is not
 * such a number or lies too far from the others); ByteKeys.indexByValue builds one from the keys
 * once they are all in.
 */
export class DenseIds {
  private constructor(
    private base: number,
    private index: Int32Array,
    private min: number,
    private max: number,
    private readonly shared: boolean,
  ) {}

  /**
   * An empty index, which grows as ids are added (add()). `expected`: about how many ids will come,
   * so that ids in ascending order find room at once.
   */
  static empty(shared = false, expected = 0): DenseIds {
    const d = new DenseIds(0, new Int32Array(0), Infinity, -Infinity, shared);
    d.expected = expected;
    return d;
  }

  /** About how many ids will come (ByteKeys.reserve): the first id's index makes room for them. */
  expected = 0;

  /**
   * The index of a store's ids, or undefined when some id is not a plain whole number or they are
   * too sparse. `shared`: in shared memory, for a worker thread to use it as it is (data(), from()).
   */
  static build(ids: ByteKeys, shared = false): DenseIds | undefined {
    const n = ids.size;
    if (n === 0) return undefined;
    const { arena, starts } = ids.view();
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = canonicalWhole(arena, starts[i]!, starts[i + 1]!);
      if (v < 0) return undefined;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!denseEnough(max - min + 1, n)) return undefined;
    const d = new DenseIds(min, ints(max - min + 1, shared), min, max, shared);
    // The ids are read twice rather than kept as numbers in between (8 bytes a deal, for a moment).
    for (let i = 0; i < n; i++) d.index[canonicalWhole(arena, starts[i]!, starts[i + 1]!) - min] = i + 1;
    return d;
  }

  /** Its contents (the index as it is: in shared memory when so built). */
  data(): DenseIdsData {
    return { base: this.base, index: this.index, min: this.min, max: this.max };
  }

  /** A DenseIds over the contents of another (its index used as it is, or copied once into shared memory). */
  static from(d: DenseIdsData, toSharedMemory = false): DenseIds {
    const inShared = d.index.buffer instanceof SharedArrayBuffer;
    if (!toSharedMemory || inShared) return new DenseIds(d.base, d.index, d.min, d.max, inShared);
    const index = ints(d.index.length, true);
    index.set(d.index);
    return new DenseIds(d.base, index, d.min, d.max, true);
  }

  /** The deal of an id given as bytes: its index, -1 when it is a plain whole number no deal has, -2 when it is not one (ask the hash table). */
  find(buf: Uint8Array, start: number, end: number): number {
    const v = canonicalWhole(buf, start, end);
    if (v < 0) return -2;
    const i = v - this.base;
    return i >= 0 && i < this.index.length ? this.index[i]! - 1 : -1;
  }

  /**
   * Records that id `v` (a canonical whole number, not yet in it) is deal `k`, the index then
   * holding `count` ids; false, changing nothing, when the ids would lie too far apart for it.
   */
  add(v: number, k: number, count: number): boolean {
    const i = v - this.base;
    if ((i < 0 || i >= this.index.length) && !this.cover(v, v, count)) return false;
    this.index[v - this.base] = k + 1;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    return true;
  }

  /**
   * Makes room for the ids from `lo` to `hi` (the index then holding `count` ids), so that adding
   * them moves nothing (another thread adds to the index where it is: ByteKeys.lend). False when
   * they would lie too far apart for an index.
   */
  cover(lo: number, hi: number, count: number): boolean {
    const min = Math.min(this.min, lo);
    const max = Math.max(this.max, hi);
    if (!denseEnough(max - min + 1, count)) return false;
    // Widened at once: the ids covered are added next (where another thread adds them, it is its copy that sees them added).
    this.min = min;
    this.max = max;
    const end = this.base + this.index.length;
    if (this.index.length > 0 && min >= this.base && max < end) return true;
    // Room as large again as the span on the side it grows, so that ids in either order move it
    // only a few times; the first id makes room for the ids expected after it.
    const room = Math.max(4096, max - min + 1);
    const empty = this.index.length === 0;
    const base = empty ? Math.max(0, min - 1024) : min < this.base ? Math.max(0, min - room) : this.base;
    const to = empty ? Math.max(max + 1, base + this.expected + 2048) : max >= end ? max + 1 + room : end;
    const index = ints(to - base, this.shared);
    if (!empty) index.set(this.index, this.base - base);
    this.base = base;
    this.index = index;
    return true;
  }

  /**
   * The same index without the room for ids that never came, when that room is more than a quarter
   * of it (once all ids are in).
   */
  trimmed(): DenseIds {
    const span = this.max - this.min + 1;
    if (!(span > 0) || this.index.length <= 1.25 * span + 4096) return this;
    const index = ints(span, this.shared);
    index.set(this.index.subarray(this.min - this.base, this.max - this.base + 1));
    return new DenseIds(this.min, index, this.min, this.max, this.shared);
  }
}

/**
 * An index of n slots, none holding a deal (0: deal k is written k + 1). Left as the system gives
 * it, zeroed: the room for ids that never come takes no memory, where filling it took it all.
 */
function ints(n: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
}

/** The value of bytes that are a whole number written canonically (`0`, or digits without a leading zero), else -1. */
export function canonicalWhole(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 1 || len > MAX_DIGITS || (buf[s] === 0x30 && len > 1)) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
