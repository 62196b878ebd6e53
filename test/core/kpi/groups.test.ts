import { describe, expect, it } from 'vitest';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { KpiEngine, type KpiOptions } from '../../../src/core/kpi/engine.js';
import type { Activity, Deal, Payment, SpendRow } from '../../../src/core/records.js';
import type { GroupDim } from '../../../src/core/kpi/types.js';
import { act, deal, FULL_SHAPE } from '../../helpers/kpi.js';

const src = (d: Deal, source: string, pipeline = '', stage = ''): Deal => ({ ...d, source, pipeline, stage });

/** docs/metrics.md, "Spend": the worked example (margin 0.5, the whole file is the period). */
const EXAMPLE: Deal[] = [
  src(deal('A', 'Ivanov', '2025-01-05 10:00', '2025-01-10 10:00', 'won', 100_000, 'K1'), 'Ads'),
  src(deal('B', 'Ivanov', '2025-02-03 10:00', '2025-02-20 10:00', 'won', 50_000, 'K1'), 'Ads'),
  src(deal('C', 'Petrov', '2025-01-07 10:00', '2025-01-09 10:00', 'lost', null, 'K2'), 'Ads'),
  src(deal('D', 'Petrov', '2025-02-11 10:00', '2025-02-12 10:00', 'won', 30_000, 'K3'), 'SEO'),
  src(deal('E', 'Petrov', '2025-02-15 10:00', null, 'open', null, ''), 'SEO'),
];
const SPEND: SpendRow[] = [
  { month: '2025-01', source: 'Ads', amount: 25_000 },
  { month: '2025-02', source: 'Ads', amount: 15_000 },
  { month: '2025-02', source: 'SEO', amount: 10_000 },
  { month: '2025-01', source: 'Radio', amount: 5_000 },
];

function run(deals: Deal[], groupBy: GroupDim[][], o: { spend?: SpendRow[]; margin?: number; activities?: Activity[]; payments?: Payment[]; opts?: Partial<KpiOptions> } = {}) {
  const store = new DealStore();
  for (const d of deals) store.add(d);
  const engine = new KpiEngine(store, { touchNorm: 5, callbackWindowMs: 24 * 3_600_000, groupBy, ...o.opts });
  for (const a of o.activities ?? []) engine.addActivity(a);
  if (o.payments) engine.addPayments(o.payments);
  if (o.spend) engine.addSpend(o.spend, o.margin ?? 1);
  return engine.finish({ ...FULL_SHAPE, activities: o.activities !== undefined, payments: o.payments !== undefined });
}

