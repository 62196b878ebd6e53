import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod, payback } from '../../../src/core/compare.js';
import { renderCompareCsv } from '../../../src/render/compare/csv.js';
import { renderCompareMarkdown, renderCompareTable } from '../../../src/render/compare/text.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';
import { paybackSummary } from '../../../src/render/html/sections.js';

/**
 * A tester (T33 F5): `--cost 0` with no running cost printed «ROI за 12 месяцев: —» with no reason, where every
 * other «—» of the payback says why. ROI = (12 × (gain − monthly cost) − cost) / (cost + 12 × monthly cost): with
 * cost 0 and monthly cost 0 the denominator is 0, so it is null (spec: never 0) — and now says why.
 */
// Revenue a month 100 000 → 150 000, margin 1: gain 50 000, payback 0 / 50 000 = 0 months, ROI none.
const period = (from: string, to: string) => ({ period: makePeriod(from, to), total: { leads: 10, won: 2, conversion: 0.2 }, managers: [] });
const base = compareKpis(period('2024-01-01', '2024-06-30'), period('2025-01-01', '2025-06-30'), { cost: 0 });
const result = { ...base, payback: payback(100_000, 150_000, 0) };
const RU = 'не определён: затрат нет (разовые и ежемесячные — 0)';
const EN = 'not defined: there is no cost (one-off and running costs are 0)';

describe('no ROI for nothing spent, with the reason', () => {
  it('JSON: roi_12m null and payback.roi_not_applicable; none where there is a cost', () => {
    expect(result.payback).toEqual({ gain_per_month: 50_000, payback_months: 0, roi_12m: null, roi_not_applicable: EN });
    expect(payback(100_000, 150_000, 0, 1_000)).not.toHaveProperty('roi_not_applicable');
    expect(payback(100_000, 150_000, 1_000)).not.toHaveProperty('roi_not_applicable');
  });

  it('terminal, Markdown, HTML and CSV say it, in Russian and English', () => {
    expect(renderCompareTable(result, { lang: 'ru', color: false })).toContain(`ROI за 12 месяцев: ${RU}\n`);
    expect(renderCompareTable(result, { lang: 'en', color: false })).toContain(`ROI over 12 months: ${EN}\n`);
    expect(renderCompareMarkdown(result, { lang: 'ru', color: false })).toContain(`- ROI за 12 месяцев: ${RU}\n`);
    expect(paybackSummary(result, 'ru')).toContain(RU);
    expect(renderCompareCsv(result, { lang: 'ru' })).toContain(`ROI за 12 месяцев, %;${RU}\r\n`);
    expect(renderCompareCsv(result, { lang: 'en' })).toContain(`"ROI over 12 months, %",${EN}\r\n`);
  });

  it('the workbook: the reason in the ROI cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderCompareXlsx(result, { lang: 'ru', now: new Date('2025-07-01T00:00:00Z') })) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets.find((s) => s.name === 'Окупаемость')!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'ROI за 12 месяцев')!;
    expect(row.getCell(2).value).toBe(RU);
  });
});
