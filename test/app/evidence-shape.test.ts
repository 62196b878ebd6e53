import { describe, expect, it } from 'vitest';
import { evidenceShape } from '../../src/app/kpi-files.js';
import type { ColumnMap } from '../../src/io/map/mapping.js';

const map = (...fields: string[]) => ({ fields: new Map(fields.map((f, i) => [f, [i]])), columns: fields.map((f, i) => ({ index: i, header: f, field: f })) }) as unknown as ColumnMap;

// A Zadarma-style log (caller and callee, no direction) links no call: its evidence said «contradicted» where it has no data.
describe('whether activities can link to deals, for the evidence', () => {
  it('a caller and a callee link only where a direction says which is the client', () => {
    const calls = map('manager', 'at', 'caller', 'callee');
    expect(evidenceShape(undefined, calls, true, false, false).link).toBe(false);
    expect(evidenceShape(undefined, calls, true, false, true).link).toBe(true);
    expect(evidenceShape(undefined, map('manager', 'at', 'phone'), true, false, false).link).toBe(true);
  });

  // As the KPI's activityLink and the reader's numberSides: the caller alone is then every call's client; a callee alone no one's.
  it('a caller alone links without a direction; a callee alone only with one', () => {
    expect(evidenceShape(undefined, map('manager', 'at', 'caller'), true, false, false).link).toBe(true);
    expect(evidenceShape(undefined, map('manager', 'at', 'callee'), true, false, false).link).toBe(false);
    expect(evidenceShape(undefined, map('manager', 'at', 'callee'), true, false, true).link).toBe(true);
  });
});

// Without a status or stage column every deal reads as open: the evidence must not count 0 won deals.
describe('whether the deals say which are won or lost, for the evidence', () => {
  it('a status, stage, won or closed column says it; amounts and close dates do not', () => {
    for (const f of ['status', 'stage', 'won', 'closed']) expect(evidenceShape(map('id', f), undefined, false, false).outcome, f).toBe(true);
    expect(evidenceShape(map('id', 'created_at', 'closed_at', 'amount'), undefined, false, false).outcome).toBe(false);
    // A won time and a lost time say it where no status column does (a Pipedrive export without «Deal - Status»).
    const times = { fields: new Map([['id', [0]], ['closed_at', [1, 2]]]), columns: [{ index: 0, header: 'Deal - ID' }, { index: 1, header: 'Deal - Won time' }, { index: 2, header: 'Deal - Lost time' }] } as unknown as ColumnMap;
    expect(evidenceShape(times, undefined, false, false).outcome).toBe(true);
  });
});
