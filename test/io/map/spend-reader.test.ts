import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import type { SpendRow } from '../../../src/core/records.js';
import { importDeals, importSpend, type ImportOptions } from '../../../src/io/map/import.js';
import { ColumnsMissing } from '../../../src/io/map/mapping.js';
import { importOptionsFor } from '../../../src/app/kpi-files.js';
import { loadOverrides } from '../../../src/io/documents/map-file.js';
import { cp1251, csv, htmlTable } from '../../fixtures/exports.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-spend-'));
});

/** Writes a fixture named for its scenario into the test's folder. */
function put(name: string, data: string | Buffer): string {
  writeFileSync(path.join(dir, name), data);
  return name;
}

const opts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ cwd: dir, stdin: process.stdin, maxBadRows: { count: 1000 }, ...extra });
const read = (name: string, extra: Partial<ImportOptions> = {}) => importSpend(name, opts(extra));
const row = (month: string, source: string, amount: number): SpendRow => ({ month, source, amount });

/** The three rows every header variant below holds. */
const BODY = [
  ['2024-07', 'Яндекс Директ', '150 000,50'],
  ['2024-07', 'Выставка', '0'],
  ['2024-08', 'Яндекс Директ', '98 500'],
];
const EXPECTED = [row('2024-07', 'Яндекс Директ', 150000.5), row('2024-07', 'Выставка', 0), row('2024-08', 'Яндекс Директ', 98500)];

describe('spend: headers', () => {
  it.each([
    ['canonical', ['month', 'source', 'amount']],
    ['Russian', ['Месяц', 'Источник', 'Сумма']],
    ['Russian, other words', ['Период', 'Канал', 'Расход']],
    ['Russian, plural and money marks', ['Отчётный месяц', 'Рекламный канал', 'Расходы, ₽']],
    ['Russian, budget', ['Дата', 'Источник трафика', 'Бюджет, руб.']],
    ['Russian, costs, in capitals with spaces', ['  МЕСЯЦ ', 'КАНАЛ  ПРИВЛЕЧЕНИЯ', 'Затраты']],
    ['English', ['Month', 'Source', 'Spend']],
    ['English, other words', ['Period', 'Channel', 'Cost']],
    ['English, utm', ['Date', 'utm_source', 'Amount']],
    ['English, campaign source', ['month', 'Campaign source', 'Budget']],
  ])('%s headers read the same rows', async (_name, header) => {
    const file = put(`spend-headers-${header.join('-').replace(/[^\p{L}\d_-]/gu, '')}.csv`, csv([header, ...BODY], { delimiter: ';' }));
    const { rows, report, map } = await read(file);
    expect(rows).toEqual(EXPECTED);
    expect(report).toMatchObject({ kind: 'spend', records: 3, skippedCount: 0, rowsRead: 3 });
    expect([...map!.fields.keys()].sort()).toEqual(['amount', 'month', 'source']);
  });

  it('finds the header below a title and keeps two rows of one month and source apart', async () => {
    const file = put(
      'spend-title-above-header-duplicates.csv',
      csv([['Расходы на рекламу, 2024'], [''], ['Месяц', 'Источник', 'Расход'], ['июль 2024', 'Сайт', '10 000'], ['июль 2024', 'Сайт', '2 500'], ['август 2024', 'Сайт', '12 000']], { delimiter: ';' }),
    );
    const { rows, report } = await read(file);
    expect(report.headerRow).toBe(3);
    expect(rows).toEqual([row('2024-07', 'Сайт', 10000), row('2024-07', 'Сайт', 2500), row('2024-08', 'Сайт', 12000)]);
  });
});

