import { describe, expect, it } from 'vitest';
import { assertRequired, ColumnsMissing, mapColumns } from '../../../src/io/map/mapping.js';

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
  it('a column of dates, or an empty one, is not offered as the manager (an Asterisk CDR)', () => {
    const headers = ['calldate', 'src', 'dst', 'billsec', 'disposition', 'userfield'];
    const rows = [['2024-07-01 14:05:12', '74951234567', '101', '65', 'ANSWERED', ''], ['2024-07-01 15:10:00', '74951234568', '102', '0', 'NO ANSWER', '']];
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
