import type { DealStore } from './deal-store.js';
import { cycleDays } from './stats.js';
import type { LinkedActivity } from './link.js';
import type { DataQuality } from './types.js';

/** The evidence facts (spec/evidence.md): each a number, or null when its input is missing. */
export type FactId =
  | 'closed_deals'
  | 'won_deals'
  | 'win_rate'
  | 'lost_with_reason_share'
  | 'source_share'
  | 'won_with_activity_share'
  | 'touches_per_won'
  | 'won_amount_share'
  | 'product_share'
  | 'won_with_payment_share'
  | 'calls'
  | 'calls_linked_share'
  | 'answered_with_duration_share';

/** Every fact id, in the spec's order (won_deals, the sample of several checks, after closed_deals). */
export const FACT_IDS: readonly FactId[] = [
  'closed_deals',
  'won_deals',
  'win_rate',
  'lost_with_reason_share',
  'source_share',
  'won_with_activity_share',
  'touches_per_won',
  'won_amount_share',
  'product_share',
  'won_with_payment_share',
  'calls',
  'calls_linked_share',
  'answered_with_duration_share',
];

/** What a fact needs when it cannot be computed: a file, or a column of one. */
export type FactNeed = 'deals' | 'activities' | 'activities.calls' | 'activities.dates' | 'payments.known' | 'payments' | 'payments.paid' | 'payments.deal_id' | 'deals.status' | 'deals.loss_reason' | 'deals.source' | 'deals.amount' | 'deals.product' | 'activities.duration_s' | 'activities.deal_id' | 'deals.phone' | 'deals.id';

/** The facts of one run: values, the counts behind each share (for the texts), and what is missing. */
export interface EvidenceFacts {
  values: Record<FactId, number | null>;
  /** Numerator and denominator of each share fact that has a value. */
  parts: Partial<Record<FactId, { num: number; den: number }>>;
  /** For each fact without a value because an input is missing: what would enable it. */
  needs: Partial<Record<FactId, FactNeed>>;
  /**
   * The calls of the whole activities file, at any date (absent without one). A --from/--to period
   * counts `calls` in the period only, and a period without calls is no file without calls: "no
   * calls at all in an activities file" (spec/evidence.md) is said of the file.
   */
  fileCalls?: number;
  /**
   * The won deals of the period, how many of them have a close date the cycle takes and how many an
   * amount (empty is none, 0 is one, as the average check counts): a cycle or an average check of few
   * of them is said (won-partly-bare). `zero`: of those with an amount, how many have exactly 0 (amoCRM
   * and Kommo write a budget never filled in so: won-zero-amount). `client`: the client the most won
   * deals name, how many name it and how many name any (one-client: a placeholder makes repeat sales).
   */
  wonCoverage?: { won: number; dated: number; amounts: number; zero: number; client?: { name: string; won: number; withClient: number } };
  /** Activities of the file that name a deal, and those that name only a client, where there are both (client-links-dropped). */
  dealLinks?: { withDeal: number; clientOnly: number };
  /** Calls of the file that are no manager's (missed with no employee, between employees): a file of only these holds calls all the same. */
  callsNotRead?: number;
  /**
   * Missed incoming calls of the file that no employee took (not read: the spec's activity has a
   * manager), which the spec's `calls` counts all the same (withMissedNotRead). Whether they would link
   * to a deal is not known, nor, under --from/--to, how many are in the period.
   */
  missedNotRead?: number;
  /** Facts known only between two values (`missedNotRead`): a check holds only where it holds of both. */
  bounds?: Partial<Record<FactId, { low: number; high: number }>>;
  /** How the exports were read (skipped rows, alerts), as `kpi` gives it: with the facts where they were read apart (`audit`). */
  dataQuality?: DataQuality;
}

