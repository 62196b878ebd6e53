import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Side files (--payments, --spend, --plan) whose numbers need a word: small files written here, each
 * expectation worked out by hand from these four deals (Орлова: 501 won 60 000 in April, 502 lost;
 * Сомов: 503 won 15 000 in May, 504 won 25 000 in May).
 */
const DEALS = [
  'ID,Название сделки,Бюджет,Ответственный,Этап сделки,Дата создания,Дата закрытия,Источник',
  '501,A,60000,Орлова Ольга,Успешно реализовано,02.04.2025 09:00:00,12.04.2025 09:00:00,Сайт',
  '502,B,9000,Орлова Ольга,Закрыто и не реализовано,03.04.2025 09:00:00,13.04.2025 09:00:00,Сайт',
  '503,C,15000,Сомов Семён,Успешно реализовано,05.05.2025 09:00:00,15.05.2025 09:00:00,Авито',
  '504,D,25000,Сомов Семён,Успешно реализовано,06.05.2025 09:00:00,16.05.2025 09:00:00,Сайт',
].join('\n');

let dir = '';
const put = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
type Json = { managers: Array<Record<string, unknown>>; total: Record<string, unknown>; dataQuality: { alerts: Array<Record<string, unknown>> } };
const kpi = (args: string[]) => {
  const run = runCli(['kpi', '-d', path.join(dir, 'deals.csv'), ...args, '--format', 'json']);
  return { ...run, json: run.code === 0 ? (JSON.parse(run.stdout) as Json) : undefined };
};
const codes = (j: Json | undefined) => (j?.dataQuality.alerts ?? []).map((a) => a.code);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'side-files-'));
  put('deals.csv', DEALS);
});

describe('payments that a paid share cannot be read from (F4) are counted as written and said', () => {
  it('a refund nets against its deal, a repeated row and a deal paid above its invoice are said', () => {
    // Орлова: 501 invoiced 60 000, paid 60 000, the same row again, then (10 000) back: invoiced 120 000, paid 110 000.
    // Сомов: 503 invoiced 15 000, paid 18 000: over its invoice.
    put('pay1.csv', ['Сделка;Менеджер;Сумма счета;Оплачено;Дата оплаты', '501;Орлова Ольга;60000;60000;20.04.2025', '501;Орлова Ольга;60000;60000;20.04.2025', '501;Орлова Ольга;;(10 000);25.04.2025', '503;Сомов Семён;15000;18000;20.05.2025'].join('\n'));
    const { json, stderr, code } = kpi(['-p', path.join(dir, 'pay1.csv')]);
    expect(code).toBe(0);
    const orlova = json!.managers.find((m) => m.manager === 'Орлова Ольга')!;
    expect([orlova.invoiced, orlova.paid]).toEqual([120_000, 110_000]);
    const odd = json!.dataQuality.alerts.find((a) => a.code === 'payments-odd')!;
    expect(odd).toMatchObject({ refunds: { rows: 1, sum: -10_000 }, duplicates: { rows: 1, sum: 60_000 }, over: { deals: 1, id: '503', invoiced: 15_000, paid: 18_000 } });
    expect(stderr).toContain('refunds, netted');
  });

  it('a refund alone makes paid negative: said for the manager and the department', () => {
    put('pay2.csv', ['Сделка;Менеджер;Сумма счета;Оплачено', '504;Сомов Семён;25000;-25000'].join('\n'));
    const { json } = kpi(['-p', path.join(dir, 'pay2.csv')]);
    expect(json!.total.paid).toBe(-25_000);
    expect(json!.dataQuality.alerts).toContainEqual({ code: 'paid-negative', managers: ['Сомов Семён', ''] });
  });
});

