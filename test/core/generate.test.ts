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
