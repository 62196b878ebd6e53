import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod } from '../../../src/core/compare.js';
import { renderCompareMarkdown, renderCompareTable } from '../../../src/render/compare/text.js';
import { ppUnit } from '../../../src/render/format.js';
import { textWidth } from '../../../src/render/wrap.js';

const period = (from: string, to: string, conv: number) => ({
  period: makePeriod(from, to),
  total: { leads: 300, won: 300 * conv, conversion: conv, revenue: 1_000_000, response_min_median: 30 },
  managers: [{ manager: 'Иванова Анна', leads: 300, conversion: conv, response_min_median: 30 }],
});
const result = compareKpis(period('2024-01-01', '2024-06-30', 0.15), period('2025-01-01', '2025-06-30', 0.2), { byManager: true });

describe('the before/after by manager', () => {
  it('is titled as a section, not as its first column', () => {
    expect(renderCompareTable(result, { lang: 'ru', color: false })).toMatch(/\n\nПо менеджерам\nМенеджер +Конв\.: до/);
    expect(renderCompareMarkdown(result, { lang: 'ru', color: false })).toContain('\n## По менеджерам\n\n| Менеджер |');
    expect(renderCompareMarkdown(result, { lang: 'en', color: false })).toContain('\n## By manager\n\n| Manager |');
  });
});

// Tester T57: at 40 columns the periods, the payback gain line and the per-manager tables ran to 51-62 columns.
describe('the before/after on a narrow terminal', () => {
  it('keeps every line within 40 columns: prose wrapped between words, a table\'s headers on two lines', () => {
    const paid = compareKpis(period('2024-01-01', '2024-06-30', 0.15), period('2025-01-01', '2025-06-30', 0.2), { byManager: true, cost: 1_500_000 });
    const table = renderCompareTable(paid, { lang: 'ru', color: false, width: 39 });
    expect(table.split('\n').filter((l) => textWidth(l) > 39)).toEqual([]);
    expect(table).toContain('\nПосле: 01.01.2025 — 30.06.2025\n(181 дн., 5,9 мес.)\n');
    expect(table).toMatch(/\nМенеджер +Реакция +после\n +мед\.,\n +мин: до\n/);
    // Without a terminal's width, nothing is wrapped.
    expect(renderCompareTable(paid, { lang: 'ru', color: false })).toContain('\nПосле: 01.01.2025 — 30.06.2025 (181 дн., 5,9 мес.)\n');
  });
});

