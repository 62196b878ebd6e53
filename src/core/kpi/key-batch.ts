import { hashBytes, type ByteKeys } from './byte-keys.js';

/** Keys held before they are interned together (the slots of so many are read at once: 128 measured faster than 32). */
const BATCH = 128;

/** What takes keys to intern: a ByteKeys (at once), or a KeyBatch (later, in order). */
export interface KeySink {
  /** The key of the bytes buf[start, end) (from a KeyBatch: a placeholder, see KeyBatch). */
  intern(buf: Uint8Array, start: number, end: number): number;
  /** The key of a text (as UTF-8). */
  internText(text: string): number;
}

const encoder = new TextEncoder();

/**
 * Interns keys into a ByteKeys in batches, in the order they came, so that they get the numbers
 * interning them one by one gives. A large table's lookup waits for memory (cache misses per key:
 * about a third of the time reading the benchmark's million deals took, in a CPU profile): held until a batch
 * is full, the keys are hashed, the slots of all of them read side by side, then each key's first
 * candidate's bytes, and only then interned, in half the time.
 *
 * intern() returns a placeholder (LATER + its place in the batch); the caller stores it where the
 * key goes and says where with place(); flush() writes each key there (a placeholder never placed,
 * a row merged into an earlier one, is interned all the same: the numbering stays the same).
 */
export class KeyBatch implements KeySink {
  /**
   * Placeholders are LATER and up (a key is never that many: the table's starts alone would take
   * 4 GB). Below 2^30 with the batch, so that V8 keeps each one a small integer: at 2^31 every
   * placeholder was a new heap number (8-10 MB of each thread's garbage on the benchmark).
   */
  static readonly LATER = 0x3ff0_0000;
  /** How many keys a batch holds before it is interned (the next key interns it first). */
  static readonly SIZE = BATCH;
  private arena = new Uint8Array(BATCH * 32);
  private readonly starts = new Int32Array(BATCH + 1);
  private readonly hashes = new Int32Array(BATCH);
  private readonly places = new Int32Array(BATCH).fill(-1);
  private count = 0;
  private used = 0;

  /** `keys`: the table interned into (read when flushed); `write(at, key)`: where a placed key goes. */
  constructor(
    private readonly keys: () => ByteKeys,
    private readonly write: (at: number, key: number) => void,
  ) {}

  intern(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    this.makeRoom(len);
    const arena = this.arena;
    for (let i = 0; i < len; i++) arena[this.used + i] = buf[start + i]!;
    return this.held(len);
  }

  internText(text: string): number {
    // At most three bytes of UTF-8 a UTF-16 unit, written where the key is held.
    this.makeRoom(3 * text.length);
    return this.held(encoder.encodeInto(text, this.arena.subarray(this.used)).written);
  }

  /** Room for one more key of up to `len` bytes (a full batch is interned first). */
  private makeRoom(len: number): void {
    if (this.count === BATCH) this.flush();
    if (this.used + len <= this.arena.length) return;
    const next = new Uint8Array(Math.max(2 * this.arena.length, this.used + len));
    next.set(this.arena.subarray(0, this.used));
    this.arena = next;
  }

  /** Holds the `len` bytes just written at the arena's end as the next key; its placeholder. */
  private held(len: number): number {
    this.used += len;
    this.starts[++this.count] = this.used;
    return KeyBatch.LATER + this.count - 1;
  }

  /** Says where the key of a placeholder goes (anything else is a key already, and is ignored). */
  place(n: number, at: number): void {
    if (n >= KeyBatch.LATER) this.places[n - KeyBatch.LATER] = at;
  }

  /** Interns the keys held, in their order, and writes each placed one where it goes. */
  flush(): void {
    const n = this.count;
    if (n === 0) return;
    const keys = this.keys();
    const { arena, starts, hashes, places } = this;
    for (let j = 0; j < n; j++) hashes[j] = hashBytes(arena, starts[j]!, starts[j + 1]!);
    // The slots, then the bytes of the key each holds: independent reads the processor overlaps.
    keys.touch(hashes, 0, n);
    keys.touchKeys(hashes, 0, n);
    for (let j = 0; j < n; j++) {
      const key = keys.internHashed(arena, starts[j]!, starts[j + 1]!, hashes[j]!);
      if (places[j]! >= 0) this.write(places[j]!, key);
      places[j] = -1;
    }
    this.count = 0;
    this.used = 0;
  }
}
