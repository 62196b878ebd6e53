import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeUserError } from '../../../src/core/errors.js';
import type { PlanRow } from '../../../src/core/records.js';
import { importDeals, importPlan, type ImportOptions } from '../../../src/io/map/import.js';
import { ColumnsMissing } from '../../../src/io/map/mapping.js';
import { cp1251, csv } from '../../fixtures/exports.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-plan-'));
});

function put(name: string, data: string | Buffer): string {
  writeFileSync(path.join(dir, name), data);
  return name;
}

const opts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ cwd: dir, stdin: process.stdin, maxBadRows: { count: 1000 }, ...extra });
const read = (name: string, extra: Partial<ImportOptions> = {}) => importPlan(name, opts(extra));
const byManager = (manager: string, month: string, leads: number | null, won: number | null, revenue: number | null): PlanRow => ({ manager, source: '', month, leads, won, revenue });
const bySource = (source: string, month: string, leads: number | null, won: number | null, revenue: number | null): PlanRow => ({ manager: '', source, month, leads, won, revenue });

const BODY = [
  ['Иванов Иван', '2025-01', '40', '8', '1 200 000'],
  ['Петрова Анна', '2025-01', '35', '7', '980 000,50'],
];
const EXPECTED = [byManager('Иванов Иван', '2025-01', 40, 8, 1200000), byManager('Петрова Анна', '2025-01', 35, 7, 980000.5)];

describe('plan: headers', () => {
  it.each([
    ['canonical', ['manager', 'month', 'leads', 'won', 'revenue']],
    ['Russian', ['Менеджер', 'Месяц', 'Лиды', 'Продажи', 'Выручка']],
    ['Russian, plan words', ['Ответственный', 'Период', 'План лидов', 'План сделок', 'План выручки']],
    ['Russian, other words', ['Сотрудник', 'Отчётный месяц', 'Количество лидов', 'Выиграно', 'Оборот, ₽']],
    ['Russian, deals', ['Продавец', 'Дата', 'Лидов', 'Сделки', 'План по выручке']],
    ['English', ['Manager', 'Month', 'Leads', 'Won', 'Revenue']],
    ['English, other words', ['Owner', 'Period', 'Leads target', 'Deals won', 'Revenue target']],
    ['English, sales', ['Salesperson', 'Date', 'Lead target', 'Sales', 'revenue, $']],
  ])('%s headers read the same rows', async (_name, header) => {
    const file = put(`plan-headers-${header.join('-').replace(/[^\p{L}\d_-]/gu, '')}.csv`, csv([header, ...BODY], { delimiter: ';' }));
    const { rows, report, map } = await read(file);
    expect(rows).toEqual(EXPECTED);
    expect(report).toMatchObject({ kind: 'plan', records: 2, skippedCount: 0 });
    expect([...map!.fields.keys()].sort()).toEqual(['leads', 'manager', 'month', 'revenue', 'won']);
  });

  it.each([
    ['Источник', 'Месяц', 'Лиды'],
    ['Канал', 'Месяц', 'План лидов'],
    ['Source', 'Month', 'Leads'],
    ['Channel', 'Period', 'Leads'],
    ['utm_source', 'Month', 'Leads'],
  ])('a plan by source: %s', async (key, month, leads) => {
    const file = put(`plan-by-source-${key}.csv`, csv([[key, month, leads], ['Сайт ', '01.2025', '120'], ['  Яндекс   Директ', 'январь 2025', '80']], { delimiter: ';' }));
    const { rows } = await read(file);
    expect(rows).toEqual([bySource('Сайт', '2025-01', 120, null, null), bySource('Яндекс Директ', '2025-01', 80, null, null)]);
  });
});

