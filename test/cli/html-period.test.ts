import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * A tester: `kpi -o k.html` named no period on its cover, and with --from only «01.01.2025 — …», where the
 * `report` cover said «01.07.2024 — 30.06.2025». The samples' deals run from 01.07.2024 to 30.06.2025.
 */
const DEALS = path.join(ROOT, 'samples', 'amocrm-deals.csv');
const meta = (file: string) => /<p class="meta">(.*?)<\/p>/.exec(readFileSync(file, 'utf8'))![1];

describe('the HTML cover names the period of the data read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-html-period-'));
  const html = (name: string, ...args: string[]) => {
    const file = path.join(dir, name);
    const r = runCli(['kpi', '-d', DEALS, '--now', '2025-07-01', '-o', file, ...args]);
    expect(r.code).toBe(0);
    return meta(file);
  };

  it('all data: the first and last day a deal was created on', () => {
    expect(html('all.html', '--lang', 'ru')).toBe('Период: 01.07.2024 — 30.06.2025 · Дата отчёта: 01.07.2025');
    expect(html('all-en.html', '--lang', 'en')).toBe('Period: 2024-07-01 — 2025-06-30 · Report date: 2025-07-01');
  });

  it('--from only: from it to the last deal; --to only: from the first deal to it', () => {
    expect(html('from.html', '--lang', 'ru', '--from', '2025-01-01')).toBe('Период: 01.01.2025 — 30.06.2025 · Дата отчёта: 01.07.2025');
    expect(html('to.html', '--lang', 'ru', '--to', '2024-12-31')).toBe('Период: 01.07.2024 — 31.12.2024 · Дата отчёта: 01.07.2025');
  });

  // A tester (T33 F2): dataPeriod began at a --from on a day with no deal, though it is «the days of the deals read».
  it('a --from or --to on a day with no deal: dataPeriod runs from the first to the last deal created within them', () => {
    const dir2 = mkdtempSync(path.join(tmpdir(), 'crm-audit-data-period-'));
    writeFileSync(path.join(dir2, 'd.csv'), 'id,manager,created_at,closed_at,status,amount\n1,Ann,2025-01-02,,open,\n2,Ann,2025-01-10,,open,\n3,Bob,2025-02-15,,open,\n4,Bob,2025-02-20,,open,\n');
    const r = runCli(['kpi', '-d', 'd.csv', '--now', '2025-07-01', '--from', '2025-01-05', '--to', '2025-02-16', '--format', 'json'], { cwd: dir2 });
    expect(JSON.parse(r.stdout)).toMatchObject({ period: { from: '2025-01-05', to: '2025-02-16' }, dataPeriod: { from: '2025-01-10', to: '2025-02-15' } });
  });

  it('the JSON says the same days as dataPeriod, the period asked staying as given', () => {
    const r = runCli(['kpi', '-d', DEALS, '--now', '2025-07-01', '--from', '2025-01-01', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ period: { from: '2025-01-01', to: null }, dataPeriod: { from: '2025-01-01', to: '2025-06-30' } });
  });

  it('report and compare covers, as before: the span of the data read', () => {
    const file = path.join(dir, 'report.html');
    expect(runCli(['report', '-d', DEALS, '--cutover', '2025-01-01', '--now', '2025-07-01', '--lang', 'ru', '-o', file]).code).toBe(0);
    expect(meta(file)).toBe('Период: 01.07.2024 — 30.06.2025 · Дата отчёта: 01.07.2025');
    const cmp = path.join(dir, 'compare.html');
    expect(runCli(['compare', '-d', DEALS, '--cutover', '2025-01-01', '--now', '2025-07-01', '--lang', 'ru', '-o', cmp]).code).toBe(0);
    expect(meta(cmp)).toBe('Период: 01.07.2024 — 30.06.2025 · Дата отчёта: 01.07.2025');
  });
});
