import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../src/core/report.js';
import { renderReportXlsx } from '../../../src/render/report/xlsx.js';
import { compareResult } from '../../helpers/results.js';

const failure = (assertion: string, level: 'error' | 'warn', subject: string, value: number) => ({
  assertion, op: '<=' as const, expected: 0, level, passed: false, failures: [{ subject, path: subject.split('.'), value }],
});

const report = (lang: string): ReportResult => ({
  schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang, compare: compareResult(),
  assertions: [
    failure('compare.payback_months<=3', 'error', 'compare.payback_months', 4.2338),
    failure('compare.roi_12m>=2', 'warn', 'compare.roi_12m', 1.39),
    failure('compare.gain_per_month>=500000', 'warn', 'compare.gain_per_month', 394285.35),
  ],
  failed: { errors: 1, warnings: 2 },
});

async function summaryRows(lang: string): Promise<ExcelJS.Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderReportXlsx(report(lang))) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!.getRows(1, wb.worksheets[0]!.rowCount)!;
}

describe('the assertions on the workbook\'s Summary', () => {
  it('say the level in the report\'s language, and show payback, ROI and gain in their units', async () => {
    const rows = await summaryRows('ru');
    const row = (expr: string) => rows.find((r) => r.getCell(1).value === expr)!;
    expect(row('compare.payback_months<=3').getCell(2).value).toBe('ошибка');
    expect(row('compare.roi_12m>=2').getCell(2).value).toBe('предупреждение');
    expect(row('compare.payback_months<=3').getCell(4).numFmt).toBe('#,##0.00');
    expect(row('compare.roi_12m>=2').getCell(4).numFmt).toBe('0.0%');
    expect(row('compare.gain_per_month>=500000').getCell(4).numFmt).toBe('#,##0.00');
    const en = await summaryRows('en');
    expect(en.find((r) => r.getCell(1).value === 'compare.roi_12m>=2')!.getCell(2).value).toBe('warning');
  });
});
