import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { csv } from '../../fixtures/exports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-guess-'));
const put = (name: string, rows: string[][]) => (writeFileSync(path.join(dir, name), csv(rows, { delimiter: ';' })), name);
const guess = (name: string) => guessKind(name, { cwd: dir, stdin: process.stdin });

describe('guessKind', () => {
  it('tells spend and plan tables from exports by their headers', async () => {
    expect(await guess(put('guess-spend.csv', [['Месяц', 'Источник', 'Расход'], ['2024-07', 'Сайт', '100']]))).toBe('spend');
    expect(await guess(put('guess-plan.csv', [['Менеджер', 'Месяц', 'Лиды', 'Выручка'], ['Иванов', '2024-07', '10', '100']]))).toBe('plan');
    expect(await guess(put('guess-payments.csv', [['ID сделки', 'Ответственный', 'Сумма счета', 'Оплачено'], ['1', 'Иванов', '100', '100']]))).toBe('payments');
    // A short deals export that shares two names with spend and with a plan: a tie goes to the earlier kind.
    expect(await guess(put('guess-short-deals.csv', [['Менеджер', 'Бюджет', 'Дата'], ['Иванов', '100', '2024-07-01']]))).toBe('deals');
  });

  // One name of another kind («Откуда», a call log's caller) says no kind: kpi and map read such a file as deals, and inspect too.
  it('takes a header whose one known name is another kind\'s, and no name only that kind has, as deals', async () => {
    expect(await guess(put('guess-one-name.csv', [['Номер', 'Кто ведёт', 'Когда', 'Откуда'], ['1', 'Иванов', '02.03.2024', 'Звонок']]))).toBe('deals');
    // One name only a call log has says it.
    expect(await guess(put('guess-telling.csv', [['Номер', 'Кто ведёт', 'Длительность разговора'], ['1', 'Иванов', '60']]))).toBe('activities');
  });

  it('names every kind it knows when no header matches, in both languages, with the first rows and a --map snippet by number', async () => {
    const error = await guess(put('guess-nothing.csv', [['Кто', 'Когда'], ['x', 'y']])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_NO_HEADER');
    const en = describeUserError(error as UserError, 'en');
    expect(en).toMatch(/^guess-nothing\.csv: no header row in the first 30 rows: no row names deal, activity, payment, spend or plan columns, so none is taken for the header\n {2}hint: the first rows:\n {2}row 1: "Кто", "Когда"\n {2}row 2: "x", "y"\n/);
    // Without a kind, the snippet is a deals export's, and says how to make it another kind's.
    expect(en).toContain('ready to paste (for a deals export; for another kind of file, pass --kind and put the columns under activities:, payments:, spend: or plan:)');
    expect(describeUserError(error as UserError, 'ru')).toContain('ни одна строка не называет колонки сделок, звонков и действий, платежей, расходов или плана');
  });

  it('takes no kind from a row of data that holds one known value (a headerless deals file whose status cell is «won»)', async () => {
    const error = await guess(put('guess-headerless.csv', [['100', 'Иванов Иван', '2024-01-05 10:00:00', 'won', '15000'], ['101', 'Петрова Анна', '2024-01-06 11:00:00', 'lost', '2000']])).catch((e: unknown) => e);
    expect((error as UserError).code).toBe('E_NO_HEADER');
    expect((error as UserError).hint).toContain('  row 1: "100", "Иванов Иван", "2024-01-05 10:00:00", "won", "15000"');
  });
});

// A tester: a workbook whose first sheet is two note lines and whose deals are on sheet 2 was refused by
// inspect and map (their kind was guessed from the first sheet), while kpi -d read sheet 2.
describe('guessKind of a workbook picks the sheet kpi reads', () => {
  const book = async (name: string, sheets: Array<[string, string[][]]>) => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    for (const [title, rows] of sheets) wb.addWorksheet(title).addRows(rows);
    writeFileSync(path.join(dir, name), Buffer.from(await wb.xlsx.writeBuffer()));
    return name;
  };
  const deals = [['ID', 'Ответственный', 'Этап сделки', 'Бюджет', 'Дата создания'], ['1', 'Иванов', 'Успешно реализовано', '1000', '01.03.2025']];

  it('a first sheet of notes (short, or longer than the header search) gives way to the sheet of deals', async () => {
    expect(await guess(await book('notes-first.xlsx', [['Инфо', [['Выгрузка от 01.04.2025'], ['Сформировано CRM']]], ['Сделки', deals]]))).toBe('deals');
    const notes = Array.from({ length: 40 }, (_, i) => [`Примечание ${i + 1}`]);
    expect(await guess(await book('long-notes-first.xlsx', [['Инфо', notes], ['Звонки', [['Дата звонка', 'Сотрудник', 'Длительность звонка'], ['01.03.2025', 'Иванов', '60']]]]))).toBe('activities');
  });

  it('where no sheet names a column, refuses naming the sheet read and the others to pass with --sheet', async () => {
    const error = (await guess(await book('no-header.xlsx', [['Инфо', [['Выгрузка от 01.04.2025']]], ['Графики', [['x', 'y'], ['1', '2']]], ['Ещё', [['a'], ['b']]]])).catch((e: unknown) => e)) as UserError;
    expect(error.code).toBe('E_NO_HEADER');
    expect(describeUserError(error, 'en')).toMatch(/ on sheet "Инфо"\n {2}hint: the data may be on another sheet: pass --sheet with one of "Графики", "Ещё"$/);
    expect(describeUserError(error, 'ru')).toMatch(/ на листе «Инфо»\n {2}подсказка: данные могут быть на другом листе: укажите --sheet, один из: «Графики», «Ещё»$/);
  });

  it('a sheet named with --sheet is judged as it is, and a CSV as before', async () => {
    const name = await book('sheet-given.xlsx', [['Инфо', [['Выгрузка от 01.04.2025']]], ['Сделки', deals]]);
    const error = (await guessKind(name, { cwd: dir, stdin: process.stdin, sheet: 'Инфо' }).catch((e: unknown) => e)) as UserError;
    expect(error.code).toBe('E_NO_HEADER');
    expect(error.message).not.toContain('sheet');
    expect(await guessKind(name, { cwd: dir, stdin: process.stdin, sheet: '2' })).toBe('deals');
  });
});

