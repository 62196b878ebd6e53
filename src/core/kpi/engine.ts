import type { Activity, InputShape, Payment } from '../records.js';
import { notApplicable } from './catalog.js';
import type { DealStore } from './deal-store.js';
import { ActivityLinker, type LinkedActivity } from './link.js';
import { FactsTally, type EvidenceFacts, type EvidenceShape, type FactsPartial } from './facts.js';
import { CallTimes, FloatList, IntList, type CallTimesData } from './time-index.js';
import { cycleDays, dayOf, dayOfIso, mean, median, MoneySum, ratio } from './stats.js';
import type { ManagerKpis, MetricValues } from './types.js';

export interface KpiOptions {
  /** Inclusive calendar dates `YYYY-MM-DD`; undefined for no bound. */
  from?: string;
  to?: string;
  /** Touches a won deal should have had (seed 003: about 5 in B2B). */
  touchNorm: number;
  /** A missed call is called back when an outgoing call follows within this many ms. */
  callbackWindowMs: number;
}

const WON = 1;
const LOST = 2;

/** A set of calendar days (whole days since 1970) as a growable bitmap: one bit a day. */
export class DaySet {
  private bits = new Uint32Array(0);
  private base = 0;
  size = 0;

  add(day: number): void {
    let i = day - this.base;
    if (i < 0 || i >= this.bits.length * 32) {
      this.grow(day);
      i = day - this.base;
    }
    const w = i >>> 5;
    const m = 1 << (i & 31);
    if ((this.bits[w]! & m) === 0) {
      this.bits[w]! |= m;
      this.size++;
    }
  }

  /** Its days, to merge into another set. */
  data(): { base: number; bits: Uint32Array<ArrayBuffer> } {
    return { base: this.base, bits: this.bits.slice() };
  }

  /** Adds every day of another set. */
  absorb(d: { base: number; bits: Uint32Array }): void {
    for (let w = 0; w < d.bits.length; w++) {
      const word = d.bits[w]!;
      if (word === 0) continue;
      for (let b = 0; b < 32; b++) if ((word >>> b) & 1) this.add(d.base + w * 32 + b);
    }
  }

  private grow(day: number): void {
    const words = this.bits.length;
    const lo = words === 0 ? day - 512 : Math.min(this.base, day - 512);
    const hi = words === 0 ? day + 512 : Math.max(this.base + words * 32, day + 512);
    const base = Math.floor(lo / 32) * 32;
    const next = new Uint32Array(Math.ceil((hi - base) / 32) + 1);
    if (words > 0) next.set(this.bits, (this.base - base) / 32);
    this.bits = next;
    this.base = base;
  }
}

/** Per-manager counters for activities in the period. */
class ActivityTally {
  activities = 0;
  callsOut = 0;
  callsIn = 0;
  callsMissed = 0;
  emails = 0;
  meetings = 0;
  messages = 0;
  /** Talk time in whole milliseconds: integer sums are exact, so row order cannot change them. */
  talkMs = 0;
  days = new DaySet();
  missedWithKey = 0;
  calledBack = 0;

  data(): TallyData {
    const { days, ...counts } = this;
    return { ...counts, days: days.data() };
  }

  absorb(d: TallyData): void {
    this.activities += d.activities;
    this.callsOut += d.callsOut;
    this.callsIn += d.callsIn;
    this.callsMissed += d.callsMissed;
    this.emails += d.emails;
    this.meetings += d.meetings;
    this.messages += d.messages;
    this.talkMs += d.talkMs;
    this.missedWithKey += d.missedWithKey;
    this.calledBack += d.calledBack;
    this.days.absorb(d.days);
  }
}

/** An activity tally as plain data. */
export interface TallyData {
  activities: number;
  callsOut: number;
  callsIn: number;
  callsMissed: number;
  emails: number;
  meetings: number;
  messages: number;
  talkMs: number;
  missedWithKey: number;
  calledBack: number;
  days: { base: number; bits: Uint32Array };
}

/**
 * What an engine fed part of the activities holds, as plain data: another engine over the same
 * deals merges it (sums, minimums and unions), so that halves of a file can be read in parallel.
 */
export interface EnginePartial {
  anyDealId: boolean;
  touchesById: Uint32Array;
  firstById: Float64Array;
  touchesByClient: Uint32Array | undefined;
  firstByClient: Float64Array | undefined;
  tallies: Array<[number, TallyData]>;
  total: TallyData;
  outCalls: CallTimesData;
  missed: { manager: Int32Array; at: Float64Array; client: Int32Array; deal: Int32Array };
  listed: number[];
  facts: FactsPartial;
}

