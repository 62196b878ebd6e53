import { canonicalWhole, DenseIds, type DenseIdsData } from './dense-ids.js';

const encoder = new TextEncoder();
/** How many keys' slots are read ahead of their lookups (touch). */
const TOUCH_AHEAD = 64;
const utf8 = new TextDecoder('utf-8');

/** The contents of a ByteKeys, to copy it to a worker thread. */
export interface ByteKeysData {
  arena: Uint8Array;
  starts: Int32Array;
  table: Int32Array;
  size: number;
  /** The index by value that replaced the table (indexByValue()); null when one was tried and the keys had none. */
  byValue?: DenseIdsData | null;
}

/** A ByteKeys's arrays lent, with room, to another thread that adds keys while the owner does not touch them (lend()). */
export interface ByteKeysLoan extends ByteKeysData {
  /** Bytes of the arena in use. */
  used: number;
}

/**
 * Interns byte strings to dense integers (0, 1, 2, … in order of first sight) in one arena and an
 * open-addressing hash table. A million deal ids take about 25 MB here against about 100 MB as
 * JavaScript strings in a Map, and a key can be looked up straight from the bytes of an export,
 * without making a string. Text keys are stored as UTF-8, so a text lookup and a byte lookup of the
 * same UTF-8 bytes agree.
 */
export class ByteKeys {
  private arena: Uint8Array = new Uint8Array(1 << 16);
  /** The arena as a DataView (equalsWithout), made again whenever the arena is (useArena). */
  private arenaView: DataView = new DataView(this.arena.buffer);
  private used = 0;
  /** Key i occupies arena[starts[i], starts[i + 1]). */
  private starts: Int32Array = new Int32Array(1025);
  /**
   * Two ints per slot: the key's hash, then its index + 1 (0 for an empty slot). The hash sits next
   * to the index so that a probe reads one cache line before it looks at any key's bytes.
   */
  private table: Int32Array = new Int32Array(4096);
  private mask = 2047;
  private scratch = new Uint8Array(256);
  size = 0;

  /** The hash of the last find, reused when the key is then added. */
  private lastHash = 0;
  /** Whether its arrays live in shared memory (and grow into shared memory). */
  private inSharedMemory = false;
  /**
   * Keys 0 to base - 1 are another thread's, read in shared memory where that thread left them
   * (layered()); this one's own keys follow, in its own arrays (indexed from base as well).
   */
  private frozen: ByteKeys | undefined;
  private base = 0;

  /**
   * Whole-number keys by value, in place of the hash table (indexByValue(), or from the first key
   * with `byValue`); null when tried and the keys are not such, undefined when not tried.
   */
  private byValue: DenseIds | null | undefined;

  /**
   * `byValue`: the keys are indexed by value from the first (DenseIds) for as long as each is a
   * canonical whole number close to the others (deal ids); the first that is not brings the hash
   * table in. Adding a million deal ids in order then writes one slot each where the table cost a
   * cache miss per id.
   */
  constructor(byValue = false) {
    if (byValue) this.useIndexByValue();
  }

  private useIndexByValue(): void {
    this.byValue = DenseIds.empty(this.inSharedMemory);
    this.table = new Int32Array(0);
    this.mask = -1;
  }

  /** Whether the keys are indexed by value (no hash table: find() needs no hash). */
  get indexedByValue(): boolean {
    return !!this.byValue;
  }

  /** Its contents (trimmed copies), to rebuild it elsewhere with ByteKeys.from. */
  data(): ByteKeysData {
    return { arena: this.arena.slice(0, this.used), starts: this.starts.slice(0, this.size + 1), table: this.table.slice(), size: this.size, ...this.byValueData(true) };
  }

  /** Its contents as they are (views, no copy), to move to another thread: it is not used afterwards. */
  release(): ByteKeysData {
    return { arena: this.arena.subarray(0, this.used), starts: this.starts.subarray(0, this.size + 1), table: this.table, size: this.size, ...this.byValueData() };
  }

  /** The index by value as data (its index as it is, or a copy). */
  private byValueData(copy = false): { byValue?: DenseIdsData | null } {
    if (this.byValue === undefined) return {};
    const d = this.byValue && this.byValue.data();
    return { byValue: d && copy ? { ...d, index: d.index.slice() } : d };
  }

