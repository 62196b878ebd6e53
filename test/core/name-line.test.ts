// A telephony line beside a person's name, after it («Анна Смирнова (201)») or before it (Sipuni's
// «201 (Анна Смирнова)»): one rule reads both (core/name-line.ts). Expectations by hand.
import { describe, expect, it } from 'vitest';
import { mayHaveLine, nameAndLine, withoutLine } from '../../src/core/name-line.js';

describe('nameAndLine', () => {
  it.each([
    ['Анна Смирнова (201)', 'Анна Смирнова', '201'],
    ['Анна Смирнова (доб. 201)', 'Анна Смирнова', '201'],
    ['Анна Смирнова <201>', 'Анна Смирнова', '201'],
    ['201 (Анна Смирнова)', 'Анна Смирнова', '201'],
    ['201(Анна Смирнова)', 'Анна Смирнова', '201'],
    ['  4280 ( Анна Смирнова )  ', 'Анна Смирнова', '4280'],
    ['доб. 201 (Анна Смирнова)', 'Анна Смирнова', '201'],
    ['(201) Анна Смирнова', 'Анна Смирнова', '201'],
    ['(ext. 201) Anna Smith', 'Anna Smith', '201'],
    ['<201> Анна', 'Анна', '201'],
  ])('«%s» is «%s» on line %s', (value, name, line) => {
    expect(nameAndLine(value)).toEqual({ name, line });
    expect(withoutLine(value)).toBe(name);
    expect(mayHaveLine(value.trim())).toBe(true);
  });

  it.each([
    'Анна Смирнова',
    '201',
    '(201)',
    '79161111111 (Клиент)',
    '2 (Анна)',
    'Анна (Deactivated User)',
    '201 Анна Смирнова',
  ])('«%s» has no line beside a name', (value) => {
    expect(nameAndLine(value)).toBeUndefined();
    expect(withoutLine(value)).toBe(value);
  });

  it('a name that neither ends nor starts with a bracket is not tested further', () => {
    expect(mayHaveLine('Анна Смирнова')).toBe(false);
    expect(mayHaveLine('201')).toBe(false);
  });
});