// A tester (tT18 F5): a Salesforce Task extract (Data Loader) was read by inspect and map as deals: its
// generic API columns matched the Opportunity profile (6 headers) before the task's own profile (8)
// was asked, while kpi -a read it as the call log it is.
describe('guessKind of API extracts whose generic columns match profiles of several kinds', () => {
  const task = ['Id', 'WhoId', 'WhatId', 'Subject', 'ActivityDate', 'Status', 'OwnerId', 'IsDeleted', 'AccountId', 'IsClosed', 'CreatedDate'];
  const taskRow = ['00T1', '', '0061', 'Call', '2025-02-10', 'Completed', '0051', 'false', '0011', 'true', '2025-02-10T09:20:00.000Z'];

  it('a Task extract with its call columns is activities', async () => {
    const header = [...task, 'TaskSubtype', 'CallType', 'CallDurationInSeconds', 'CallDisposition', 'CompletedDateTime'];
    expect(await guess(put('sf-task-calls.csv', [header, [...taskRow, 'Call', 'Outbound', '90', 'Reached', '2025-02-10T09:20:00.000Z']]))).toBe('activities');
  });

  // Six of the Opportunity profile's headers against four of the Task profile's: the task's own (WhoId, WhatId, ActivityDate) decide.
  it('a Task extract without call columns is activities too, by the headers only a task has', async () => {
    expect(await guess(put('sf-task-plain.csv', [task, taskRow]))).toBe('activities');
  });

  it('an Opportunity extract stays deals, with every generic column or few of them', async () => {
    const full = ['Id', 'IsDeleted', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'IsClosed', 'IsWon', 'OwnerId', 'CreatedDate'];
    expect(await guess(put('sf-opp-full.csv', [full, ['0061', 'false', '0011', 'Alfa', 'Closed Won', '100.0', '2025-02-20', 'true', 'true', '0051', '2025-02-01T08:00:00.000Z']]))).toBe('deals');
    const few = ['Id', 'OwnerId', 'IsClosed', 'CreatedDate', 'AccountId'];
    expect(await guess(put('sf-opp-few.csv', [few, ['0061', '0051', 'false', '2025-02-01T08:00:00.000Z', '0011']]))).toBe('deals');
  });

  // Pipedrive's API names an activity's columns as its deal's (add_time, owner_name, org_name, person_name: the deals
  // profile's four); its due_time and duration are a call log's alone.
  it('Pipedrive activities through the API are activities; its deals stay deals', async () => {
    const acts = ['id', 'user_id', 'deal_id', 'type', 'subject', 'done', 'due_date', 'due_time', 'duration', 'add_time', 'owner_name', 'org_name', 'person_name'];
    expect(await guess(put('pd-acts.csv', [acts, ['1', '7', '12', 'call', 'Call', '1', '2025-02-10', '09:20', '00:05', '2025-02-09 10:00:00', 'Ann', 'Alfa', 'Bob']]))).toBe('activities');
    const deals = ['id', 'title', 'value', 'add_time', 'status', 'won_time', 'lost_time', 'stage_id', 'owner_name', 'org_name', 'person_name'];
    expect(await guess(put('pd-deals.csv', [deals, ['12', 'Alfa', '100', '2025-02-01 08:00:00', 'won', '2025-02-20 10:00:00', '', '3', 'Ann', 'Alfa', 'Bob']]))).toBe('deals');
  });
});