describe('plan: manager or source', () => {
  const both = [
    ['Менеджер', 'Источник', 'Месяц', 'Выручка'],
    ['Иванов Иван', 'Сайт', '2025-02', '500 000'],
    ['Иванов Иван', 'Реклама', '2025-02', '300 000'],
  ];

  it('with both columns the manager wins and the source column is left unread', async () => {
    const { rows, report } = await read(put('plan-manager-and-source.csv', csv(both, { delimiter: ';' })));
    expect(rows).toEqual([byManager('Иванов Иван', '2025-02', null, null, 500000), byManager('Иванов Иван', '2025-02', null, null, 300000)]);
    expect(report.columns.map((c) => c.field ?? null)).toEqual(['manager', null, 'month', 'revenue']);
  });

  it('a --map naming only the source column makes it a plan by source', async () => {
    const { rows, report } = await read(put('plan-manager-and-source-mapped.csv', csv(both, { delimiter: ';' })), { columns: { source: 'Источник' } });
    expect(rows).toEqual([bySource('Сайт', '2025-02', null, null, 500000), bySource('Реклама', '2025-02', null, null, 300000)]);
    expect(report.columns.map((c) => c.field ?? null)).toEqual([null, 'source', 'month', 'revenue']);
  });
});

describe('plan: values and rows', () => {
  it('reads a Windows-1251 CSV: empty targets are null, rows without a target or with a totals label are dropped, bad values skipped', async () => {
    const text = csv(
      [
        ['Менеджер', 'Месяц', 'Лиды', 'Продажи', 'Выручка, руб.'],
        ['Иванов Иван', 'Январь 2025', '40', '', '1\u00a0200\u00a0000'],
        ['Иванов Иван', 'Февраль 2025', '', '', ''],
        ['Петрова Анна', '01.2025', '35', '7,5', ''],
        ['Петрова Анна', 'зима', '35', '7', '900 000'],
        ['Сидоров Олег', '2025-01', '-3', '7', '900 000'],
        ['Сидоров Олег', '2025-02', '30', 'семь', '900 000'],
        ['', '2025-02', '30', '6', '800 000'],
        ['Итого', '2025-01', '75', '7', '1 200 000'],
      ],
      { delimiter: ';' },
    );
    const file = put('plan-cp1251-bad-rows.csv', cp1251(text));
    const { rows, report } = await read(file);
    expect(report.table).toMatchObject({ encoding: 'windows-1251', delimiter: ';' });
    expect(rows).toEqual([byManager('Иванов Иван', '2025-01', 40, null, 1200000), byManager('Петрова Анна', '2025-01', 35, 7.5, null)]);
    expect(report.skipped).toEqual([
      { file, row: 5, column: 'Месяц', reason: '"зима" is not a month' },
      { file, row: 6, column: 'Лиды', reason: '"-3" is negative' },
      { file, row: 7, column: 'Продажи', reason: '"семь" is not a number' },
      { file, row: 8, column: 'Менеджер', reason: 'no manager' },
    ]);
    expect(report.dropped).toEqual({ 'a plan row without targets': 1, 'totals row': 1 });
  });

  it('skips a row of a plan by source with no source', async () => {
    const file = put('plan-by-source-empty.csv', csv([['Source', 'Month', 'Revenue'], ['', '2025-03', '100'], ['Ads', '2025-03', '200']]));
    const { rows, report } = await read(file);
    expect(rows).toEqual([bySource('Ads', '2025-03', null, null, 200)]);
    expect(report.skipped).toEqual([{ file, row: 2, column: 'Source', reason: 'no source' }]);
  });

  it('reads an XLSX with month-formatted date cells and number targets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('План');
    ws.addRow(['План продаж на 2025 год']);
    ws.addRow(['Менеджер', 'Месяц', 'План лидов', 'План сделок', 'План выручки']);
    ws.addRow(['Иванов Иван', new Date(Date.UTC(2025, 0, 1)), 40, 8, 1200000]);
    ws.addRow(['Иванов Иван', new Date(Date.UTC(2025, 1, 1)), 42, 8, { formula: '1200000*1.05', result: 1260000 }]);
    ws.getColumn(2).numFmt = 'mmmm yyyy';
    const { rows, report } = await read(put('plan-excel-month-cells.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(report.headerRow).toBe(2);
    expect(rows).toEqual([byManager('Иванов Иван', '2025-01', 40, 8, 1200000), byManager('Иванов Иван', '2025-02', 42, 8, 1260000)]);
  });
});

// COUNT_AT_MOST (mapping.ts) is the one bound of a count: a row of whole targets up to 999 is counts, 1 000 is money.
describe('plan: months across', () => {
  it('a row whose every target is a whole number up to 999 is refused as counts; one with 1 000 is revenue; an empty month gives no row', async () => {
    const file = put('plan-across.csv', ['Менеджер;Январь 2025;Февраль 2025;Март 2025', 'Иванов Иван;999;;5', 'Петрова Анна;1 000;;999'].join('\n'));
    const { rows, report } = await read(file);
    expect(rows).toEqual([byManager('Петрова Анна', '2025-01', null, null, 1000), byManager('Петрова Анна', '2025-03', null, null, 999)]);
    expect(report.skipped.map((s) => [s.row, s.column])).toEqual([[2, 'Январь 2025']]);
    expect(report.skipped[0]!.reason).toMatch(/^a plan with months across is read as revenue targets, and these look like counts/);
    expect(report.dropped).toEqual({});
  });
});

describe('plan: columns', () => {
  it('without a manager or a source column: both named, with a --map snippet', async () => {
    const file = put('plan-without-key.csv', csv([['Кто', 'Месяц', 'Лиды'], ['Иванов', '2025-01', '40']], { delimiter: ';' }));
    const error = (await read(file).catch((e: unknown) => e)) as ColumnsMissing;
    expect(error).toBeInstanceOf(ColumnsMissing);
    expect(error.missing).toEqual([{ field: 'manager', candidates: [], anyOf: ['manager', 'source'], each: { manager: [], source: [] } }]);
    expect(error.message).toBe('cannot find the column for manager or source (no similar column)');
    expect(error.hint).toContain('plan:\n  columns:\n    manager: "<header in your file>"    # any one of: manager, source');
    expect(describeUserError(error, 'ru')).toContain('не найдена колонка для менеджера (manager) или источника (source) (похожей колонки нет)');
  });

  it('without a target column: the closest column is proposed', async () => {
    const file = put('plan-without-target.csv', csv([['Менеджер', 'Месяц', 'Лиды план'], ['Иванов', '2025-01', '40']], { delimiter: ';' }));
    const error = (await read(file).catch((e: unknown) => e)) as ColumnsMissing;
    expect(error).toBeInstanceOf(ColumnsMissing);
    expect(error.missing).toEqual([{ field: 'leads', candidates: ['Лиды план'], anyOf: ['leads', 'won', 'revenue'], each: { leads: ['Лиды план'], won: ['Лиды план'], revenue: ['Лиды план'] } }]);
    expect(error.hint).toContain('plan:\n  columns:\n    leads: "Лиды план"    # the closest column: check');
  });

  it('without a month column', async () => {
    const file = put('plan-without-month.csv', csv([['Менеджер', 'Квартал', 'Лиды'], ['Иванов', 'Q1', '40']], { delimiter: ';' }));
    const error = (await read(file).catch((e: unknown) => e)) as ColumnsMissing;
    expect(error).toBeInstanceOf(ColumnsMissing);
    expect(error.missing.map((m) => m.field)).toEqual(['month']);
  });
});

describe('the bundled samples/plan.csv', () => {
  it('plans every manager of the deals for each month of 2025 the deals cover, with every target', async () => {
    const samples = path.resolve('samples');
    const { rows, report } = await importPlan('plan.csv', { cwd: samples, stdin: process.stdin });
    const { store } = await importDeals('amocrm-deals.csv', { cwd: samples, stdin: process.stdin });
    const deals = store.toDeals();
    expect(report).toMatchObject({ skippedCount: 0, dropped: {} });
    const managers = [...new Set(deals.map((d) => d.manager))].sort();
    const months = [...new Set(deals.map((d) => new Date(d.created_at).toISOString().slice(0, 7)))].filter((m) => m.startsWith('2025-')).sort();
    expect(rows.map((r) => `${r.manager} ${r.month}`).sort()).toEqual(managers.flatMap((m) => months.map((mo) => `${m} ${mo}`)).sort());
    for (const r of rows) {
      expect(r.source).toBe('');
      expect([r.leads, r.won, r.revenue].every((v) => v !== null && v > 0)).toBe(true);
    }
  });
});
