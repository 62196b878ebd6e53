// A call log in milliseconds under a generic «Duration» (tester T13 F5): read as seconds its talk was
// 2416.7 minutes for 2.42, without a word. Now said, with the --map line; the ≥ 24 h rows name it too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'call-hours-'));
writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,closed_at,status,amount\n1,Иванов,2025-03-01,2025-03-05,won,1000\n2,Петров,2025-03-02,2025-03-03,won,3000\n');
writeFileSync(path.join(dir, 'ms.csv'), 'Date,Manager,Direction,Duration,Client\n2025-03-01 11:00,Иванов,out,45000,A\n2025-03-02 12:00,Иванов,out,30000,B\n2025-03-03 10:30,Петров,in,62000,C\n2025-03-03 12:00,Петров,out,8000,D\n');
writeFileSync(path.join(dir, 'day.csv'), 'Date,Manager,Direction,Duration,Client\n2025-03-01 11:00,Иванов,out,180000,A\n2025-03-02 12:00,Иванов,out,40,B\n');
writeFileSync(path.join(dir, 'map.yaml'), 'activities:\n  units: { "Duration": ms }\n');
const RU = { LANG: 'ru_RU.UTF-8' };

describe('call durations in milliseconds read as seconds', () => {
  it('are said with the --map line, the numbers unchanged', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms.csv', '--format', 'json'], { cwd: dir, env: RU });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total.talk_minutes).toBeCloseTo(2416.67, 2);
    expect(r.stderr).toContain('Внимание: ms.csv: 4 из 4 отвеченных звонков длятся час и дольше, если читать колонку «Duration» в секундах (например, «45000» — 12,5 ч): у звонков продаж так не бывает, и минуты разговоров завышены. Вероятно, длительности в миллисекундах («45000» — 45 с). Если так, назовите единицу в файле --map: «activities: units: { "Duration": ms }» (единица — «s», «ms», «min», «hhmm» или «day»).\n');
    expect(r.stderr.match(/час и дольше/g)).toHaveLength(1);
  });

  it('mapped as ms, read right and not said', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir, env: RU });
    expect(r.stderr).not.toContain('час и дольше');
    expect(JSON.parse(r.stdout).total.talk_minutes).toBeCloseTo(2.4167, 4);
  });

  it('read in two parts, the same', () => {
    const one = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms.csv', '--format', 'json'], { cwd: dir, env: { ...RU, CRM_AUDIT_SPLIT_BYTES: '0' } });
    const two = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms.csv', '--format', 'json'], { cwd: dir, env: { ...RU, CRM_AUDIT_SPLIT_BYTES: '100' } });
    expect(two.stderr).toBe(one.stderr);
    expect(JSON.parse(two.stdout).dataQuality.alerts).toEqual(JSON.parse(one.stdout).dataQuality.alerts);
  });

  it('a value of a day or more names the ms unit where it is a call in milliseconds', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'day.csv', '--format', 'json'], { cwd: dir, env: RU });
    expect(r.stderr).toContain('строка 2, колонка «Duration»: «180000» — сутки и дольше: это не длительность звонка; в миллисекундах это 180 с: --map activities: units: { "Duration": ms } (единицы: s, ms, min, hhmm, day)');
    expect(JSON.parse(r.stdout).dataQuality.rowsSkipped[0].reason).toBe('"180000" is a day or longer: not the length of a call; in milliseconds it is 180 s: --map activities: units: { "Duration": ms } (units: s, ms, min, hhmm, day)');
  });
});

// A tester's log in ms under «Duration» (tT18 F3): its calls of 125000, 300000 and 3725000 ms were refused one by
// one as «a day or longer», the others (65000, 59000) summed as seconds, talk 29 times too high, exit 0; and call-hours
// said nothing, the refused rows not counted. They are evidence now, and a column that reads as ms stops the run.
describe('a duration column in milliseconds with rows refused as «a day or longer»', () => {
  // Read as seconds: 125000 and 300000 are a day or longer (refused), 65000 and 59000 are 18 and 16.4 hours.
  writeFileSync(path.join(dir, 'ms-refused.csv'), 'Date,Manager,Direction,Duration,Client\n2025-03-01 11:00,Иванов,out,125000,A\n2025-03-01 12:00,Иванов,out,65000,B\n2025-03-02 10:00,Петров,in,300000,C\n2025-03-02 12:00,Петров,out,59000,D\n');

  it('stops the run (exit 2) naming the file, the column, the values refused and the --map line', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms-refused.csv', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ms-refused.csv, column "Duration": the durations in column "Duration" are milliseconds: 4 of 4 answered calls last an hour or more read as seconds, and 2 rows were refused as "a day or longer" (125000 ms = 125 s, 300000 ms = 300 s)');
    expect(r.stderr).toContain('activities: units: { "Duration": ms }');
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms-refused.csv'], { cwd: dir, env: RU });
    expect(ru.stderr).toContain('длительности в колонке «Duration» — миллисекунды: 4 из 4 отвеченных звонков длятся час и дольше, если читать их в секундах, а 2 строки пропущены как «сутки и дольше» (125000 мс = 125 с, 300000 мс = 300 с)');
  });

  it('--max-bad-rows does not lift it', () => {
    expect(runCli(['kpi', '-d', 'deals.csv', '-a', 'ms-refused.csv', '--max-bad-rows', '100'], { cwd: dir }).code).toBe(2);
  });

  it('mapped as ms: every call read, talk (125 + 65 + 300 + 59) s = 9.15 min', () => {
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms-refused.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout).total;
    expect(t.talk_minutes).toBeCloseTo(9.15, 4);
    expect([t.calls_out, t.calls_in]).toEqual([3, 1]);
  });

  it('stated in seconds by the --map: no stop, the rows refused one by one, and call-hours counts them', () => {
    writeFileSync(path.join(dir, 'seconds.yaml'), 'activities:\n  units: { "Duration": s }\n');
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'ms-refused.csv', '--map', 'seconds.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.dataQuality.rowsSkipped).toHaveLength(2);
    expect(result.dataQuality.alerts.find((a: { code: string }) => a.code === 'call-hours')).toMatchObject({ calls: 4, long: 4 });
  });

  it('is judged on the whole file when read in two halves: refused rows in one half, the calls that weigh in the other', () => {
    // 3000 calls of 65000 (18 h as seconds); one of 125000, refused, near the end: the second half alone refuses a row.
    const rows = Array.from({ length: 3000 }, (_, i) => `2025-03-01 ${String(9 + (i % 8)).padStart(2, '0')}:00,Иванов,out,${i === 2900 ? 125000 : 65000},client ${i % 50} with a longer name to fill the row`);
    writeFileSync(path.join(dir, 'ms-big.csv'), `Date,Manager,Direction,Duration,Client\n${rows.join('\n')}\n`);
    const args = ['kpi', '-d', 'deals.csv', '-a', 'ms-big.csv', '--lang', 'en'];
    const one = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } });
    const two = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '1' } });
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr).toContain('3000 of 3000 answered calls last an hour or more read as seconds, and 1 row was refused as "a day or longer" (125000 ms = 125 s)');
  });
});
