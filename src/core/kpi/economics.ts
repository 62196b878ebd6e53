// Unit economics (`kpi --spend`, docs/metrics.md "Spend"): spend, new won clients, CAC, cost per
// lead, ROMI, LTV and LTV/CAC, for the department and for the groups of every grouping whose
// dimensions spend is known by (source and month). Spend of a source no deal has makes a group of its
// own, and of an empty source goes to the "not set" group, so the groups' spend adds up to the department's.
import type { InputShape, SpendRow } from '../records.js';
import type { DealStore } from './deal-store.js';
import { monthCode, monthInPeriod, monthOf, monthText, monthWithin, NOT_SET, type Grouping } from './groups.js';
import { dayOf, MoneySum, ratio } from './stats.js';
import type { MetricValues, SpendSummary } from './types.js';

const WON = 1;

/** Sums of LTV (in cents, before the margin) and counts of clients, by group. */
class LtvSums {
  sum = new Map<number, number>();
  count = new Map<number, number>();

  add(cell: number, cents: number): void {
    this.sum.set(cell, (this.sum.get(cell) ?? 0) + cents);
    this.count.set(cell, (this.count.get(cell) ?? 0) + 1);
  }
}

/** The unit economics of one finish: the department's and each group's. */
export interface EconomicsResult {
  total(values: MetricValues): MetricValues;
  group(grouping: number, cell: number, values: MetricValues): MetricValues;
  /** Whether a spend row of the period went to a group. */
  hasSpend(grouping: number, cell: number): boolean;
  summary(): SpendSummary;
}

/** The spend of a period and what it bought, from the spend file's rows. */
export class UnitEconomics {
  private readonly rows: Array<{ month: number; source: string; amount: number }>;

  constructor(
    private readonly store: DealStore,
    rows: readonly SpendRow[],
    private readonly margin: number,
    private readonly fromDay: number,
    private readonly toDay: number,
  ) {
    this.rows = rows.flatMap((r) => {
      const month = monthCode(r.month);
      return month !== undefined && monthInPeriod(month, fromDay, toDay) ? [{ month, source: r.source, amount: r.amount }] : [];
    });
  }

  /**
   * Sums spend and LTV by group. `firstWon` is each client's first won deal of the period (its index + 1, 0 for none); `cells`
   * the group of each deal in every grouping. Spend of a source or month no deal has adds a group.
   */
  prepare(firstWon: Int32Array, groupings: readonly Grouping[], cells: readonly Int32Array[], shape: InputShape): EconomicsResult {
    const { store } = this;
    const used = new Uint8Array(store.labels.size);
    for (let i = 0; i < store.size; i++) used[store.source[i]!] = 1;
    const total = new MoneySum();
    const noSource = new MoneySum();
    const unmatched = new Map<string, MoneySum>();
    const eligible = groupings.map((g) => !g.dims.some((d) => d !== 'source' && d !== 'month'));
    const spend = groupings.map(() => new Map<number, MoneySum>());
    for (const r of this.rows) {
      total.add(r.amount);
      if (r.source === '') noSource.add(r.amount);
      const known = r.source === '' ? 0 : store.labels.find(r.source);
      if (r.source !== '' && (known === undefined || !used[known])) {
        if (!unmatched.has(r.source)) unmatched.set(r.source, new MoneySum());
        unmatched.get(r.source)!.add(r.amount);
      }
      const source = r.source === '' ? NOT_SET : store.labels.id(r.source);
      groupings.forEach((g, k) => {
        if (!eligible[k]) return;
        const cell = g.cellOf(g.dims.map((d) => (d === 'source' ? source : r.month)));
        if (!spend[k]!.has(cell)) spend[k]!.set(cell, new MoneySum());
        spend[k]!.get(cell)!.add(r.amount);
      });
    }
    // A deal source an unmatched one differs from only in case or spaces, to name in the warning.
    const loose = (t: string) => t.toLowerCase().replace(/\s+/g, '');
    const near = new Map<string, string>();
    for (let id = 1; id < used.length; id++) if (used[id]) near.set(loose(store.labels.values[id]!), store.labels.values[id]!);
    const ltv = this.ltv(firstWon, groupings.length, cells);
    const figures = (values: MetricValues, spent: number | null, sums: LtvSums, cell: number) => this.figures(values, spent, shape.amount && shape.sales !== false ? ratio((sums.sum.get(cell) ?? 0) * this.margin, (sums.count.get(cell) ?? 0) * 100) : null);
    // Spend is known where the file has a row: a group or a period without one has no spend (null), so
    // no CAC of 0 for a channel the file is silent about; a row of 0 is a free channel.
    return {
      total: (values) => figures(values, this.rows.length > 0 ? total.value() : null, ltv.total, 0),
      group: (k, cell, values) => figures(values, eligible[k] ? (spend[k]!.get(cell)?.value() ?? null) : null, ltv.groups[k]!, cell),
      hasSpend: (k, cell) => spend[k]!.has(cell),
      summary: () => ({
        total: total.value(),
        margin: this.margin,
        unmatched: [...unmatched]
          .map(([source, s]) => {
            const like = near.get(loose(source));
            return { source, amount: s.value(), ...(like !== undefined ? { like } : {}) };
          })
          .sort((a, b) => b.amount - a.amount || (a.source < b.source ? -1 : 1)),
        ...(noSource.count > 0 ? { noSource: noSource.value() } : {}),
        ...this.coverage(),
      }),
    };
  }

