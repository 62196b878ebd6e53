import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKpis, compareRow, makePeriod, needsPeriodActivities, payback, withoutLinkedActivities, type PeriodKpis } from '../../src/core/compare.js';
import { holdsNumber } from '../../src/core/kpi/stats.js';
import type { MetricValues } from '../../src/core/kpi/types.js';

const total = (v: Partial<MetricValues>): MetricValues => ({ leads: 0, won: 0, revenue: 0, conversion: null, win_rate: null, average_check: null, cycle_days_median: null, touches_per_won: null, response_min_median: null, missed_share: null, callback_rate: null, ...v });
const period = (from: string, to: string, t: Partial<MetricValues>, managers: Array<{ manager: string; leads: number }>): PeriodKpis => ({ period: makePeriod(from, to), total: total(t), managers });

describe('periods', () => {
  it('count inclusive days and months of 30.4375 days', () => {
    expect(makePeriod('2025-01-01', '2025-01-31')).toEqual({ from: '2025-01-01', to: '2025-01-31', days: 31, months: 31 / 30.4375 });
    expect(makePeriod('2024-01-01', '2024-12-31').days).toBe(366);
  });
});

describe('compareKpis (hand-computed)', () => {
  // before: 60.875 days = 2 months; after: 30.4375 days… use whole days: 61 and 30
  const before = period('2024-11-01', '2024-12-31', { leads: 100, won: 20, revenue: 2_000_000, conversion: 0.2, win_rate: 0.4, average_check: 100_000, cycle_days_median: 10, touches_per_won: 4, response_min_median: 60, missed_share: 0.2, callback_rate: 0.5 }, [
    { manager: 'A', leads: 60 },
    { manager: 'B', leads: 40 },
    { manager: 'C', leads: 0 }, // activities only: not a deal manager
  ]);
  const after = period('2025-01-01', '2025-01-30', { leads: 60, won: 15, revenue: 1_800_000, conversion: 0.25, win_rate: 0.5, average_check: 120_000, cycle_days_median: 8, touches_per_won: 5, response_min_median: 45, missed_share: 0.1, callback_rate: 0.8 }, [
    { manager: 'A', leads: 30 },
    { manager: 'B', leads: 20 },
    { manager: 'D', leads: 10 },
  ]);
  const result = compareKpis(before, after, { cost: 1_000_000, monthlyCost: 50_000, margin: 0.5 });
  const row = (m: string) => result.rows.find((r) => r.metric === m)!;
  const mb = 61 / 30.4375;
  const ma = 30 / 30.4375;

  it('rows come in the spec order with the spec ids', () => {
    expect(result.rows.map((r) => r.metric)).toEqual(['leads_per_month', 'conversion', 'win_rate', 'revenue_per_month', 'average_check', 'cycle_days_median', 'touches_per_won', 'response_min_median', 'missed_share', 'callback_rate', 'won_per_manager_per_month']);
  });

  it('per-month rows use each period\'s length', () => {
    expect(row('leads_per_month')).toMatchObject({ before: 100 / mb, after: 60 / ma, better: 'up' });
    expect(row('revenue_per_month').change).toBeCloseTo(1_800_000 / ma - 2_000_000 / mb, 6);
    // won / distinct deal managers / months: 20 / 2 / mb and 15 / 3 / ma
    expect(row('won_per_manager_per_month')).toMatchObject({ before: 20 / 2 / mb, after: 15 / 3 / ma });
  });

  it('default targets: conversion +20% (met at +25%), response -30% (not met at -25%)', () => {
    expect(row('conversion')).toEqual({ metric: 'conversion', before: 0.2, after: 0.25, change: 0.25 - 0.2, change_pct: (0.25 - 0.2) / 0.2, better: 'up', target: 0.2, met: true });
    expect(row('response_min_median')).toMatchObject({ change: -15, change_pct: -0.25, better: 'down', target: -0.3, met: false });
    expect(row('win_rate')).toMatchObject({ target: null, met: null });
  });

  it('payback and 12-month ROI', () => {
    const gain = (1_800_000 / ma - 2_000_000 / mb) * 0.5;
    expect(result.payback!.gain_per_month).toBeCloseTo(gain, 6);
    expect(result.payback!.payback_months).toBeCloseTo(1_000_000 / (gain - 50_000), 9);
    expect(result.payback!.roi_12m).toBeCloseTo((12 * (gain - 50_000) - 1_000_000) / (1_000_000 + 12 * 50_000), 9);
  });
});

