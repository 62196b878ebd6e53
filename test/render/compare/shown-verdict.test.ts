import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareRow, makePeriod, type CompareResult } from '../../../src/core/compare.js';
import { beforeAfterTable } from '../../../src/render/charts/build.js';
import { renderCompareCsv } from '../../../src/render/compare/csv.js';
import { changeArrow, renderCompareMarkdown, renderCompareTable, shownVerdict } from '../../../src/render/compare/text.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';

/**
 * A tester: «Лидов в месяц 100,08 100,06 ↓ −0,02 0,0% хуже». A change shown as «0,0%» is «без изменений»,
 * with → as an exact zero has, in every format; the JSON's numbers stay exact.
 */
// −0,02 of 100,08 is −0,01998…%: «0,0%». −0,10 of 100,08 is −0,0999…%: «−0,1%».
const flat = compareRow('leads_per_month', 'up', 100.08, 100.06, null);
const fell = compareRow('leads_per_month', 'up', 100.08, 99.98, null);
// Nothing before, so no change in per cent: the change itself is shown, 0,04 п. п. as «0,0 п. п.», 0,2 п. п. as «+0,2 п. п.».
const tiny = compareRow('missed_share', 'down', 0, 0.0004, null);
const rose = compareRow('missed_share', 'down', 0, 0.002, null);
const result: CompareResult = {
  schemaVersion: 1,
  before: makePeriod('2024-07-01', '2024-12-31'),
  after: makePeriod('2025-01-01', '2025-06-30'),
  rows: [flat, tiny],
  payback: null,
  // 20,00% → 20,001%: +0,005% of it, «0,0%».
  managers: [{ manager: 'Иванова Анна', metrics: [compareRow('conversion', 'up', 0.2, 0.20001, 0.2)] }],
};

describe('the verdict on a change that rounds to zero as shown', () => {
  it('is «same» and → where the change shown is zero, and the change stays exact', () => {
    expect(flat.change).toBeCloseTo(-0.02, 10);
    expect(flat.change_pct).toBeCloseTo(-0.02 / 100.08, 10);
    expect([shownVerdict(flat), changeArrow(flat)]).toEqual(['same', '→']);
    expect([shownVerdict(fell), changeArrow(fell)]).toEqual(['worse', '↓']);
    expect([shownVerdict(tiny), changeArrow(tiny)]).toEqual(['same', '→']);
    // A missed share that rises is worse.
    expect([shownVerdict(rose), changeArrow(rose)]).toEqual(['worse', '↑']);
  });

  it('says «без изменений» with → and no colour in the terminal table, in both languages', () => {
    const ru = renderCompareTable(result, { lang: 'ru', color: true });
    const line = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label))!;
    expect(line(ru, 'Лидов в месяц')).toMatch(/100,08 +100,06 +→ −0,02 +0,0% +без изменений\s*$/);
    expect(line(ru, 'Лидов в месяц')).not.toContain('\u001b[31m');
    expect(line(ru, 'Доля пропущенных')).toMatch(/0,0% +0,0% +→ 0,0 п\.\u00a0п\. +— +без изменений\s*$/);
    // The per-manager table: the after value with →, uncoloured.
    expect(line(ru, 'Иванова Анна')).toMatch(/20,0% +20,0% →\s*$/);
    expect(line(ru, 'Иванова Анна')).not.toContain('\u001b[3');
    const en = renderCompareTable(result, { lang: 'en', color: false });
    expect(line(en, 'Leads per month')).toMatch(/100\.08 +100\.06 +→ −0\.02 +0\.0% +no change\s*$/);
  });

  it('says so in Markdown, CSV and the HTML chart table', () => {
    const md = renderCompareMarkdown(result, { lang: 'en', color: false });
    expect(md).toContain('| Leads per month | 100.08 | 100.06 | → −0.02 | 0.0% | no change |  |  |');
    expect(md).toContain('| Иванова Анна | 20.0% | 20.0% → |');
    const csv = renderCompareCsv(result, { lang: 'ru' }).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv.find((l) => l.startsWith('Лидов'))!.split(';')[6]).toBe('без изменений');
    expect(csv.find((l) => l.startsWith('Доля пропущенных'))!.split(';')[6]).toBe('без изменений');
    const table = beforeAfterTable(result, 'ru');
    expect(table.rows[0]!.slice(3, 6)).toEqual(['−0,02', '0,0%', 'без изменений']);
    expect(beforeAfterTable({ ...result, rows: [fell] }, 'ru').rows[0]!.slice(3, 6)).toEqual(['−0,10', '−0,1%', 'хуже']);
  });

  it('is «→ без изменений» without a fill in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderCompareXlsx(result, { lang: 'ru', now: new Date('2025-07-01T00:00:00Z') })) as never);
    const sheet = wb.getWorksheet('До-После')!;
    const row = sheet.getColumn(1).values.findIndex((v) => v === 'Лидов в месяц');
    expect(sheet.getRow(row).getCell(6).value).toBe('→ без изменений');
    expect(sheet.getRow(row).getCell(6).fill).toBeUndefined();
    // The number stays exact: the cell's format shows it.
    expect(sheet.getRow(row).getCell(4).value).toBeCloseTo(-0.02, 10);
    const fellBook = new ExcelJS.Workbook();
    await fellBook.xlsx.load(Buffer.from(await renderCompareXlsx({ ...result, rows: [fell], managers: undefined }, { lang: 'ru', now: new Date('2025-07-01T00:00:00Z') })) as never);
    const fellSheet = fellBook.getWorksheet('До-После')!;
    const at = fellSheet.getColumn(1).values.findIndex((v) => v === 'Лидов в месяц');
    expect(fellSheet.getRow(at).getCell(6).value).toBe('↓ хуже');
  });
});