  /** Whether deal i was created in the period (the engine's rule: by calendar day). */
  private inPeriod(i: number): boolean {
    const day = dayOf(this.store.created[i]!);
    return day >= this.fromDay && day <= this.toDay;
  }

  /** Months of the period with deals and no spend, with spend and no deals, and cut by the period. */
  private coverage(): Pick<SpendSummary, 'monthsWithoutSpend' | 'monthsWithoutDeals' | 'partialMonths' | 'sourcesWithoutSpend'> {
    if (this.rows.length === 0) return {};
    const { store } = this;
    const dealMonths = new Set<number>();
    // Deals of the period by source, for the named sources the spend file is silent about.
    const bySource = new Map<number, number>();
    for (let i = 0; i < store.size; i++) {
      if (!this.inPeriod(i)) continue;
      dealMonths.add(monthOf(store.created[i]!));
      bySource.set(store.source[i]!, (bySource.get(store.source[i]!) ?? 0) + 1);
    }
    const spendSources = new Set(this.rows.map((r) => r.source));
    // A spend file by month alone (no source in any row) is silent about no source: its spend is the department's.
    const bySources = [...spendSources].some((s) => s !== '');
    const silent = !bySources ? [] : [...bySource]
      .map(([id, deals]) => ({ source: store.labels.values[id]!, deals }))
      .filter((s) => s.source !== '' && !spendSources.has(s.source))
      .sort((a, b) => b.deals - a.deals || (a.source < b.source ? -1 : 1));
    const spendMonths = new Set(this.rows.map((r) => r.month));
    const list = (codes: Iterable<number>) => [...codes].sort((a, b) => a - b).map(monthText);
    const out: Pick<SpendSummary, 'monthsWithoutSpend' | 'monthsWithoutDeals' | 'partialMonths' | 'sourcesWithoutSpend'> = {};
    if (silent.length > 0) out.sourcesWithoutSpend = silent;
    const withoutSpend = list([...dealMonths].filter((m) => !spendMonths.has(m)));
    const withoutDeals = list([...spendMonths].filter((m) => !dealMonths.has(m)));
    const partial = list([...spendMonths].filter((m) => !monthWithin(m, this.fromDay, this.toDay)));
    if (withoutSpend.length > 0) out.monthsWithoutSpend = withoutSpend;
    if (withoutDeals.length > 0) out.monthsWithoutDeals = withoutDeals;
    if (partial.length > 0) out.partialMonths = partial;
    return out;
  }

  /**
   * LTV by group: each client with a won deal in the period is counted once, in the group of its
   * first won deal of the period, with the revenue of all its won deals in the file; a won deal
   * without a client is a client of its own.
   */
  private ltv(firstWon: Int32Array, groupings: number, cells: readonly Int32Array[]): { total: LtvSums; groups: LtvSums[] } {
    const { store } = this;
    const cents = (i: number) => (Number.isNaN(store.amount[i]!) ? 0 : Math.round(store.amount[i]! * 100));
    const lifetime = new Float64Array(store.clients.size);
    for (let i = 0; i < store.size; i++) if (store.status[i] === WON && store.client[i] !== 0) lifetime[store.client[i]!]! += cents(i);
    const total = new LtvSums();
    const groups = Array.from({ length: groupings }, () => new LtvSums());
    for (let i = 0; i < store.size; i++) {
      if (store.status[i] !== WON || !this.inPeriod(i)) continue;
      const c = store.client[i]!;
      if (c !== 0 && firstWon[c] !== i + 1) continue;
      const value = c === 0 ? cents(i) : lifetime[c]!;
      total.add(0, value);
      groups.forEach((g, k) => g.add(cells[k]![i]!, value));
    }
    return { total, groups };
  }

  /** The unit-economics metrics of a group or the department from its other metrics, spend and LTV. */
  private figures(values: MetricValues, spend: number | null, ltv: number | null): MetricValues {
    const num = (v: MetricValues[string] | undefined) => (typeof v === 'number' ? v : 0);
    const newWon = num(values.won) - num(values.repeat_won);
    const revenue = typeof values.revenue === 'number' ? values.revenue : null;
    const cac = spend === null ? null : ratio(spend, newWon);
    return {
      spend,
      new_won_clients: newWon,
      cac,
      cost_per_lead: spend === null ? null : ratio(spend, num(values.leads)),
      romi: spend === null || revenue === null ? null : ratio(revenue * this.margin - spend, spend),
      ltv,
      ltv_cac: ltv === null || cac === null ? null : ratio(ltv, cac),
    };
  }
}
