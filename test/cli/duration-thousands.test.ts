// Durations written with thousands separators (a tester: «1,234» s in a US Salesforce report read as
// 1.234 s, and in one HubSpot column «1,060,000» ms read as thousands while «125,000» as a decimal, talk
// a thousand times too low) are read by their column's decimal mark, as amounts are: the same answer
// read whole and in two halves (CRM_AUDIT_SPLIT_BYTES). Expected talk minutes worked out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kpiBothWays, type KpiJson } from '../helpers/both-ways.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-duration-thousands-'));

/** The i-th filler row's time: ten hours of minutes a day from 2025-03-06, so no day holds much talk. */
function at(i: number): string {
  const day = 6 + Math.floor(i / 600);
  const minutes = i % 600;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `2025-03-${pad(day)} ${pad(8 + Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** 3 198 filler rows (the file is then long enough to be read in two halves). */
const FILLER = 3198;
const rows = (row: (i: number) => string) => Array.from({ length: FILLER }, (_, i) => row(i));

beforeAll(() => {
  const files: Record<string, string> = {
    'hs-deals.csv': ['Record ID,Deal Name,Deal Stage,Create Date,Close Date,Deal owner,Amount', '101,Acme deal,Closed Won,2025-03-03 09:00,2025-03-10 18:00,Anna Smith,1000', '102,Beta deal,Closed Lost,2025-03-04 10:00,2025-03-12 12:00,Bob Jones,2000'].join('\n'),
    // «125,000» waits for its column's mark; «1,060,000» (several commas: grouping) decides it; the second half holds whole numbers only.
    'hs-calls.csv': [
      'Record ID,Activity date,Activity assigned to,Call direction,Call status,Call duration,Associated Deal IDs',
      '1,2025-03-03 09:30,Anna Smith,OUTBOUND,COMPLETED,"125,000",101',
      '2,2025-03-04 11:00,Bob Jones,OUTBOUND,COMPLETED,"1,060,000",102',
      ...rows((i) => `${i + 3},${at(i)},Anna Smith,OUTBOUND,COMPLETED,1000,`),
    ].join('\n'),
    // The mark decided in the first half; «125,000» only in the second, which a part read apart cannot read: one pass.
    'hs-calls-late.csv': [
      'Record ID,Activity date,Activity assigned to,Call direction,Call status,Call duration,Associated Deal IDs',
      '2,2025-03-04 11:00,Bob Jones,OUTBOUND,COMPLETED,"1,060,000",102',
      ...rows((i) => `${i + 3},${at(i)},Anna Smith,OUTBOUND,COMPLETED,1000,`),
      '1,2025-03-20 09:30,Anna Smith,OUTBOUND,COMPLETED,"125,000",101',
    ].join('\n'),
    'deals.csv': ['Deal ID,Owner,Stage,Created,Amount', 'D1,Anna Smith,Won,2025-03-03 09:00,1000', 'D2,Bob Jones,Lost,2025-03-04 10:00,2000'].join('\n'),
    // Seconds whose mark nothing shows, in both halves: thousands.
    'us-calls.csv': ['Date,Owner,Direction,Duration,Deal ID', '2025-03-03 10:00,Anna Smith,Outgoing,"1,234",D1', ...rows((i) => `${at(i)},Bob Jones,Outgoing,10,D2`), '2025-03-20 10:00,Anna Smith,Outgoing,"2,500",D1'].join('\n'),
    // A decimal comma shown only in the second half («12,5»): the first half's «2,500» is 2.5 s.
    'ru-calls.csv': ['Date,Owner,Direction,Duration,Deal ID', '2025-03-03 10:00,Anna Smith,Outgoing,"2,500",D1', ...rows((i) => `${at(i)},Bob Jones,Outgoing,10,D2`), '2025-03-20 10:00,Anna Smith,Outgoing,"12,5",D1'].join('\n'),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
});

type Row = { manager: string; talk_minutes: number };
const talk = (result: KpiJson) => Object.fromEntries((result as unknown as { managers: Row[] }).managers.map((m) => [m.manager, m.talk_minutes]));

describe('call durations with thousands separators', () => {
  it('HubSpot milliseconds: one column, one mark («125,000» is 125 s beside «1,060,000»), read in two halves alike', () => {
    const { result, stderr } = kpiBothWays(dir, ['-d', 'hs-deals.csv', '-a', 'hs-calls.csv'], ['hs-calls.csv']);
    // Anna: 125 s + 3 198 × 1 s = 3 323 s = 55.3833 min (read before: 0.125 s + 3 198 s). Bob: 1 060 s = 17.6667 min.
    const t = talk(result);
    expect(t['Anna Smith']).toBeCloseTo(3323 / 60, 9);
    expect(t['Bob Jones']).toBeCloseTo(1060 / 60, 9);
    expect(result.total.talk_minutes).toBeCloseTo(4383 / 60, 9);
    expect(stderr).not.toContain('three decimals');
  });

  it('HubSpot milliseconds: «125,000» in the second half reads by the mark the first decided (the file read in one pass)', () => {
    const { result } = kpiBothWays(dir, ['-d', 'hs-deals.csv', '-a', 'hs-calls-late.csv']);
    // The same calls as above, in another order: Anna 3 323 s, Bob 1 060 s.
    const t = talk(result);
    expect(t['Anna Smith']).toBeCloseTo(3323 / 60, 9);
    expect(t['Bob Jones']).toBeCloseTo(1060 / 60, 9);
  });

  it('a column that never shows its mark reads «1,234» and «2,500» s as thousands (read whole: both halves hold such values)', () => {
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'us-calls.csv']);
    // Anna: 1 234 + 2 500 = 3 734 s = 62.2333 min (read before: 3.734 s); Bob: 3 198 × 10 s = 533 min.
    const t = talk(result);
    expect(t['Anna Smith']).toBeCloseTo(3734 / 60, 9);
    expect(t['Bob Jones']).toBeCloseTo(533, 9);
  });

  it('a decimal comma the second half shows decides the first half\'s «2,500» too (2.5 s), whether the file is split or not', () => {
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'ru-calls.csv']);
    // Anna: 2.5 s + 12.5 s = 15 s = 0.25 min; Bob: 533 min.
    const t = talk(result);
    expect(t['Anna Smith']).toBeCloseTo(0.25, 9);
    expect(t['Bob Jones']).toBeCloseTo(533, 9);
  });
});
