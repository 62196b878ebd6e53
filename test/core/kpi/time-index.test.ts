import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median } from '../../../src/core/kpi/stats.js';
import { CallTimes, FloatList } from '../../../src/core/kpi/time-index.js';

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

describe('CallTimes.calledBack: which missed calls an outgoing call followed within the window', () => {
  // A missed call naming deals 1 and 5 («1;5»): a call back on 5 alone is its call back too (spec: it shares the deal_id).
  it('marks a missed call called back on any of the deals it names (also), within the window only', () => {
    const log = new CallTimes();
    log.add(-1, 5, { at: 150 }); // deal 5, 50 after the first missed call: within 60
    log.add(-1, 6, { at: 200 }); // deal 6, 100 after the second: outside
    log.add(-1, 7, { at: 120 }); // a deal neither names
    const missed = { client: Int32Array.of(-1, -1), deal: Int32Array.of(1, 2), at: Float64Array.of(100, 100), length: 2, also: { deal: Int32Array.of(5, 6), of: Int32Array.of(0, 1), length: 2 } };
    expect(Array.from(log.calledBack(missed, 60))).toEqual([1, 0]);
  });

  const call = fc.record({ client: fc.integer({ min: -1, max: 6 }), deal: fc.integer({ min: -1, max: 6 }), at: fc.integer({ min: 0, max: 200 }) });

  type Call = { client: number; deal: number; at: number };
  /** calledBack against a direct reading of the definition, for calls drawn from `call`. */
  const matchesDefinition = (call: fc.Arbitrary<Call>, size: number, maxWindow: number, numRuns: number) =>
    fc.assert(
      fc.property(fc.array(call, { maxLength: size }), fc.array(call, { maxLength: size }), fc.integer({ min: 0, max: maxWindow }), (outs, missed, window) => {
        const log = new CallTimes();
        for (const o of outs) log.add(o.client, o.deal, o);
        const back = log.calledBack({ client: Int32Array.from(missed.map((m) => m.client)), deal: Int32Array.from(missed.map((m) => m.deal)), at: Float64Array.from(missed.map((m) => m.at)), length: missed.length }, window);
        const expected = missed.map((m) => (outs.some((o) => ((m.client >= 0 && o.client === m.client) || (m.deal >= 0 && o.deal === m.deal)) && o.at >= m.at && o.at <= m.at + window) ? 1 : 0));
        expect(Array.from(back)).toEqual(expected);
      }),
      { numRuns },
    );

  it('marks exactly the missed calls with an outgoing call to their client or of their deal in [at, at + window]', () => {
    matchesDefinition(call, 120, 60, 300);
  });

  it('finds a key by its rank among the keys with missed calls, across words and at bit 31 (keys far apart)', () => {
    // Keys in a few 32-key words far apart, many at their edges, so that a key's group is found by
    // counting set bits of earlier words and of its own.
    const word = fc.constantFrom(0, 1, 2, 57, 1_000);
    const key = fc.oneof(fc.constant(-1), fc.tuple(word, fc.integer({ min: 0, max: 31 })).map(([w, b]) => w * 32 + b), fc.tuple(word, fc.constantFrom(0, 30, 31)).map(([w, b]) => w * 32 + b));
    matchesDefinition(fc.record({ client: key, deal: key, at: fc.integer({ min: 0, max: 100 }) }), 200, 30, 600);
  });

  it('keeps times exactly whether a chunk holds whole seconds or turns to milliseconds midway', () => {
    // Whole seconds in 2024 fill chunks of 4-byte seconds; then a time with milliseconds, one before
    // 1932 and one after 2067 turn the chunk they land in into 8-byte milliseconds, its earlier times kept.
    const second = Date.UTC(2024, 2, 1, 9);
    const outs: Array<{ client: number; at: number }> = [];
    for (let i = 0; i < 70_000; i++) outs.push({ client: i % 500, at: second + i * 1000 });
    outs.push({ client: 7, at: second + 70_000_500 }, { client: 8, at: Date.UTC(1920, 0, 1) }, { client: 9, at: Date.UTC(2080, 0, 1) });
    for (let i = 0; i < 500; i++) outs.push({ client: 10 + i, at: second + 80_000_000 + i * 1000 });
    const log = new CallTimes();
    for (const o of outs) log.add(o.client, -1, o);
    const missed = [
      { client: 499, at: second + 499_000 }, // called back at that very second
      { client: 7, at: second + 70_000_500 - 3_000 }, // 3.5 s later, by the time with milliseconds
      { client: 7, at: second + 70_000_500 + 1 }, // a millisecond after it: not called back
      { client: 8, at: Date.UTC(1920, 0, 1) - 1_000 },
      { client: 9, at: Date.UTC(2080, 0, 1) },
      { client: 40, at: second + 65_540_000 - 1_000 }, // in the second chunk, before it turned to milliseconds
      { client: 509, at: second + 80_499_000 - 5_000 }, // after it turned
      { client: 600, at: second },
    ];
    const back = log.calledBack({ client: Int32Array.from(missed.map((m) => m.client)), deal: new Int32Array(missed.length).fill(-1), at: Float64Array.from(missed.map((m) => m.at)), length: missed.length }, 5_000);
    expect(Array.from(back)).toEqual([1, 1, 0, 1, 1, 1, 1, 0]);
  });

  it('handles a busy client: hundreds of missed calls, some called back by one call, none twice', () => {
    const log = new CallTimes();
    // Another log's chunks, adopted with their keys mapped (client 9 there is client 2 here).
    const other = new CallTimes();
    other.add(9, -1, { at: 1_000 });
    log.absorb(other.data(), (k) => (k === 9 ? 2 : k), (k) => k);
    for (let t = 0; t < 70_000; t += 1) log.add(-1, 5, { at: 500_000 + t * 10 });
    const n = 400;
    const at = Float64Array.from({ length: n }, (_, i) => (i < 200 ? 995 - (i % 50) : 400_000 + i));
    const back = log.calledBack({ client: new Int32Array(n).fill(2), deal: new Int32Array(n).fill(-1), at, length: n }, 5);
    expect(Array.from(back)).toEqual(Array.from(at, (t) => (t >= 995 && t <= 1_000 ? 1 : 0)));
  });
});