/** How the keys of a partial map to the merging engine's: managers, clients, deals (-1 stays -1). */
export interface KeyMap {
  manager: (m: number) => number;
  client: (k: number) => number;
  deal: (k: number) => number;
}

/**
 * The KPI engine: deals are loaded first (a DealStore), activities stream through addActivity once,
 * payments follow; finish() computes every metric of spec/metrics.md per manager and in total.
 * Memory grows with deals and managers; per activity it keeps only the time of each outgoing call with
 * its client or deal key (12 bytes, for callbacks) and the missed calls of the period (20 bytes).
 */
export class KpiEngine {
  private readonly fromDay: number;
  private readonly toDay: number;
  private readonly n: number;
  private readonly touchesById: Uint32Array;
  private readonly firstById: Float64Array;
  private touchesByClient: Uint32Array | undefined;
  private firstByClient: Float64Array | undefined;
  private clientDeals: Map<number, number[]> | undefined;
  private anyDealId = false;
  /** Activity tallies by manager key (an array: addLinked reads it for every activity). */
  private readonly tallies: Array<ActivityTally | undefined> = [];
  private readonly total = new ActivityTally();
  /** Outgoing call times by client and by deal, for callbacks. */
  private readonly outCalls = new CallTimes();
  /** Missed calls in the period that have a client or a deal, in parallel columns. */
  private readonly missedManager = new IntList();
  private readonly missedAt = new FloatList();
  private readonly missedClient = new IntList();
  private readonly missedDeal = new IntList();
  private readonly payments = new Map<number, PaymentSums>();
  private readonly paymentTotals: PaymentSums = { invoiced: new MoneySum(), paid: new MoneySum() };
  private readonly listed = new Set<number>();
  /** What the evidence facts need beyond the counters above (spec/evidence.md). */
  private readonly facts: FactsTally;

  private shape!: InputShape;

  constructor(
    private readonly store: DealStore,
    private readonly opts: KpiOptions,
    private readonly linker = new ActivityLinker(store),
  ) {
    this.fromDay = opts.from ? dayOfIso(opts.from) : -Infinity;
    this.toDay = opts.to ? dayOfIso(opts.to) : Infinity;
    this.n = store.size;
    this.touchesById = new Uint32Array(this.n);
    this.firstById = new Float64Array(this.n).fill(Infinity);
    this.touchesByClient = new Uint32Array(this.n);
    this.firstByClient = new Float64Array(this.n).fill(Infinity);
    this.facts = new FactsTally(this.n);
  }

  private inPeriod(ms: number): boolean {
    const d = dayOf(ms);
    return d >= this.fromDay && d <= this.toDay;
  }

  /** Feeds one activity (any order). */
  addActivity(a: Activity): void {
    this.addLinked(this.linker.link(a));
  }

  /** Feeds one activity already resolved to deal-store keys (any order). */
  addLinked(a: LinkedActivity): void {
    // Links: by deal_id when any activity has one, else by client and time window (both kept until known).
    const dealKey = a.deal;
    let byClient = false;
    if (dealKey >= 0) {
      if (!this.anyDealId) {
        this.anyDealId = true;
        this.touchesByClient = undefined;
        this.firstByClient = undefined;
        this.clientDeals = undefined;
        this.facts.dropClientLinks();
      }
      if (dealKey < this.n) this.link(dealKey, a, this.touchesById, this.firstById);
    } else if (!this.anyDealId && a.client !== 0) {
      const d = this.dealByClientWindow(a.client, a.at);
      byClient = d !== undefined;
      if (d !== undefined) this.link(d, a, this.touchesByClient!, this.firstByClient!);
    }
    const isCall = a.kind === 'call';
    const clientKey = a.client !== 0 && isCall && (a.direction === 'out' || a.missed) ? a.client : -1;
    if (isCall && a.direction === 'out') {
      if (clientKey >= 0 || dealKey >= 0) this.outCalls.add(clientKey, dealKey, a.at);
    }
    const day = dayOf(a.at);
    if (day < this.fromDay || day > this.toDay) return;
    const m = a.manager;
    let t = this.tallies[m];
    if (t === undefined) {
      this.listed.add(m);
      t = this.tally(m);
    }
    count(t, a, isCall, day);
    count(this.total, a, isCall, day);
    if (isCall) this.facts.call(a, dealKey >= 0 && dealKey < this.n, byClient);
    if (a.missed && (clientKey >= 0 || dealKey >= 0)) {
      this.missedManager.push(m);
      this.missedAt.push(a.at);
      this.missedClient.push(clientKey);
      this.missedDeal.push(dealKey);
    }
  }

