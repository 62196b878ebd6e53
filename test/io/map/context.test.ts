import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import type { Activity } from '../../../src/core/records.js';
import { DateOrders, unreadValue } from '../../../src/io/map/context.js';
import { rowReason } from '../../../src/core/messages.js';
import { importActivities, importDeals, importPayments, type ImportOptions } from '../../../src/io/map/import.js';

/** A file written from its lines into a fresh temp folder, and the options that read it. */
function put(lines: string[]): { name: string; options: ImportOptions } {
  const dir = mkdtempSync(path.join(tmpdir(), 'context-'));
  writeFileSync(path.join(dir, 'f.csv'), `${lines.join('\n')}\n`);
  return { name: 'f.csv', options: { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1000 } } };
}

// Every flag the importer reads is read in the one list of yes and no words (values.ts, yesNo), Excel's
// localised TRUE and FALSE among them; a value none of them is a row said, never a no read silently.
describe('an activity\'s flags in the words a localised Excel writes', () => {
  it('a missed flag (is_lost) VRAI / FAUX, and IsDeleted PRAWDA dropped; IsDeleted of no rule skips its row, naming it', async () => {
    const { name, options } = put([
      'Manager,Date,Type,Direction,is_lost,IsDeleted',
      'Anna Smith,2024-01-10 10:00,Call,Incoming,VRAI,FAUX',
      'Anna Smith,2024-01-10 11:00,Call,Incoming,FAUX,FAŁSZ',
      'Anna Smith,2024-01-10 12:00,Call,Outgoing,FAUX,PRAWDA',
      'Anna Smith,2024-01-10 13:00,Call,Outgoing,FAUX,PEUT-ETRE',
    ]);
    const list: Activity[] = [];
    const { report } = await importActivities(name, options, (a) => list.push({ ...a }));
    expect(list.map((a) => [a.direction, a.missed])).toEqual([['in', true], ['in', false]]);
    expect(report.dropped['deleted record (IsDeleted: in the recycle bin)']).toBe(1);
    expect(report.skipped).toEqual([expect.objectContaining({ row: 5, column: 'IsDeleted', reason: '"PEUT-ETRE" is neither a yes nor a no' })]);
  });
});

describe('a payment\'s deleted flag', () => {
  it('WAHR drops the payment, FALSCH keeps it, a value of no rule skips its row', async () => {
    const { name, options } = put(['Deal ID,Paid,IsDeleted', '1,1000,FALSCH', '2,2000,WAHR', '3,3000,vielleicht']);
    const { payments, report } = await importPayments(name, options);
    expect(payments.map((p) => [p.deal_id, p.paid])).toEqual([['1', 1000]]);
    expect(report.skipped).toEqual([expect.objectContaining({ row: 4, column: 'IsDeleted', reason: '"vielleicht" is neither a yes nor a no' })]);
  });
});

// A column of both day-month orders names both sides by their rows (a tester: «например, «10/25/2025»»
// alone left a 10,000-row export to search): the value that showed the order, and the one against it.
describe('DateOrders, a column of both orders', () => {
  const mixed = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e as UserError;
    }
    throw new Error('no error');
  };

  it('names the day-first and the month-first value of the column with their rows', () => {
    const d = new DateOrders(undefined, ['Created', 'Close Date'], 'a.csv');
    expect(d.observe(1, '03/04/2025', 2)).toBe(true);
    expect(d.observe(1, ' 25/10/2025', 41)).toBe(false);
    const e = mixed(() => d.observe(1, '10/25/2025', 42));
    expect(e.code).toBe('E_DATE_MIXED');
    expect(e.where).toEqual({ file: 'a.csv', column: 'Close Date' });
    expect(e.message).toBe('column "Close Date" mixes day-first and month-first dates: row 41: "25/10/2025", day first; row 42: "10/25/2025", month first');
    expect(e.hint).toBe('fix the column, or pass --date-format DD/MM/YYYY or MM/DD/YYYY');
  });

  it('the month-first value first: the day-first side is still named first', () => {
    const d = new DateOrders(undefined, ['Close Date'], 'a.csv');
    d.observe(0, '10/25/2025', 7);
    expect(mixed(() => d.observe(0, '25/10/2025', 9)).message).toContain('row 9: "25/10/2025", day first; row 7: "10/25/2025", month first');
  });

  it('an order taken from the file\'s other date column names that column\'s value', () => {
    const d = new DateOrders(undefined, ['Created', 'Close Date'], 'a.csv');
    d.observe(0, '03/04/2025', 2);
    d.observe(1, '7/23/2024', 2);
    expect(d.orderFor(0)).toBe('mdy');
    expect(mixed(() => d.observe(0, '25/7/2024', 5)).message).toBe('column "Created" holds a date in the other order than the file\'s other date columns (one system writes every date of an export in one order): row 5, column "Created": "25/7/2024", day first; row 2, column "Close Date": "7/23/2024", month first');
  });

  it('an order borrowed from another file names that file and the order read', () => {
    const d = new DateOrders(undefined, ['Activity Date'], 'calls.csv');
    d.observe(0, '03/04/2025', 2);
    d.borrow('mdy', 'deals.csv');
    expect(mixed(() => d.observe(0, '25/04/2025', 30)).message).toBe('the dates of column "Activity Date" were read as MM/DD/YYYY, as in deals.csv, but row 30 holds "25/04/2025", in the other order');
  });
});

