import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../src/core/report.js';
import { renderCompareXlsx } from '../../src/render/compare/xlsx.js';
import { renderKpiXlsx } from '../../src/render/kpi/xlsx.js';
import { renderReportXlsx } from '../../src/render/report/xlsx.js';
import { metricFormat, moneyFormat } from '../../src/render/xlsx-common.js';
import { groupsResult } from '../helpers/groups-result.js';
import { compareResult, kpiResult } from '../helpers/results.js';

const now = new Date('2026-01-15T00:00:00Z');

async function sheet(bytes: Uint8Array, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}

/** The number format of the cell on the row whose first cell is `label`, in column `col`. */
function formatBeside(ws: ExcelJS.Worksheet, label: string, col: number): string | undefined {
  let out: string | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) out = row.getCell(col).numFmt;
  });
  return out;
}

/** The column (1-based) whose header, on the sheet's header row, is `header`. */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let out = 0;
  ws.eachRow((row) => row.eachCell((cell, col) => {
    if (cell.value === header && out === 0) out = col;
  }));
  return out;
}

// A tester: the workbook showed «38,044,400.00» and «139,356.78» where every other format said 38 044 400 and 139 357.
describe('workbook money in one precision (README: kopecks only while every amount is below 1 000)', () => {
  it('the rule: whole roubles where an amount is 1 000 or more, or all are whole; kopecks while all are below', () => {
    expect(moneyFormat([38_044_400, 139_356.78])).toBe('#,##0');
    expect(moneyFormat([952.38, 12.5, null])).toBe('#,##0.00');
    expect(moneyFormat([900, 120])).toBe('#,##0');
    expect(metricFormat('money', 'ru', [12.5])).toBe('#,##0.00');
    expect(metricFormat('money', 'ru', [1234.5])).toBe('#,##0');
    // Not money: untouched.
    expect(metricFormat('decimal', 'ru', [1234.5])).toBe('#,##0.00');
  });

  it('Managers: a money column is whole roubles when the department\'s revenue is in millions', async () => {
    const ws = await sheet(await renderKpiXlsx(kpiResult(), { lang: 'ru', now }), 'Менеджеры');
    const col = columnOf(ws, 'Выручка');
    expect(formatBeside(ws, 'Отдел', col)).toBe('#,##0');
    expect(formatBeside(ws, 'Иванова Анна', col)).toBe('#,##0');
  });

  it('Managers and a grouping sheet: a column of amounts below 1 000 keeps its kopecks', async () => {
    const r = kpiResult();
    r.total.average_check = 952.38;
    r.managers[0]!.average_check = 12.5;
    const ws = await sheet(await renderKpiXlsx(r, { lang: 'ru', now }), 'Менеджеры');
    const col = columnOf(ws, 'Средний чек');
    expect([formatBeside(ws, 'Иванова Анна', col), formatBeside(ws, 'Отдел', col)]).toEqual(['#,##0.00', '#,##0.00']);
    const groups = groupsResult();
    const bySource = await sheet(await renderKpiXlsx(groups, { lang: 'ru', now }), 'Источники');
    expect(formatBeside(bySource, 'Отдел', columnOf(bySource, 'Выручка'))).toBe('#,##0');
  });

  it('Before-After: a money row in one precision with its change; Payback: each amount as written alone', async () => {
    const result = compareResult();
    const ws = await sheet(await renderCompareXlsx(result, { lang: 'ru', now }), 'До и после');
    expect([2, 3].map((c) => formatBeside(ws, 'Выручка в месяц', c))).toEqual(['#,##0', '#,##0']);
    expect(formatBeside(ws, 'Выручка в месяц', 4)).toBe('+#,##0;"−"#,##0;#,##0');
    const payback = await sheet(await renderCompareXlsx(result, { lang: 'ru', now }), 'Окупаемость');
    expect(formatBeside(payback, 'Разовые затраты на внедрение', 2)).toBe('#,##0');
    expect(formatBeside(payback, 'Прирост валовой прибыли в месяц', 2)).toBe('#,##0');
    // Months are no money: two decimals, as every format writes them.
    expect(formatBeside(payback, 'Срок окупаемости, мес.', 2)).toBe('#,##0.00');
  });

  it('the report\'s Summary: revenue in millions without kopecks', async () => {
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-01-15T00:00:00.000Z', lang: 'ru', kpi: kpiResult(), assertions: [], failed: { errors: 0, warnings: 0 } };
    const ws = await sheet(await renderReportXlsx(r), 'Сводка');
    expect(formatBeside(ws, 'Выручка', 2)).toBe('#,##0');
  });
});
