import { describe, expect, it } from 'vitest';
import { formatWhere } from '../../src/core/errors.js';

describe('where a problem is', () => {
  it('stdin (`-`) is named as such, not as a lone dash', () => {
    expect(formatWhere({ file: '-', row: 4 }, 'ru')).toBe('стандартный ввод (-), строка 4');
    expect(formatWhere({ file: '-', row: 4 }, 'en')).toBe('standard input (-), row 4');
    expect(formatWhere({ file: 'deals.csv', row: 4 }, 'en')).toBe('deals.csv, row 4');
  });
});
