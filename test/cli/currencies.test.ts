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
