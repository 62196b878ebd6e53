import type { DealStore } from './deal-store.js';
import type { LinkedActivity } from './link.js';

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
export type FactNeed = 'deals' | 'activities' | 'payments' | 'deals.loss_reason' | 'deals.source' | 'deals.amount' | 'deals.product' | 'activities.duration_s' | 'activities.deal_id';

/** The facts of one run: values, the counts behind each share (for the texts), and what is missing. */
export interface EvidenceFacts {
  values: Record<FactId, number | null>;
  /** Numerator and denominator of each share fact that has a value. */
  parts: Partial<Record<FactId, { num: number; den: number }>>;
  /** For each fact without a value because an input is missing: what would enable it. */
  needs: Partial<Record<FactId, FactNeed>>;
}

/** Which inputs and columns the run had. */
export interface EvidenceShape {
  activities: boolean;
  payments: boolean;
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
}

/** A facts tally as plain data, to merge the halves of a file read in parallel. */
export interface FactsPartial {
  touchedById: Uint8Array;
  touchedByClient: Uint8Array | undefined;
  calls: number;
  linkedById: number;
  linkedByClient: number;
  answered: number;
  answeredWithDuration: number;
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
  linkedById = 0;
  linkedByClient = 0;
  answered = 0;
  answeredWithDuration = 0;

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
    // Every call counts, with or without a direction column: a call log that does not say in or out
    // still shows that calls are made and logged (spec: calls_in + calls_out where directions exist).
    this.calls++;
    if (linkedById) this.linkedById++;
    if (linkedByClient) this.linkedByClient++;
    if (a.direction === 'out' || !a.missed) {
      this.answered++;
      if (a.duration_s !== null && a.duration_s > 0) this.answeredWithDuration++;
    }
  }

  /** Its state as plain data. */
  data(): FactsPartial {
    const { paid: _paid, n: _n, ...rest } = this;
    return { ...rest };
  }

  /** Merges another tally over the same deals; anyDealId: whether either side saw a deal id. */
  absorb(p: FactsPartial, anyDealId: boolean): void {
    for (let i = 0; i < this.touchedById.length; i++) this.touchedById[i]! |= p.touchedById[i]!;
    if (anyDealId) this.touchedByClient = undefined;
    else if (!this.touchedByClient) this.touchedByClient = p.touchedByClient;
    else if (p.touchedByClient) for (let i = 0; i < this.touchedByClient.length; i++) this.touchedByClient[i]! |= p.touchedByClient[i]!;
    this.calls += p.calls;
    this.linkedById += p.linkedById;
    this.linkedByClient += p.linkedByClient;
    this.answered += p.answered;
    this.answeredWithDuration += p.answeredWithDuration;
  }

  /**
   * The facts over the deals created in the period (inPeriod), with the touches per won deal the
   * engine computed; links by deal id when any activity had one, else by client window.
   */
  facts(store: DealStore, inPeriod: (created: number) => boolean, anyDealId: boolean, shape: EvidenceShape, touchesPerWon: number | null): EvidenceFacts {
    let deals = 0;
    let won = 0;
    let lost = 0;
    let lostWithReason = 0;
    let withSource = 0;
    let wonTouched = 0;
    let wonAmount = 0;
    let wonPaid = 0;
    let withProduct = 0;
    const touched = anyDealId ? this.touchedById : (this.touchedByClient ?? this.touchedById);
    const emptyLabel = store.labels.find('') ?? 0;
    for (let i = 0; i < store.size; i++) {
      if (!inPeriod(store.created[i]!)) continue;
      deals++;
      if (store.source[i] !== emptyLabel) withSource++;
      if (store.product[i]) withProduct++;
      const status = store.status[i];
      if (status === 1) {
        won++;
        if (touched[i]) wonTouched++;
        if (store.amount[i]! > 0) wonAmount++;
        if (this.paid[i]) wonPaid++;
      } else if (status === 2) {
        lost++;
        if (store.reasons.values[store.reason[i]!] !== '') lostWithReason++;
      }
    }
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
    put('closed_deals', undefined, won + lost);
    put('won_deals', undefined, won);
    share('win_rate', undefined, won, won + lost);
    share('lost_with_reason_share', shape.lossReason ? undefined : 'deals.loss_reason', lostWithReason, lost);
    share('source_share', shape.source ? undefined : 'deals.source', withSource, deals);
    // Linked activities need a file, and a column to link them with.
    const linked: FactNeed | undefined = !shape.activities ? 'activities' : shape.link ? undefined : 'activities.deal_id';
    share('won_with_activity_share', linked, wonTouched, won);
    put('touches_per_won', linked, touchesPerWon);
    share('won_amount_share', shape.amount ? undefined : 'deals.amount', wonAmount, won);
    share('product_share', shape.product ? undefined : 'deals.product', withProduct, deals);
    share('won_with_payment_share', shape.payments ? undefined : 'payments', wonPaid, won);
    put('calls', shape.activities ? undefined : 'activities', this.calls);
    share('calls_linked_share', linked, anyDealId ? this.linkedById : this.linkedByClient, this.calls);
    share('answered_with_duration_share', !shape.activities ? 'activities' : shape.duration ? undefined : 'activities.duration_s', this.answeredWithDuration, this.answered);
    return out;
  }
}