describe('groupings and unit economics (docs/metrics.md worked example)', () => {
  const r = run(EXAMPLE, [['source']], { spend: SPEND, margin: 0.5 });
  const by = (name: string | null) => r.groups[0]!.find((g) => g.by.source === name)!.metrics;

  it('groups by source, with spend of a source no deal has as a group of its own', () => {
    expect(r.groups[0]!.map((g) => g.by)).toEqual([{ source: 'Ads' }, { source: 'Radio' }, { source: 'SEO' }]);
    expect([by('Ads').leads, by('Ads').won, by('Ads').revenue]).toEqual([3, 2, 150_000]);
    expect([by('SEO').leads, by('SEO').won, by('SEO').revenue]).toEqual([2, 1, 30_000]);
    expect([by('Radio').leads, by('Radio').spend, by('Radio').romi]).toEqual([0, 5_000, -1]);
  });

  it('computes spend, CAC, cost per lead, ROMI, LTV and LTV/CAC by hand', () => {
    expect(by('Ads')).toMatchObject({ spend: 40_000, new_won_clients: 1, cac: 40_000, romi: 0.875, ltv: 75_000, ltv_cac: 1.875 });
    expect(by('Ads').cost_per_lead).toBeCloseTo(13_333.333333, 5);
    expect(by('SEO')).toMatchObject({ spend: 10_000, new_won_clients: 1, cac: 10_000, cost_per_lead: 5_000, romi: 0.5, ltv: 15_000, ltv_cac: 1.5 });
    expect(r.total).toMatchObject({ spend: 55_000, new_won_clients: 2, cac: 27_500, ltv: 45_000 });
    expect(r.total.romi).toBeCloseTo(35_000 / 55_000, 12);
    expect(r.spend).toEqual({ total: 55_000, margin: 0.5, unmatched: [{ source: 'Radio', amount: 5_000 }] });
  });

  it('a zero denominator is null, never 0', () => {
    expect([by('Radio').cac, by('Radio').cost_per_lead, by('Radio').ltv, by('Radio').ltv_cac]).toEqual([null, null, null, null]);
  });

  it('by month: deals by their creation month (cohort), spend by its month', () => {
    const m = run(EXAMPLE, [['month']], { spend: SPEND, margin: 0.5 }).groups[0]!;
    expect(m.map((g) => [g.by.month, g.metrics.leads, g.metrics.won, g.metrics.spend])).toEqual([
      ['2025-01', 2, 1, 30_000],
      ['2025-02', 3, 2, 25_000],
    ]);
    // B (February) is a repeat of K1, whose first won deal is A (January).
    expect(m.map((g) => g.metrics.new_won_clients)).toEqual([1, 1]);
  });

  it('by month: a month with nothing in it between two busy ones is a row of zeros, not a gap', () => {
    const quiet = [EXAMPLE[0]!, src(deal('F', 'Ivanov', '2025-04-02 10:00', null, 'open', null, 'K4'), 'Ads')];
    const m = run(quiet, [['month']], { spend: SPEND.filter((s) => s.month === '2025-01') }).groups[0]!;
    expect(m.map((g) => [g.by.month, g.metrics.leads, g.metrics.won, g.metrics.revenue, g.metrics.conversion, g.metrics.spend])).toEqual([
      ['2025-01', 1, 1, 100_000, 1, 30_000],
      ['2025-02', 0, 0, 0, null, null],
      ['2025-03', 0, 0, 0, null, null],
      ['2025-04', 1, 0, 0, 0, null],
    ]);
    // Only a grouping by month alone is filled: a pivot lists the combinations that hold something.
    const pivot = run(quiet, [['source', 'month']]).groups[0]!;
    expect(pivot.map((g) => g.by.month)).toEqual(['2025-01', '2025-04']);
  });

  it('by month: months decades apart (a stray date) are not filled', () => {
    const stray = [EXAMPLE[0]!, src(deal('G', 'Ivanov', '2001-03-02 10:00', null, 'open', null, 'K5'), 'Ads')];
    expect(run(stray, [['month']]).groups[0]!.map((g) => g.by.month)).toEqual(['2001-03', '2025-01']);
  });

  it('a pivot by source and month', () => {
    const g = run(EXAMPLE, [['source', 'month']], { spend: SPEND }).groups[0]!;
    expect(g.map((x) => [x.by.source, x.by.month, x.metrics.leads, x.metrics.spend])).toEqual([
      ['Ads', '2025-01', 2, 25_000],
      ['Ads', '2025-02', 1, 15_000],
      ['Radio', '2025-01', 0, 5_000],
      ['SEO', '2025-02', 2, 10_000],
    ]);
  });

  it('spend is unknown by manager or pipeline: null there, LTV and new clients still computed', () => {
    const g = run(EXAMPLE, [['manager']], { spend: SPEND, margin: 0.5 }).groups[0]!;
    expect(g.map((x) => [x.by.manager, x.metrics.spend, x.metrics.cac, x.metrics.new_won_clients, x.metrics.ltv])).toEqual([
      ['Ivanov', null, null, 1, 75_000],
      ['Petrov', null, null, 1, 15_000],
    ]);
  });

  it('a source or month the spend file has no row for has no spend (null), a row of 0 is a free channel', () => {
    const only = run(EXAMPLE, [['source']], { spend: [{ month: '2025-01', source: 'Ads', amount: 40_000 }, { month: '2025-02', source: 'SEO', amount: 0 }] });
    const by = (s: string) => only.groups[0]!.find((g) => g.by.source === s)!.metrics;
    expect([by('SEO').spend, by('SEO').cac, by('SEO').cost_per_lead, by('SEO').romi]).toEqual([0, 0, 0, null]);
    const noSeo = run(EXAMPLE, [['source'], ['month']], { spend: [{ month: '2025-01', source: 'Ads', amount: 40_000 }] });
    const seo = noSeo.groups[0]!.find((g) => g.by.source === 'SEO')!.metrics;
    expect([seo.spend, seo.cac, seo.cost_per_lead, seo.romi, seo.ltv_cac]).toEqual([null, null, null, null, null]);
    expect(noSeo.groups[1]!.map((g) => [g.by.month, g.metrics.spend])).toEqual([['2025-01', 40_000], ['2025-02', null]]);
    expect(noSeo.spend).toMatchObject({ total: 40_000, monthsWithoutSpend: ['2025-02'] });
    // SEO's 2 deals have no spend row: said, since the department's CAC counts its client as free (a tester).
    expect(noSeo.spend!.sourcesWithoutSpend).toEqual([{ source: 'SEO', deals: 2 }]);
    expect(only.spend!.sourcesWithoutSpend).toBeUndefined();
    // A spend file by month alone (no source in any row) is the department's: silent about no source.
    expect(run(EXAMPLE, [], { spend: [{ month: '2025-01', source: '', amount: 40_000 }] }).spend!.sourcesWithoutSpend).toBeUndefined();
    const none = run(EXAMPLE, [], { spend: [{ month: '2020-01', source: 'Ads', amount: 1 }], opts: { from: '2025-01-01' } });
    expect([none.total.spend, none.total.cac, none.total.romi]).toEqual([null, null, null]);
  });

  it('names the deal source an unmatched one differs from only in case or spaces', () => {
    const r2 = run(EXAMPLE, [], { spend: [{ month: '2025-01', source: 'A ds', amount: 10 }, { month: '2025-01', source: 'seo', amount: 20 }, { month: '2025-01', source: 'TV', amount: 5 }] });
    expect(r2.spend!.unmatched).toEqual([{ source: 'seo', amount: 20, like: 'SEO' }, { source: 'A ds', amount: 10, like: 'Ads' }, { source: 'TV', amount: 5 }]);
  });

  it('says which months the spend and the deals do not share, and which the period cuts', () => {
    const r2 = run(EXAMPLE, [], { spend: [...SPEND, { month: '2024-12', source: 'Ads', amount: 1 }, { month: '2025-01', source: '', amount: 700 }], opts: { from: '2024-12-01', to: '2025-02-14' } });
    expect(r2.spend).toMatchObject({ noSource: 700, monthsWithoutDeals: ['2024-12'], partialMonths: ['2025-02'] });
    expect(r2.spend!.monthsWithoutSpend).toBeUndefined();
  });

  it('spend months outside the period do not count', () => {
    const r2 = run(EXAMPLE, [['source']], { spend: SPEND, opts: { from: '2025-02-01', to: '2025-02-28' } });
    expect(r2.total.spend).toBe(25_000);
    expect(r2.total.leads).toBe(3);
  });
});

