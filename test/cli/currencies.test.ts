import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { crmExportFixtures } from '../fixtures/exports-crm.js';

describe('kpi says loudly when revenue adds amounts in several currencies', () => {
  it('a Pipedrive export with EUR and RUB deals: a warning on stderr in the run\'s language and an alert in dataQuality', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    writeFileSync(path.join(dir, 'deals.csv'), crmExportFixtures()['pipedrive-deals-two-currencies.csv']!);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toContain('Внимание: deals.csv: суммы сделок в разных валютах (EUR — 2, RUB — 1)');
    const json = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    const quality = JSON.parse(json.stdout).dataQuality;
    expect(quality.alerts).toEqual([{ code: 'mixed-currencies', file: 'deals.csv', currencies: [{ currency: 'EUR', deals: 2 }, { currency: 'RUB', deals: 1 }] }]);
    expect(json.stderr).toContain('Warning: deals.csv: the deal amounts are in several currencies (EUR 2, RUB 1)');
  });

  it('HubSpot with the amount in the company currency: no warning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    writeFileSync(path.join(dir, 'deals.csv'), crmExportFixtures()['hubspot-deals-company-currency.csv']!);
    const json = runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.total.revenue).toBe(140000);
    expect(result.dataQuality.alerts).toEqual([]);
  });
});

// A tester: a HubSpot API export read `amount_in_home_currency` and still warned of EUR and USD from `deal_currency_code`.
describe('HubSpot through the API with amount_in_home_currency, the converted amount: no warning, as from the interface', () => {
  it('revenue adds the converted amounts (1 100 + 2 000 + 400) and no mixed-currencies alert is raised', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    const row = (id: string, amount: string, home: string, cur: string, stage: string) => `${id},${amount},${home},${cur},${stage},51000001,2024-01-10T10:00:00.000Z,2024-01-12T10:00:00.000Z`;
    writeFileSync(path.join(dir, 'deals.csv'), [
      'hs_object_id,amount,amount_in_home_currency,deal_currency_code,dealstage,hubspot_owner_id,createdate,closedate',
      row('101', '1000', '1100', 'EUR', 'closedwon'),
      row('102', '500', '500', 'USD', 'closedlost'),
      row('103', '2000', '2000', 'USD', 'closedwon'),
      row('104', '400', '400', 'USD', 'closedwon'),
      '',
    ].join('\n'));
    const json = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.total.revenue).toBe(3500);
    expect(result.dataQuality.alerts.filter((a: { code: string }) => a.code === 'mixed-currencies')).toEqual([]);
    expect(json.stderr).not.toContain('several currencies');
  });
});

// Tester T31 (F4): a Bitrix24 REST export in RUB and USD added OPPORTUNITY as it was (51 000) beside
// OPPORTUNITY_ACCOUNT, the amount in the portal's report currency; mapped by hand, the warning still
// counted CURRENCY_ID, the currency of the other amount; and the advice named no Bitrix24 field.
describe('Bitrix24 REST: OPPORTUNITY_ACCOUNT, the amount in the report currency, is the converted amount', () => {
  const deals = [
    'ID,TITLE,STAGE_ID,ASSIGNED_BY_ID,OPPORTUNITY,CURRENCY_ID,OPPORTUNITY_ACCOUNT,ACCOUNT_CURRENCY_ID,DATE_CREATE,CLOSEDATE,CLOSED',
    '1,A,WON,7,1000.00,USD,92000.00,RUB,2026-11-01T10:00:00+03:00,2026-11-03T03:00:00+03:00,Y',
    '2,B,WON,7,50000.00,RUB,50000.00,RUB,2026-11-02T10:00:00+03:00,2026-11-04T03:00:00+03:00,Y',
    '3,C,LOSE,9,20000.00,RUB,20000.00,RUB,2026-11-03T10:00:00+03:00,2026-11-05T03:00:00+03:00,Y',
    '',
  ].join('\n');
  const run = (args: string[], map?: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    writeFileSync(path.join(dir, 'deals.csv'), deals);
    if (map !== undefined) writeFileSync(path.join(dir, 'map.yaml'), map);
    return runCli(['kpi', '-d', 'deals.csv', '--now', '2026-12-05', '--format', 'json', ...(map === undefined ? [] : ['--map', 'map.yaml']), ...args], { cwd: dir });
  };

  it.each([
    ['by the bitrix24-rest profile', undefined],
    ['mapped by the user (amount: OPPORTUNITY_ACCOUNT)', 'deals:\n  columns:\n    amount: "OPPORTUNITY_ACCOUNT"\n'],
  ])('%s: revenue 92 000 + 50 000, no mixed-currencies alert', (_, map) => {
    const json = run([], map);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.total.revenue).toBe(142000);
    expect(result.dataQuality.alerts.filter((a: { code: string }) => a.code === 'mixed-currencies')).toEqual([]);
    expect(json.stderr).not.toContain('валют');
  });

  it('OPPORTUNITY with CURRENCY_ID alone: warned, and the advice names the Bitrix24 field (RU and EN)', () => {
    const map = 'deals:\n  columns:\n    amount: "OPPORTUNITY"\n';
    const ru = run(['--lang', 'ru'], map);
    expect(ru.code, ru.stderr).toBe(0);
    expect(JSON.parse(ru.stdout).total.revenue).toBe(51000);
    expect(ru.stderr).toContain('суммы сделок в разных валютах (RUB — 2, USD — 1)');
    expect(ru.stderr).toContain('Битрикс24 через REST: OPPORTUNITY_ACCOUNT');
    const en = run(['--lang', 'en'], map);
    expect(en.stderr).toContain('Bitrix24 through REST: OPPORTUNITY_ACCOUNT');
  });
});

