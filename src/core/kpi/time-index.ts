import { mean, median, sortFloat64 } from './stats.js';

/** Values in ascending order, read for their count, median and mean (stats.median and stats.mean). */
export interface SortedValues {
  readonly length: number;
  median(): number | null;
  mean(): number | null;
}

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

  /** Whether data[0, length) is known to be in ascending order. */
  private ascending = false;

  /**
   * The values of several lists together (each list sorted in place), never copied into one array:
   * the department's cycles are its managers' (a million response times would be 8 MB more, and
   * merging them pairwise allocated each level again).
   */
  static union(lists: FloatList[]): SortedValues {
    return new SortedUnion(lists.map((l) => l.sorted()));
  }

  /** Its values sorted (in place), read for count, median and mean. */
  values(): SortedValues {
    const sorted = this.sorted();
    return { length: sorted.length, median: () => median(sorted), mean: () => mean(sorted) };
  }

  /** Its values sorted ascending, in place (the list is not added to afterwards). */
  sorted(): Float64Array {
    const values = this.data.subarray(0, this.length);
    if (!this.ascending) sortFloat64(values);
    this.ascending = true;
    return values;
  }

  push(v: number): void {
    this.ascending = false;
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * The values of several ascending runs as one ascending list, never held in one array of their own:
 * read in order by a heap of the runs (against merging them pairwise: no memory, and in a benchmark
 * of 50 runs of 20,000 values 10 ms against 27). The sum is added in ascending order, exactly as
 * mean() adds the values of one sorted array, and the median is picked up on the way at its rank.
 */
class SortedUnion implements SortedValues {
  readonly length: number;
  private read: { sum: number; median: number | null } | undefined;

  constructor(private readonly runs: Float64Array[]) {
    this.length = runs.reduce((n, r) => n + r.length, 0);
  }

  median(): number | null {
    return this.pass().median;
  }

  mean(): number | null {
    return this.length === 0 ? null : this.pass().sum / this.length;
  }

  private pass(): { sum: number; median: number | null } {
    if (this.read) return this.read;
    const n = this.length;
    // The ranks of stats.median: the middle value, or the two middle values of an even count.
    const hi = n >> 1;
    const lo = n % 2 === 1 ? hi : hi - 1;
    let sum = 0;
    let low = 0;
    let high = 0;
    const heap = new RunHeap(this.runs);
    for (let rank = 0; rank < n; rank++) {
      const v = heap.next();
      sum += v;
      if (rank === lo) low = v;
      if (rank === hi) high = v;
    }
    this.read = { sum, median: n === 0 ? null : lo === hi ? high : (low + high) / 2 };
    return this.read;
  }
}

/**
 * Ascending runs read as one ascending sequence: a binary min-heap of the runs, keyed by their next
 * value (kept beside the run's number, so that a comparison reads no run).
 */
class RunHeap {
  private readonly value: Float64Array;
  private readonly run: Int32Array;
  /** Each run's next position. */
  private readonly at: Int32Array;
  private size = 0;

  constructor(private readonly runs: Float64Array[]) {
    this.value = new Float64Array(runs.length);
    this.run = new Int32Array(runs.length);
    this.at = new Int32Array(runs.length);
    runs.forEach((r, k) => {
      if (r.length === 0) return;
      this.value[this.size] = r[0]!;
      this.run[this.size++] = k;
    });
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i, this.value[i]!, this.run[i]!);
  }

  /** The next value in ascending order (there must be one left). */
  next(): number {
    const v = this.value[0]!;
    const k = this.run[0]!;
    const r = this.runs[k]!;
    const at = ++this.at[k]!;
    if (at < r.length) this.down(0, r[at]!, k);
    else if (--this.size > 0) this.down(0, this.value[this.size]!, this.run[this.size]!);
    return v;
  }

  /** Places run k, whose next value is v, at slot i or below. */
  private down(i: number, v: number, k: number): void {
    const { value, run, size } = this;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && value[c + 1]! < value[c]!) c++;
      if (!(value[c]! < v)) break;
      value[i] = value[c]!;
      run[i] = run[c]!;
      i = c;
    }
    value[i] = v;
    run[i] = k;
  }
}

/** Outgoing calls as plain data: chunks of client keys, deal keys and times (CallTimes), each chunk's length. */
export interface CallTimesData {
  clients: Int32Array[];
  deals: Int32Array[];
  times: Array<Float64Array | Int32Array>;
  lengths: number[];
}

const CHUNK = 1 << 16;

