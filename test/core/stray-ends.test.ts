import { describe, expect, it } from 'vitest';
import { strayEnds } from '../../src/core/compare.js';

const DAY = 86_400_000;
const BASE = Date.parse('2025-01-01T00:00:00Z');
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const store = (created: number[]) => ({ size: created.length, created: Float64Array.from(created), idOf: (i: number) => `D${i}` });

/** The rule as written: the period's days sorted, the first (or last) k ≤ 5% of them apart from the rest by more than 180 days and the rest's span. */
function reference(created: number[]): { start?: { deals: number; day: string; next: string }; end?: { deals: number; day: string; next: string } } {
  const days = created.map((c) => Math.floor(c / DAY)).sort((a, b) => a - b);
  const n = days.length;
  const [from, to] = [days[0]!, days[n - 1]!];
  const most = Math.max(1, Math.floor(n * 0.05));
  const out: ReturnType<typeof reference> = {};
  for (let k = 1; k <= most && k < n && !out.start; k++) {
    const gap = days[k]! - days[k - 1]!;
    if (gap > 180 && gap >= to - days[k]!) out.start = { deals: k, day: iso(days[0]!), next: iso(days[k]!) };
  }
  for (let k = 1; k <= most && k < n && !out.end; k++) {
    const gap = days[n - k]! - days[n - k - 1]!;
    if (gap > 180 && gap >= days[n - k - 1]! - from) out.end = { deals: k, day: iso(days[n - 1]!), next: iso(days[n - k - 1]!) };
  }
  return out;
}

describe('strayEnds', () => {
  it('names a deal of a mistyped year at the start, and the period without it (T39 F13)', () => {
    const created = [Date.parse('2015-03-02T10:00:00Z'), ...Array.from({ length: 30 }, (_, i) => BASE + i * DAY)];
    const found = strayEnds(store(created), { from: '2015-03-02', to: '2025-01-30' });
    expect(found).toEqual({ start: { deals: 1, id: 'D0', day: '2015-03-02', next: '2025-01-01', without: { from: '2025-01-01', to: '2025-01-30' } } });
  });

  it('says nothing of a period that holds no day (a cutover past every deal)', () => {
    expect(strayEnds(store([BASE, BASE + DAY]), { from: '2025-02-01', to: '2025-01-02' })).toEqual({});
  });

  it('says nothing of a period whose deals run evenly, or of a gap shorter than the rest', () => {
    expect(strayEnds(store(Array.from({ length: 100 }, (_, i) => BASE + i * 3 * DAY)), { from: '2025-01-01', to: '2025-10-25' })).toEqual({});
    // 200 days apart, but the rest spans 300: the gap does not double the period.
    const created = [BASE - 200 * DAY, ...Array.from({ length: 30 }, (_, i) => BASE + i * 10 * DAY)];
    expect(strayEnds(store(created), { from: iso(Math.floor(created[0]! / DAY)), to: iso(Math.floor(created[30]! / DAY)) })).toEqual({});
  });

  // A day-by-day walk (no sort) must say what the sorted rule says, at both ends, whatever the days.
  it('agrees with the rule over sorted days on random periods with and without strays', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let withStrays = 0;
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(random() * 60);
      const created = Array.from({ length: n }, () => BASE + Math.floor(random() * 90) * DAY + Math.floor(random() * 8) * 3_600_000);
      for (let j = 0; j < Math.floor(random() * 4) && j < n; j++) created[j] = BASE + (random() < 0.5 ? -1 : 1) * (150 + Math.floor(random() * 4000)) * DAY;
      const days = created.map((c) => Math.floor(c / DAY));
      const found = strayEnds(store(created), { from: iso(Math.min(...days)), to: iso(Math.max(...days)) });
      const shown = { ...(found.start ? { start: { deals: found.start.deals, day: found.start.day, next: found.start.next } } : {}), ...(found.end ? { end: { deals: found.end.deals, day: found.end.day, next: found.end.next } } : {}) };
      expect(shown).toEqual(reference(created));
      if (found.start || found.end) withStrays++;
    }
    expect(withStrays).toBeGreaterThan(500);
  });
});
