import { describe, expect, it } from 'vitest';
import { readAmount, readDay, readMoment, readShare, readTypedNumber } from '../../src/core/option-values.js';

describe('values as people type them', () => {
  it.each([
    ['01.02.2025', '2025-02-01'],
    ['1.2.2025', '2025-02-01'],
    [' 31.12.2024 ', '2024-12-31'],
    ['2025-02-01', '2025-02-01'],
    ['29.02.2024', '2024-02-29'],
    ['29.02.2025', undefined],
    ['32.01.2025', undefined],
    ['2025-13-01', undefined],
    ['01/02/2025', undefined],
    ['01.02.25', undefined],
    ['', undefined],
  ])('day %j -> %j', (text, day) => {
    expect(readDay(text)).toBe(day);
  });

  it.each([
    ['1500000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['1\u00a0500\u00a0000', 1_500_000],
    ['1\u202f500\u202f000,50', 1_500_000.5],
    ['1 500 000,50', 1_500_000.5],
    ['1,5e6', 1_500_000],
    ['1.5e6', 1_500_000],
    ['1,5E6', 1_500_000],
    ['1,5', 1.5],
    ['1,234,567.5', 1_234_567.5],
    ['0', 0],
    ['-5', undefined],
    ['1,5,5', undefined],
    // One comma before exactly three digits: 1.5 or 1500? Refused, not guessed.
    ['1,500', undefined],
    ['15,000', undefined],
    // A dot the same way: Russian and German write 1 500 as 1.500 (a helper's --hourly-cost 1.500 read as 1.5 ₽).
    ['1.500', undefined],
    ['1.5', 1.5],
    ['1.50', 1.5],
    ['0.500', 0.5],
    ['1,500,000', 1_500_000],
    ['1,500.50', 1_500.5],
    ['0,125', 0.125],
    ['0,500', 0.5],
    ['полтора', undefined],
    ['1e400', undefined],
    ['', undefined],
  ])('amount %j -> %j', (text, n) => {
    expect(readAmount(text)).toBe(n);
  });

  it.each([
    ['0.35', 0.35],
    ['0,35', 0.35],
    ['35%', 0.35],
    ['35 %', 0.35],
    ['35,5%', 0.355],
    ['0,125', 0.125],
    ['100%', 1],
    ['1', 1],
    ['35', undefined],
    ['120%', undefined],
    ['-10%', undefined],
    ['%', undefined],
  ])('share %j -> %j', (text, n) => {
    const got = readShare(text);
    if (n === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(n, 12);
  });
});

describe('a moment given as --now', () => {
  it.each([
    ['2025-04-01', '2025-04-01T00:00:00.000Z'],
    // Day first, as --from reads it; new Date() had read 4 January.
    ['01.04.2025', '2025-04-01T00:00:00.000Z'],
    [' 2025-04-01 ', '2025-04-01T00:00:00.000Z'],
    ['2025-04-01T09:00:00Z', '2025-04-01T09:00:00.000Z'],
    ['2025-04-01T09:00:00.250Z', '2025-04-01T09:00:00.250Z'],
    ['2025-04-01T09:00:00+03:00', '2025-04-01T06:00:00.000Z'],
    ['2025-04-01T09:00+0300', '2025-04-01T06:00:00.000Z'],
    // No zone: UTC, as a day is, whatever TZ the machine runs in (tester T56 M5).
    ['2025-04-01T09:00:00', '2025-04-01T09:00:00.000Z'],
    ['2025-04-01T09:00', '2025-04-01T09:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(readMoment(text)?.toISOString()).toBe(iso);
  });

  it.each(['', '1/4/2025', '04/01/2025', '2025-02-30', '30.02.2025', '2025-04-01T25:00', '2025-04-01T09:60', '2025-04-01T09:00:00+25:00', 'April 1, 2025', '1743465600', 'now'])('%j is not one', (text) => {
    expect(readMoment(text)).toBeUndefined();
  });
});


describe('counts and an hour\'s cost: one rule for the options and the prompts', () => {
  it('a count is digits only, above 0', async () => {
    const { readCount } = await import('../../src/core/option-values.js');
    expect(['8', ' 12 ', '1_000'].map(readCount)).toEqual([8, 12, 1000]);
    // Grouped as money is (`--hourly-cost "1 500"` was read, `--managers "1 000"` refused: a tester).
    expect(['1 000', '1\u00a0000', '1\u202f000', "1'000", '100 000'].map(readCount)).toEqual([1000, 1000, 1000, 1000, 100000]);
    expect(['abc', '-3', '2.5', '0', '1e3', '', '99999999999999999999', '1,000', '1.000', '0 000'].map(readCount)).toEqual(Array(10).fill(undefined));
  });

  it('an hour costs above 0 and at most 10 000 000', async () => {
    const { readHourlyCost } = await import('../../src/core/option-values.js');
    expect(['1500', '1 500', '1500,50', '10000000'].map(readHourlyCost)).toEqual([1500, 1500, 1500.5, 10_000_000]);
    expect(['0', '1e21', '10000001', 'abc', '-5'].map(readHourlyCost)).toEqual(Array(5).fill(undefined));
  });
});

// Targets and --assert values read numbers the same way (a tester: targets took `.2` and `20 %`, --assert did not; targets refused `0,2` and `–25%`).
describe('a number as people type it, at the start of a text', () => {
  it.each([
    ['0.2', { length: 3, percent: false, value: 0.2 }],
    ['0,2', { length: 3, percent: false, value: 0.2 }],
    ['.2', { length: 2, percent: false, value: 0.2 }],
    [',25', { length: 3, percent: false, value: 0.25 }],
    ['+12,5%', { length: 6, percent: true, value: 0.125 }],
    ['20 %', { length: 4, percent: true, value: 0.2 }],
    ['-0.3', { length: 4, percent: false, value: -0.3 }],
    ['\u2212 30%', { length: 5, percent: true, value: -0.3 }],
    ['\u201325%', { length: 4, percent: true, value: -0.25 }],
    ['1,5e6', { length: 5, percent: false, value: 1_500_000 }],
    ['700 000', { length: 3, percent: false, value: 700 }],
    ['0.2 && x', { length: 3, percent: false, value: 0.2 }],
    ['1,500', { length: 5, percent: false, ambiguous: { decimal: 1.5, whole: 1500 } }],
    ['-1.000%', { length: 7, percent: true, ambiguous: { decimal: -1, whole: -1000 } }],
    ['0,125', { length: 5, percent: false, value: 0.125 }],
    ['\u201425%', undefined],
    ['abc', undefined],
    ['.', undefined],
    ['%', undefined],
  ])('%j -> %j', (text, read) => {
    expect(readTypedNumber(text)).toEqual(read);
  });
});

describe('readAmount: money as a Russian user writes it (F11)', () => {
  it('takes rouble marks, NBSP grouping and the multipliers the hint suggests', async () => {
    const { readAmount, AMOUNT_FORMS } = await import('../../src/core/option-values.js');
    expect(readAmount('1 500 000 ₽')).toBe(1_500_000);
    expect(readAmount('1\u00a0500\u00a0000\u00a0₽')).toBe(1_500_000);
    expect(readAmount('1500000 руб.')).toBe(1_500_000);
    expect(readAmount('250 000 р.')).toBe(250_000);
    expect(readAmount('1,5 млн')).toBe(1_500_000);
    expect(readAmount('1,1 млн руб.')).toBe(1_100_000);
    expect(readAmount('800 тыс.')).toBe(800_000);
    expect(readAmount('12,5 тыс')).toBe(12_500);
    // Still refused: two readings (1,500 млн), another currency, a word alone, a negative.
    for (const bad of ['1,500 млн', '$1 500', 'млн', '-1 млн', '1 500 USD']) expect(readAmount(bad)).toBeUndefined();
    // Every example the hint gives is read.
    for (const form of AMOUNT_FORMS.ru.replace(/^число: /, '').split(', ')) expect(readAmount(form), form).toBeGreaterThan(0);
  });
});
