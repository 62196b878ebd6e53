import { describe, expect, it } from 'vitest';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { PaymentLog } from '../../../src/core/kpi/payment-log.js';
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
