import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFloat64, sortNumbers } from '../../../src/core/kpi/stats.js';

/** The bits of each double, so that -0 and 0 (and NaNs) are told apart. */
const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));

describe('sortFloat64 (radix sort)', () => {
  const value = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 1, -1),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.integer({ min: 0, max: 3 }).map((k) => k * 0.25),
  );

  it('orders exactly as Float64Array.prototype.sort, bit for bit, at every size', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(value, { maxLength: 600 }), fc.array(value, { minLength: 20_000, maxLength: 25_000 })), (values) => {
        const ours = sortFloat64(Float64Array.from(values));
        const native = Float64Array.from(values).sort();
        expect(bits(ours)).toEqual(bits(native));
      }),
      { numRuns: 60 },
    );
  });

  it('sorts a view in place without touching the values around it', () => {
    const all = Float64Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 1000 - 500);
    const before = all.slice();
    const view = all.subarray(100, 29_900);
    sortFloat64(view);
    expect(bits(view)).toEqual(bits(before.subarray(100, 29_900).slice().sort()));
    expect(bits(all.subarray(0, 100))).toEqual(bits(before.subarray(0, 100)));
    expect(bits(all.subarray(29_900))).toEqual(bits(before.subarray(29_900)));
  });

  it('sortNumbers gives the same typed array as a native sort', () => {
    const values = Array.from({ length: 25_000 }, (_, i) => ((i * 104729) % 9973) / 7 - 700);
    expect(Array.from(sortNumbers(values))).toEqual(Array.from(Float64Array.from(values).sort()));
  });
});
