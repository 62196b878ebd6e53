import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../src/core/report.js';
import { renderReportMarkdown } from '../../../src/render/report/summary.js';
import { renderReportXlsx } from '../../../src/render/report/xlsx.js';
import { groupsOnlyResult, groupsResult } from '../../helpers/groups-result.js';

const report = (lang: string, kpi = groupsResult()): ReportResult => ({
  schemaVersion: 1, generatedAt: '2024-09-02T09:30:00.000Z', lang, kpi,
  assertions: [{ assertion: 'plan.revenue.achieved>=1.1', op: '>=', expected: 1.1, level: 'error', passed: false, failures: [{ subject: 'plan.revenue.achieved', path: ['plan', 'revenue', 'achieved'], value: 1 }] }],
  failed: { errors: 1, warnings: 0 },
});

describe('the report with spend and a plan', () => {
  it('Markdown: the department\'s unit economics among the headline KPIs, plan vs fact in total', () => {
    const md = renderReportMarkdown(report('ru'));
    expect(md).toContain('| CAC | 27 500 |');
    expect(md).toContain('| ROMI | 63,6% |');
    expect(md).toContain('| LTV/CAC | 1,64 |');
    expect(md).toContain('### План / факт\n\n| Показатель | План | Факт | % плана |\n| --- | ---: | ---: | ---: |\n| Лиды | 8 | 5 | 62,5% |\n| Выиграно | 3 | 3 | 100,0% |\n| Выручка | 180 000 | 180 000 | 100,0% |');
    const en = renderReportMarkdown(report('en'));
    expect(en).toContain('### Plan vs actual');
    expect(en).toContain('| Leads | 8 | 5 | 62.5% |');
    const plain = renderReportMarkdown(report('ru', groupsOnlyResult()));
    expect(plain).not.toMatch(/CAC|### План \/ факт/);
  });

  it('the workbook\'s Summary: unit economics as numbers in their formats; a plan assertion\'s value as a percent', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderReportXlsx(report('ru'))) as unknown as ExcelJS.Buffer);
    const summary = wb.getWorksheet('Сводка')!;
    const row = (label: string) => summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === label)!;
    expect(row('CAC').getCell(2).value).toBe(27_500);
    expect(row('CAC').getCell(2).numFmt).toBe('#,##0');
    expect(row('ROMI').getCell(2).numFmt).toBe('0.0%');
    const failure = row('plan.revenue.achieved>=1.1');
    expect(failure.getCell(4).value).toBe(1);
    expect(failure.getCell(4).numFmt).toBe('0.0%');
    expect(wb.worksheets.map((w) => w.name)).toContain('План-факт');
  });
});

describe('the report\'s audit with exports', () => {
  it('Markdown: which answers the exports contradict, and why, before the checked total (a CI reader saw the score fall with no reason)', async () => {
    const { auditResult } = await import('../../helpers/results.js');
    const md = renderReportMarkdown({ ...report('ru'), audit: auditResult() });
    expect(md).toContain('#### Проверка по выгрузкам');
    expect(md).toContain('| Звонки в CRM | да | опровергнуто | Вы сказали, что звонки записываются; к сделкам привязано 20% звонков. |');
    expect(md).toContain('**Итог с учётом выгрузок: 1,5 / 5 — Начало пути.**');
  });
});

describe('the headline KPIs beside a comparison', () => {
  it('leads and revenue take the change and target of their per-month rows (leads showed none though leads_per_month had a target)', async () => {
    const { headlineRows } = await import('../../../src/render/report/summary.js');
    const row = (metric: string, change_pct: number, target: number, met: boolean) => ({ metric, before: 10, after: 12, change: 2, change_pct, better: 'up' as const, target, met });
    const compare = { schemaVersion: 1, before: { from: '2024-01-01', to: '2024-03-31' }, after: { from: '2024-07-01', to: '2024-08-31' }, rows: [row('leads_per_month', 0.2, 0.15, true), row('revenue_per_month', 0.1, 0.15, false)], payback: null } as unknown as ReportResult['compare'];
    const rows = headlineRows({ ...report('ru'), compare }, 'ru');
    const leads = rows.find((r) => r.key === 'leads')!;
    expect([leads.change, leads.target, leads.met]).toEqual([0.2, 0.15, true]);
    const revenue = rows.find((r) => r.key === 'revenue')!;
    expect([revenue.change, revenue.target, revenue.met]).toEqual([0.1, 0.15, false]);
    expect(rows.find((r) => r.key === 'conversion')!.change).toBeNull();
  });

  // A tester: «Лиды 18, +2,9%» read as more leads, where they fell from 10 to 8: the change is of leads a month (a shorter after period).
  it('the change of a rate a month beside a count says whose change it is, in the workbook and the HTML cover', async () => {
    const { headlineChange, headlineRows } = await import('../../../src/render/report/summary.js');
    const row = (metric: string, change_pct: number) => ({ metric, before: 10, after: 12, change: 2, change_pct, better: 'up' as const, target: null, met: null });
    const compare = { schemaVersion: 1, before: { from: '2024-01-01', to: '2024-03-31' }, after: { from: '2024-07-01', to: '2024-08-31' }, rows: [row('leads_per_month', 0.029), row('revenue_per_month', 3.286), row('conversion', 0.5)], payback: null } as unknown as ReportResult['compare'];
    const rows = (lang: string) => headlineRows({ ...report(lang), compare }, lang);
    const text = (lang: string, key: string) => headlineChange(rows(lang).find((r) => r.key === key)!, lang);
    expect(text('ru', 'leads')).toBe('+2,9% (лидов в месяц)');
    expect(text('ru', 'revenue')).toBe('+328,6% (выручка в месяц)');
    expect(text('en', 'leads')).toBe('+2.9% (leads per month)');
    expect(text('ru', 'conversion')).toBe('+50,0%');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderReportXlsx({ ...report('ru'), compare })) as unknown as ExcelJS.Buffer);
    const summary = wb.getWorksheet('Сводка')!;
    const cell = (label: string) => summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === label)!.getCell(3);
    expect(cell('Лиды').value).toBe(0.029);
    expect(cell('Лиды').numFmt).toBe('+0.0%" (лидов в месяц)";"\u2212"0.0%" (лидов в месяц)";0.0%" (лидов в месяц)"');
    expect(cell('Конверсия').numFmt).toBe('+0.0%;"\u2212"0.0%;0.0%');
  });
});

// A tester: a log with a status column but no incoming call showed «Доля пропущенных: нет данных»: a share of nothing, not missing data.
describe('a headline KPI that is a ratio of nothing', () => {
  it('reads «—», as the kpi table shows it; a metric not computed is not listed', () => {
    const kpi = groupsResult();
    const { missed_share: _computed, ...others } = kpi.notApplicable;
    const md = renderReportMarkdown(report('ru', { ...kpi, total: { ...kpi.total, missed_share: null }, notApplicable: others }));
    expect(md).toMatch(/\| Доля пропущенных \| — \|/);
    expect(md).not.toContain('нет данных');
    const na = renderReportMarkdown(report('ru', { ...kpi, total: { ...kpi.total, missed_share: null }, notApplicable: { ...others, missed_share: 'needs an activities file (--activities)' } }));
    expect(na).not.toContain('Доля пропущенных');
  });
});
