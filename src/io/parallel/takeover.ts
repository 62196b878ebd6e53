import { promises as fs } from 'node:fs';

/**
 * The second half of a file split between two threads as it is read: the worker thread claims it
 * chunk by chunk, in order, and the main thread, once done with its own half, may take over the
 * chunks nobody has claimed yet (the later half of them, again and again). Parts of one file can
 * cost very differently (a call log may end with thousands of rows without a deal), so a split at
 * the middle byte alone can leave one thread waiting for the other.
 *
 * Both counters sit in one shared 32-bit word, `limit << 16 | next`, changed only by
 * compare-and-swap: the worker raises `next`, the main thread lowers `limit`, and neither can
 * overtake the other.
 */
export class TakeOver {
  private constructor(
    private readonly word: Int32Array,
    /** Where the second half starts, and the file's size. */
    readonly from: number,
    readonly size: number,
    readonly chunk: number,
  ) {}

  /** Claims over [from, size) in chunks of `chunk` bytes; undefined when there would be too many chunks to count. */
  static create(from: number, size: number, chunk: number): TakeOver | undefined {
    const chunks = Math.ceil((size - from) / chunk);
    if (chunks >= 0x7fff) return undefined;
    const word = new Int32Array(new SharedArrayBuffer(4));
    word[0] = chunks << 16;
    return new TakeOver(word, from, size, chunk);
  }

  /** The claims as plain data for the worker thread (the word stays shared). */
  data(): TakeOverData {
    return { word: this.word, from: this.from, size: this.size, chunk: this.chunk };
  }

  static from(d: TakeOverData): TakeOver {
    return new TakeOver(d.word, d.from, d.size, d.chunk);
  }

  /** Worker: the next chunk, now its own, or -1 when the rest was taken over. */
  claim(): number {
    for (;;) {
      const w = Atomics.load(this.word, 0);
      const next = w & 0xffff;
      if (next >= w >>> 16) return -1;
      if (Atomics.compareExchange(this.word, 0, w, w + 1) === w) return next;
    }
  }

  /** Main thread: takes over the later half of the unclaimed chunks (at least `min` must be left); the first chunk taken, or -1. */
  takeOver(min: number): number {
    for (;;) {
      const w = Atomics.load(this.word, 0);
      const next = w & 0xffff;
      const limit = w >>> 16;
      if (limit - next < min) return -1;
      const first = next + Math.ceil((limit - next) / 2);
      if (Atomics.compareExchange(this.word, 0, w, (first << 16) | next) === w) {
        Atomics.notify(this.word, 0);
        return first;
      }
    }
  }

  /** Worker (tests): waits up to `ms` for the main thread to take chunks over. */
  waitForTakeOver(ms: number): void {
    const w = Atomics.load(this.word, 0);
    if (w >>> 16 === Math.ceil((this.size - this.from) / this.chunk)) Atomics.wait(this.word, 0, w, ms);
  }

  /** The byte chunk k starts at. */
  start(k: number): number {
    return Math.min(this.size, this.from + k * this.chunk);
  }
}

/** What the worker thread is given of a TakeOver. */
export interface TakeOverData {
  word: Int32Array;
  from: number;
  size: number;
  chunk: number;
}

/**
 * Where the first line at or after byte `at` starts: after the first line feed from byte at - 1 on
 * (so `at` itself when a line ends just before it), or the file's end. Both threads find a boundary
 * this way and agree on it; whether it is a record boundary (not inside a quoted field) is checked
 * by the parser that stops there.
 */
export async function lineStart(handle: fs.FileHandle, at: number, size: number): Promise<number> {
  if (at <= 0) return 0;
  const window = Buffer.allocUnsafe(64 * 1024);
  for (let pos = at - 1; pos < size; pos += window.length) {
    const { bytesRead } = await handle.read(window, 0, Math.min(window.length, size - pos), pos);
    if (bytesRead === 0) break;
    const lf = window.subarray(0, bytesRead).indexOf(10);
    if (lf !== -1) return pos + lf + 1;
  }
  return size;
}

/**
 * The worker's reading of the second half: chunk after chunk as long as it can claim them, then up
 * to the start of the first line of the part taken over. `end` says where it stopped.
 */
export async function* claimedChunks(path: string, claims: TakeOver, waitForTakeOver: boolean, stop: { end: number }): AsyncGenerator<Buffer> {
  const handle = await fs.open(path, 'r');
  try {
    let pos = claims.from;
    // One buffer for every chunk: the reader copies what it keeps (see fileChunks).
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(claims.chunk, claims.size - claims.from)));
    for (;;) {
      const k = claims.claim();
      if (k === -1) break;
      const end = claims.start(k + 1);
      const buf = chunk.subarray(0, end - pos);
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      pos += bytesRead;
      if (bytesRead > 0) yield buf.subarray(0, bytesRead);
      if (bytesRead < buf.length) {
        stop.end = pos;
        return;
      }
      if (waitForTakeOver && k === 0) claims.waitForTakeOver(10_000);
    }
    // The rest was taken over from a chunk boundary: read on to the line start where it begins.
    const end = await lineStart(handle, pos, claims.size);
    if (end > pos) {
      const buf = Buffer.allocUnsafe(end - pos);
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      if (bytesRead > 0) yield buf.subarray(0, bytesRead);
      pos += bytesRead;
    }
    stop.end = pos;
  } finally {
    await handle.close();
  }
}
