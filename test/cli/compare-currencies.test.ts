import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const HEADER = 'id,manager,created_at,closed_at,status,amount';
const rub = [HEADER, '1,Ann,2024-01-01 10:00,2024-01-10 10:00,won,300 000 ₽', '2,Bob,2024-03-31 10:00,2024-04-02 10:00,lost,'];
const plain = [HEADER, '1,Ann,2024-01-01 10:00,2024-01-10 10:00,won,300000', '2,Bob,2024-03-31 10:00,2024-04-02 10:00,lost,'];
const usd = [HEADER, '11,Ann,2025-01-01 10:00,2025-01-10 10:00,won,"$6,000.00"', '12,Bob,2025-03-31 10:00,2025-04-02 10:00,won,"$3,000.00"'];
const rubAfter = [HEADER, '11,Ann,2025-01-01 10:00,2025-01-10 10:00,won,600000 руб.', '12,Bob,2025-03-31 10:00,2025-04-02 10:00,won,300000'];

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-currencies-'));
  const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  write('rub.csv', rub);
  write('plain.csv', plain);
  write('usd.csv', usd);
  write('rub-after.csv', rubAfter);
  write('plan-usd.csv', ['month,manager,revenue', '2024-01,Ann,$1500']);
  write('plan-rub.csv', ['month,manager,revenue', '2024-01,Ann,150 000 ₽']);
  write('plan-across.csv', ['Менеджер;Январь 2024;Февраль 2024', 'Ann;$1 500;$2 000']);
  return dir;
}

function run(args: string[], dir: string, lang = 'en') {
  const r = runCli([...args, '--now', '2026-12-05', '--format', 'json', '--lang', lang], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as { dataQuality: { alerts: Array<{ code: string }> } }, stderr: r.stderr };
}

describe('two file sets whose deals are in different currencies are said (T39 F1)', () => {
  it('₽ before, $ after: mixed-currencies naming each period, its file and currency', () => {
    const { json, stderr } = run(['compare', '--before-deals', 'rub.csv', '--after-deals', 'usd.csv', '--cost', '1500000'], files(), 'ru');
    expect(json.dataQuality.alerts).toContainEqual({ code: 'mixed-currencies', file: 'usd.csv', currencies: [{ currency: 'RUB', deals: 1 }, { currency: 'USD', deals: 2 }], periods: { before: { file: 'rub.csv', currencies: ['RUB'] }, after: { file: 'usd.csv', currencies: ['USD'] } } });
    expect(stderr).toContain('Суммы сделок двух периодов в разных валютах: «до» (rub.csv) — RUB, «после» (usd.csv) — USD; выручка в месяц, средний чек, окупаемость и ROI сравнивают их как есть');
  });

  // Tester T71 (M5): a US Salesforce report's plain amounts beside a USD file were said to be roubles, two USD files «in different currencies».
  it('plain numbers before are said as unmarked (roubles by default), with the case that they are the other side\'s currency', () => {
    const { stderr } = run(['compare', '--before-deals', 'plain.csv', '--after-deals', 'usd.csv'], files());
    expect(stderr).toContain('The deal amounts of the two periods may be in different currencies: before (plain.csv) no currency mark (roubles by default), after (usd.csv) USD;');
    expect(stderr).toContain('If the amounts with no mark are in USD too, both periods are in one currency and the comparison stands. Otherwise export both periods in one currency');
    const ru = run(['compare', '--before-deals', 'plain.csv', '--after-deals', 'usd.csv'], files(), 'ru');
    expect(ru.stderr).toContain('Суммы сделок двух периодов могут быть в разных валютах: «до» (plain.csv) — без знака валюты (по умолчанию — рубли), «после» (usd.csv) — USD;');
    expect(ru.stderr).toContain('Если суммы без знака тоже в USD, периоды в одной валюте и сравнение верно. Иначе выгрузите');
  });

  it('roubles both sides, one marked «руб.» and one plain, say nothing', () => {
    const { json } = run(['compare', '--before-deals', 'plain.csv', '--after-deals', 'rub-after.csv'], files());
    expect(json.dataQuality.alerts.filter((a) => a.code === 'mixed-currencies')).toEqual([]);
  });
});

describe('a plan whose revenue is in another currency than the deals is said, as spend is (T39 F7)', () => {
  it('$1 500 of plan against rouble deals: plan-currencies', () => {
    const { json, stderr } = run(['kpi', '-d', 'plain.csv', '--plan', 'plan-usd.csv'], files(), 'ru');
    expect(json.dataQuality.alerts).toContainEqual({ code: 'plan-currencies', file: 'plan-usd.csv', dealCurrencies: ['RUB'], currencies: [{ currency: 'USD', deals: 1 }] });
    expect(stderr).toContain('plan-usd.csv: суммы в разных валютах или не в валюте сделок (RUB): валюты строк — USD — 1; план по выручке и % плана');
  });

  it('a plan with months across in dollars is said too; a plan in roubles is not', () => {
    const dir = files();
    expect(run(['kpi', '-d', 'plain.csv', '--plan', 'plan-across.csv'], dir).json.dataQuality.alerts).toContainEqual(expect.objectContaining({ code: 'plan-currencies', currencies: [{ currency: 'USD', deals: 1 }] }));
    expect(run(['kpi', '-d', 'plain.csv', '--plan', 'plan-rub.csv'], dir).json.dataQuality.alerts.filter((a) => a.code === 'plan-currencies')).toEqual([]);
  });

  // One rule of months across for spend and plan (readMonthsAcross): a row's currency is its first filled month's, and a bad row's is none.
  it('a spend table with months across counts each good row\'s currency once, a bad row\'s not', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'spend-across.csv'), 'Источник;Январь 2024;Февраль 2024\nAds;;$200\nSEO;$100;$50\nRadio;$100;abc\n');
    const alerts = runCli(['kpi', '-d', 'plain.csv', '--spend', 'spend-across.csv', '--now', '2026-12-05', '--format', 'json', '--lang', 'en', '--max-bad-rows', '1'], { cwd: dir });
    expect(alerts.code, alerts.stderr).toBe(0);
    const json = JSON.parse(alerts.stdout) as { dataQuality: { alerts: Array<{ code: string; kind?: string; currencies?: unknown }> } };
    expect(json.dataQuality.alerts.find((a) => a.code === 'mixed-currencies' && a.kind === 'spend')?.currencies).toEqual([{ currency: 'USD', deals: 2 }]);
  });
});