  private link(d: number, a: LinkedActivity, touches: Uint32Array, first: Float64Array): void {
    const closed = this.store.closed[d]!;
    if (!a.missed && (Number.isNaN(closed) || a.at <= closed)) touches[d]!++;
    this.facts.linked(d, a, touches === this.touchesById);
    if (a.at >= this.store.created[d]! && (a.direction === 'out' || (a.direction === 'in' && !a.missed)) && a.at < first[d]!) first[d] = a.at;
  }

  /** The deal of a client whose [created_at, closed_at] holds `at`: the latest created, then the larger id. */
  private dealByClientWindow(c: number, at: number): number | undefined {
    this.clientDeals ??= this.store.byClient();
    const list = this.clientDeals.get(c);
    if (!list) return undefined;
    const { created, closed } = this.store;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (created[list[mid]!]! <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) {
      const d = list[k]!;
      const end = closed[d]!;
      if (Number.isNaN(end) || (end >= created[d]! && at <= end)) return d;
    }
    return undefined;
  }

  private tally(m: number): ActivityTally {
    return (this.tallies[m] ??= new ActivityTally());
  }

  /** Its state after some activities, as plain data (before payments and finish). */
  partial(): EnginePartial {
    return {
      anyDealId: this.anyDealId,
      touchesById: this.touchesById,
      firstById: this.firstById,
      touchesByClient: this.touchesByClient,
      firstByClient: this.firstByClient,
      tallies: this.tallies.flatMap((t, m) => (t ? [[m, t.data()] as [number, TallyData]] : [])),
      total: this.total.data(),
      outCalls: this.outCalls.data(),
      missed: {
        manager: this.missedManager.data.slice(0, this.missedManager.length),
        at: this.missedAt.data.slice(0, this.missedAt.length),
        client: this.missedClient.data.slice(0, this.missedClient.length),
        deal: this.missedDeal.data.slice(0, this.missedDeal.length),
      },
      listed: [...this.listed],
      facts: this.facts.data(),
    };
  }

  /** Merges what another engine over the same deals saw of other activities (any order). */
  merge(p: EnginePartial, map: KeyMap): void {
    if (p.anyDealId && !this.anyDealId) {
      this.anyDealId = true;
      this.touchesByClient = undefined;
      this.firstByClient = undefined;
      this.clientDeals = undefined;
    }
    this.facts.absorb(p.facts, this.anyDealId);
    for (let i = 0; i < this.n; i++) {
      this.touchesById[i]! += p.touchesById[i]!;
      if (p.firstById[i]! < this.firstById[i]!) this.firstById[i] = p.firstById[i]!;
    }
    if (!this.anyDealId && this.touchesByClient && this.firstByClient && p.touchesByClient && p.firstByClient) {
      for (let i = 0; i < this.n; i++) {
        this.touchesByClient[i]! += p.touchesByClient[i]!;
        if (p.firstByClient[i]! < this.firstByClient[i]!) this.firstByClient[i] = p.firstByClient[i]!;
      }
    }
    for (const [m, t] of p.tallies) this.tally(map.manager(m)).absorb(t);
    this.total.absorb(p.total);
    for (const m of p.listed) this.listed.add(map.manager(m));
    this.outCalls.absorb(p.outCalls, map.client, map.deal);
    const missed = p.missed;
    for (let i = 0; i < missed.at.length; i++) {
      this.missedManager.push(map.manager(missed.manager[i]!));
      this.missedAt.push(missed.at[i]!);
      this.missedClient.push(missed.client[i]! < 0 ? -1 : map.client(missed.client[i]!));
      this.missedDeal.push(missed.deal[i]! < 0 ? -1 : map.deal(missed.deal[i]!));
    }
  }

  /** Adds payments: each follows its deal's period, under its own manager, else the deal's. */
  addPayments(list: readonly Payment[]): { unattributed: number } {
    const period = this.fromDay !== -Infinity || this.toDay !== Infinity;
    let unattributed = 0;
    for (const p of list) {
      const d = p.deal_id === '' ? undefined : this.store.find(p.deal_id);
      if (d !== undefined && p.paid > 0) this.facts.paid[d] = 1;
      if (d === undefined ? period : !this.inPeriod(this.store.created[d]!)) continue;
      const name = p.manager !== '' ? p.manager : d !== undefined ? this.store.managers.values[this.store.manager[d]!]! : '';
      this.paymentTotals.invoiced.add(p.invoiced);
      this.paymentTotals.paid.add(p.paid);
      if (name === '') {
        unattributed++;
        continue;
      }
      const m = this.store.managers.id(name);
      this.listed.add(m);
      let sums = this.payments.get(m);
      if (!sums) this.payments.set(m, (sums = { invoiced: new MoneySum(), paid: new MoneySum() }));
      sums.invoiced.add(p.invoiced);
      sums.paid.add(p.paid);
    }
    return { unattributed };
  }

