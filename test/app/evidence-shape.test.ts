import { describe, expect, it } from 'vitest';
import { evidenceShape } from '../../src/app/kpi-files.js';
import type { ColumnMap } from '../../src/io/map/mapping.js';

const map = (...fields: string[]) => ({ fields: new Map(fields.map((f, i) => [f, [i]])) }) as unknown as ColumnMap;

// A Zadarma-style log (caller and callee, no direction) links no call: its evidence said «contradicted» where it has no data.
describe('whether activities can link to deals, for the evidence', () => {
  it('a caller and a callee link only where a direction says which is the client', () => {
    const calls = map('manager', 'at', 'caller', 'callee');
    expect(evidenceShape(undefined, calls, true, false, false).link).toBe(false);
    expect(evidenceShape(undefined, calls, true, false, true).link).toBe(true);
    expect(evidenceShape(undefined, map('manager', 'at', 'phone'), true, false, false).link).toBe(true);
  });
});

// Without a status or stage column every deal reads as open: the evidence must not count 0 won deals.
describe('whether the deals say which are won or lost, for the evidence', () => {
  it('a status, stage, won or closed column says it; amounts and close dates do not', () => {
    for (const f of ['status', 'stage', 'won', 'closed']) expect(evidenceShape(map('id', f), undefined, false, false).outcome, f).toBe(true);
    expect(evidenceShape(map('id', 'created_at', 'closed_at', 'amount'), undefined, false, false).outcome).toBe(false);
  });
});
