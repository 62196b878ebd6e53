import { describe, expect, it } from 'vitest';
import { addTouches, firstTimeOf, mergeFirstTimes, offerFirstTime } from '../../../src/core/kpi/link-tables.js';
import { act, compute, deal } from '../../helpers/kpi.js';

describe('first response times in a zeroed table', () => {
  it('has none until a time is offered, then keeps the earliest', () => {
    const first = new Float64Array(3);
    expect(firstTimeOf(first, 1)).toBe(Infinity);
    offerFirstTime(first, 1, 5000);
    offerFirstTime(first, 1, 7000);
    expect(firstTimeOf(first, 1)).toBe(5000);
    offerFirstTime(first, 1, -2000);
    expect(firstTimeOf(first, 1)).toBe(-2000);
    expect([firstTimeOf(first, 0), firstTimeOf(first, 2)]).toEqual([Infinity, Infinity]);
  });

  it('keeps a response at exactly 0 ms (the epoch) as a time, not as none', () => {
    const first = new Float64Array(1);
    offerFirstTime(first, 0, 0);
    // Given back as the 0 it was (toBe tells -0 from 0).
    expect(firstTimeOf(first, 0)).toBe(0);
    expect(firstTimeOf(first, 0) - -60_000).toBe(60_000);
    // A later time does not replace it; an earlier one does.
    offerFirstTime(first, 0, 1);
    expect(firstTimeOf(first, 0) === 0).toBe(true);
    offerFirstTime(first, 0, -1);
    expect(firstTimeOf(first, 0)).toBe(-1);
  });

  it('never keeps Infinity or NaN as a time', () => {
    const first = new Float64Array(1);
    offerFirstTime(first, 0, Infinity);
    offerFirstTime(first, 0, Number.NaN);
    expect(firstTimeOf(first, 0)).toBe(Infinity);
    expect(Object.is(first[0], 0)).toBe(true);
  });

  it('merges the earlier of two tables slot by slot, the epoch included', () => {
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    offerFirstTime(a, 0, 100);
    offerFirstTime(b, 0, 50);
    offerFirstTime(a, 1, 10);
    offerFirstTime(b, 1, 20);
    offerFirstTime(b, 2, 0);
    mergeFirstTimes(a, b, 4);
    expect([0, 1, 2, 3].map((d) => firstTimeOf(a, d))).toEqual([50, 10, 0, Infinity]);
  });

  it('adds touches where the other table counted some, and leaves the rest as they were', () => {
    const a = Uint32Array.from([1, 0, 3]);
    addTouches(a, Uint32Array.from([2, 0, 0]), 3);
    expect([...a]).toEqual([3, 0, 3]);
  });
});

describe('the engine over the epoch', () => {
  it('counts a response at 1970-01-01 00:00 UTC as a response, not as none', () => {
    const { total } = compute([deal('1', 'Anna', '1969-12-31 23:00', null, 'open', null)], [act('Anna', '1970-01-01 00:00', 'call', 'out', false, 30, '1')], undefined);
    expect(total).toMatchObject({ response_min_median: 60, no_response: 0 });
  });

  it('gives a response at the very moment of an epoch deal as 0 minutes, not -0', () => {
    const { total } = compute([deal('1', 'Anna', '1970-01-01 00:00', null, 'open', null)], [act('Anna', '1970-01-01 00:00', 'call', 'out', false, 30, '1')], undefined);
    expect(Object.is(total.response_min_median, 0)).toBe(true);
    expect(Object.is(total.response_min_avg, 0)).toBe(true);
  });
});
