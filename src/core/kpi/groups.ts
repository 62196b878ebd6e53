// Groupings (`kpi --by`, docs/metrics.md "Groupings"): the engine's accumulators once more per group.
// A deal is grouped by its own manager, source, pipeline, stage and creation month (its cohort); an
// activity by its manager, its month, and the source or pipeline of the deal it is linked to; a
// payment by its manager and its deal's values. A value that is missing is a group of its own
// ("not set"), so the groups of any grouping add up to the department.
import type { DealStore } from './deal-store.js';
import { DAY_MS } from './stats.js';
import { ActivityTally, DealTally, noPayments, type PaymentSums, type TallyData } from './tallies.js';
import type { GroupDim } from './types.js';

/** The code of a missing value. */
export const NOT_SET = -1;

/** The most months a month grouping fills between its first and last month (ten years). */
const MONTH_SPAN = 120;

let lastDay = NaN;
let lastMonth = NOT_SET;

/** The calendar month of a time (wall-clock ms read as UTC) as year × 12 + month − 1; NOT_SET for NaN. */
export function monthOf(ms: number): number {
  if (Number.isNaN(ms)) return NOT_SET;
  const day = Math.floor(ms / DAY_MS);
  if (day === lastDay) return lastMonth;
  const d = new Date(day * DAY_MS);
  lastDay = day;
  lastMonth = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return lastMonth;
}

/** A month code as `YYYY-MM`. */
export function monthText(code: number): string {
  return `${String(Math.floor(code / 12)).padStart(4, '0')}-${String((code % 12) + 1).padStart(2, '0')}`;
}