describe('spend: months and amounts as people write them', () => {
  it('reads every month form in one column, and amounts with spaces, marks and decimal commas', async () => {
    const forms: Array<[string, string, string, number]> = [
      ['2024-07', '2024-07', '1 500,50', 1500.5],
      ['2024-07-01', '2024-07', '1\u00a0500,50 ₽', 1500.5],
      ['15.07.2024', '2024-07', '₽1500', 1500],
      ['31.07.2024 18:30:00', '2024-07', '$1,200.75', 1200.75],
      ['07.2024', '2024-07', '1 200 руб.', 1200],
      ['07/2024', '2024-07', '700', 700],
      ['июль 2024', '2024-07', '12,5', 12.5],
      ['Июль 2024 г.', '2024-07', '0,00', 0],
      ['Jul 2024', '2024-07', '1 000 000', 1000000],
      ['July 2024', '2024-07', '99', 99],
      ['Jul-24', '2024-07', '1', 1],
      ['45505', '2024-08', '2', 2],
      ['Август 2024', '2024-08', '3', 3],
    ];
    const file = put('spend-month-forms.csv', csv([['Месяц', 'Источник', 'Расход'], ...forms.map(([m, , a]) => [m, 'Реклама', a])], { delimiter: ';' }));
    const { rows, report } = await read(file);
    expect(report.skipped).toEqual([]);
    expect(rows).toEqual(forms.map(([, month, , amount]) => row(month, 'Реклама', amount)));
  });

  it('reads slash dates in the day-month order the column shows', async () => {
    const file = put('spend-slash-dates-day-first.csv', csv([['Month', 'Source', 'Spend'], ['01/07/2024', 'Ads', '10'], ['25/08/2024', 'Ads', '20']]));
    expect((await read(file)).rows).toEqual([row('2024-07', 'Ads', 10), row('2024-08', 'Ads', 20)]);
    const ambiguous = put('spend-slash-dates-ambiguous.csv', csv([['Month', 'Source', 'Spend'], ['01/07/2024', 'Ads', '10'], ['02/08/2024', 'Ads', '20']]));
    await expect(read(ambiguous)).rejects.toMatchObject({ code: 'E_DATE_AMBIGUOUS' });
    expect((await read(ambiguous, { dateOrder: 'mdy' })).rows).toEqual([row('2024-01', 'Ads', 10), row('2024-02', 'Ads', 20)]);
  });

  it('cleans sources as deal sources are cleaned: trimmed, whitespace collapsed, case kept', async () => {
    const file = put('spend-source-spacing.csv', csv([['Месяц', 'Источник', 'Расход'], ['2024-07', '  Яндекс\u00a0  Директ ', '1'], ['2024-07', 'яндекс директ', '2'], ['2024-07', 'Сайт\t(SEO)', '3']], { delimiter: ';' }));
    expect((await read(file)).rows).toEqual([row('2024-07', 'Яндекс Директ', 1), row('2024-07', 'яндекс директ', 2), row('2024-07', 'Сайт (SEO)', 3)]);
  });
});

