// A file whose first rows name no column the importer knows: no row of data is taken for the header;
// the error shows the first rows and a --map snippet naming the columns by number, and that snippet,
// pasted, reads the file with every row as data.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { importActivities, importDeals, type ImportOptions } from '../../../src/io/map/import.js';
import { noHeaderError } from '../../../src/io/map/no-header.js';
import { at } from '../../helpers/fixtures.js';
import { csv } from '../../fixtures/exports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-no-header-'));
const put = (name: string, rows: string[][]) => (writeFileSync(path.join(dir, name), csv(rows)), name);
const opts = (columns?: Record<string, string>): ImportOptions => ({ cwd: dir, stdin: process.stdin, ...(columns ? { columns } : {}) });

// A deals export without its header row: its status cell «won» is a known name (of the deals' `won` field).
const HEADERLESS = [
  ['100', 'Иванов Иван', 'ООО Ромашка', '2024-01-05 10:00:00', 'won', '15000'],
  ['101', 'Петрова Анна', 'Клиент 2', '2024-01-06 11:00:00', 'lost', '2000'],
  ['102', 'Петрова Анна', 'Клиент 3', '2024-01-07 11:00:00', 'open', '3000'],
];

describe('a file with no header row the run knows', () => {
  it('is refused naming no data row as its header: the first rows and a --map snippet by number, guessed from the values', async () => {
    const error = await importDeals(put('headerless.csv', HEADERLESS), opts()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_NO_HEADER');
    expect(describeUserError(error as UserError, 'en')).toBe(
      [
        'headerless.csv: no header row with known deals columns in the first 30 rows: no row names the columns of a deals export, so none is taken for the header',
        '  hint: is this a deals export? The first rows:',
        '  row 1: "100", "Иванов Иван", "ООО Ромашка", "2024-01-05 10:00:00", "won", "15000"',
        '  row 2: "101", "Петрова Анна", "Клиент 2", "2024-01-06 11:00:00", "lost", "2000"',
        '  row 3: "102", "Петрова Анна", "Клиент 3", "2024-01-07 11:00:00", "open", "3000"',
        'If the file has no header row (or one with names the product does not know), name the columns by number in a --map file and pass it with --map: a first row of data is then read as data. This one is ready to paste, check each column:',
        'deals:',
        '  columns:',
        '    manager: "#2"    # "Иванов Иван", "Петрова Анна": check',
        '    created_at: "#4"    # "2024-01-05 10:00:00", "2024-01-06 11:00:00": check',
        '    id: "#1"    # "100", "101": check',
        '    stage: "#5"    # "won", "lost": check',
        '    amount: "#6"    # "15000", "2000": check',
        '    # other columns: #3 "ООО Ромашка"',
        '',
        'If the columns are split wrongly, check the delimiter (--delimiter).',
      ].join('\n'),
    );
    const ru = describeUserError(error as UserError, 'ru');
    expect(ru).toContain('headerless.csv: в первых 30 строках нет строки заголовка с известными колонками (сделки)');
    expect(ru).toContain('  подсказка: это точно выгрузка сделок? Первые строки:\n  строка 1: «100», «Иванов Иван»');
    expect(ru).toContain('    manager: "#2"    # «Иванов Иван», «Петрова Анна»: проверьте');
  });

  it('is read whole with a --map naming columns by number: the first row is data, not a header', async () => {
    const { store, report } = await importDeals('headerless.csv', opts({ id: '#1', manager: '#2', client: '#3', created_at: '#4', status: '#5', amount: '#6' }));
    expect(store.toDeals().map((d) => [d.id, d.manager, d.status, d.amount, d.created_at])).toEqual([
      ['100', 'Иванов Иван', 'won', 15000, at('2024-01-05 10:00:00')],
      ['101', 'Петрова Анна', 'lost', 2000, at('2024-01-06 11:00:00')],
      ['102', 'Петрова Анна', 'open', 3000, at('2024-01-07 11:00:00')],
    ]);
    expect(report.headerRow).toBe(0);
    expect(report.columns.map((c) => c.header)).toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    expect(report.rowsRead).toBe(3);
  });

  it('keeps a first row of names it does not know as the header when the --map names columns by number', async () => {
    const file = put('unknown-names.csv', [['Кто', 'Когда', 'Канал'], ['Иванов Иван', '2024-01-05 10:00:00', 'out']]);
    const list: unknown[] = [];
    const { report } = await importActivities(file, opts({ manager: '#1', at: '#2', direction: '#3' }), (a) => list.push(a));
    expect(report.headerRow).toBe(1);
    expect(list).toHaveLength(1);
  });

  it('with a --map naming headers the file does not have, and a first row of data, is refused the same way (no data shown as column names)', async () => {
    const error = await importDeals('headerless.csv', opts({ manager: 'Менеджер' })).catch((e: unknown) => e);
    expect((error as UserError).code).toBe('E_NO_HEADER');
  });

  // T40 F15: a close date column left among «other columns»: the pasted snippet read no deal closed, the renamed won stage was never asked, 0 won.
  it('offers a deals file\'s second date column, empty on the open deals, as the close date', async () => {
    const rows = HEADERLESS.map((r, i) => [...r, i === 2 ? '' : `2024-02-0${i + 1}`]);
    const error = await importDeals(put('headerless-closed.csv', rows), opts()).catch((e: unknown) => e);
    const en = describeUserError(error as UserError, 'en');
    expect(en).toContain('    amount: "#6"    # "15000", "2000": check\n    closed_at: "#7"    # "2024-02-01", "2024-02-02", empty on open deals: check\n    # other columns: #3 "ООО Ромашка"');
    expect(describeUserError(error as UserError, 'ru')).toContain('    closed_at: "#7"    # «2024-02-01», «2024-02-02», пустая у открытых сделок: проверьте');
    // Filled on every row, a second date is no close date by its values (a modified date): among the other columns.
    const filled = await importDeals(put('headerless-dated.csv', HEADERLESS.map((r, i) => [...r, `2024-02-0${i + 1}`])), opts()).catch((e: unknown) => e);
    expect(describeUserError(filled as UserError, 'en')).toContain('# other columns: #3 "ООО Ромашка", #7 "2024-02-01"');
  });

  it('guesses each field the kind needs from the values: a date for a date, a month for a month, a number for an amount or a target', () => {
    const rows = (cells: string[][]) => cells.map((c, i) => ({ cells: c, row: i + 1 }));
    const snippet = (kind: 'activities' | 'payments' | 'spend' | 'plan', cells: string[][]) => String((noHeaderError('f.csv', kind, rows(cells), 30).params as { snippet: string }).snippet);
    expect(snippet('activities', [['05.07.2024 10:00', 'Иванов', 'Исходящий', '60']])).toBe('activities:\n  columns:\n    manager: "#2"    # "Иванов": check\n    at: "#1"    # "05.07.2024 10:00": check\n    # other columns: #3 "Исходящий", #4 "60"');
    // A source is not required (a spend file by month alone is the department's): listed among the other columns.
    expect(snippet('spend', [['2024-07', 'Яндекс Директ', '15 000']])).toBe('spend:\n  columns:\n    month: "#1"    # "2024-07": check\n    amount: "#3"    # "15 000": check\n    # other columns: #2 "Яндекс Директ"');
    expect(snippet('plan', [['Иванов', '2024-07', '10', '5', '100000']])).toContain('    month: "#2"    # "2024-07": check\n    manager: "#1"    # "Иванов": check\n    leads: "#3"    # "10": check\n    # other columns: #4 "5", #5 "100000"');
    expect(snippet('payments', [['100', '15000', '21.01.2025']])).toBe('payments:\n  columns:\n    deal_id: "#1"    # "100": check\n    paid: "#2"    # "15000": check\n    # other columns: #3 "21.01.2025"');
    // A field no column fits is left for the user to number.
    expect(snippet('activities', [['Иванов', 'Исходящий']])).toContain('    at: "<column number, e.g. #3>"');
  });

  // A file of empty lines printed «The first rows:» followed by nothing, and a snippet of placeholders.
  it('a file of empty lines only is said to be empty, with no rows to show and no snippet', () => {
    const error = noHeaderError('f.csv', 'deals', [{ cells: [''], row: 1 }, { cells: ['', ' '], row: 2 }], 30);
    expect([error.code, error.messageId]).toEqual(['E_NO_HEADER', 'import.onlyBlankLines']);
    expect(error.message).toBe('the file holds only empty lines: no header and no data');
  });
});

describe('the --map snippet of a headerless deals file', () => {
  // A reviewer's Bitrix24 export without its header: the snippet took the deal title («Сделка 0») for the manager and left out stage and amount.
  it('takes the column of people’s names for the manager, the stage words for the stage, and the id before the amount', () => {
    const rows = [
      ['200', 'Сделка 0', 'Сделка успешна', '1000', 'RUB', 'Иванов Иван', '01.03.2024 10:00:00', 'ООО 0'],
      ['201', 'Сделка 1', 'Сделка провалена', '2000', 'RUB', 'Петрова Мария', '02.03.2024 10:00:00', 'ООО 1'],
    ].map((cells, i) => ({ cells, row: i + 1 }));
    const snippet = String((noHeaderError('f.csv', 'deals', rows, 30).params as { snippet: string }).snippet);
    expect([...snippet.matchAll(/^ {4}(\w+): "(#\d+)"/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['manager #6', 'created_at #7', 'id #1', 'stage #3', 'amount #4']);
  });

  // A Kommo export without its header: the deal title «Acme supply» has a name's shape (two words of
  // letters), and came before the manager; the manager is the column written as people's names.
  it('takes the column written as names («Anna Smith») before a title of a name’s shape only («Acme supply»)', () => {
    const rows = [
      ['300', 'Acme supply', 'Closed - won', '1000', 'Anna Smith', '01.03.2024 10:00:00'],
      ['301', 'Boston order', 'Closed - lost', '2000', 'Bob Stone', '02.03.2024 10:00:00'],
    ].map((cells, i) => ({ cells, row: i + 1 }));
    const snippet = String((noHeaderError('f.csv', 'deals', rows, 30).params as { snippet: string }).snippet);
    expect(snippet).toMatch(/^ {4}manager: "#5"/m);
  });

  // A tester: a Salesforce report's «Type», «New Customer» on every deal, was proposed as the manager (a name's shape).
  it('passes over a column of one value on every row for the manager, unless no other column fits', () => {
    const rows = (cells: string[][]) => cells.map((c, i) => ({ cells: c, row: i + 1 }));
    const snippet = (cells: string[][]) => String((noHeaderError('f.csv', 'deals', rows(cells), 30).params as { snippet: string }).snippet);
    const sample = [
      ['New Customer', 'asmit', '01.03.2024 10:00:00'],
      ['New Customer', 'bjone', '02.03.2024 10:00:00'],
      ['New Customer', 'asmit', '03.03.2024 10:00:00'],
    ];
    expect(snippet(sample)).toMatch(/^ {4}manager: "#2"/m);
    // A team of one: its one manager on every row is still proposed.
    expect(snippet(sample.map((r) => [r[0]!, r[2]!]))).toMatch(/^ {4}manager: "#1"/m);
  });
});

// A tester: a header line split by «,» over rows split by «;» (a half re-saved export) got a "ready"
// snippet by number that could not work: with it the file split by the header's comma, into one column.
describe('a header and rows split by different delimiters', () => {
  const MIXED = ['ID,Ответственный,Этап сделки,Бюджет,Дата создания', '1;Иванов;Успешно реализовано;1000;01.03.2025', '2;Петров;Первичный контакт;2000;02.03.2025', ''].join('\n');

  it('is said as such, in both languages, with no snippet', async () => {
    writeFileSync(path.join(dir, 'mixed.csv'), MIXED);
    const error = (await importDeals('mixed.csv', opts()).catch((e: unknown) => e)) as UserError;
    expect(error.code).toBe('E_NO_HEADER');
    const en = describeUserError(error, 'en');
    expect(en).toMatch(/^mixed\.csv: the header and the data rows use different delimiters: row 1 \(the header\) splits by commas \(","\) into 5 columns, and the data rows by another delimiter \(row 2 has as many\)/);
    expect(en).toContain('hint: save the file again with one delimiter');
    expect(en).not.toContain('columns:');
    const ru = describeUserError(error, 'ru');
    expect(ru).toContain('строка 1 (заголовок) делится запятыми («,») на 5 колонок, а строки с данными — другим разделителем');
    expect(ru).not.toMatch(/ready|check|header/);
  });

  it('rows ending with their delimiter (Bitrix24\'s) count one empty cell more', () => {
    const rows = [{ cells: ['ID;Ответственный;Этап сделки'], row: 1 }, { cells: ['1', 'Иванов', 'won', ''], row: 2 }, { cells: ['2', 'Петров', 'lost', ''], row: 3 }];
    expect(noHeaderError('b.csv', 'deals', rows, 30).messageId).toBe('import.mixedDelimiters');
  });

  it('a one-cell title over a headerless file is no header split apart: the snippet by number stays', () => {
    const title = [{ cells: ['Сделки, март'], row: 1 }, { cells: ['1', 'Иванов'], row: 2 }, { cells: ['2', 'Петров'], row: 3 }];
    expect(noHeaderError('t.csv', 'deals', title, 30).messageId).toBe('import.noHeaderRow');
    const uneven = [{ cells: ['a,b,c'], row: 1 }, { cells: ['1', '2'], row: 2 }, { cells: ['1', '2'], row: 3 }];
    expect(noHeaderError('u.csv', 'deals', uneven, 30).messageId).toBe('import.noHeaderRow');
  });
});
