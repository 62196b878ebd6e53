import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median } from '../../../src/core/kpi/stats.js';
import { FloatList } from '../../../src/core/kpi/time-index.js';

const list = (values: number[]) => {
  const l = new FloatList(1);
  for (const v of values) l.push(v);
  return l;
};

describe('FloatList.union: several lists read as one sorted list', () => {
  // Finite values (cycles in days, responses in minutes never are NaN), many of them equal.
  const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 5 }).map((k) => k / 3));

  it('gives the median and the mean of the values sorted together, to the last bit', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 40 }), { maxLength: 12 }), (lists) => {
        const all = Float64Array.from(lists.flat()).sort();
        const union = FloatList.union(lists.map(list));
        expect(union.length).toBe(all.length);
        // === rather than Object.is: a -0 and a 0 are equal in the order, and print alike.
        expect(union.median() === median(all)).toBe(true);
        expect(union.mean()).toBe(mean(all));
      }),
      { numRuns: 300 },
    );
  });

  it('has no median and no mean without values, and leaves each list sorted', () => {
    expect(FloatList.union([]).median()).toBeNull();
    expect(FloatList.union([list([]), list([])]).mean()).toBeNull();
    const a = list([3, 1, 2]);
    expect(FloatList.union([a, list([0.5])]).median()).toBe(1.5);
    expect(Array.from(a.sorted())).toEqual([1, 2, 3]);
  });

  it('reads large lists as the sum of the sorted whole would (a million values in 50 lists)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const lists = Array.from({ length: 50 }, () => list(Array.from({ length: 20_000 }, () => Math.floor(next() * 1e9) / 60_000)));
    const all = Float64Array.from(lists.flatMap((l) => Array.from(l.sorted()))).sort();
    const union = FloatList.union(lists);
    expect(union.median()).toBe(median(all));
    expect(union.mean()).toBe(mean(all));
  });
});
