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
  data = new Float64Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Times grouped by an integer key (a client or a deal), added in any order: 12 bytes a time. Frozen
 * once by a counting sort on the key and a native sort of each group, then searched by binary search.
 */
export class TimeIndex {
  private readonly keys = new IntList();
  private readonly times = new FloatList();
  private offsets: Int32Array | undefined;
  private sorted: Float64Array | undefined;

  add(key: number, time: number): void {
    this.keys.push(key);
    this.times.push(time);
  }

  /** Its times and keys (copies), to merge into another index. */
  data(): { keys: Int32Array<ArrayBuffer>; times: Float64Array<ArrayBuffer> } {
    return { keys: this.keys.data.slice(0, this.keys.length), times: this.times.data.slice(0, this.times.length) };
  }

  /** Adds another index's times, its keys mapped to this one's. */
  absorb(d: { keys: Int32Array; times: Float64Array }, mapKey: (k: number) => number): void {
    for (let i = 0; i < d.keys.length; i++) this.add(mapKey(d.keys[i]!), d.times[i]!);
  }

  private freeze(): void {
    const n = this.keys.length;
    let maxKey = -1;
    for (let i = 0; i < n; i++) if (this.keys.data[i]! > maxKey) maxKey = this.keys.data[i]!;
    const offsets = new Int32Array(maxKey + 2);
    for (let i = 0; i < n; i++) offsets[this.keys.data[i]! + 1]!++;
    for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
    const fill = offsets.slice(0, Math.max(0, offsets.length - 1));
    const sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) sorted[fill[this.keys.data[i]!]!++] = this.times.data[i]!;
    for (let k = 0; k + 1 < offsets.length; k++) if (offsets[k + 1]! - offsets[k]! > 1) sorted.subarray(offsets[k], offsets[k + 1]).sort();
    this.offsets = offsets;
    this.sorted = sorted;
  }

  /** Whether any time of `key` lies in [from, to]. */
  anyWithin(key: number, from: number, to: number): boolean {
    if (!this.offsets) this.freeze();
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
