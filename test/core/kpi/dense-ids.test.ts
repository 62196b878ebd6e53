import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../../src/core/kpi/byte-keys.js';
import { canonicalWhole, DenseIds } from '../../../src/core/kpi/dense-ids.js';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { ActivityLinker } from '../../../src/core/kpi/link.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const keysOf = (ids: string[]) => {
  const k = new ByteKeys();
  for (const id of ids) k.internText(id);
  return k;
};

describe('canonicalWhole', () => {
  it('reads only whole numbers written canonically', () => {
    const read = (s: string) => canonicalWhole(bytes(s), 0, bytes(s).length);
    expect(read('0')).toBe(0);
    expect(read('100000')).toBe(100000);
    expect(read('999999999999999')).toBe(999999999999999);
    for (const s of ['', '0100', '-5', '+5', '1.0', '1e3', ' 1', '1 ', '12a', '1234567890123456']) expect(read(s), s).toBe(-1);
  });
});

describe('DenseIds', () => {
  it('finds every id as the hash table does, and says which ids it cannot judge', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 }), fc.array(fc.string({ unit: fc.constantFrom('0', '1', '2', '7', '9', '-', 'a') , maxLength: 5 }), { maxLength: 50 }), (ids, probes) => {
        const keys = keysOf(ids.map(String));
        const dense = DenseIds.build(keys);
        if (!dense) return; // too sparse for a table: the hash table serves alone
        for (const p of [...ids.map(String), ...probes, '5001', '0']) {
          const b = bytes(p);
          const found = dense.find(b, 0, b.length);
          if (found === -2) expect(canonicalWhole(b, 0, b.length)).toBe(-1);
          else expect(found, p).toBe(keys.find(b, 0, b.length));
        }
      }),
    );
  });

  it('is not built when an id is not a plain whole number, or when the ids are too sparse', () => {
    expect(DenseIds.build(keysOf(['1', '2', 'A-3']))).toBeUndefined();
    expect(DenseIds.build(keysOf(['1', '02']))).toBeUndefined();
    expect(DenseIds.build(keysOf(['1', '2', '9000000000']))).toBeUndefined();
    expect(DenseIds.build(keysOf(['10', '11', '15']))).toBeInstanceOf(DenseIds);
  });

  it('never links a differently written number to a deal: 0100 is not deal 100', () => {
    const store = new DealStore();
    const codes = { manager: store.managers.id('A'), created: 0, closed: Number.NaN, status: 0, amount: Number.NaN, reason: 0, stage: 0, pipeline: 0, source: 0 };
    for (const id of ['100', '101', '102']) store.addCodedText(codes, id, 0);
    const linker = new ActivityLinker(store);
    const key = (s: string) => linker.dealKeyBytes(bytes(s), 0, bytes(s).length);
    expect(key('101')).toBe(1);
    expect(key('0100')).toBeGreaterThanOrEqual(store.size);
    expect(key('0100')).toBe(key('0100'));
    expect(key('100')).toBe(0);
    expect(key('103')).toBeGreaterThanOrEqual(store.size);
    expect(key('103')).not.toBe(key('0100'));
  });

  // Tester T49 F10: a call's deal id written «104.0» (a script's float column, a workbook's text cell) linked to none.
  it('links a whole number written with a zero fraction to its deal, by bytes and by text; other fractions stay unknown', () => {
    const store = new DealStore();
    const codes = { manager: store.managers.id('A'), created: 0, closed: Number.NaN, status: 0, amount: Number.NaN, reason: 0, stage: 0, pipeline: 0, source: 0 };
    for (const id of ['100', '101', '102']) store.addCodedText(codes, id, 0);
    const linker = new ActivityLinker(store);
    const key = (s: string) => linker.dealKeyBytes(bytes(s), 0, bytes(s).length);
    expect([key('101.0'), key('101.00'), linker.dealKey('102.0'), linker.dealKey('100.000')]).toEqual([1, 1, 2, 0]);
    for (const other of ['101.5', '101.', '.0', '101.0.0', '1O1.0', '999.0']) {
      expect(key(other), other).toBeGreaterThanOrEqual(store.size);
      expect(linker.dealKey(other), other).toBeGreaterThanOrEqual(store.size);
    }
  });
});