describe('payback', () => {
  it('is null without a cost', () => {
    expect(payback(100, 200, undefined)).toBeNull();
  });
  it('says "does not pay back" (null months) when the gain does not cover the running cost', () => {
    expect(payback(1000, 1100, 5000, 100, 1)).toEqual({ gain_per_month: 100, payback_months: null, roi_12m: (12 * 0 - 5000) / (5000 + 1200) });
    expect(payback(1000, 900, 5000, 0, 1)!.payback_months).toBeNull();
  });
  it('has no ROI (null, never 0) when nothing was spent: --cost 0 and no running cost, and says why (T33 F5)', () => {
    const why = 'not defined: there is no cost (one-off and running costs are 0)';
    expect(payback(1000, 900, 0, 0, 1)).toEqual({ gain_per_month: -100, payback_months: null, roi_12m: null, roi_not_applicable: why });
    expect(payback(1000, 1100, 0, 0, 1)).toEqual({ gain_per_month: 100, payback_months: 0, roi_12m: null, roi_not_applicable: why });
  });
  it('is not computed (null, never from a revenue of 0) when either period has no revenue', () => {
    const none = { gain_per_month: null, payback_months: null, roi_12m: null, not_applicable: 'needs an amount column in the deals of both periods (revenue per month)' };
    expect(payback(null, 913.13, 1000)).toEqual(none);
    expect(payback(500, null, 1000)).toEqual(none);
    expect(payback(null, null, 100_000)).toEqual(none);
  });
  it('pays back in cost / (gain - monthly) months', () => {
    expect(payback(0, 10_000, 60_000, 4_000, 1)).toEqual({ gain_per_month: 10_000, payback_months: 10, roi_12m: (12 * 6_000 - 60_000) / (60_000 + 48_000) });
  });
});