describe('payments of deals the deals file does not have (F3) are said, with and without a period', () => {
  it('counted under their manager without a period, left out with one: both said', () => {
    put('pay3.csv', ['Сделка;Менеджер;Сумма счета;Оплачено', '7001;Орлова Ольга;5000;5000', '7002;Сомов Семён;7000;7000', '503;Сомов Семён;15000;15000'].join('\n'));
    const all = kpi(['-p', path.join(dir, 'pay3.csv')]);
    expect(all.json!.total.paid).toBe(27_000);
    expect(all.json!.dataQuality.alerts).toContainEqual(expect.objectContaining({ code: 'payments-unknown-deals', payments: 2, named: 3, example: '7001', period: false }));
    const period = kpi(['-p', path.join(dir, 'pay3.csv'), '--from', '2025-01-01', '--to', '2025-12-31']);
    // Only 503's 15 000 follows a deal in the period.
    expect(period.json!.total.paid).toBe(15_000);
    expect(period.json!.dataQuality.alerts).toContainEqual(expect.objectContaining({ code: 'payments-unknown-deals', payments: 2, period: true }));
    expect(period.stderr).toContain('left out');
    expect(codes(period.json)).not.toContain('payments-odd');
  });
});

describe('spend and payments in another currency (F5) are said, as deals in several are', () => {
  it('a currency column with USD beside RUB, and marks in the amounts, give mixed-currencies for the file', () => {
    put('spend-cur.csv', ['Месяц;Источник;Расход;Валюта', '2025-04;Сайт;900;USD', '2025-05;Сайт;12 000;руб.', '2025-05;Авито;8 000;RUB'].join('\n'));
    const { json, stderr } = kpi(['--spend', path.join(dir, 'spend-cur.csv')]);
    // руб. and RUB are one currency: 2 rows.
    const a = json!.dataQuality.alerts.find((x) => x.code === 'mixed-currencies')!;
    expect(a).toMatchObject({ kind: 'spend', dealCurrencies: ['RUB'] });
    expect(a.currencies).toEqual(expect.arrayContaining([{ currency: 'USD', deals: 1 }, { currency: 'RUB', deals: 2 }]));
    expect(stderr).toContain('unconverted');
    put('pay-usd.csv', ['Сделка,Invoiced,Paid', '501,"$60,000.00","$60,000.00"'].join('\n'));
    const pay = kpi(['-p', path.join(dir, 'pay-usd.csv')]);
    expect(pay.json!.dataQuality.alerts).toContainEqual(expect.objectContaining({ code: 'mixed-currencies', kind: 'payments', currencies: [{ currency: 'USD', deals: 1 }] }));
  });

  it('roubles alone, marked or not, say nothing', () => {
    put('spend-rub.csv', ['Месяц;Источник;Расход;Валюта', '2025-04;Сайт;12 000 ₽;RUB', '2025-05;Авито;8 000;руб.'].join('\n'));
    expect(codes(kpi(['--spend', path.join(dir, 'spend-rub.csv')]).json)).not.toContain('mixed-currencies');
  });
});

