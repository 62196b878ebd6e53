import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kpi says loudly when the numbers look wrong', () => {
  it('25 deals, none won or lost: a warning on stderr in the run\'s language, and in dataQuality', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    const deals = path.join(dir, 'deals.csv');
    writeFileSync(deals, ['id,manager,created_at,stage', ...Array.from({ length: 25 }, (_, i) => `${i + 1},Иванов Иван,2025-01-0${(i % 9) + 1},Переговоры`)].join('\n'));
    const ru = runCli(['kpi', '-d', deals]);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toMatch(/Внимание: Ни одна из 25 сделок не выиграна и не проиграна/);
    const json = runCli(['kpi', '-d', deals, '--format', 'json', '--lang', 'en']);
    expect(json.stderr).toMatch(/Warning: None of the 25 deals is won or lost/);
    const quality = JSON.parse(json.stdout).dataQuality;
    expect(quality.alerts).toEqual([{ code: 'no-outcome', deals: 25 }]);
    expect(quality.warnings).toEqual([expect.stringMatching(/^None of the 25 deals/)]);
  });

  it('a payment with no manager and no known deal is said in the report\'s language: on stderr, in the HTML and in JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status,amount\n1,Иванов Иван,2025-01-02,won,100\n');
    writeFileSync(path.join(dir, 'pay.csv'), 'deal_id,manager,invoiced,paid\n999,,50,50\n1,,100,100\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-p', 'pay.csv', '-o', 'k.html'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Внимание: Оплат без менеджера и без известной сделки: 1/);
    const html = readFileSync(path.join(dir, 'k.html'), 'utf8');
    expect(html).toContain('Оплат без менеджера и без известной сделки: 1');
    expect(html).not.toMatch(/payments have neither/);
    const json = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-p', 'pay.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.dataQuality.alerts).toEqual([{ code: 'unattributed-payments', payments: 1 }]);
    expect(json.dataQuality.warnings).toEqual(['1 payments have neither a manager nor a known deal: counted in the total only.']);
  });
});

describe('a small deals file whose every row is unreadable', () => {
  it('three deals whose amounts all say «по договорённости»: the column and the value are named, as for a large file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Стадия сделки;Дата создания;Сумма', '1;Иван;Сделка успешна;01.02.2025;по договорённости', '2;Анна;Сделка провалена;02.02.2025;по договорённости', '3;Анна;Новая;02.02.2025;по договорённости'].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/none of the 3 rows can be read/);
    expect(run.stderr).toMatch(/row 2, column "Сумма": "по договорённости" is not a number/);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toMatch(/строка 2, колонка «Сумма»/);
  });
});
