import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOfMs, parseMonth } from '../../../src/io/map/month.js';

describe('parseMonth', () => {
  it.each([
    ['2024-07', '2024-07'],
    ['2024-7', '2024-07'],
    ['2024/07', '2024-07'],
    ['2024.07', '2024-07'],
    ['07.2024', '2024-07'],
    ['7.2024', '2024-07'],
    ['07/2024', '2024-07'],
    ['07-2024', '2024-07'],
    ['июль 2024', '2024-07'],
    ['Июль 2024 г.', '2024-07'],
    ['июля 2024 года', '2024-07'],
    ['ИЮЛЬ 2024г', '2024-07'],
    ['сент. 2024', '2024-09'],
    ['Jul 2024', '2024-07'],
    ['July 2024', '2024-07'],
    ['July, 2024', '2024-07'],
    ['Jul-24', '2024-07'],
    ['июл.24', '2024-07'],
    ['дек-25', '2025-12'],
    ['2024-07-01', '2024-07'],
    ['2024-07-31 23:59:59', '2024-07'],
    ['2024-07-31T23:59:59+03:00', '2024-07'],
    ['01.07.2024', '2024-07'],
    ['31.07.2024 18:30', '2024-07'],
    ['1 июля 2024 г.', '2024-07'],
    ['Jul 15, 2024', '2024-07'],
    ['15/07/2024', '2024-07'],
    ['45474', '2024-07'],
    ['45504.75', '2024-07'],
    ['  2024-07  ', '2024-07'],
  ])('%s is %s', (raw, month) => {
    expect(parseMonth(raw)).toBe(month);
  });

  it.each(['', '2024', '7', '07', '13.2024', '2024-13', '2024-00', 'Q3 2024', '3 кв. 2024', 'июль', 'лето 2024', 'Jul 24', '07.24', '1899-12', '32.07.2024', 'итого'])('"%s" is not a month', (raw) => {
    expect(parseMonth(raw)).toBeUndefined();
  });

  it('reads a slash date by its column order, and waits when the order is unknown', () => {
    expect(parseMonth('01/07/2024', 'dmy')).toBe('2024-07');
    expect(parseMonth('01/07/2024', 'mdy')).toBe('2024-01');
    expect(parseMonth('01/07/2024')).toBe('needs-order');
  });

  it('gives the month of a wall-clock time', () => {
    expect(monthOfMs(Date.UTC(2025, 11, 31, 23, 59, 59))).toBe('2025-12');
    expect(monthOfMs(Date.UTC(2025, 0, 1))).toBe('2025-01');
  });
});

describe('parseMonth, at random', () => {
  const RU = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
  const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  it('reads every written form of every month back to the same YYYY-MM', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const mm = String(m).padStart(2, '0');
        const want = `${y}-${mm}`;
        for (const form of [`${y}-${mm}`, `${mm}.${y}`, `${m}/${y}`, `${RU[m - 1]} ${y}`, `${RU[m - 1]!.toUpperCase()} ${y} г.`, `${EN[m - 1]} ${y}`, `${EN[m - 1]!.slice(0, 3)} ${y}`, `${y}-${mm}-${String(d).padStart(2, '0')}`, `${String(d).padStart(2, '0')}.${mm}.${y}`]) {
          expect(parseMonth(form)).toBe(want);
        }
      }),
    );
  });

  it('gives a YYYY-MM month, needs-order or undefined for any text, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (raw) => {
        const m = parseMonth(raw);
        expect(m === undefined || m === 'needs-order' || /^(19\d\d|2[01]\d\d|2200)-(0[1-9]|1[0-2])$/.test(m)).toBe(true);
      }),
    );
  });
});
