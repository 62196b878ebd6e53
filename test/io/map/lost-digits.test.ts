// A number Excel wrote in its scientific form keeps only some digits of an id (cells.lostDigits): a
// deal id so written merges no deals (deal-reader), a client id names no client (clientText).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lostDigits } from '../../../src/io/map/cells.js';

describe('lostDigits', () => {
  it('knows an id of 7 to 19 digits as Excel shows it in a narrow column (6 significant digits), with a comma or a dot', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000_000n, max: 9_999_999_999_999_999_999n }), fc.constantFrom(',', '.'), fc.constantFrom('E+', 'e+', 'E'), (id, mark, e) => {
        const [mantissa, exponent] = Number(id).toExponential(5).split('e+') as [string, string];
        expect(lostDigits(`${mantissa.replace('.', mark)}${e}${exponent}`)).toBe(true);
      }),
    );
  });

  it('passes over a scientific form that keeps every digit, and what is no such number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n, max: 99_999_999_999_999_999n }), (id) => {
        const digits = id.toString();
        // «1,2345E+4» is 12345: as many digits after the mark as the exponent asks.
        expect(lostDigits(`${digits[0]},${digits.slice(1)}E+${digits.length - 1}`)).toBe(false);
        expect(lostDigits(digits)).toBe(false);
      }),
    );
    for (const text of ['', 'E+18', '5,8E', '5,80503E-18', 'A5,80503E+18', '1.5', '12.03.2025']) expect([text, lostDigits(text)]).toEqual([text, false]);
    for (const text of ['5E+18', ' 5,80503E+18 ', '5.8050280000555E+18']) expect([text, lostDigits(text)]).toEqual([text, true]);
  });
});
