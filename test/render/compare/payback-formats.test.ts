import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod, payback } from '../../../src/core/compare.js';
import { renderCompareMarkdown, renderCompareTable } from '../../../src/render/compare/text.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';
import { paybackSummary } from '../../../src/render/html/sections.js';

// A tester: the workbook said 4,2 months and «139,0%» where the terminal, Markdown and HTML said 4,23 and «+139,0%».
// Gain (200 000 − 100 000) × 0,5 = 50 000 a month; net 40 000; payback 300 000 / 40 000 = 7,5 months;
// ROI (12 × 40 000 − 300 000) / (300 000 + 12 × 10 000) = 180 000 / 420 000 = 0,428571.
const period = (from: string, to: string) => ({ period: makePeriod(from, to), total: { leads: 100, won: 20, conversion: 0.2 }, managers: [] });
const base = compareKpis(period('2024-01-01', '2024-06-30'), period('2025-01-01', '2025-06-30'), { cost: 300_000, monthlyCost: 10_000, margin: 0.5 });
const result = { ...base, payback: payback(100_000, 200_000, 300_000, 10_000, 0.5) };

describe('payback months and ROI, one precision and sign in every format', () => {
  it('computes them as the spec does', () => {
    expect(result.payback).toMatchObject({ gain_per_month: 50_000, payback_months: 7.5 });
    expect(result.payback!.roi_12m).toBeCloseTo(0.428571, 6);
  });

  it('terminal, Markdown and HTML: 7,50 months and +42,9%', () => {
    const text = renderCompareTable(result, { lang: 'ru', color: false });
    expect(text).toContain('Срок окупаемости, мес.: 7,50');
    expect(text).toContain('ROI за 12 месяцев: +42,9%');
    expect(renderCompareMarkdown(result, { lang: 'en', color: false })).toContain('- ROI over 12 months: +42.9%');
    const html = paybackSummary(result, 'ru');
    expect(html).toMatch(/7,50/);
    expect(html).toMatch(/\+42,9%/);
  });

  it('the workbook: two decimals for the months, the ROI signed as the other changes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderCompareXlsx(result, { lang: 'ru', now: new Date('2025-07-01T00:00:00Z') })) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets.find((s) => s.name === 'Окупаемость')!;
    const rows = sheet.getRows(1, sheet.rowCount)!;
    const cell = (label: string) => rows.find((r) => r.getCell(1).value === label)!.getCell(2);
    expect(cell('Срок окупаемости, мес.').numFmt).toBe('#,##0.00');
    expect(cell('Срок окупаемости, мес.').value).toBe(7.5);
    expect(cell('ROI за 12 месяцев').numFmt).toBe('+0.0%;"−"0.0%;0.0%');
  });
});