/** A month `YYYY-MM` as its code (undefined when it is not one). */
export function monthCode(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The first and last day numbers of a month code. */
function monthDays(code: number): { first: number; last: number } {
  const y = Math.floor(code / 12);
  const m = code % 12;
  return { first: Date.UTC(y, m, 1) / DAY_MS, last: Date.UTC(y, m + 1, 1) / DAY_MS - 1 };
}

/** Whether any day of a month lies in [fromDay, toDay] (day numbers; infinite for no bound). */
export function monthInPeriod(code: number, fromDay: number, toDay: number): boolean {
  const { first, last } = monthDays(code);
  return first <= toDay && last >= fromDay;
}

/** Whether every day of a month lies in [fromDay, toDay]. */
export function monthWithin(code: number, fromDay: number, toDay: number): boolean {
  const { first, last } = monthDays(code);
  return first >= fromDay && last <= toDay;
}

/** One grouping's cells as plain data, for merging the part a worker thread read. */
export interface GroupingData {
  cells: Array<{ codes: number[]; activities: TallyData; byClient: TallyData }>;
}

/** What a grouping reads of an item: its manager key, its deal (−1 none) and its month code. */
interface Item {
  manager: number;
  deal: number;
  month: number;
}

/**
 * One grouping: its cells (one per distinct combination of its dimensions' codes), each with a deal,
 * an activity and a payment tally. Codes are the store's keys (managers, labels) and month codes.
 */
export class Grouping {
  /** A grouping with `stage` holds open deals only, and no activities or payments. */
  readonly stage: boolean;
  readonly codes: number[][] = [];
  readonly deals: DealTally[] = [];
  /** Activities by the deal of their deal id (used when any activity has one)... */
  readonly activities: ActivityTally[] = [];
  /** ...else by the deal of their client and time (the engine's link rule). */
  readonly byClient: ActivityTally[] = [];
  readonly payments: PaymentSums[] = [];
  private readonly index = new Map<number | string, number>();
  private readonly item: Item = { manager: NOT_SET, deal: NOT_SET, month: NOT_SET };

  constructor(
    readonly dims: readonly GroupDim[],
    private readonly store: DealStore,
  ) {
    this.stage = dims.includes('stage');
  }

  /** The code of one dimension of an item. */
  private code(dim: GroupDim, it: Item): number {
    const s = this.store;
    const d = it.deal >= 0 && it.deal < s.size ? it.deal : NOT_SET;
    switch (dim) {
      case 'manager':
        return it.manager > 0 ? it.manager : NOT_SET;
      case 'month':
        return it.month;
      case 'source':
        return d === NOT_SET || s.source[d] === 0 ? NOT_SET : s.source[d]!;
      case 'pipeline':
        return d === NOT_SET || s.pipeline[d] === 0 ? NOT_SET : s.pipeline[d]!;
      case 'stage':
        return d === NOT_SET || s.stage[d] === 0 ? NOT_SET : s.stage[d]!;
    }
  }

  /** The cell of given codes, made when new. */
  cellOf(codes: readonly number[]): number {
    // One dimension: the code itself; two: both in one number (codes below 2^24); else text.
    let key: number | string;
    if (codes.length === 1) key = codes[0]!;
    else if (codes.length === 2 && codes[0]! < 0x7fffff && codes[1]! < 0x7fffff) key = (codes[0]! + 1) * 0x1000000 + (codes[1]! + 1);
    else key = codes.join(',');
    let c = this.index.get(key);
    if (c === undefined) {
      c = this.codes.length;
      this.index.set(key, c);
      this.codes.push([...codes]);
      this.deals.push(new DealTally());
      this.activities.push(new ActivityTally());
      this.byClient.push(new ActivityTally());
      this.payments.push(noPayments());
    }
    return c;
  }

  private readonly scratch: number[] = [];

  /** The cell of a manager, deal and month. */
  cell(manager: number, deal: number, month: number): number {
    const it = this.item;
    it.manager = manager;
    it.deal = deal;
    it.month = month;
    const codes = this.scratch;
    codes.length = this.dims.length;
    for (let k = 0; k < this.dims.length; k++) codes[k] = this.code(this.dims[k]!, it);
    return this.cellOf(codes);
  }

  /** The label of a code of a dimension: null for not set. */
  label(dim: GroupDim, code: number): string | null {
    if (code === NOT_SET) return null;
    if (dim === 'month') return monthText(code);
    if (dim === 'manager') return this.store.managers.values[code]!;
    return this.store.labels.values[code]!;
  }

  /** The activity tallies as plain data. */
  data(): GroupingData {
    return { cells: this.codes.map((codes, c) => ({ codes, activities: this.activities[c]!.data(), byClient: this.byClient[c]!.data() })) };
  }

  /** Adds the activity tallies of a worker's grouping (its manager keys mapped to this store's). */
  absorb(d: GroupingData, manager: (m: number) => number): void {
    const k = this.dims.indexOf('manager');
    for (const cell of d.cells) {
      const codes = k < 0 || cell.codes[k] === NOT_SET ? cell.codes : cell.codes.map((v, i) => (i === k ? manager(v) : v));
      const c = this.cellOf(codes);
      this.activities[c]!.absorb(cell.activities);
      this.byClient[c]!.absorb(cell.byClient);
    }
  }

  /**
   * A grouping by month alone lists every month from its first kept month to its last: a month with
   * nothing in it is a row of zeros, not a gap a table skips and a trend line joins across. Months
   * more than MONTH_SPAN apart (a stray date decades off) are left as they are. Returns the cells to
   * show, in reading order: the kept ones and the quiet months between them.
   */
  withQuietMonths(kept: readonly number[]): number[] {
    if (this.dims.length !== 1 || this.dims[0] !== 'month') return [...kept];
    const months = kept.map((c) => this.codes[c]![0]!).filter((m) => m !== NOT_SET);
    if (months.length === 0) return [...kept];
    const first = Math.min(...months);
    const last = Math.max(...months);
    if (last - first > MONTH_SPAN) return [...kept];
    const show = new Set(kept);
    for (let m = first; m <= last; m++) show.add(this.cellOf([m]));
    return this.order().filter((c) => show.has(c));
  }

  /**
   * The cells in reading order: dimension by dimension, months in time order and other values in
   * code point order, "not set" last.
   */
  order(): number[] {
    const labels = this.codes.map((codes) => codes.map((v, k) => this.label(this.dims[k]!, v)));
    const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
    return this.codes
      .map((_, c) => c)
      .sort((x, y) => {
        for (let k = 0; k < this.dims.length; k++) {
          const r = cmp(labels[x]![k]!, labels[y]![k]!);
          if (r !== 0) return r;
        }
        return 0;
      });
  }
}
