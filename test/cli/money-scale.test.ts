// Tester T34 F8: «Бюджет, тыс. руб.» and «Сумма (тыс. ₽)» were neither mapped nor scaled. A money column
// whose header names thousands or millions is read in units, and the run says so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-scale-'));
writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Дата создания;Дата закрытия;Этап сделки;Источник;Бюджет, тыс. руб.', '1;Иванов;01.03.2025;05.03.2025;Успешно реализовано;Яндекс;1 500', '2;Иванов;02.03.2025;06.03.2025;Успешно реализовано;Яндекс;2,5', '3;Петров;02.03.2025;;Переговоры;Яндекс;10'].join('\n'));
writeFileSync(path.join(dir, 'spend.csv'), ['Месяц;Источник;Расход, млн руб.', '2025-03;Яндекс;0,3'].join('\n'));

describe('money in the thousands or millions its header names', () => {
  it('is read in roubles, and said in the run\'s language', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '--spend', 'spend.csv', '--format', 'json', '--now', '2025-04-01', '--lang', 'ru'], { cwd: dir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { total: { revenue: number; average_check: number }; spend: { total: number }; dataQuality: { alerts: Array<{ code: string; columns?: unknown }> } };
    // By hand: revenue 1 500 000 + 2 500 = 1 502 500; average check 751 250; spend 0,3 million = 300 000.
    expect([out.total.revenue, out.total.average_check, out.spend.total]).toEqual([1_502_500, 751_250, 300_000]);
    expect(out.dataQuality.alerts.filter((a) => a.code === 'money-scale').map((a) => a.columns)).toEqual([[{ header: 'Бюджет, тыс. руб.', scale: 1000 }], [{ header: 'Расход, млн руб.', scale: 1_000_000 }]]);
    expect(run.stderr).toContain('Внимание: deals.csv: суммы прочитаны в единицах, которые называет заголовок колонки: «Бюджет, тыс. руб.» — в тысячах: 1 500 → 1 500 000.');
    const en = runCli(['kpi', '-d', 'deals.csv', '--now', '2025-04-01', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('"Бюджет, тыс. руб." in thousands: 1,500 → 1,500,000');
  });

  // Third read: a column passed over for the amount («Бюджет, тыс. руб.» beside the «Бюджет» read) was said read in thousands.
  it('is not said of a column of the same name that is not read', () => {
    writeFileSync(path.join(dir, 'twins.csv'), ['ID;Ответственный;Дата создания;Статус;Бюджет;Бюджет, тыс. руб.', '1;Анна;01.03.2025;won;1500000;1500'].join('\n'));
    const run = runCli(['kpi', '-d', 'twins.csv', '--format', 'json', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { total: { revenue: number }; dataQuality: { alerts: Array<{ code: string }> } };
    expect(out.total.revenue).toBe(1_500_000);
    expect(out.dataQuality.alerts.map((a) => a.code)).not.toContain('money-scale');
  });
});
