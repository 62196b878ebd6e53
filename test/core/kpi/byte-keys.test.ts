import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../../src/core/kpi/byte-keys.js';

describe('ByteKeys', () => {
  it('numbers keys in order of first sight and finds each again, by text and by bytes, across table growth', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 6000 }).map(String), fc.constantFrom('Ромашка', 'a\u00a0b', '')), { maxLength: 6000 }), (keys) => {
        const bk = new ByteKeys();
        const map = new Map<string, number>();
        for (const k of keys) {
          if (!map.has(k)) map.set(k, map.size);
          expect(bk.internText(k)).toBe(map.get(k));
        }
        expect(bk.size).toBe(map.size);
        for (const [k, i] of map) {
          expect(bk.findText(k)).toBe(i);
          const bytes = Buffer.from(`xx${k}yy`, 'utf8');
          expect(bk.find(bytes, 2, bytes.length - 2)).toBe(i);
          expect(bk.text(i)).toBe(k);
        }
        expect(bk.findText('\u0000absent')).toBe(-1);
      }),
      { numRuns: 30 },
    );
  });

  it('is rebuilt from its data (as a worker thread does) and keeps growing', () => {
    for (const n of [0, 1, 1500]) {
      const a = new ByteKeys();
      for (let i = 0; i < n; i++) a.internText(`k${i}`);
      const b = ByteKeys.from(a.data());
      for (let i = 0; i < n; i++) expect(b.findText(`k${i}`)).toBe(i);
      for (let i = n; i < n + 3000; i++) expect(b.internText(`k${i}`)).toBe(i);
      for (let i = 0; i < n + 3000; i++) expect(b.text(i)).toBe(`k${i}`);
    }
  });

  it('keeps every key of a sequence that crosses each power of two', () => {
    const bk = new ByteKeys();
    for (let i = 0; i < 70_000; i++) expect(bk.internText(String(100_000 + i))).toBe(i);
    for (let i = 0; i < 70_000; i++) expect(bk.findText(String(100_000 + i))).toBe(i);
  });

  it('gives its keys from one on as one arena, starts from 0, for another thread to intern', () => {
    const bk = new ByteKeys();
    const keys = ['', 'Клиент 1', 'b', 'Клиент 22', 'ё'];
    for (const k of keys) bk.internText(k);
    for (const from of [0, 2, 5]) {
      const { arena, starts } = bk.keysFrom(from);
      expect(starts.length).toBe(keys.length - from + 1);
      const texts = Array.from({ length: starts.length - 1 }, (_, i) => Buffer.from(arena.subarray(starts[i], starts[i + 1])).toString('utf8'));
      expect(texts).toEqual(keys.slice(from));
    }
  });

  it('interns another thread’s keys given as an arena (internEach) exactly as one by one, with those it has and repeats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 400 }).map((i) => `Клиент ${i}`), fc.constantFrom('', 'a', '100', '007')), { maxLength: 300 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 400 }).map((i) => `Клиент ${i}`), fc.constantFrom('', 'b', '100')), { maxLength: 300 }),
        (mine, theirs) => {
          const a = new ByteKeys();
          const b = new ByteKeys();
          for (const k of mine) expect(a.internText(k)).toBe(b.internText(k));
          const other = new ByteKeys();
          for (const k of theirs) other.internText(k);
          const { arena, starts } = other.keysFrom(0);
          const keys = a.internEach(arena, starts);
          expect([...keys]).toEqual(Array.from({ length: other.size }, (_, i) => b.internText(other.text(i))));
          expect(a.size).toBe(b.size);
          for (let i = 0; i < b.size; i++) expect(a.text(i)).toBe(b.text(i));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says whether a key is some bytes none of which is either of two (equalsWithout), in a layer too', () => {
    const bk = new ByteKeys();
    const keys = ['Клиент 1', 'Контакт: Клиент 1', '<b>A</b>', '', 'a:'];
    for (const k of keys) bk.internText(k);
    const layer = ByteKeys.layered(bk.data());
    layer.internText('own:1');
    for (const t of [bk, layer])
      for (let i = 0; i < t.size; i++)
        for (const text of [...keys, 'own:1', 'Клиент 2', 'Клиент 1 ']) {
          const bytes = Buffer.from(`~${text}~`, 'utf8');
          const expected = t.text(i) === text && !text.includes('<') && !text.includes(':');
          expect(t.equalsWithout(i, bytes, 1, bytes.length - 1, 0x3c, 0x3a)).toBe(expected);
        }
  });

  it('stays in shared memory as it grows once asked to, and share() then copies nothing', () => {
    const bk = new ByteKeys();
    bk.useSharedMemory();
    for (let i = 0; i < 5000; i++) bk.internText(`id${i}`);
    const d = bk.share();
    expect([d.arena.buffer, d.starts.buffer, d.table.buffer].every((b) => b instanceof SharedArrayBuffer)).toBe(true);
    expect(bk.share().table).toBe(d.table);
    const copy = ByteKeys.from(d);
    for (let i = 0; i < 5000; i++) expect(copy.findText(`id${i}`)).toBe(i);
  });
});