  /**
   * Replaces the hash table by an index by value when every key is a plain whole number and they
   * lie close together (DenseIds: amoCRM, Bitrix24, Pipedrive, most CRMs' deal ids), once all keys
   * are in. A lookup then reads one slot of the index instead of probing the table, which costs a
   * cache miss per lookup on a million keys, and the index (4 bytes a value in the range) replaces
   * a table of 16 bytes a key: on the benchmark's million deals, 16 MB less at the run's peak.
   * Adding a key afterwards makes the table again. Tried once; in shared memory when its arrays are.
   */
  indexByValue(): void {
    // Indexed so from the first key: the room left for ids that never came is given back.
    if (this.byValue) this.byValue = this.byValue.trimmed();
    if (this.byValue !== undefined || this.frozen !== undefined) return;
    this.byValue = DenseIds.build(this, this.inSharedMemory) ?? null;
    if (this.byValue) {
      this.table = new Int32Array(0);
      this.mask = -1;
    }
  }

  /** Makes the hash table again after indexByValue(), before a key is added. */
  private hashAgain(): void {
    this.byValue = undefined;
    const slots = slotsFor(this.size - this.base, 2048);
    this.table = this.intsOf(2 * slots);
    this.mask = slots - 1;
    for (let k = this.base; k < this.size; k++) place(this.table, this.mask, k, hashBytes(this.arena, this.starts[k]!, this.starts[k + 1]!));
  }

  /**
   * Moves its contents into shared memory (SharedArrayBuffer) and returns them: another thread can
   * then read the same keys without a copy. Only for a ByteKeys that no thread adds to any more
   * while the other reads it (an added key would reallocate, and the other would not see it).
   */
  share(): ByteKeysData {
    if (!this.inSharedMemory) {
      this.useArena(shared(this.arena.subarray(0, this.used), Uint8Array));
      this.starts = shared(this.starts.subarray(0, this.size + 1), Int32Array);
      this.table = shared(this.table, Int32Array);
    }
    if (this.byValue && !(this.byValue.data().index.buffer instanceof SharedArrayBuffer)) this.byValue = DenseIds.from(this.byValue.data(), true);
    return { arena: this.arena.subarray(0, this.used), starts: this.starts.subarray(0, this.size + 1), table: this.table, size: this.size, ...this.byValueData() };
  }

  /**
   * Keeps its arrays in shared memory from now on, so that share() has nothing to copy (a million
   * deal ids are about 27 MB). Call it while it is still small: its present arrays are copied once.
   */
  useSharedMemory(): void {
    if (this.inSharedMemory) return;
    this.useArena(shared(this.arena, Uint8Array));
    this.starts = shared(this.starts, Int32Array);
    this.table = shared(this.table, Int32Array);
    if (this.byValue) this.byValue = DenseIds.from(this.byValue.data(), true);
    this.inSharedMemory = true;
  }

  private useArena(arena: Uint8Array): void {
    this.arena = arena;
    this.arenaView = new DataView(arena.buffer, arena.byteOffset, arena.byteLength);
  }