describe('an invoice status column (F6): a cancelled invoice is not invoiced, «Оплачен» with no paid column is paid in full', () => {
  it('reads Bitrix24 «Счета» statuses', () => {
    // 501: 60 000 Оплачен; 502: 9 000 Отклонён (dropped); 503: 15 000 Частично оплачен (paid not known: 0); 504: 25 000 Выставлен.
    put('inv.csv', ['Сделка;Статус;Сумма счета;Ответственный', '501;Оплачен;60 000;Орлова Ольга', '502;Отклонён;9 000;Орлова Ольга', '503;Частично оплачен;15 000;Сомов Семён', '504;Выставлен;25 000;Сомов Семён'].join('\n'));
    const { json, code } = kpi(['-p', path.join(dir, 'inv.csv')]);
    expect(code).toBe(0);
    const orlova = json!.managers.find((m) => m.manager === 'Орлова Ольга')!;
    expect([orlova.invoiced, orlova.paid, orlova.paid_share]).toEqual([60_000, 60_000, 1]);
    const somov = json!.managers.find((m) => m.manager === 'Сомов Семён')!;
    expect([somov.invoiced, somov.paid]).toEqual([40_000, 0]);
    expect([json!.total.invoiced, json!.total.paid]).toEqual([100_000, 60_000]);
  });

  it('keeps an unpaid invoice («Не оплачен», «Неоплачен», "Not paid") invoiced, and reads a --map file\'s invoice status words', () => {
    // 501: 60 000 Оплачен; 503: 15 000 Не оплачен; 504: 25 000 Неоплачен; 502: 9 000 Not paid. Invoiced 109 000, paid 60 000:
    // read as void, as before, the three left «invoiced» and the share read 1 (60 000 of 60 000).
    const rows = ['Сделка;Статус;Сумма счета;Ответственный', '501;Оплачен;60 000;Орлова Ольга', '503;Не оплачен;15 000;Сомов Семён', '504;Неоплачен;25 000;Сомов Семён', '502;Not paid;9 000;Орлова Ольга'];
    put('inv-unpaid.csv', rows.join('\n'));
    const unpaid = kpi(['-p', path.join(dir, 'inv-unpaid.csv')]);
    expect(unpaid.code, unpaid.stderr).toBe(0);
    expect([unpaid.json!.total.invoiced, unpaid.json!.total.paid]).toEqual([109_000, 60_000]);
    expect(unpaid.json!.total.paid_share).toBeCloseTo(60_000 / 109_000, 10);
    // A CRM's own words: «Закрыт» is paid (60 000 and 15 000 paid in full), «Возврат» a cancelled invoice (dropped).
    put('inv-own.csv', ['Сделка;Статус;Сумма счета;Ответственный', '501;Закрыт;60 000;Орлова Ольга', '503;Закрыт;15 000;Сомов Семён', '504;Возврат;25 000;Сомов Семён'].join('\n'));
    put('inv-map.yaml', 'payments:\n  status: { "Закрыт": paid, "Возврат": void }\n');
    const own = kpi(['-p', path.join(dir, 'inv-own.csv'), '--map', path.join(dir, 'inv-map.yaml')]);
    expect(own.code, own.stderr).toBe(0);
    expect([own.json!.total.invoiced, own.json!.total.paid, own.json!.total.paid_share]).toEqual([75_000, 75_000, 1]);
  });

  it('with statuses none of which reads as paid, and no paid column, paid is not known (not 0)', () => {
    // 503: 15 000 Выставлен; 504: 25 000 Не оплачен. Invoiced 40 000; what was paid, the file does not say.
    put('inv-issued.csv', ['Сделка;Статус;Сумма счета;Ответственный', '503;Выставлен;15 000;Сомов Семён', '504;Не оплачен;25 000;Сомов Семён'].join('\n'));
    const issued = kpi(['-p', path.join(dir, 'inv-issued.csv')]);
    expect(issued.code, issued.stderr).toBe(0);
    expect([issued.json!.total.invoiced, issued.json!.total.paid, issued.json!.total.paid_share]).toEqual([40_000, null, null]);
    const why = (JSON.parse(issued.stdout) as { notApplicable: Record<string, string> }).notApplicable;
    expect([why.paid, why.paid_share]).toEqual(['needs a paid amount column in the payments file, or an invoice status column with a paid status (a --map file names one: payments: status: { "Status": paid })', 'needs a paid amount column in the payments file, or an invoice status column with a paid status (a --map file names one: payments: status: { "Status": paid })']);
  });
});

describe('totals rows (F10) are dropped as totals, not said to be misread', () => {
  it("Google Ads' «Total: Account» footers and an unlabelled sum under payments", () => {
    put('gads.csv', ['Month,Channel,Cost', '2025-04,Сайт,"1,200.00"', '2025-05,Сайт,"800.00"', 'Total: Account,,"2,000.00"', 'Total: Campaigns,,"2,000.00"'].join('\n'));
    const spend = kpi(['--spend', path.join(dir, 'gads.csv')]);
    expect(spend.code).toBe(0);
    expect(spend.stderr).not.toMatch(/could not be read|misread/);
    expect(spend.json!.total.spend).toBe(2_000);
    put('pay-sum.csv', ['Сделка;Менеджер;Сумма счета;Оплачено', '501;Орлова Ольга;60000;60000', '503;Сомов Семён;15000;5000', ';;75000;65000'].join('\n'));
    const pay = kpi(['-p', path.join(dir, 'pay-sum.csv')]);
    expect(pay.stderr).not.toMatch(/could not be read|needs a deal id/);
    expect([pay.json!.total.invoiced, pay.json!.total.paid]).toEqual([75_000, 65_000]);
  });
});