describe('ByteKeys.layered: another thread’s keys read in place, this one’s own added after them', () => {
  const utf8 = new TextEncoder();

  it('finds the layer’s keys, numbers its own after them, and never sees keys the owner adds later', () => {
    const owner = new ByteKeys();
    owner.useSharedMemory();
    for (let i = 0; i < 500; i++) owner.internText(`Клиент ${i}`);
    const layer = ByteKeys.layered(owner.share());
    // The owner goes on adding keys to the same shared arrays (and grows them).
    for (let i = 500; i < 5000; i++) owner.internText(`Клиент ${i}`);
    expect(layer.size).toBe(500);
    expect(layer.findText('Клиент 7')).toBe(7);
    expect(layer.text(499)).toBe('Клиент 499');
    const b = utf8.encode('Клиент 3');
    expect(layer.equals(3, b, 0, b.length)).toBe(true);
    // A key only the owner has since is new here, with a key of its own.
    expect(layer.findText('Клиент 700')).toBe(-1);
    expect(layer.internText('Клиент 700')).toBe(500);
    expect(layer.internText('Клиент 7')).toBe(7);
    for (let i = 0; i < 3000; i++) layer.internText(`Новый ${i}`);
    expect(layer.findText('Новый 2999')).toBe(3500);
    expect(layer.text(500)).toBe('Клиент 700');
    const mine = layer.keysFrom(500);
    expect(new TextDecoder().decode(mine.arena.subarray(mine.starts[2], mine.starts[3]))).toBe('Новый 1');
    expect(mine.starts.length).toBe(3002);
    // The owner's keys are as they were.
    expect(owner.findText('Клиент 700')).toBe(700);
    expect(owner.findText('Новый 1')).toBe(-1);
  });

  it('sizes its own table by its own keys, not by the layer’s (a worker adding a few clients to a million kept an 8 MB table)', () => {
    const owner = new ByteKeys();
    owner.useSharedMemory();
    for (let i = 0; i < 100_000; i++) owner.internText(`Клиент ${i}`);
    const layer = ByteKeys.layered(owner.share());
    for (let i = 0; i < 20; i++) layer.internText(`Новый ${i}`);
    // The first table (2048 slots of two ints) holds 20 keys; sized by 100,020 keys it would have 262,144 slots.
    expect(layer.release().table.length).toBe(4096);
    for (let i = 20; i < 2000; i++) layer.internText(`Новый ${i}`);
    expect(layer.release().table.length).toBe(2 * 4096);
    for (let i = 0; i < 2000; i++) expect(layer.findText(`Новый ${i}`)).toBe(100_000 + i);
    expect(layer.findText('Клиент 99999')).toBe(99_999);
  });
});