  /** Computes every metric per manager (sorted by name, code point order) and for the department. */
  finish(shape: InputShape): { managers: ManagerKpis[]; total: MetricValues } {
    this.shape = shape;
    const useClient = !this.anyDealId;
    const touches = useClient ? this.touchesByClient! : this.touchesById;
    const first = useClient ? this.firstByClient! : this.firstById;
    const repeat = this.repeatFlags();
    this.resolveCallbacks();

    const deals: Array<DealTally | undefined> = [];
    const totalDeals = new DealTally();
    const { store } = this;
    const withActivities = this.shape.activities;
    const norm = this.opts.touchNorm;
    // The department's lists of amounts, cycles and response times are the managers' together:
    // they are merged from the managers' sorted lists at the end instead of being filled and sorted again.
    const count = (x: DealTally, i: number, created: number, lists: boolean) => {
      x.leads++;
      const status = store.status[i]!;
      if (status === WON) {
        x.won++;
        const amount = store.amount[i]!;
        if (!Number.isNaN(amount)) x.amounts.add(amount);
        const closed = store.closed[i]!;
        if (lists) {
          const cycle = cycleDays(created, closed);
          if (cycle !== undefined) x.cycles.push(cycle);
        }
        if (withActivities) {
          x.touchSum += touches[i]!;
          if (touches[i]! < norm) x.belowNorm++;
        }
        if (repeat[i]) x.repeatWon++;
      } else if (status === LOST) {
        x.lost++;
        const reason = store.reason[i]!;
        x.reasons.set(reason, (x.reasons.get(reason) ?? 0) + 1);
      } else x.open++;
      if (withActivities) {
        if (first[i]! === Infinity) x.noResponse++;
        else if (lists) x.responses.push((first[i]! - created) / 60_000);
      }
    };
    for (let i = 0; i < this.n; i++) {
      const created = store.created[i]!;
      if (!this.inPeriod(created)) continue;
      const m = store.manager[i]!;
      count((deals[m] ??= new DealTally()), i, created, true);
      count(totalDeals, i, created, false);
    }
    const all = deals.filter((t) => t !== undefined);
    totalDeals.cycles = FloatList.merge(all.map((t) => t.cycles));
    totalDeals.responses = FloatList.merge(all.map((t) => t.responses));
    deals.forEach((t, m) => t && this.listed.add(m));

    const names = store.managers.values;
    const managers = [...this.listed]
      .map((m) => ({ m, name: names[m]! }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ m, name }) => ({ manager: name, ...this.values(deals[m] ?? new DealTally(), this.tallies[m] ?? new ActivityTally(), this.payments.get(m) ?? { invoiced: new MoneySum(), paid: new MoneySum() }) }));
    const total = this.values(totalDeals, this.total, this.paymentTotals);
    return { managers, total };
  }

  private values(d: DealTally, a: ActivityTally, p: PaymentSums): MetricValues {
    const cycles = d.cycles.sorted();
    const responses = d.responses.sorted();
    const revenue = d.amounts.value();
    const invoiced = p.invoiced.value();
    const paid = p.paid.value();
    const byName = new Map<string, number>();
    for (const [id, n] of d.reasons) {
      const name = this.store.reasons.values[id] || 'unspecified';
      byName.set(name, (byName.get(name) ?? 0) + n);
    }
    const loss = [...byName.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const v: MetricValues = {
      leads: d.leads,
      won: d.won,
      lost: d.lost,
      open: d.open,
      conversion: ratio(d.won, d.leads),
      win_rate: ratio(d.won, d.won + d.lost),
      revenue,
      average_check: ratio(revenue, d.amounts.count),
      cycle_days_avg: mean(cycles),
      cycle_days_median: median(cycles),
      touches_per_won: ratio(d.touchSum, d.won),
      won_below_touch_norm: d.belowNorm,
      response_min_median: median(responses),
      response_min_avg: mean(responses),
      no_response: d.noResponse,
      calls_out: a.callsOut,
      calls_in: a.callsIn,
      calls_missed: a.callsMissed,
      missed_share: ratio(a.callsMissed, a.callsIn),
      callback_rate: ratio(a.calledBack, a.missedWithKey),
      emails: a.emails,
      meetings: a.meetings,
      messages: a.messages,
      talk_minutes: a.talkMs / 60_000,
      activities_per_day: ratio(a.activities, a.days.size),
      repeat_won: d.repeatWon,
      repeat_share: ratio(d.repeatWon, d.won),
      loss_reasons: Object.fromEntries(loss),
      invoiced,
      paid,
      paid_share: ratio(paid, invoiced),
    };
    for (const key of Object.keys(notApplicable(this.shape))) v[key] = null;
    return v;
  }

  /** The evidence facts of spec/evidence.md over the deals of the period (after finish). */
  evidenceFacts(shape: EvidenceShape, touchesPerWon: number | null): EvidenceFacts {
    return this.facts.facts(this.store, (created) => this.inPeriod(created), this.anyDealId, shape, touchesPerWon);
  }

  /** A won deal is repeat when the same client has a won deal with a smaller (closed_at else created_at, id). */
  private repeatFlags(): Uint8Array {
    // Every won deal of a client but its first (smallest closed_at else created_at, then id) is a
    // repeat: one pass finds each client's first, a second flags the others.
    const flags = new Uint8Array(this.n);
    const { store } = this;
    const key = (i: number) => (Number.isNaN(store.closed[i]!) ? store.created[i]! : store.closed[i]!);
    const firstOf = new Int32Array(store.clients.size).fill(-1);
    for (let i = 0; i < this.n; i++) {
      const c = store.client[i]!;
      if (store.status[i] !== WON || c === 0) continue;
      const f = firstOf[c]!;
      if (f === -1 || key(i) < key(f) || (key(i) === key(f) && store.compareIds(i, f) < 0)) firstOf[c] = i;
    }
    for (let i = 0; i < this.n; i++) {
      const c = store.client[i]!;
      if (store.status[i] === WON && c !== 0 && firstOf[c] !== i) flags[i] = 1;
    }
    return flags;
  }

  /** A missed call is called back when an outgoing call to its client or deal lies in [at, at + window]. */
  private resolveCallbacks(): void {
    const w = this.opts.callbackWindowMs;
    // Only the clients and deals of missed calls are ever searched: index just their calls.
    const wanted = (list: IntList) => {
      let max = -1;
      for (let i = 0; i < list.length; i++) if (list.data[i]! > max) max = list.data[i]!;
      const bits = new Uint8Array(max + 1);
      for (let i = 0; i < list.length; i++) if (list.data[i]! >= 0) bits[list.data[i]!] = 1;
      return bits;
    };
    this.outCalls.freeze(wanted(this.missedClient), wanted(this.missedDeal));
    for (let i = 0; i < this.missedAt.length; i++) {
      const at = this.missedAt.data[i]!;
      const client = this.missedClient.data[i]!;
      const deal = this.missedDeal.data[i]!;
      const back = (client >= 0 && this.outCalls.anyWithin('client', client, at, at + w)) || (deal >= 0 && this.outCalls.anyWithin('deal', deal, at, at + w));
      for (const t of [this.tally(this.missedManager.data[i]!), this.total]) {
        t.missedWithKey++;
        if (back) t.calledBack++;
      }
    }
  }
}

