import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEALS = 'id,manager,created_at,closed_at,status,amount';
// January to March 2025: Ann 2 leads in 01 (1 won, 100 000), 1 lead in 02 (won, 50 000); Bob 1 lead in 03 (won, 30 000).
const deals = [DEALS, '1,Ann,2025-01-05 10:00,2025-01-06 10:00,won,100000', '2,Ann,2025-01-20 10:00,,open,', '3,Ann,2025-02-10 10:00,2025-02-11 10:00,won,50000', '4,Bob,2025-03-31 10:00,2025-04-01 10:00,won,30000'];
// A yearly plan filled to May: May has no deal.
const plan = ['manager,month,leads,won,revenue', 'Ann,2025-01,4,2,200000', 'Ann,2025-02,1,1,50000', 'Bob,2025-03,1,1,30000', 'Ann,2025-05,5,5,500000'];

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-plan-period-'));
  writeFileSync(path.join(dir, 'deals.csv'), `${deals.join('\n')}\n`);
  writeFileSync(path.join(dir, 'plan.csv'), `${plan.join('\n')}\n`);
  writeFileSync(path.join(dir, 'nosource.csv'), `${deals.join('\n')}\n`);
  writeFileSync(path.join(dir, 'plan-source.csv'), `${['source,month,revenue', 'Ads,2025-01,100000', 'SEO,2025-02,50000'].join('\n')}\n`);
  return dir;
}

interface Figure { plan: number; fact: number | null; achieved: number | null }
interface Json { plan: { leads?: Figure; won?: Figure; revenue?: Figure; rows: Array<{ by: Record<string, string>; revenue?: Figure }>; not_applicable?: string }; dataQuality: { alerts: Array<{ code: string; names?: string[] }> } }

function kpi(args: string[], dir: string, lang = 'en'): { json: Json; stderr: string } {
  const r = runCli(['kpi', ...args, '--now', '2026-12-05', '--format', 'json', '--lang', lang], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

describe('a plan month with no day of the report\'s period is left out (T39 F2)', () => {
  it('May of a yearly plan, beside deals of January to March: out of the rows and the totals, and said', () => {
    const { json, stderr } = kpi(['-d', 'deals.csv', '--plan', 'plan.csv'], files(), 'ru');
    // By hand, January to March: leads plan 4 + 1 + 1 = 6, fact 2 + 1 + 1 = 4; won 2 + 1 + 1 = 4 against 1 + 1 + 1 = 3; revenue 280 000 against 180 000.
    expect(json.plan.leads).toEqual({ plan: 6, fact: 4, achieved: 4 / 6 });
    expect(json.plan.won).toEqual({ plan: 4, fact: 3, achieved: 3 / 4 });
    expect(json.plan.revenue).toEqual({ plan: 280_000, fact: 180_000, achieved: 180_000 / 280_000 });
    expect(json.plan.rows.map((r) => r.by.month)).not.toContain('2025-05');
    expect(json.dataQuality.alerts).toContainEqual({ code: 'plan-outside', months: ['2025-05'], from: '2025-01-05', to: '2025-03-31' });
    expect(stderr).toContain('Месяцы плана без сделок в отчёте (сделки созданы 05.01.2025 — 31.03.2025): 05.2025 — их строки не вошли в план / факт');
  });

  it('a --from/--to that leaves a month out is the user\'s: not said, and its manager not named as unknown (T39 F10)', () => {
    const { json } = kpi(['-d', 'deals.csv', '--plan', 'plan.csv', '--from', '2025-01-01', '--to', '2025-02-28'], files());
    expect(json.dataQuality.alerts.map((a) => a.code)).not.toContain('plan-outside');
    // Bob's one plan row is of March, outside the period: he is no «manager without deals», spelled wrong.
    expect(json.dataQuality.alerts.find((a) => a.code === 'plan-unknown')).toBeUndefined();
  });
});

describe('a plan by source beside deals with no source column (T39 F15)', () => {
  it('has no fact to achieve: achieved null, the reason given, and the missing column said, not the spelling', () => {
    const { json, stderr } = kpi(['-d', 'nosource.csv', '--plan', 'plan-source.csv'], files(), 'ru');
    expect(json.plan.not_applicable).toBe('needs a source column in the deals file');
    expect(json.plan.revenue?.achieved).toBeNull();
    // No fact of 0 beside it either: the rows' and the total's facts are as unknown as their share.
    expect(json.plan.revenue?.fact).toBeNull();
    expect(json.plan.rows.map((r) => r.revenue?.fact)).toEqual(json.plan.rows.map(() => null));
    expect(json.plan.rows.length).toBeGreaterThan(0);
    expect(json.dataQuality.alerts.map((a) => a.code)).not.toContain('plan-unknown');
    expect(json.dataQuality.alerts).toContainEqual({ code: 'group-column-missing', dims: ['source'] });
    expect(stderr).toContain('В файле сделок нет колонки источника');
    expect(stderr).not.toContain('Проверьте написание');
  });
});
