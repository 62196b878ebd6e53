import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareRow } from '../../../src/core/compare.js';
import { formatRowValues, shownRow } from '../../../src/render/format.js';
import { renderCompareMarkdown } from '../../../src/render/compare/text.js';
import { moreDigits, renderCompareXlsx, rowFormats } from '../../../src/render/compare/xlsx.js';
import { compareResult } from '../../helpers/results.js';

/** The samples' conversion before and after the 2025-01-01 cutover: 20,66% and 28,74%, a change of 8,08 points. */
const BEFORE = 0.206611570248;
const AFTER = 0.287394957983;

/** A shown number back as a number: «−1 234,56» → −1234.56. */
const read = (text: string) => Number(text.replace(/[^\d,.−-]/g, '').replace(',', '.').replace('−', '-'));

// A tester: «20,7% → 28,7% ↑ +8,1 п. п.» — the change shown is not the difference of the values shown.
describe('a before/after row adds up as shown', () => {
  it('one more digit where the rounded change would not be the difference of the rounded values', () => {
    expect(shownRow(BEFORE, AFTER, AFTER - BEFORE, 'ratio')).toEqual({ extra: 1, change: AFTER - BEFORE });
    expect(formatRowValues(BEFORE, AFTER, AFTER - BEFORE, 'ratio', 'ru')).toEqual({ before: '20,66%', after: '28,74%', change: '+8,08 п.\u00a0п.' });
    // Rows that add up keep their own digits.
    expect(formatRowValues(0.15, 0.2, 0.05, 'ratio', 'en')).toEqual({ before: '15.0%', after: '20.0%', change: '+5.0 pp' });
    expect(formatRowValues(10.68, 7.56, 7.56 - 10.68, 'days', 'ru')).toEqual({ before: '10,7', after: '7,6', change: '−3,1' });
    expect(formatRowValues(8.44, 11.05, 2.61, 'days', 'ru')).toEqual({ before: '8,44', after: '11,05', change: '+2,61' });
    // Money stays whole roubles (one precision per column), and nothing is compared without both sides.
    expect(shownRow(3_097_093.4, 5_600_500.6, 2_503_407.2, 'money')).toEqual({ extra: 0, change: 2_503_407.2 });
    expect(shownRow(null, 0.2, null, 'ratio')).toEqual({ extra: 0, change: null });
  });

  it('of a thousand rows, every one adds up as shown, with one more digit at most', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    const extras = [0, 0];
    for (let i = 0; i < 1000; i++) {
      const [b, a] = [next(), next() * 100];
      for (const [format, x, y] of [['ratio', b, a / 100], ['days', b * 100, a]] as const) {
        const shown = formatRowValues(x, y, y - x, format, 'en');
        expect(Math.abs(read(shown.after) - read(shown.before) - read(shown.change)), `${format} ${x} → ${y}: ${JSON.stringify(shown)}`).toBeLessThan(1e-9);
        const row = shownRow(x, y, y - x, format);
        extras[row.extra]!++;
        // The change shown is the exact one but where it could not be, and then less than a unit of its last digit from it.
        expect(Math.abs(row.change! - (y - x)) * (format === 'ratio' ? 100 : 1)).toBeLessThan(0.01);
      }
    }
    expect(extras[0]).toBeGreaterThan(extras[1]!);
  });

  it('where one more digit does not add up either, the change shown is the difference of the values shown', () => {
    // 12,1% → 20,0% over 7,95 points (8,0), and 12,05% → 20,01% over 7,95 (20,01 − 12,05 = 7,96).
    const row = shownRow(0.120504, 0.200051, 0.200051 - 0.120504, 'ratio');
    expect(row.extra).toBe(1);
    expect(row.change! * 100).toBeCloseTo(7.96, 12);
    expect(formatRowValues(0.120504, 0.200051, 0.200051 - 0.120504, 'ratio', 'ru')).toEqual({ before: '12,05%', after: '20,01%', change: '+7,96 п.\u00a0п.' });
  });

  it('the workbook shows the same digits, its cells the exact numbers; Markdown the same text', async () => {
    expect(moreDigits('+0.0" п.\u00a0п.";"−"0.0" п.\u00a0п.";0.0" п.\u00a0п."', 1)).toBe('+0.00" п.\u00a0п.";"−"0.00" п.\u00a0п.";0.00" п.\u00a0п."');
    expect(moreDigits('#,##0.0" дн."', 2)).toBe('#,##0.000" дн."');
    const r = compareResult();
    r.rows = r.rows.map((x) => (x.metric === 'conversion' ? compareRow('conversion', 'up', BEFORE, AFTER, 0.2) : x));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderCompareXlsx(r, { lang: 'ru', now: new Date('2026-12-01T00:00:00Z') })) as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRows(1, 40)!.find((x) => x.getCell(1).value === 'Конверсия')!;
    expect([row.getCell(2).numFmt, row.getCell(3).numFmt]).toEqual(['0.00%', '0.00%']);
    expect(row.getCell(4).numFmt).toBe('+0.00" п.\u00a0п.";"−"0.00" п.\u00a0п.";0.00" п.\u00a0п."');
    expect(row.getCell(2).value).toBe(BEFORE);
    expect(row.getCell(4).value).toBeCloseTo((AFTER - BEFORE) * 100, 12);
    // Where one more digit does not add up, the cell holds the difference as shown, as every other format says it.
    expect(rowFormats({ metric: 'conversion', before: 0.120504, after: 0.200051, change: 0.200051 - 0.120504 }, 'ru').changeCell).toBeCloseTo(7.96, 12);
    expect(renderCompareMarkdown(r, { lang: 'ru', color: false })).toContain('| Конверсия | 20,66% | 28,74% | ↑ +8,08 п.\u00a0п. |');
  });
});
