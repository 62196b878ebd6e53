import { describe, expect, it } from 'vitest';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { PaymentLog, RowTable } from '../../../src/core/kpi/payment-log.js';
import { deal } from '../../helpers/kpi.js';

describe('PaymentLog', () => {
  it('resolves each payment to its deal once (-1 for none or an unknown id) and keeps its manager and amounts', () => {
    const store = new DealStore();
    for (const d of [deal('10', 'Анна', '2025-01-02 10:00', null, 'open', null, 'K1'), deal('11', 'Борис', '2025-01-03 10:00', null, 'open', null, 'K2')]) store.add(d);
    const log = PaymentLog.of(store, [
      { deal_id: '11', manager: '', invoiced: 100, paid: 50.5, invoiced_at: null, paid_at: null },
      { deal_id: '', manager: 'Вера', invoiced: 7, paid: 0, invoiced_at: null, paid_at: null },
      { deal_id: '99', manager: 'Вера', invoiced: 1, paid: 1, invoiced_at: null, paid_at: null },
    ]);
    expect(log.length).toBe(3);
    expect([...log.deal.data.subarray(0, 3)]).toEqual([1, -1, -1]);
    expect([...log.manager.data.subarray(0, 3)].map((m) => log.managers.values[m])).toEqual(['', 'Вера', 'Вера']);
    expect([...log.invoiced.data.subarray(0, 3)]).toEqual([100, 7, 1]);
    expect([...log.paid.data.subarray(0, 3)]).toEqual([50.5, 0, 1]);
    // Two of them name a deal (one no deal has): a file with a deal column.
    expect(log.named).toBe(2);
  });

  it('counts the payments that name a deal, as the reader says it (named), found or not', () => {
    const store = new DealStore();
    store.add(deal('10', 'Анна', '2025-01-02 10:00', null, 'open', null, 'K1'));
    const log = new PaymentLog(store);
    log.addLinked({ deal: -1, named: false, manager: 'Вера', invoiced: 1, paid: 1 });
    log.addLinked({ deal: -1, named: false, manager: 'Вера', invoiced: 2, paid: 2 });
    expect(log.named).toBe(0);
    log.addLinked({ deal: 0, named: true, manager: '', invoiced: 3, paid: 3 });
    expect(log.named).toBe(1);
  });
});

