import { describe, expect, it } from 'vitest';
import { describeAlert, findAlerts } from '../../../src/core/kpi/alerts.js';

const file = (rowsRead: number, skipped: number) => ({ file: 'deals.csv', kind: 'deals', format: 'text', rowsRead, records: rowsRead - skipped, skipped, dropped: {} });

describe('alerts: numbers that look wrong', () => {
  it('no deal won or lost among 20 or more is said loudly; among 19 it can be a new pipeline', () => {
    expect(findAlerts({ leads: 20, won: 0, lost: 0 }, { files: [] })).toEqual([{ code: 'no-outcome', deals: 20 }]);
    expect(findAlerts({ leads: 19, won: 0, lost: 0 }, { files: [] })).toEqual([]);
    expect(findAlerts({ leads: 500, won: 0, lost: 1 }, { files: [] })).toEqual([]);
  });

  it('more than 20% of a file unreadable is said, with the file; exactly 20% is not', () => {
    expect(findAlerts({ leads: 0, won: 0, lost: 0 }, { files: [file(100, 21)] })).toEqual([{ code: 'many-skipped', file: 'deals.csv', skipped: 21, rows: 100 }]);
    expect(findAlerts({ leads: 0, won: 0, lost: 0 }, { files: [file(100, 20)] })).toEqual([]);
  });

  it('says the likely cause and what to do, in Russian and English', () => {
    expect(describeAlert({ code: 'no-outcome', deals: 42 }, 'ru')).toMatch(/^Ни одна из 42 сделок .*inspect/);
    expect(describeAlert({ code: 'many-skipped', file: 'a.csv', skipped: 30, rows: 100 }, 'en')).toMatch(/^a\.csv: 30 of 100 rows \(30%\)/);
  });
});

describe('the NUL-bytes warning agrees with its number in Russian', () => {
  it.each([
    [1, 'удалён 1 нулевой байт (NUL)'],
    [3, 'удалено 3 нулевых байта (NUL)'],
    [11, 'удалено 11 нулевых байтов (NUL)'],
    [21, 'удалён 21 нулевой байт (NUL)'],
  ])('%i', (count, words) => {
    expect(describeAlert({ code: 'nul-bytes', file: 'n.csv', count }, 'ru')).toContain(words);
  });
});
