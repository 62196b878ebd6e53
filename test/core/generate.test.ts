import { describe, expect, it } from 'vitest';
import { generateSales, generateSalesSteps, type GenerateOptions } from '../../src/core/generate.js';

const options = (deals: number, activities: number): GenerateOptions => ({ seed: 5, deals, activities, start: Date.parse('2024-07-01T00:00:00Z'), end: Date.parse('2025-06-30T23:59:59Z'), cutover: Date.parse('2025-01-01T00:00:00Z') });

function collect(run: (sink: Parameters<typeof generateSales>[1]) => void): string[] {
  const out: string[] = [];
  run({ deal: (d) => out.push(`d ${JSON.stringify(d)}`), activity: (a) => out.push(`a ${JSON.stringify(a)}`), payment: (p) => out.push(`p ${JSON.stringify(p)}`) });
  return out;
}

// Generated in one go, `generate --deals 3000000` let no signal in until the end.
describe('generateSalesSteps', () => {
  it.each([
    ['many deals', 20_000, 60_000],
    ['one deal and many calls', 1, 100_000],
    ['calls with no deal', 0, 50_000],
  ])('%s: pauses every few thousand records, and emits what generateSales does', (_, deals, activities) => {
    const whole = collect((sink) => generateSales(options(deals, activities), sink));
    let pauses = 0;
    let atPause = 0;
    let longest = 0;
    const stepped: string[] = [];
    const steps = generateSalesSteps(options(deals, activities), { deal: (d) => stepped.push(`d ${JSON.stringify(d)}`), activity: (a) => stepped.push(`a ${JSON.stringify(a)}`), payment: (p) => stepped.push(`p ${JSON.stringify(p)}`) });
    while (!steps.next().done) {
      pauses++;
      longest = Math.max(longest, stepped.length - atPause);
      atPause = stepped.length;
    }
    expect(stepped).toEqual(whole);
    expect(pauses).toBeGreaterThan(whole.length / 20_000);
    expect(longest).toBeLessThan(20_000);
  });
});

describe('generateSales dates', () => {
  it('creates no deal past `end`, the last creation moment asked for (T39 F17), nor before `start`', () => {
    const o = options(20_000, 0);
    const created: number[] = [];
    generateSales(o, { deal: (d) => created.push(d.created_at), activity: () => {}, payment: () => {} });
    expect(created).toHaveLength(20_000);
    expect(Math.max(...created)).toBeLessThanOrEqual(o.end);
    expect(Math.min(...created)).toBeGreaterThanOrEqual(o.start);
    // The last day still has its deals (squeezed into the hours left, not dropped or piled on one moment).
    const lastDay = created.filter((t) => t > o.end - 24 * 3_600_000);
    expect(lastDay.length).toBeGreaterThan(20);
    expect(new Set(lastDay).size).toBe(lastDay.length);
  });
});
