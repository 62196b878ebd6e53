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
    const sheet = wb.getWorksheet('До и после')!;
    const row = sheet.getColumn(1).values.findIndex((v) => v === 'Лидов в месяц');
    expect(sheet.getRow(row).getCell(6).value).toBe('→ без изменений');
    expect(sheet.getRow(row).getCell(6).fill).toBeUndefined();
    // The number stays exact: the cell's format shows it.
    expect(sheet.getRow(row).getCell(4).value).toBeCloseTo(-0.02, 10);
    const fellBook = new ExcelJS.Workbook();
    await fellBook.xlsx.load(Buffer.from(await renderCompareXlsx({ ...result, rows: [fell], managers: undefined }, { lang: 'ru', now: new Date('2025-07-01T00:00:00Z') })) as never);
    const fellSheet = fellBook.getWorksheet('До и после')!;
    const at = fellSheet.getColumn(1).values.findIndex((v) => v === 'Лидов в месяц');
    expect(fellSheet.getRow(at).getCell(6).value).toBe('↓ хуже');
  });
});

/**
 * A tester (T33 F3): «Выручка в месяц 182 625 182 574 → −51 −0,03% без изменений 0,00% ✗ нет». The change
 * is shown with more digits beside its target of 0%, and so is no zero: «хуже» and ↓, as «✗ нет» says.
 * The rule: «без изменений» where the change as shown, with the digits it is shown with, is zero.
 */
describe('a change shown with more digits beside its target', () => {
  // −50,75 of 182 625 is −0,02779…%: «−0,0%» alone, «−0,03%» beside the target «0,00%»; not met (−0,0278% < 0%).
  const drop = compareRow('revenue_per_month', 'up', 182_625, 182_574.25, 0);
  // −16,67 of 60 000 is −0,02778…%: «−0,03%» beside «−0,01%», not met.
  const check = compareRow('average_check', 'up', 60_000, 59_983.33, -0.0001);
  // The same −0,0278% beside a target of +20% is shown «0,0%»: «без изменений», the target not met.
  const far = compareRow('revenue_per_month', 'up', 182_625, 182_574.25, 0.2);
  const tiny: CompareResult = { ...result, rows: [drop, check, far], managers: undefined };

  it('is «хуже» with ↓ where the change shown is not zero, and «без изменений» where it is', () => {
    expect(drop.met).toBe(false);
    expect(check.met).toBe(false);
    expect([shownVerdict(drop), changeArrow(drop)]).toEqual(['worse', '↓']);
    expect([shownVerdict(check), changeArrow(check)]).toEqual(['worse', '↓']);
    expect([shownVerdict(far), changeArrow(far)]).toEqual(['same', '→']);
  });

  it('says so in the terminal, Markdown, CSV and the HTML table', () => {
    const ru = renderCompareTable(tiny, { lang: 'ru', color: false }).split('\n');
    expect(ru.find((l) => l.startsWith('Выручка в месяц'))).toMatch(/182 625 +182 574 +↓ −51 +−0,03% +хуже +0,00% +✗ нет\s*$/);
    expect(ru.find((l) => l.startsWith('Средний чек'))).toMatch(/60 000 +59 983 +↓ −17 +−0,03% +хуже +−0,01% +✗ нет\s*$/);
    const md = renderCompareMarkdown(tiny, { lang: 'en', color: false });
    expect(md).toContain('| Revenue per month | 182,625 | 182,574 | ↓ −51 | −0.03% | worse | 0.00% | ✗ not met |');
    expect(md).toContain('| Revenue per month | 182,625 | 182,574 | → −51 | 0.0% | no change | +20.0% | ✗ not met |');
    const csv = renderCompareCsv(tiny, { lang: 'ru' }).replace(/^\uFEFF/, '').split('\r\n').filter((l) => /^(Выручка|Средний)/.test(l));
    expect(csv.map((l) => l.split(';')[6])).toEqual(['хуже', 'хуже', 'без изменений']);
    expect(beforeAfterTable(tiny, 'ru').rows.map((r) => r.slice(4, 6))).toEqual([['−0,03%', 'хуже'], ['−0,03%', 'хуже'], ['0,0%', 'без изменений']]);
  });
});