describe('ByteKeys.indexByValue: whole-number keys indexed by value in place of the hash table', () => {
  const query = fc.oneof(fc.integer({ min: 0, max: 400 }).map(String), fc.constantFrom('0100', '00', '-5', '+5', '1e2', ' 12', '12 ', '12.0', '', 'abc', '٣', '99999999999999999999'));

  it('finds exactly what the table found, for any bytes asked, and drops the table', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 200 }), fc.array(query, { maxLength: 60 }), (ids, asked) => {
        const table = new ByteKeys();
        const indexed = new ByteKeys();
        for (const id of ids) {
          table.internText(String(id));
          indexed.internText(String(id));
        }
        indexed.indexByValue();
        if (ids.length > 0) expect(indexed.release().table.length).toBe(0);
        for (const q of [...asked, ...ids.map(String)]) {
          expect(indexed.findText(q)).toBe(table.findText(q));
          const bytes = Buffer.from(`[${q}]`, 'utf8');
          expect(indexed.find(bytes, 1, bytes.length - 1)).toBe(table.find(bytes, 1, bytes.length - 1));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the table where some key is not a canonical whole number, or they are far apart', () => {
    for (const keys of [['1', '2', 'A-3'], ['1', '02'], ['1', '2', '9000000000']]) {
      const bk = new ByteKeys();
      for (const k of keys) bk.internText(k);
      bk.indexByValue();
      expect(bk.release().table.length).toBeGreaterThan(0);
      keys.forEach((k, i) => expect(bk.findText(k)).toBe(i));
    }
  });

  it('makes its table again when a key is added afterwards, and goes on finding every key', () => {
    const bk = new ByteKeys();
    for (let i = 0; i < 5000; i++) bk.internText(String(70_000 + i));
    bk.indexByValue();
    expect(bk.internText('70001')).toBe(1);
    expect(bk.release().table.length).toBe(0);
    expect(bk.internText('0070001')).toBe(5000);
    expect(bk.internText('Сделка 7')).toBe(5001);
    expect(bk.release().table.length).toBeGreaterThan(0);
    for (let i = 0; i < 5000; i++) expect(bk.findText(String(70_000 + i))).toBe(i);
    expect(bk.findText('0070001')).toBe(5000);
  });

  it('goes to another thread with its index (data, share, from), and a layer over it finds through the index', () => {
    const owner = new ByteKeys();
    owner.useSharedMemory();
    for (let i = 0; i < 3000; i++) owner.internText(String(500 + 2 * i));
    owner.indexByValue();
    const shared = owner.share();
    expect(shared.table.length).toBe(0);
    expect(shared.byValue?.index.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const d of [shared, owner.data()]) {
      const copy = ByteKeys.from(d);
      expect(copy.findText('502')).toBe(1);
      expect(copy.findText('503')).toBe(-1);
    }
    const layer = ByteKeys.layered(shared);
    expect(layer.findText('6498')).toBe(2999);
    expect(layer.internText('503')).toBe(3000);
    expect(layer.findText('503')).toBe(3000);
    // Not indexed by value, a store's ids keep their table when shared.
    const plain = new ByteKeys();
    plain.internText('1');
    expect(plain.share().byValue).toBeUndefined();
  });
});