describe('spend by month alone and VK Ads «Потрачено» (F9), a plan with months across (F7)', () => {
  it('a spend file of month and total is the department spend', () => {
    // 12 000 + 8 000 = 20 000 spend; 3 won clients (501, 503, 504): CAC 6 666,67.
    put('spend-month.csv', ['Месяц;Расходы на рекламу, руб.', 'Апрель 2025;12 000', 'Май 2025;8 000'].join('\n'));
    const { json, code, stderr } = kpi(['--spend', path.join(dir, 'spend-month.csv')]);
    expect(code, stderr).toBe(0);
    expect(json!.total.spend).toBe(20_000);
  });

  it('«Потрачено, ₽» is the spend, not «Показы»', () => {
    put('vk.csv', ['Месяц;Источник;Показы;Клики;Потрачено, ₽', '2025-04;Сайт;120000;900;5 000,00', '2025-05;Сайт;80000;700;3 000,50'].join('\n'));
    const { json, code, stderr } = kpi(['--spend', path.join(dir, 'vk.csv')]);
    expect(code, stderr).toBe(0);
    expect(json!.total.spend).toBe(8_000.5);
  });

  it('a plan of managers × months reads its cells as revenue targets; counts across are refused, not read as roubles', () => {
    put('plan-wide.csv', ['План продаж (выручка, руб.)', '', 'Менеджер;Апрель 2025;Май 2025;Итого', 'Орлова Ольга;50 000;40 000;90 000', 'Сомов Семён;20 000;30 000;50 000', 'Итого;70 000;70 000;140 000'].join('\n'));
    const run = runCli(['kpi', '-d', path.join(dir, 'deals.csv'), '--plan', path.join(dir, 'plan-wide.csv'), '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const plan = (JSON.parse(run.stdout) as { plan: { rows: Array<Record<string, unknown>>; revenue: Record<string, number> } }).plan;
    // Each cell a revenue target of its manager and month, none a count of leads: Орлова's April 50 000
    // planned, 60 000 won (501); Сомов's May 30 000 planned, 15 000 + 25 000 won. The «Итого» row and column are not read.
    const row = (manager: string, month: string, plan: number, fact: number) => ({ by: { manager, month }, revenue: { plan, fact, achieved: fact / plan } });
    expect(plan.rows).toEqual([row('Орлова Ольга', '2025-04', 50_000, 60_000), row('Орлова Ольга', '2025-05', 40_000, 0), row('Сомов Семён', '2025-04', 20_000, 0), row('Сомов Семён', '2025-05', 30_000, 40_000)]);
    expect(plan.revenue).toEqual({ plan: 140_000, fact: 100_000, achieved: 100_000 / 140_000 });
    put('plan-counts.csv', ['Менеджер;Апрель 2025;Май 2025', 'Орлова Ольга;5;4', 'Сомов Семён;3;3'].join('\n'));
    const counts = runCli(['kpi', '-d', path.join(dir, 'deals.csv'), '--plan', path.join(dir, 'plan-counts.csv'), '--format', 'json']);
    expect(counts.code).not.toBe(0);
    expect(counts.stderr).toContain('look like counts');
  });
});

describe('a payments register whose amount column is «Сумма» (F1)', () => {
  it('is refused as payments with a ready --map snippet, not sent to --deals; the snippet pasted reads it', () => {
    put('reg.csv', ['Дата;ID сделки;Ответственный;Сумма', '20.04.2025;501;Орлова Ольга;60 000,00', '20.05.2025;503;Сомов Семён;15 000,00'].join('\n'));
    const refused = runCli(['kpi', '-d', path.join(dir, 'deals.csv'), '-p', path.join(dir, 'reg.csv')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toContain('--deals');
    expect(refused.stderr).toContain('payments:\n  columns:\n    paid: "Сумма"');
    put('reg-map.yaml', 'payments:\n  columns:\n    paid: "Сумма"\n');
    const read = kpi(['-p', path.join(dir, 'reg.csv'), '--map', path.join(dir, 'reg-map.yaml')]);
    expect(read.code, read.stderr).toBe(0);
    expect(read.json!.total.paid).toBe(75_000);
  });
});
