import type { ByteKeys } from './byte-keys.js';

const MAX_DIGITS = 15;

/** A DenseIds as plain data: the smallest id, and the deal of each id from it on (-1 for none). */
export interface DenseIdsData {
  base: number;
  index: Int32Array;
}

/**
 * Deal ids that are all plain whole numbers (amoCRM, Bitrix24, Pipedrive, most CRMs), indexed by
 * value: an activity's deal id is then found from its digits with one array read instead of a hash
 * probe, which costs a cache miss per activity on a million deals. Only canonical numbers (no sign,
 * no leading zero) are looked up this way, so that `0100` never finds deal `100`; as every key is
 * such a number, any other form of id is none of them. ByteKeys.indexByValue puts it in place of
 * the hash table of the deals' ids once they are read.
 */
export class DenseIds {
  private constructor(
    private readonly base: number,
    private readonly index: Int32Array,
  ) {}

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
    // A dense table pays only where ids are close together: at most 8 slots per deal.
    const range = max - min + 1;
    if (range > 8 * n + 1024) return undefined;
    const index = (shared ? new Int32Array(new SharedArrayBuffer(4 * range)) : new Int32Array(range)).fill(-1);
    // The ids are read twice rather than kept as numbers in between (8 bytes a deal, for a moment).
    for (let i = 0; i < n; i++) index[canonicalWhole(arena, starts[i]!, starts[i + 1]!) - min] = i;
    return new DenseIds(min, index);
  }

  /** Its contents (the index as it is: in shared memory when so built). */
  data(): DenseIdsData {
    return { base: this.base, index: this.index };
  }

  /** A DenseIds over the contents of another (its index used as it is). */
  static from(d: DenseIdsData, toSharedMemory = false): DenseIds {
    if (!toSharedMemory || d.index.buffer instanceof SharedArrayBuffer) return new DenseIds(d.base, d.index);
    const index = new Int32Array(new SharedArrayBuffer(d.index.byteLength));
    index.set(d.index);
    return new DenseIds(d.base, index);
  }

  /** The deal of an id given as bytes: its index, -1 when it is a plain whole number no deal has, -2 when it is not one (ask the hash table). */
  find(buf: Uint8Array, start: number, end: number): number {
    const v = canonicalWhole(buf, start, end);
    if (v < 0) return -2;
    const i = v - this.base;
    return i >= 0 && i < this.index.length ? this.index[i]! : -1;
  }
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