// A tester: 25.02.2025 and 27.02.2025 beside 03/02/2025 stopped with «no column has a day above 12», which
// reads false. Dates written with dots are day first but do not settle slash dates: another program wrote
// those (Excel with US settings re-saves the slash dates it can parse month first). The message says so.
describe('slash dates no order settles, beside dates written with dots', () => {
  const head = 'ID;Ответственный;Бюджет;Этап сделки;Дата создания;Дата закрытия';
  const errorOf = async (lines: string[], lang: 'en' | 'ru' = 'en'): Promise<UserError> => {
    const { name, options } = put([head, ...lines]);
    try {
      await importDeals(name, { ...options, maxBadRows: undefined });
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return e as UserError;
    }
    throw new Error(`no error (${lang})`);
  };

  it('stop, naming a dotted date and its column, and saying that only slash dates settle the order', async () => {
    const e = await errorOf(['1;A;100;Успешно реализовано;25.02.2025;26.02.2025', '2;A;100;Успешно реализовано;27.02.2025;28.02.2025', '3;A;100;Успешно реализовано;03/02/2025;28.02.2025']);
    expect(e.code).toBe('E_DATE_AMBIGUOUS');
    expect(e.messageId).toBe('map.datesAmbiguousDotted');
    expect(e.message).toBe('the dates written with slashes in column "Дата создания" can be read day-first or month-first: none of the slash dates read has a day above 12. The dates written with dots (in column "Дата создания": "25.02.2025") are always day first, but they do not settle the slash dates: two ways of writing dates in one file are the mark of another program or of hand edits (Excel with US settings re-saves slash dates month first)');
    expect(e.hint).toBe('pass --date-format DD/MM/YYYY (day first) or --date-format MM/DD/YYYY (month first)');
  });

  it('a dotted date with a time, in another column, is named all the same; without one the message is the usual, true of slash dates', async () => {
    // (A dotted date in a row that waits on its slash date is not read before the stop: not named.)
    const timed = await errorOf(['1;A;100;Успешно реализовано;2025-02-01 09:00;26.02.2025 10:00', '2;A;100;Переговоры;03/02/2025;']);
    expect(timed.messageId).toBe('map.datesAmbiguousDotted');
    expect(timed.message).toContain('(in column "Дата закрытия": "26.02.2025 10:00")');
    const slashOnly = await errorOf(['1;A;100;Успешно реализовано;03/02/2025;04/02/2025']);
    expect(slashOnly.messageId).toBe('map.datesAmbiguous');
    expect(slashOnly.message).toContain('no date written with slashes in the date columns read has a day above 12');
  });

  it('a slash date with a day above 12 settles the others whatever dotted dates say; --date-format reads them', async () => {
    const { name, options } = put([head, '1;A;100;Успешно реализовано;25.02.2025;26.02.2025', '2;A;100;Успешно реализовано;03/02/2025;28/02/2025']);
    const { store } = await importDeals(name, options);
    expect(store.idOf(1)).toBe('2');
    expect(new Date(store.created[1]!).toISOString().slice(0, 10)).toBe('2025-02-03');
    const forced = put([head, '1;A;100;Успешно реализовано;25.02.2025;26.02.2025', '2;A;100;Успешно реализовано;03/02/2025;04.03.2025']);
    const read = await importDeals(forced.name, { ...forced.options, dateOrder: 'mdy' });
    expect(new Date(read.store.created[1]!).toISOString().slice(0, 10)).toBe('2025-03-02');
  });
});

// Tester T60 L1: a number of 10^15 or more and a date of the year 9999 were said «not a number», «not a date»,
// with the forms the reader takes, which the value already had.
describe('a value written right but out of range', () => {
  it('is said as too large a number, or a date outside the years read, in both languages', () => {
    const reason = (raw: string, expected: 'number' | 'date') => unreadValue(raw, expected, 'c').reason;
    expect(['1000000000000000', '1 000 000 000 000 000,00', '1E+308', '-2,5e16'].map((v) => reason(v, 'number'))).toEqual([
      '"1000000000000000" is too large a number (10^15 or more)',
      '"1 000 000 000 000 000,00" is too large a number (10^15 or more)',
      '"1E+308" is too large a number (10^15 or more)',
      '"-2,5e16" is too large a number (10^15 or more)',
    ]);
    expect(rowReason(reason('1000000000000000', 'number'), 'ru')).toBe('«1000000000000000» — слишком большое число (10^15 и больше)');
    expect(['31.12.9999', '1800-01-01 10:00', '12/31/9999'].map((v) => reason(v, 'date'))).toEqual([
      '"31.12.9999" is a date outside the years 1900-2200',
      '"1800-01-01 10:00" is a date outside the years 1900-2200',
      '"12/31/9999" is a date outside the years 1900-2200',
    ]);
    expect(rowReason(reason('31.12.9999', 'date'), 'ru')).toBe('«31.12.9999» — дата вне 1900–2200 годов');
    // Not a number or not a date at all stays so: a 15-digit number is in range, a day 32 is no date whatever its year.
    expect(['abc', '1.000.000.000.000', '12 345 678 901 234,50'].map((v) => reason(v, 'number'))).toEqual(['"abc" is not a number', '"1.000.000.000.000" is not a number', '"12 345 678 901 234,50" is not a number']);
    expect(['32.01.9999', 'TBD', '10000'].map((v) => reason(v, 'date'))).toEqual(['"32.01.9999" is not a date', '"TBD" is not a date', '"10000" is not a date']);
  });
});
