import { describe, expect, it } from 'vitest';
import { assertRequired, cellType, ColumnsMissing, headerScore, looksLikeData, mapColumns, scoreHeaderRow } from '../../../src/io/map/mapping.js';

/** The closest columns offered for each missing field of a header and its first rows. */
function offered(headers: string[], rows: string[][], kind: 'deals' | 'activities'): Record<string, string[]> {
  try {
    assertRequired(mapColumns(headers, kind), 'f.csv', rows);
  } catch (error) {
    if (error instanceof ColumnsMissing) return Object.fromEntries(error.missing.map((m) => [m.field, m.candidates]));
    throw error;
  }
  return {};
}

describe('the closest column offered for a missing field fits its values', () => {
  it('a column of dates, or an empty one, is not offered as the manager (a call log of outside numbers only: no line names an employee)', () => {
    const headers = ['calldate', 'src', 'dst', 'billsec', 'disposition', 'userfield'];
    const rows = [['2024-07-01 14:05:12', '74951234567', '74950000001', '65', 'ANSWERED', ''], ['2024-07-01 15:10:00', '74951234568', '74950000001', '0', 'NO ANSWER', '']];
    expect(offered(headers, rows, 'activities').manager).toEqual([]);
  });

  it('a column of names is offered as the manager; a column with no date is not offered as the creation date', () => {
    const headers = ['Менеджер проекта', 'Создано кем', 'Дата', 'Этап сделки'];
    const rows = [['Иванов Иван', 'Петрова Анна', '01.02.2025', 'Успешно реализовано']];
    const o = offered(headers, rows, 'deals');
    expect(o.manager).toContain('Менеджер проекта');
    expect(o.created_at).toContain('Дата');
    expect(o.created_at).not.toContain('Создано кем');
    expect(o.created_at).not.toContain('Этап сделки');
  });
});

describe('headerScore: a row of data with one known value is no header', () => {
  it('reads a cell as a header search does: dates, numbers (grouped, with a currency), text', () => {
    expect(['05.07.2024', '2024-07-05 10:00:00', '7/5/2024', '15000', '15 000', '120000|RUB', '-5,5', 'ID', '№', 'won', ''].map(cellType)).toEqual(['date', 'date', 'date', 'number', 'number', 'number', 'number', 'text', 'text', 'text', 'empty']);
    expect(looksLikeData(['Ответственный', 'Дата создания'])).toBe(false);
    expect(looksLikeData(['Иванов', '05.07.2024'])).toBe(true);
  });

  it('scores a header as scoreHeaderRow does, and a data row with a single known value as 0', () => {
    expect(headerScore(['100', 'Иванов Иван', '2024-01-05 10:00:00', 'won', '15000'], 'deals')).toBe(0);
    expect(scoreHeaderRow(['100', 'Иванов Иван', '2024-01-05 10:00:00', 'won', '15000'], 'deals')).toBe(1);
    // A header with one known name and no data stays a candidate; two known names are a header whatever else the row holds.
    expect(headerScore(['Ответственный', 'Что-то'], 'deals')).toBe(1);
    expect(headerScore(['ID', 'Ответственный', '2024'], 'deals')).toBe(2);
  });
});
