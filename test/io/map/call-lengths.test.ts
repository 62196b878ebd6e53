// A file read in two parts (io/parallel) adds up the call lengths of each: the counts sum, the examples
// and the refused values are the file's first.
import { describe, expect, it } from 'vitest';
import { mergeCallLengths, readsAsDayFractions, readsAsHoursAndMinutes, readsAsMilliseconds } from '../../../src/io/map/context.js';

describe('mergeCallLengths', () => {
  it('sums the counts and keeps the earlier part\'s examples', () => {
    const a = { answered: 4, long: 1, example: '45000', noMinutes: 2, clockExample: '00:05', refused: { count: 1, values: ['180000'] } };
    const b = { answered: 6, long: 3, example: '60000', underSecond: 5, fractionExample: '0.0034722', refused: { count: 3, values: ['180000', '200000', '300000', '400000'] } };
    expect(mergeCallLengths(a, b)).toEqual({ answered: 10, long: 4, noMinutes: 2, underSecond: 5, example: '45000', clockExample: '00:05', fractionExample: '0.0034722', refused: { count: 4, values: ['180000', '200000', '300000'] } });
  });

  it('a part with none: the other as it is; no counter of 0 written', () => {
    expect(mergeCallLengths(undefined, { answered: 2, long: 0 })).toEqual({ answered: 2, long: 0 });
    expect(mergeCallLengths({ answered: 1, long: 0, noMinutes: 0 }, undefined)).toEqual({ answered: 1, long: 0 });
  });

  it('the merged lengths say what each part\'s would have said together', () => {
    // 3 answered calls of an hour or more of 5 (half or more, at least 3): milliseconds.
    expect(readsAsMilliseconds(mergeCallLengths({ answered: 2, long: 2 }, { answered: 3, long: 1 }))).toBe(true);
    // 9 of 10 clocks of no minutes: hours and minutes; 9 of 10 under a second: fractions of a day.
    expect(readsAsHoursAndMinutes(mergeCallLengths({ answered: 5, long: 0, noMinutes: 5 }, { answered: 5, long: 0, noMinutes: 4 }))).toBe(true);
    expect(readsAsDayFractions(mergeCallLengths({ answered: 5, long: 0, underSecond: 4 }, { answered: 5, long: 0, underSecond: 4 }))).toBe(false);
  });
});