/** A callback that feeds each activity to every engine and widens `span` to its time. */
export function feedAll(engines: KpiEngine[], span: { first: number; last: number }): (a: LinkedActivity) => void {
  return (a) => {
    if (a.at < span.first) span.first = a.at;
    if (a.at > span.last) span.last = a.at;
    for (const e of engines) e.addLinked(a);
  };
}

/** Counts one activity of the period in a tally. */
function count(t: ActivityTally, a: LinkedActivity, isCall: boolean, day: number): void {
  t.activities++;
  t.days.add(day);
  if (isCall) {
    if (a.direction === 'out') t.callsOut++;
    else if (a.direction === 'in') t.callsIn++;
    if (a.missed) t.callsMissed++;
    else if (a.duration_s !== null) t.talkMs += Math.round(a.duration_s * 1000);
  } else if (a.kind === 'email') t.emails++;
  else if (a.kind === 'meeting') t.meetings++;
  else if (a.kind === 'message') t.messages++;
}

/** Invoiced and paid sums of a manager or the department. */
interface PaymentSums {
  invoiced: MoneySum;
  paid: MoneySum;
}

/** Per-manager counters for deals in the period. */
class DealTally {
  leads = 0;
  won = 0;
  lost = 0;
  open = 0;
  /** Amounts of won deals (with one), in cents. */
  amounts = new MoneySum();
  cycles = new FloatList(16);
  responses = new FloatList(16);
  touchSum = 0;
  belowNorm = 0;
  noResponse = 0;
  repeatWon = 0;
  /** Lost deals per loss-reason key of the store. */
  reasons = new Map<number, number>();
}