/** Which inputs and columns the run had. */
export interface EvidenceShape {
  /**
   * A column of the deals file that says a deal is won or lost (status, stage, a won or a closed
   * flag: InputShape.outcome). Without one every deal reads as open, so nothing can count won or
   * closed deals: those facts are null. Only false says there is none (as InputShape.closedAt).
   */
  outcome?: boolean;
  activities: boolean;
  payments: boolean;
  /** A paid amount column in the payments file: a file of invoices only shows no payment of any deal. Only false says there is none. */
  paid?: boolean;
  lossReason: boolean;
  source: boolean;
  amount: boolean;
  product: boolean;
  duration: boolean;
  /**
   * The activities file has a column to link an activity to a deal with (a deal id, a client, or a
   * call log's phone): without one, no activity can link, and what counts linked ones has no data.
   */
  link: boolean;
  /** False where the activities name their client by number only and no deal can be found by one (InputShape.dealPhones). */
  dealPhones?: false;
  /** False where the activities file is an export of one other kind of activity (HubSpot's e-mails, its meetings): it holds no call whatever the team does. */
  calls?: false;
  /** False where the activities link by deal id only and the deals file has no id column (InputShape.dealIds). */
  dealIds?: false;
}

/** A facts tally as plain data, to merge the halves of a file read in parallel. */
export interface FactsPartial {
  touchedById: Uint8Array;
  touchedByClient: Uint8Array | undefined;
  calls: number;
  fileCalls: number;
  withDeal: number;
  clientOnly: number;
  linkedById: number;
  linkedByClient: number;
  answered: number;
  answeredWithDuration: number;
  undirected: CallCounts;
}

/** The counts of calls of the period behind the call facts. */
export interface CallCounts {
  calls: number;
  linkedById: number;
  linkedByClient: number;
  answered: number;
  answeredWithDuration: number;
}

/** Counts one call of the period into counts: whether it links (by id, by client window) and whether an answered call has a duration. */
function count(counts: CallCounts, a: LinkedActivity, linkedById: boolean, linkedByClient: boolean): void {
  counts.calls++;
  if (linkedById) counts.linkedById++;
  if (linkedByClient) counts.linkedByClient++;
  // Answered: every outgoing call (no export marks one missed) and every call not missed.
  if (a.direction === 'out' || !a.missed) {
    counts.answered++;
    if (a.duration_s !== null && a.duration_s > 0) counts.answeredWithDuration++;
  }
}

/**
 * What the evidence facts need beyond the KPI engine's own counters: per deal, whether any
 * non-missed activity links to it (by deal id, and by client window while no deal id is seen);
 * per call of the period, whether it is linked and whether an answered call has a duration.
 */
export class FactsTally {
  touchedById: Uint8Array;
  /** Made at the first link by client window (an export with deal ids never needs it). */
  touchedByClient: Uint8Array | undefined;
  /** Won deals with a payment (paid > 0), set as payments are added. */
  readonly paid: Uint8Array;
  calls = 0;
  /** Every call of the activities file, in the period or not. */
  fileCalls = 0;
  /**
   * Activities of the file that name a deal, and those that name none but a client: where any names a
   * deal, the spec links by deal alone, and the others belong to no deal (client-links-dropped).
   */
  withDeal = 0;
  clientOnly = 0;
  linkedById = 0;
  linkedByClient = 0;
  answered = 0;
  answeredWithDuration = 0;
  /**
   * The calls above that say no direction: where any call of the period says one, the facts count the
   * spec's calls_in + calls_out and leave these out; a log none of whose calls says one counts them all
   * (else it read as "no calls at all" and contradicted a "yes"). A blank direction cell among 49
   * outgoing calls made 50 and confirmed telephony on a sample of 50 (tester T55 F1).
   */
  undirected: CallCounts = { calls: 0, linkedById: 0, linkedByClient: 0, answered: 0, answeredWithDuration: 0 };
  /** Payments added, and how many of them name a deal (PaymentLog.named): none of many links no payment to a deal. */
  private paymentRows = 0;
  private paymentsNamed = 0;
  private paymentsKnown = 0;