describe('PaymentOddities (what a paid share cannot be read from)', () => {
  const store = () => {
    const s = new DealStore();
    for (const d of [deal('7', 'Анна', '2025-02-01 10:00', null, 'won', 40_000, 'K1'), deal('8', 'Анна', '2025-02-02 10:00', null, 'won', 10_000, 'K2')]) s.add(d);
    return s;
  };
  const row = (deal_id: string, invoiced: number, paid: number, paid_at: number | null = null) => ({ deal_id, manager: 'Анна', invoiced, paid, invoiced_at: null, paid_at });

  it('counts unknown deal ids with the first as an example, refunds with their sum, repeated rows and deals paid above their invoice', () => {
    // Deal 7: the same row twice (80 000 invoiced, 80 000 paid) and 5 000 more paid: 85 000 > 80 000; deal 8: 10 000 paid then −4 000 back.
    const log = PaymentLog.of(store(), [row('7', 40_000, 40_000, 1), row('7', 40_000, 40_000, 1), row('7', 0, 5_000, 2), row('8', 10_000, 10_000), row('8', 0, -4_000), row('555', 3_000, 3_000), row('556', 1, 1)]);
    expect(log.odd.unknown).toBe(2);
    expect(log.odd.unknownExample).toBe('555');
    expect(log.odd.refunds).toEqual({ rows: 1, sum: -4_000 });
    expect(log.odd.duplicates).toEqual({ rows: 1, sum: 40_000 });
    expect(log.overPaid()).toEqual({ count: 1, example: { id: '7', invoiced: 80_000, paid: 85_000 } });
  });

  it('a second payment of a deal on another date is not a repeat, and paying the invoice exactly is not over it', () => {
    const log = PaymentLog.of(store(), [row('7', 40_000, 20_000, 1), row('7', 0, 20_000, 2)]);
    expect(log.odd.duplicates.rows).toBe(0);
    // Added up per deal: 40 000 invoiced, 40 000 paid.
    expect(log.overPaid()).toEqual({ count: 0 });
  });

  it('sums each deal\'s rows before judging it over its invoice, and a refund nets against its deal', () => {
    // Deal 7: 40 000 invoiced, 25 000 + 20 000 = 45 000 paid: over by 5 000.
    const paid = [row('7', 40_000, 25_000, 1), row('7', 0, 20_000, 2)];
    const over = PaymentLog.of(store(), paid);
    expect(over.overPaid()).toEqual({ count: 1, example: { id: '7', invoiced: 40_000, paid: 45_000 } });
    expect(over.odd.refunds).toEqual({ rows: 0, sum: 0 });
    // 5 000 of it back: 40 000 paid, the invoice exactly; the refund row is said with its sum.
    const refunded = PaymentLog.of(store(), [...paid, row('7', 0, -5_000, 3)]);
    expect(refunded.overPaid()).toEqual({ count: 0 });
    expect(refunded.odd.refunds).toEqual({ rows: 1, sum: -5_000 });
  });

  it('compares in kopecks, and names a row without a deal of the store before any deal', () => {
    // Deal 8: 6 000.004 + 4 000 = 10 000.004 paid of 10 000: the same in kopecks, not over. Deal 7 is
    // over (45 000 of 40 000); so is the row of the unknown deal 555 (3 500 of 3 000), said first although it comes later.
    const log = PaymentLog.of(store(), [row('8', 10_000, 6_000.004, 1), row('8', 0, 4_000, 2), row('7', 40_000, 45_000, 1), row('555', 3_000, 3_500)]);
    expect(log.overPaid()).toEqual({ count: 2, example: { id: '555', invoiced: 3_000, paid: 3_500 } });
    // One kopeck above the invoice is over it.
    expect(PaymentLog.of(store(), [row('8', 10_000, 10_000.01)]).overPaid()).toEqual({ count: 1, example: { id: '8', invoiced: 10_000, paid: 10_000.01 } });
  });

  it('a repeat is the same deal (or the same unknown id, or none), manager, amounts and dates: no date is the same as none, a date 0 is not', () => {
    const other = { ...row('7', 1, 1), manager: 'Борис' };
    const log = PaymentLog.of(store(), [row('555', 1, 1), row('555', 1, 1), row('556', 1, 1), row('', 1, 1), row('', 1, 1), row('7', 1, 1), row('7', 1, 1, 0), other, row('7', 1, 1.004)]);
    // Repeats: the second 555 row, the second row without a deal, and 1.004 paid (1 in kopecks) after deal 7's first row.
    expect(log.odd.duplicates).toEqual({ rows: 3, sum: 1 + 1 + 1.004 });
  });

  it('tells apart two rows whose fields hash alike, and finds each one\'s repeat', () => {
    // Without a deal, Анна, 941 invoiced and 91 paid, or 262 and 94: the same 32-bit hash (found by a
    // search over amounts, for the hash as written). The fields decide: two repeats, of 94 and 91 paid.
    const log = PaymentLog.of(store(), [row('', 941, 91), row('', 262, 94), row('', 262, 94), row('', 941, 91)]);
    expect(log.odd.duplicates).toEqual({ rows: 2, sum: 94 + 91 });
  });

  it('tells every distinct row of many apart, and finds each repeat of them', () => {
    // 40 000 rows differing in their dates, then each again.
    const rows = Array.from({ length: 40_000 }, (_, i) => row('7', 1, 2, i));
    const log = PaymentLog.of(store(), [...rows, ...rows]);
    expect(log.odd.duplicates).toEqual({ rows: 40_000, sum: 80_000 });
  });

  it('drops what the repeat check held once the file is read: a row noted after is a mistake, said at once', () => {
    const log = PaymentLog.of(store(), [row('7', 1, 2)]);
    expect(() => log.add({ deal_id: '7', manager: 'Анна', invoiced: 1, paid: 2, invoiced_at: null, paid_at: null })).toThrow(/after its file was read/);
  });
});

describe('RowTable', () => {
  it('holds rows of one hash side by side, across its growth and the end of its slots, each found by its own fields', () => {
    const table = new RowTable();
    const value = (r: number) => r % 3000;
    // 3000 distinct values under two hashes (one of them -1, the last slot of any size), then each again.
    const found: boolean[] = [];
    for (let r = 0; r < 6000; r++) found.push(table.findOrAdd(r, value(r) % 2 === 0 ? -1 : 7, (row, held) => value(held) === value(row)));
    expect(found.slice(0, 3000).every((f) => !f)).toBe(true);
    expect(found.slice(3000).every((f) => f)).toBe(true);
  });
});