describe('groupings of activities and payments', () => {
  const deals = [src(deal('1', 'Ivanov', '2025-01-05 10:00', '2025-02-10 10:00', 'won', 1000, 'K1'), 'Ads', 'Main'), src(deal('2', 'Petrov', '2025-02-05 10:00', null, 'open', null, 'K2'), '', 'Main')];
  const activities = [
    act('Ivanov', '2025-01-05 11:00', 'call', 'out', false, 60, '1'),
    act('Ivanov', '2025-02-06 11:00', 'call', 'in', true, null, '1'),
    act('Ivanov', '2025-02-06 12:00', 'call', 'out', false, 30, '1'),
    act('Petrov', '2025-02-05 12:00', 'email', 'out', false, null, '2'),
    act('Petrov', '2025-03-01 12:00', 'call', 'out', false, 120, ''),
  ];
  const payments: Payment[] = [{ deal_id: '1', manager: '', invoiced: 1000, paid: 500, invoiced_at: null, paid_at: null }];

  it('by the linked deal\'s source; no deal or an empty source: not set', () => {
    const g = run(deals, [['source']], { activities, payments }).groups[0]!;
    expect(g.map((x) => [x.by.source, x.metrics.calls_out, x.metrics.calls_missed, x.metrics.emails, x.metrics.callback_rate, x.metrics.paid])).toEqual([
      ['Ads', 2, 1, 0, 1, 500],
      [null, 1, 0, 1, null, 0],
    ]);
  });

  it('by the activity\'s month', () => {
    const g = run(deals, [['month']], { activities }).groups[0]!;
    expect(g.map((x) => [x.by.month, x.metrics.leads, x.metrics.calls_out, x.metrics.talk_minutes])).toEqual([
      ['2025-01', 1, 1, 1],
      ['2025-02', 1, 1, 0.5],
      ['2025-03', 0, 1, 2],
    ]);
  });

  it('by stage: open deals only, with their median age at the last date of the file', () => {
    const d = [
      src(deal('1', 'A', '2025-01-01 00:00', null, 'open', null), '', '', 'Offer'),
      src(deal('2', 'A', '2025-01-11 00:00', null, 'open', null), '', '', 'Offer'),
      src(deal('3', 'A', '2025-01-21 00:00', null, 'open', null), '', '', 'Offer'),
      src(deal('4', 'A', '2025-01-25 00:00', '2025-01-31 00:00', 'won', 5), '', '', 'Won'),
      src(deal('5', 'A', '2025-01-26 00:00', null, 'open', null), '', '', ''),
    ];
    const g = run(d, [['stage']]).groups[0]!;
    expect(g).toEqual([
      { by: { stage: 'Offer' }, metrics: { open: 3, age_days_median: 20 } },
      { by: { stage: null }, metrics: { open: 1, age_days_median: 5 } },
    ]);
    const at = run(d, [['stage']], { opts: { to: '2025-02-09' } }).groups[0]!;
    expect(at[0]!.metrics.age_days_median).toBe(30);
    // The department's row: every open deal's age together (5, 10, 20, 30), not a median of the stages' medians.
    expect(run(d, [['stage']]).total.age_days_median).toBe(15);
    expect(run(d, [['stage', 'source']]).total.age_days_median).toBe(15);
    expect(run(d, [['source']]).total).not.toHaveProperty('age_days_median');
  });
});
