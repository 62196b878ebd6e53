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

describe('the Markdown report keeps the warnings', () => {
  it('a document read away from the terminal says the amounts are in several currencies', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'currencies-'));
    writeFileSync(path.join(dir, 'deals.csv'), crmExportFixtures()['pipedrive-deals-two-currencies.csv']!);
    const md = runCli(['kpi', '-d', 'deals.csv', '--format', 'md', '--lang', 'ru'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('> **Внимание:** deals.csv: суммы сделок в разных валютах (EUR — 2, RUB — 1)');
  });
});