  constructor(private readonly n: number) {
    this.touchedById = new Uint8Array(n);
    this.paid = new Uint8Array(n);
  }

  /** An activity linked to deal d (by deal id when byId, else by client window). */
  linked(d: number, a: LinkedActivity, byId: boolean): void {
    if (a.missed) return;
    if (byId) this.touchedById[d] = 1;
    else (this.touchedByClient ??= new Uint8Array(this.n))[d] = 1;
  }

  /** The first activity with a deal id: client-window links no longer count (as in the engine). */
  dropClientLinks(): void {
    this.touchedByClient = undefined;
  }

  /** A call of the period; linkedById / linkedByClient say how (if at all) it links to a known deal. */
  call(a: LinkedActivity, linkedById: boolean, linkedByClient: boolean): void {
    count(this, a, linkedById, linkedByClient);
    if (a.direction !== 'in' && a.direction !== 'out') count(this.undirected, a, linkedById, linkedByClient);
  }

  /** Payments added (a PaymentLog's length), `named` of them naming a deal, `known` of those a deal of the deals file. */
  payments(rows: number, named: number, known: number): void {
    this.paymentRows += rows;
    this.paymentsNamed += named;
    this.paymentsKnown += known;
  }

  /** A call of the activities file, at any date (before the period's own count). */
  fileCall(): void {
    this.fileCalls++;
  }

  /** Its state as plain data. */
  data(): FactsPartial {
    const { paid: _paid, n: _n, paymentRows: _rows, paymentsNamed: _named, paymentsKnown: _known, ...rest } = this;
    return { ...rest };
  }

  /** Merges another tally over the same deals; anyDealId: whether either side saw a deal id. */
  absorb(p: FactsPartial, anyDealId: boolean): void {
    for (let i = 0; i < this.touchedById.length; i++) this.touchedById[i]! |= p.touchedById[i]!;
    if (anyDealId) this.touchedByClient = undefined;
    else if (!this.touchedByClient) this.touchedByClient = p.touchedByClient;
    else if (p.touchedByClient) for (let i = 0; i < this.touchedByClient.length; i++) this.touchedByClient[i]! |= p.touchedByClient[i]!;
    this.calls += p.calls;
    this.fileCalls += p.fileCalls;
    this.withDeal += p.withDeal;
    this.clientOnly += p.clientOnly;
    this.linkedById += p.linkedById;
    this.linkedByClient += p.linkedByClient;
    this.answered += p.answered;
    this.answeredWithDuration += p.answeredWithDuration;
    for (const k of Object.keys(this.undirected) as Array<keyof CallCounts>) this.undirected[k] += p.undirected[k];
  }

