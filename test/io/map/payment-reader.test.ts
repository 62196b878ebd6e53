// An unlabelled row of =SUM under the payments is their totals (PaymentSums, src/io/map/payment-reader.ts):
// a row naming no deal and no manager whose invoiced and paid amounts are, to the kopeck, the sums of
// the rows above it, since the previous totals row or in all, two rows at least.
import { describe, expect, it } from 'vitest';
import { PaymentSums } from '../../../src/io/map/payment-reader.js';

/** Each row (invoiced, paid, whether it names no deal and no manager) judged in turn. */
const judged = (rows: Array<[number, number, boolean]>): boolean[] => {
  const sums = new PaymentSums();
  return rows.map(([invoiced, paid, unnamed]) => sums.isTotals(invoiced, paid, unnamed));
};

describe('PaymentSums', () => {
  it('knows the unlabelled sum of the rows above: 60 000 + 15 000 invoiced, 60 000 + 5 000 paid', () => {
    expect(judged([[60_000, 60_000, false], [15_000, 5_000, false], [75_000, 65_000, true]])).toEqual([false, false, true]);
  });

  it('sums since the previous totals row, or all of them; a totals row is not added to either', () => {
    // 1 000 + 2 000 invoiced and 0 + 500 paid since the first totals; 78 000 and 65 500 in all.
    const rows: Array<[number, number, boolean]> = [[60_000, 60_000, false], [15_000, 5_000, false], [75_000, 65_000, true], [1_000, 0, false], [2_000, 500, false], [3_000, 500, true], [78_000, 65_500, true]];
    expect(judged(rows)).toEqual([false, false, true, false, false, true, true]);
  });

  it('is a payment otherwise: one row above, a kopeck off, nothing above 0, or a row that names a deal or manager', () => {
    expect(judged([[100, 100, false], [100, 100, true]])).toEqual([false, false]);
    expect(judged([[100, 50, false], [200, 50, false], [300, 100.01, true]])).toEqual([false, false, false]);
    expect(judged([[0, 0, false], [0, 0, false], [0, 0, true]])).toEqual([false, false, false]);
    expect(judged([[100, 50, false], [200, 50, false], [300, 100, false]])).toEqual([false, false, false]);
  });

  it('a row judged a payment is added to the sums: the one after it sums it too', () => {
    // 300 / 100.01 is a payment (a kopeck off), so the sum below is 600 / 200.01.
    expect(judged([[100, 50, false], [200, 50, false], [300, 100.01, true], [600, 200.01, true]])).toEqual([false, false, false, true]);
  });

  it('compares in kopecks, whatever the float sum: 0.1 + 0.2 is 0.3', () => {
    expect(judged([[0.1, 0, false], [0.2, 0, false], [0.3, 0, true]])).toEqual([false, false, true]);
  });
});
