// Tester T70 (M3): amoCRM / Kommo leads through the API v4 (status_id, price, responsible_user_id, Unix
// times) were refused for want of a manager column, and `price` read as a product's price. Expectations
// are worked out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'amocrm-api-'));

describe('amoCRM leads through the API', () => {
  it('are recognised: 142 won, 143 lost, another status_id open; Unix times; the user ids said with a managers: snippet', () => {
    writeFileSync(path.join(dir, 'leads.csv'), [
      'id,name,price,responsible_user_id,group_id,status_id,pipeline_id,loss_reason_id,created_by,created_at,closed_at,updated_at',
      // Won: created 2025-03-01 07:00 UTC, closed 2025-03-05 10:00 UTC (4.125 days).
      '1,A,150000,8123456,0,142,555,,8123456,1740812400,1741168800,1741168800',
      '2,B,80000,8123456,0,143,555,12,8123456,1740898800,1740985200,1740985200',
      '3,C,30000,8123457,0,33445566,555,,8123457,1740985200,,1740985200',
    ].join('\n'));
    const run = runCli(['kpi', '-d', 'leads.csv', '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number>; dataQuality: { files: Array<{ profile?: { id: string } }>; alerts: Array<{ code: string }> } };
    expect(r.total).toMatchObject({ leads: 3, won: 1, lost: 1, open: 1, revenue: 150_000, cycle_days_median: 4.125 });
    expect(r.dataQuality.alerts.map((a) => a.code)).toContain('manager-ids');
    expect(run.stderr).toContain('"8123456": "First Last"');
    const inspect = runCli(['inspect', 'leads.csv', '--lang', 'en'], { cwd: dir });
    expect(inspect.stdout).toContain('profile amocrm-api');
    expect(inspect.stdout).toMatch(/"price" +-> amount/);
  });
});

// Review R53 (L2): with status_name beside status_id, the id decides (a won stage renamed is still 142).
describe('amoCRM leads through the API with the stage names too', () => {
  it('read 142 and 143 by the id', () => {
    writeFileSync(path.join(dir, 'named.csv'), ['id,name,price,responsible_user_id,status_id,status_name,pipeline_id,created_at,closed_at', '1,A,100,5,142,Оплачено,1,1740812400,1741168800', '2,B,100,5,143,Отказ,1,1740812400,1741168800', '3,C,100,5,777,Переговоры,1,1740812400,'].join('\n'));
    const run = runCli(['kpi', '-d', 'named.csv', '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).total).toMatchObject({ won: 1, lost: 1, open: 1 });
  });
});

// Tester T70 (L10): a deals file whose id column is empty on every row was refused as «none of them is a readable deal», with no cause.
describe('a deals file whose id column is empty on every row', () => {
  it('is refused naming the column and the fix', () => {
    writeFileSync(path.join(dir, 'noids.csv'), ['ID,Название сделки,Бюджет,Ответственный,Дата создания сделки,Этап сделки', ',A,100,Иванов Иван,01.03.2025 10:00:00,Успешно реализовано', ',B,100,Иванов Иван,01.03.2025 10:00:00,Переговоры'].join('\n'));
    const en = runCli(['kpi', '-d', 'noids.csv', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error: noids.csv, column "ID": the deals file has 2 rows, but its id column "ID" is empty in every one: a row without an id is no deal\n  hint: export the deals from the CRM with their ids; if the id is in another column, name it in a --map file (deals: columns: id: "…")\n');
    const ru = runCli(['kpi', '-d', 'noids.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('колонка ID «ID» пуста во всех: без ID строка не считается сделкой');
  });
});

// Review R53 (L2): the API writes loss_reason_id 0 for a deal lost without a reason; it was a reason «0».
describe('amoCRM leads through the API with loss_reason_id 0', () => {
  it('read the 0 as no reason, the other ids as reasons', () => {
    writeFileSync(path.join(dir, 'reasons.csv'), ['id,name,price,responsible_user_id,status_id,pipeline_id,loss_reason_id,created_at,closed_at', '1,A,100,5,143,1,0,1740812400,1741168800', '2,B,100,5,143,1,12,1740812400,1741168800', '3,C,100,5,143,1,00,1740812400,1741168800', '4,D,100,5,142,1,0,1740812400,1741168800'].join('\n'));
    const run = runCli(['kpi', '-d', 'reasons.csv', '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const total = JSON.parse(run.stdout).total as Record<string, unknown>;
    expect(total).toMatchObject({ won: 1, lost: 3 });
    expect(total.loss_reasons).toEqual({ '12': 1, unspecified: 2 });
  });
});
