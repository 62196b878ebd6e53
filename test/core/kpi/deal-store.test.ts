import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addClients, addIds, DealStore, type Repeats } from '../../../src/core/kpi/deal-store.js';
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

// Whole-number ids are indexed by value, others hashed: both ways of adding a second half's ids.
describe.each([
  ['whole-number ids', deals],
  ['ids that are not numbers', deals.map((d) => ({ ...d, id: `D-${d.id}` }))],
])('addIds: the second half’s ids added by the thread that read them (%s)', (_, deals) => {
  const id = (n: number) => deals[n - 1000]!.id;
  const halves = () => {
    const first = new DealStore();
    first.reserve(1500, { shared: true });
    for (const d of deals.slice(0, 1500)) first.add(d);
    const second = new DealStore();
    for (const d of [...deals.slice(1500), { ...deals[7]!, amount: 5 }]) second.add(d);
    return { first, second: second.release() };
  };

  it('gives each id its key or the deal it repeats, in the lent shared arrays, and the store then takes them', () => {
    const { first, second } = halves();
    const loan = first.lendIds(second.ids);
    for (const a of [loan.arena, loan.starts, loan.table, ...(loan.byValue ? [loan.byValue.index] : [])]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Whole-number ids are indexed by value (with room for the second half's range), others hashed.
    expect(loan.byValue !== undefined).toBe(deals[0]!.id === '1000');
    const added = addIds(loan, second.ids, false)!;
    expect([...added.slots.slice(0, 3)]).toEqual([1500, 1501, 1502]);
    // The repeat of deal 7's id.
    expect(added.slots[1500]).toBe(-1 - 7);
    expect(first.size).toBe(1500);
    first.settleIds(added);
    first.absorbColumns(second, added.slots);
    const clients = addClients(first.lendClients(second.clients.size, second.clients.arena.length), second.clients)!;
    first.settleClients(clients);
    first.absorbClients(second.client, added.slots, clients.keys);
    expect(first.size).toBe(3000);
    expect(first.find(id(3999))).toBe(2999);
    expect(first.find(id(1007))).toBe(7);
    expect(first.toDeals()[2999]!.client).toBe('K199');
    expect(first.merged).toBe(1);
  });

  it('adds nothing when a repeat would sum amounts, or when the ids do not fit the room lent', () => {
    const { first, second } = halves();
    expect(addIds(first.lendIds(second.ids), second.ids, true)).toBeUndefined();
    expect(first.size).toBe(1500);
    const { first: small, second: other } = halves();
    // Lent for one more id than it holds: the rest would have to grow the arrays.
    const one = new DealStore();
    one.add(deals[2999]!);
    expect(addIds(small.lendIds(one.release().ids), other.ids, false)).toBeUndefined();
  });
});

describe('DealStore.absorb: a second half with no id repeated', () => {
  it('gives the deals, clients and titles one pass gives, the columns copied whole', () => {
    const titled = (store: DealStore, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        store.add(deals[i]!);
        if (i % 5 === 0) store.setName(store.size - 1, `Сделка ${i}`);
      }
    };
    const whole = new DealStore();
    titled(whole, 0, deals.length);
    const first = new DealStore();
    titled(first, 0, 1200);
    const second = new DealStore();
    titled(second, 1200, deals.length);
    expect(first.absorb(second.release(), false)).toBe(true);
    expect(first.toDeals()).toEqual(whole.toDeals());
    expect(first.names).toEqual(whole.names);
    expect(first.clients.size).toBe(whole.clients.size);
    for (let i = 0; i < whole.size; i += 97) expect(first.clients.text(first.client[i]!)).toBe(whole.clients.text(whole.client[i]!));
    expect(first.merged).toBe(0);
  });

  it('adds clients past the room lent, growing the arrays in shared memory, and the store takes the grown arrays', () => {
    const first = new DealStore();
    first.reserve(100, { shared: true });
    for (const d of deals.slice(0, 100)) first.add(d);
    const second = new DealStore();
    // More clients than a new store has room for (1024 keys), the first 100 of them the first store's.
    for (const d of deals) second.add({ ...d, client: `Клиент ${d.id}` });
    for (const d of deals.slice(0, 100)) first.clients.internText(`Клиент ${d.id}`);
    const theirs = second.release().clients;
    const before = first.clients.size;
    const loan = first.lendClients(1, 4);
    const added = addClients(loan, theirs);
    expect(added.loan.table).not.toBe(loan.table);
    for (const a of [added.loan.arena, added.loan.starts, added.loan.table]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    first.settleClients(added);
    expect(first.clients.size).toBe(before + theirs.size - 1 - 100);
    for (let c = 1; c < theirs.size; c += 37) expect(first.clients.text(added.keys[c]!)).toBe(new TextDecoder().decode(theirs.arena.subarray(theirs.starts[c], theirs.starts[c + 1])));
  });

  it('sizes the table for about as many clients as a sample of theirs says are new', () => {
    const first = new DealStore();
    for (let i = 0; i < 20_000; i++) first.clients.internText(`Клиент ${i}`);
    const second = new DealStore();
    // 30,000 clients, a third of them new to the first store.
    for (let i = 0; i < 30_000; i++) second.clients.internText(`Клиент ${i < 20_000 ? i : 100_000 + i}`);
    const sized = (sample?: { arena: Uint8Array; starts: Int32Array }) => first.lendClients(second.clients.size, 1 << 20, sample).table.length / 2;
    // Sized for all of them: 50,000 keys at most three quarters full; for the 10,000 new: 30,000 keys.
    expect(sized()).toBe(131_072);
    const fresh = new DealStore();
    for (let i = 0; i < 20_000; i++) fresh.clients.internText(`Клиент ${i}`);
    expect(fresh.lendClients(second.clients.size, 1 << 20, second.clients.sample(4096)).table.length / 2).toBe(65_536);
  });
});

describe('DealStore.absorb: a second half whose ids are not indexed by value', () => {
  const store = (ids: string[]) => {
    const s = new DealStore();
    s.reserve(12_000, { shared: true });
    for (const id of ids) s.add({ ...deals[0]!, id });
    return s;
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => String(from + i));

  it('finds every deal of the second half, after the index is trimmed too, when its first ids lie far apart', () => {
    const first = store(range(1, 5001));
    // Its own index gave way to the table at the second id: 9999 then 5001…
    expect(first.absorb(store(['9999', ...range(5001, 9999)]).release(), false)).toBe(true);
    first.ids.indexByValue();
    for (const id of ['1', '5000', '5001', '6000', '9998', '9999']) expect(first.toDeals()[first.find(id)!]!.id).toBe(id);
  });

  it('takes a second half with an id that is not a whole number, without reading anything again', () => {
    const first = store(range(1, 5001));
    expect(first.absorb(store([...range(5001, 6000), 'X-7', ...range(6000, 7000)]).release(), false)).toBe(true);
    first.ids.indexByValue();
    expect(first.find('X-7')).toBe(5999);
    expect(first.find('6999')).toBe(6999);
    expect(first.find('0100')).toBeUndefined();
  });
});

describe('product rows of one deal (a file with a product column)', () => {
  const amountOf = (amounts: Array<number | null>) => {
    const store = new DealStore();
    for (const a of amounts) store.add({ ...deal('7', 'Ivanov', '2025-04-01 10:00', '2025-04-15 10:00', 'won', a, 'K'), hasProduct: true }, 'sum');
    store.settleProducts();
    return store.toDeals()[0]!.amount;
  };

  it('the same amount on every row is the deal total the CRM repeats (Bitrix24 «Сумма»): counted once', () => {
    expect(amountOf([25_000, 25_000])).toBe(25_000);
    expect(amountOf([25_000, 25_000, 25_000])).toBe(25_000);
  });

  it('amounts that differ are each product’s share: added up', () => {
    expect(amountOf([100_000, 20_000])).toBe(120_000);
    expect(amountOf([25_000, 25_000, 30_000])).toBe(80_000);
  });

  it('empty amounts are passed over', () => {
    expect(amountOf([null, 25_000, 25_000])).toBe(25_000);
    expect(amountOf([25_000, null, 5_000])).toBe(30_000);
    expect(amountOf([null, null])).toBeNull();
  });

  it('without a product column a repeated id keeps its first row', () => {
    const store = new DealStore();
    for (const a of [25_000, 30_000]) store.add(deal('7', 'Ivanov', '2025-04-01 10:00', null, 'open', a), 'first');
    expect(store.toDeals().map((d) => d.amount)).toEqual([25_000]);
    expect(store.merged).toBe(1);
  });
});

describe('product rows: one reading for the whole file, not deal by deal (spec: product rows sum)', () => {
  // Rows as [id, amount, lineTotal]: lineTotal 1 when the row's amount is its price × quantity, 2 when not, 0 unknown.
  const read = (rows: Array<[string, number, number]>) => {
    const store = new DealStore();
    for (const [id, amount, lineTotal] of rows) {
      const codes = { manager: store.managers.id('Ann'), created: 0, closed: 86_400_000, status: 1, amount, reason: 0, stage: 0, pipeline: 0, source: 0, product: 1, lineTotal };
      store.addCodedText(codes, id, 0, 'sum');
    }
    const reading = store.settleProducts();
    return { reading, amounts: store.toDeals().map((d) => [d.id, d.amount]) };
  };

  it('one deal whose rows differ makes every deal’s rows add up: 5000 + 5000 + 3000 = 13 000 and 4000 + 4000 = 8000, not 4000', () => {
    const got = read([['10', 5000, 0], ['10', 5000, 0], ['10', 3000, 0], ['11', 7000, 0], ['12', 4000, 0], ['12', 4000, 0]]);
    expect(got).toEqual({ reading: 'sum', amounts: [['10', 13_000], ['11', 7000], ['12', 8000]] });
  });

  it('the same whatever the order: the uniform deal before the one that differs', () => {
    expect(read([['12', 4000, 0], ['12', 4000, 0], ['10', 5000, 0], ['10', 3000, 0]]).amounts).toEqual([['12', 8000], ['10', 8000]]);
  });

  it('every deal repeating one amount, no price × quantity equal to it: the deal total, counted once', () => {
    expect(read([['10', 25_000, 2], ['10', 25_000, 2], ['12', 4000, 0], ['12', 4000, 0]])).toEqual({ reading: 'total', amounts: [['10', 25_000], ['12', 4000]] });
  });

  it('a row whose amount is its own price × quantity is a product’s share: 4000 + 4000 = 8000', () => {
    expect(read([['12', 4000, 1], ['12', 4000, 1]])).toEqual({ reading: 'sum', amounts: [['12', 8000]] });
  });

  it('no product row with an amount: nothing to decide; the next file decides afresh', () => {
    const store = new DealStore();
    expect(store.settleProducts()).toBeUndefined();
  });
});

describe('DealStore: a repeated id that is another deal', () => {
  const deal = (id: string, manager: string, status: 'won' | 'lost' | 'open', amount: number | null = 100) => ({ id, manager, created_at: 0, closed_at: status === 'open' ? null : 86_400_000, status, amount, client: 'K', loss_reason: '', stage: '', pipeline: '', source: '', name: '' });

  it('counts the rows whose manager or status differ from the kept row, and names the earliest such deal; a repeat as it is is not counted', () => {
    const store = new DealStore();
    store.add(deal('7', 'Ann', 'won'));
    store.add(deal('3', 'Bob', 'open'));
    store.add(deal('7', 'Ann', 'won', 50));
    expect(store.differing).toBeUndefined();
    store.add(deal('3', 'Bob', 'lost'));
    store.add(deal('7', 'Cid', 'won'));
    store.add(deal('7', 'Ann', 'open'));
    expect(store.merged).toBe(4);
    // Deal 7 came first in the file (key 0), whatever the order its repeats came in.
    expect(store.differing).toEqual({ rows: 3, id: '7' });
    expect(store.toDeals().map((d) => [d.id, d.manager, d.status])).toEqual([['7', 'Ann', 'won'], ['3', 'Bob', 'open']]);
  });
});

describe('DealStore: the other keys a deal\'s client goes by', () => {
  it('lists a deal under each once, apart from its own client (looked in first), for the client-window links', () => {
    const store = new DealStore();
    store.add(deal('1', 'Анна', '2025-03-01 10:00', null, 'open', 1, 'ООО Альфа'));
    store.add(deal('2', 'Анна', '2025-03-02 10:00', null, 'open', 1, 'Пётр'));
    const petr = store.clients.internText('Пётр');
    const phone = store.clients.internText('74951234567');
    // Deal 1's contact is Пётр (deal 2's own client), with a phone given twice.
    store.addLinks(0, [petr, phone, phone]);
    store.addLinks(1, [petr]);
    expect(store.byClient().get(petr)).toEqual([1]);
    const links = store.byLinks();
    expect(links.get(petr)).toEqual([0]);
    expect(links.get(phone)).toEqual([0]);
    // A worker thread's copy links the same way.
    const copy = DealStore.fromSnapshot(store.share());
    expect(copy.byLinks()).toEqual(links);
  });

  it('drops a key that deals of two clients go by: a switchboard number names neither', () => {
    const store = new DealStore();
    store.add(deal('1', 'Анна', '2025-03-01 10:00', null, 'open', 1, 'ООО Альфа'));
    store.add(deal('2', 'Анна', '2025-03-02 10:00', null, 'open', 1, 'ООО Бета'));
    store.add(deal('3', 'Анна', '2025-03-03 10:00', null, 'open', 1, 'ООО Альфа'));
    const office = store.clients.internText('74950000000');
    const alfa = store.clients.internText('74951111111');
    store.addLinks(0, [office, alfa]);
    store.addLinks(1, [office]);
    store.addLinks(2, [alfa]);
    const links = store.byLinks();
    expect(links.has(office)).toBe(false);
    expect(links.get(alfa)).toEqual([0, 2]);
  });
});

describe('rows repeating an id, against a model of the spec (property)', () => {
  // spec/metrics.md: the first row of an id wins; product rows sum. A deal's amount is then: of its first
  // row and its product rows, the non-empty amounts: none, empty; where every deal's are all the same, that
  // one (the deal total a CRM repeats on each product row); else, in every deal of the file, their sum. `sum`: every repeat is a product row (a Bitrix24
  // export); `named`: a repeat that names a product after a row of the deal did; `first`: none.
  type Row = { id: string; amount: number | null; product: boolean };
  const rowArb = fc.record({ id: fc.constantFrom('1', '2', '3', '4', '5'), amount: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), product: fc.boolean() });
  const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 30 });
  const modes: Repeats[] = ['first', 'sum', 'named'];

  function model(rows: Row[], mode: Repeats): { amounts: Array<[string, number | null]>; merged: number; productRows: number } {
    const deals = new Map<string, { counted: Array<number | null>; named: boolean }>();
    let productRows = 0;
    for (const r of rows) {
      const d = deals.get(r.id);
      if (!d) {
        deals.set(r.id, { counted: [r.amount], named: r.product });
        continue;
      }
      const productRow = mode === 'sum' || (mode === 'named' && r.product && d.named);
      d.named ||= r.product;
      if (!productRow) continue;
      productRows++;
      d.counted.push(r.amount);
    }
    const filled = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
    // One reading for the whole file: any deal whose amounts differ makes every deal's add up.
    const sumAll = [...deals.values()].some((d) => filled(d.counted).some((x, _, all) => x !== all[0]));
    const amount = (xs: Array<number | null>) => {
      const f = filled(xs);
      if (f.length === 0) return null;
      return sumAll ? f.reduce((a, b) => a + b, 0) : f[0]!;
    };
    return { amounts: [...deals].map(([id, d]) => [id, amount(d.counted)]), merged: rows.length - deals.size, productRows };
  }

  const read = (rows: Row[], mode: Repeats, store = new DealStore()) => {
    for (const r of rows) store.add({ ...deal(r.id, 'Ann', '2025-04-01 10:00', '2025-04-15 10:00', 'won', r.amount, 'K'), hasProduct: r.product }, mode);
    return store;
  };
  const settled = (store: DealStore) => (store.settleProducts(), store);

  it('a store gives the model’s deals, amounts and counts, in every mode', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        for (const mode of modes) {
          const store = settled(read(rows, mode));
          const want = model(rows, mode);
          expect(store.toDeals().map((d) => [d.id, d.amount])).toEqual(want.amounts);
          expect([store.merged, store.productRows]).toEqual([want.merged, want.productRows]);
        }
      }),
    );
  });

  it('two halves absorbed give what one pass gives; where a repeat across them may sum, absorb refuses (the file is read in one pass)', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, at) => {
        const k = at % (rows.length + 1);
        for (const mode of modes) {
          const whole = settled(read(rows, mode));
          const first = read(rows.slice(0, k), mode);
          const across = rows.slice(k).some((r) => rows.slice(0, k).some((s) => s.id === r.id));
          const absorbed = first.absorb(read(rows.slice(k), mode).release(), mode !== 'first');
          expect(absorbed).toBe(mode === 'first' || !across);
          if (!absorbed) continue;
          first.settleProducts();
          expect(first.toDeals()).toEqual(whole.toDeals());
          expect([first.merged, first.productRows]).toEqual([whole.merged, whole.productRows]);
        }
      }),
    );
  });
});
