import { describeAlert, type Alert } from '../../src/core/kpi/alerts.js';
import { METRICS, UNIT_METRICS } from '../../src/core/kpi/catalog.js';
import type { KpiGroup, KpiResult, MetricValues } from '../../src/core/kpi/types.js';

/**
 * A hand-made KPI result with groupings, spend and a plan (issue 17), every number computed by hand
 * from six deals, margin 0.5, period 01.07.2024 — 31.08.2024 (docs/metrics.md's worked example plus
 * a deal with no source):
 *
 * | deal | source               | manager       | client | created    | status | amount  | closed     |
 * | A    | Контекстная реклама  | Иванова Анна  | K1     | 2024-07-03 | won    | 100 000 | 2024-07-13 |
 * | B    | Контекстная реклама  | Иванова Анна  | K1     | 2024-08-01 | won    |  50 000 | 2024-08-05 |
 * | C    | Контекстная реклама  | Иванова Анна  | K2     | 2024-07-10 | lost   |         | 2024-07-20 |
 * | D    | Сайт                 | Петров Олег   | K3     | 2024-08-02 | won    |  30 000 | 2024-08-22 |
 * | E    | Сайт                 | Петров Олег   |        | 2024-07-15 | open (stage «Переговоры») |
 * | F    | (none)               | Петров Олег   |        | 2024-08-10 | lost   |         | 2024-08-12 |
 *
 * Spend: Контекстная реклама 25 000 (07) + 15 000 (08), Сайт 4 000 (07) + 6 000 (08), Радио 5 000
 * (07; no deal has it). B is a repeat sale of K1, so new won clients are A and D. No activities file.
 */
export const SOURCE_ADS = 'Контекстная реклама';
export const SOURCE_SITE = 'Сайт';

const NO_ACTIVITIES = 'needs an activities file (--activities)';
const LINKED = 'needs an activities file with deal_id or client (--activities)';
const NOT_APPLICABLE: Record<string, string> = Object.fromEntries([
  ...['touches_per_won', 'won_below_touch_norm', 'response_min_median', 'response_min_avg', 'no_response', 'callback_rate'].map((k) => [k, LINKED]),
  ...['calls_out', 'calls_in', 'calls_missed', 'missed_share', 'emails', 'meetings', 'messages', 'talk_minutes', 'activities_per_day'].map((k) => [k, NO_ACTIVITIES]),
  ...['invoiced', 'paid', 'paid_share'].map((k) => [k, 'needs a payments file (--payments)']),
]);

/** Every metric of the contract, null unless given (not applicable, or nothing to compute it from). */
function values(given: MetricValues, unit: boolean): MetricValues {
  const out: MetricValues = {};
  for (const m of [...METRICS, ...(unit ? UNIT_METRICS : [])]) out[m.key] = null;
  return { ...out, ...given };
}

/** Deal figures: leads, won, lost, open, revenue and the won amounts' cycle days, the rest derived. */
function deals(leads: number, won: number, lost: number, open: number, revenue: number, cycles: number[], repeat: number, reasons: Record<string, number>): MetricValues {
  const sorted = [...cycles].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    leads, won, lost, open,
    conversion: leads === 0 ? null : won / leads,
    win_rate: won + lost === 0 ? null : won / (won + lost),
    revenue,
    average_check: won === 0 ? null : revenue / won,
    cycle_days_avg: cycles.length === 0 ? null : cycles.reduce((a, b) => a + b, 0) / cycles.length,
    cycle_days_median: median,
    repeat_won: repeat,
    repeat_share: won === 0 ? null : repeat / won,
    loss_reasons: reasons,
  };
}

/** Unit economics from spend, new won clients, leads, revenue and the LTVs of the clients won (margin 0.5). */
function unit(spend: number | null, newClients: number, leads: number, revenue: number, ltvs: number[]): MetricValues {
  const cac = spend === null || newClients === 0 ? null : spend / newClients;
  const ltv = ltvs.length === 0 ? null : ltvs.reduce((a, b) => a + b, 0) / ltvs.length;
  return {
    spend, new_won_clients: newClients, cac,
    cost_per_lead: spend === null || leads === 0 ? null : spend / leads,
    romi: spend === null || spend === 0 ? null : (revenue * 0.5 - spend) / spend,
    ltv, ltv_cac: ltv === null || cac === null ? null : ltv / cac,
  };
}

/** The engine's warning about the spend no deal's source matches. */
const UNMATCHED: Alert = { code: 'spend-unmatched', sources: [{ source: 'Радио', amount: 5_000 }] };

const group = (by: KpiGroup['by'], d: MetricValues, u: MetricValues | null): KpiGroup => ({ by, metrics: values({ ...d, ...(u ?? {}) }, u !== null) });
const LTV_K1 = 75_000;
const LTV_K3 = 15_000;

