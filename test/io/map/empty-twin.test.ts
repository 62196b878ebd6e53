import { describe, expect, it } from 'vitest';
import { assertRequired, ColumnsMissing, mapColumns } from '../../../src/io/map/mapping.js';

/** The error assertRequired throws for a header and its first rows, or undefined. */
function stop(headers: string[], rows: string[][], kind: 'activities' | 'deals' = 'activities'): ColumnsMissing | undefined {
  try {
    assertRequired(mapColumns(headers, kind), 'f.csv', rows);
  } catch (error) {
    if (error instanceof ColumnsMissing) return error;
    throw error;
  }
  return undefined;
}

describe('manager columns of one name, some empty', () => {
  const headers = ['Направление', 'Телефон', 'Сотрудник', 'Дата', 'Сотрудник', 'Статус', 'Сотрудник'];

  it('an empty one is no choice: with one filled there is nothing to ask (the reading names the filled one)', () => {
    const rows = [['исходящий', '+79160000001', '', '01.03.2025 10:00', '', 'отвечен', 'Анна Львова']];
    expect(stop(headers, rows)).toBeUndefined();
  });

  it('with two filled ones that differ, they are offered, the empty one not', () => {
    const rows = [['исходящий', '+79160000001', '', '01.03.2025 10:00', 'Колл-центр', 'отвечен', 'Анна Львова']];
    const error = stop(headers, rows)!;
    expect(error.messageId).toBe('map.columnsAmbiguous');
    expect(error.missing).toEqual([{ field: 'manager', candidates: ['Сотрудник', 'Сотрудник'] }]);
    expect(error.hint).toContain('manager: "#5"    # or "#7": check');
    expect(error.message).toBe('the manager could be in more than one column, and their values differ: "Сотрудник" (#5), "Сотрудник" (#7)');
  });

  it('all empty: nothing to choose between', () => {
    expect(stop(headers, [['исходящий', '+79160000001', '', '01.03.2025 10:00', '', 'отвечен', '']])).toBeUndefined();
  });
});

describe('money columns of one name', () => {
  const headers = ['ID', 'Бюджет', 'Бюджет', 'Ответственный', 'Дата создания'];
  const stopDeals = (rows: string[][]) => stop(headers, rows, 'deals');

  it('two «Бюджет» whose values differ: the amount is asked, not the leftmost taken without a word (a tester read revenue 10 of «10;20»)', () => {
    const error = stopDeals([['1', '10', '20', 'Анна', '01.07.2024']])!;
    expect(error.messageId).toBe('map.columnsAmbiguous');
    expect(error.message).toBe('the deal amount could be in more than one column, and their values differ: "Бюджет" (#2), "Бюджет" (#3)');
    expect(error.hint).toContain('amount: "#2"    # or "#3": check');
  });

  it('the same values, or one of them empty: nothing to ask', () => {
    expect(stopDeals([['1', '10', '10', 'Анна', '01.07.2024']])).toBeUndefined();
    expect(stopDeals([['1', '10', '', 'Анна', '01.07.2024']])).toBeUndefined();
  });

  it('an amount of another name beside it (Сумма and Бюджет) is not a twin: the leftmost alias is read, as before', () => {
    expect(stop(['ID', 'Сумма', 'Бюджет', 'Ответственный', 'Дата создания'], [['1', '10', '20', 'Анна', '01.07.2024']], 'deals')).toBeUndefined();
  });
});

describe('money twins that hold the same number, and a spend file\'s twins', () => {
  it('`10000` and `10 000,00` are one amount: nothing to ask', () => {
    expect(stop(['ID', 'Бюджет', 'Бюджет', 'Ответственный', 'Дата создания'], [['1', '10000', '10 000,00', 'Анна', '01.07.2024']], 'deals')).toBeUndefined();
  });

  it('a spend file\'s two «Расход» that differ are the spend, not a deal amount', () => {
    let error: ColumnsMissing | undefined;
    try {
      assertRequired(mapColumns(['Месяц', 'Источник', 'Расход', 'Расход'], 'spend'), 'f.csv', [['2025-01', 'Яндекс', '100', '200']]);
    } catch (e) {
      error = e as ColumnsMissing;
    }
    expect(error?.message).toBe('the spend could be in more than one column, and their values differ: "Расход" (#3), "Расход" (#4)');
  });
});
