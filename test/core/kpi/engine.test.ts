import { describe, expect, it } from 'vitest';
import type { Deal, Payment } from '../../../src/core/records.js';
import { act, compute, deal, FULL_SHAPE } from '../../helpers/kpi.js';

// A small fixture whose every figure is worked out by hand in the comments below.
const DEALS = [
  deal('1', 'Anna', '2025-01-01 10:00', '2025-01-03 10:00', 'won', 1000, 'C1'),
  deal('2', 'Anna', '2025-01-02 09:00', '2025-01-02 21:00', 'won', null, 'C2'),
  deal('3', 'Anna', '2025-01-05 12:00', '2025-01-04 12:00', 'won', 500, 'C1'), // closed before created
  deal('4', 'Boris', '2025-01-03 08:00', '2025-01-06 08:00', 'lost', 300, 'C3', 'Дорого'),
  deal('5', 'Boris', '2025-01-04 08:00', null, 'open', 200, 'C3'),
  deal('6', 'Boris', '2025-01-06 08:00', '2025-01-10 08:00', 'lost', null, '', ''),
  deal('7', 'Boris', '2025-01-07 08:00', '2025-01-08 08:00', 'won', 0, 'C1'),
];
const ACTIVITIES = [
  act('Anna', '2025-01-01 09:00', 'call', 'out', false, 60, '1', 'C1'), // a1: before creation: a touch, not a response
  act('Anna', '2025-01-01 10:30', 'call', 'in', true, 0, '1', 'C1'), // a2: missed: no touch, no response
  act('Boris', '2025-01-01 11:00', 'call', 'out', false, 120, '1', 'C1'), // a3: touch; response 60 min; calls a2 back
  act('Anna', '2025-01-04 10:00', 'email', 'out', false, null, '1', 'C1'), // a4: after closing: no touch
  act('Anna', '2025-01-02 09:30', 'call', 'in', false, 30, '2', 'C2'), // a5: touch; response 30 min
  act('Anna', '2025-01-02 10:00', 'meeting', '', false, null, '2', 'C2'), // a6: touch; no direction: never a response
  act('Boris', '2025-01-03 09:00', 'call', 'out', false, 0, '4', 'C3'), // a7: unanswered outgoing: touch and response 60 min
  act('Boris', '2025-01-05 08:00', 'call', 'in', true, 0, '', 'C9'), // a8: missed, client only
  act('Boris', '2025-01-06 09:00', 'call', 'out', false, 45, '', 'C9'), // a9: 25 h after a8: not a callback
  act('Boris', '2025-01-07 09:00', 'message', 'out', false, null, '7', 'C1'), // a10: touch; response 60 min
  act('Vera', '2025-01-08 10:00', 'call', 'out', false, 100), // a11: Vera has activities only
];
const PAYMENTS: Payment[] = [
  { deal_id: '1', manager: '', invoiced: 1000, paid: 600, invoiced_at: null, paid_at: null }, // Anna's, through the deal
  { deal_id: '4', manager: 'Vera', invoiced: 300, paid: 300, invoiced_at: null, paid_at: null }, // its own manager wins
  { deal_id: 'X', manager: 'Boris', invoiced: 100, paid: 0, invoiced_at: null, paid_at: null }, // unknown deal: counts without a period
];

