import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod } from '../../../src/core/compare.js';
import { beforeAfterTable } from '../../../src/render/charts/build.js';
import { renderCompareMarkdown, renderCompareTable } from '../../../src/render/compare/text.js';
import { digitsApart, formatJudged, judgedDigits } from '../../../src/render/format.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';

// A tester: a conversion change of +39,0992% against a target of +39,1% showed «+39,1% … +39,1% ✗ нет» in every format.
// Before 0.2, after 0.278198: change_pct 0.39099 (hand: 0.078198 / 0.2), target 0.391.
const period = (from: string, to: string, conv: number) => ({ period: makePeriod(from, to), total: { leads: 1000, won: 1000 * conv, conversion: conv }, managers: [] });
const result = compareKpis(period('2024-01-01', '2024-06-30', 0.2), period('2025-01-01', '2025-06-30', 0.278198), { targets: { conversion: 0.391, leads_per_month: 0.1 } });
const conversion = result.rows.find((r) => r.metric === 'conversion')!;

describe('a change and its target that round alike', () => {
  it('takes as many more digits as tell them apart; none where they differ as shown or are equal', () => {
    expect(conversion.change_pct).toBeCloseTo(0.39099, 6);
    expect(conversion.met).toBe(false);
    // 1 extra: +39,10% both; 2: +39,099% and +39,100%.
    expect(judgedDigits(0.39099, 0.391)).toBe(2);
    // −0,0228% against 0%: «−0,02%» and «0,00%» at one extra digit.
    expect(judgedDigits(-0.000228, 0)).toBe(1);
    expect(judgedDigits(0.305, 0.3)).toBe(0);
    expect(judgedDigits(0.2, 0.2)).toBe(0);
    expect(judgedDigits(null, 0.2)).toBe(0);
  });

  it('digitsApart: the same loop for any way of showing a number, up to its most digits', () => {
    const fixed = (v: number, extra: number) => v.toFixed(2 + extra);
    expect(digitsApart(0.7799, 0.78, fixed, 12)).toBe(2);
    expect(digitsApart(0.7799, 0.78, fixed, 1)).toBe(1);
    expect(digitsApart(0.5, 0.5, fixed, 12)).toBe(0);
    expect(digitsApart(0.51, 0.5, fixed, 12)).toBe(0);
  });

  it('formatJudged: the change and its target with the same digits, «—» for a missing one', () => {
    expect(formatJudged(0.39099, 0.391, 'ru')).toEqual({ change: '+39,099%', target: '+39,100%' });
    expect(formatJudged(0.305, 0.3, 'en')).toEqual({ change: '+30.5%', target: '+30.0%' });
    expect(formatJudged(0.2, null, 'en')).toEqual({ change: '+20.0%', target: '—' });
  });

  it('shows them so in the terminal, Markdown and the HTML table', () => {
    expect(renderCompareTable(result, { lang: 'ru', color: false })).toMatch(/Конверсия .*\+39,099% +лучше +\+39,100% +✗ нет/);
    expect(renderCompareMarkdown(result, { lang: 'en', color: false })).toMatch(/\| Conversion \|.*\| \+39\.099% \| better \| \+39\.100% \| ✗ not met \|/);
    const html = beforeAfterTable(result, 'ru').rows.find((r) => r[0] === 'Конверсия')!;
    expect([html[4], html[6]]).toEqual(['+39,099%', '+39,100%']);
    // A row that differs as shown keeps one digit: leads a month (182 and 181 days), +0,6% against +10,0%.
    expect(renderCompareTable(result, { lang: 'ru', color: false })).toMatch(/Лидов в месяц .* \+0,6% +лучше +\+10,0% +✗ нет/);
  });

  it('gives the workbook\'s two cells formats with those digits', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderCompareXlsx(result, { lang: 'ru', now: new Date('2025-07-01T00:00:00Z') })) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Конверсия')!;
    expect(row.getCell(5).numFmt).toBe('+0.000%;"−"0.000%;0.000%');
    expect(row.getCell(7).numFmt).toBe('+0.000%;"−"0.000%;0.000%');
  });
});
