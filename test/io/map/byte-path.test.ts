// The byte path (CSV records read as byte ranges, memoised by their bytes, keyed without strings)
// must read every file exactly as the text path does (the same records decoded to strings first).
// Both are run on the bundled export fixtures and on random exports full of edge cases.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../../../src/io/map/fields.js';
import { ActivityLinker } from '../../../src/core/kpi/link.js';
import { importActivities, importDeals, importFile, importLinkedActivities, importPayments, type ImportOptions } from '../../../src/io/map/import.js';
import { PaymentLog } from '../../../src/core/kpi/payment-log.js';
import type { LinkedPayment } from '../../../src/io/map/payment-reader.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { buildExportFixtures, cp1251, csv } from '../../fixtures/exports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-bytes-'));
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Long fuzz runs (npm run fuzz) get time in proportion. */
const TIMEOUT = Math.max(60_000, RUNS * 40);

/** Everything an import gives, as JSON, or the error it fails with. */
async function read(file: string, kind: RecordKind, textRows: boolean): Promise<string> {
  const opts: ImportOptions = { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1_000_000 }, textRows };
  try {
    if (kind === 'deals') {
      const { store, report } = await importDeals(file, opts);
      return JSON.stringify({ deals: store.toDeals(), report });
    }
    if (kind === 'activities') {
      const list: unknown[] = [];
      const { report } = await importActivities(file, opts, (a) => list.push(a));
      return JSON.stringify({ list, report });
    }
    return JSON.stringify(await importPayments(file, opts));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

async function expectSameBothWays(file: string, kind: RecordKind): Promise<void> {
  const text = await read(file, kind, true);
  const bytes = await read(file, kind, false);
  expect(bytes).toBe(text);
}

/** The deals (id, manager, client, created_at, closed_at, status) that linked activities and payments are resolved to. */
const LINKED_DEALS = [
  ['100', 'Иванов Иван', 'ООО Ромашка', '2024-01-01 09:00:00', '', 'open'],
  ['101', 'Иванов Иван', 'Клиент 2', '2024-01-02 09:00:00', '', 'open'],
  ['102', 'Петрова Анна', 'Клиент 1', '2024-01-03 09:00:00', '2024-01-20 09:00:00', 'won'],
  ['0012', 'Петрова Анна', '', '2024-01-03 09:00:00', '', 'open'],
  // Deals whose client, as the export writes it, has a prefix or markup: an activity's client is then the name alone.
  ['103', 'Иванов Иван', 'Контакт: Клиент 1', '2024-01-04 09:00:00', '', 'open'],
  ['104', 'Иванов Иван', '<b>Клиент 2</b>', '2024-01-04 09:00:00', '', 'open'],
  // An id with a list separator in it is that deal's, not a list.
  ['7,5', 'Петрова Анна', 'Клиент 1', '2024-01-04 09:00:00', '', 'open'],
];

describe('the byte path reads exactly what the text path reads', () => {
  it('on every CSV export fixture', async () => {
    const fixtures = await buildExportFixtures();
    let compared = 0;
    for (const [name, data] of Object.entries(fixtures)) {
      if (!/\.(csv|txt|tsv)$/.test(name)) continue;
      const file = path.join(dir, name);
      writeFileSync(file, data);
      let kind: RecordKind;
      try {
        kind = await guessKind(file, { cwd: dir, stdin: process.stdin });
      } catch {
        continue;
      }
      await expectSameBothWays(file, kind);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  // Tester T31 (F5): a skipped row was said by its text line, past the row Excel shows after a multi-line
  // note. Both paths give the row and, where it differs, the line: in the first rows (read as text
  // while the header is searched for) and past them (the byte path).
  it('numbers a skipped row as a spreadsheet does, with its line of the file past a multi-line note, both ways', async () => {
    const header = ['id', 'manager', 'created_at', 'status', 'note'];
    const deal = (i: number, note = '', manager = 'Анна') => [String(100 + i), manager, '2024-01-05 10:00:00', 'open', note];
    const rows = Array.from({ length: 60 }, (_, i) => deal(i));
    rows[1] = deal(1, '', '');
    rows[3] = deal(3, 'перезвонить,\nпосле праздников');
    rows[5] = deal(5, '', '');
    rows[40] = deal(40, 'a\r\nb\nc');
    rows[50] = deal(50, '', '');
    for (const eol of ['\n', '\r\n']) {
      const file = path.join(dir, 'notes.csv');
      writeFileSync(file, csv([header, ...rows], { eol }));
      await expectSameBothWays(file, 'deals');
      const { report } = await importDeals(file, { cwd: dir, stdin: process.stdin, maxBadRows: { count: 100 } });
      // Data row i is the spreadsheet's row i + 2; the note of row 5 puts the rows after it one line down, row 42's two more.
      expect(report.skipped.map((r) => [r.row, r.line])).toEqual([[3, undefined], [7, 8], [52, 55]]);
    }
  });

  const pick = <T,>(...values: T[]) => fc.constantFrom(...values);
  const ids = pick('100', '101', '102', ' 103 ', '104\u00a0', '105 ', '106\t', 'A-7', '', 'Сделка 5', '7;8', '9, 10', '"q"', '0012', '\u200b107', '108\u200e', '\u00ad');
  const people = pick('Иванов Иван', ' Петрова Анна ', '', 'Smith\u00a0J', '<b>Анна</b>', 'Ёлкин', 'Итого', 'Петрова Итог', 'Ann Total\u00a0');
  const clients = pick('', 'ООО Ромашка', ' Клиент 1', 'Клиент 2 ', 'Клиент\u2009', 'Компания: Альфа', 'Клиент\u00a0', 'Клиент 3\u200b', '\u2060Клиент 4', 'a,b', '+7 900 000-00-00', 'ООО Ромашка');
  const dates = pick('2024-01-05 10:00:00', '05.01.2024', '2024-01-05', '2024-02-30 10:00:00', '13/01/2024', '1/5/2024 3:04 PM', '', 'не закрыта', 'garbage', ' 2024-01-05 10:00:00', '45000', '2024-01-05T10:00:00', '31.12.2024 23:59:59', '2024-01-05 24:00:00', '2024-01-05 10:00:00 ', '2024-1-5', '31.12.2024 23:59:59.123', '05.01.2024 10:00:00,5', '2024-01-05 10:00:00.250', '05.01.2024 10:00:00.');
  const statuses = pick('won', 'lost', 'open', 'Успешно реализовано', 'Закрыто и не реализовано', 'deleted', '???', '', ' Won ');
  const amounts = pick('100', '100 ', '+5', '1 000,50', '-5', '', 'abc', '12.5', '007', '1\u00a0000', '120000|RUB', '999999999999999999');
  const reasons = pick('', 'Дорого', ' дорого ', 'Выбрали конкурента');
  const kinds = pick('call', 'email', 'Звонок', 'meeting', '', 'sms', ' call');
  const directions = pick('in', 'out', '', 'Входящий', 'исходящий ', 'x');
  const missed = pick('', 'true', 'false', 'нет', 'yes', 'maybe');
  const durations = pick('', '81', '81 ', '0', '1:05', '2 мин', 'x', '-3', '12.5', '-', ' — ', 'n/a');
  const blankRow = pick<string[] | undefined>(undefined, undefined, undefined, [], ['Итого', '', '5'], ['note only', '', '', ''], ['  ', '\u00a0']);

  const layouts = fc.record({ delimiter: pick(',', ';', '\t'), windows1251: fc.boolean(), quoteAll: fc.boolean(), eol: pick('\r\n', '\n') });

  // The first 30 rows are read as text while the header is searched for: fill them, so that the
  // random rows reach the byte path.
  const filler = (header: string[], row: string[]) => [header, ...Array.from({ length: 30 }, (_, i) => row.map((c) => c.replace('#', String(900 + i))))];

  const write = (name: string, rows: string[][], layout: { delimiter: string; windows1251: boolean; quoteAll: boolean; eol: string }) => {
    const text = csv(rows, { delimiter: layout.delimiter, quoteAll: layout.quoteAll, eol: layout.eol });
    const file = path.join(dir, name);
    writeFileSync(file, layout.windows1251 ? cp1251(text.replace(/\u2009/g, ' ').replace(/[\u200b-\u200f\u2060]/g, '\u00ad')) : Buffer.from(text, 'utf8'));
    return file;
  };

  it('on random deals exports', async () => {
    const row = fc.tuple(ids, people, clients, dates, dates, statuses, amounts, reasons, blankRow);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), layouts, async (rows, layout) => {
        const body = rows.flatMap((r) => (r[8] ? [r[8], r.slice(0, 8) as string[]] : [r.slice(0, 8) as string[]]));
        const header = ['id', 'manager', 'client', 'created_at', 'closed_at', 'status', 'amount', 'loss_reason'];
        const file = write('deals.csv', [...filler(header, ['#', 'Иванов Иван', 'Клиент #', '2024-01-01 09:00:00', '2024-01-02', 'won', '#', '']), ...body], layout);
        await expectSameBothWays(file, 'deals');
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('on random activities exports', async () => {
    const row = fc.tuple(people, dates, kinds, directions, missed, durations, ids, clients, blankRow);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), layouts, fc.boolean(), async (rows, layout, phone) => {
        const body = rows.flatMap((r) => (r[8] ? [r[8], r.slice(0, 8) as string[]] : [r.slice(0, 8) as string[]]));
        const header = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', phone ? 'phone' : 'client'];
        const file = write('activities.csv', [...filler(header, ['Иванов Иван', '2024-01-01 09:00:00', 'call', 'out', 'false', '#', '#', 'Клиент #']), ...body], layout);
        await expectSameBothWays(file, 'activities');
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  // Tester T32 F8: dates with fractional seconds, read by the byte path's fixed layouts and by the text parser alike.
  it('on dates with fractional seconds, dotted and ISO, in UTF-8 and Windows-1251', async () => {
    const header = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'];
    const body = ['03.03.2025 10:05:00.123', '03.03.2025 10:05:00,123', '2025-03-03 10:05:00.5', '03.03.2025 10:05:00.123456789', '03.03.2025 10:05:00.1234567890', '03.03.2025 10:05:00.'].map((at, i) => ['Иванов Иван', at, 'call', 'out', 'false', '60', String(100 + i), 'Клиент 1']);
    for (const windows1251 of [false, true]) {
      const file = write('fraction.csv', [...filler(header, ['Иванов Иван', '2024-01-01 09:00:00', 'call', 'out', 'false', '#', '#', 'Клиент #']), ...body], { delimiter: ';', windows1251, quoteAll: false, eol: '\n' });
      await expectSameBothWays(file, 'activities');
      // Every one but the last, whose dot has no digit after it, is 03.03.2025 10:05:00.
      expect((await read(file, 'activities', false)).split('"at":1740996300000').length - 1).toBe(5);
    }
  });

  it('on random activities linked to the deals of an export (deal and client keys found by their bytes)', async () => {
    const dealRows = LINKED_DEALS;
    const deals = write('linked-deals.csv', [['id', 'manager', 'client', 'created_at', 'closed_at', 'status'], ...dealRows], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' });
    /** The activities resolved to a fresh store of those deals, and turned back into text. */
    const linked = async (file: string, textRows: boolean) => {
      const opts: ImportOptions = { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1_000_000 }, textRows };
      const { store } = await importDeals(deals, opts);
      const linker = new ActivityLinker(store, false);
      const list: unknown[] = [];
      try {
        const { report } = await importLinkedActivities(file, opts, linker, (a) => list.push(linker.unlink(a)));
        return JSON.stringify({ list, report });
      } catch (error) {
        return `error: ${(error as Error).message}`;
      }
    };
    const row = fc.tuple(people, dates, kinds, directions, missed, durations, pick('100', '101', '102', '0012', '103', '104', '999', '', '7,5', '100;101', '999,100', '101, 100'), pick('ООО Ромашка', 'Клиент 2', 'Клиент 1', '', 'Клиент 9', 'Контакт: Клиент 1', '<b>Клиент 2</b>'));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), layouts, async (rows, layout) => {
        const header = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'];
        const file = write('linked.csv', [...filler(header, ['Иванов Иван', '2024-01-01 09:00:00', 'call', 'out', 'false', '#', '10#', 'Клиент #']), ...rows], layout);
        expect(await linked(file, false)).toBe(await linked(file, true));
      }),
      {
        numRuns: RUNS,
        // Always tried: the deal's own client written with a prefix or markup is the name alone, on the byte path too.
        examples: [
          [[['Иванов Иван', '2024-01-05 10:00:00', 'call', 'out', '', '', '103', 'Контакт: Клиент 1'], ['Иванов Иван', '2024-01-05 10:00:00', 'call', 'out', '', '', '104', '<b>Клиент 2</b>']], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' }],
          [[['Иванов Иван', '2024-01-05 10:00:00', 'call', 'out', '', '', '7,5', 'Клиент 1'], ['Иванов Иван', '2024-01-05 10:00:00', 'call', 'out', '', '', '999,100', 'Клиент 2'], ['Иванов Иван', '2024-01-05 10:00:00', 'call', 'out', '', '', '100;101', 'Клиент 9']], { delimiter: ';', windows1251: false, quoteAll: false, eol: '\n' }],
        ],
      },
    );
  }, TIMEOUT);

  it('gives the engines the same activities and numbers clients the same when clients wait in batches (anyOrder)', async () => {
    const deals = write('held-deals.csv', [['id', 'manager', 'client', 'created_at', 'closed_at', 'status'], ['100', 'Иванов Иван', 'Клиент 1', '2024-01-01 09:00:00', '', 'open'], ['101', 'Петрова Анна', 'Клиент 2', '2024-01-02 09:00:00', '', 'won']], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' });
    /** The activities (sorted: held ones come later) and the store's clients after reading, in key order. */
    const linked = async (file: string, anyOrder: boolean) => {
      // What the deal id names, where an owner column says (a client that cleans to nothing is then the owner).
      const opts: ImportOptions = { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1_000_000 }, columns: { owner_type: 'owner' } };
      const { store } = await importDeals(deals, { ...opts, columns: {} });
      const linker = new ActivityLinker(store, false);
      const list: string[] = [];
      const { report } = await importLinkedActivities(file, opts, linker, (a) => list.push(JSON.stringify(linker.unlink(a))), anyOrder);
      const clients = Array.from({ length: store.clients.size }, (_, k) => store.clients.text(k));
      return JSON.stringify({ list: list.sort(), clients, report });
    };
    const client = fc.oneof(fc.integer({ min: 0, max: 400 }).map((i) => `Клиент ${i}`), pick('', '+7 (916) 123-45-67', 'Контакт: Клиент 2', '<b>Клиент 3</b>', 'Контакт:', '<b></b>'));
    const row = fc.tuple(pick('Иванов Иван', 'Петрова Анна'), pick('2024-01-05 10:00:00', '2024-01-06 11:30:00'), pick('call', 'email'), pick('in', 'out'), pick('true', 'false'), pick('', '81'), pick('100', '101', '', '', '999', '55'), pick('deal', 'deal', 'contact', ''), client);
    const header = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'owner', 'client'];
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 400 }), async (rows) => {
        const file = write('held.csv', [header, ...rows], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' });
        expect(await linked(file, true)).toBe(await linked(file, false));
      }),
      {
        numRuns: Math.min(RUNS, 40),
        // Always tried: a contact's call whose client cleans to nothing takes its owner as its client, held or not.
        examples: [[[['Иванов Иван', '2024-01-05 10:00:00', 'call', 'out', 'false', '81', '55', 'contact', 'Контакт:'], ['Петрова Анна', '2024-01-05 10:00:00', 'call', 'out', 'false', '81', '56', 'contact', '<b></b>']]]],
      },
    );
    // And it does: the owner, as before the batches.
    const file = write('held-owner.csv', [header, ['Иванов Иван', '2024-01-05 10:00:00', 'call', 'out', 'false', '81', '55', 'contact', 'Контакт:']], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' });
    expect(JSON.parse(await linked(file, true)).list.map((a: string) => JSON.parse(a).client)).toEqual(['contact 55']);
  }, TIMEOUT);

  it('on random Bitrix24 REST activity dumps (codes, owner types, START/END spans), alone and linked to REST deals', async () => {
    const deals = write('rest-deals.csv', [['ID', 'TITLE', 'STAGE_ID', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'CLOSED'], ['10', 'A', 'C2:WON', '17', '2024-07-05T18:10:31+03:00', 'Y'], ['12', 'B', 'NEW', '23', '2024-07-03T10:00:00+03:00', 'N']], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' });
    const both = async (file: string, textRows: boolean) => {
      const opts: ImportOptions = { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1_000_000 }, textRows };
      const linker = new ActivityLinker((await importDeals(deals, opts)).store, false);
      const list: unknown[] = [];
      try {
        const { report } = await importLinkedActivities(file, opts, linker, (a) => list.push(linker.unlink(a)));
        return JSON.stringify({ list, report, alone: await read(file, 'activities', textRows) });
      } catch (error) {
        return `error: ${(error as Error).message}`;
      }
    };
    const times = pick('2024-07-05T18:20:00+03:00', '2024-07-05T18:24:05+03:00', '2024-07-05T23:20:00+03:00', '', '2024-07-05 18:20:00', '05.07.2024 18:30:00', 'x', '2024-07-06T10:00:00-05:00');
    const row = fc.tuple(pick('10', '12', '102', '', ' 7 ', '999', '10;12'), pick('1', '2', '3', '4', '', '7', ' 2 '), pick('1', '2', '3', '4', '5', '6', '', 'x'), times, times, times, pick('Y', 'N', '', 'x'), pick('17', '23', '', ' 17'), pick('0', '1', '2', ''), pick('0', '2', '4', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), layouts, async (rows, layout) => {
        const header = ['ID', 'OWNER_ID', 'OWNER_TYPE_ID', 'TYPE_ID', 'CREATED', 'START_TIME', 'END_TIME', 'COMPLETED', 'RESPONSIBLE_ID', 'DIRECTION', 'RESULT_STREAM'];
        const body = rows.map((r, i) => [String(300 + i), ...r]);
        const file = write('rest-activities.csv', [...filler(header, ['#', '10', '2', '2', '2024-07-05T18:20:00+03:00', '2024-07-05T18:20:00+03:00', '2024-07-05T18:21:00+03:00', 'Y', '17', '2', '2']), ...body], layout);
        expect(await both(file, false)).toBe(await both(file, true));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  // Mango's API statistics (profile mango-api): `answer` 0, blank or a time says whether a call was answered, and its talk is `finish` - `answer`.
  it('on random Mango API call statistics (answer 0 or blank, Unix times and dates, spans from the answer)', async () => {
    const times = pick('1738393200', '1738393205', '1738393320', ' 1738393260 ', '2025-02-01 07:01:00', '01.02.2025 07:02:00', '', 'x', '1970-01-01 03:00:00');
    const answers = pick('0', '', ' 0 ', '00', '0\u00a0', '1738393205', '1738393300', '2025-02-01 07:00:30', '1970-01-01 00:00:00', '1970-01-01 03:00:00', 'x', '-');
    const row = fc.tuple(times, times, answers, pick('101', '', '102', 'x'), pick('74950000000', '79161234567', ''), pick('', '101', '102'), pick('79161234567', '74950000000', ''), pick('E1', 'E2', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), layouts, async (rows, layout) => {
        const header = ['start', 'finish', 'answer', 'from_extension', 'from_number', 'to_extension', 'to_number', 'entry_id'];
        const file = write('mango.csv', [...filler(header, ['1738393200', '1738393320', '1738393205', '101', '74950000000', '', '7916123450#', 'E#']), ...rows], layout);
        await expectSameBothWays(file, 'activities');
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('on random payments resolved to the deals of an export (by the id\'s bytes), as the text path and PaymentLog.add resolve them', async () => {
    const header = ['id', 'manager', 'client', 'created_at', 'closed_at', 'status'];
    // Ids that are not whole numbers too (found through the hash table, not the index by value).
    const dealRows = [...LINKED_DEALS, ['A-7', 'Иванов Иван', 'К4', '2024-01-04 09:00:00', '', 'open'], ['Сделка 5', 'Иванов Иван', 'К5', '2024-01-04 09:00:00', '', 'open']];
    const plain = write('pay-deals.csv', [header, ...dealRows], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' });
    // Deals with titles: a payment's id that is no deal's may be a deal's title.
    const titled = write('pay-deals-titled.csv', [[...header, 'name'], ...dealRows.map((r, i) => [...r, i === 1 ? 'Ромашка, поставка' : `Сделка ${i}`])], { delimiter: ',', windows1251: false, quoteAll: false, eol: '\n' });
    /** The payments' log three ways: linked on the byte path, linked on the text path, and from the canonical records (PaymentLog.add). */
    const logs = async (file: string, deals: string) => {
      const opts: ImportOptions = { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1_000_000 } };
      const { store } = await importDeals(deals, opts);
      const linked = async (textRows: boolean) => {
        const log = new PaymentLog(store);
        try {
          const report = await importFile<LinkedPayment>(file, 'payments', { ...opts, textRows, linkTo: store }, (p) => log.addLinked(p));
          return JSON.stringify({ report, ...columns(log) });
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      };
      let canonical: string;
      try {
        // A store in the options (as the map command passes one) does not resolve them: that takes linkTo.
        const { payments, report } = await importPayments(file, { ...opts, store });
        canonical = JSON.stringify({ report, ...columns(PaymentLog.of(store, payments)) });
      } catch (error) {
        canonical = `error: ${(error as Error).message}`;
      }
      return [await linked(false), await linked(true), canonical];
    };
    const columns = (log: PaymentLog) => ({
      deal: [...log.deal.data.subarray(0, log.length)],
      manager: [...log.manager.data.subarray(0, log.length)].map((m) => log.managers.values[m]),
      invoiced: [...log.invoiced.data.subarray(0, log.length)],
      paid: [...log.paid.data.subarray(0, log.length)],
    });
    const row = fc.tuple(pick('100', '101', ' 101 ', '101\u00a0', '\u200b101', '0012', '12', 'A-7', 'Сделка 5', 'Сделка 2', 'Ромашка, поставка', '999', '', '"100"'), people, amounts, amounts, dates, dates, blankRow);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), layouts, fc.boolean(), async (rows, layout, withTitles) => {
        const body = rows.flatMap((r) => (r[6] ? [r[6], r.slice(0, 6) as string[]] : [r.slice(0, 6) as string[]]));
        const file = write('pay.csv', [...filler(['deal_id', 'manager', 'invoiced', 'paid', 'invoiced_at', 'paid_at'], ['100', 'Иванов Иван', '#', '#', '2024-01-05', '2024-01-06']), ...body], layout);
        const [bytes, text, canonical] = await logs(file, withTitles ? titled : plain);
        expect(bytes).toBe(text);
        expect(bytes).toBe(canonical);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