/** A chunk's column in shared memory: the callbacks may be resolved on the worker thread (KpiEngine.callbackQuery). */
function sharedInts(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * n));
}
/** A chunk of times in 4 bytes a call holds whole seconds since 2000-01-01 (UTC). */
const SECONDS_FROM = Date.UTC(2000, 0, 1);

/**
 * Missed calls, in parallel columns: client and deal keys (-1 for none) and times; `also`, the other
 * deals of those whose cell names several («1;5»: LinkedActivity.also), each with its missed call's index.
 */
export interface MissedCalls {
  client: Int32Array;
  deal: Int32Array;
  at: Float64Array;
  length: number;
  also?: { deal: Int32Array; of: Int32Array; length: number };
}

/**
 * The times of outgoing calls with their client and deal keys (-1 for none), added in any order:
 * 12 bytes a call, in fixed-size chunks (no doubling slack, no copying as it grows; another log's
 * chunks are adopted whole). Exports give call times in whole seconds, so a chunk keeps them as
 * seconds since 2000 in 4 bytes; the first time that is not one (milliseconds, or a year outside
 * 1932-2067) turns its chunk into milliseconds in 8 bytes, exactly. Millions of calls are the
 * largest thing a run holds while it reads. Asked once which missed calls an outgoing call followed within a
 * window: the missed calls (a few percent of the calls) are grouped by key and time, and the log is
 * read once against them, instead of grouping the whole log by key.
 */
export class CallTimes {
  private clients: Int32Array[] = [];
  private deals: Int32Array[] = [];
  private times: Array<Float64Array | Int32Array> = [];
  private lengths: number[] = [];

  /** The chunk being filled, and how many calls it holds. */
  private curClients: Int32Array = new Int32Array(0);
  private curDeals: Int32Array = new Int32Array(0);
  /** The chunk's times: seconds (curSeconds) until a time is not a whole second, then milliseconds (curMs). */
  private curSeconds: Int32Array | undefined;
  private curMs: Float64Array | undefined;
  private curLength = 0;

  /**
   * Adds a call at `call.at`. The record, not its time: the caller (KpiEngine.addLinked) is too large
   * for this to be inlined, and a double passed to a call that is not inlined is a new heap number
   * (21 MB of the benchmark's main thread's garbage, one per outgoing call).
   */
  add(client: number, deal: number, call: { readonly at: number }): void {
    const time = call.at;
    if (this.curLength === this.curClients.length) this.newChunk();
    const i = this.curLength++;
    this.curClients[i] = client;
    this.curDeals[i] = deal;
    const seconds = (time - SECONDS_FROM) / 1000;
    // A whole number of seconds that fits in 32 bits (NaN and fractions fail the test).
    if (this.curSeconds !== undefined && (seconds | 0) === seconds) this.curSeconds[i] = seconds;
    else this.inMs(i)[i] = time;
    this.lengths[this.lengths.length - 1] = this.curLength;
  }

  private newChunk(): void {
    this.curClients = sharedInts(CHUNK);
    this.curDeals = sharedInts(CHUNK);
    this.curSeconds = sharedInts(CHUNK);
    this.curMs = undefined;
    this.curLength = 0;
    this.clients.push(this.curClients);
    this.deals.push(this.curDeals);
    this.times.push(this.curSeconds);
    this.lengths.push(0);
  }

  /** The current chunk's times in milliseconds, its first `filled` converted from seconds the first time. */
  private inMs(filled: number): Float64Array {
    if (this.curMs === undefined) {
      const ms = new Float64Array(new SharedArrayBuffer(8 * CHUNK));
      const seconds = this.curSeconds!;
      for (let j = 0; j < filled; j++) ms[j] = SECONDS_FROM + seconds[j]! * 1000;
      this.times[this.times.length - 1] = ms;
      this.curSeconds = undefined;
      this.curMs = ms;
    }
    return this.curMs;
  }

  /** Its chunks, in shared memory: another thread reads them where they are (this log adds no call afterwards). */
  data(): CallTimesData {
    return { clients: this.clients, deals: this.deals, times: this.times, lengths: this.lengths };
  }

  /** A log over another's chunks as they are (CallTimes.data()), to be asked calledBack() only. */
  static of(d: CallTimesData): CallTimes {
    const log = new CallTimes();
    log.clients = d.clients.map((c, k) => c.subarray(0, d.lengths[k]));
    log.deals = d.deals.map((c, k) => c.subarray(0, d.lengths[k]));
    log.times = d.times.map((c, k) => c.subarray(0, d.lengths[k]));
    log.lengths = [...d.lengths];
    return log;
  }

