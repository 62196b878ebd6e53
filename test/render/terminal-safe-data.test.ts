import { describe, expect, it } from 'vitest';
import { shownData } from '../../src/render/terminal-safe.js';

describe('shownData', () => {
  it('makes every text of a result safe, keys too, and keeps the rest', () => {
    const result = { managers: [{ manager: 'Анна\u001b[31mКрасная', leads: 3, rate: null, won: true }], total: { loss_reasons: { 'Дорого\u0007': 2, Долго: 1 } } };
    expect(shownData(result)).toEqual({ managers: [{ manager: 'Анна\ufffd[31mКрасная', leads: 3, rate: null, won: true }], total: { loss_reasons: { 'Дорого\ufffd': 2, Долго: 1 } } });
    // A copy: the result itself is left as it was.
    expect(result.managers[0]!.manager).toBe('Анна\u001b[31mКрасная');
  });

  it('adds up the counts of two keys that become one, and keeps a key named __proto__ as data', () => {
    const reasons = Object.fromEntries([['Дорого\u001b', 2], ['Дорого\u0007', 3], ['__proto__', 1], ['constructor', 4]]);
    const shown = shownData(reasons);
    expect(Object.entries(shown)).toEqual([['Дорого\ufffd', 5], ['__proto__', 1], ['constructor', 4]]);
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
  });

  it('leaves texts without control characters as they are', () => {
    const opts = { lang: 'ru', color: true, metrics: ['leads', 'won'], company: 'ООО «Ромашка»\t1', width: 80 };
    expect(shownData(opts)).toEqual(opts);
  });
});
