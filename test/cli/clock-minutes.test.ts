// A duration column in hours and minutes (Pipedrive writes «Длительность» `00:05` for five minutes) read
// as minutes and seconds (tester T29 F4): talk 0.25 minutes for 15, without a word. Now said, with the
// --map line that reads it as hhmm; the numbers are left as read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'clock-minutes-'));
writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,closed_at,status,amount\n1,Иванов,2025-03-01,2025-03-05,won,1000\n2,Петров,2025-03-02,2025-03-03,won,3000\n');
// Ten answered calls, nine of them `00:MM` (under a minute as mm:ss), one `01:10`; and one missed call, not weighed.
const clocks = ['00:05', '00:12', '00:03', '00:30', '00:07', '00:15', '00:02', '00:45', '00:09', '01:10'];
const rows = clocks.map((d, i) => `2025-03-0${1 + (i % 5)} ${10 + i}:00,${i % 2 ? 'Петров' : 'Иванов'},out,${d},Клиент ${i}`);
writeFileSync(path.join(dir, 'hhmm.csv'), `Date,Manager,Direction,Duration,Client\n${rows.join('\n')}\n2025-03-02 09:00,Иванов,in,00:00,Клиент 99\n`);
// A log of real minutes and seconds: most calls last minutes.
const real = ['03:05', '00:12', '12:03', '04:30', '00:07', '07:15', '02:02', '01:45', '00:59', '10:10'];
writeFileSync(path.join(dir, 'mmss.csv'), `Date,Manager,Direction,Duration,Client\n${real.map((d, i) => `2025-03-01 ${10 + i}:00,Иванов,out,${d},Клиент ${i}`).join('\n')}\n`);
writeFileSync(path.join(dir, 'map.yaml'), 'activities:\n  units: { "Duration": hhmm }\n');
const RU = { LANG: 'ru_RU.UTF-8' };
// As mm:ss: 5+12+3+30+7+15+2+45+9+70 = 198 s = 3.3 min; as hh:mm: 198 min.
const SECONDS = 198;

describe('a duration column of clocks with no minutes', () => {
  it('is said with the --map line, the talk left as read', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'hhmm.csv', '--format', 'json'], { cwd: dir, env: RU });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.total.talk_minutes).toBeCloseTo(SECONDS / 60, 6);
    expect(result.dataQuality.alerts.find((a: { code: string }) => a.code === 'clock-minutes')).toEqual({ code: 'clock-minutes', file: 'hhmm.csv', column: 'Duration', calls: 10, short: 9, example: '00:05' });
    expect(r.stderr).toContain('Внимание: hhmm.csv: 9 из 10 отвеченных звонков короче минуты, если читать колонку «Duration» как минуты и секунды (например, «00:05» — 5 с): у звонков продаж так не бывает, и минуты разговоров занижены. Вероятно, длительности записаны как часы и минуты, как в Pipedrive («00:05» — 5 мин). Если так, назовите единицу в файле --map: «activities: units: { "Duration": hhmm }» (единица — «s», «ms», «min», «hhmm» или «day»).\n');
    const en = runCli(['kpi', '-d', 'deals.csv', '-a', 'hhmm.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('hhmm.csv: 9 of 10 answered calls last under a minute when column "Duration" is read as minutes and seconds (e.g. "00:05", 5 s)');
  });

  it('mapped as hhmm, read as minutes and not said', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'hhmm.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir, env: RU });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.total.talk_minutes).toBeCloseTo(SECONDS, 6);
    expect(result.dataQuality.alerts.some((a: { code: string }) => a.code === 'clock-minutes')).toBe(false);
  });

  it('a log of real minutes and seconds is not said', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'mmss.csv', '--format', 'json'], { cwd: dir, env: RU });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dataQuality.alerts.some((a: { code: string }) => a.code === 'clock-minutes')).toBe(false);
  });

  it('read in two parts, the same', () => {
    const one = runCli(['kpi', '-d', 'deals.csv', '-a', 'hhmm.csv', '--format', 'json'], { cwd: dir, env: { ...RU, CRM_AUDIT_SPLIT_BYTES: '0' } });
    const two = runCli(['kpi', '-d', 'deals.csv', '-a', 'hhmm.csv', '--format', 'json'], { cwd: dir, env: { ...RU, CRM_AUDIT_SPLIT_BYTES: '100' } });
    expect(two.stderr).toBe(one.stderr);
    expect(JSON.parse(two.stdout).dataQuality.alerts).toEqual(JSON.parse(one.stdout).dataQuality.alerts);
  });
});

// A tester (T34 F4): a workbook's call durations saved as plain numbers, fractions of a day (0.0034722 for 5 minutes),
// were read as seconds: talk 0.001 minutes for 84.3, without a word. Now said, with the --map line that reads them (`day`).
describe('a duration column of fractions of a day', () => {
  // 5 min, 2 min, 10 min as fractions of a day: 300 + 120 + 600 = 1020 s = 17 min.
  const fractions = ['0.003472222222', '0.001388888889', '0.006944444444'];
  writeFileSync(path.join(dir, 'fractions.csv'), `Date,Manager,Direction,Duration,Client\n${fractions.map((d, i) => `2025-03-0${1 + i} 10:00,Иванов,out,${d},Клиент ${i}`).join('\n')}\n`);
  writeFileSync(path.join(dir, 'day.yaml'), 'activities:\n  units: { "Duration": day }\n');

  it('is said with the --map line; mapped as day, read in minutes', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'fractions.csv', '--format', 'json'], { cwd: dir, env: RU });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dataQuality.alerts.find((a: { code: string }) => a.code === 'day-fractions')).toEqual({ code: 'day-fractions', file: 'fractions.csv', column: 'Duration', calls: 3, short: 3, example: '0.003472222222' });
    expect(r.stderr).toContain('назовите единицу в файле --map: «activities: units: { "Duration": day }»');
    const mapped = runCli(['kpi', '-d', 'deals.csv', '-a', 'fractions.csv', '--map', 'day.yaml', '--format', 'json'], { cwd: dir, env: RU });
    expect(mapped.code, mapped.stderr).toBe(0);
    const result = JSON.parse(mapped.stdout);
    expect(result.total.talk_minutes).toBeCloseTo(17, 6);
    expect(result.dataQuality.alerts.some((a: { code: string }) => a.code === 'day-fractions')).toBe(false);
  });
});
