import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiBothWays } from '../helpers/both-ways.js';
import { runCli } from '../helpers/cli.js';

// A tester (tT18 F2): a Salesforce Task extract (Data Loader) timed its calls by ActivityDate, a Date field:
// every call at midnight, before the deal created that day, so response_min_median was null and every deal
// «no response», exit 0 and not a word. CompletedDateTime and CreatedDate hold the moment the call was logged.
describe('kpi times the calls of a Task extract by CompletedDateTime, else CreatedDate', () => {
  const OPPS = [
    'Id,IsDeleted,AccountId,Name,StageName,Amount,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate',
    '0061,false,0011,Alfa,Closed Won,1000.0,2025-02-20,true,true,0051,2025-02-10T08:00:00.000Z',
    '0062,false,0012,Beta,Prospecting,500.0,2025-03-30,false,false,0052,2025-02-11T09:00:00.000Z',
    '0063,false,0013,Gamma,Prospecting,700.0,2025-03-30,false,false,0051,2025-02-12T10:00:00.000Z',
    '0064,false,0014,Delta,Prospecting,300.0,2025-03-30,false,false,0052,2025-02-01T08:00:00.000Z',
  ].join('\n');
  // Hand count: 0064's 3 000 calls of 2 February at 12:00 (1 680 min; enough rows to be read in two
  // halves, the calls below in the second); 0061 answered at 08:20 (20 min); 0062's task has no
  // CompletedDateTime (an older record), logged at 10:30 (90 min); 0063's task was created at 10:05 and
  // done at 10:45 (45 min, its completion). Median (45 + 90) / 2 = 67.5, mean 1 835 / 4 = 458.75; no deal
  // without a response. At midnight only 0064 had one.
  const FILLER = Array.from({ length: 3000 }, (_, i) => `00TF${i},,0064,Call,2025-02-02,Completed,0052,false,0014,true,2025-02-02T12:00:00.000Z,Call,Outbound,10,Reached,2025-02-02T12:00:00.000Z`);
  const TASKS = [
    'Id,WhoId,WhatId,Subject,ActivityDate,Status,OwnerId,IsDeleted,AccountId,IsClosed,CreatedDate,TaskSubtype,CallType,CallDurationInSeconds,CallDisposition,CompletedDateTime',
    ...FILLER,
    '00T1,,0061,Call,2025-02-10,Completed,0051,false,0011,true,2025-02-10T08:20:00.000Z,Call,Outbound,60,Reached,2025-02-10T08:20:00.000Z',
    '00T2,,0062,Call,2025-02-11,Completed,0052,false,0012,true,2025-02-11T10:30:00.000Z,Call,Outbound,30,Reached,',
    '00T3,,0063,Call,2025-02-12,Completed,0051,false,0013,true,2025-02-12T10:05:00.000Z,Call,Outbound,45,Reached,2025-02-12T10:45:00.000Z',
  ].join('\n');

  it('response 1 680, 20, 90 and 45 minutes: median 67.5, none without a response; the same read in halves', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-timed-'));
    writeFileSync(path.join(dir, 'opps.csv'), OPPS);
    writeFileSync(path.join(dir, 'tasks.csv'), TASKS);
    const { result } = kpiBothWays(dir, ['-d', 'opps.csv', '-a', 'tasks.csv'], ['tasks.csv']);
    expect(result.total.response_min_median).toBe(67.5);
    expect(result.total.response_min_avg).toBeCloseTo(458.75, 2);
    expect(result.total.no_response).toBe(0);
  });

  it('inspect shows CompletedDateTime, CreatedDate and ActivityDate read for at, in that order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-timed-'));
    writeFileSync(path.join(dir, 'tasks.csv'), TASKS);
    const run = runCli(['inspect', 'tasks.csv', '--lang', 'en', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const columns = (JSON.parse(run.stdout) as { columns: Array<{ header: string; field?: string }> }).columns;
    expect(columns.filter((c) => c.field === 'at').map((c) => c.header)).toEqual(['ActivityDate', 'CreatedDate', 'CompletedDateTime']);
    expect(run.stdout).not.toContain('timed-at');
  });
});

// The same in any CRM's file: a date column of dates alone beside a column the fields know as an activity's moment, with times.
describe('kpi times a generic call log by a column with times where its date column has none', () => {
  const DEALS = ['ID;Ответственный;Этап сделки;Дата создания;Бюджет', '101;Иванов Иван;Успешно реализовано;10.02.2025 11:00;1000', '102;Петрова Анна;Переговоры;11.02.2025 09:00;500', '103;Петрова Анна;Переговоры;01.02.2025 08:00;700'].join('\n');
  // Hand count: 103's 3 000 calls of 2 February at 12:00 (1 680 min; enough rows to be read in two halves,
  // the calls below in the second); 101 called at 11:20 (20 min), 102 at 09:40 (40 min): median 40, none
  // without a response. At midnight: 103 at 00:00 on the 2nd (960 min), 101 and 102 none.
  const FILLER = Array.from({ length: 3000 }, () => '2025-02-02,2025-02-02 12:00,outbound,Петрова Анна,103,10');
  const CALLS = ['Date,Created at,Direction,Employee,Deal ID,Duration', ...FILLER, '2025-02-10,2025-02-10 11:20,outbound,Иванов Иван,101,60', '2025-02-11,2025-02-11 09:40,outbound,Петрова Анна,102,30'].join('\n');

  it('reads «Created at», and inspect says so naming both columns and the --map line that reads the dates', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-timed-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    writeFileSync(path.join(dir, 'calls.csv'), CALLS);
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'calls.csv'], ['calls.csv']);
    expect(result.total.response_min_median).toBe(40);
    expect(result.total.no_response).toBe(0);
    // kpi says it too, read whole or in halves alike.
    expect(result.dataQuality.alerts).toContainEqual({ code: 'timed-at', file: 'calls.csv', column: 'Created at', dateOnly: ['Date'] });
    const en = runCli(['inspect', 'calls.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain('calls.csv: the column "Date" holds dates without a time of day, and "Created at" dates with times: the calls and activities are timed by "Created at" (by "Date" where it is blank).');
    expect(en.stdout).toContain('--map activities: columns: { at: "Date" }');
    const ru = runCli(['inspect', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('calls.csv: в колонке «Date» даты без времени, а в колонке «Created at» — дата и время');
  });

  it('a log of dates alone is read at midnight, as the spec says: both deals without a response', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-timed-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    writeFileSync(path.join(dir, 'calls.csv'), CALLS.replace(/,2025-02-1\d \d\d:\d\d/g, ',').replace('Created at', 'Note'));
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'calls.csv'], ['calls.csv']);
    expect(result.total.response_min_median).toBe(960);
    expect(result.total.no_response).toBe(2);
  });
});
