import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity, Deal, Payment } from '../../../src/core/records.js';
import type { GroupDim } from '../../../src/core/kpi/types.js';
import { compute } from '../../helpers/kpi.js';

const BASE = Date.UTC(2025, 0, 1);
const managers = fc.constantFrom('Анна', 'Boris', 'Вера', 'Ёжик');
const clients = fc.constantFrom('', 'K1', 'K2', 'K3');
const time = fc.integer({ min: 0, max: 60 * 24 * 40 }).map((m) => BASE + m * 60_000);

const dealArb = fc.record({
  manager: managers,
  created: time,
  span: fc.option(fc.integer({ min: -2000, max: 20_000 }), { nil: null }),
  status: fc.constantFrom<Deal['status']>('won', 'lost', 'open'),
  amount: fc.option(fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100), { nil: null }),
  client: clients,
  reason: fc.constantFrom('', 'Дорого', 'No budget'),
  source: fc.constantFrom('', 'Реклама', 'SEO'),
  pipeline: fc.constantFrom('', 'Основная', 'Partners'),
  stage: fc.constantFrom('', 'Новая', 'Offer'),
});

const spendArb = fc.array(
  fc.record({ month: fc.constantFrom('2024-12', '2025-01', '2025-02'), source: fc.constantFrom('', 'Реклама', 'SEO', 'Радио'), amount: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100) }),
  { maxLength: 8 },
);
const groupByArb = fc.subarray<GroupDim[]>([['manager'], ['source'], ['pipeline'], ['month'], ['stage'], ['source', 'month'], ['manager', 'pipeline'], ['stage', 'source']], { minLength: 1 });

const activityArb = (dealCount: number, withDealIds: boolean) =>
  fc.record({
    manager: managers,
    at: time,
    kind: fc.constantFrom<Activity['kind']>('call', 'call', 'email', 'meeting', 'message'),
    direction: fc.constantFrom<Activity['direction']>('in', 'out', ''),
    missed: fc.boolean(),
    duration: fc.option(fc.integer({ min: 0, max: 36_000_000 }).map((n) => n / 1000), { nil: null }),
    deal: withDealIds ? fc.integer({ min: 0, max: Math.max(0, dealCount + 1) }) : fc.constant(-1),
    client: clients,
  });

const scenario = fc
  .record({ deals: fc.array(dealArb, { maxLength: 25 }), withDealIds: fc.boolean() })
  .chain(({ deals, withDealIds }) =>
    fc.record({
      deals: fc.constant(deals),
      activities: fc.array(activityArb(deals.length, withDealIds), { maxLength: 40 }),
      payments: fc.array(fc.record({ deal: fc.integer({ min: 0, max: deals.length + 1 }), manager: fc.option(managers, { nil: '' }), invoiced: fc.integer({ min: 0, max: 10_000 }), paidPart: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 10 }),
      period: fc.option(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 15 })), { nil: null }),
      spend: spendArb,
      groupBy: groupByArb,
      margin: fc.constantFrom(1, 0.35),
    }),
  )
  .map((s) => {
    const deals: Deal[] = s.deals.map((d, i) => {
      const closed = d.status === 'open' || d.span === null ? null : d.created + d.span * 60_000;
      return { id: String(i + 1), manager: d.manager, created_at: d.created, closed_at: closed, status: d.status, amount: d.amount, client: d.client, loss_reason: d.status === 'lost' ? d.reason : '', stage: d.stage, pipeline: d.pipeline, source: d.source, name: '' };
    });
    const activities: Activity[] = s.activities.map((a) => ({
      manager: a.manager,
      at: a.at,
      kind: a.kind,
      direction: a.direction,
      missed: a.kind === 'call' && a.direction === 'in' && a.missed,
      duration_s: a.duration,
      deal_id: a.deal > 0 ? String(a.deal) : '',
      client: a.client,
    }));
    // every payment has a manager or a known deal, so department totals add up over managers
    const payments: Payment[] = s.payments.map((p) => {
      const dealId = p.deal >= 1 && p.deal <= deals.length ? String(p.deal) : '';
      return { deal_id: dealId, manager: dealId === '' && p.manager === '' ? 'Анна' : p.manager, invoiced: p.invoiced, paid: Math.floor(p.invoiced * p.paidPart), invoiced_at: null, paid_at: null };
    });
    const period = s.period ? { from: new Date(BASE + s.period[0] * 86_400_000).toISOString().slice(0, 10), to: new Date(BASE + (s.period[0] + s.period[1]) * 86_400_000).toISOString().slice(0, 10) } : {};
    return { deals, activities, payments, period, spend: s.spend, groupBy: s.groupBy, margin: s.margin };
  });