describe('ByteKeys(true): whole-number keys indexed by value from the first key on', () => {
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 ** 12 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('0100', '00', '-5', 'A-1', '12.0', ' 7', '') },
  );

  it('gives every key the index the hash table gives, whatever keys come in whatever order', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 40 }), (keys, asked) => {
        const table = new ByteKeys();
        const indexed = new ByteKeys(true);
        for (const k of keys) expect(indexed.internText(k)).toBe(table.internText(k));
        for (const q of [...keys, ...asked]) {
          const bytes = Buffer.from(`(${q})`, 'utf8');
          expect(indexed.find(bytes, 1, bytes.length - 1)).toBe(table.find(bytes, 1, bytes.length - 1));
        }
        indexed.indexByValue();
        for (const q of [...keys, ...asked]) expect(indexed.findText(q)).toBe(table.findText(q));
      }),
      { numRuns: 300 },
    );
  });

  it('stays indexed by value for ids in ascending or descending order, and has no hash table then', () => {
    for (const order of [(i: number) => 500_000 + i, (i: number) => 600_000 - i]) {
      const bk = new ByteKeys(true);
      for (let i = 0; i < 100_000; i++) bk.internText(String(order(i)));
      expect(bk.indexedByValue).toBe(true);
      expect(bk.release().table.length).toBe(0);
      expect(bk.findText(String(order(77_777)))).toBe(77_777);
      expect(bk.findText('400000')).toBe(-1);
    }
  });

  it('brings the hash table in at the first key that is not a canonical whole number, or lies far from the others', () => {
    for (const odd of ['A-7', '0070', '90000000000']) {
      const bk = new ByteKeys(true);
      for (let i = 0; i < 5000; i++) bk.internText(String(70_000 + i));
      expect(bk.internText(odd)).toBe(5000);
      expect(bk.indexedByValue).toBe(false);
      for (let i = 0; i < 5000; i += 7) expect(bk.findText(String(70_000 + i))).toBe(i);
      expect(bk.findText(odd)).toBe(5000);
    }
  });

  it('makes room for a range another thread adds (expectKeys), or gives way to the table when the range is too far or unknown', () => {
    const bk = new ByteKeys(true);
    bk.useSharedMemory();
    for (let i = 0; i < 1000; i++) bk.internText(String(1000 + i));
    bk.expectKeys({ min: 2000, max: 2999 }, 2000);
    bk.reserve(2000, 4000);
    const loan = bk.lend();
    expect(loan.byValue?.index.buffer).toBeInstanceOf(SharedArrayBuffer);
    const other = ByteKeys.borrow(loan);
    for (let i = 0; i < 1000; i++) other.internText(String(2000 + i));
    expect(other.kept(loan)).toBe(true);
    bk.settle(2000, other.lend().used);
    expect(bk.findText('2999')).toBe(1999);
    // The range the other thread's keys spanned is in the index when it is trimmed.
    bk.indexByValue();
    expect(bk.findText('2500')).toBe(1500);
    expect(bk.findText('1000')).toBe(0);
    const far = new ByteKeys(true);
    for (let i = 0; i < 1000; i++) far.internText(String(i));
    far.expectKeys({ min: 10 ** 9, max: 10 ** 9 + 999 }, 2000);
    expect(far.indexedByValue).toBe(false);
    expect(far.findText('999')).toBe(999);
    // Keys that are not known to be close whole numbers: the table, before the other thread adds any.
    const unknown = new ByteKeys(true);
    for (let i = 0; i < 1000; i++) unknown.internText(String(i));
    unknown.expectKeys(undefined, 2000);
    unknown.reserve(2000, 4096);
    expect(unknown.indexedByValue).toBe(false);
    const lent = unknown.lend();
    const added = ByteKeys.borrow(lent);
    for (let i = 1000; i < 1500; i++) added.internText(String(i));
    added.internText('X-1');
    expect(added.kept(lent)).toBe(true);
    unknown.settle(added.size, added.lend().used);
    unknown.indexByValue();
    expect(unknown.findText('1499')).toBe(1499);
    expect(unknown.findText('X-1')).toBe(1500);
  });

  it('gives a copy of its index by value with data(), which the original does not write into', () => {
    const bk = new ByteKeys(true);
    for (let i = 0; i < 10; i++) bk.internText(String(i));
    const copy = ByteKeys.from(bk.data());
    bk.internText('11');
    expect(copy.findText('11')).toBe(-1);
    expect(copy.findText('9')).toBe(9);
  });

  it('gives back the room left for ids that never came once all are in (indexByValue)', () => {
    const bk = new ByteKeys(true);
    bk.reserve(1_000_000);
    for (let i = 0; i < 1000; i++) bk.internText(String(5000 + i));
    expect(bk.release().byValue!.index.length).toBeGreaterThan(1_000_000);
    bk.indexByValue();
    expect(bk.release().byValue!.index.length).toBe(1000);
    expect(bk.findText('5999')).toBe(999);
  });
});
