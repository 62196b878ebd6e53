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
    expect(r.stderr).toContain('Внимание: ms.csv: 4 из 4 отвеченных звонков длятся час и дольше, если читать колонку «Duration» в секундах (например, «45000» — 12,5 ч): у звонков продаж так не бывает, и минуты разговоров завышены. Вероятно, длительности в миллисекундах («45000» — 45 с). Если так, назовите единицу в файле --map: «activities: units: { "Duration": ms }» (единица — «s», «ms», «min» или «hhmm»).\n');
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
    expect(r.stderr).toContain('строка 2, колонка «Duration»: «180000» — сутки и дольше: это не длительность звонка; в миллисекундах это 180 с: --map activities: units: { "Duration": ms } (единицы: s, ms, min, hhmm)');
    expect(JSON.parse(r.stdout).dataQuality.rowsSkipped[0].reason).toBe('"180000" is a day or longer: not the length of a call; in milliseconds it is 180 s: --map activities: units: { "Duration": ms } (units: s, ms, min, hhmm)');
  });
});
