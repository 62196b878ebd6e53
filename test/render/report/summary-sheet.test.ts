import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../src/core/report.js';
import { renderReportXlsx } from '../../../src/render/report/xlsx.js';
import { renderKpiXlsx } from '../../../src/render/kpi/xlsx.js';
import { auditResult, kpiResult } from '../../helpers/results.js';

const report = (over: Partial<ReportResult>): ReportResult => ({ schemaVersion: 1, generatedAt: '2026-12-01T00:00:00.000Z', lang: 'ru', assertions: [], failed: { errors: 0, warnings: 0 }, ...over });

async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The row whose first cell is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  return ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === label)!;
}

// A tester: «Сводка» froze row 1, the title, not the KPI table's header; a date-only --now printed «01.12.2026 00:00».
describe('the report workbook\'s Summary', () => {
  it('freezes the headline KPIs\' header row', async () => {
    const ws = (await book(await renderReportXlsx(report({ company: 'ООО «Ромашка»', audit: auditResult(), kpi: kpiResult() })))).getWorksheet('Сводка')!;
    const head = rowOf(ws, 'Показатель');
    expect(head.getCell(2).value).toBe('Значение');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: head.number });
  });

  it('without KPIs, the assertions\' header; with neither, nothing frozen', async () => {
    const assertions: ReportResult['assertions'] = [{ assertion: 'audit.total>=1', op: '>=', expected: 1, level: 'error', passed: true, failures: [] }];
    const ws = (await book(await renderReportXlsx(report({ audit: auditResult(), assertions })))).getWorksheet('Сводка')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: rowOf(ws, 'Проверка').number });
    const bare = (await book(await renderReportXlsx(report({ audit: auditResult() })))).getWorksheet('Сводка')!;
    expect(bare.views[0]?.state ?? 'normal').toBe('normal');
  });

  it('a day given as such is a date alone; a moment keeps its local time', async () => {
    const day = (await book(await renderReportXlsx(report({ kpi: kpiResult() })))).getWorksheet('Сводка')!;
    expect(rowOf(day, 'Дата').getCell(2).numFmt).toBe('dd.mm.yyyy');
    const moment = (await book(await renderReportXlsx(report({ kpi: kpiResult(), generatedAt: '2026-12-01T09:30:00.000Z' })))).getWorksheet('Сводка')!;
    expect(rowOf(moment, 'Дата').getCell(2).numFmt).toBe('dd.mm.yyyy hh:mm');
  });

  it('every sheet\'s heading dates a date-only run without «00:00»', async () => {
    for (const [now, format] of [['2026-12-01T00:00:00Z', 'yyyy-mm-dd'], ['2026-12-01T09:30:00Z', 'yyyy-mm-dd hh:mm']] as const) {
      const ws = (await book(await renderKpiXlsx(kpiResult(), { lang: 'en', now: new Date(now) }))).getWorksheet('Managers')!;
      expect(rowOf(ws, 'Report date').getCell(2).numFmt).toBe(format);
    }
  });
});