const COUNTS = ['leads', 'won', 'lost', 'open', 'won_below_touch_norm', 'no_response', 'calls_out', 'calls_in', 'calls_missed', 'emails', 'meetings', 'messages', 'repeat_won'];
const SUMS = ['revenue', 'talk_minutes', 'invoiced', 'paid'];
const RATIOS = ['conversion', 'win_rate', 'missed_share', 'callback_rate', 'repeat_share', 'paid_share'];

function shuffle<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('KPI invariants (property tests)', () => {
  it('department counts and sums equal the sum over managers; loss reasons too', () => {
    fc.assert(
      fc.property(scenario, ({ deals, activities, payments, period }) => {
        const { managers, total } = compute(deals, activities, payments, period);
        for (const key of COUNTS) expect(managers.reduce((n, m) => n + (m[key] as number), 0)).toBe(total[key]);
        for (const key of SUMS) expect(managers.reduce((n, m) => n + (m[key] as number), 0)).toBeCloseTo(total[key] as number, 6);
        const reasons: Record<string, number> = {};
        for (const m of managers) for (const [r, n] of Object.entries(m.loss_reasons as Record<string, number>)) reasons[r] = (reasons[r] ?? 0) + n;
        expect(reasons).toEqual(total.loss_reasons);
      }),
      { numRuns: 300 },
    );
  });

  it('ratios lie in [0, 1] or are null; nothing is NaN', () => {
    fc.assert(
      fc.property(scenario, ({ deals, activities, payments, period }) => {
        const { managers, total } = compute(deals, activities, payments, period);
        for (const row of [total, ...managers]) {
          for (const key of RATIOS) {
            const v = row[key];
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
          }
          for (const v of Object.values(row)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shuffling deals, activities and payments changes nothing, to the last bit', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 1e9 }), ({ deals, activities, payments, period }, seed) => {
        const a = compute(deals, activities, payments, period);
        const b = compute(shuffle(deals, seed), shuffle(activities, seed + 1), shuffle(payments, seed + 2), period);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 300 },
    );
  });

  it('splitting the activities in two and concatenating them in the other order changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ deals, activities, payments, period }, cut) => {
        const k = activities.length === 0 ? 0 : cut % activities.length;
        const a = compute(deals, activities, payments, period);
        const b = compute(deals, [...activities.slice(k), ...activities.slice(0, k)], payments, period);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  it('the groups of any grouping add up to the department: counts, sums, spend and new clients', () => {
    fc.assert(
      fc.property(scenario, ({ deals, activities, payments, period, spend, groupBy, margin }) => {
        const r = compute(deals, activities, payments, { ...period, groupBy }, {}, { rows: spend, margin });
        groupBy.forEach((dims, k) => {
          const groups = r.groups[k]!;
          const sum = (key: string) => groups.reduce((n, g) => n + ((g.metrics[key] as number | null) ?? 0), 0);
          if (dims.includes('stage')) {
            expect(sum('open')).toBe(r.total.open);
            return;
          }
          for (const key of [...COUNTS, 'new_won_clients']) expect(sum(key)).toBe(r.total[key]);
          for (const key of SUMS) expect(sum(key)).toBeCloseTo(r.total[key] as number, 6);
          if (dims.every((d) => d === 'source' || d === 'month')) expect(sum('spend')).toBeCloseTo(r.total.spend as number, 6);
          else for (const g of groups) expect(g.metrics.spend).toBeNull();
          for (const g of groups) for (const key of RATIOS) {
            const v = g.metrics[key];
            if (typeof v === 'number') expect(v >= 0 && v <= 1).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('groups, spend and LTV do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 1e9 }), ({ deals, activities, payments, period, spend, groupBy, margin }, seed) => {
        const a = compute(deals, activities, payments, { ...period, groupBy }, {}, { rows: spend, margin });
        const b = compute(shuffle(deals, seed), shuffle(activities, seed + 1), shuffle(payments, seed + 2), { ...period, groupBy }, {}, { rows: shuffle(spend, seed + 3), margin });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 300 },
    );
  });
});