describe('spend: files', () => {
  it('reads a Windows-1251 semicolon CSV from a Russian Excel', async () => {
    const text = csv([['Месяц', 'Источник', 'Расход, руб.'], ['Июль 2024', 'Рекомендация', '5\u00a0000,00'], ['Август 2024', 'Выставка', '250\u00a0000,00'], ['Итого', '', '255\u00a0000,00']], { delimiter: ';' });
    const { rows, report } = await read(put('spend-cp1251-semicolon.csv', cp1251(text)));
    expect(report.table).toMatchObject({ type: 'text', encoding: 'windows-1251', delimiter: ';' });
    expect(rows).toEqual([row('2024-07', 'Рекомендация', 5000), row('2024-08', 'Выставка', 250000)]);
    expect(report.dropped).toEqual({ 'totals row': 1 });
  });

  it('reads an XLSX with date cells, month-formatted cells, text months and number cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Расходы');
    ws.addRow(['Месяц', 'Источник', 'Расход']);
    ws.addRow([new Date(Date.UTC(2024, 6, 1)), 'Сайт', 15000.25]);
    ws.addRow([new Date(Date.UTC(2024, 7, 1)), 'Сайт', 16000]);
    ws.addRow(['Сентябрь 2024', 'Сайт', '17 000,00']);
    ws.addRow([new Date(Date.UTC(2024, 9, 15, 12, 0)), 'Звонок', { formula: '1000*3', result: 3000 }]);
    ws.addRow(['Итого', null, { formula: 'SUM(C2:C5)', result: 51000.25 }]);
    ws.getCell('A2').numFmt = 'dd.mm.yyyy';
    ws.getCell('A3').numFmt = 'mmmm yyyy';
    ws.getCell('A5').numFmt = '[$-419]mmm yy;@';
    const { rows, report } = await read(put('spend-excel-date-and-month-cells.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(report.table.type).toBe('xlsx');
    expect(rows).toEqual([row('2024-07', 'Сайт', 15000.25), row('2024-08', 'Сайт', 16000), row('2024-09', 'Сайт', 17000), row('2024-10', 'Звонок', 3000)]);
    expect(report.dropped).toEqual({ 'totals row': 1 });
  });

  // Read as its text, it was "=C2*2 is not a number" with a --map hint that cannot help; the fix is to open and save the workbook.
  it('a formula never calculated (no cached value) refuses the workbook, naming the cell, not an empty or unreadable amount', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Расходы');
    ws.addRow(['Месяц', 'Источник', 'Расход']);
    ws.addRow(['2024-07', 'Сайт', 1000]);
    ws.addRow(['2024-08', 'Сайт', { formula: 'C2*2' }]);
    const file = put('spend-formula-without-value.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(read(file, { enforceBadRows: false })).rejects.toMatchObject({ code: 'E_XLSX_NO_VALUES', message: expect.stringContaining('cell C3 of sheet "Расходы" holds the formula =C2*2 with no computed value') });
  });

  it('reads an HTML table saved as .xls, markup removed from the source', async () => {
    const html = htmlTable([['Период', 'Канал', 'Затраты'], ['07.2024', '<span>Реклама</span>', '1 000'], ['08.2024', 'Реклама', '2 000']]);
    const { rows, report } = await read(put('spend-html-as-xls.xls', html));
    expect(report.table.type).toBe('html');
    expect(rows).toEqual([row('2024-07', 'Реклама', 1000), row('2024-08', 'Реклама', 2000)]);
  });

  it('gives the same rows from CSV bytes and from text', async () => {
    const file = put('spend-byte-and-text-paths.csv', csv([['Месяц', 'Источник', 'Расход'], ['2024-07-01', 'Сайт', '1 500,5'], ['01.08.2024', 'Звонок', '1,234'], ['09.2024', '', '12,5'], ['2024-10', 'Реклама', '700']], { delimiter: ';' }));
    const bytes = await read(file);
    const text = await read(file, { textRows: true });
    expect(bytes.rows).toEqual(text.rows);
    // `1,234` is ambiguous; the column's `12,5` says the comma is decimal.
    expect(bytes.rows).toEqual([row('2024-07', 'Сайт', 1500.5), row('2024-08', 'Звонок', 1.234), row('2024-09', '', 12.5), row('2024-10', 'Реклама', 700)]);
  });
});

