import type { Activity, InputShape, Payment, SpendRow } from '../records.js';
import { METRICS, metricInputs, notApplicable, type MetricInputs } from './catalog.js';
import type { DealStore } from './deal-store.js';
import { ActivityLinker, type LinkedActivity, NO_OTHER_DEALS } from './link.js';
import { FactsTally, type EvidenceFacts, type EvidenceShape, type FactsPartial } from './facts.js';
import { CallTimes, FloatList, IntList, type CallTimesData, type MissedCalls } from './time-index.js';
import { ActivityTally, countActivity, DealTally, noPayments, type PaymentSums, type TallyData } from './tallies.js';
import { cycleDays, DAY_MS, dayOf, dayOfIso, median, MoneySum } from './stats.js';
import type { GroupDim, KpiGroup, ManagerKpis, MetricValues, SpendSummary } from './types.js';
import { Grouping, monthOf, NOT_SET, type GroupingData } from './groups.js';
import { UnitEconomics } from './economics.js';
import { PaymentLog } from './payment-log.js';
import { addTouches, firstTimeOf, mergeFirstTimes, offerFirstTime } from './link-tables.js';

export interface KpiOptions {
  /** Inclusive calendar dates `YYYY-MM-DD`; undefined for no bound. */
  from?: string;
  to?: string;
  /** Touches a won deal should have had (seed 003: about 5 in B2B). */
  touchNorm: number;
  /** A missed call is called back when an outgoing call follows within this many ms. */
  callbackWindowMs: number;
  /** `--by`: the groupings, each a list of dimensions (a pivot when several). */
  groupBy?: GroupDim[][];
}

/** What an engine computes: per manager, for the department, and the groups of each grouping. */
export interface EngineResult {
  managers: ManagerKpis[];
  total: MetricValues;
  /** One list per grouping of `groupBy`, in its order. */
  groups: KpiGroup[][];
  /** With a spend file: what it held. */
  spend?: SpendSummary;
  /** Managers whose talk on one calendar day passed 24 hours, with that day (days since 1970) and its talk (ms), most first. */
  talkOverDay?: Array<{ manager: string; day: number; ms: number }>;
}

/** More talk than a day holds: a duration column misread (Excel's `5:23:00` for `05:23`, or another unit). */
export const DAY_TALK_MS = 24 * 3_600_000;

const OPEN = 0;
const WON = 1;
const LOST = 2;

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
  outCalls: CallTimesData;
  missed: { manager: Int32Array; at: Float64Array; client: Int32Array; deal: Int32Array; windowDeal: Int32Array; alsoDeal: Int32Array; alsoOf: Int32Array };
  listed: number[];
  facts: FactsPartial;
  groups: GroupingData[];
}

/**
 * What resolving the callbacks reads: the outgoing calls (in shared memory) and the missed calls.
 * resolveCallbacks() answers it on any thread, while the engine counts its deals (KpiEngine.countDeals).
 */
export interface CallbackQuery {
  outCalls: CallTimesData;
  missed: MissedCalls;
  window: number;
}

/** Which missed calls of a query were called back (1) or not (0), in their order. */
export function resolveCallbacks(q: CallbackQuery): Uint8Array {
  return CallTimes.of(q.outCalls).calledBack(q.missed, q.window);
}