describe('every metric on a hand-computed fixture', () => {
  const { managers, total } = compute(DEALS, ACTIVITIES, PAYMENTS);
  const by = Object.fromEntries(managers.map((m) => [m.manager, m]));

  it('lists managers with deals, activities or payments, sorted by name', () => {
    expect(managers.map((m) => m.manager)).toEqual(['Anna', 'Boris', 'Vera']);
  });

  it('Anna', () => {
    expect(by.Anna).toEqual({
      manager: 'Anna',
      leads: 3, won: 3, lost: 0, open: 0, conversion: 1, win_rate: 1,
      revenue: 1500, average_check: 750, // the empty amount adds nothing and is not counted
      cycle_days_avg: 1.25, cycle_days_median: 1.25, // deal 1: 2 d, deal 2: 0.5 d, deal 3 closed before created: left out
      touches_per_won: 4 / 3, won_below_touch_norm: 3, // touches 2, 2, 0
      response_min_median: 45, response_min_avg: 45, no_response: 1, // 60 and 30 min; deal 3 none
      calls_out: 1, calls_in: 2, calls_missed: 1, missed_share: 0.5,
      callback_rate: 1, // a2 called back by Boris's a3 within 24 h
      emails: 1, meetings: 1, messages: 0,
      talk_minutes: 1.5, activities_per_day: 5 / 3,
      repeat_won: 1, repeat_share: 1 / 3, // deal 3 follows deal 1 for client C1
      loss_reasons: {},
      invoiced: 1000, paid: 600, paid_share: 0.6,
    });
  });

  it('Boris', () => {
    expect(by.Boris).toEqual({
      manager: 'Boris',
      leads: 4, won: 1, lost: 2, open: 1, conversion: 0.25, win_rate: 1 / 3,
      revenue: 0, average_check: 0, // amount 0 is a real amount
      cycle_days_avg: 1, cycle_days_median: 1,
      touches_per_won: 1, won_below_touch_norm: 1,
      response_min_median: 60, response_min_avg: 60, no_response: 2,
      calls_out: 3, calls_in: 1, calls_missed: 1, missed_share: 1,
      callback_rate: 0, // a9 came 25 h later
      emails: 0, meetings: 0, messages: 1,
      talk_minutes: 165 / 60, activities_per_day: 1,
      repeat_won: 1, repeat_share: 1,
      loss_reasons: { unspecified: 1, Дорого: 1 },
      invoiced: 100, paid: 0, paid_share: 0,
    });
  });

  it('Vera: activities and a payment only', () => {
    expect(by.Vera).toMatchObject({
      leads: 0, won: 0, revenue: 0, repeat_won: 0, loss_reasons: {},
      conversion: null, win_rate: null, average_check: null, cycle_days_median: null, touches_per_won: null, response_min_median: null, repeat_share: null,
      won_below_touch_norm: 0, no_response: 0,
      calls_out: 1, calls_in: 0, missed_share: null, callback_rate: null, talk_minutes: 100 / 60, activities_per_day: 1,
      invoiced: 300, paid: 300, paid_share: 1,
    });
  });

  it('the department is computed from all records, not averaged', () => {
    expect(total).toEqual({
      leads: 7, won: 4, lost: 2, open: 1, conversion: 4 / 7, win_rate: 4 / 6,
      revenue: 1500, average_check: 500,
      cycle_days_avg: 3.5 / 3, cycle_days_median: 1,
      touches_per_won: 1.25, won_below_touch_norm: 4,
      response_min_median: 60, response_min_avg: 52.5, no_response: 3,
      calls_out: 5, calls_in: 3, calls_missed: 2, missed_share: 2 / 3, callback_rate: 0.5,
      emails: 1, meetings: 1, messages: 1,
      talk_minutes: 355 / 60, activities_per_day: 11 / 8,
      repeat_won: 2, repeat_share: 0.5,
      loss_reasons: { unspecified: 1, Дорого: 1 },
      invoiced: 1400, paid: 900, paid_share: 900 / 1400,
    });
  });
});

describe('the period filter', () => {
  const { managers, total } = compute(DEALS, ACTIVITIES, PAYMENTS, { from: '2025-01-02', to: '2025-01-05' });
  const by = Object.fromEntries(managers.map((m) => [m.manager, m]));

  it('selects deals by creation date and activities by date; links and repeats use all rows', () => {
    expect(by.Anna).toMatchObject({ leads: 2, won: 2, revenue: 500, average_check: 500, cycle_days_median: 0.5, touches_per_won: 1, won_below_touch_norm: 2, response_min_median: 30, no_response: 1, repeat_won: 1, repeat_share: 0.5, calls_in: 1, calls_out: 0, missed_share: 0, emails: 1, meetings: 1, talk_minutes: 0.5, activities_per_day: 1.5, callback_rate: null });
    expect(by.Boris).toMatchObject({ leads: 2, won: 0, lost: 1, open: 1, conversion: 0, win_rate: 0, revenue: 0, average_check: null, touches_per_won: null, response_min_median: 60, no_response: 1, calls_out: 1, calls_in: 1, calls_missed: 1, callback_rate: 0, talk_minutes: 0, loss_reasons: { Дорого: 1 } });
  });

  it('payments follow their deal; a payment of an unknown deal does not count in a period', () => {
    expect(by.Vera).toMatchObject({ invoiced: 300, paid: 300, activities_per_day: null, calls_out: 0 });
    expect(by.Boris!.invoiced).toBe(0);
    expect(total).toMatchObject({ invoiced: 300, paid: 300, leads: 4 });
  });
});

describe('linking by client and time window (no activity has a deal_id)', () => {
  const deals = [
    deal('10', 'A', '2025-02-01 10:00', '2025-02-05 10:00', 'won', 100, 'K'),
    deal('11', 'A', '2025-02-03 10:00', null, 'open', 100, 'K'),
    deal('12', 'A', '2025-02-03 10:00', null, 'open', 100, 'K'), // same created_at: the larger id wins
    deal('13', 'A', '2025-02-07 10:00', '2025-02-06 10:00', 'won', 100, 'L'), // closed before created: empty window
  ];
  const acts = [
    act('A', '2025-02-02 10:00', 'call', 'out', false, 10, '', 'K'), // only deal 10's window holds it
    act('A', '2025-02-04 10:00', 'call', 'out', false, 10, '', 'K'), // 10, 11, 12 hold it: 12 (latest created, larger id)
    act('A', '2025-02-05 10:00', 'call', 'in', false, 10, '', 'K'), // the close moment is inside deal 10's window, but 12 is latest
    act('A', '2025-02-06 12:00', 'call', 'out', false, 10, '', 'L'), // deal 13's window is empty
    act('A', '2025-01-01 10:00', 'call', 'out', false, 10, '', 'K'), // before every deal of K: no deal
  ];
  it('assigns each activity to the latest-created matching deal, then the larger id', () => {
    const { total } = compute(deals, acts, undefined);
    // deal 10 (won): 1 touch (Feb 2), response 24 h = 1440 min; deal 13 (won): no touch, no response
    expect(total).toMatchObject({ touches_per_won: 0.5, response_min_median: 1440, no_response: 2 });
  });
});

