import type { Payment } from '../records.js';
import type { DealStore } from './deal-store.js';
import { Interner } from './ids.js';
import { FloatList, IntList } from './time-index.js';

/**
 * Payments resolved once against the deals, in columns: their deal (-1 for none or an unknown id),
 * their manager's name as a key of `managers` (0 for none), the amounts invoiced and paid. Read
 * row by row, 24 bytes a payment instead of an object with two strings (about 110 bytes), which
 * were held while both threads read the activities; every engine reads the same log.
 */
export class PaymentLog {
  readonly deal = new IntList();
  readonly manager = new IntList();
  readonly invoiced = new FloatList();
  readonly paid = new FloatList();
  /** The managers' names the payments give ('' is key 0). */
  readonly managers = new Interner();
  /**
   * How many payments name a deal (found or not). None in a file of payments: the file has no deal
   * column (or an empty one), and no payment can link to a deal: the payments of won deals are then
   * not known, not none (the evidence fact won_with_payment_share).
   */
  named = 0;
  /** What the payments' numbers could not be made sense of (PaymentOddities): said in an alert, counted as written. */
  readonly odd = new PaymentOddities();

  constructor(private readonly store: DealStore) {}

  /** Adds a payment; its deal is looked up by id (or by title, as store.find does). */
  add(p: Payment): void {
    if (p.deal_id !== '') this.named++;
    const deal = p.deal_id === '' ? -1 : (this.store.find(p.deal_id) ?? -1);
    this.odd.note(deal, p.deal_id, p, p.invoiced_at ?? NaN, p.paid_at ?? NaN);
    this.put(deal, p);
  }

  /** Adds a payment whose deal the reader resolved already (its key, -1 for none: a LinkedPayment); `named`: whether its row names a deal at all. */
  addLinked(p: { deal: number; named: boolean; manager: string; invoiced: number; paid: number; id?: string; invoicedAt?: number; paidAt?: number }): void {
    if (p.named) this.named++;
    this.odd.note(p.deal, p.named ? (p.id ?? '') : '', p, p.invoicedAt ?? NaN, p.paidAt ?? NaN);
    this.put(p.deal, p);
  }

  private put(deal: number, p: { manager: string; invoiced: number; paid: number }): void {
    this.deal.push(deal);
    this.manager.push(this.managers.id(p.manager));
    this.invoiced.push(p.invoiced);
    this.paid.push(p.paid);
  }

  /** A log of some payments. */
  static of(store: DealStore, list: readonly Payment[]): PaymentLog {
    const log = new PaymentLog(store);
    for (const p of list) log.add(p);
    return log;
  }

  /** The deals paid above what was invoiced for them (PaymentOddities.over). */
  overPaid(): ReturnType<PaymentOddities['over']> {
    return this.odd.over(this.store);
  }

  get length(): number {
    return this.deal.length;
  }
}

/** An amount in kopecks (cents): sums compared exactly, whatever the order of a float sum. */
const kopecks = (v: number): number => Math.round(v * 100);

/**
 * What a payments file holds that a paid share cannot be read from as it is, noted as the rows are
 * added (the amounts are still counted as written: a refund nets against its deal's paid, as the money
 * came back; nothing is capped, so that the totals add up to the file). Said in the payments-odd and
 * payments-unknown-deals alerts, because a paid share of −100 % or 125 % said nothing of why (a tester).
 * - unknown: rows naming a deal id no deal has (with a period they are left out, their date unknown);
 * - refunds: rows with a negative amount (a refund, `(30 000)`);
 * - duplicates: rows identical to an earlier one in deal, manager, amounts and dates (a file exported twice, pasted twice);
 * - over: deals (or rows without a deal) whose paid sum is above their invoiced one, where something is invoiced.
 */
export class PaymentOddities {
  unknown = 0;
  unknownExample = '';
  readonly refunds = { rows: 0, sum: 0 };
  readonly duplicates = { rows: 0, sum: 0 };
  private readonly seen = new Set<string>();
  private readonly byDeal = new Map<number, { invoiced: number; paid: number }>();
  private overRows: Array<{ id: string; invoiced: number; paid: number }> = [];

  note(deal: number, id: string, p: { manager: string; invoiced: number; paid: number }, invoicedAt: number, paidAt: number): void {
    if (deal < 0 && id !== '') {
      if (this.unknown++ === 0) this.unknownExample = id;
    }
    if (p.invoiced < 0 || p.paid < 0) {
      this.refunds.rows++;
      this.refunds.sum += Math.min(p.paid, 0) || Math.min(p.invoiced, 0);
    }
    const key = `${deal < 0 ? `?${id}` : deal}\u0000${p.manager}\u0000${kopecks(p.invoiced)}\u0000${kopecks(p.paid)}\u0000${invoicedAt}\u0000${paidAt}`;
    if (this.seen.has(key)) {
      this.duplicates.rows++;
      this.duplicates.sum += p.paid !== 0 ? p.paid : p.invoiced;
    } else this.seen.add(key);
    if (deal < 0) {
      if (p.invoiced > 0 && kopecks(p.paid) > kopecks(p.invoiced)) this.overRows.push({ id, invoiced: p.invoiced, paid: p.paid });
      return;
    }
    const sums = this.byDeal.get(deal) ?? { invoiced: 0, paid: 0 };
    sums.invoiced += p.invoiced;
    sums.paid += p.paid;
    this.byDeal.set(deal, sums);
  }

  /** Deals (and rows without one) paid above what was invoiced for them, with the first of them (its deal id as the store has it). */
  over(store: DealStore): { count: number; example?: { id: string; invoiced: number; paid: number } } {
    const list = [...this.overRows];
    for (const [deal, s] of this.byDeal) if (s.invoiced > 0 && kopecks(s.paid) > kopecks(s.invoiced)) list.push({ id: store.idOf(deal), ...s });
    return list.length === 0 ? { count: 0 } : { count: list.length, example: list[0]! };
  }
}
