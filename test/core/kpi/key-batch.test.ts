import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../../src/core/kpi/byte-keys.js';
import { KeyBatch } from '../../../src/core/kpi/key-batch.js';

/** Interns keys (some by bytes, some by text) through a KeyBatch, placing every other one; returns what was written where. */
function throughBatch(keys: readonly string[], into: ByteKeys): { written: Map<number, number>; placeholders: number[] } {
  const written = new Map<number, number>();
  const batch = new KeyBatch(
    () => into,
    (at, key) => {
      expect(written.has(at)).toBe(false);
      written.set(at, key);
    },
  );
  const placeholders = keys.map((k, i) => {
    const bytes = Buffer.from(`<${k}>`, 'utf8');
    const n = i % 3 === 0 ? batch.internText(k) : batch.intern(bytes, 1, bytes.length - 1);
    expect(n).toBeGreaterThanOrEqual(KeyBatch.LATER);
    // Every other key is placed (a merged row's client is never placed, and is interned all the same).
    if (i % 2 === 0) batch.place(n, i);
    return n;
  });
  batch.flush();
  return { written, placeholders };
}

describe('KeyBatch', () => {
  it('gives every key the number interning them one by one gives, and writes the placed ones where they were placed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 400 }).map((n) => `Клиент ${n}`)), { maxLength: 1500 }), (keys) => {
        const one = new ByteKeys();
        one.internText('');
        const expected = keys.map((k) => one.internText(k));
        const batched = new ByteKeys();
        batched.internText('');
        const { written } = throughBatch(keys, batched);
        expect(batched.size).toBe(one.size);
        for (let k = 0; k < one.size; k++) expect(batched.text(k)).toBe(one.text(k));
        expect([...written.keys()].sort((a, b) => a - b)).toEqual(keys.flatMap((_, i) => (i % 2 === 0 ? [i] : [])));
        for (const [at, key] of written) expect(key).toBe(expected[at]);
      }),
      { numRuns: 40 },
    );
  });

  it('holds no key between flushes longer than a batch: a full batch is interned before the next key is held', () => {
    const keys = new ByteKeys();
    const batch = new KeyBatch(
      () => keys,
      () => {},
    );
    for (let i = 0; i < 300; i++) batch.internText(`k${i}`);
    // Two full batches of 128 are in; the last 44 wait for flush().
    expect(keys.size).toBe(256);
    batch.flush();
    expect(keys.size).toBe(300);
    expect(keys.findText('k299')).toBe(299);
    batch.flush();
    expect(keys.size).toBe(300);
  });

  it('takes keys longer than its arena, and a key already a number is placed nowhere', () => {
    const keys = new ByteKeys();
    const seen: Array<[number, number]> = [];
    const batch = new KeyBatch(
      () => keys,
      (at, key) => seen.push([at, key]),
    );
    // Text is encoded where the key is held: a key of 10,000 UTF-8 bytes grows the arena of 4,096.
    const long = 'д'.repeat(5000);
    const n = batch.internText(long);
    batch.place(n, 7);
    batch.place(3, 8);
    batch.flush();
    expect(seen).toEqual([[7, 0]]);
    expect(keys.text(0)).toBe(long);
  });
});
