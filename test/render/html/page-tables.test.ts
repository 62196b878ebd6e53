import { describe, expect, it } from 'vitest';
import { pageTables } from '../../../src/render/html/page-tables.js';
import type { ReadingTable } from '../../../src/render/kpi/reading-table.js';

describe('a wide table on the A4 page', () => {
  const cells = (n: number, text: string) => Array.from({ length: n }, () => ({ text }));
  const wide = (columns: number): ReadingTable => ({
    title: 'По источникам и месяцам',
    keys: ['Источник', 'Месяц'],
    columns: Array.from({ length: columns }, (_, j) => `Показатель ${j + 1}`),
    rows: [{ keys: ['Рекомендация', '07.2024'], values: cells(columns, '1 234 567') }, { keys: ['Отдел', ''], values: cells(columns, '38 044 400'), total: true }],
  });

  it('stays whole where it fits the page: the terminal\'s width split tables the page holds', () => {
    expect(pageTables(wide(5))).toHaveLength(1);
  });

  // A tester: the pivot by source and month was two tables, the second one column of 73 rows (two printed pages).
  it('is split into as few tables as fit, the columns shared out evenly, the text columns and title kept', () => {
    const parts = pageTables(wide(8));
    expect(parts.map((p) => p.columns.length)).toEqual([4, 4]);
    expect(parts.map((p) => p.keys)).toEqual([['Источник', 'Месяц'], ['Источник', 'Месяц']]);
    expect(parts[0]!.title).toBe('По источникам и месяцам');
    expect(parts[1]!.rows[1]).toEqual({ keys: ['Отдел', ''], values: cells(4, '38 044 400'), total: true });
    expect(pageTables(wide(13)).map((p) => p.columns.length)).toEqual([5, 4, 4]);
  });

  it('never splits a unit of columns (a plan\'s plan, fact and %)', () => {
    const columns = ['Лиды', 'Выигр.', 'Выручка'].flatMap((m) => [`${m}, план`, `${m}, факт`, `${m}, %`]);
    const plan: ReadingTable = { keys: ['Источник', 'Месяц'], columns, units: [0, 0, 0, 1, 1, 1, 2, 2, 2], rows: [{ keys: ['Рекомендация', '07.2024'], values: cells(9, '180 000') }] };
    expect(pageTables(plan).map((p) => p.units)).toEqual([[0, 0, 0, 1, 1, 1], [2, 2, 2]]);
  });
});