describe('the Markdown report keeps the warnings', () => {
  it('a document read away from the terminal says the amounts are in several currencies', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    writeFileSync(path.join(dir, 'deals.csv'), crmExportFixtures()['pipedrive-deals-two-currencies.csv']!);
    const md = runCli(['kpi', '-d', 'deals.csv', '--format', 'md', '--lang', 'ru'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('> **Внимание:** deals.csv: суммы сделок в разных валютах (EUR — 2, RUB — 1)');
  });
});

// A reviewer: deals written «руб.» on some rows and «RUB» on others were counted as two currencies, a false alert.
describe('one currency spelt several ways is one currency', () => {
  const write = (currencies: string[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    const rows = currencies.map((cur, i) => `${i + 1},Анна,2025-03-0${i + 1},2025-03-2${i + 1},won,${(i + 1) * 100},${cur}`);
    writeFileSync(path.join(dir, 'deals.csv'), ['id,manager,created_at,closed_at,status,amount,currency', ...rows, ''].join('\n'));
    return runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
  };

  it('deals in «руб.», «RUB» and «₽»: no mixed-currencies alert', () => {
    const run = write(['руб.', 'RUB', '₽']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([]);
    expect(run.stderr).not.toContain('several currencies');
  });

  it('deals in «RUB», «руб.» and «USD»: the alert counts RUB twice and USD once', () => {
    const run = write(['RUB', 'руб.', 'USD']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([{ code: 'mixed-currencies', file: 'deals.csv', currencies: [{ currency: 'RUB', deals: 2 }, { currency: 'USD', deals: 1 }] }]);
    expect(run.stderr).toContain('Warning: deals.csv: the deal amounts are in several currencies (RUB 2, USD 1)');
  });
});

// Tester T70 (M6): an amoCRM CSV re-saved by Excel in Windows-1251 writes ₽ as «?»: «split the file by
// currency» was said of a file all in roubles. The «?» is said for what it is; the amounts are read as written.
describe('a currency sign the code page lost («?») beside one currency', () => {
  it('is said as a lost sign, not as a second currency to split the file by', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    const lines = ['ID;Название сделки;Бюджет;Ответственный;Дата создания сделки;Дата закрытия;Этап сделки', '1;A;100 000,00 ?;Иванов Иван;01.03.2025 10:00;05.03.2025 10:00;Успешно реализовано', '2;B;50 000,00 ?;Иванов Иван;01.03.2025 10:00;05.03.2025 10:00;Успешно реализовано', '3;D;70 000,00р.;Петрова Анна;01.03.2025 10:00;05.03.2025 10:00;Закрыто и не реализовано'];
    writeFileSync(path.join(dir, 'deals.csv'), Buffer.from(new TextEncoder().encode(lines.join('\r\n'))));
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru', '--format', 'json'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(JSON.parse(ru.stdout).total.revenue).toBe(150_000);
    expect(ru.stderr).toContain('deals.csv: суммы сделок помечены по-разному (? — 2, RUB — 1): «?» — знак валюты, которого нет в кодировке файла');
    expect(ru.stderr).toContain('Если это RUB, все суммы в одной валюте и выручка верна');
    expect(ru.stderr).not.toContain('разделите файл по валютам');
    const en = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en', '--format', 'json'], { cwd: dir });
    expect(en.stderr).toContain('If it stands for RUB, every amount is in one currency and revenue is right');
  });
});