/** The deals of the period counted (KpiEngine.countDeals), waiting for the callbacks to finish with. */
export interface CountedDeals {
  deals: Array<DealTally | undefined>;
  totalDeals: DealTally;
  cells: Int32Array[];
  lists: Pick<MetricInputs, 'cycles' | 'responses'>;
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
  /** Deals by the other keys their clients go by (DealStore.byLinks), looked in when no deal's own client matches. */
  private linkDeals: Map<number, number[]> | undefined;
  private anyDealId = false;
  /** Activity tallies by manager key (an array: addLinked reads it for every activity). */
  private readonly tallies: Array<ActivityTally | undefined> = [];
  /** Outgoing call times by client and by deal, for callbacks. */
  private outCalls = new CallTimes();
  /** Missed calls in the period that have a client or a deal, in parallel columns. */
  private readonly missedManager = new IntList();
  private readonly missedAt = new FloatList();
  private readonly missedClient = new IntList();
  private readonly missedDeal = new IntList();
  /** The deal a missed call's client and time link it to (-1 none), for groupings without deal ids. */
  private readonly missedWindowDeal = new IntList();
  /** The other deals of missed calls that name several (LinkedActivity.also), each with its missed call's index: a call back on any of them counts. */
  private readonly missedAlsoDeal = new IntList();
  private readonly missedAlsoOf = new IntList();
  private readonly payments = new Map<number, PaymentSums>();
  private readonly paymentTotals: PaymentSums = { invoiced: new MoneySum(), paid: new MoneySum() };
  private readonly listed = new Set<number>();
  /** What the evidence facts need beyond the counters above (spec/evidence.md). */
  private readonly facts: FactsTally;
  /** `--by` groupings. */
  private readonly groupings: Grouping[];
  /** `--spend`: unit economics, set before finish. */
  private economics: UnitEconomics | undefined;

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
    this.firstById = new Float64Array(this.n);
    this.facts = new FactsTally(this.n);
    this.groupings = (opts.groupBy ?? []).map((dims) => new Grouping(dims, store));
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
    // The other deals a cell listing several names (LinkedActivity.also).
    const also = a.also ?? NO_OTHER_DEALS;
    const more = also.length > 0;
    let byClient = false;
    let windowDeal = -1;
    if (dealKey >= 0 || more) this.facts.withDeal++;
    else if (a.client !== 0) this.facts.clientOnly++;
    if (dealKey >= 0) {
      if (!this.anyDealId) {
        this.anyDealId = true;
        this.touchesByClient = undefined;
        this.firstByClient = undefined;
        this.clientDeals = undefined;
        this.linkDeals = undefined;
        this.facts.dropClientLinks();
      }
      if (dealKey < this.n) this.link(dealKey, a, this.touchesById, this.firstById);
      // A cell that lists several deals: the activity is a touch of each (spec: it belongs to a deal whose id it names).
      if (more) for (const d of also) this.link(d, a, this.touchesById, this.firstById);
    } else if (!this.anyDealId && a.client !== 0) {
      const d = this.dealByClientWindow(a.client, a.at);
      byClient = d !== undefined;
      if (d !== undefined) {
        const { touches, first } = this.clientTables();
        this.link(d, a, touches, first);
        windowDeal = d;
      }
    }
    const isCall = a.kind === 'call';
    const clientKey = a.client !== 0 && isCall && (a.direction === 'out' || a.missed) ? a.client : -1;
    if (isCall && a.direction === 'out') {
      if (clientKey >= 0 || dealKey >= 0) this.outCalls.add(clientKey, dealKey, a);
      // A call back on each deal it names (a missed call on any of them finds it).
      if (more) for (const d of also) this.outCalls.add(-1, d, a);
    }
    if (isCall) this.facts.fileCall();
    const day = dayOf(a.at);
    if (day < this.fromDay || day > this.toDay) return;
    const m = a.manager;
    let t = this.tallies[m];
    if (t === undefined) {
      this.listed.add(m);
      t = this.tally(m);
    }
    countActivity(t, a, isCall, day);
    if (isCall) this.facts.call(a, (dealKey >= 0 && dealKey < this.n) || more, byClient);
    if (a.missed && (clientKey >= 0 || dealKey >= 0 || more)) {
      if (more) {
        for (const d of also) {
          this.missedAlsoDeal.push(d);
          this.missedAlsoOf.push(this.missedAt.length);
        }
      }
      this.missedManager.push(m);
      this.missedAt.push(a.at);
      this.missedClient.push(clientKey);
      this.missedDeal.push(dealKey);
      this.missedWindowDeal.push(windowDeal);
    }
    if (this.groupings.length > 0) this.groupActivity(a, dealKey, windowDeal, isCall, day);
  }

  /**
   * Counts an activity of the period in its group of every grouping, twice while no activity has had
   * a deal id: by its deal id's deal, and by the deal its client and time link it to. finish() keeps
   * the one the engine's link rule chose, so the order of the rows cannot change a group.
   */
  private groupActivity(a: LinkedActivity, dealKey: number, windowDeal: number, isCall: boolean, day: number): void {
    const month = monthOf(a.at);
    for (const g of this.groupings) {
      if (g.stage) continue;
      countActivity(g.activities[g.cell(a.manager, dealKey, month)]!, a, isCall, day);
      if (!this.anyDealId) countActivity(g.byClient[g.cell(a.manager, windowDeal, month)]!, a, isCall, day);
    }
  }

  /**
   * The touches and first responses of links by client and time, made at the first such link: an
   * export whose activities carry deal ids never needs them (12 bytes a deal, per engine).
   */
  private clientTables(): { touches: Uint32Array; first: Float64Array } {
    this.touchesByClient ??= new Uint32Array(this.n);
    this.firstByClient ??= new Float64Array(this.n);
    return { touches: this.touchesByClient, first: this.firstByClient };
  }

  private link(d: number, a: LinkedActivity, touches: Uint32Array, first: Float64Array): void {
    const closed = this.store.closed[d]!;
    if (!a.missed && (Number.isNaN(closed) || a.at <= closed)) touches[d]!++;
    this.facts.linked(d, a, touches === this.touchesById);
    if (a.at >= this.store.created[d]! && (a.direction === 'out' || (a.direction === 'in' && !a.missed))) offerFirstTime(first, d, a.at);
  }

  /**
   * The deal of a client whose [created_at, closed_at] holds `at`: the latest created, then the larger
   * id; among the deals whose own client it is, else among those whose client goes by it too (a
   * contact of a company's deal, a contact's phone: DealStore.byLinks).
   */
  private dealByClientWindow(c: number, at: number): number | undefined {
    this.clientDeals ??= this.store.byClient();
    const own = inWindow(this.store, this.clientDeals.get(c), at);
    if (own !== undefined) return own;
    this.linkDeals ??= this.store.byLinks();
    return this.linkDeals.size === 0 ? undefined : inWindow(this.store, this.linkDeals.get(c), at);
  }

  private tally(m: number): ActivityTally {
    return (this.tallies[m] ??= new ActivityTally());
  }

  /**
   * Whether activities named deals by id (the engine then links by id only) and not one of them a
   * deal of the store (none is a touch or a response of any deal): InputShape.dealIds. A deal reached
   * only by missed calls has neither, as a deal no activity reaches.
   */
  noDealById(): boolean {
    return this.anyDealId && !this.facts.touchedById.includes(1);
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
      outCalls: this.outCalls.data(),
      missed: {
        manager: this.missedManager.data.slice(0, this.missedManager.length),
        at: this.missedAt.data.slice(0, this.missedAt.length),
        client: this.missedClient.data.slice(0, this.missedClient.length),
        deal: this.missedDeal.data.slice(0, this.missedDeal.length),
        windowDeal: this.missedWindowDeal.data.slice(0, this.missedWindowDeal.length),
        alsoDeal: this.missedAlsoDeal.data.slice(0, this.missedAlsoDeal.length),
        alsoOf: this.missedAlsoOf.data.slice(0, this.missedAlsoOf.length),
      },
      listed: [...this.listed],
      facts: this.facts.data(),
      groups: this.groupings.map((g) => g.data()),
    };
  }

  /** Merges what another engine over the same deals saw of other activities (any order). */
  merge(p: EnginePartial, map: KeyMap): void {
    if (p.anyDealId && !this.anyDealId) {
      this.anyDealId = true;
      this.touchesByClient = undefined;
      this.firstByClient = undefined;
      this.clientDeals = undefined;
      this.linkDeals = undefined;
    }
    this.facts.absorb(p.facts, this.anyDealId);
    addTouches(this.touchesById, p.touchesById, this.n);
    mergeFirstTimes(this.firstById, p.firstById, this.n);
    if (!this.anyDealId && p.touchesByClient && p.firstByClient) {
      // Tables this engine never needed are adopted whole.
      if (!this.touchesByClient || !this.firstByClient) {
        this.touchesByClient = p.touchesByClient;
        this.firstByClient = p.firstByClient;
      } else {
        addTouches(this.touchesByClient, p.touchesByClient, this.n);
        mergeFirstTimes(this.firstByClient, p.firstByClient, this.n);
      }
    }
    for (const [m, t] of p.tallies) this.tally(map.manager(m)).absorb(t);
    for (const m of p.listed) this.listed.add(map.manager(m));
    this.outCalls.absorb(p.outCalls, map.client, map.deal);
    const missed = p.missed;
    const base = this.missedAt.length;
    for (let j = 0; j < missed.alsoDeal.length; j++) {
      this.missedAlsoDeal.push(map.deal(missed.alsoDeal[j]!));
      this.missedAlsoOf.push(base + missed.alsoOf[j]!);
    }
    for (let i = 0; i < missed.at.length; i++) {
      this.missedManager.push(map.manager(missed.manager[i]!));
      this.missedAt.push(missed.at[i]!);
      this.missedClient.push(missed.client[i]! < 0 ? -1 : map.client(missed.client[i]!));
      this.missedDeal.push(missed.deal[i]! < 0 ? -1 : map.deal(missed.deal[i]!));
      this.missedWindowDeal.push(missed.windowDeal[i]! < 0 ? -1 : map.deal(missed.windowDeal[i]!));
    }
    this.groupings.forEach((g, k) => g.absorb(p.groups[k]!, map.manager));
  }

  /** Adds payments: each follows its deal's period, under its own manager, else the deal's. */
  addPayments(list: readonly Payment[]): void {
    this.addPaymentLog(PaymentLog.of(this.store, list));
  }

  /**
   * addPayments() for payments already resolved against the deals. A payment with neither its own
   * manager nor a known deal (a deal id the deals file lacks: payments-unknown-deals says so) is in
   * the department's total only; one that names no deal and no manager is no payment (payment-reader).
   */
  addPaymentLog(log: PaymentLog): void {
    const period = this.fromDay !== -Infinity || this.toDay !== Infinity;
    const { store } = this;
    let known = 0;
    for (let i = 0; i < log.length; i++) {
      const deal = log.deal.data[i]!;
      const d = deal < 0 ? undefined : deal;
      if (d !== undefined) known++;
      const invoiced = log.invoiced.data[i]!;
      const paid = log.paid.data[i]!;
      if (d !== undefined && paid > 0) this.facts.paid[d] = 1;
      if (d === undefined ? period : !this.inPeriod(store.created[d]!)) continue;
      const own = log.managers.values[log.manager.data[i]!]!;
      const name = own !== '' ? own : d !== undefined ? store.managers.values[store.manager[d]!]! : '';
      this.paymentTotals.invoiced.add(invoiced);
      this.paymentTotals.paid.add(paid);
      if (this.groupings.length > 0) this.groupPayment(name, d, invoiced, paid);
      if (name === '') continue;
      const m = store.managers.id(name);
      this.listed.add(m);
      let sums = this.payments.get(m);
      if (!sums) this.payments.set(m, (sums = { invoiced: new MoneySum(), paid: new MoneySum() }));
      sums.invoiced.add(invoiced);
      sums.paid.add(paid);
    }
    this.facts.payments(log.length, log.named, known);
  }

  /** Adds a payment to its group in every grouping: by its manager, its deal's values and creation month. */
  private groupPayment(name: string, d: number | undefined, invoiced: number, paid: number): void {
    const m = name === '' ? NOT_SET : this.store.managers.id(name);
    const month = d === undefined ? NOT_SET : monthOf(this.store.created[d]!);
    for (const g of this.groupings) {
      if (g.stage) continue;
      const sums = g.payments[g.cell(m, d ?? NOT_SET, month)]!;
      sums.invoiced.add(invoiced);
      sums.paid.add(paid);
    }
  }

  /** Adds a spend file (`--spend`): unit economics in the total and the groups, margin as in compare. */
  addSpend(rows: readonly SpendRow[], margin: number): void {
    this.economics = new UnitEconomics(this.store, rows, margin, this.fromDay, this.toDay);
  }

  /** Computes every metric per manager (sorted by name, code point order) and for the department. */
  finish(shape: InputShape): EngineResult {
    return this.finishCounted(this.countDeals(shape));
  }

  /**
   * What resolving its callbacks reads (views, no copy: posted to another thread, the missed calls are
   * cloned there, the outgoing calls read in place), for it to answer while this one counts the deals.
   */
  callbackQuery(): CallbackQuery {
    const n = this.missedAt.length;
    const k = this.missedAlsoDeal.length;
    const also = { deal: this.missedAlsoDeal.data.subarray(0, k), of: this.missedAlsoOf.data.subarray(0, k), length: k };
    return { outCalls: this.outCalls.data(), missed: { client: this.missedClient.data.subarray(0, n), deal: this.missedDeal.data.subarray(0, n), at: this.missedAt.data.subarray(0, n), length: n, also }, window: this.opts.callbackWindowMs };
  }

  /**
   * finish(), second step: the callbacks (`back`: what resolveCallbacks answered to callbackQuery(),
   * else resolved here), then every metric. Drops the log of outgoing calls.
   */
  finishCounted(counted: CountedDeals, back?: Uint8Array): EngineResult {
    this.addCallbacks(back ?? resolveCallbacks(this.callbackQuery()));
    this.outCalls = new CallTimes();
    const { deals, totalDeals, cells, lists } = counted;
    const names = this.store.managers.values;
    const managers = [...this.listed]
      .map((m) => ({ m, name: names[m]! }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ m, name }) => ({ manager: name, ...this.values(deals[m] ?? new DealTally(), this.tallies[m] ?? new ActivityTally(), this.payments.get(m) ?? noPayments()) }));
    // The department's activities are its managers' together: counts add, active days unite.
    const total = this.values(totalDeals, ActivityTally.sum(this.tallies), this.paymentTotals, lists);
    const econ = this.economics?.prepare(this.firstWonByClient(true), this.groupings, cells, this.shape);
    if (econ) Object.assign(total, econ.total(total));
    // A grouping by stage: the department's row has the median age of all its open deals, every stage's together.
    const byStage = this.groupings.find((g) => g.stage);
    if (byStage) total.age_days_median = FloatList.union(byStage.deals.filter((d) => d !== undefined).map((d) => d.ages)).median();
    const groups = this.groupings.map((g, k) =>
      g
        .withQuietMonths(
          // A cell made by the link rule that was not kept, and holding nothing else, is no group.
          g.order().filter((c) => g.stage || g.deals[c]!.leads > 0 || (this.anyDealId ? g.activities : g.byClient)[c]!.activities > 0 || g.payments[c]!.invoiced.count > 0 || econ?.hasSpend(k, c)),
        )
        .map((c): KpiGroup => {
        const by = Object.fromEntries(g.dims.map((dim, j) => [dim, g.label(dim, g.codes[c]![j]!)]));
        if (g.stage) return { by, metrics: stageValues(g.deals[c]!) };
        const metrics = this.values(g.deals[c]!, (this.anyDealId ? g.activities : g.byClient)[c]!, g.payments[c]!);
        return { by, metrics: econ ? { ...metrics, ...econ.group(k, c, metrics) } : metrics };
      }),
    );
    const talkOverDay = [...this.listed]
      .flatMap((m) => {
        const busiest = this.tallies[m]?.talkDays.max();
        return busiest && busiest.sum > DAY_TALK_MS ? [{ manager: names[m]!, day: busiest.day, ms: busiest.sum }] : [];
      })
      .sort((a, b) => b.ms - a.ms || (a.manager < b.manager ? -1 : 1));
    return { managers, total, groups, ...(econ ? { spend: econ.summary() } : {}), ...(talkOverDay.length > 0 ? { talkOverDay } : {}) };
  }

  /** finish(), first step: the deals of the period counted per manager, in total and in the groups (reads no callback). */
  countDeals(shape: InputShape): CountedDeals {
    this.shape = shape;
    const ctx = this.dealContext();
    const deals: Array<DealTally | undefined> = [];
    const { store } = this;
    // The deal's group in each grouping, for the unit economics (which follow clients across deals).
    const cells = this.groupings.map(() => new Int32Array(this.economics ? this.n : 0).fill(NOT_SET));
    const room = this.dealsByManager();
    for (let i = 0; i < this.n; i++) {
      const created = store.created[i]!;
      if (!this.inPeriod(created)) continue;
      const m = store.manager[i]!;
      this.countDeal((deals[m] ??= new DealTally({ won: room.won[m]!, deals: room.deals[m]! })), i, created, ctx);
      if (this.groupings.length > 0) this.groupDeal(i, created, ctx, cells);
    }
    // The department's cycles and response times are the managers' together, read from the
    // managers' sorted lists instead of being filled and sorted again.
    const all = deals.filter((t) => t !== undefined);
    // Counted once, by manager: the department's counts are theirs added (exact: counts and whole cents).
    const totalDeals = DealTally.sum(all);
    const lists = { cycles: FloatList.union(all.map((t) => t.cycles)), responses: FloatList.union(all.map((t) => t.responses)) };
    deals.forEach((t, m) => t && this.listed.add(m));
    return { deals, totalDeals, cells, lists };
  }

  /**
   * How many deals of the period, and won ones, each manager has: the sizes of their lists of
   * cycles and response times, made once instead of grown by doubling (which copied them and left
   * the old arrays as garbage at the end of a run, where its memory peaks).
   */
  private dealsByManager(): { deals: Int32Array; won: Int32Array } {
    const { store } = this;
    const deals = new Int32Array(store.managers.size);
    const won = new Int32Array(store.managers.size);
    for (let i = 0; i < this.n; i++) {
      if (!this.inPeriod(store.created[i]!)) continue;
      const m = store.manager[i]!;
      deals[m]!++;
      if (store.status[i] === WON) won[m]!++;
    }
    return { deals, won };
  }

  /** What counting a deal reads besides the store: links, repeat flags, the touch norm, the export date. */
  private dealContext(): DealContext {
    const useClient = !this.anyDealId;
    const { store } = this;
    let exportMs = this.toDay === Infinity ? -Infinity : (this.toDay + 1) * DAY_MS;
    if (exportMs === -Infinity && this.groupings.some((g) => g.stage))
      for (let i = 0; i < this.n; i++) exportMs = Math.max(exportMs, store.created[i]!, Number.isNaN(store.closed[i]!) ? -Infinity : store.closed[i]!);
    const firstWon = this.firstWonByClient(false);
    const repeat = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const c = store.client[i]!;
      if (store.status[i] === WON && c !== 0 && firstWon[c] !== i + 1) repeat[i] = 1;
    }
    const byClient = useClient ? this.clientTables() : undefined;
    return {
      touches: byClient ? byClient.touches : this.touchesById,
      first: byClient ? byClient.first : this.firstById,
      repeat,
      withActivities: this.shape.activities,
      norm: this.opts.touchNorm,
      exportMs,
    };
  }

  /** Counts deal i of the period in a tally, its cycle and response time too. */
  private countDeal(x: DealTally, i: number, created: number, ctx: DealContext): void {
    const { store } = this;
    x.leads++;
    const status = store.status[i]!;
    if (status === WON) {
      x.won++;
      const amount = store.amount[i]!;
      if (!Number.isNaN(amount)) x.amounts.add(amount);
      const cycle = cycleDays(created, store.closed[i]!);
      if (cycle !== undefined) x.cycles.push(cycle);
      if (ctx.withActivities) {
        x.touchSum += ctx.touches[i]!;
        if (ctx.touches[i]! < ctx.norm) x.belowNorm++;
      }
      if (ctx.repeat[i]) x.repeatWon++;
    } else if (status === LOST) {
      x.lost++;
      const reason = store.reason[i]!;
      x.reasons.set(reason, (x.reasons.get(reason) ?? 0) + 1);
    } else x.open++;
    if (ctx.withActivities) {
      const first = firstTimeOf(ctx.first, i);
      if (first === Infinity) x.noResponse++;
      else x.responses.push((first - created) / 60_000);
    }
  }

  /** Counts deal i of the period in its group of every grouping (open deals only by stage). */
  private groupDeal(i: number, created: number, ctx: DealContext, cells: Int32Array[]): void {
    const { store } = this;
    const month = monthOf(created);
    for (let k = 0; k < this.groupings.length; k++) {
      const g = this.groupings[k]!;
      if (g.stage && store.status[i] !== OPEN) continue;
      const c = g.cell(store.manager[i]!, i, month);
      if (cells[k]!.length > 0) cells[k]![i] = c;
      if (!g.stage) this.countDeal(g.deals[c]!, i, created, ctx);
      else {
        g.deals[c]!.open++;
        g.deals[c]!.ages.push((ctx.exportMs - created) / DAY_MS);
      }
    }
  }

  private values(d: DealTally, a: ActivityTally, p: PaymentSums, lists?: Pick<MetricInputs, 'cycles' | 'responses'>): MetricValues {
    const reasons = this.store.reasons.values;
    const inputs = metricInputs(d, a, p, (id) => reasons[id] || 'unspecified', lists);
    const na = notApplicable(this.shape);
    const v: MetricValues = {};
    for (const m of METRICS) v[m.key] = m.key in na ? null : m.value(inputs);
    return v;
  }


  /** The evidence facts of spec/evidence.md over the deals of the period (after finish). */
  evidenceFacts(shape: EvidenceShape, touchesPerWon: number | null): EvidenceFacts {
    return this.facts.facts(this.store, (created) => this.inPeriod(created), this.anyDealId, shape, touchesPerWon);
  }

  /**
   * Each client's first won deal (of the period only, when `periodOnly`): the smallest closed_at,
   * else created_at, then id; by client key, as the deal's index + 1 (0 for none: the array is used
   * as allocated, zeroed, and only the slots of clients with a won deal are written). Every other won
   * deal of the client is a repeat sale. A loop without callbacks, over every deal.
   */
  private firstWonByClient(periodOnly: boolean): Int32Array {
    const { created, closed, client, status } = this.store;
    const firstOf = new Int32Array(this.store.clients.size);
    for (let i = 0; i < this.n; i++) {
      const c = client[i]!;
      if (status[i] !== WON || c === 0) continue;
      const made = created[i]!;
      if (periodOnly && !this.inPeriod(made)) continue;
      const key = Number.isNaN(closed[i]!) ? made : closed[i]!;
      const f = firstOf[c]! - 1;
      if (f === -1) {
        firstOf[c] = i + 1;
        continue;
      }
      const first = Number.isNaN(closed[f]!) ? created[f]! : closed[f]!;
      if (key < first || (key === first && this.store.compareIds(i, f) < 0)) firstOf[c] = i + 1;
    }
    return firstOf;
  }

  /** Counts the missed calls called back (`back`: resolveCallbacks' answer) per manager and in the groups (the department's sum follows). */
  private addCallbacks(back: Uint8Array): void {
    const n = this.missedAt.length;
    const groupings = this.groupings.filter((g) => !g.stage);
    // No array per missed call (a few hundred thousand of them): the manager's tally directly (the
    // department's is the managers' summed afterwards), the groupings' cells in a loop.
    for (let i = 0; i < n; i++) {
      const m = this.missedManager.data[i]!;
      const called = back[i] === 1 ? 1 : 0;
      const own = this.tally(m);
      own.missedWithKey++;
      own.calledBack += called;
      if (groupings.length === 0) continue;
      const linked = this.anyDealId ? this.missedDeal.data[i]! : this.missedWindowDeal.data[i]!;
      const month = monthOf(this.missedAt.data[i]!);
      for (const g of groupings) {
        const t = (this.anyDealId ? g.activities : g.byClient)[g.cell(m, linked, month)]!;
        t.missedWithKey++;
        t.calledBack += called;
      }
    }
  }

}

/** Of deals sorted by created_at, the latest created whose [created_at, closed_at] holds `at` (then the larger id). */
function inWindow(store: DealStore, list: number[] | undefined, at: number): number | undefined {
  if (!list) return undefined;
  const { created, closed } = store;
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

/** A callback that feeds each activity to every engine and widens `span` to its time. */
export function feedAll(engines: KpiEngine[], span: { first: number; last: number }): (a: LinkedActivity) => void {
  return (a) => {
    if (a.at < span.first) span.first = a.at;
    if (a.at > span.last) span.last = a.at;
    for (const e of engines) e.addLinked(a);
  };
}

/** What counting a deal reads besides the store (see KpiEngine.dealContext). */
interface DealContext {
  touches: Uint32Array;
  first: Float64Array;
  repeat: Uint8Array;
  withActivities: boolean;
  norm: number;
  /** The export date for the age of open deals: the end of --to, else the file's last date. */
  exportMs: number;
}

/** The metrics of a group of open deals by stage. */
function stageValues(d: DealTally): MetricValues {
  return { open: d.open, age_days_median: median(d.ages.sorted()) };
}
