/** A growable typed array of 32-bit integers. */
export class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** A growable typed array of doubles. */
export class FloatList {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  /** Its values sorted ascending, in place (the list is not added to afterwards). */
  sorted(): Float64Array {
    return this.data.subarray(0, this.length).sort();
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** The times of a TimeIndex as plain data: chunks of keys and times, each chunk's length. */
export interface TimeIndexData {
  keys: Int32Array[];
  times: Float64Array[];
  lengths: number[];
}

const CHUNK = 1 << 16;

/**
 * Times grouped by an integer key (a client or a deal), added in any order: 12 bytes a time, in
 * fixed-size chunks (no doubling slack, no copying as it grows; another index's chunks are adopted
 * whole). Frozen once, keeping only the keys asked about, by a counting sort on the key and a native
 * sort of each group; then searched by binary search.
 */
export class TimeIndex {
  private keys: Int32Array[] = [];
  private times: Float64Array[] = [];
  private lengths: number[] = [];
  private offsets: Int32Array | undefined;
  private sorted: Float64Array | undefined;

  add(key: number, time: number): void {
    const last = this.lengths.length - 1;
    if (last < 0 || this.lengths[last] === this.keys[last]!.length) {
      this.keys.push(new Int32Array(CHUNK));
      this.times.push(new Float64Array(CHUNK));
      this.lengths.push(0);
      return this.add(key, time);
    }
    const i = this.lengths[last]!++;
    this.keys[last]![i] = key;
    this.times[last]![i] = time;
  }

  /** Its chunks (to send to another thread; this index is not used afterwards). */
  data(): TimeIndexData {
    return { keys: this.keys, times: this.times, lengths: this.lengths };
  }

  /** Adopts another index's chunks, mapping their keys to this index's in place. */
  absorb(d: TimeIndexData, mapKey: (k: number) => number): void {
    d.keys.forEach((keys, c) => {
      const n = d.lengths[c]!;
      for (let i = 0; i < n; i++) keys[i] = mapKey(keys[i]!);
      // Adopted chunks go before a partly filled own chunk, which add() keeps filling.
      const at = this.lengths.length > 0 && this.lengths[this.lengths.length - 1]! < CHUNK ? this.lengths.length - 1 : this.lengths.length;
      this.keys.splice(at, 0, keys);
      this.times.splice(at, 0, d.times[c]!);
      this.lengths.splice(at, 0, n);
      if (n < keys.length) {
        // A partly filled adopted chunk is closed: add() never writes into it.
        this.keys[at] = keys.subarray(0, n);
        this.times[at] = d.times[c]!.subarray(0, n);
      }
    });
  }

  /** Builds the search index of the keys `wanted` holds (a 1 per key), then drops the raw times. */
  freeze(wanted: Uint8Array): void {
    const inWanted = (k: number) => k >= 0 && k < wanted.length && wanted[k] === 1;
    const offsets = new Int32Array(wanted.length + 1);
    this.eachTime((k) => {
      if (inWanted(k)) offsets[k + 1]!++;
    });
    for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
    const fill = offsets.slice(0, wanted.length);
    const sorted = new Float64Array(offsets[wanted.length]!);
    this.eachTime((k, t) => {
      if (inWanted(k)) sorted[fill[k]!++] = t;
    });
    for (let k = 0; k < wanted.length; k++) if (offsets[k + 1]! - offsets[k]! > 1) sorted.subarray(offsets[k], offsets[k + 1]).sort();
    this.offsets = offsets;
    this.sorted = sorted;
    this.keys = [];
    this.times = [];
    this.lengths = [];
  }

  private eachTime(fn: (key: number, time: number) => void): void {
    this.keys.forEach((keys, c) => {
      const times = this.times[c]!;
      const n = this.lengths[c]!;
      for (let i = 0; i < n; i++) fn(keys[i]!, times[i]!);
    });
  }

  /** Whether any time of `key` lies in [from, to] (after freeze; keys not asked about have none). */
  anyWithin(key: number, from: number, to: number): boolean {
    const offsets = this.offsets!;
    if (key < 0 || key + 1 >= offsets.length) return false;
    let lo = offsets[key]!;
    let hi = offsets[key + 1]!;
    const s = this.sorted!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < offsets[key + 1]! && s[lo]! <= to;
  }
}
