import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { headerRowOf } from '../helpers/xlsx-projection.js';
import { METRIC_KEYS } from '../../src/core/kpi/catalog.js';
import { runCli } from '../helpers/cli.js';
import { kpiBothWays } from '../helpers/both-ways.js';

const S = (f: string) => `samples/${f}`;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('crm-audit kpi', () => {
  let json: { managers: Array<Record<string, unknown>>; total: Record<string, unknown>; notApplicable: Record<string, string>; dataQuality: { rowsRead: number; rowsSkipped: unknown[] }; period: unknown; schemaVersion: number };
  beforeAll(() => {
    const run = runCli(['kpi', '-d', S('amocrm-deals.csv'), '-a', S('bitrix24-calls.xls'), '-p', S('payments.csv'), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout);
  });

  it('prints the JSON contract: metric keys in order, managers sorted, full precision', () => {
    expect(json.schemaVersion).toBe(1);
    expect(json.period).toEqual({ from: null, to: null });
    expect(Object.keys(json.total)).toEqual(METRIC_KEYS);
    const names = json.managers.map((m) => m.manager as string);
    expect(names).toEqual([...names].sort());
    expect(Object.keys(json.managers[0]!)).toEqual(['manager', ...METRIC_KEYS]);
    expect(json.total.leads).toBe(1200);
    expect(json.notApplicable).toEqual({ emails: expect.any(String), meetings: expect.any(String), messages: expect.any(String) });
    expect(json.dataQuality.rowsRead).toBeGreaterThan(8000);
  });

  it('is deterministic and never writes to its inputs', () => {
    const before = [S('amocrm-deals.csv'), S('bitrix24-calls.xls')].map(sha);
    const a = runCli(['kpi', '-d', S('amocrm-deals.csv'), '-a', S('bitrix24-calls.xls'), '--format', 'json']);
    const b = runCli(['kpi', '-d', S('amocrm-deals.csv'), '-a', S('bitrix24-calls.xls'), '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    expect([S('amocrm-deals.csv'), S('bitrix24-calls.xls')].map(sha)).toEqual(before);
  });

  it('reads deals from stdin and honours --from/--to and --metrics', () => {
    const run = runCli(['kpi', '-d', '-', '--from', '2025-01-01', '--to', '2025-03-31', '--metrics', 'leads,conversion', '--lang', 'en'], { input: readFileSync(S('amocrm-deals.csv')) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Period: 2025-01-01 — 2025-03-31/);
    expect(run.stdout).toMatch(/Manager\s+Leads\s+Conv\./);
    expect(run.stdout).not.toMatch(/Revenue/);
  });

  it('writes a Markdown table and an XLSX workbook with its five sheets (the last one of charts)', async () => {
    const md = runCli(['kpi', '-d', S('amocrm-deals.csv'), '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toMatch(/^# Sales KPIs per manager/);
    expect(md.stdout).toMatch(/\| Manager \| Leads \|/);
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const out = path.join(dir, 'kpi.xlsx');
    expect(runCli(['kpi', '-d', S('amocrm-deals.csv'), '-a', S('bitrix24-calls.xls'), '-o', out, '--lang', 'en', '--now', '2025-07-01T00:00:00Z']).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['kpi.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Managers', 'Loss reasons', 'Data quality', 'Definitions', 'Charts']);
    const managers = wb.getWorksheet('Managers')!;
    const header = headerRowOf(managers);
    const conv = managers.getRow(header).values as unknown[];
    const col = conv.indexOf('Conversion');
    expect(managers.getRow(header + 1).getCell(col).numFmt).toBe('0.0%');
    expect(typeof managers.getRow(header + 1).getCell(col).value).toBe('number');
    expect(managers.getRow(managers.rowCount).getCell(1).value).toBe('Department');
  });

  it('bad input: exit 2 naming the file and what to do, never a stack', () => {
    const missing = runCli(['kpi', '-d', 'nope.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const f = path.join(dir, 'weird.csv');
    writeFileSync(f, 'Сумма;Клиент\n1;2\n');
    const unmapped = runCli(['kpi', '-d', f]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toMatch(/no header row with known deals columns|cannot find the columns? for manager/);
    expect(unmapped.stderr).not.toMatch(/\bat .*\.js:\d+/);
    // A mistyped path is said before any file is read: here before the deals' own error.
    const later = runCli(['kpi', '-d', f, '-a', 'nope-calls.csv', '-p', S('payments.csv')]);
    expect(later.code).toBe(2);
    expect(later.stderr).toMatch(/^error: nope-calls\.csv: no such file\n/);
    const badDate = runCli(['kpi', '-d', S('amocrm-deals.csv'), '--from', '2025-13-01']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--from must be a date, DD\.MM\.YYYY or YYYY-MM-DD, e\.g\. 01\.02\.2025 or 2025-02-01; got "2025-13-01"/);
  });

  it('too many unreadable rows fail with exit 2 listing row and column; fewer are reported', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const f = path.join(dir, 'deals.csv');
    writeFileSync(f, 'id,manager,created_at,status\n1,A,2025-01-01,won\n2,A,not a date,won\n3,B,2025-01-02,lost\n');
    const run = runCli(['kpi', '-d', f, '--max-bad-rows', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/1 of 3 rows cannot be read, more than the 0 allowed[\s\S]*row 3, column "created_at": "not a date" is not a date/);
    // The limit the hint offers reads the file (a share of 5% was offered, stricter than the default on a small file).
    expect(run.stderr).toContain('--max-bad-rows 1 reads the other rows');
    expect(runCli(['kpi', '-d', f, '--max-bad-rows', '1']).code).toBe(0);
    // The default allows 1% of the rows or 5 rows, whichever is larger: a small file may lose a row.
    const ok = runCli(['kpi', '-d', f, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).dataQuality.rowsSkipped).toEqual([{ file: f, row: 3, column: 'created_at', reason: '"not a date" is not a date' }]);
  });

  // A reviewer: ten of twenty deals without an id were dropped as trailer rows, silently, and won read 0.
  it('rows without a deal id beyond the rows a file may lose stop the run; fewer are dropped and counted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-noid-'));
    const f = path.join(dir, 'deals.csv');
    const rows = Array.from({ length: 20 }, (_, i) => `${i % 2 ? '' : i + 1},Иванов Иван,2025-01-0${(i % 9) + 1},2025-02-01,${i % 2 ? 'won' : 'lost'},1000`);
    writeFileSync(f, `id,manager,created_at,closed_at,status,amount\n${rows.join('\n')}\n`);
    const many = runCli(['kpi', '-d', f, '--lang', 'en']);
    expect(many.code).toBe(2);
    expect(many.stderr).toBe(`error: ${f}: 10 of 20 rows have no deal id, more than the rows a file may lose (--max-bad-rows)\n  hint: the id column is probably misread: crm-audit inspect lists the columns, a --map file names the right one; or raise the limit: --max-bad-rows 10\n`);
    expect(runCli(['kpi', '-d', f, '--max-bad-rows', '10']).code).toBe(0);
    const one = path.join(dir, 'one.csv');
    writeFileSync(one, `id,manager,created_at,closed_at,status,amount\n1,Иванов Иван,2025-01-01,2025-02-01,won,1000\n,Иванов Иван,2025-01-01,2025-02-01,won,1000\n`);
    const ok = runCli(['kpi', '-d', one, '--format', 'json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).dataQuality.files[0].dropped).toEqual({ 'row without a deal id': 1 });
  });

  it.each(['-1', 'пять', ''])('--touch-norm %j is refused: a number of touches, 0 or more', (value) => {
    const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--touch-norm', value, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: --touch-norm must be a number of touches, 0 or more (e.g. 5), got "${value}"\n`);
    expect(runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--touch-norm', value, '--lang', 'ru']).stderr).toBe(`ошибка: --touch-norm: нужно число касаний, 0 или больше (например, 5); получено «${value}»\n`);
  });

  it.each(['1.5', '150%', 'ten', '-1'])('--max-bad-rows %s is refused: a whole count, or a share up to 100%%', (value) => {
    const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--max-bad-rows', value, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--max-bad-rows must be a whole count of rows (e.g. 10) or a share up to 100% (e.g. 5%), got "${value}"`);
  });

  it('a deal closed in its creation minute, with the close time kept to the minute, has a cycle of 0', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const f = path.join(dir, 'deals.csv');
    writeFileSync(f, 'ID;Ответственный;Дата создания;Дата закрытия;Этап сделки;Бюджет\n1;Анна;01.03.2025 13:32:57;01.03.2025 13:32:00;Успешно реализовано;100\n');
    const run = runCli(['kpi', '-d', f, '--format', 'json']);
    expect(run.code).toBe(0);
    const anna = JSON.parse(run.stdout).managers[0];
    expect(anna).toMatchObject({ won: 1, cycle_days_median: 0 });
  });

  it('reads dates and amounts as Zoho, Salesforce, Bitrix24 REST and HubSpot write them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const f = path.join(dir, 'deals.csv');
    writeFileSync(
      f,
      [
        'id,manager,created_at,closed_at,status,amount',
        '1,Ana,"15 Apr, 2021 00:02:00","17 Apr, 2021 12:02:00",won,"€ 2.900,00"',
        '2,Ana,2021-05-08T03:59:51+03:00,2021-05-09T15:59:51+03:00,won,"$22,700.00"',
        '3,Ana,15 de abril de 2021,,open,"25,0000000000"',
        '4,Ana,15. März 2021,16 апреля 2021 г.,lost,"1 234 567,89"',
      ].join('\n') + '\n',
    );
    const run = runCli(['kpi', '-d', f, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.dataQuality.rowsSkippedCount).toBe(0);
    // Cycles 2.5 and 1.5 days: the offset is ignored, wall-clock times as written.
    expect(r.total).toMatchObject({ leads: 4, won: 2, lost: 1, open: 1, revenue: 25600, cycle_days_avg: 2 });
  });

  it('reads an ambiguous 1,234 / 1.234 by the other values of its column, else as grouping', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const revenue = (name: string, amounts: string[]) => {
      const f = path.join(dir, name);
      const rows = amounts.map((a, i) => `${i + 1},Ana,2025-01-0${i + 1},won,"${a}"`);
      writeFileSync(f, `id,manager,created_at,status,amount\n${rows.join('\n')}\n`);
      const run = runCli(['kpi', '-d', f, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout).total.revenue;
    };
    // The third value says dot: the first two wait for it and are thousands.
    expect(revenue('us.csv', ['$25,000', '$1,500', '$22,700.50'])).toBe(49200.5);
    // Comma decimals elsewhere in the column: 1.234 is a thousand and more, 2,500 two and a half.
    expect(revenue('eu.csv', ['1.234', '2.900,00', '2,500'])).toBe(1234 + 2900 + 2.5);
    // Russian decimals: 1,234 is one and a bit (full precision: 13,734, its third decimal kept).
    expect(revenue('ru.csv', ['1,234', '12,5'])).toBe(13.734);
    // Nothing decides: thousands (money has no three-decimal amounts).
    expect(revenue('none.csv', ['25,000', '1,500'])).toBe(26500);
  });

  it('a file none of whose rows can be read names the likely cause, not a higher limit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const f = path.join(dir, 'deals.csv');
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},A,someday ${i},won`);
    writeFileSync(f, `id,manager,created_at,status\n${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', f]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/none of the 12 rows can be read/);
    expect(run.stderr).toMatch(/a deals export and not an activity or call log/);
    expect(run.stderr).toMatch(/--delimiter/);
    expect(run.stderr).toMatch(/map the column "created_at"/);
    expect(run.stderr).not.toMatch(/--max-bad-rows \d/);
  });
});

describe('crm-audit compare', () => {
  it('splits at a cutover and prints the spec JSON', () => {
    const run = runCli(['compare', '-d', S('amocrm-deals.csv'), '-a', S('bitrix24-calls.xls'), '--cutover', '2025-01-01', '--cost', '1500000', '--format', 'json']);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.before).toMatchObject({ from: '2024-07-01', to: '2024-12-31', days: 184 });
    expect(r.rows.map((x: { metric: string }) => x.metric)[0]).toBe('leads_per_month');
    expect(Object.keys(r.payback)).toEqual(['gain_per_month', 'payback_months', 'roi_12m']);
  });

  it('gives the same after-period rows from the before/after pair', () => {
    const run = runCli(['compare', '--before-deals', S('before-after/before-deals.csv'), '--after-deals', S('before-after/after-deals.csv'), '--before-activities', S('before-after/before-calls.xls'), '--after-activities', S('before-after/after-calls.xls'), '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).rows.find((x: { metric: string }) => x.metric === 'conversion').met).toBe(true);
  });

  it('says a mistyped path of the after set before reading the before set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const weird = path.join(dir, 'weird.csv');
    writeFileSync(weird, 'Сумма;Клиент\n1;2\n');
    const B = (f: string) => S(`before-after/${f}`);
    const run = runCli(['compare', '--before-deals', weird, '--after-deals', B('after-deals.csv'), '--before-activities', B('before-calls.xls'), '--after-activities', 'nope-calls.xls']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: nope-calls\.xls: no such file\n/);
  });

  it('spans the periods by the deals only: a call log downloaded later moves neither the periods nor ROI', () => {
    const B = (f: string) => S(`before-after/${f}`);
    const pay = ['--cost', '1500000', '--monthly-cost', '40000', '--margin', '0.35', '--format', 'json'];
    const deals = runCli(['compare', '--before-deals', B('before-deals.csv'), '--after-deals', B('after-deals.csv'), ...pay]);
    const calls = runCli(['compare', '--before-deals', B('before-deals.csv'), '--after-deals', B('after-deals.csv'), '--before-activities', B('before-calls.xls'), '--after-activities', B('after-calls.xls'), ...pay]);
    expect(deals.code).toBe(0);
    expect(calls.code).toBe(0);
    const [d, c] = [JSON.parse(deals.stdout), JSON.parse(calls.stdout)];
    expect(c.before).toEqual(d.before);
    expect(c.after).toEqual(d.after);
    expect(c.payback).toEqual(d.payback);

    // Hand-made: deals in January, a call on 20 February; split at 16 January, "after" ends on 31 January.
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const f = path.join(dir, 'deals.csv');
    const a = path.join(dir, 'calls.csv');
    writeFileSync(f, 'id,manager,created_at,status,amount\n1,A,2025-01-01,won,100\n2,A,2025-01-10,lost,\n3,A,2025-01-20,won,100\n4,A,2025-01-31,open,\n');
    writeFileSync(a, 'deal_id,manager,at,type,direction,duration_sec\n1,A,2025-01-01 10:00,call,outgoing,60\n4,A,2025-02-20 10:00,call,outgoing,60\n');
    const cut = JSON.parse(runCli(['compare', '-d', f, '-a', a, '--cutover', '2025-01-16', '--format', 'json']).stdout);
    expect(cut.before).toMatchObject({ from: '2025-01-01', to: '2025-01-15', days: 15 });
    expect(cut.after).toMatchObject({ from: '2025-01-16', to: '2025-01-31', days: 16 });
    const outside = runCli(['compare', '-d', f, '-a', a, '--cutover', '2025-02-10']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/outside the data, which runs from 2025-01-01 to 2025-01-31/);
  });

  it('says what to change for a cutover outside the data, a missing cutover, or swapped files', () => {
    const out = runCli(['compare', '-d', S('amocrm-deals.csv'), '--cutover', '2030-01-01']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/the cutover 2030-01-01 is outside the data, which runs from 2024-07-01/);
    // Deals of one day left no day to choose: the hint asked for a date after 01.01 and not later than 01.01.
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    writeFileSync(path.join(dir, 'one-day.csv'), 'id,manager,created_at,status\n1,A,2025-01-01,won\n2,B,2025-01-01,lost\n');
    const oneDay = runCli(['compare', '-d', path.join(dir, 'one-day.csv'), '--cutover', '2025-01-01', '--lang', 'ru']);
    expect(oneDay.code).toBe(2);
    expect(oneDay.stderr).toContain('все сделки созданы в один день (01.01.2025): сравнивать «до» и «после» не на чем');
    const none = runCli(['compare', '-d', S('amocrm-deals.csv')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs --cutover/);
    const swapped = runCli(['compare', '-d', S('bitrix24-calls.xls'), '--cutover', '2025-01-01']);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(/--deals looks like an activities export[\s\S]*--activities/);
  });
});

describe('a deal created after the report date (a mistyped year)', () => {
  // Four deals of 2025 and one typed 2052: compare's «after» ran to 2052 (330 months) and every
  // per-month figure fell by 97%, without a word.
  const deals = 'id,manager,created_at,closed_at,status,amount\n1,A,2024-11-05,2024-11-20,won,100\n2,A,2024-12-05,,open,\n3,A,2025-02-05,2025-02-20,won,300\n4,A,2025-03-05,,open,\n5,A,2052-03-06,,open,\n';
  const now = ['--now', '2025-07-01T00:00:00Z'];

  it('kpi and compare say so on stderr and in dataQuality.alerts; a day after the report date is not future', () => {
    const kpi = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en', ...now], { input: deals });
    expect(kpi.code, kpi.stderr).toBe(0);
    // stdin is named as errors name it, not «-»
    expect(kpi.stderr).toContain('Warning: standard input (-): 1 deal was created after the report date (2025-07-01), the latest on 2052-03-06');
    // The report date set by --now is said as such: a pinned date too early puts every deal «in the future» (tester T44).
    expect(JSON.parse(kpi.stdout).dataQuality.alerts).toContainEqual({ code: 'future-deals', file: '-', deals: 1, latest: '2052-03-06', reportDate: '2025-07-01', reportDateFrom: '--now' });
    expect(kpi.stderr).toContain('The report date is set by --now: if the export\'s dates are right, drop --now or set a date no earlier than 2052-03-06.');
    const epoch = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en'], { input: deals, env: { SOURCE_DATE_EPOCH: '1751328000' } });
    expect(epoch.stderr).toContain('The report date is set by SOURCE_DATE_EPOCH');
    const ru = runCli(['compare', '-d', '-', '--cutover', '2025-01-01', ...now], { input: deals, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout + ru.stderr).toContain('стандартный ввод (-): у 1 сделки дата создания 06.03.2052 позже даты отчёта (01.07.2025)');
    const slack = runCli(['kpi', '-d', '-', '--format', 'json', '--now', '2052-03-05T00:00:00Z'], { input: deals });
    expect(JSON.parse(slack.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('future-deals');
  });

  it('a negative amount is counted as written, and said: revenue 100 + 300 − 50', () => {
    const withRefund = deals.replace('3,A,2025-02-05,2025-02-20,won,300', '3,A,2025-02-05,2025-02-20,won,300\n6,A,2025-02-07,2025-02-21,won,(50.00)');
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en', '--to', '2025-06-30', ...now], { input: withRefund });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.total.revenue).toBe(350);
    expect(result.dataQuality.alerts).toEqual([{ code: 'negative-amounts', file: '-', deals: 1, sum: -50 }]);
    expect(run.stderr).toContain('Warning: standard input (-): 1 deal has a negative amount (−50 in all), counted as written');
  });

  it('a creation date left at its zero (1970-01-01) and a close years after the report date are said, in both languages', () => {
    const odd = `${deals}7,A,01.01.1970 03:00:00,,open,\n8,A,2025-03-10,2199-12-31,won,500\n`.replace('5,A,2052-03-06,,open,\n', '');
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en', ...now], { input: odd });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([
      { code: 'placeholder-dates', file: '-', deals: 1, earliest: '1970-01-01' },
      { code: 'closed-later', file: '-', deals: 1, latest: '2199-12-31', reportDate: '2025-07-01', reportDateFrom: '--now' },
    ]);
    expect(run.stderr).toContain('Warning: standard input (-): 1 deal was created before 1990 (the earliest on 1970-01-01)');
    const ru = runCli(['compare', '-d', '-', '--cutover', '2025-01-01', '--lang', 'ru', ...now], { input: odd });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toContain('у 1 сделки дата создания раньше 1990 года (01.01.1970)');
    expect(ru.stderr).toContain('1 выигранная или проигранная сделка закрыта больше чем через год после даты отчёта (01.07.2025), самая поздняя — 31.12.2199');
    // A period that starts after 1990 leaves the deal of 1970 out: only the close is said.
    const from = runCli(['kpi', '-d', '-', '--format', 'json', '--from', '2024-01-01', ...now], { input: odd });
    expect(JSON.parse(from.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).toEqual(['closed-later']);
    // A close in the year after the report date may be a planned date kept: not said.
    const near = runCli(['kpi', '-d', '-', '--format', 'json', '--from', '2024-01-01', '--now', '2199-06-01'], { input: odd });
    expect(JSON.parse(near.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).toEqual([]);
  });

  // A helper's won deal created 01.02.2025 and closed 01.02.2015 was left out of the cycle without a word.
  it('a won or lost deal closed before it was created is said: it has no cycle; one closed within its creation minute is not', () => {
    const odd = `${deals}6,A,2025-02-01,2015-02-01,won,50\n7,A,2025-03-01 13:32:57,2025-03-01 13:32:00,lost,\n`.replace('5,A,2052-03-06,,open,\n', '');
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en', ...now], { input: odd });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([{ code: 'closed-before-created', file: '-', deals: 1, id: '6', created: '2025-02-01', closed: '2015-02-01' }]);
    expect(run.stderr).toContain('Warning: standard input (-): 1 won or lost deal was closed before it was created (deal 6, for one: created 2025-02-01, closed 2015-02-01): it has no cycle');
    const ru = runCli(['kpi', '-d', '-', '--lang', 'ru', ...now], { input: odd });
    expect(ru.stderr).toContain('1 выигранная или проигранная сделка закрыта раньше, чем создана (например, сделка 6: создана 01.02.2025, закрыта 01.02.2015)');
    expect(ru.stderr).toContain('Проверьте даты в CRM (год?)');
  });

  // «создана 31.03.2023, закрыта 31.03.2023 … Проверьте даты в CRM (год?)»: two equal dates, and a year that is not wrong.
  it('a deal closed on the day it was created, before its time, is said with both times and no year to check', () => {
    const odd = 'id,manager,created_at,closed_at,status,amount\n1,A,2023-03-31 11:33:00,2023-03-31 11:10:00,won,100\n2,A,2023-03-01 11:33:00,2023-03-02 11:10:00,won,100\n';
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en', ...now], { input: odd });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([{ code: 'closed-before-created', file: '-', deals: 1, id: '1', created: '2023-03-31', closed: '2023-03-31', createdTime: '11:33', closedTime: '11:10' }]);
    expect(run.stderr).toContain('(deal 1, for one: created 2023-03-31 11:33, closed 2023-03-31 11:10)');
    expect(run.stderr).toContain('Check the times of creation and close in the CRM (different time zones?');
    expect(run.stderr).not.toContain('year');
    const ru = runCli(['kpi', '-d', '-', '--lang', 'ru', ...now], { input: odd });
    expect(ru.stderr).toContain('(например, сделка 1: создана 31.03.2023 11:33, закрыта 31.03.2023 11:10)');
    expect(ru.stderr).toContain('Проверьте время создания и закрытия в CRM (разные часовые пояса?');
    expect(ru.stderr).not.toContain('год?');
  });

  // A tester: a close with seconds, a second before the creation in the same minute, left the cycle without a word.
  it('a close with seconds before its creation, in the same minute, is said: the cycle leaves exactly the deals the alert counts', () => {
    const odd = 'id,manager,created_at,closed_at,status,amount\n1,A,2022-03-22 13:32:57,2022-03-22 13:32:56,won,100\n2,A,2022-03-22 13:32:57,2022-03-22 13:32:00,won,100\n3,A,2022-03-22 13:32:57,2022-03-22 13:33:00,won,100\n';
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en', ...now], { input: odd });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.dataQuality.alerts).toEqual([{ code: 'closed-before-created', file: '-', deals: 1, id: '1', created: '2022-03-22', closed: '2022-03-22', createdTime: '13:32', closedTime: '13:32' }]);
    // Deal 2 (closed at the whole minute) has a cycle of 0, deal 3 one of 3 s: the mean of the two.
    expect(result.total.cycle_days_avg).toBeCloseTo(3 / 86_400 / 2, 12);
  });

  it('is not said when --to ends the period by the report date: those deals are outside it', () => {
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--to', '2025-06-30', ...now], { input: deals });
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([]);
    // A --to after the report date keeps the deal of 2052 inside the period: said.
    const later = runCli(['kpi', '-d', '-', '--format', 'json', '--to', '2060-12-31', ...now], { input: deals });
    expect(JSON.parse(later.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).toContain('future-deals');
  });
});

describe('Pipedrive deals from its API (GET /v1/deals as a table)', () => {
  const deals = [
    'id,title,value,currency,status,add_time,won_time,lost_time,close_time,owner_name,lost_reason,stage_id,pipeline_id',
    '1,Deal A,1000,EUR,won,2025-01-02 10:00:00,2025-01-12 10:00:00,,2025-01-12 10:00:00,Max Mustermann,,3,1',
    '2,Deal B,2000,EUR,lost,2025-01-03 10:00:00,,2025-01-05 10:00:00,2025-01-05 10:00:00,Max Mustermann,Too expensive,2,1',
    '3,Deal C,500,EUR,open,2025-01-04 10:00:00,,,,Erika Muster,,1,1',
    '4,Deal D,700,EUR,deleted,2025-01-04 11:00:00,,,,Erika Muster,,1,1',
  ].join('\n');

  it('is read without a --map: won, lost, revenue, cycle and loss reason; the deleted deal dropped and counted', () => {
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--now', '2025-07-01'], { input: `${deals}\n` });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // 12.01 10:00 − 02.01 10:00 = 10 days; 1 won of 3 (the deleted one is no lead).
    expect(r.total).toMatchObject({ leads: 3, won: 1, lost: 1, open: 1, revenue: 1000, cycle_days_median: 10, loss_reasons: { 'Too expensive': 1 } });
    expect(r.notApplicable.cycle_days_median).toBeUndefined();
    expect(r.dataQuality.files[0].dropped).toEqual({ 'deleted deal (Pipedrive status "deleted")': 1 });
  });

  it('a deals file without a close date column says the cycle needs one, instead of a silent empty cell', () => {
    const run = runCli(['kpi', '-d', '-', '--format', 'json'], { input: 'id,manager,created_at,status,amount\n1,Ann,2024-01-05,won,100\n' });
    expect(JSON.parse(run.stdout).notApplicable).toMatchObject({ cycle_days_avg: 'needs a close date column in the deals file', cycle_days_median: 'needs a close date column in the deals file' });
  });
});

describe('a deal id repeated with another manager or status', () => {
  // A row under deal 100000's id that is another deal (another manager, won): the first row is kept,
  // and the other was dropped with nothing said. One repeat falls in the other half of a split file,
  // one within the second half; a row that repeats its deal as it is (a product row) is not said.
  it('is said with the count and an id, read whole and in two halves', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-dup-'));
    expect(runCli(['generate', '--deals', '3000', '--activities', '10', '--seed', '3', '-o', dir]).code).toBe(0);
    const file = path.join(dir, 'deals.csv');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const last = lines.at(-1)!.split(',');
    const other = (cells: string[], manager: string, status: string) => [cells[0], manager, ...cells.slice(2, 6), status, ...cells.slice(7)].join(',');
    const first = lines[1]!.split(',');
    lines.push(other(first, first[1] === 'Ann' ? 'Bob' : 'Ann', first[6] === 'won' ? 'lost' : 'won'), other(last, 'Ann', last[6]!), lines.at(-1)!);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const envs: Array<Record<string, string>> = [{ CRM_AUDIT_SPLIT_BYTES: '0' }, { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' }];
    const results = envs.map((env) => {
      const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en', '--now', '2025-08-01'], { cwd: dir, env });
      expect(run.code, run.stderr).toBe(0);
      if (env.CRM_AUDIT_SPLIT_TRACE) expect(run.stderr).toContain('read in two halves: deals.csv');
      const r = JSON.parse(run.stdout);
      expect(r.total.leads).toBe(3000);
      expect(r.dataQuality.alerts).toContainEqual({ code: 'repeated-ids-differ', file: 'deals.csv', rows: 2, id: '100000' });
      expect(run.stderr).toContain('Warning: deals.csv: 2 rows repeat a deal id with another manager or status (id 100000, say); only the first row of each id is counted.');
      return r.total;
    });
    expect(results[1]).toEqual(results[0]);
  });
});

describe('a period in which no deal was created (a mistyped year in --from/--to)', () => {
  const deals = 'id,manager,created_at,closed_at,status,amount\n1,A,2025-03-01,2025-03-10,won,100\n2,A,2025-03-04,,open,\n';

  it('is said with the days the file covers, in both languages; a period with deals is not', () => {
    const run = runCli(['kpi', '-d', '-', '--format', 'json', '--lang', 'en', '--from', '2024-03-01', '--to', '2024-03-31', '--now', '2025-07-01'], { input: deals });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).total.leads).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([{ code: 'empty-period', from: '2024-03-01', to: '2024-03-31', first: '2025-03-01', last: '2025-03-04', deals: 2 }]);
    expect(run.stderr).toContain('No deal was created in the period 2024-03-01 — 2024-03-31: every figure is zero. The file\'s 2 deals were created 2025-03-01 — 2025-03-04');
    const ru = runCli(['kpi', '-d', '-', '--to', '31.03.2024', '--now', '2025-07-01'], { input: deals, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toContain('В периоде … — 31.03.2024 не создано ни одной сделки: все показатели — нули. 2 сделки файла созданы 01.03.2025 — 04.03.2025');
    const fine = runCli(['kpi', '-d', '-', '--format', 'json', '--from', '2025-03-01', '--now', '2025-07-01'], { input: deals });
    expect(JSON.parse(fine.stdout).dataQuality.alerts).toEqual([]);
  });
});

describe('crm-audit inspect, generate, demo', () => {
  it('inspect shows the encoding decided, why, and the NUL bytes removed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const f = path.join(dir, 'deals.csv');
    const text = 'id,manager,created_at,status,stage\n1,José,2025-01-01,won,Gestión\n2,João,2025-01-02,lost,Negociação\n';
    const bytes = Buffer.from(text, 'latin1');
    const cut = bytes.indexOf('Negocia');
    writeFileSync(f, Buffer.concat([bytes.subarray(0, cut), Buffer.of(0), bytes.subarray(cut)]));
    const run = runCli(['inspect', f]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/format:\s+text \(CSV\), windows-1252, delimiter ","/);
    expect(run.stdout).toMatch(/encoding:\s+windows-1252: not UTF-8; letter runs: 0 words .*, 4 non-ASCII letters inside Latin words/);
    expect(run.stdout).toMatch(/NUL bytes:\s+1 removed/);
  });

  it('inspect explains a Bitrix24 call log', () => {
    const run = runCli(['inspect', S('bitrix24-calls.xls')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kind:\s+activities/);
    expect(run.stdout).toMatch(/format:\s+HTML, utf-8/);
    expect(run.stdout).toMatch(/"Сотрудник"\s+-> manager/);
    expect(run.stdout).toMatch(/"Пропущенный звонок"\s+-> not answered/);
  });

  it('generate is deterministic for a seed', () => {
    const a = mkdtempSync(path.join(tmpdir(), 'gen-'));
    const b = mkdtempSync(path.join(tmpdir(), 'gen-'));
    for (const d of [a, b]) expect(runCli(['generate', '--deals', '300', '--activities', '2000', '--seed', '3', '-o', d]).code).toBe(0);
    for (const f of ['deals.csv', 'activities.csv', 'payments.csv']) expect(sha(path.join(a, f))).toBe(sha(path.join(b, f)));
    const kpi = runCli(['kpi', '-d', path.join(a, 'deals.csv'), '-a', path.join(a, 'activities.csv'), '-p', path.join(a, 'payments.csv'), '--format', 'json']);
    expect(JSON.parse(kpi.stdout).total.leads).toBe(300);
  });

  it('demo runs the audit, the KPIs and the before/after table, and writes the HTML report where it says', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'demo-'));
    const run = runCli(['demo', '--lang', 'en'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Band: Leader/);
    expect(run.stdout).toMatch(/Evidence-checked total: 7 \/ 10/);
    expect(run.stdout).toMatch(/Sales KPIs per manager/);
    expect(run.stdout).toMatch(/Payback, months/);
    const file = path.join(cwd, 'demo-report.html');
    // The path is said once, by the size line, and the hint after it does not repeat it.
    expect(run.stderr).toContain(`Written: ${file} (`);
    expect(`${run.stdout}${run.stderr}`.split(file).length - 1).toBe(1);
    expect(run.stdout).toMatch(/Open it in a browser; it prints on A4 pages\.\n$/);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('data-chart="payback"');
    // Its steps read the same samples: a warning about them (the spend file's «Радио») is said once, not by each step.
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('Warning: '));
    expect(warnings.filter((w) => w.includes('"Радио"')), run.stderr).toHaveLength(1);
    expect(new Set(warnings).size).toBe(warnings.length);
    // Run again, it replaces its own report; a demo-report.html of the user's own is kept, the next free name taken (T40 F2).
    expect(runCli(['demo', '--lang', 'en'], { cwd }).code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['demo-report.html']);
    writeFileSync(file, 'my own notes');
    const again = runCli(['demo', '--lang', 'en'], { cwd });
    expect(again.stderr).toContain(`Written: ${path.join(cwd, 'demo-report-2.html')} (`);
    expect(readFileSync(file, 'utf8')).toBe('my own notes');
    expect(readdirSync(cwd).sort()).toEqual(['demo-report-2.html', 'demo-report.html']);
  });
});

// T40 F3: a folder that takes no file got the output's hint «укажите другой путь в -o», which demo does not take.
describe('demo where its report cannot be written', () => {
  it('says the tour writes into the current folder, with no -o in the hint', () => {
    const run = runCli(['demo'], { cwd: '/proc', env: { LANG: 'ru_RU.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ошибка: /proc/demo-report.html: не удалось записать отчёт тура: ');
    expect(run.stderr).toContain('подсказка: тур пишет demo-report.html в текущую папку: запустите crm-audit demo из папки, куда можно писать');
    expect(run.stderr).not.toContain('-o');
  });
});

describe('loss reasons written in the stage, with no reason column', () => {
  // Kommo's «Venda perdida (Sem interesse)»: the reasons were read, yet the metric said it needed a reason column.
  it('are the loss reasons, not a metric that needs a column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpi-'));
    writeFileSync(path.join(dir, 'k.csv'), ['ID,Owner,Stage,Amount,Created', '1,Ana,Venda perdida (Sem interesse),100,2025-03-01', '2,Ana,Venda perdida (Preço),100,2025-03-01', '3,Bia,Venda ganha,300,2025-03-02'].join('\n'));
    const r = JSON.parse(runCli(['kpi', '-d', 'k.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(r.total.loss_reasons).toEqual({ 'Sem interesse': 1, Preço: 1 });
    expect(r.notApplicable.loss_reasons).toBeUndefined();
    // Without reasons anywhere it still says what would give them.
    writeFileSync(path.join(dir, 'n.csv'), ['ID,Owner,Stage,Amount,Created', '1,Ana,Closed Lost,100,2025-03-01'].join('\n'));
    expect(JSON.parse(runCli(['kpi', '-d', 'n.csv', '--format', 'json'], { cwd: dir }).stdout).notApplicable.loss_reasons).toBe('needs a loss-reason column in the deals file');
  });
});

// `--metrics loss_reasons` printed «[object Object]» in every manager's cell.
describe('--metrics', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-metrics-'));
  writeFileSync(path.join(dir, 'd.csv'), 'id,manager,client,created_at,closed_at,status,amount,loss_reason\n1,Иван,c,2024-07-01,2024-07-05,lost,100,Дорого\n2,Анна,c,2024-07-02,2024-07-05,lost,300,Дорого\n3,Анна,c,2024-07-02,2024-07-05,won,300,\n');
  it('loss_reasons is the reasons table, beside the columns asked for, in the table and in Markdown', () => {
    for (const format of ['table', 'md']) {
      const run = runCli(['kpi', '-d', 'd.csv', '--metrics', 'loss_reasons,conversion', '--format', format, '--lang', 'ru'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toContain('[object Object]');
      expect(run.stdout).toMatch(/Причины отказа[\s\S]*Дорого/);
      expect(run.stdout).toContain('33,3%');
      expect(run.stderr).toBe('');
    }
  });

  it('an empty list is refused; another format says it keeps every metric', () => {
    expect(runCli(['kpi', '-d', 'd.csv', '--metrics', ' , '], { cwd: dir }).code).toBe(2);
    const json = runCli(['kpi', '-d', 'd.csv', '--metrics', 'conversion', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/--metrics picks the columns of the terminal and Markdown tables/);
  });

  // `--metrics spend,cac,ltv` without --spend printed the title and the reading line, exit 0, and no reason.
  it('unit economics asked for without --spend are said not computed, with the spend file they need', () => {
    const run = runCli(['kpi', '-d', 'd.csv', '--metrics', 'spend,cac,ltv', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('Не рассчитано: Расходы, CAC, LTV — нужен файл расходов (--spend)');
    const md = runCli(['kpi', '-d', 'd.csv', '--metrics', 'cac', '--format', 'md', '--lang', 'en'], { cwd: dir });
    expect(md.stdout).toContain('**Not applicable:** CAC — needs a spend file (--spend)');
  });
});

describe('a call log that does not say a call\'s direction', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-direction-'));
  writeFileSync(path.join(dir, 'd.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иван,79161234567,2025-01-31,,open,1\n');
  it('has the counts by direction and the response not applicable, not zeros; a type column that says it keeps them', () => {
    writeFileSync(path.join(dir, 'calls.csv'), 'Дата;Сотрудник;Длительность;Статус;Клиент\n01.02.2025 10:00;Иван;65;answered;79161234567\n01.02.2025 11:00;Иван;0;no answer;79161234567\n');
    const r = JSON.parse(runCli(['kpi', '-d', 'd.csv', '-a', 'calls.csv', '--format', 'json'], { cwd: dir }).stdout);
    for (const key of ['calls_out', 'calls_in', 'calls_missed', 'missed_share', 'callback_rate', 'response_min_median', 'no_response']) {
      expect(r.total[key], key).toBeNull();
      expect(r.notApplicable[key], key).toMatch(/^needs a call direction/);
    }
    expect(r.total.talk_minutes).toBeCloseTo(65 / 60, 12);
    writeFileSync(path.join(dir, 'typed.csv'), 'Дата;Сотрудник;Тип;Длительность;Клиент\n01.02.2025 10:00;Иван;Исходящий звонок;65;79161234567\n01.02.2025 11:00;Иван;Письмо;0;79161234567\n');
    const typed = JSON.parse(runCli(['kpi', '-d', 'd.csv', '-a', 'typed.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(typed.total.calls_out).toBe(1);
    expect(typed.notApplicable.calls_out).toBeUndefined();
  });

  // Tester T72 (F5): a direction column blank on every row (calls logged by hand in HubSpot) read as 0 in, 0 out and every deal without a response.
  it('with a direction column blank on every row is the same', () => {
    writeFileSync(path.join(dir, 'blank.csv'), 'Дата;Сотрудник;Направление;Длительность;Статус;Клиент\n01.02.2025 10:00;Иван;;65;answered;79161234567\n01.02.2025 11:00;Иван;;0;no answer;79161234567\n');
    const r = JSON.parse(runCli(['kpi', '-d', 'd.csv', '-a', 'blank.csv', '--format', 'json'], { cwd: dir }).stdout);
    for (const key of ['calls_out', 'calls_in', 'response_min_median', 'no_response']) {
      expect(r.total[key], key).toBeNull();
      expect(r.notApplicable[key], key).toMatch(/^needs a call direction/);
    }
    // Review R54 (H2): beside a type column that says the direction, that column speaks.
    writeFileSync(path.join(dir, 'blank-typed.csv'), 'Дата;Сотрудник;Тип;Направление;Длительность;Клиент\n01.02.2025 10:00;Иван;Исходящий звонок;;65;79161234567\n01.02.2025 11:00;Иван;Входящий звонок;;30;79161234567\n');
    const typed = JSON.parse(runCli(['kpi', '-d', 'd.csv', '-a', 'blank-typed.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect([typed.total.calls_out, typed.total.calls_in]).toEqual([1, 1]);
  });

  // Review R54 (M1): HubSpot's export of every kind, its calls logged by hand (Call direction blank on
  // every call) and its e-mails' Email direction filled, counted the calls 0 in and 0 out.
  it('in an export of every kind whose e-mails alone have a direction is the same; a call that has one is counted', () => {
    const head = 'Activity date,Activity type,Activity assigned to,Call direction,Email direction,Call duration,Associated Contact\n';
    const rows = ['2025-02-01 10:00,Call,Иван,,,65000,79161234567', '2025-02-01 11:00,Call,Иван,,,0,79161234567', '2025-02-01 12:00,Email,Иван,,EMAIL,,79161234567', '2025-02-01 13:00,Email,Иван,,INCOMING_EMAIL,,79161234567'];
    writeFileSync(path.join(dir, 'hs-all.csv'), head + rows.join('\n') + '\n');
    const r = JSON.parse(runCli(['kpi', '-d', 'd.csv', '-a', 'hs-all.csv', '--format', 'json'], { cwd: dir }).stdout);
    for (const key of ['calls_out', 'calls_in', 'calls_missed']) {
      expect(r.total[key], key).toBeNull();
      expect(r.notApplicable[key], key).toMatch(/^needs a call direction/);
    }
    expect(r.total.talk_minutes).toBeCloseTo(65 / 60, 12);
    writeFileSync(path.join(dir, 'hs-all-2.csv'), head + [...rows, '2025-02-02 10:00,Call,Иван,OUTBOUND,,30000,79161234567'].join('\n') + '\n');
    const directed = JSON.parse(runCli(['kpi', '-d', 'd.csv', '-a', 'hs-all-2.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect([directed.total.calls_out, directed.total.calls_in]).toEqual([1, 0]);
    // A file of e-mails alone keeps its directions: no call, and none in or out.
    writeFileSync(path.join(dir, 'hs-mail.csv'), head + rows.slice(2).join('\n') + '\n');
    const mail = JSON.parse(runCli(['kpi', '-d', 'd.csv', '-a', 'hs-mail.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect([mail.total.calls_out, mail.total.calls_in]).toEqual([0, 0]);
  });
});

describe('--metrics with a name misspelt', () => {
  it('suggests the closest metric, as --assert and targets do, quoting as its language does', () => {
    const deals = 'id,manager,created_at,status\n1,A,2024-01-01,won\n';
    const ru = runCli(['kpi', '-d', '-', '--metrics', 'conversoin', '--lang', 'ru'], { input: deals });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('ошибка: неизвестный показатель: «conversoin»; возможно, вы имели в виду conversion');
    const en = runCli(['kpi', '-d', '-', '--metrics', 'conversoin', '--lang', 'en'], { input: deals });
    expect(en.stderr).toContain('error: unknown metric "conversoin"; did you mean conversion?');
  });

  // `--metrics ''` listed 31 names (the per-manager metrics) where `--metrics foo` listed 39, and «foo» was offered «won».
  it('an empty list and an unknown name list the same names, every one --metrics takes; a name far from all is offered none', () => {
    const deals = 'id,manager,created_at,status\n1,A,2024-01-01,won\n';
    const hint = (metrics: string) => /hint: metrics: (.*)/.exec(runCli(['kpi', '-d', '-', '--metrics', metrics, '--lang', 'en'], { input: deals }).stderr)?.[1];
    // The empty list says it is empty, listing the same names.
    const empty = runCli(['kpi', '-d', '-', '--metrics', '', '--lang', 'en'], { input: deals }).stderr;
    const all = /hint: list metrics separated by commas \((.*)\), or drop --metrics to show them all/.exec(empty)?.[1];
    expect(empty).toMatch(/^error: --metrics: the list of metrics is empty\n/);
    expect(all).toBeDefined();
    expect(hint('foo')).toBe(all);
    for (const key of [...METRIC_KEYS, 'spend', 'cac', 'ltv', 'age_days_median']) expect(all!.split(', ')).toContain(key);
    const foo = runCli(['kpi', '-d', '-', '--metrics', 'foo', '--lang', 'ru'], { input: deals });
    expect(foo.code).toBe(2);
    expect(foo.stderr).toContain('ошибка: неизвестный показатель: «foo»\n');
    // One letter off in a short name is still offered.
    expect(runCli(['kpi', '-d', '-', '--metrics', 'wno', '--lang', 'en'], { input: deals }).stderr).toContain('error: unknown metric "wno"; did you mean won?');
  });
});

// A tester: a header split by «,» over rows split by «;» got a --map snippet by number that could not
// read it (with it, the file split by the header's comma into one column).
describe('a CSV whose header and rows use different delimiters', () => {
  it('kpi, inspect and map say so and how to fix it, with no snippet', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-mixed-delimiters-'));
    writeFileSync(path.join(dir, 'mixed.csv'), 'ID,Ответственный,Этап сделки,Бюджет,Дата создания,Причина отказа\n1;Иванов;Успешно реализовано;1000;01.03.2025;\n2;Иванов;Закрыто и не реализовано;2000;02.03.2025;Дорого\n3;Петров;Успешно реализовано;3000;03.03.2025;\n');
    for (const args of [['kpi', '-d', 'mixed.csv'], ['inspect', 'mixed.csv'], ['map', 'mixed.csv']]) {
      const ru = runCli([...args, '--lang', 'ru'], { cwd: dir });
      expect(ru.code).toBe(2);
      expect(ru.stderr).toBe(
        'ошибка: mixed.csv: заголовок и строки с данными разделены по-разному: строка 1 (заголовок) делится запятыми («,») на 6 колонок, а строки с данными — другим разделителем (в строке 2 столько же колонок); так бывает, когда файл пересохранили не целиком\n' +
          '  подсказка: сохраните файл заново с одним разделителем: откройте выгрузку в Excel или LibreOffice и сохраните её целиком как CSV, или выгрузите её из CRM ещё раз; ни --delimiter, ни --map этого не исправят: у файла один разделитель\n',
      );
      const en = runCli([...args, '--lang', 'en'], { cwd: dir });
      expect(en.stderr).toMatch(/^error: mixed\.csv: the header and the data rows use different delimiters: row 1 \(the header\) splits by commas \(","\) into 6 columns/);
      expect(en.stderr).not.toContain('columns:');
    }
  });
});

// T40 F13: kpi took options that change nothing in silence, where compare and audit say so.
describe('kpi options with no file to act on', () => {
  it('says --margin without --spend and the activities\' options without --activities, once each, in the run\'s language', () => {
    const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--callback-window', '2ч', '--touch-norm', '3', '--time-offset', '3', '--margin', '30%', '--format', 'json', '--now', '2025-07-01'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Внимание: --margin ни на что не влияет без --spend: доля маржи нужна только ROMI и LTV');
    expect(run.stderr).toContain('Внимание: --touch-norm, --callback-window, --time-offset ни на что не влияют без файла звонков и действий (--activities): эти параметры — о них');
    const one = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--time-offset', '3', '--format', 'json', '--lang', 'en']);
    expect(one.stderr).toContain('Warning: --time-offset changes nothing without the activities file (--activities): it is about the calls and activities');
    // With the activities, or none of them typed (the defaults), nothing is said.
    const used = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '--time-offset', '3', '--format', 'json', '--now', '2025-07-01'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(used.stderr).not.toContain('ни на что не влия');
    expect(runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'json', '--now', '2025-07-01']).stderr).not.toContain('changes nothing');
  });
});

// Tester T75 (F10): «Не указан», «<Не назначен>» and a pivot table's «(пусто)» in the manager column were managers.
describe('a manager cell that names no one', () => {
  it('is a deal assigned to no one, as a blank cell, unless the --map file names someone for it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-nobody-'));
    const deals = ['id,manager,created_at,status,amount', '1,Анна,2025-01-10,won,100', '2,Не указан,2025-01-11,won,200', '3,<Не назначен>,2025-01-12,open,', '4,(пусто),2025-01-13,lost,', '5,Анна,2025-01-14,lost,', '6,Анна,2025-01-15,open,'].join('\n');
    writeFileSync(path.join(dir, 'd.csv'), deals);
    const r = JSON.parse(runCli(['kpi', '-d', 'd.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(r.managers.map((m: { manager: string }) => m.manager)).toEqual(['Анна']);
    expect(r.total).toMatchObject({ leads: 3, won: 1 });
    expect(r.dataQuality.alerts).toContainEqual({ code: 'deals-no-manager', file: 'd.csv', deals: 3, rows: 6, column: 'manager' });
    writeFileSync(path.join(dir, 'm.yaml'), 'managers:\n  "Не указан": "Борис"\n');
    const mapped = JSON.parse(runCli(['kpi', '-d', 'd.csv', '--map', 'm.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(mapped.managers.map((m: { manager: string }) => m.manager)).toEqual(['Анна', 'Борис']);
  });
});

// Tester T75 (F11): a comma file given --delimiter ';' was one column, and the refusal offered the whole line as the manager.
describe('a --delimiter no line of the file holds', () => {
  it('is refused naming the delimiter the lines hold; a one-column file is read as given', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-delimiter-'));
    writeFileSync(path.join(dir, 'd.csv'), 'id,manager,created_at,status\n1,Анна,2025-01-01,won\n2,Борис,2025-01-02,lost\n');
    const ru = runCli(['kpi', '-d', 'd.csv', '--delimiter', ';', '--lang', 'ru'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe("ошибка: d.csv: с --delimiter ';' каждая строка — одна колонка: в первых строках файла нет разделителя «;», они разделены «,»\n  подсказка: уберите --delimiter (разделитель определится сам) или укажите --delimiter ','\n");
    expect(runCli(['kpi', '-d', 'd.csv', '--delimiter', ',', '--format', 'json'], { cwd: dir }).code).toBe(0);
    const tab = runCli(['kpi', '-d', 'd.csv', '--delimiter', 'tab', '--lang', 'en'], { cwd: dir });
    expect(tab.stderr).toContain('error: d.csv: with --delimiter tab every line is one column: none of the file\'s first lines holds a tab, they are split by ","');
  });
});

// Tester T76 (F12): activities naming only a client beside a few naming a deal link to none (the spec links by
// deal alone once any activity names one): said, whole and in halves alike.
describe('activities naming only a client beside others naming a deal', () => {
  it('are said to link to no deal', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-client-links-'));
    writeFileSync(path.join(dir, 'd.csv'), ['id,manager,client,created_at,closed_at,status', ...Array.from({ length: 10 }, (_, i) => `${i + 1},Анна,c${i + 1},2025-01-10,2025-01-20,won`)].join('\n') + '\n');
    const rows = [...Array.from({ length: 20 }, (_, i) => `Анна,2025-01-12 10:${String(i).padStart(2, '0')},call,out,,c${(i % 10) + 1}`), ...Array.from({ length: 3 }, (_, i) => `Анна,2025-01-13 10:0${i},email,out,${i + 1},`)];
    writeFileSync(path.join(dir, 'a.csv'), ['manager,at,kind,direction,deal_id,client', ...rows].join('\n') + '\n');
    const { result, stderr } = kpiBothWays(dir, ['-d', 'd.csv', '-a', 'a.csv']);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'client-links-dropped', file: 'a.csv', withDeal: 3, clientOnly: 20 });
    expect(stderr).toContain('a.csv: 20 activities name a client and no deal, and link to none: 3 others name a deal');
  });
});