/** The result the engine should give for the deals above with `--by source --by month --by source,month --by manager --by stage --spend --plan`. */
export function groupsResult(): KpiResult {
  const ivanova = deals(3, 2, 1, 0, 150_000, [10, 4], 1, { 'Дорого': 1 });
  const petrov = deals(3, 1, 1, 1, 30_000, [20], 0, { unspecified: 1 });
  return {
    schemaVersion: 1,
    period: { from: '2024-07-01', to: '2024-08-31' },
    managers: [{ manager: 'Иванова Анна', ...values(ivanova, false) }, { manager: 'Петров Олег', ...values(petrov, false) }],
    total: values({ ...deals(6, 3, 2, 1, 180_000, [10, 4, 20], 1, { 'Дорого': 1, unspecified: 1 }), ...unit(55_000, 2, 6, 180_000, [LTV_K1, LTV_K3]) }, true),
    notApplicable: NOT_APPLICABLE,
    dataQuality: { rowsRead: 6, rowsSkipped: [], rowsSkippedCount: 0, files: [{ file: 'deals.csv', kind: 'deals', format: 'csv', rowsRead: 6, records: 6, skipped: 0, dropped: {} }], warnings: [describeAlert(UNMATCHED, 'en')], alerts: [UNMATCHED] },
    options: { touchNorm: 5, callbackWindowHours: 24 },
    groupBy: [['source'], ['month'], ['source', 'month'], ['manager'], ['stage']],
    groups: [
      group({ source: SOURCE_ADS }, deals(3, 2, 1, 0, 150_000, [10, 4], 1, { 'Дорого': 1 }), unit(40_000, 1, 3, 150_000, [LTV_K1])),
      group({ source: SOURCE_SITE }, deals(2, 1, 0, 1, 30_000, [20], 0, {}), unit(10_000, 1, 2, 30_000, [LTV_K3])),
      group({ source: null }, deals(1, 0, 1, 0, 0, [], 0, { unspecified: 1 }), unit(null, 0, 1, 0, [])),
      group({ month: '2024-07' }, deals(3, 1, 1, 1, 100_000, [10], 0, { 'Дорого': 1 }), unit(34_000, 1, 3, 100_000, [LTV_K1])),
      group({ month: '2024-08' }, deals(3, 2, 1, 0, 80_000, [4, 20], 1, { unspecified: 1 }), unit(21_000, 1, 3, 80_000, [LTV_K1, LTV_K3])),
      group({ source: SOURCE_ADS, month: '2024-07' }, deals(2, 1, 1, 0, 100_000, [10], 0, { 'Дорого': 1 }), unit(25_000, 1, 2, 100_000, [LTV_K1])),
      group({ source: SOURCE_ADS, month: '2024-08' }, deals(1, 1, 0, 0, 50_000, [4], 1, {}), unit(15_000, 0, 1, 50_000, [LTV_K1])),
      group({ source: SOURCE_SITE, month: '2024-07' }, deals(1, 0, 0, 1, 0, [], 0, {}), unit(4_000, 0, 1, 0, [])),
      group({ source: SOURCE_SITE, month: '2024-08' }, deals(1, 1, 0, 0, 30_000, [20], 0, {}), unit(6_000, 1, 1, 30_000, [LTV_K3])),
      group({ source: null, month: '2024-08' }, deals(1, 0, 1, 0, 0, [], 0, { unspecified: 1 }), unit(null, 0, 1, 0, [])),
      // Spend is known by source and month only: per manager, spend, CAC, cost per lead, ROMI and LTV/CAC are null.
      group({ manager: 'Иванова Анна' }, ivanova, { ...unit(null, 1, 3, 150_000, [LTV_K1]) }),
      group({ manager: 'Петров Олег' }, petrov, { ...unit(null, 1, 3, 30_000, [LTV_K3]) }),
      { by: { stage: 'Переговоры' }, metrics: { open: 1, age_days_median: 48 } },
    ],
    spend: { total: 55_000, margin: 0.5, unmatched: [{ source: 'Радио', amount: 5_000 }] },
    plan: {
      by: 'source',
      leads: { plan: 8, fact: 5, achieved: 5 / 8 },
      won: { plan: 3, fact: 3, achieved: 1 },
      revenue: { plan: 180_000, fact: 180_000, achieved: 1 },
      rows: [
        { by: { source: SOURCE_ADS, month: '2024-07' }, leads: { plan: 3, fact: 2, achieved: 2 / 3 }, won: { plan: 1, fact: 1, achieved: 1 }, revenue: { plan: 80_000, fact: 100_000, achieved: 1.25 } },
        { by: { source: SOURCE_ADS, month: '2024-08' }, leads: { plan: 2, fact: 1, achieved: 0.5 }, won: { plan: 1, fact: 1, achieved: 1 }, revenue: { plan: 60_000, fact: 50_000, achieved: 50_000 / 60_000 } },
        { by: { source: SOURCE_SITE, month: '2024-07' }, leads: { plan: 2, fact: 1, achieved: 0.5 }, won: { plan: 1, fact: 0, achieved: 0 }, revenue: { plan: 40_000, fact: 0, achieved: 0 } },
        { by: { source: SOURCE_SITE, month: '2024-08' }, leads: { plan: 1, fact: 1, achieved: 1 }, won: { plan: 0, fact: 1, achieved: null }, revenue: { plan: 0, fact: 30_000, achieved: null } },
      ],
    },
  };
}

/** The same deals without spend and plan: groupings only, as `kpi --by source,month` gives. */
export function groupsOnlyResult(): KpiResult {
  const r = groupsResult();
  const dropUnit = (v: MetricValues) => Object.fromEntries(Object.entries(v).filter(([k]) => !UNIT_METRICS.some((m) => m.key === k)));
  const { spend: _spend, plan: _plan, ...rest } = r;
  return { ...rest, total: dropUnit(r.total), groups: r.groups!.map((g) => ({ ...g, metrics: dropUnit(g.metrics) })) };
}