  /**
   * The facts over the deals created in the period (inPeriod), with the touches per won deal the
   * engine computed; links by deal id when any activity had one, else by client window.
   */
  facts(store: DealStore, inPeriod: (created: number) => boolean, anyDealId: boolean, shape: EvidenceShape, touchesPerWon: number | null): EvidenceFacts {
    const c = this.countDeals(store, inPeriod, anyDealId);
    const out: EvidenceFacts = { values: {} as Record<FactId, number | null>, parts: {}, needs: {} };
    const put = (id: FactId, need: FactNeed | undefined, value: number | null, num?: number, den?: number) => {
      if (need) {
        out.values[id] = null;
        out.needs[id] = need;
        return;
      }
      out.values[id] = value;
      if (num !== undefined && den !== undefined) out.parts[id] = { num, den };
    };
    const share = (id: FactId, need: FactNeed | undefined, num: number, den: number) => put(id, need, den > 0 ? num / den : null, num, den);
    // Won and lost need a column that says so: without one every deal reads as open, and "0 won deals"
    // would be a count of nothing. A fact that also needs another input names that one (a payments
    // file), since its criterion's sample (won or closed deals) names the status column already.
    const outcome: FactNeed | undefined = shape.outcome === false ? 'deals.status' : undefined;
    put('closed_deals', outcome, c.won + c.lost);
    put('won_deals', outcome, c.won);
    share('win_rate', outcome, c.won, c.won + c.lost);
    // A reason read out of a lost stage («Venda perdida (Sem interesse)») is one, column or not: kpi counts its loss reasons so (inputShape's stageReasons).
    const reasons = shape.lossReason || store.reasons.values.some((r) => r !== '');
    share('lost_with_reason_share', reasons ? outcome : 'deals.loss_reason', c.lostWithReason, c.lost);
    share('source_share', shape.source ? undefined : 'deals.source', c.withSource, c.deals);
    // Linked activities need a file, and a column to link them with.
    const linked: FactNeed | undefined = !shape.activities ? 'activities' : shape.dealPhones === false ? 'deals.phone' : shape.dealIds === false ? 'deals.id' : shape.link ? undefined : 'activities.deal_id';
    share('won_with_activity_share', linked ?? outcome, c.wonTouched, c.won);
    put('touches_per_won', linked ?? outcome, touchesPerWon);
    share('won_amount_share', shape.amount ? outcome : 'deals.amount', c.wonAmount, c.won);
    share('product_share', shape.product ? undefined : 'deals.product', c.withProduct, c.deals);
    // Payments none of which names a deal (no deal column) link to no deal: which won deals are paid is not known (as activities without a link column).
    const unnamed = this.paymentRows > 0 && this.paymentsNamed === 0;
    // Rows that name deals none of which the deals file has (an ERP's own numbers: tester T76) say no more of which won deals are paid.
    const unknown = this.paymentsNamed > 0 && this.paymentsKnown === 0;
    share('won_with_payment_share', !shape.payments ? 'payments' : shape.paid === false ? 'payments.paid' : unnamed ? 'payments.deal_id' : unknown ? 'payments.known' : outcome, c.wonPaid, c.won);
    const k = this.callCounts();
    // An export of e-mails alone shows no call either way: «no calls at all» is not known of it (tester T74).
    put('calls', !shape.activities ? 'activities' : shape.calls === false ? 'activities.calls' : undefined, k.calls);
    share('calls_linked_share', linked, anyDealId ? k.linkedById : k.linkedByClient, k.calls);
    share('answered_with_duration_share', !shape.activities ? 'activities' : shape.duration ? undefined : 'activities.duration_s', k.answeredWithDuration, k.answered);
    if (shape.activities && shape.calls !== false) out.fileCalls = this.fileCalls;
    if (this.withDeal > 0 && this.clientOnly > 0) out.dealLinks = { withDeal: this.withDeal, clientOnly: this.clientOnly };
    out.wonCoverage = { won: c.won, dated: c.wonDated, amounts: c.wonFilled, zero: c.wonZero, ...topClient(store, c.byClient, c.wonWithClient) };
    return out;
  }

  /** The calls the facts count: calls_in + calls_out where any call says a direction, else every call (undirected). */
  private callCounts(): CallCounts {
    const u = this.undirected;
    const directed = u.calls < this.calls;
    const out = { ...u };
    for (const k of Object.keys(u) as Array<keyof CallCounts>) out[k] = directed ? this[k] - u[k] : this[k];
    return out;
  }

