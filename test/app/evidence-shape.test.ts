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