describe('the before/after row labels', () => {
  it('abbreviate days as «дн.», with its dot, as every other Russian label does', async () => {
    const { ROW_INFO } = await import('../../../src/render/compare/text.js');
    const bare = Object.values(ROW_INFO).map((r) => r.ru).filter((label) => /(^|[\s,(])дн(?![.\p{L}])/u.test(label));
    expect(bare).toEqual([]);
    expect(ROW_INFO.cycle_days_median!.ru).toBe('Цикл, дн. (медиана)');
  });
});

describe('payback without revenue in a period', () => {
  // The reason is the JSON's English, said in the report's language through the one table of reasons.
  it('says why it is not computed, in each language', () => {
    const none = { ...period('2024-01-01', '2024-06-30', 0.15), total: { ...period('2024-01-01', '2024-06-30', 0.15).total, revenue: null } };
    const r = compareKpis(none, period('2025-01-01', '2025-06-30', 0.2), { cost: 100_000 });
    expect(r.payback).toMatchObject({ gain_per_month: null, payback_months: null, roi_12m: null });
    // The inputs are given still: they are what was typed, and what the gain would be computed from.
    expect(renderCompareTable(r, { lang: 'ru', color: false })).toContain('Окупаемость\nРазовые затраты на внедрение: 100 000\nЗатраты в месяц: 0\nДоля маржи: 100,0%\nне рассчитаны: нужна колонка суммы в сделках обоих периодов (выручка в месяц)');
    expect(renderCompareMarkdown(r, { lang: 'en', color: false })).toContain('- Gross margin share: 100.0%\n- not computed: needs an amount column in the deals of both periods (revenue per month)');
  });
});

// A tester: «Выручка в месяц 608,75 → 3 044» and «Средний чек 200 → 666,67» mixed kopecks and roubles in one row.
describe('a money row of the before/after', () => {
  it('keeps one precision across before, after and change, in the terminal, Markdown and the HTML table', async () => {
    const { formatRowValues } = await import('../../../src/render/format.js');
    expect(formatRowValues(608.75, 3043.75, 2435, 'money', 'ru')).toEqual({ before: '609', after: '3 044', change: '+2 435' });
    expect(formatRowValues(200, 666.67, 466.67, 'money', 'ru')).toEqual({ before: '200,00', after: '666,67', change: '+466,67' });
    expect(formatRowValues(0.15, 0.2, 0.05, 'ratio', 'en')).toEqual({ before: '15.0%', after: '20.0%', change: '+5.0 pp' });
    const withMoney = (revenue: number) => ({ ...period('2024-01-01', '2024-06-30', 0.15), total: { ...period('2024-01-01', '2024-06-30', 0.15).total, revenue } });
    // 3 652,5 over 182 days before (5,98 months of 30,4375 days: 610,84 a month) and 18 262,5 over 181 after (3 070,99).
    const r = compareKpis(withMoney(3652.5), { ...withMoney(18262.5), period: makePeriod('2025-01-01', '2025-06-30') });
    const md = renderCompareMarkdown(r, { lang: 'ru', color: false });
    expect(md).toMatch(/\| Выручка в месяц \| 611 \| 3 071 \| ↑ \+2 460 \|/);
  });
});

// A tester: «Касаний на продажу 1,33 → 1,20 ↓ −0,13» and «Реакция 60,0 → 20,0 ↓ −40,0» had the same arrow, one worse and
// one better; only the workbook said which (spec: the «better» column).
describe('the before/after verdict column', () => {
  const side = (from: string, to: string, touches: number, response: number) => ({ period: makePeriod(from, to), total: { leads: 10, won: 3, conversion: 0.3, touches_per_won: touches, response_min_median: response }, managers: [] });
  const r = compareKpis(side('2024-01-01', '2024-01-31', 1.5, 60), side('2024-03-01', '2024-03-31', 1.2, 20));
  const line = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label))!;

  it('tells a fall that is worse from one that is better in the terminal table and Markdown, in both languages', () => {
    const table = renderCompareTable(r, { lang: 'ru', color: false });
    expect(table.split('\n')[4]).toMatch(/^Показатель +До +После +Изменение +Изм\., % +Оценка +Цель +Цель достигнута$/);
    expect(line(table, 'Касаний на продажу')).toMatch(/↓ −0,30 +−20,0% +хуже$/);
    expect(line(table, 'Реакция, мин (медиана)')).toMatch(/↓ −40,0 +−66,7% +лучше +−30,0% +✓ да$/);
    expect(line(table, 'Конверсия')).toMatch(/→ 0,0 п\.\u00a0п\. +0,0% +без изменений +\+20,0% +✗ нет$/);
    const md = renderCompareMarkdown(r, { lang: 'en', color: false });
    expect(md).toContain('| Metric | Before | After | Change | Change % | Verdict | Target | Target met |');
    expect(md).toContain('| Touches per won deal | 1.50 | 1.20 | ↓ −0.30 | −20.0% | worse |  |  |');
    expect(md).toContain('| Response, min (median) | 60.0 | 20.0 | ↓ −40.0 | −66.7% | better | −30.0% | ✓ met |');
    // Nothing to compare (no callbacks either side): no verdict, «—» as the change.
    expect(md).toContain('| Callback rate | — | — | — | — | — |  |  |');
  });

  it('keeps within an 80-column terminal: the targets go to a table of their own', () => {
    const table = renderCompareTable(r, { lang: 'ru', color: false, width: 80 });
    expect(table.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    expect(table).toMatch(/\nПоказатель +До +После +Изменение +Изм\., % +Оценка\n/);
    expect(table).toMatch(/\nПоказатель +Цель +Цель достигнута\n/);
  });

  it('is a column of the CSV, in the words of the workbook', async () => {
    const { renderCompareCsv } = await import('../../../src/render/compare/csv.js');
    const rows = renderCompareCsv(r, { lang: 'ru' }).replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]!.split(';').slice(4)).toEqual(['Изменение', 'Изм., %', 'Оценка', 'Цель, %', 'Цель достигнута', 'Не рассчитано']);
    expect(rows.find((l) => l.startsWith('Касаний'))!.split(';')[6]).toBe('хуже');
    expect(rows.find((l) => l.startsWith('Реакция'))!.split(';')[6]).toBe('лучше');
    expect(rows.find((l) => l.startsWith('Перезвонили'))!.split(';')[6]).toBe('');
  });
});

