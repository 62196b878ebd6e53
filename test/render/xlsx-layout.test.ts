import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderAuditXlsx } from '../../src/render/audit/xlsx.js';
import { renderCompareXlsx } from '../../src/render/compare/xlsx.js';
import { renderKpiXlsx } from '../../src/render/kpi/xlsx.js';
import { auditResult, compareResult, kpiResult } from '../helpers/results.js';

const now = new Date('2026-01-15T10:00:00Z');

async function sheets(bytes: Uint8Array): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets;
}

describe('workbook sheets with a heading above the table', () => {
  it('filter, if any, on the header row that prints on every page, never on the title', async () => {
    const books = [
      await renderAuditXlsx(auditResult(), { lang: 'ru' }),
      await renderKpiXlsx(kpiResult(), { lang: 'ru', now }),
      await renderCompareXlsx(compareResult(), { lang: 'ru', now }),
    ];
    const seen: string[] = [];
    for (const ws of (await Promise.all(books.map(sheets))).flat()) {
      const titles = ws.pageSetup.printTitlesRow;
      if (!titles || !ws.autoFilter) continue;
      const header = Number(titles.split(':')[0]);
      const ref = typeof ws.autoFilter === 'string' ? ws.autoFilter : '';
      seen.push(ws.name);
      expect({ sheet: ws.name, filter: ref.replace(/[A-Z]+/g, '') }).toEqual({ sheet: ws.name, filter: `${header}:${header}` });
    }
    expect(seen).toContain('Менеджеры');
  });
});
