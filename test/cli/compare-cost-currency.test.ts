import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// T39 F4: --cost «1 500 000 ₽» against deals in dollars: payback 1 446,65 months, ROI −99,2%, no word.
const HEADER = 'id,manager,created_at,closed_at,status,amount';
const before = [HEADER, '1,Ann,2024-01-01 10:00,2024-01-10 10:00,won,"$6,000.00"', '2,Bob,2024-03-31 10:00,2024-04-02 10:00,lost,'];
const after = [HEADER, '11,Ann,2025-01-01 10:00,2025-01-10 10:00,won,"$6,000.00"', '12,Bob,2025-03-31 10:00,2025-04-02 10:00,won,"$3,000.00"'];

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-cost-currency-'));
  writeFileSync(path.join(dir, 'before.csv'), `${before.join('\n')}\n`);
  writeFileSync(path.join(dir, 'after.csv'), `${after.join('\n')}\n`);
  writeFileSync(path.join(dir, 'one.csv'), `${[...before, ...after.slice(1)].join('\n')}\n`);
  writeFileSync(path.join(dir, 'rub.csv'), `${[HEADER, '1,Ann,2024-01-01 10:00,2024-01-10 10:00,won,6000'].join('\n')}\n`);
  return dir;
}

describe('a cost against deals in another currency than roubles is said (T39 F4)', () => {
  it('two sets in dollars: the cost is taken in USD, said with the cost and the running cost, in Russian and English', () => {
    const dir = files();
    const ru = runCli(['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv', '--cost', '1 500 000 ₽', '--monthly-cost', '1000', '--now', '2026-12-05', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    // Typed with a rouble mark, the cost is in roubles: said as roubles against dollars, not as taken in the deals' currency.
    expect(JSON.parse(ru.stdout).dataQuality.alerts).toContainEqual({ code: 'cost-currency', currency: 'USD', cost: 1_500_000, monthlyCost: 1000, costCurrency: 'RUB' });
    expect(JSON.parse(ru.stdout).payback_inputs.cost_currency).toBe('RUB');
    expect(ru.stderr).toContain('Затраты --cost (1 500 000) и --monthly-cost (1 000) указаны в рублях, а суммы сделок — в USD: окупаемость и ROI делят рубли на прирост выручки в USD и неверны');
    const plain = runCli(['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv', '--cost', '1500000', '--monthly-cost', '1000', '--now', '2026-12-05', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(JSON.parse(plain.stdout).dataQuality.alerts).toContainEqual({ code: 'cost-currency', currency: 'USD', cost: 1_500_000, monthlyCost: 1000 });
    expect(JSON.parse(plain.stdout).payback_inputs.cost_currency).toBeUndefined();
    expect(plain.stderr).toContain('Суммы сделок в USD, а затраты --cost (1 500 000) и --monthly-cost (1 000) считаются в валюте сделок: окупаемость и ROI делят их на прирост выручки в USD');
    const en = runCli(['compare', '-d', 'one.csv', '--cutover', '2025-01-01', '--cost', '1500000', '--now', '2026-12-05', '--lang', 'en'], { cwd: dir });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain("The deal amounts are in USD, and the cost --cost (1,500,000) is taken in the deals' currency");
  });

  it('says nothing without a cost, or with deals in roubles', () => {
    const dir = files();
    const none = runCli(['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv', '--now', '2026-12-05', '--lang', 'en'], { cwd: dir });
    expect(none.stderr).not.toContain('--cost');
    const rub = runCli(['compare', '--before-deals', 'rub.csv', '--after-deals', 'after.csv', '--cost', '100', '--now', '2026-12-05', '--format', 'json', '--lang', 'en'], { cwd: dir });
    // Roubles before, dollars after: mixed-currencies says it, not the cost's alert.
    expect(JSON.parse(rub.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('cost-currency');
  });
});
