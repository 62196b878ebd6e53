import { describe, expect, it } from 'vitest';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { deal } from '../../helpers/kpi.js';

const deals = Array.from({ length: 3000 }, (_, i) => deal(String(1000 + i), i % 2 ? 'Анна' : 'Boris', '2025-01-02 10:00', i % 3 ? '2025-01-09 10:00' : null, i % 3 ? 'won' : 'open', i * 10, `K${i % 700}`));

describe('DealStore reserved for a file read in halves', () => {
  it('keeps the ids and the linking columns in shared memory, so that share() hands them over without a copy', () => {
    const store = new DealStore();
    // An estimate short of the real count: room keeps the columns from growing.
    store.reserve(2500, { room: 4000, shared: true });
    const created = store.created;
    for (const d of deals) store.add(d);
    expect(store.created).toBe(created);
    const s = store.share();
    for (const a of [s.created, s.closed, s.client, s.source, s.pipeline, s.ids.arena, s.ids.table]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(s.created.length).toBe(deals.length);
    expect(s.created.buffer).toBe(created.buffer);
    const copy = DealStore.fromSnapshot(s);
    expect(copy.find('3999')).toBe(2999);
    expect(copy.clients.text(copy.client[2999]!)).toBe('K199');
  });

  it('gives the same deals reserved or not, shared or not, and after absorbing a second half', () => {
    const whole = new DealStore();
    for (const d of deals) whole.add(d);
    const first = new DealStore();
    first.reserve(1000, { room: 1200, shared: true });
    for (const d of deals.slice(0, 1500)) first.add(d);
    const second = new DealStore();
    second.reserve(10, { room: 20 });
    // A repeated id in the second half keeps the first half's deal.
    for (const d of [...deals.slice(1500), { ...deals[3]!, manager: 'Вера' }]) second.add(d);
    expect(first.absorb(second.release(), false)).toBe(true);
    expect(first.toDeals()).toEqual(whole.toDeals());
    expect(first.merged).toBe(1);
  });
});
