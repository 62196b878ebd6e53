import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod, type CompareResult } from '../../../src/core/compare.js';
import { renderCompareCsv } from '../../../src/render/compare/csv.js';
import { renderCompareMarkdown, renderCompareTable } from '../../../src/render/compare/text.js';
import { addCompareSheets } from '../../../src/render/compare/xlsx.js';
import { paybackSummary } from '../../../src/render/html/sections.js';

const period = (from: string, to: string, revenue: number) => ({
  period: makePeriod(from, to),
  total: { leads: 300, won: 60, conversion: 0.2, revenue },
  managers: [],
});
const run = (margin?: number): CompareResult =>
  compareKpis(period('2024-01-01', '2024-06-30', 1_000_000), period('2025-01-01', '2025-06-30', 2_000_000), { cost: 100_000, ...(margin === undefined ? {} : { margin }) });

async function xlsxTexts(r: CompareResult, lang: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addCompareSheets(wb, r, lang, { date: new Date('2025-07-01T00:00:00Z') });
  const texts: string[] = [];
  wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => texts.push(String(c.value)))));
  return texts.join('\n');
}

/** Every format's text of one compare result. */
async function everyFormat(r: CompareResult, lang: string): Promise<string[]> {
  return [renderCompareTable(r, { lang, color: false }), renderCompareMarkdown(r, { lang, color: false }), renderCompareCsv(r, { lang }), paybackSummary(r, lang), await xlsxTexts(r, lang)];
}

// A first-time user: without --margin the margin is 1, so the gain is revenue, yet every format called it gross profit.
describe('the payback gain is named for what it is', () => {
  it('without --margin, revenue growth with a pointer to --margin, in every format and both languages', async () => {
    for (const text of await everyFormat(run(), 'ru')) {
      expect(text).toContain('Прирост выручки в месяц (маржа не задана: --margin)');
      expect(text).not.toContain('валовой прибыли');
    }
    for (const text of await everyFormat(run(), 'en')) {
      expect(text).toContain('Revenue gain per month (no margin given: --margin)');
      expect(text).not.toMatch(/gross (profit|gain)/i);
    }
  });

  it('with --margin, gross profit, the formula under the HTML table too', async () => {
    for (const text of await everyFormat(run(0.3), 'ru')) expect(text).toContain('Прирост валовой прибыли в месяц');
    expect(paybackSummary(run(0.3), 'ru')).toContain('N × (прирост валовой прибыли в месяц − затраты в месяц)');
    expect(paybackSummary(run(), 'ru')).toContain('N × (прирост выручки в месяц − затраты в месяц)');
    for (const text of await everyFormat(run(0.3), 'en')) expect(text).toContain('Gross profit gain per month');
  });

  it('a margin of 1 given on purpose (payback_inputs.margin_given) is revenue without the pointer', () => {
    const given = run(1);
    (given.payback_inputs as { margin_given?: boolean }).margin_given = true;
    expect(renderCompareTable(given, { lang: 'ru', color: false })).toMatch(/Прирост выручки в месяц: /);
  });
});