describe('edge cases', () => {
  it('zero denominators are null, never 0 or NaN', () => {
    const { total } = compute([deal('1', 'A', '2025-01-01 10:00', null, 'open', null)], [], undefined);
    expect(total).toMatchObject({ conversion: 0, win_rate: null, average_check: null, cycle_days_avg: null, repeat_share: null, missed_share: null, callback_rate: null, activities_per_day: null, touches_per_won: null });
  });

  it('an even number of values has the mean of the two middle ones as its median', () => {
    const deals = [1, 2, 3, 4].map((d) => deal(String(d), 'A', '2025-01-01 00:00', `2025-01-0${1 + d} 00:00`, 'won', d * 10));
    const { total } = compute(deals, [], undefined);
    expect(total.cycle_days_median).toBe(2.5);
    expect(total.average_check).toBe(25);
  });

  it('a close time kept to the minute in the creation minute is a cycle of 0; an earlier minute is left out', () => {
    const withSeconds = (d: Deal, s: number) => ({ ...d, created_at: d.created_at + s * 1000 });
    const deals = [
      withSeconds(deal('1', 'A', '2025-01-01 13:32', '2025-01-01 13:32', 'won', 10), 57), // created 13:32:57, closed 13:32:00: cycle 0
      withSeconds(deal('2', 'A', '2025-01-01 13:32', '2025-01-01 13:31', 'won', 10), 57), // closed a minute earlier: left out
      deal('3', 'A', '2025-01-01 00:00', '2025-01-03 00:00', 'won', 10), // 2 days
    ];
    const { total } = compute(deals, [], undefined);
    expect(total.cycle_days_avg).toBe(1); // (0 + 2) / 2
    expect(total.cycle_days_median).toBe(1);
  });

  it('repeat sales: ties on the close time go by id, numerically for whole numbers; no client, no repeat', () => {
    const deals = [
      deal('10', 'A', '2025-01-01 00:00', '2025-01-05 00:00', 'won', 1, 'K'),
      deal('9', 'B', '2025-01-02 00:00', '2025-01-05 00:00', 'won', 1, 'K'), // same key: id 9 < 10, so 9 is first
      deal('x', 'A', '2025-01-01 00:00', null, 'won', 1, 'K'), // no closed_at: keyed by created_at (earliest)
      deal('20', 'A', '2025-01-01 00:00', '2025-01-02 00:00', 'won', 1, ''),
      deal('21', 'A', '2025-01-03 00:00', '2025-01-04 00:00', 'won', 1, ''),
    ];
    const { managers } = compute(deals, [], undefined);
    expect(managers.map((m) => [m.manager, m.repeat_won])).toEqual([
      ['A', 1], // deal 10 is repeat; x is first; 20/21 have no client
      ['B', 1], // deal 9 follows x
    ]);
  });

  it('only deal_id links once any activity has one; activities without it belong to no deal', () => {
    const deals = [deal('1', 'A', '2025-01-01 10:00', '2025-01-02 10:00', 'won', 1, 'K')];
    const acts = [act('A', '2025-01-01 11:00', 'call', 'out', false, 1, '', 'K'), act('A', '2025-01-01 12:00', 'call', 'out', false, 1, '999', 'K')];
    expect(compute(deals, acts, undefined).total).toMatchObject({ touches_per_won: 0, no_response: 1 });
    expect(compute(deals, acts.slice(0, 1), undefined).total).toMatchObject({ touches_per_won: 1, response_min_median: 60 });
  });

  it('the callback window is inclusive, and counts only missed calls that have a client or a deal', () => {
    const acts = [
      act('A', '2025-01-01 10:00', 'call', 'in', true, 0, '', 'K'),
      act('B', '2025-01-02 10:00', 'call', 'out', false, 5, '', 'K'), // exactly 24 h later
      act('A', '2025-01-01 11:00', 'call', 'in', true, 0, '', ''), // no client, no deal: not in the denominator
    ];
    const { managers, total } = compute([], acts, undefined);
    expect(total).toMatchObject({ callback_rate: 1, calls_missed: 2 });
    expect(managers.find((m) => m.manager === 'A')?.callback_rate).toBe(1);
  });

  it('not-applicable metrics are null for everyone, loss_reasons included', () => {
    const shape = { ...FULL_SHAPE, activities: false, lossReason: false, payments: false };
    const { total, managers } = compute(DEALS, [], undefined, {}, shape);
    for (const row of [total, ...managers]) {
      expect(row).toMatchObject({ touches_per_won: null, calls_out: null, activities_per_day: null, no_response: null, loss_reasons: null, invoiced: null, paid_share: null });
    }
    expect(total.leads).toBe(7);
  });
});