  /** Adopts another log's chunks, mapping their keys to this log's in place (-1 stays -1). */
  absorb(d: CallTimesData, mapClient: (k: number) => number, mapDeal: (k: number) => number): void {
    d.times.forEach((times, c) => {
      const n = d.lengths[c]!;
      const clients = d.clients[c]!;
      const deals = d.deals[c]!;
      for (let i = 0; i < n; i++) {
        if (clients[i]! >= 0) clients[i] = mapClient(clients[i]!);
        if (deals[i]! >= 0) deals[i] = mapDeal(deals[i]!);
      }
      // Adopted chunks go before a partly filled own chunk, which add() keeps filling; a partly
      // filled adopted chunk is cut to its length, so that add() never writes into it.
      const own = this.lengths.length;
      const at = own > 0 && this.lengths[own - 1]! < this.times[own - 1]!.length ? own - 1 : own;
      this.clients.splice(at, 0, clients.subarray(0, n));
      this.deals.splice(at, 0, deals.subarray(0, n));
      this.times.splice(at, 0, times.subarray(0, n));
      this.lengths.splice(at, 0, n);
    });
  }

  /**
   * Which missed calls were called back: 1 where an outgoing call to the same client, or of the
   * same deal (any of the deals it names), lies in [at, at + window]. Drops the log.
   */
  calledBack(missed: MissedCalls, window: number): Uint8Array {
    const back = new Uint8Array(missed.length);
    const byClient = new MissedByKey(missed.client, missed.at, missed.length, window, back);
    const byDeal = new MissedByKey(missed.deal, missed.at, missed.length, window, back);
    // A missed call's other deals as missed calls of their own, marked apart and then given to it.
    const also = missed.also !== undefined && missed.also.length > 0 ? missed.also : undefined;
    const alsoBack = also === undefined ? undefined : new Uint8Array(also.length);
    const byOther = also === undefined ? undefined : new MissedByKey(also.deal, Float64Array.from(also.of.subarray(0, also.length), (i) => missed.at[i]!), also.length, window, alsoBack!);
    this.lengths.forEach((n, c) => {
      const clients = this.clients[c]!;
      const deals = this.deals[c]!;
      const times = this.times[c]!;
      if (times instanceof Int32Array) {
        for (let i = 0; i < n; i++) {
          const t = SECONDS_FROM + times[i]! * 1000;
          byClient.mark(clients[i]!, t);
          byDeal.mark(deals[i]!, t);
          byOther?.mark(deals[i]!, t);
        }
      } else {
        for (let i = 0; i < n; i++) {
          byClient.mark(clients[i]!, times[i]!);
          byDeal.mark(deals[i]!, times[i]!);
          byOther?.mark(deals[i]!, times[i]!);
        }
      }
    });
    if (also !== undefined) for (let j = 0; j < also.length; j++) if (alsoBack![j] === 1) back[also.of[j]!] = 1;
    this.clients = [];
    this.deals = [];
    this.times = [];
    this.lengths = [];
    return back;
  }
}

/** The greatest of the first n keys (-1 when none is). */
function maxKey(keys: Int32Array, n: number): number {
  let max = -1;
  for (let i = 0; i < n; i++) if (keys[i]! > max) max = keys[i]!;
  return max;
}

/** Sets the bit of each of the first n keys that is one (not -1); how many were. */
function setBits(bits: Int32Array, keys: Int32Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k < 0) continue;
    bits[k >> 5]! |= 1 << (k & 31);
    total++;
  }
  return total;
}

/** How many bits are set below each word, and in all (the last entry). */
function ranksOf(bits: Int32Array): Int32Array {
  const ranks = new Int32Array(bits.length + 1);
  for (let w = 0; w < bits.length; w++) ranks[w + 1] = ranks[w]! + bitCount(bits[w]!);
  return ranks;
}

/**
 * Missed calls grouped by one key (client or deal), in time order within a key, for outgoing calls
 * to mark: a bitmap of the keys that have any (it stays in the cache, so that most outgoing calls
 * cost one bit test), then a binary search in the key's times. A key's group is found by its rank
 * among the keys that have missed calls (the set bits before it: a count per 32 keys, then the bits
 * of its own word), so that memory goes with the missed calls, not with the largest key (tables as
 * long as a million deals' keys were 12 MB, most of it never read). Each missed call is marked once:
 * marked ones are skipped by pointers to the next unmarked one, so that many calls to one busy
 * client cannot make the marking quadratic.
 */
