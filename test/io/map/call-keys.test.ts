// The utc-times check reads a leg's clock from its Asterisk uniqueid. It counted only the ids that were
// uniqueids, so for a log of other ids (Zadarma's `in_…`, Mango's entry_id) its regex and date arithmetic
// ran on every row of the file. It gives up after 2 000 ids tried, whatever they are. Expectations by hand.
import { describe, expect, it } from 'vitest';
import { PbxClock } from '../../../src/io/map/call-keys.js';

const AT = Date.UTC(2025, 1, 10, 10, 0, 0);
const SECOND = AT / 1000;

describe('PbxClock', () => {
  it('reads a UTC clock from ids that are uniqueids of the legs\' seconds', () => {
    const clock = new PbxClock();
    for (let i = 0; i < 3; i++) clock.note(`${SECOND + i}.${i}`, AT + i * 1000);
    expect(clock.said('calldate')).toEqual({ count: 3, example: '2025-02-10 10:00:00', column: 'calldate', uniqueid: `${SECOND}.0` });
  });

  it('gives up after 2 000 ids tried, uniqueids or not', () => {
    const clock = new PbxClock();
    for (let i = 0; i < 2000; i++) clock.note(`in_${i}`, AT);
    // Uniqueids after the 2 000th id are not looked at: no clock is said.
    for (let i = 0; i < 3; i++) clock.note(`${SECOND + i}.${i}`, AT + i * 1000);
    expect(clock.said('calldate')).toBeUndefined();
  });
});