  /** The deal counts behind the facts, over the deals created in the period. */
  private countDeals(store: DealStore, inPeriod: (created: number) => boolean, anyDealId: boolean) {
    const c = { deals: 0, won: 0, lost: 0, lostWithReason: 0, withSource: 0, wonTouched: 0, wonAmount: 0, wonPaid: 0, withProduct: 0, wonDated: 0, wonFilled: 0, wonZero: 0, wonWithClient: 0, byClient: new Uint32Array(store.clients.size) };
    const touched = anyDealId ? this.touchedById : (this.touchedByClient ?? this.touchedById);
    const emptyLabel = store.labels.find('') ?? 0;
    for (let i = 0; i < store.size; i++) {
      if (!inPeriod(store.created[i]!)) continue;
      c.deals++;
      if (store.source[i] !== emptyLabel) c.withSource++;
      if (store.product[i]) c.withProduct++;
      const status = store.status[i];
      if (status === 1) {
        c.won++;
        if (touched[i]) c.wonTouched++;
        if (store.amount[i]! > 0) c.wonAmount++;
        if (!Number.isNaN(store.amount[i]!)) c.wonFilled++;
        if (store.amount[i] === 0) c.wonZero++;
        if (store.client[i] !== 0) {
          c.wonWithClient++;
          c.byClient[store.client[i]!]!++;
        }
        if (cycleDays(store.created[i]!, store.closed[i]!) !== undefined) c.wonDated++;
        if (this.paid[i]) c.wonPaid++;
      } else if (status === 2) {
        c.lost++;
        if (store.reasons.values[store.reason[i]!] !== '') c.lostWithReason++;
      }
    }
    return c;
  }
}

/** The client the most won deals name (the first such key on a tie), how many name it and how many name any; none where none does. */
function topClient(store: DealStore, byClient: Uint32Array, withClient: number): { client?: { name: string; won: number; withClient: number } } {
  let top = 0;
  for (let k = 1; k < byClient.length; k++) if (byClient[k]! > byClient[top]!) top = k;
  return top === 0 ? {} : { client: { name: store.clients.text(top), won: byClient[top]!, withClient } };
}

/**
 * Adds to the facts the missed incoming calls no employee took (`missed`, of the whole file; tester
 * T76: 40 of a Sipuni log's 120 calls left out made 80 of 80 linked, «confirmed»). `wholeFile`: the
 * facts' period is the file's (no --from/--to), so `calls` counts them, as the spec's calls_in does;
 * else it is known only between the calls read and those with every one of them. Which of them would
 * link to a deal is not known: the linked share is then between none of them and all of them linked,
 * and said at the first (a check holds only of both bounds).
 */
export function withMissedNotRead(facts: EvidenceFacts, missed: number, wholeFile: boolean): void {
  const calls = facts.values.calls;
  if (missed <= 0 || calls === null || calls === undefined) return;
  facts.missedNotRead = missed;
  const bounds = (facts.bounds ??= {});
  if (wholeFile) facts.values.calls = calls + missed;
  else bounds.calls = { low: calls, high: calls + missed };
  const p = facts.parts.calls_linked_share;
  if (p === undefined) return;
  const den = p.den + missed;
  bounds.calls_linked_share = { low: p.num / den, high: (p.num + missed) / den };
  if (!wholeFile) return;
  facts.parts.calls_linked_share = { num: p.num, den };
  facts.values.calls_linked_share = p.num / den;
}

/**
 * The facts that rest on linking activities to deals, where most of the deals were created outside the
 * activities' dates (coverage.ts: activities-outside-deals, the run says so): not facts of the CRM's use
 * but of an export of other dates, so no data, with what would give them (tester T76: a log of the wrong
 * year contradicted two «yes» and took 3 points off, beside the alert that said its touches meant nothing).
 * A copy: the run's own facts stay as read.
 */
export function withoutLinksOutsideDates(facts: EvidenceFacts): EvidenceFacts {
  const out: EvidenceFacts = { ...facts, values: { ...facts.values }, parts: { ...facts.parts }, needs: { ...facts.needs }, ...(facts.bounds ? { bounds: { ...facts.bounds } } : {}) };
  for (const id of ['won_with_activity_share', 'touches_per_won', 'calls_linked_share'] as const) {
    if (out.values[id] === null || out.values[id] === undefined) continue;
    out.values[id] = null;
    out.needs[id] = 'activities.dates';
    delete out.parts[id];
    delete out.bounds?.[id];
  }
  return out;
}
