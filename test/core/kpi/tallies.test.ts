import { describe, expect, it } from 'vitest';
import { ActivityTally, DaySums } from '../../../src/core/kpi/tallies.js';

describe('DaySums: talk by calendar day', () => {
  // A 1901 date beside 2025's would have made each manager's array span 45 000 days (360 KB): such days go to a Map.
  it('keeps days far from the others apart, summed and found as the array\'s are, across halves too', () => {
    const d = new DaySums();
    const today = 20_000;
    d.add(today, 5);
    d.add(-25_000, 7);
    d.add(-25_000, 1);
    d.add(today + 1, 3);
    expect(d.max()).toEqual({ day: -25_000, sum: 8 });
    const data = d.data();
    expect(data.sums!.length).toBeLessThanOrEqual(8192);
    const other = new DaySums();
    other.add(today, 4);
    other.absorb(data);
    expect(other.max()).toEqual({ day: today, sum: 9 });
    const equal = new DaySums();
    equal.add(today, 8);
    equal.add(-25_000, 8);
    // The earliest of equal sums.
    expect(equal.max()).toEqual({ day: -25_000, sum: 8 });
  });

  it('sums each day whatever the order of the rows, growing back and forth, and gives the largest day (the earliest of equal ones)', () => {
    const d = new DaySums();
    expect(d.max()).toBeUndefined();
    d.add(20_000, 5);
    d.add(20_300, 7); // past the first 64 days: grown forward
    d.add(19_000, 7); // long before: grown back
    d.add(20_000, 3);
    expect(d.max()).toEqual({ day: 20_000, sum: 8 });
    d.add(19_000, 1);
    expect(d.max()).toEqual({ day: 19_000, sum: 8 });
  });

  it('two halves of one day add up when merged (a day split across the threads)', () => {
    const a = new ActivityTally();
    const b = new ActivityTally();
    // 13 h on day 20 000 in each half, 2 h on the next day in one: 26 h on the day, none of the halves over 24 h.
    a.addTalk(13 * 3_600_000, 20_000);
    b.addTalk(13 * 3_600_000, 20_000);
    b.addTalk(2 * 3_600_000, 20_001);
    expect(a.talkDays.max()).toEqual({ day: 20_000, sum: 46_800_000 });
    a.absorb(b.data());
    expect(a.talkDays.max()).toEqual({ day: 20_000, sum: 93_600_000 });
    expect(a.talkMs).toBe(100_800_000);
    // The department's: the managers' days summed.
    expect(ActivityTally.sum([a, undefined, b]).talkDays.max()).toEqual({ day: 20_000, sum: 140_400_000 });
  });
});
