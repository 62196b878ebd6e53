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

  constructor(private readonly store: DealStore) {}

  /** Adds a payment; its deal is looked up by id (or by title, as store.find does). */
  add(p: Payment): void {
    if (p.deal_id !== '') this.named++;
    this.put(p.deal_id === '' ? -1 : (this.store.find(p.deal_id) ?? -1), p);
  }

  /** Adds a payment whose deal the reader resolved already (its key, -1 for none: a LinkedPayment); `named`: whether its row names a deal at all. */
  addLinked(p: { deal: number; named: boolean; manager: string; invoiced: number; paid: number }): void {
    if (p.named) this.named++;
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

  get length(): number {
    return this.deal.length;
  }
}