  private bytesOf(n: number): Uint8Array {
    return this.inSharedMemory ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n);
  }

  private intsOf(n: number): Int32Array {
    return this.inSharedMemory ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
  }

  /**
   * A copy of the keys from `from` on, as one arena and their starts from 0 (key from + i is
   * arena[starts[i], starts[i + 1])): one object to send to another thread, not one per key.
   */
  keysFrom(from: number): { arena: Uint8Array; starts: Int32Array } {
    const base = this.starts[from]!;
    const starts = this.starts.slice(from, this.size + 1);
    for (let i = 0; i < starts.length; i++) starts[i]! -= base;
    return { arena: this.arena.slice(base, this.used), starts };
  }

  /**
   * Its arrays as they are, for another thread to add keys to (ByteKeys.borrow) while this one does
   * not touch them; settle() then takes the keys added. Only arrays in shared memory are seen by
   * both threads, and only added keys that fit the room made by reserve() (borrowed() says so).
   */
  lend(): ByteKeysLoan {
    return { arena: this.arena, starts: this.starts, table: this.table, size: this.size, used: this.used, ...this.byValueData() };
  }

  /** A ByteKeys over lent arrays (see lend()); arrays that must grow grow into shared memory when the lent ones are there. */
  static borrow(loan: ByteKeysLoan): ByteKeys {
    const k = ByteKeys.from(loan);
    k.used = loan.used;
    k.inSharedMemory = loan.arena.buffer instanceof SharedArrayBuffer;
    return k;
  }

  /** Takes the keys another thread added to its lent arrays, in the arrays it ended with (lend() there: they grew in shared memory). */
  adopt(loan: ByteKeysLoan): void {
    this.useArena(loan.arena);
    this.starts = loan.starts;
    this.table = loan.table;
    this.mask = loan.table.length / 2 - 1;
    this.settle(loan.size, loan.used);
  }

  /** About `count` of its keys, evenly spread, as one arena (key i of the sample is arena[starts[i], starts[i + 1])). */
  sample(count: number): { arena: Uint8Array; starts: Int32Array } {
    const step = Math.max(1, Math.floor((this.size - this.base) / count));
    const picked: number[] = [];
    for (let k = this.base; k < this.size; k += step) picked.push(k);
    const starts = new Int32Array(picked.length + 1);
    picked.forEach((k, i) => (starts[i + 1] = starts[i]! + this.starts[k + 1]! - this.starts[k]!));
    const arena = new Uint8Array(starts[picked.length]!);
    picked.forEach((k, i) => arena.set(this.arena.subarray(this.starts[k]!, this.starts[k + 1]!), starts[i]!));
    return { arena, starts };
  }

  /** Whether the keys added to a borrowed ByteKeys are in the lent arrays (none had to grow). */
  kept(loan: ByteKeysLoan): boolean {
    return this.arena === loan.arena && this.starts === loan.starts && this.table === loan.table && (this.byValue ? this.byValue.data().index : undefined) === (loan.byValue ? loan.byValue.index : undefined);
  }

  /** Takes the keys another thread added to its lent arrays: there are now `size` keys in `used` bytes. */
  settle(size: number, used: number): void {
    this.size = size;
    this.used = used;
  }

  /** Its arena and key starts as they are, to read (never to change): key i is arena[starts[i], starts[i + 1]). */
  view(): { arena: Uint8Array; starts: Int32Array } {
    return { arena: this.arena, starts: this.starts };
  }

  /**
   * A ByteKeys whose first keys are another thread's, read where they are in shared memory (no
   * copy), with its own keys added after them. That thread may keep adding keys to its own arrays
   * meanwhile: they are never these (a lookup here takes only the first d.size of theirs, whose
   * slots and bytes never change; a slot it fills later only lengthens a probe, and its table or
   * arena, when they grow, are new arrays).
   */
  static layered(d: ByteKeysData): ByteKeys {
    const k = new ByteKeys();
    k.frozen = ByteKeys.from(d);
    k.base = d.size;
    k.size = d.size;
    // Indexed from base: the entries below it are never written, so they take no memory.
    k.starts = new Int32Array(d.size + 1025);
    return k;
  }

  /** A ByteKeys over the given contents, adopted as they are (they grow when keys are added). */
  static from(d: ByteKeysData): ByteKeys {
    const k = new ByteKeys();
    k.useArena(d.arena);
    k.used = d.arena.length;
    k.starts = d.starts;
    k.table = d.table;
    k.mask = d.table.length / 2 - 1;
    k.size = d.size;
    if (d.byValue !== undefined) k.byValue = d.byValue && DenseIds.from(d.byValue);
    return k;
  }

  /**
   * Whether key i is the bytes buf[start, end), none of them `a` or `b` (-1 excludes nothing). A key
   * of the other thread's layer is read from its arrays here, not by calling this on that layer: a
   * call of a method to itself is never inlined, and on the worker, where nearly every deal's client
   * is in that layer, the two calls a check took were its costliest function (260 ms of 2 s).
   * Compared four bytes at a time, the excluded bytes looked for in each four at once (see
   * hasZeroByte); byte by byte, this loop was most of clientOf, the reader's costliest check.
   */
  equalsWithout(i: number, buf: Uint8Array, start: number, end: number, a: number, b: number): boolean {
    const layer = i < this.base ? this.frozen! : this;
    const starts = layer.starts;
    const s = starts[i]!;
    const len = end - start;
    if (starts[i + 1]! - s !== len) return false;
    if (buf !== this.cellBuf) this.readCellsOf(buf);
    const mine = layer.arenaView;
    const theirs = this.cellView;
    // One excluded byte given is both (a: the one given): -1 for both excludes nothing.
    const x = a >= 0 ? a : b;
    const y = b >= 0 ? b : a;
    let j = 0;
    if (x < 0) {
      for (; j + 4 <= len; j += 4) if (mine.getInt32(s + j, true) !== theirs.getInt32(start + j, true)) return false;
    } else {
      const xs = Math.imul(x, 0x01010101);
      const ys = Math.imul(y, 0x01010101);
      for (; j + 4 <= len; j += 4) {
        const w = theirs.getInt32(start + j, true);
        if (mine.getInt32(s + j, true) !== w || hasZeroByte(w ^ xs) || hasZeroByte(w ^ ys)) return false;
      }
    }
    const arena = layer.arena;
    for (; j < len; j++) {
      const c = buf[start + j]!;
      if (arena[s + j] !== c || c === a || c === b) return false;
    }
    return true;
  }

  /** The buffer of the cells compared last (equalsWithout), and a view of it to read four bytes at a time (one per buffer: rows share a chunk's). */
  private cellBuf: Uint8Array | undefined;
  private cellView: DataView = new DataView(new ArrayBuffer(0));

  private readCellsOf(buf: Uint8Array): void {
    this.cellBuf = buf;
    this.cellView = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Whether key i is the bytes buf[start, end) (equalsWithout with no byte excluded: no byte is -1). */
  equals(i: number, buf: Uint8Array, start: number, end: number): boolean {
    return this.equalsWithout(i, buf, start, end, -1, -1);
  }

  /** The bytes of key i (a view). */
  bytes(i: number): Uint8Array {
    if (i < this.base) return this.frozen!.bytes(i);
    return this.arena.subarray(this.starts[i], this.starts[i + 1]);
  }

  /** The index of the bytes buf[start, end), or -1. */
  find(buf: Uint8Array, start: number, end: number): number {
    // With the index by value in place of the table, findHashed looks there and needs no hash.
    return this.findHashed(buf, start, end, this.byValue ? 0 : hashBytes(buf, start, end));
  }

  /** find() for bytes whose hashBytes() is known to be h. */
  findHashed(buf: Uint8Array, start: number, end: number, h: number, below = Infinity): number {
    if (this.byValue) {
      // Every key is a canonical whole number: bytes that are not one (-2) equal none of them.
      const k = this.byValue.find(buf, start, end);
      return k >= 0 && k < below ? k : -1;
    }
    if (this.frozen !== undefined) {
      const k = this.frozen.findHashed(buf, start, end, h, this.base);
      if (k >= 0) return k;
    }
    this.lastHash = h;
    const table = this.table;
    const mask = this.mask;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const k = table[2 * slot + 1]! - 1;
      if (k < 0) return -1;
      // A key the owner added after the layer was made (layered()) is not one of the layer's.
      if (table[2 * slot] !== h || k >= below) continue;
      const s = this.starts[k]!;
      if (this.starts[k + 1]! - s !== len) continue;
      let i = 0;
      while (i < len && this.arena[s + i] === buf[start + i]) i++;
      if (i === len) return k;
    }
  }

  /**
   * Reads the first slot of each of the hashes[from, to): independent reads that the processor runs side by side, so
   * that the lookups of these keys that follow find their slots in the cache instead of waiting for
   * memory one at a time (a table of a million keys is 16 MB).
   */
  touch(hashes: Int32Array, from: number, to: number): void {
    if (this.byValue) return;
    // A layer's keys are mostly the other's (a worker thread's clients are mostly the deals').
    this.frozen?.touch(hashes, from, to);
    const table = this.table;
    const mask = this.mask;
    let seen = 0;
    for (let i = from; i < to; i++) seen |= table[2 * (hashes[i]! & mask) + 1]!;
    this.touched = seen;
  }

  /** What touch() read last (kept, so that its reads are not left out as unused). */
  private touched = 0;

  /**
   * After touch(): reads the first byte of the key in each of the hashes[from, to)'s first slot when
   * that key has the same hash (the one its lookup compares), again side by side.
   */
  touchKeys(hashes: Int32Array, from: number, to: number): void {
    if (this.byValue) return;
    if (this.frozen !== undefined) return this.frozen.touchKeys(hashes, from, to);
    const { table, mask, starts, arena } = this;
    let seen = 0;
    for (let i = from; i < to; i++) {
      const slot = hashes[i]! & mask;
      const k = table[2 * slot + 1]! - 1;
      // A key the owner added after a layer was made over this table (layered()) is past its arrays.
      if (k >= 0 && k < this.size && table[2 * slot] === hashes[i]) seen |= arena[starts[k]!]!;
    }
    this.touched |= seen;
  }

  /**
   * Interns another's keys in their order: their key i is the returned [i] here (added when new).
   * Hashes come from their table, and each key's slot is read a few keys ahead (touch); indexed by
   * value, none is needed until the index gives way.
   */
  internAll(theirs: ByteKeysData): Int32Array {
    return this.internKeys(theirs.arena, theirs.starts, () => ByteKeys.hashes(theirs));
  }

  /** internAll() for keys given as an arena alone (key i is arena[starts[i], starts[i + 1])): hashed here. */
  internEach(arena: Uint8Array, starts: Int32Array): Int32Array {
    return this.internKeys(arena, starts, () => {
      const hashes = new Int32Array(starts.length - 1);
      for (let i = 0; i < hashes.length; i++) hashes[i] = hashBytes(arena, starts[i]!, starts[i + 1]!);
      return hashes;
    });
  }

  private internKeys(arena: Uint8Array, starts: Int32Array, hashesOf: () => Int32Array): Int32Array {
    const keys = new Int32Array(starts.length - 1);
    let hashes: Int32Array | undefined;
    for (let i = 0; i < keys.length; i++) {
      if (!this.byValue) {
        hashes ??= hashesOf();
        if (i % TOUCH_AHEAD === 0) {
          const to = Math.min(i + TOUCH_AHEAD, keys.length);
          this.touch(hashes, i, to);
          this.touchKeys(hashes, i, to);
        }
      }
      keys[i] = this.internHashed(arena, starts[i]!, starts[i + 1]!, hashes ? hashes[i]! : 0);
    }
    return keys;
  }

  /** The index of the bytes buf[start, end), added when new. */
  intern(buf: Uint8Array, start: number, end: number): number {
    const found = this.find(buf, start, end);
    return found >= 0 ? found : this.append(buf, start, end, this.lastHash);
  }

  /** intern() for bytes whose hashBytes() is known to be h. */
  internHashed(buf: Uint8Array, start: number, end: number, h: number): number {
    const found = this.findHashed(buf, start, end, h);
    return found >= 0 ? found : this.append(buf, start, end, h);
  }

  /** Adds the bytes of the last find(), which found nothing (its hash is reused); returns the new index. */
  addMissing(buf: Uint8Array, start: number, end: number): number {
    return this.append(buf, start, end, this.lastHash);
  }

  /** The hash of every key of some contents, by index (read off their table: nothing is hashed again). */
  static hashes(d: ByteKeysData): Int32Array {
    const out = new Int32Array(d.size);
    if (d.byValue) {
      for (let i = 0; i < d.size; i++) out[i] = hashBytes(d.arena, d.starts[i]!, d.starts[i + 1]!);
      return out;
    }
    for (let j = 0; j < d.table.length; j += 2) if (d.table[j + 1] !== 0) out[d.table[j + 1]! - 1] = d.table[j]!;
    return out;
  }

  /** The index of a text key (as UTF-8), or -1. */
  findText(text: string): number {
    const n = this.encode(text);
    return this.find(this.scratch, 0, n);
  }

  /** The index of a text key (as UTF-8), added when new. */
  internText(text: string): number {
    const n = this.encode(text);
    return this.intern(this.scratch, 0, n);
  }

  /** Key i as text. */
  text(i: number): string {
    if (i < this.base) return this.frozen!.text(i);
    return utf8.decode(this.arena.subarray(this.starts[i], this.starts[i + 1]));
  }

  private encode(text: string): number {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(text.length * 3);
    return encoder.encodeInto(text, this.scratch).written;
  }

  private append(buf: Uint8Array, start: number, end: number, hash: number): number {
    let h = hash;
    const v = this.byValue ? canonicalWhole(buf, start, end) : -1;
    if (this.byValue && !(v >= 0 && this.byValue.add(v, this.size, this.size + 1))) {
      this.hashAgain();
      // find() did not hash the bytes while the index stood in for the table.
      h = hashBytes(buf, start, end);
    }
    const len = end - start;
    const k = this.size;
    if (this.used + len > this.arena.length) {
      const next = this.bytesOf(Math.max(this.arena.length * 2, this.used + len));
      next.set(this.arena.subarray(0, this.used));
      this.useArena(next);
    }
    const arena = this.arena;
    if (len < 64) for (let i = 0; i < len; i++) arena[this.used + i] = buf[start + i]!;
    else arena.set(buf.subarray(start, end), this.used);
    if (k + 1 >= this.starts.length) {
      const s = this.intsOf(Math.max(1024, this.starts.length * 2) + 1);
      s.set(this.starts.subarray(this.base, k + 1), this.base);
      this.starts = s;
    }
    this.starts[k] = this.used;
    this.used += len;
    this.starts[k + 1] = this.used;
    this.size = k + 1;
    if (this.byValue) return k;
    // At most three quarters of the slots in use (the hash beside each index keeps probes cheap).
    // The table holds this one's own keys only: a layer's keys below base are in the other's table.
    if ((this.size - this.base) * 4 > (this.mask + 1) * 3) this.rehash();
    place(this.table, this.mask, k, h);
    return k;
  }

  /**
   * Before another store's keys are added through lend(), `count` keys in all then: indexed by
   * value, makes room in the index for them when they are whole numbers in `range`, and otherwise
   * (no range: they may be any bytes; or too far from these keys) brings the hash table back, so
   * that adding them moves no array another thread was lent and leaves the index as the owner sees it.
   */
  expectKeys(range: { min: number; max: number } | undefined, count: number): void {
    if (this.byValue && !(range && this.byValue.cover(range.min, range.max, count))) this.hashAgain();
  }

  /**
   * Makes room for `size` keys in all, of `bytes` more bytes, so that adding them grows nothing.
   * `room`: when `size` is an estimate, how many keys there may be, for the arrays that take memory
   * only where written (the key starts, an index by value); the table is sized for `size`.
   */
  reserve(size: number, bytes = 0, room = size): void {
    if (this.byValue) this.byValue.expected = room - this.size;
    // One table of the final size: doubling up to it made and dropped a table per step (a million
    // keys: 4, 8, 16 MB…), and each dropped block left the C library keeping larger ones resident.
    if (!this.byValue) {
      const slots = slotsFor(size, this.mask + 1);
      if (slots > this.mask + 1) this.rehash(slots);
    }
    if (room + 1 > this.starts.length) {
      const s = this.intsOf(room + 1);
      s.set(this.starts.subarray(this.base, this.size + 1), this.base);
      this.starts = s;
    }
    if (this.used + bytes > this.arena.length) {
      const a = this.bytesOf(this.used + bytes);
      a.set(this.arena.subarray(0, this.used));
      this.useArena(a);
    }
  }

  private rehash(slots = (this.mask + 1) * 2): void {
    const old = this.table;
    this.table = this.intsOf(2 * slots);
    this.mask = this.table.length / 2 - 1;
    for (let j = 0; j < old.length; j += 2) if (old[j + 1] !== 0) place(this.table, this.mask, old[j + 1]! - 1, old[j]!);
  }
}

/** The slots of a table for `keys` keys, at least `from` and doubled from it: at most three quarters in use. */
function slotsFor(keys: number, from: number): number {
  let slots = from;
  while (keys * 4 > slots * 3) slots *= 2;
  return slots;
}

function place(table: Int32Array, mask: number, k: number, h: number): void {
  let slot = h & mask;
  while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
  table[2 * slot] = h;
  table[2 * slot + 1] = k + 1;
}

/** A copy of a typed array in shared memory. */
export function shared<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(a: T, Type: { new (buffer: SharedArrayBuffer): T }): T {
  const out = new Type(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/** Whether any of the four bytes of v is zero (exact; v ^ (c * 0x01010101): whether any is c). */
function hasZeroByte(v: number): boolean {
  return ((v - 0x01010101) & ~v & 0x80808080) !== 0;
}

/** FNV-1a over the bytes, with a final mix so that the low bits (the slot) depend on every byte. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