describe('compareRow', () => {
  it('a zero or missing "before" has no change %, so no verdict on a target', () => {
    expect(compareRow('conversion', 'up', 0, 0.3, 0.2)).toMatchObject({ change: 0.3, change_pct: null, met: null });
    expect(compareRow('conversion', 'up', null, 0.3, 0.2)).toMatchObject({ change: null, change_pct: null, met: null });
  });

  it('no change is +0: before −0 and after 0, or a negative before and no change', () => {
    expect(Object.is(compareRow('m', 'up', -0, 0, null).change, 0)).toBe(true);
    expect(Object.is(compareRow('m', 'up', 0, -0, null).change, 0)).toBe(true);
    expect(Object.is(compareRow('m', 'up', -5, -5, null).change_pct, 0)).toBe(true);
  });

  it('swapping before and after negates every change (property)', () => {
    const value = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(value, value, fc.constantFrom<'up' | 'down'>('up', 'down'), (a, b, better) => {
        const x = compareRow('m', better, a, b, null);
        const y = compareRow('m', better, b, a, null);
        if (x.change === null) expect(y.change).toBeNull();
        else expect(y.change).toBe(-x.change === 0 ? 0 : -x.change);
        // No change is never −0 (it once was, from before −0 and after 0, on a random seed).
        for (const r of [x, y]) for (const v of [r.change, r.change_pct]) if (v !== null) expect(Object.is(v, -0)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('targets met exactly', () => {
  // 25% -> 30% is +20% exactly, but (0.3 - 0.25) / 0.25 is 0.19999999999999996 in floating point: it was «not met».
  it('a change equal to its target meets it, up and down', () => {
    expect(compareRow('conversion', 'up', 0.25, 0.3, 0.2)).toMatchObject({ change_pct: expect.closeTo(0.2, 12), met: true });
    expect(compareRow('missed_share', 'down', 0.3, 0.21, -0.3)).toMatchObject({ met: true });
    expect(compareRow('conversion', 'up', 0.25, 0.2999, 0.2).met).toBe(false);
  });

  // A relative tolerance of 1e-9 made revenues a rouble apart at a billion equal (a review).
  it('allows floating-point error only: large sums a unit apart differ', () => {
    expect(holdsNumber(1_000_000_001, '>', 1_000_000_000)).toBe(true);
    expect(holdsNumber(1_000_000_001, '==', 1_000_000_000)).toBe(false);
    expect(holdsNumber((0.3 - 0.25) / 0.25, '>=', 0.2)).toBe(true);
    expect(holdsNumber(Infinity, '>', 5)).toBe(true);
  });
});

// A tester: two sets with no call log in either said «(--before-activities)» alone; adding it left the rows empty.
describe('the reason of a row both periods leave empty', () => {
  const reasons = (b: Record<string, string>, a: Record<string, string>) => {
    const before = { ...period('2024-01-01', '2024-06-30', { leads: 10 }, []), notApplicable: b };
    const after = { ...period('2024-07-01', '2024-12-31', { leads: 12 }, []), notApplicable: a };
    return compareKpis(before, after).rows.find((r) => r.metric === 'touches_per_won')?.not_applicable;
  };
  const need = (option: string) => `needs an activities file with deal_id or client (${option})`;

  it('names both periods\' options when each period wants the same file', () => {
    expect(reasons({ touches_per_won: need('--before-activities') }, { touches_per_won: need('--after-activities') })).toBe(need('--before-activities and --after-activities'));
  });

  it('keeps one reason where the periods give the same (a cutover) or different ones', () => {
    expect(reasons({ touches_per_won: need('--activities') }, { touches_per_won: need('--activities') })).toBe(need('--activities'));
    expect(reasons({ touches_per_won: need('--before-activities') }, {})).toBe(need('--before-activities'));
    expect(reasons({}, { touches_per_won: need('--after-activities') })).toBe(need('--after-activities'));
  });

  // A tester: one period's want alone was said, and filling it left the row empty for the other's.
  it('says both periods\' different wants, each naming its period', () => {
    expect(reasons({ touches_per_won: need('--before-activities') }, { touches_per_won: needsPeriodActivities('after') })).toBe(
      'needs an activities file with deal_id or client (--before-activities); and needs activities dated within the after period: the activities file has none in it',
    );
    expect(reasons({ touches_per_won: needsPeriodActivities('before') }, { touches_per_won: needsPeriodActivities('after') })).toBe('needs activities dated within both periods: the activities file has none in either');
  });
});

// A tester (Zoho deals, no ID column): a period with no dated activity was told to add some, though the deals file has no
// ID column to link them by, which kpi says; and «этим периодом» named no period.
describe('a period without dated activities', () => {
  const noIds = "needs an id column in the deals file matching the activities' deal id: the activities link to a deal by its id only, and the deals file has none";
  const p = (from: string, to: string, na: Record<string, string>) => ({ ...period(from, to, { leads: 10, touches_per_won: 3 }, []), notApplicable: na });

  it('names the period in its reason, and clears its linked figures', () => {
    const before = withoutLinkedActivities(p('2024-01-01', '2024-06-30', {}), 'before');
    expect(before.total.touches_per_won).toBeNull();
    expect(before.notApplicable?.response_min_median).toBe('needs activities dated within the before period: the activities file has none in it');
  });

  it('keeps the reason the period\'s KPIs give (kpi\'s own), so both periods say it alike', () => {
    const before = withoutLinkedActivities(p('2024-01-01', '2024-06-30', { touches_per_won: noIds }), 'before');
    const after = p('2024-07-01', '2024-12-31', { touches_per_won: noIds });
    expect(before.notApplicable?.touches_per_won).toBe(noIds);
    const row = compareKpis(before, { ...after, total: { ...after.total, touches_per_won: null } }).rows.find((r) => r.metric === 'touches_per_won');
    expect(row?.not_applicable).toBe(noIds);
  });
});
