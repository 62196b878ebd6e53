import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/types.js';
import type { ReportResult } from '../../../src/core/report.js';
import { periodText, renderKpiMarkdown, renderKpiTable, shownPeriod } from '../../../src/render/kpi/text.js';
import { renderKpiXlsx } from '../../../src/render/kpi/xlsx.js';
import { renderReportMarkdown } from '../../../src/render/report/summary.js';
import { renderReportXlsx } from '../../../src/render/report/xlsx.js';
import { kpiResult } from '../../helpers/results.js';

const now = new Date('2026-12-01T00:00:00Z');

/** The KPIs of all data (no --from/--to), the deals created from 01.07.2024 to 30.06.2025. */
function allData(): KpiResult {
  return { ...kpiResult(), period: { from: null, to: null }, dataPeriod: { from: '2024-07-01', to: '2025-06-30' } };
}

async function sheet(bytes: Uint8Array, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}

/** The row whose first cell is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  return ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === label)!;
}

// A tester: the HTML cover said «Период: 01.07.2024 — 30.06.2025», the workbook and Markdown «Период: все данные».
describe('the period the reports name: the days of the deals read, as the HTML cover names them', () => {
  it('the rule: dataPeriod, else the period asked; «все данные» only with neither', () => {
    expect(shownPeriod(allData())).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(periodText(allData(), 'ru')).toBe('01.07.2024 — 30.06.2025');
    expect(periodText({ period: { from: '2025-01-01', to: null } }, 'ru')).toBe('01.01.2025 — …');
    expect(periodText({ period: { from: null, to: null } }, 'en')).toBe('all data');
  });

  it('Markdown and the terminal', () => {
    expect(renderKpiMarkdown(allData(), { lang: 'ru', color: false }).split('\n')[2]).toBe('Период: 01.07.2024 — 30.06.2025');
    expect(renderKpiTable(allData(), { lang: 'en', color: false }).split('\n').slice(0, 2)).toEqual(['Sales KPIs per manager', 'Period: 2024-07-01 — 2025-06-30']);
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-12-01T00:00:00.000Z', lang: 'ru', kpi: allData(), assertions: [], failed: { errors: 0, warnings: 0 } };
    expect(renderReportMarkdown(r)).toContain('### Ключевые показатели (01.07.2024 — 30.06.2025)');
  });

  it('the workbook: every sheet\'s heading and the report\'s Summary as date cells', async () => {
    const managers = await sheet(await renderKpiXlsx(allData(), { lang: 'ru', now }), 'Менеджеры');
    const period = rowOf(managers, 'Период');
    expect([period.getCell(2).value, period.getCell(3).value]).toEqual([new Date('2024-07-01T00:00:00Z'), new Date('2025-06-30T00:00:00Z')]);
    expect(period.getCell(2).numFmt).toBe('dd.mm.yyyy');
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-12-01T00:00:00.000Z', lang: 'ru', kpi: allData(), assertions: [], failed: { errors: 0, warnings: 0 } };
    const summary = rowOf(await sheet(await renderReportXlsx(r), 'Сводка'), 'Период');
    expect([summary.getCell(2).value, summary.getCell(3).value]).toEqual([new Date('2024-07-01T00:00:00Z'), new Date('2025-06-30T00:00:00Z')]);
  });
});
