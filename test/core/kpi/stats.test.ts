import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleDays, MoneySum, sortFloat64 } from '../../../src/core/kpi/stats.js';

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
});

describe('MoneySum', () => {
  const total = (amounts: number[]) => {
    const m = new MoneySum();
    for (const a of amounts) m.add(a);
    return m.value();
  };

  it('sums money exactly in cents: 0.1 three times is 0.3, and revenue prints as money', () => {
    expect(total([0.1, 0.1, 0.1])).toBe(0.3);
    expect(total([3881571944.19, 0])).toBe(3881571944.19);
    expect(total([])).toBe(0);
  });

  // Tester T38: a Salesforce Data Loader extract's amounts have three and four decimals (`9225.225`,
  // `7564.6845`); each was rounded to the cent, and revenue read 337 799 001.95 for 337 799 001.8615.
  it('keeps an amount\'s digits past the cent (spec: full precision), exactly and in any order', () => {
    expect(total([9225.225, 7564.6845, 100.01])).toBe(16_889.9195);
    expect(total([1.005])).toBe(1.005);
    expect(total([2.5555, -1.1111])).toBe(1.4444);
    // Two decimals leave the cents alone, however large: no float noise is taken for a part of a cent.
    expect(total([3881571944.19, 123456789.01])).toBe(4005028733.2);
    // Amounts of 1e9 and more with digits past the cent: the float product's error is whole units there (review R40).
    expect(total([5803163717.147])).toBe(5803163717.147);
    expect(total([5803163717.147, 813510790596.721])).toBe(819313954313.868);
    expect(total([90315036328.278])).toBe(90315036328.278);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e15, max: 1e15 })), { maxLength: 40 }), (tenThousandths) => {
        const amounts = tenThousandths.map((n) => n / 10_000);
        const exact = tenThousandths.reduce((a, n) => a + BigInt(n), 0n);
        expect(total(amounts)).toBe(Number(exact) / 10_000);
        expect(total([...amounts].reverse())).toBe(total(amounts));
      }),
    );
  });

  it('gives the same sum in any order of the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100), { maxLength: 200 }), (amounts) => {
        expect(total([...amounts].reverse())).toBe(total(amounts));
        expect(total(amounts)).toBe(amounts.reduce((s, a) => s + Math.round(a * 100), 0) / 100);
      }),
    );
  });

  it('stays exact beyond 2^53 cents', () => {
    const m = new MoneySum();
    for (let i = 0; i < 3; i++) m.add(50_000_000_000_000);
    m.add(0.01);
    expect(m.value()).toBe(Number(15_000_000_000_000_001n) / 100);
    expect(m.count).toBe(4);
  });
});

describe('MoneySum.absorb', () => {
  it('adds another sum exactly as adding its amounts one by one, below and beyond 2^53 cents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100), fc.constant(40_000_000_000_000)), { maxLength: 40 }),
        fc.array(fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100), fc.constant(40_000_000_000_000)), { maxLength: 40 }),
        (xs, ys) => {
          const one = new MoneySum();
          for (const a of [...xs, ...ys]) one.add(a);
          const left = new MoneySum();
          const right = new MoneySum();
          for (const a of xs) left.add(a);
          for (const a of ys) right.add(a);
          left.absorb(right);
          expect(left.value()).toBe(one.value());
          expect(left.count).toBe(xs.length + ys.length);
        },
      ),
    );
  });
});

describe('cycleDays', () => {
  const ms = (s: string) => Date.parse(`${s}Z`);
  it('counts a close time kept to the minute, in the creation minute, as equal to the creation time', () => {
    expect(cycleDays(ms('2025-03-04T13:32:57'), ms('2025-03-04T13:32:00'))).toBe(0);
    expect(cycleDays(ms('2025-03-04T13:32:57.400'), ms('2025-03-04T13:32:00'))).toBe(0);
  });
  it('leaves out a close before the creation minute, or a close with seconds before the creation', () => {
    expect(cycleDays(ms('2025-03-04T13:32:57'), ms('2025-03-04T13:31:00'))).toBeUndefined();
    expect(cycleDays(ms('2025-03-04T13:32:57'), ms('2025-03-04T13:32:30'))).toBeUndefined();
    expect(cycleDays(ms('2025-03-04T13:32:57'), Number.NaN)).toBeUndefined();
  });
  it('measures a close at or after the creation in days', () => {
    expect(cycleDays(ms('2025-03-04T13:32:57'), ms('2025-03-04T13:32:57'))).toBe(0);
    expect(cycleDays(ms('2025-03-04T12:00:00'), ms('2025-03-06T00:00:00'))).toBe(1.5);
  });
});