describe('spend: rows that cannot be read', () => {
  it('skips bad months and amounts with their row and column, drops totals and empty amounts, keeps an empty source', async () => {
    const file = put(
      'spend-bad-rows.csv',
      csv(
        [
          ['Месяц', 'Источник', 'Расход'],
          ['2024-07', 'Сайт', '1 000'],
          ['Q3 2024', 'Сайт', '1 000'],
          ['2024-08', 'Сайт', '-500'],
          ['2024-08', 'Звонок', 'много'],
          ['2024-08', '', '300'],
          ['', 'Реклама', '400'],
          ['2024-09', 'Реклама', ''],
          ['2024-09', 'Итого за сентябрь', '5 000'],
          ['2024-09', 'Выставка', '(200)'],
          ['Итого', '', '9 000'],
        ],
        { delimiter: ';' },
      ),
    );
    const { rows, report } = await read(file);
    expect(rows).toEqual([row('2024-07', 'Сайт', 1000), row('2024-08', '', 300)]);
    expect(report.skipped).toEqual([
      { file, row: 3, column: 'Месяц', reason: '"Q3 2024" is not a month' },
      { file, row: 4, column: 'Расход', reason: '"-500" is negative' },
      { file, row: 5, column: 'Расход', reason: '"много" is not a number' },
      { file, row: 7, column: 'Месяц', reason: 'no month' },
      { file, row: 10, column: 'Расход', reason: '"(200)" is negative' },
    ]);
    expect(report).toMatchObject({ rowsRead: 10, records: 2, skippedCount: 5 });
    expect(report.dropped).toEqual({ 'totals row': 2, 'a spend row without an amount': 1 });
  });

  it('stops at more bad rows than --max-bad-rows allows', async () => {
    const bad = Array.from({ length: 6 }, (_, i) => [`2024-${i + 1}`, 'Сайт', `-${i + 1}`]);
    const file = put('spend-too-many-negative.csv', csv([['Месяц', 'Источник', 'Расход'], ['2024-07', 'Сайт', '1'], ...bad], { delimiter: ';' }));
    await expect(importSpend(file, { cwd: dir, stdin: process.stdin })).rejects.toMatchObject({ code: 'E_BAD_ROWS' });
  });

  it('refuses a file with a header and no row of data', async () => {
    const file = put('spend-header-only.csv', csv([['Месяц', 'Источник', 'Расход'], ['2024-07', 'Сайт', '']], { delimiter: ';' }));
    const error = await read(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_NO_RECORDS');
    expect(describeUserError(error as UserError, 'ru')).toContain('в файле (таблица расходов на маркетинг) нет ни одной строки с данными');
  });
});

/**
 * A tester: a budget with months across whose last row is the sums with no name (`;45 000;20 000;65 000`)
 * doubled the spend, read as spend of no source (130 000 for 65 000). A row with no source whose every
 * amount is the sum of its month over the rows above (since the previous such row, or all; two rows at
 * least; to the kopeck) is the table's totals: dropped and counted as «Итого» is. Any other is spend.
 */
describe('spend: an unlabelled totals row', () => {
  const WIDE = ['Канал', 'Январь 2025', 'Февраль 2025', 'Итого'];
  const wide = (name: string, body: string[][]) => put(name, csv([WIDE, ...body], { delimiter: ';' }));
  const total = (rows: SpendRow[]) => rows.reduce((sum, r) => sum + r.amount, 0);

  it('months across: the sums row under the tester\'s budget is dropped, and the spend is 65 000, not 130 000', async () => {
    const file = wide('spend-wide-unlabelled-totals.csv', [
      ['Яндекс', '30 000', '20 000', '50 000'],
      ['Сайт', '10 000', '', '10 000'],
      ['Радио', '5 000', '0', '5 000'],
      // January 30 000 + 10 000 + 5 000; February 20 000 + (nothing) + 0; the «Итого» column is not read.
      ['', '45 000', '20 000', '65 000'],
    ]);
    const { rows, report } = await read(file);
    expect(rows).toEqual([row('2025-01', 'Яндекс', 30000), row('2025-02', 'Яндекс', 20000), row('2025-01', 'Сайт', 10000), row('2025-01', 'Радио', 5000), row('2025-02', 'Радио', 0)]);
    expect(total(rows)).toBe(65_000);
    expect(report).toMatchObject({ rowsRead: 4, records: 3, skippedCount: 0, dropped: { 'totals row': 1 } });
  });

  it('months across without an «Итого» column, and subtotals under each group with a grand total under them all', async () => {
    const file = put(
      'spend-wide-subtotals.csv',
      csv(
        [
          ['Канал', 'Январь 2025', 'Февраль 2025'],
          ['Яндекс', '30 000', '20 000'],
          ['VK', '10 000,50', '5 000'],
          ['', '40 000,50', '25 000'],
          ['Радио', '5 000', ''],
          ['Выставка', '1 000', '2 000'],
          ['', '6 000', '2 000'],
          // All four channels: 46 000,50 and 27 000 (the subtotals are not added in).
          ['', '46 000,50', '27 000'],
        ],
        { delimiter: ';' },
      ),
    );
    const { rows, report } = await read(file);
    expect(rows.map((r) => r.source)).toEqual(['Яндекс', 'Яндекс', 'VK', 'VK', 'Радио', 'Выставка', 'Выставка']);
    expect(total(rows)).toBe(73_000.5);
    expect(report.dropped).toEqual({ 'totals row': 3 });
  });

  it('a long table: a month\'s sums row within that month, a held ambiguous amount counted in its order', async () => {
    const file = put(
      'spend-long-unlabelled-totals.csv',
      csv(
        [
          ['Месяц', 'Источник', 'Расход'],
          ['2025-01', 'Яндекс', '30 000'],
          ['2025-01', 'Сайт', '10 000'],
          ['2025-01', 'Радио', '5 000'],
          ['2025-01', '', '45 000'],
          ['2025-02', 'Яндекс', '1,234'],
          ['2025-02', 'Радио', '1,266'],
          // `2,5` says the comma is decimal: 1,234 + 1,266, the rows held until then.
          ['2025-02', '', '2,5'],
        ],
        { delimiter: ';' },
      ),
    );
    const { rows, report } = await read(file);
    expect(rows).toEqual([row('2025-01', 'Яндекс', 30000), row('2025-01', 'Сайт', 10000), row('2025-01', 'Радио', 5000), row('2025-02', 'Яндекс', 1.234), row('2025-02', 'Радио', 1.266)]);
    expect(report).toMatchObject({ records: 5, skippedCount: 0, dropped: { 'totals row': 2 } });
  });

  it('a workbook\'s =SUM row with no name, read by its cached values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Бюджет');
    ws.addRow(['Канал', 'Январь 2025', 'Февраль 2025', 'Итого']);
    ws.addRow(['Яндекс', 30000, 20000, { formula: 'B2+C2', result: 50000 }]);
    ws.addRow(['Сайт', 10000, null, { formula: 'B3+C3', result: 10000 }]);
    ws.addRow(['Радио', 5000, 0, { formula: 'B4+C4', result: 5000 }]);
    ws.addRow([null, { formula: 'SUM(B2:B4)', result: 45000 }, { formula: 'SUM(C2:C4)', result: 20000 }, { formula: 'SUM(D2:D4)', result: 65000 }]);
    const { rows, report } = await read(put('spend-wide-unlabelled-sum.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(total(rows)).toBe(65_000);
    expect(rows).toHaveLength(5);
    expect(report.dropped).toEqual({ 'totals row': 1 });
  });

  it.each([
    ['a kopeck off the sum', ['20 000', '', '0'], ['', '45 000,01', '20 000', '65 000,01'], 65_000.01],
    ['one month the sum, the other not', ['20 000', '', '0'], ['', '45 000', '2 000', '47 000'], 47_000],
    ['an empty month whose rows above spent', ['20 000', '', '0'], ['', '45 000', '', '45 000'], 45_000],
    ['a month the rows above left empty filled', ['', '', ''], ['', '45 000', '20 000', '65 000'], 65_000],
  ])('a row with no source is spend, not totals: %s', async (name, february, last, noSource) => {
    const body = [['Яндекс', '30 000', february[0]!, ''], ['Сайт', '10 000', february[1]!, ''], ['Радио', '5 000', february[2]!, ''], last];
    const { rows, report } = await read(wide(`spend-wide-not-totals-${name.replace(/\W+/g, '-')}.csv`, body));
    expect(rows.filter((r) => r.source === '').reduce((sum, r) => sum + r.amount, 0)).toBe(noSource);
    expect(report.dropped).toEqual({});
  });

  // The tester's other file: the sums row named «Сумма» (not a totals word of every table) doubled the spend as well.
  it('a sums row named «Сумма» is the totals too; a «Сумма» row that is no sum is a source', async () => {
    const body = [['Яндекс', '30 000', '20 000', '50 000'], ['Сайт', '10 000', '', '10 000'], ['Радио', '5 000', '0', '5 000']];
    const named = await read(wide('spend-wide-summa-row.csv', [...body, ['Сумма', '45 000', '20 000', '65 000']]));
    expect(total(named.rows)).toBe(65_000);
    expect(named.report.dropped).toEqual({ 'totals row': 1 });
    const other = await read(wide('spend-wide-summa-source.csv', [...body, ['Сумма', '1 000', '', '1 000']]));
    expect(other.rows.at(-1)).toEqual(row('2025-01', 'Сумма', 1000));
    expect(total(other.rows)).toBe(66_000);
  });

  it('a row with no source under one row alone, or under a row with no source it would repeat, is spend', async () => {
    const one = await read(wide('spend-wide-one-row-above.csv', [['Яндекс', '30 000', '20 000', '50 000'], ['', '30 000', '20 000', '50 000']]));
    expect(total(one.rows)).toBe(100_000);
    expect(one.report.dropped).toEqual({});
    // Two months of spend with no source, the same both months: the second is no sum of two rows.
    const long = await read(put('spend-long-no-source-twice.csv', csv([['Месяц', 'Источник', 'Расход'], ['2025-01', 'Яндекс', '1 000'], ['2025-01', '', '700'], ['2025-02', '', '700']], { delimiter: ';' })));
    expect(long.rows).toEqual([row('2025-01', 'Яндекс', 1000), row('2025-01', '', 700), row('2025-02', '', 700)]);
    // A month's rows summed in another month are not its sum.
    const months = await read(put('spend-long-other-month.csv', csv([['Месяц', 'Источник', 'Расход'], ['2025-01', 'Яндекс', '1 000'], ['2025-01', 'Сайт', '500'], ['2025-02', '', '1 500']], { delimiter: ';' })));
    expect(total(months.rows)).toBe(3_000);
    expect(months.report.dropped).toEqual({});
  });
});

describe('spend: columns', () => {
  it('names a missing column with the closest one and a --map snippet ready to paste', async () => {
    const file = put('spend-without-amount.csv', csv([['Месяц', 'Источник', 'Траты на рекламу'], ['2024-07', 'Сайт', '100']], { delimiter: ';' }));
    const error = await read(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ColumnsMissing);
    const missing = error as ColumnsMissing;
    expect(missing.kind).toBe('spend');
    expect(missing.missing).toEqual([{ field: 'amount', candidates: ['Траты на рекламу'] }]);
    expect(missing.hint).toContain('spend:\n  columns:\n    amount: "Траты на рекламу"    # the closest column: check');
    expect(describeUserError(missing, 'ru')).toContain('не найдена колонка для суммы (amount) (ближайшие колонки: «Траты на рекламу»)');
  });

  it('takes --map column assignments from the spend section of a map file', async () => {
    const file = put('spend-own-headers.csv', csv([['Когда', 'Откуда', 'Потратили'], ['2024-07', 'Сайт', '100']], { delimiter: ';' }));
    put('spend-map.yaml', 'spend:\n  columns:\n    month: Когда\n    source: Откуда\n    amount: "#3"\n');
    const overrides = await loadOverrides('spend-map.yaml', dir, process.stdin);
    expect(overrides.columns.spend).toEqual({ month: 'Когда', source: 'Откуда', amount: '#3' });
    const { rows } = await read(file, importOptionsFor('spend', opts(), overrides));
    expect(rows).toEqual([row('2024-07', 'Сайт', 100)]);
  });

  it('refuses a map file that gives a spend section values to map', async () => {
    put('spend-map-with-statuses.yaml', 'spend:\n  status:\n    Оплачено: won\n');
    await expect(loadOverrides('spend-map-with-statuses.yaml', dir, process.stdin)).rejects.toMatchObject({ code: 'E_MAP_SCHEMA' });
  });
});

describe('the bundled samples/spend.csv', () => {
  it('has every month of the deals and every deal source once a month, and one source no deal has', async () => {
    const samples = path.resolve('samples');
    const { rows, report } = await importSpend('spend.csv', { cwd: samples, stdin: process.stdin });
    const { store } = await importDeals('amocrm-deals.csv', { cwd: samples, stdin: process.stdin });
    const deals = store.toDeals();
    expect(report.table).toMatchObject({ encoding: 'windows-1251', delimiter: ';' });
    expect(report).toMatchObject({ skippedCount: 0, dropped: { 'totals row': 1 } });
    const months = [...new Set(deals.map((d) => new Date(d.created_at).toISOString().slice(0, 7)))].sort();
    const sources = [...new Set(deals.map((d) => d.source))].sort();
    expect(sources).toEqual(['Выставка', 'Звонок', 'Реклама', 'Рекомендация', 'Сайт']);
    const pairs = (list: SpendRow[]) => list.map((r) => `${r.month} ${r.source}`).sort();
    expect(pairs(rows.filter((r) => sources.includes(r.source)))).toEqual(months.flatMap((m) => sources.map((s) => `${m} ${s}`)).sort());
    const unmatched = rows.filter((r) => !sources.includes(r.source));
    expect(new Set(unmatched.map((r) => r.source))).toEqual(new Set(['Радио']));
    // Spend differs per source, so CAC and ROMI do.
    const bySource = new Map<string, number>();
    for (const r of rows) bySource.set(r.source, (bySource.get(r.source) ?? 0) + r.amount);
    expect(new Set(bySource.values()).size).toBe(bySource.size);
  });
});

