import { describe, expect, it } from 'vitest';
import { ActivityTally, DaySums } from '../../../src/core/kpi/tallies.js';

describe('DaySums: talk by calendar day', () => {
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