class MissedByKey {
  private readonly bits: Int32Array;
  /** How many keys below word w's have missed calls. */
  private readonly ranks: Int32Array;
  /** The missed calls of the key of rank r are order[offsets[r], offsets[r + 1]), their times at[...] ascending. */
  private readonly offsets: Int32Array;
  private readonly order: Int32Array;
  private readonly at: Float64Array;
  /** For a position, the next position that may be unmarked (path-compressed). */
  private readonly next: Int32Array;

  constructor(
    keys: Int32Array,
    times: Float64Array,
    n: number,
    private readonly window: number,
    private readonly back: Uint8Array,
  ) {
    // Each loop is a function of its own: built twice, once, at the end of a run, one body with
    // every loop was optimised for one loop and thrown away at the next (eight times a run).
    this.bits = new Int32Array((maxKey(keys, n) >> 5) + 1);
    const total = setBits(this.bits, keys, n);
    this.ranks = ranksOf(this.bits);
    this.offsets = new Int32Array(this.ranks[this.bits.length]! + 1);
    this.countKeys(keys, n);
    this.order = new Int32Array(total);
    this.at = new Float64Array(total);
    this.place(keys, times, n);
    this.sortByTime(times);
    this.next = new Int32Array(total + 1);
    for (let j = 0; j <= total; j++) this.next[j] = j;
  }

  /** offsets[r + 1] = how many missed calls the key of rank r has, then summed into where each key's calls begin. */
  private countKeys(keys: Int32Array, n: number): void {
    const offsets = this.offsets;
    for (let i = 0; i < n; i++) if (keys[i]! >= 0) offsets[this.rank(keys[i]!) + 1]!++;
    for (let r = 1; r < offsets.length; r++) offsets[r]! += offsets[r - 1]!;
  }

  /**
   * Each missed call's position in its key's group, and its time beside it, read in order: sorting
   * then reads no time at a random place (times[order[j]] cost a cache miss a call).
   */
  private place(keys: Int32Array, times: Float64Array, n: number): void {
    const fill = this.offsets.slice(0, this.offsets.length - 1);
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (k < 0) continue;
      const j = fill[this.rank(k)]!++;
      this.order[j] = i;
      this.at[j] = times[i]!;
    }
  }

  /** The rank of key k among the keys with missed calls (k must be one). */
  private rank(k: number): number {
    const w = k >> 5;
    // The bits of the word below k's own: (1 << 31) - 1 wraps to the 31 low bits, as it should.
    return this.ranks[w]! + bitCount(this.bits[w]! & ((1 << (k & 31)) - 1));
  }

  /** Each key's missed calls by time, in place (most keys have a few: sorted without a native call each). */
  private sortByTime(times: Float64Array): void {
    const { order, at, offsets } = this;
    for (let k = 0; k + 1 < offsets.length; k++) {
      const from = offsets[k]!;
      const to = offsets[k + 1]!;
      if (to - from < 2) continue;
      if (to - from > 32) {
        order.subarray(from, to).sort((x, y) => times[x]! - times[y]!);
        for (let j = from; j < to; j++) at[j] = times[order[j]!]!;
        continue;
      }
      for (let j = from + 1; j < to; j++) {
        const idx = order[j]!;
        const t = at[j]!;
        let p = j - 1;
        while (p >= from && at[p]! > t) {
          at[p + 1] = at[p]!;
          order[p + 1] = order[p]!;
          p--;
        }
        at[p + 1] = t;
        order[p + 1] = idx;
      }
    }
  }

  /** An outgoing call with key k at time t: marks the missed calls of k with at <= t <= at + window. */
  mark(k: number, t: number): void {
    if (k < 0 || k >> 5 >= this.bits.length || (this.bits[k >> 5]! & (1 << (k & 31))) === 0) return;
    const r = this.rank(k);
    const end = this.offsets[r + 1]!;
    let lo = this.offsets[r]!;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! + this.window < t) lo = mid + 1;
      else hi = mid;
    }
    for (let j = this.skip(lo); j < end && this.at[j]! <= t; j = this.skip(j + 1)) {
      this.back[this.order[j]!] = 1;
      this.next[j] = j + 1;
    }
  }

  /** The first position from j on that is not marked yet. */
  private skip(j: number): number {
    let r = j;
    while (this.next[r] !== r) r = this.next[r]!;
    // Path compression: every position passed now points at r.
    while (this.next[j] !== r) {
      const up = this.next[j]!;
      this.next[j] = r;
      j = up;
    }
    return r;
  }
}

/** How many bits of a 32-bit word are set. */
function bitCount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
