// Large deals and activities files are read in two halves at once (src/io/parallel/parallel.ts). These
// tests force the split on small files (CRM_AUDIT_SPLIT_BYTES) and expect byte-identical output to
// the one-pass read, including when the split must fall back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { cp1251, csv } from '../../fixtures/exports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-split-'));
/** Every file read in two halves, and the callbacks resolved on the worker thread however few the calls. */
const SPLIT = { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1', CRM_AUDIT_WORKER_CALLBACKS: '1' };
const WHOLE = { CRM_AUDIT_SPLIT_BYTES: '0' };
const TRACE = /^read in two halves: (.*)\n/gm;
const TAKEN = /^took over \d+ part\(s\) of the second half: (.*)\n/gm;
const CALLBACKS = /^callbacks resolved on the worker thread\n/gm;
const IN_PLACE = /^the worker thread's deals were written in place\n/gm;
/** The main thread takes over the end of the second half: 4 KB chunks, and the worker waits for it after its first. */
const TAKEOVER = { CRM_AUDIT_SPLIT_TAKEOVER: 'wait', CRM_AUDIT_SPLIT_CHUNK: '4096' };

/**
 * Runs a command with the split forced and with it off; expects the same exit code and stderr, and
 * that exactly the files `halves` were read in two halves (the others fell back to one pass), so
 * that a split that silently always falls back cannot pass.
 */
function bothWays(args: string[], halves: string[], takenOver: string[] = [], env: Record<string, string> = {}): { split: string; whole: string; inPlace: number } {
  const split = runCli(args, { cwd: dir, env: { ...SPLIT, ...env } });
  const whole = runCli(args, { cwd: dir, env: WHOLE });
  expect([...split.stderr.matchAll(TRACE)].map((m) => m[1])).toEqual(halves);
  expect([...split.stderr.matchAll(TAKEN)].map((m) => m[1])).toEqual(takenOver);
  expect(whole.stderr).toBe(split.stderr.replace(TRACE, '').replace(TAKEN, '').replace(CALLBACKS, '').replace(IN_PLACE, ''));
  // The worker, still there after an activities file read in halves, resolves the callbacks (after a deals file alone too,
  // when the activities were read in one pass; that is not required here).
  if (halves.some((f) => f.startsWith('activities'))) expect(split.stderr).toMatch(CALLBACKS);
  expect(whole.code).toBe(split.code);
  return { split: split.stdout, whole: whole.stdout, inPlace: [...split.stderr.matchAll(IN_PLACE)].length };
}

beforeAll(() => {
  const gen = runCli(['generate', '--deals', '400', '--activities', '6000', '--seed', '3', '--cutover', '2025-01-01', '-o', dir]);
  expect(gen.code, gen.stderr).toBe(0);
});

/** A deals export's header, and its row i (id 100 + i unless given; one of `clients` clients). */
const header = ['id', 'manager', 'client', 'created_at', 'closed_at', 'status', 'amount', 'loss_reason'];
const dealRow = (i: number, id = String(100 + i), clients = 40) => [id, i % 3 ? 'Анна' : 'Борис', `Клиент ${i % clients}`, `2024-03-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`, `2024-04-01 10:00:00`, ['won', 'lost', 'open'][i % 3]!, String(1000 + i), i % 3 === 1 ? 'Дорого' : ''];

describe('reading deals in two halves gives what one pass gives', () => {
  const deal = (i: number, id?: string) => dealRow(i, id);

  it('with repeated ids across the halves, bad rows and new managers in the second', () => {
    // Large enough for each half to pass the 64 KB the delimiter is detected on.
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i));
    rows[2950] = deal(2950, '105');
    rows[2960]![3] = 'not a date';
    rows[2970]![1] = 'Новый Менеджер';
    writeFileSync(path.join(dir, 'deals-split.csv'), csv([header, ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-split.csv', '--format', 'json'], ['deals-split.csv']);
    expect(kpi.split).toBe(kpi.whole);
    // The worker wrote its deals in this thread's columns (the repeated id moved them row by row).
    expect(kpi.inPlace).toBe(1);
    const result = JSON.parse(kpi.split);
    expect(result.dataQuality.rowsSkipped.map((s: { row: number }) => s.row)).toEqual([2962]);
    expect(result.dataQuality.files[0].dropped['rows repeating a deal id (first row kept)']).toBe(1);
  });

  it('a column none of whose filled values reads stops the run both ways, its values in both halves; one the other half reads does not', () => {
    // Close dates left empty but for `TBD` on one closed deal of each half: 2 filled, none readable, only the whole file shows it.
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i).map((v, c) => (c === 4 ? '' : v)));
    rows[100]![4] = 'TBD';
    rows[2901]![4] = 'TBD';
    writeFileSync(path.join(dir, 'deals-tbd.csv'), csv([header, ...rows]));
    const stop = runCli(['kpi', '-d', 'deals-tbd.csv', '--lang', 'en', '--max-bad-rows', '100'], { cwd: dir, env: SPLIT });
    expect(stop.code).toBe(2);
    expect(stop.stderr).toContain('none of the 2 filled values of the column "closed_at" can be read as a date: "TBD".');
    bothWays(['kpi', '-d', 'deals-tbd.csv', '--format', 'json'], []);
    // A close date the second half reads: the two `TBD` rows of the first are bad rows, under the allowance.
    rows[103]![4] = 'soon';
    rows[2901]![4] = '2024-04-01 10:00:00';
    writeFileSync(path.join(dir, 'deals-tbd.csv'), csv([header, ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-tbd.csv', '--format', 'json'], ['deals-tbd.csv']);
    expect(kpi.split).toBe(kpi.whole);
    expect(JSON.parse(kpi.whole).dataQuality.rowsSkipped.map((r: { row: number }) => r.row)).toEqual([102, 105]);
  });

  it('in Windows-1252 with NUL bytes in both halves: the part is read in the encoding the first half decided', () => {
    const latin = ['José Núñez', 'João Gonçalves', 'Jürgen Groß'];
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const row = deal(i);
      row[1] = latin[i % 3]!;
      row[2] = `Gestión ${i % 40}`;
      row[7] = i % 3 === 1 ? 'Sin interés' : '';
      return row;
    });
    const text = csv([header, ...rows]);
    // A NUL inside a name near the start and near the end.
    const at = [text.indexOf('Gestión 5'), text.lastIndexOf('Gestión 7')];
    const bytes = Buffer.from(text, 'latin1');
    const withNul = Buffer.concat([bytes.subarray(0, at[0]! + 3), Buffer.of(0), bytes.subarray(at[0]! + 3, at[1]! + 3), Buffer.of(0), bytes.subarray(at[1]! + 3)]);
    writeFileSync(path.join(dir, 'deals-1252.csv'), withNul);
    const kpi = bothWays(['kpi', '-d', 'deals-1252.csv', '--format', 'json'], ['deals-1252.csv']);
    expect(kpi.split).toBe(kpi.whole);
    const result = JSON.parse(kpi.split);
    expect(result.managers.map((m: { manager: string }) => m.manager).sort()).toEqual([...latin].sort());
    expect(result.dataQuality.files[0].format).toMatch(/windows-1252/);
    expect(result.dataQuality.files[0].nulBytesRemoved).toBe(2);
  });

  it('a quoted cell that swallows rows in the second half is said at its line in the whole file', () => {
    const lines = csv([header, ...Array.from({ length: 3000 }, (_, i) => deal(i))]).split('\n');
    // Row 2900's note opens a quote that row 2903's closes: rows 2901 and 2902 are inside it.
    lines[2901] = lines[2901]!.replace(/,[^,]*$/, ',"Сказал ""ок');
    // Closed by a quote inside a later cell («Диаметр "5"»): text after it, so no cell's end (the quote was left open).
    lines[2904] = lines[2904]!.replace(/,[^,]*$/, ',Диаметр "5"');
    writeFileSync(path.join(dir, 'deals-quote.csv'), lines.join('\n'));
    const kpi = bothWays(['kpi', '-d', 'deals-quote.csv', '--format', 'json'], ['deals-quote.csv']);
    expect(kpi.split).toBe(kpi.whole);
    expect(JSON.parse(kpi.split).dataQuality.alerts).toContainEqual({ code: 'quote-swallowed', file: 'deals-quote.csv', line: 2902, lines: 3 });
    // The record and the three lines it took are unreadable, in either half (tester T70): 4 rows, 2 996 deals.
    expect(JSON.parse(kpi.split).dataQuality.rowsSkippedCount).toBe(4);
    expect(JSON.parse(kpi.split).total.leads).toBe(2996);
  });

  // Tester T31 (F5): skipped rows are numbered as a spreadsheet shows them, with their line where a
  // multi-line note above puts it further down: the second half's rows after the first half's rows, its lines after its lines.
  it('numbers skipped rows of both halves as a spreadsheet does, with their lines past multi-line notes', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [...deal(i), i % 500 === 7 ? 'перезвонить,\nпосле праздников' : '']);
    rows[3]![3] = 'not a date';
    rows[100]![3] = 'not a date';
    rows[2960]![3] = 'not a date';
    writeFileSync(path.join(dir, 'deals-notes.csv'), csv([[...header, 'note'], ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-notes.csv', '--format', 'json'], ['deals-notes.csv']);
    expect(kpi.split).toBe(kpi.whole);
    // Data row i is row i + 2; the notes of rows 7, 507, … 2507 each put the rows after them a line further down.
    expect(JSON.parse(kpi.split).dataQuality.rowsSkipped.map((s: { row: number; line?: number }) => [s.row, s.line])).toEqual([[5, undefined], [102, 103], [2962, 2968]]);
  });

  describe('with ids indexed by value in the first half and not in the second: still in halves, every deal found', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i));
    const text = Buffer.from(csv([header, ...rows]));
    // The line the second half starts with (the first after the middle byte), as a row index.
    const first = text.subarray(0, text.indexOf(10, Math.floor(text.length / 2))).toString().split('\n').length - 1;
    const calls = Array.from({ length: 300 }, (_, i) => ['Анна', '2024-03-20 10:00:00', 'call', 'out', 'false', '30', String(100 + 1600 + i * 4), '']);
    const run = (name: string, ids: Array<[number, string]>) => {
      const own = rows.map((r) => [...r]);
      for (const [i, id] of ids) own[i]![0] = id;
      writeFileSync(path.join(dir, `${name}.csv`), csv([header, ...own]));
      // Calls on deals of the second half: each links in both reads, or in neither.
      const more = ids.map(([, id]) => ['Анна', '2024-03-20 11:00:00', 'call', 'out', 'false', '30', id, '']);
      writeFileSync(path.join(dir, `calls-${name}.csv`), csv([['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'], ...calls, ...more]));
      const kpi = bothWays(['kpi', '-d', `${name}.csv`, '-a', `calls-${name}.csv`, '--format', 'json'], [`${name}.csv`]);
      expect(kpi.split).toBe(kpi.whole);
      expect(JSON.parse(kpi.split).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('activities-unlinked');
    };

    it('its first ids far apart (its own index gave way to the table at once)', () => run('deals-far', [[first, '99999'], [first + 1, '99998']]));
    it('an id that is not a whole number', () => run('deals-x', [[2900, 'X-2900']]));
  });

  it('when either half holds more rows than the room lent for it (its columns move: the worker’s deals are copied)', () => {
    // Rows are counted from the lines just past the middle: long ones there, short ones elsewhere, so
    // that this thread's half and the rest of the worker's hold far more rows than estimated.
    const long = (i: number) => dealRow(i, undefined, 40).map((v, k) => (k === 2 ? `${v} ${'долгое имя клиента '.repeat(40)}` : v));
    const rows = Array.from({ length: 6000 }, (_, i) => (i >= 3000 && i < 3300 ? long(i) : dealRow(i, undefined, 40)));
    rows[3500] = dealRow(3500, '105');
    writeFileSync(path.join(dir, 'deals-uneven.csv'), csv([header, ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-uneven.csv', '--format', 'json'], ['deals-uneven.csv']);
    expect(kpi.split).toBe(kpi.whole);
    expect(kpi.inPlace).toBe(0);
    expect(JSON.parse(kpi.split).dataQuality.files[0].dropped['rows repeating a deal id (first row kept)']).toBe(1);
  });

  it('with an ambiguous amount (1,234) in the second half: one pass, where the column decides', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i));
    rows[3]![6] = '12,5';
    rows[2900]![6] = '1,234';
    writeFileSync(path.join(dir, 'deals-ambiguous.csv'), csv([header, ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-ambiguous.csv', '--format', 'json'], []);
    expect(kpi.split).toBe(kpi.whole);
  });

  // A reviewer: «15,000» only in the first half was read there as grouping (15000), where one pass
  // waits for the «1,5» of the second half and reads 15.
  it('with only ambiguous amounts (15,000) in the first half and the deciding 1,5 in the second: one pass', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i));
    for (let i = 0; i < 500; i++) rows[i]![6] = '15,000';
    rows[2500]![6] = '1,5';
    writeFileSync(path.join(dir, 'deals-guessed.csv'), csv([header, ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-guessed.csv', '--format', 'json'], []);
    expect(kpi.split).toBe(kpi.whole);
    expect(JSON.parse(kpi.split).dataQuality.alerts.map((a: { code: string }) => a.code)).toContain('three-decimals');
  });

  it('with product rows of one deal on both sides of the middle (one pass sums them in order)', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [...deal(i), `Товар ${i}`]);
    rows[2980] = [...deal(2980, '102'), 'Товар x'];
    rows[2980]![6] = '0.1';
    rows[2]![6] = '0.2';
    writeFileSync(path.join(dir, 'deals-products.csv'), csv([[...header, 'product'], ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-products.csv', '--format', 'json'], []);
    expect(kpi.split).toBe(kpi.whole);
  });

  // A column of both day-month orders names both values by the file's rows, whichever part of the file
  // they fall in (the halves that disagree, or a part that sees both, fall back to one pass).
  describe('a column of both day-month orders names the same rows', () => {
    const slashRows = (day: number, month: number) => {
      const rows = Array.from({ length: 3000 }, (_, i) => deal(i));
      for (const r of rows) r[3] = '03/04/2024';
      rows[day]![3] = '25/03/2024';
      rows[month]![3] = '03/25/2024';
      return rows;
    };
    for (const [name, day, month] of [['first half', 10, 20], ['across the halves', 10, 2900], ['second half', 2800, 2900]] as const) {
      it(`both in the ${name}`, () => {
        const file = `deals-mixed-${day}-${month}.csv`;
        writeFileSync(path.join(dir, file), csv([header, ...slashRows(day, month)]));
        bothWays(['kpi', '-d', file], []);
        const { stderr } = runCli(['kpi', '-d', file], { cwd: dir, env: { ...SPLIT, LANG: 'ru_RU.UTF-8' } });
        expect(stderr).toContain(`в колонке «created_at» смешаны даты с днём впереди и с месяцем впереди: строка ${day + 2}: «25/03/2024» — день впереди; строка ${month + 2}: «03/25/2024» — месяц впереди`);
      });
    }
    it('a column the first half cannot settle and the second does: one pass, as the whole file reads', () => {
      const rows = slashRows(2800, 2800);
      rows[2800]![3] = '25/03/2024';
      writeFileSync(path.join(dir, 'deals-settled-late.csv'), csv([header, ...rows]));
      const kpi = bothWays(['kpi', '-d', 'deals-settled-late.csv', '--format', 'json'], []);
      expect(kpi.split).toBe(kpi.whole);
      expect(JSON.parse(kpi.split).total.leads).toBe(3000);
    });
  });
});

describe('reading deals in two halves when this thread takes over the end of the second half', () => {
  // Clients enough for the parts to bring new ones.
  const deal = (i: number, id?: string) => dealRow(i, id, 900);

  it('appends the worker’s deals and then the parts taken over: repeated ids, bad rows, new managers and clients in both', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i));
    // In the worker's part (just past the middle) and in the part taken over (the end).
    rows[1600] = deal(1600, '105');
    rows[1610]![1] = 'Новый Менеджер';
    rows[1620]![2] = 'Клиент из середины';
    rows[2950] = deal(2950, '1701');
    rows[2960]![3] = 'not a date';
    rows[2970]![1] = 'Последний Менеджер';
    rows[2980]![2] = 'Клиент из конца';
    rows[2990]![2] = 'Клиент из середины';
    writeFileSync(path.join(dir, 'deals-taken.csv'), csv([header, ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-taken.csv', '--format', 'json'], ['deals-taken.csv'], ['deals-taken.csv'], TAKEOVER);
    expect(kpi.split).toBe(kpi.whole);
    expect(kpi.inPlace).toBe(1);
    const result = JSON.parse(kpi.split);
    expect(result.dataQuality.rowsSkipped.map((s: { row: number }) => s.row)).toEqual([2962]);
    expect(result.dataQuality.files[0].dropped['rows repeating a deal id (first row kept)']).toBe(2);
    expect(result.managers.map((m: { manager: string }) => m.manager)).toEqual(expect.arrayContaining(['Новый Менеджер', 'Последний Менеджер']));
    // With activities read in halves as well, linked to the deals merged from three parts.
    const acts = bothWays(['kpi', '-d', 'deals-taken.csv', '-a', 'activities.csv', '--format', 'json'], ['deals-taken.csv', 'activities.csv'], ['deals-taken.csv', 'activities.csv'], TAKEOVER);
    expect(acts.split).toBe(acts.whole);
  });

  it('in Windows-1251, semicolons and CRLF, with multi-line quoted fields in the worker’s part and in the part taken over', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [...deal(i), i % 500 === 7 ? 'позвонить;\r\nпосле «праздников»' : '']);
    rows[2990]![1] = 'Ёлкин Пётр';
    writeFileSync(path.join(dir, 'deals-1251.csv'), cp1251(csv([[...header, 'Комментарий'], ...rows], { delimiter: ';' })));
    const kpi = bothWays(['kpi', '-d', 'deals-1251.csv', '--format', 'json'], ['deals-1251.csv'], ['deals-1251.csv'], TAKEOVER);
    expect(kpi.split).toBe(kpi.whole);
    const result = JSON.parse(kpi.split);
    expect(result.dataQuality.files[0].format).toMatch(/windows-1251/);
    expect(result.managers.map((m: { manager: string }) => m.manager)).toContain('Ёлкин Пётр');
  });

  it('numbers the skipped rows of the worker’s part and of the part taken over after the rows and lines before them', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [...deal(i), i % 500 === 7 ? 'перезвонить,\nпосле праздников' : '']);
    rows[1600]![3] = 'not a date';
    rows[2960]![3] = 'not a date';
    writeFileSync(path.join(dir, 'deals-notes-taken.csv'), csv([[...header, 'note'], ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-notes-taken.csv', '--format', 'json'], ['deals-notes-taken.csv'], ['deals-notes-taken.csv'], TAKEOVER);
    expect(kpi.split).toBe(kpi.whole);
    expect(JSON.parse(kpi.split).dataQuality.rowsSkipped.map((s: { row: number; line?: number }) => [s.row, s.line])).toEqual([[1602, 1606], [2962, 2968]]);
  });

  it('reads in one pass when product rows repeat an id in the part taken over (their amounts sum in row order)', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [...deal(i), `Товар ${i}`]);
    rows[2990] = [...deal(2990, '2000'), 'Товар x'];
    rows[2990]![6] = '0.1';
    writeFileSync(path.join(dir, 'deals-products-taken.csv'), csv([[...header, 'product'], ...rows]));
    const kpi = bothWays(['kpi', '-d', 'deals-products-taken.csv', '--format', 'json'], [], [], TAKEOVER);
    expect(kpi.split).toBe(kpi.whole);
  });
});

describe('reading activities in two halves gives what one pass gives', () => {
  it('for kpi and compare on generated exports', () => {
    const kpi = bothWays(['kpi', '-d', 'deals.csv', '-a', 'activities.csv', '-p', 'payments.csv', '--format', 'json'], ['activities.csv']);
    expect(kpi.split).toBe(kpi.whole);
    expect(JSON.parse(kpi.split).total.calls_out).toBeGreaterThan(0);
    // Some missed calls were called back and some not: the worker's answer decides each.
    expect(JSON.parse(kpi.split).total.callback_rate).toBeGreaterThan(0);
    expect(JSON.parse(kpi.split).total.callback_rate).toBeLessThan(1);
    const compare = bothWays(['compare', '-d', 'deals.csv', '-a', 'activities.csv', '--cutover', '2025-01-01', '--format', 'json'], ['activities.csv']);
    expect(compare.split).toBe(compare.whole);
  });

  it('with a generic «Тип» column of kinds: the second half reads it as the first half decided from its values', () => {
    const rows = readFileSync(path.join(dir, 'activities.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const header = 'Ответственный,Дата,Тип,Направление,missed,duration_s,deal_id,client';
    writeFileSync(path.join(dir, 'activities-type.csv'), [header, ...rows.slice(1)].join('\n') + '\n');
    const kpi = bothWays(['kpi', '-d', 'deals.csv', '-a', 'activities-type.csv', '--format', 'json'], ['activities-type.csv']);
    expect(kpi.split).toBe(kpi.whole);
    // The same as the canonical file: «Тип» is the kind, «Направление» the direction.
    const canonical = bothWays(['kpi', '-d', 'deals.csv', '-a', 'activities.csv', '--format', 'json'], ['activities.csv']);
    const totals = (json: string) => JSON.parse(json).total;
    expect(totals(kpi.split)).toEqual(totals(canonical.split));
  });

  // A log whose legs are joined by their calling channel alone (no call id), with a manager column: it was
  // read in two halves, and a call's legs on either side of the boundary became two calls.
  it('a log joined by channel alone is read in one pass, a manager column or not', () => {
    const rows = readFileSync(path.join(dir, 'activities.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const lines = [`${rows[0]},channel`, ...rows.slice(1).map((r, i) => `${r},PJSIP/trunk-${i.toString(16).padStart(8, '0')}`)];
    writeFileSync(path.join(dir, 'activities-channel.csv'), `${lines.join('\n')}\n`);
    const kpi = bothWays(['kpi', '-d', 'deals.csv', '-a', 'activities-channel.csv', '--format', 'json'], []);
    expect(kpi.split).toBe(kpi.whole);
  });

  it('when the second half has bad rows, new managers and clients, and deal ids no deal has', () => {
    const rows = readFileSync(path.join(dir, 'activities.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const extra = ['Новый Менеджер,2024-09-01 10:00:00,call,out,false,30,999999,Новый клиент', 'Новый Менеджер,not a date,call,out,false,30,100001,x', 'Новый Менеджер,2024-09-01 11:00:00,call,in,true,,999999,Новый клиент'];
    writeFileSync(path.join(dir, 'activities-extra.csv'), [...rows, ...extra].join('\n') + '\n');
    const kpi = bothWays(['kpi', '-d', 'deals.csv', '-a', 'activities-extra.csv', '--format', 'json'], ['activities-extra.csv']);
    expect(kpi.split).toBe(kpi.whole);
    const quality = JSON.parse(kpi.split).dataQuality;
    expect(quality.rowsSkipped.map((s: { row: number }) => s.row)).toContain(rows.length + 2);
    expect(JSON.parse(kpi.split).managers.map((m: { manager: string }) => m.manager)).toContain('Новый Менеджер');
  });

  it('when the middle line end lies inside a quoted field (falls back to one pass)', () => {
    const header = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'];
    // Halves above 64 KB each, and a 40 KB quoted field around the middle.
    const body = Array.from({ length: 3000 }, (_, i) => ['Анна', `2024-03-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`, 'call', 'out', 'false', '5', String(100000 + (i % 50)), `Клиент ${i}`]);
    body[1500]![7] = `note\n${'x\n'.repeat(20_000)}end`;
    writeFileSync(path.join(dir, 'quoted.csv'), csv([header, ...body]));
    const kpi = bothWays(['kpi', '-d', 'deals.csv', '-a', 'quoted.csv', '--format', 'json'], []);
    expect(kpi.split).toBe(kpi.whole);
  });

  it('when the halves are in different encodings (one pass decides, or reports it)', () => {
    const header = 'manager,at,kind,direction,missed,duration_s,deal_id,client\n';
    const ascii = Array.from({ length: 2000 }, (_, i) => `Anna,2024-03-01 10:00:00,call,out,false,5,${100000 + i},c${i}\n`).join('');
    const utf8 = Array.from({ length: 2000 }, (_, i) => `Анна,2024-03-01 10:00:00,call,out,false,5,${100000 + i},к${i}\n`).join('');
    writeFileSync(path.join(dir, 'mixed.csv'), Buffer.concat([Buffer.from(header + ascii + ascii), cp1251(utf8)]));
    const kpi = bothWays(['kpi', '-d', 'deals.csv', '-a', 'mixed.csv', '--format', 'json'], []);
    expect(kpi.split).toBe(kpi.whole);
    writeFileSync(path.join(dir, 'mixed2.csv'), Buffer.concat([Buffer.from(header + utf8), cp1251(utf8)]));
    const bad = bothWays(['kpi', '-d', 'deals.csv', '-a', 'mixed2.csv', '--format', 'json'], []);
    expect(bad.split).toBe(bad.whole);
    expect(runCli(['kpi', '-d', 'deals.csv', '-a', 'mixed2.csv'], { cwd: dir, env: WHOLE }).code).toBe(2);
  });

  describe('a call log whose client column is blank on its first rows and filled on one later row', () => {
    // amoCRM deals with the contact's phone: deal 1 won (03.03 10:00 – 05.03 18:00), deal 2 open.
    const deals = [
      'ID,Название сделки,Бюджет,Ответственный,Этап сделки,Дата создания,Дата закрытия,Компания,Рабочий телефон (контакт)',
      '1,Альфа,1000,Иванов Иван,Успешно реализовано,03.03.2025 10:00:00,05.03.2025 18:00:00,ООО Альфа,+7 (916) 100-00-01',
      '2,Бета,2000,Петрова Анна,Переговоры,04.03.2025 09:00:00,,ООО Бета,8 916 100-00-02',
    ];
    // 3000 Sipuni calls (~300 KB), every other one to deal 1's number; call `filledAt` names deal 1's company.
    const calls = (filledAt: number) => [
      'Тип;Статус;Время;Откуда;Куда;Длительность разговора;Информация из CRM;Ответственный из CRM',
      ...Array.from({ length: 3000 }, (_, r) => {
        const client = r % 2 === 0 ? '79161000001' : `7916200${String(r % 40).padStart(4, '0')}`;
        return `Исходящий;Отвечен;${String(3 + (r % 2)).padStart(2, '0')}.03.2025 ${String(10 + (r % 8)).padStart(2, '0')}:30:00;101;${client};60;${r === filledAt ? 'ООО Альфа' : ''};Иванов Иван`;
      }),
    ];

    // The call that names the company is at 10 + at % 8 hours, 30 min: 10:30 for 2000, 16:30 for 2990.
    it.each([
      ['in the worker\'s half', 2000, [], 30],
      ['in the part this thread takes over', 2990, ['sipuni-2990.csv'], 390],
    ])('filled %s: read again with the column, the same KPIs as one pass', (_, at, taken, response) => {
      writeFileSync(path.join(dir, 'deals-sipuni.csv'), `${deals.join('\n')}\n`);
      writeFileSync(path.join(dir, `sipuni-${at}.csv`), `${calls(at).join('\n')}\n`);
      const args = ['kpi', '-d', 'deals-sipuni.csv', '-a', `sipuni-${at}.csv`, '--format', 'json', '--now', '2025-08-01'];
      const kpi = bothWays(args, [`sipuni-${at}.csv`], taken, taken.length ? TAKEOVER : {});
      expect(kpi.split).toBe(kpi.whole);
      // Read with the column, a blank cell names no client: deal 1's one touch is the call that names its
      // company (an even row: on 03.03), its first response `response` minutes after 10:00; deal 2 has none.
      const total = JSON.parse(kpi.split).total;
      expect(total.touches_per_won).toBe(1);
      expect(total.response_min_median).toBe(response);
      expect(total.no_response).toBe(1);
    });
  });

  describe('when this thread takes over the end of the second half', () => {
    it('gives what one pass gives, with bad rows of the part taken over on their own lines', () => {
      const kpi = bothWays(['kpi', '-d', 'deals.csv', '-a', 'activities.csv', '-p', 'payments.csv', '--format', 'json'], ['activities.csv'], ['activities.csv'], TAKEOVER);
      expect(kpi.split).toBe(kpi.whole);
      // activities-extra.csv ends with a bad row: it falls in the part taken over.
      const extra = bothWays(['kpi', '-d', 'deals.csv', '-a', 'activities-extra.csv', '--format', 'json'], ['activities-extra.csv'], ['activities-extra.csv'], TAKEOVER);
      expect(extra.split).toBe(extra.whole);
      expect(JSON.parse(extra.split).dataQuality.rowsSkipped.length).toBeGreaterThan(0);
      const compare = bothWays(['compare', '-d', 'deals.csv', '-a', 'activities.csv', '--cutover', '2025-01-01', '--format', 'json'], ['activities.csv'], ['activities.csv'], TAKEOVER);
      expect(compare.split).toBe(compare.whole);
    });

    it('falls back to one pass when a quoted field spans where it takes over', () => {
      const header = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'];
      const body = Array.from({ length: 3000 }, (_, i) => ['Анна', `2024-03-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`, 'call', 'out', 'false', '5', String(100000 + (i % 50)), `Клиент ${i}`]);
      // One quoted field from about 55% to 95% of the file: the middle is clean, but the part taken
      // over starts inside the field.
      body[2700]![7] = `note\n${'x\n'.repeat(60_000)}end`;
      writeFileSync(path.join(dir, 'quoted-late.csv'), csv([header, ...body]));
      // With payments: they go into the engines while the worker reads, and again into the engines of the one pass.
      const args = ['kpi', '-d', 'deals.csv', '-a', 'quoted-late.csv', '-p', 'payments.csv', '--by', 'manager', '--format', 'json'];
      const halves = bothWays(args, ['quoted-late.csv'], [], { CRM_AUDIT_SPLIT_TAKEOVER: 'off' });
      expect(halves.split).toBe(halves.whole);
      const kpi = bothWays(args, [], [], TAKEOVER);
      expect(kpi.split).toBe(kpi.whole);
      expect(JSON.parse(kpi.split).total.paid).toBeGreaterThan(0);
    });
  });
});