// A tester: the HTML, Markdown and terminal payback left out the margin (and the latter two the costs) the
// workbook lists; 38 947 = (405 833,33 − 294 556,45) × 0,35 could not be traced from the revenue row.
describe('the payback inputs', () => {
  const money = (revenue: number, from: string, to: string) => ({ period: makePeriod(from, to), total: { leads: 10, won: 3, conversion: 0.3, revenue }, managers: [] });
  const r = compareKpis(money(304_375, '2024-01-01', '2024-03-31'), money(608_750, '2024-04-01', '2024-06-30'), { cost: 1_500_000, monthlyCost: 40_000, margin: 0.35 });

  it('come before the gain in the terminal, Markdown and CSV, in each language', async () => {
    expect(renderCompareTable(r, { lang: 'ru', color: false })).toContain('\nОкупаемость\nРазовые затраты на внедрение: 1 500 000\nЗатраты в месяц: 40 000\nДоля маржи: 35,0%\nПрирост валовой прибыли в месяц: ');
    expect(renderCompareMarkdown(r, { lang: 'en', color: false })).toContain('\n## Payback\n- One-off implementation cost: 1,500,000\n- Running cost per month: 40,000\n- Gross margin share: 35.0%\n- Gross profit gain per month: ');
    const { renderCompareCsv } = await import('../../../src/render/compare/csv.js');
    const payback = renderCompareCsv(r, { lang: 'ru' }).split('\r\n\r\n')[1]!.split('\r\n');
    expect(payback.slice(0, 4)).toEqual(['Окупаемость;Значение', 'Разовые затраты на внедрение;1500000', 'Затраты в месяц;40000', 'Доля маржи, %;35']);
  });

  it('are in the HTML payback table, the margin too', async () => {
    const { paybackSummary } = await import('../../../src/render/html/sections.js');
    const html = paybackSummary(r, 'ru');
    expect(html).toMatch(/Разовые затраты на внедрение<\/td><td[^>]*>1 500 000</);
    expect(html).toMatch(/Доля маржи<\/td><td[^>]*>35,0%</);
  });
});

// A tester: the Markdown per-manager tables were `| --- | --- |` (numbers left-aligned on GitHub), and an «after» with
// no arrow kept a stray space («| 0,0%  |»).
describe('the Markdown per-manager tables', () => {
  it('right-align the numbers and pad no cell', async () => {
    const md = renderCompareMarkdown(result, { lang: 'ru', color: false });
    const table = md.slice(md.indexOf('## По менеджерам'));
    expect(table).toContain('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const empty = { ...period('2024-01-01', '2024-06-30', 0.15), managers: [{ manager: 'Петров Пётр', leads: 300, conversion: null, response_min_median: null }] };
    const none = renderCompareMarkdown(compareKpis(empty, period('2025-01-01', '2025-06-30', 0.2), { byManager: true }), { lang: 'ru', color: false });
    expect(none.slice(none.indexOf('## По менеджерам'))).not.toMatch(/ {2}\|/);
    expect(none).toContain('| Петров Пётр | — | — |');
  });

  it('and the report\'s changes since the last run, by manager', async () => {
    const { renderReportMarkdown } = await import('../../../src/render/report/summary.js');
    const md = renderReportMarkdown({ schemaVersion: 1, generatedAt: '2025-07-01T00:00:00.000Z', lang: 'ru', delta: { since: '2025-06-01T00:00:00.000Z', managers: { 'Иванова Анна': { leads: -3, conversion: 0.012 } } }, assertions: [], failed: { errors: 0, warnings: 0 } });
    expect(md).toContain(`| Менеджер | Лиды | Конверсия |\n| --- | ---: | ---: |\n| Иванова Анна | −3 | +1,2 ${ppUnit('ru')} |`);
  });
});
