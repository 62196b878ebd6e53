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
  readonly odd = new PaymentOddities(this);

  constructor(private readonly store: DealStore) {}

  /** Adds a payment; its deal is looked up by id (or by title, as store.find does). */
  add(p: Payment): void {
    if (p.deal_id !== '') this.named++;
    const deal = p.deal_id === '' ? -1 : (this.store.find(p.deal_id) ?? -1);
    this.put(deal, p);
    this.odd.note(this.length - 1, p.deal_id, p.invoiced_at ?? NaN, p.paid_at ?? NaN);
  }

  /** Adds a payment whose deal the reader resolved already (its key, -1 for none: a LinkedPayment); `named`: whether its row names a deal at all. */
  addLinked(p: { deal: number; named: boolean; manager: string; invoiced: number; paid: number; id?: string; invoicedAt?: number; paidAt?: number }): void {
    if (p.named) this.named++;
    this.put(p.deal, p);
    this.odd.note(this.length - 1, p.named ? (p.id ?? '') : '', p.invoicedAt ?? NaN, p.paidAt ?? NaN);
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
    log.odd.read();
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
export const kopecks = (v: number): number => Math.round(v * 100);

/**
 * What a payments file holds that a paid share cannot be read from as it is, noted as the rows are
 * added (the amounts are still counted as written: a refund nets against its deal's paid, as the money
 * came back; nothing is capped, so that the totals add up to the file). Said in the payments-odd and
 * payments-unknown-deals alerts, because a paid share of −100 % or 125 % said nothing of why (a tester).
 * - unknown: rows naming a deal id no deal has (with a period they are left out, their date unknown);
 * - refunds: rows with a negative amount (a refund, `(30 000)`);
 * - duplicates: rows identical to an earlier one in deal, manager, amounts and dates (a file exported twice, pasted twice);
 * - over: deals (or rows without a deal) whose paid sum is above their invoiced one, where something is invoiced.
 *
 * It reads the log's columns (deal, manager, amounts) and keeps beside them only what they lack, 20
 * bytes a payment: the dates, and for a row without a deal of the store which id it named. A repeated
 * row is found by a hash of its fields, the first row of each in a flat table (RowTable), checked
 * field by field against a held row of the same hash; no string a row. The deals' sums are made when asked (over), in one pass over the log.
 */
export class PaymentOddities {
  unknown = 0;
  /** Of `unknown`, the rows without a manager of their own: counted in the department's total only. */
  unknownNoManager = 0;
  unknownExample = '';
  readonly refunds = { rows: 0, sum: 0 };
  readonly duplicates = { rows: 0, sum: 0 };
  /** Each row's deal as the repeat check sees it: the deal, else -1 - k for the id k of `unknownIds` it named (-1: none). */
  private readonly who = new IntList();
  /** The deal ids no deal has, as named ('' is key 0, a row that names none). */
  private readonly unknownIds = new Interner();
  /** What finding repeated rows needs while the file is read; dropped once it is (read). */
  private seen: RowsSeen | undefined = new RowsSeen();

  constructor(private readonly log: PaymentLog) {}

  /** Notes row `i` of the log, just added: `id` the deal id it named ('' for none), and its dates. */
  note(i: number, id: string, invoicedAt: number, paidAt: number): void {
    const log = this.log;
    const deal = log.deal.data[i]!;
    const invoiced = log.invoiced.data[i]!;
    const paid = log.paid.data[i]!;
    if (deal < 0 && id !== '') {
      if (this.unknown++ === 0) this.unknownExample = id;
      if (log.manager.data[i] === 0) this.unknownNoManager++;
    }
    if (invoiced < 0 || paid < 0) {
      this.refunds.rows++;
      this.refunds.sum += Math.min(paid, 0) || Math.min(invoiced, 0);
    }
    const seen = this.seen;
    if (seen === undefined) throw new Error('a payment noted after its file was read');
    seen.invoicedAt.push(invoicedAt);
    seen.paidAt.push(paidAt);
    this.who.push(deal >= 0 ? deal : -1 - this.unknownIds.id(id));
    if (seen.firstRows.findOrAdd(i, this.hash(i, seen), this.sameRows)) {
      this.duplicates.rows++;
      this.duplicates.sum += paid !== 0 ? paid : invoiced;
    }
  }

  /**
   * The file is read: the rows' dates and the table of first rows are dropped (24 to 40 bytes a
   * payment, held otherwise to the end of the run, where its memory peaks). No row is noted after.
   */
  read(): void {
    this.seen = undefined;
  }

  /** A 32-bit hash of row i's fields: its deal (as `who`), manager, amounts in kopecks and dates. */
  private hash(i: number, seen: RowsSeen): number {
    const log = this.log;
    const h = mix(mix(0x2545f491, this.who.data[i]!), log.manager.data[i]!);
    return finish(mixNumber(mixNumber(mixNumber(mixNumber(h, kopecks(log.invoiced.data[i]!)), kopecks(log.paid.data[i]!)), seen.invoicedAt.data[i]!), seen.paidAt.data[i]!));
  }

  /** Whether rows i and j agree in deal (as `who`), manager, amounts in kopecks and dates (NaN, no date, equal to NaN). */
  /** `same` over the rows being read, made once (a closure a payment was a million allocations on the read's path). */
  private readonly sameRows = (i: number, j: number): boolean => this.same(i, j, this.seen!);

  private same(i: number, j: number, seen: RowsSeen): boolean {
    const log = this.log;
    return (
      this.who.data[i] === this.who.data[j] &&
      log.manager.data[i] === log.manager.data[j] &&
      kopecks(log.invoiced.data[i]!) === kopecks(log.invoiced.data[j]!) &&
      kopecks(log.paid.data[i]!) === kopecks(log.paid.data[j]!) &&
      sameDate(seen.invoicedAt.data[i]!, seen.invoicedAt.data[j]!) &&
      sameDate(seen.paidAt.data[i]!, seen.paidAt.data[j]!)
    );
  }

  /**
   * Deals (and rows without one) paid above what was invoiced for them, with the first of them: a row
   * without a deal before any deal, else the deal whose first row comes first (its id as the store has
   * it). One pass over the log sums each deal's amounts in row order.
   */
  over(store: DealStore): { count: number; example?: { id: string; invoiced: number; paid: number } } {
    const log = this.log;
    const n = log.length;
    let deals = 0;
    for (let r = 0; r < n; r++) deals = Math.max(deals, log.deal.data[r]! + 1);
    // Each paid deal's sums in a slot of its own, the slots in the order of the deals' first rows: arrays
    // as long as the log, and one of slots as long as the deals (4 bytes a deal). Arrays of sums as long
    // as the deals were 20 MB of fresh memory for the benchmark's million deals, paid for at the first
    // write of each page on the run's serial end (after the activities, before the deals are counted).
    const slotOf = new Int32Array(deals);
    const invoiced = new Float64Array(n);
    const paid = new Float64Array(n);
    const firstRow = new Int32Array(n);
    let slots = 0;
    let count = 0;
    let example: { id: string; invoiced: number; paid: number } | undefined;
    for (let r = 0; r < n; r++) {
      const d = log.deal.data[r]!;
      const inv = log.invoiced.data[r]!;
      const pay = log.paid.data[r]!;
      if (d >= 0) {
        let s = slotOf[d]! - 1;
        if (s < 0) {
          s = slots++;
          slotOf[d] = s + 1;
          firstRow[s] = r;
        }
        invoiced[s] = invoiced[s]! + inv;
        paid[s] = paid[s]! + pay;
      } else if (inv > 0 && kopecks(pay) > kopecks(inv)) {
        count++;
        example ??= { id: this.unknownIds.values[-1 - this.who.data[r]!]!, invoiced: inv, paid: pay };
      }
    }
    // The slots are in the order of their deals' first rows: the first over is the example.
    let firstOver = -1;
    for (let s = 0; s < slots; s++) {
      if (!(invoiced[s]! > 0 && kopecks(paid[s]!) > kopecks(invoiced[s]!))) continue;
      count++;
      if (firstOver === -1) firstOver = s;
    }
    if (example === undefined && firstOver !== -1) example = { id: store.idOf(log.deal.data[firstRow[firstOver]!]!), invoiced: invoiced[firstOver]!, paid: paid[firstOver]! };
    return example === undefined ? { count: 0 } : { count, example };
  }
}

/** The dates of each row as read (NaN: none), and the rows that repeat no earlier one (PaymentOddities, while its file is read). */
class RowsSeen {
  readonly invoicedAt = new FloatList();
  readonly paidAt = new FloatList();
  readonly firstRows = new RowTable();
}

/**
 * A set of row indices by a 32-bit hash of their fields, in two flat arrays (open addressing, linear
 * probing, at most half full): 12 to 24 bytes a row, where a Map of numbers took about 40 and grew
 * in steps the size of the whole map (peak memory of a million payments).
 */
export class RowTable {
  private rows = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private size = 0;

  /** Whether a held row of this hash is the same as `row` (`same(row, held)`); if not, `row` is added under it. */
  findOrAdd(row: number, hash: number, same: (row: number, held: number) => boolean): boolean {
    const mask = this.rows.length - 1;
    let k = hash & mask;
    for (let held = this.rows[k]!; held !== -1; k = (k + 1) & mask, held = this.rows[k]!) {
      if (this.hashes[k] === hash && same(row, held)) return true;
    }
    this.rows[k] = row;
    this.hashes[k] = hash;
    if (++this.size * 2 > this.rows.length) this.grow();
    return false;
  }

  private grow(): void {
    const { rows, hashes } = this;
    this.rows = new Int32Array(rows.length * 2).fill(-1);
    this.hashes = new Int32Array(rows.length * 2);
    const mask = this.rows.length - 1;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === -1) continue;
      let k = hashes[i]! & mask;
      while (this.rows[k] !== -1) k = (k + 1) & mask;
      this.rows[k] = rows[i]!;
      this.hashes[k] = hashes[i]!;
    }
  }
}

/** Whether two dates are the same, no date (NaN) being the same as none. */
function sameDate(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** One block of MurmurHash3 (32-bit): a 32-bit integer into the hash. */
function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  const m = h ^ k;
  return (Math.imul((m << 13) | (m >>> 19), 5) + 0xe6546b64) | 0;
}

/** mix over a number of up to 64 bits' worth of integer part (kopecks, ms): its low and high words; NaN as 0 (the check tells them apart). */
function mixNumber(h: number, v: number): number {
  return mix(mix(h, v | 0), (v / 4_294_967_296) | 0);
}

/** MurmurHash3's finish: every bit of the hash depends on every bit put in. */
function finish(h: number): number {
  let f = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  f = Math.imul(f ^ (f >>> 13), 0xc2b2ae35);
  return f ^ (f >>> 16);
}
