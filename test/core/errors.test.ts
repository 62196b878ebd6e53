import { describe, expect, it } from 'vitest';
import { formatWhere } from '../../src/core/errors.js';

describe('where a problem is', () => {
  it('stdin (`-`) is named as such, not as a lone dash', () => {
    expect(formatWhere({ file: '-', row: 4 }, 'ru')).toBe('стандартный ввод (-), строка 4');
    expect(formatWhere({ file: '-', row: 4 }, 'en')).toBe('standard input (-), row 4');
    expect(formatWhere({ file: 'deals.csv', row: 4 }, 'en')).toBe('deals.csv, row 4');
  });

  // A tester: a 1 000-character YAML key was printed whole in the error's location.
  it('a long key of a document path is said by its start, the rest of the path kept', () => {
    const key = 'ключ'.repeat(250);
    expect(formatWhere({ file: 't.yaml', path: `targets.${key}` }, 'en')).toBe(`t.yaml, at targets.${'ключ'.repeat(10)}…`);
    expect(formatWhere({ file: 't.yaml', path: `deals.columns["${key}"].x` }, 'ru')).toBe(`t.yaml, в deals.columns["${'ключ'.repeat(10)}…"].x`);
    expect(formatWhere({ file: 't.yaml', path: 'answers.erp.catalog' }, 'en')).toBe('t.yaml, at answers.erp.catalog');
  });
});
