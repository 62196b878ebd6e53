// Rows that repeat a deal id (spec/metrics.md: the first row wins; a Bitrix24 export's product rows sum
// their amounts), read whole and in two halves (CRM_AUDIT_SPLIT_BYTES). Expectations are worked out by
// hand from the fixtures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kpiBothWays } from '../helpers/both-ways.js';
import { amoLarge, amoTwoExports, bitrixLarge, bitrixPriced, bitrixProducts, genericProducts, largeWithoutIds } from '../fixtures/repeated-ids.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-repeated-'));
const kpi = (args: string[], halves: string[] = []) => kpiBothWays(dir, args, halves);
const REPEATED = 'rows repeating a deal id (first row kept)';
const PRODUCTS = 'product rows merged into their deal';
const TOTALS = "product rows merged into their deal (each repeats the deal's total, counted once)";

beforeAll(() => {
  const files: Record<string, string> = {
    'amo-filled.csv': amoTwoExports('filled'),
    'amo-empty.csv': amoTwoExports('empty'),
    'amo-none.csv': amoTwoExports('none'),
    'amo-large.csv': amoLarge(),
    'bitrix.csv': bitrixProducts(),
    'generic.csv': genericProducts(),
    'no-id.csv': largeWithoutIds(),
    'bitrix-priced.csv': bitrixPriced(),
    'bitrix-large.csv': bitrixLarge(),
    'bitrix-large-across.csv': bitrixLarge({ across: true }),
    'bitrix-large-uniform.csv': bitrixLarge({ uniform: true }),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
});

describe('an amoCRM export whose rows repeat a deal id (two overlapping exports joined)', () => {
  // A tester: amoCRM always writes a «Товар» column; read as product rows, 102's 50 000 and 70 000
  // were added (revenue 220 000 instead of 150 000), and 101's 100 000 twice counted once by chance.
  it('keeps the first row of each id whether «Товар» is filled, empty or absent: revenue 150 000', () => {
    for (const file of ['amo-filled.csv', 'amo-empty.csv', 'amo-none.csv']) {
      const { result } = kpi(['-d', file]);
      expect([file, result.total.leads, result.total.won, result.total.revenue]).toEqual([file, 2, 2, 150_000]);
      expect([file, result.dataQuality.files[0]!.dropped]).toEqual([file, { [REPEATED]: 2 }]);
    }
  });

  it('read in two halves, a repeat across the halves and one within the second keep their first rows too', () => {
    // 2000 deals of 100; 1005 again with 999, 2500 again with 7: first rows kept, 200 000 (summed, 201 006).
    const { result } = kpi(['-d', 'amo-large.csv'], ['amo-large.csv']);
    expect(result.total).toMatchObject({ leads: 2000, won: 2000, revenue: 200_000 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [REPEATED]: 2 });
  });
});

describe('product rows', () => {
  it('of a Bitrix24 export sum their amounts (spec)', () => {
    // Deal 7: 100 000 + 20 000; deal 8: 5 000.
    const { result } = kpi(['-d', 'bitrix.csv']);
    expect(result.total).toMatchObject({ leads: 2, won: 2, revenue: 125_000 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [PRODUCTS]: 1 });
  });

  it('of a file no profile recognises sum only where the repeat and its deal name a product; other repeats keep the first row', () => {
    // Deal 1: 100 + 20 (both name a product); deal 2: 50 (its repeat names none); deal 3: 30 (its repeat names none).
    const { result } = kpi(['-d', 'generic.csv']);
    expect(result.total).toMatchObject({ leads: 3, won: 3, revenue: 200 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [PRODUCTS]: 1, [REPEATED]: 2 });
  });
});

describe('product rows are read one way for the whole file, not deal by deal (spec: they sum)', () => {
  // A tester: deal 10's rows differed and were summed (13 000), deal 12's two rows of 4000 were taken
  // for a total repeated and counted once (4000): Петров 11 000 instead of 15 000.
  it('a deal whose rows differ, and rows whose amount is their price × quantity, make every deal sum: Петров 7000 + 4000 + 4000', () => {
    const { result } = kpi(['-d', 'bitrix-priced.csv', '--by', 'manager']);
    expect(result.total).toMatchObject({ leads: 3, won: 3, revenue: 28_000 });
    const managers = (result as unknown as { managers: Array<{ manager: string; revenue: number }> }).managers;
    expect(managers.map((m) => [m.manager, m.revenue])).toEqual([['Иванов Иван', 13_000], ['Петров Пётр', 15_000]]);
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [PRODUCTS]: 3 });
  });

  it('read in two halves: deal 1500 (first half, 300 + 300) sums because deal 2600 (second half) differs, 50 + 70', () => {
    // 1998 deals of 100 = 199 800, + 600 + 120.
    const { result } = kpi(['-d', 'bitrix-large.csv'], ['bitrix-large.csv']);
    expect(result.total).toMatchObject({ leads: 2000, won: 2000, revenue: 200_520 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [PRODUCTS]: 2 });
  });

  it('a deal whose rows are on both halves: the file is read in one pass, to the same reading', () => {
    // Deal 1000: 100 + 100; 1997 deals of 100 = 199 700, + 200 + 600 + 120.
    const { result } = kpi(['-d', 'bitrix-large-across.csv']);
    expect(result.total).toMatchObject({ leads: 2000, won: 2000, revenue: 200_620 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [PRODUCTS]: 3 });
  });

  it('every deal repeating one amount (and no price to say otherwise) is the deal total repeated: counted once, and said so', () => {
    // 1998 deals of 100 = 199 800, + 300 + 60.
    const { result } = kpi(['-d', 'bitrix-large-uniform.csv'], ['bitrix-large-uniform.csv']);
    expect(result.total).toMatchObject({ leads: 2000, won: 2000, revenue: 200_160 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [TOTALS]: 2 });
  });
});

describe('a deals file without an id column, read with the split forced', () => {
  // Its deals go by row number: the second half's «row-2» merged into the first half's, and half the deals were lost.
  it('is read in one pass: every row a deal', () => {
    const { result } = kpi(['-d', 'no-id.csv']);
    expect(result.total).toMatchObject({ leads: 3000, revenue: 30_000 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({});
  });
});
