import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../src/core/report.js';
import { renderKpiXlsx } from '../../src/render/kpi/xlsx.js';
import { renderReportXlsx } from '../../src/render/report/xlsx.js';
import { PRINT_MARGINS } from '../../src/render/xlsx-layout.js';
import { addChartsSheet } from '../../src/render/xlsx-charts.js';
import { auditResult, compareResult, kpiResult } from '../helpers/results.js';

/** The Charts sheet of a workbook: its titles, and its pictures' PNG sizes. */
async function chartsSheet(bytes: Uint8Array, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(name);
  if (!ws) return undefined;
  const titles: string[] = [];
  ws.eachRow((row) => titles.push(String(row.getCell(1).value)));
  const images = ws.getImages().map((img) => {
    const media = wb.model.media.find((m) => (m as { index?: number }).index === Number(img.imageId)) ?? wb.model.media[Number(img.imageId)];
    const png = Buffer.from((media as unknown as { buffer: Uint8Array }).buffer);
    return { top: img.range.tl.nativeRow, signature: png.subarray(1, 4).toString('latin1'), width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  });
  return { titles, images, sheets: wb.worksheets.map((w) => w.name) };
}

describe('the Charts sheet', () => {
  it('kpi workbook: every KPI chart as a sharp PNG under its title, as the last sheet', async () => {
    const sheet = (await chartsSheet(await renderKpiXlsx(kpiResult(), { lang: 'ru', now: new Date('2026-01-15T10:00:00Z') }), 'Графики'))!;
    expect(sheet.titles).toEqual(['Воронка: лиды → выиграно / проиграно / в работе', 'Конверсия по менеджерам', 'Медиана реакции по менеджерам, мин', 'Касаний на выигранную сделку против нормы', 'Причины отказа: главные и прочие', 'Звонки: доля пропущенных и перезвонов']);
    expect(sheet.images).toHaveLength(6);
    for (const img of sheet.images) {
      expect(img.signature).toBe('PNG');
      expect(img.width).toBe(1280);
      expect(img.height).toBeGreaterThan(100);
    }
    // Pictures stand one under another, never on top of each other.
    const tops = sheet.images.map((i) => i.top);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(sheet.sheets.at(-1)).toBe('Графики');
  });

  it('report workbook: the audit, KPI, before/after and payback charts', async () => {
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang: 'en', audit: auditResult(), kpi: kpiResult(), compare: compareResult(), assertions: [], failed: { errors: 0, warnings: 0 } };
    const sheet = (await chartsSheet(await renderReportXlsx(r), 'Charts'))!;
    expect(sheet.images).toHaveLength(9);
    expect(sheet.titles[0]).toBe('Audit by section: score out of the maximum');
    expect(sheet.titles.at(-1)).toBe('Payback: cumulative net gain against the cost');
  });

  // LibreOffice's PDF: packed to 860 px a page with the default margins, each page was a third blank, the nine charts on four pages.
  it('prints A4 portrait one page wide within the narrow margins, the pictures packed to a page\'s height, none across a page break', async () => {
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang: 'ru', audit: auditResult(), kpi: kpiResult(), compare: compareResult(), assertions: [], failed: { errors: 0, warnings: 0 } };
    const wb = new ExcelJS.Workbook();
    await addChartsSheet(wb, r, 'ru');
    const ws = wb.getWorksheet('Графики')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: PRINT_MARGINS });
    // A page's rows end at a row break; a picture starts and ends on one page of at most 1 026 px (10.7 in at 96 dpi).
    const breaks = (ws as unknown as { rowBreaks: Array<{ id: number }> }).rowBreaks.map((b) => b.id);
    // Rows are 1-based; a picture's anchor row is 0-based (row 1 is its title): it covers rows top + 1 to bottom.
    const pageOf = (row: number) => breaks.filter((b) => b < row).length;
    const starts = [1, ...breaks.map((b) => b + 1)];
    for (const img of ws.getImages()) {
      const top = img.range.tl.nativeRow;
      const bottom = top + Math.ceil(((img.range as unknown as { ext?: { height: number } }).ext?.height ?? 0) / 20);
      expect(pageOf(bottom), `picture at row ${top}`).toBe(pageOf(top + 1));
      expect((bottom - starts[pageOf(bottom)]! + 1) * 20, `picture at row ${top}`).toBeLessThanOrEqual(1026);
    }
    // The nine charts on three pages (four at 860 px a page).
    expect(breaks).toHaveLength(2);
  });

  it('an audit-only report has the audit chart alone', async () => {
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang: 'ru', audit: auditResult(), assertions: [], failed: { errors: 0, warnings: 0 } };
    const sheet = (await chartsSheet(await renderReportXlsx(r), 'Графики'))!;
    expect(sheet.images).toHaveLength(1);
  });
});

describe('text that XML cannot hold', () => {
  it('a U+FFFE, U+FFFF or control character in a name or a reason becomes U+FFFD: the charts draw and the sheets hold no such character', async () => {
    const result = kpiResult();
    const reasons = result.total.loss_reasons as Record<string, number>;
    reasons['Причина\ufffeX'] = 5;
    reasons['Сбой\u0001'] = 4;
    result.managers[0]!.manager = 'Иванова\uffff Анна';
    // Before: "SVG data parsing failed … non-XML character '\u{fffe}'" from the chart rasteriser.
    const bytes = await renderKpiXlsx(result, { lang: 'ru', now: new Date('2026-01-15T10:00:00Z') });
    const sheet = (await chartsSheet(bytes, 'Графики'))!;
    expect(sheet.images).toHaveLength(6);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
    expect(texts.filter((t) => t.includes('\ufffe') || t.includes('\uffff') || t.includes('\u0001'))).toEqual([]);
    expect(texts).toContain('Иванова\ufffd Анна');
    expect(texts).toContain('Причина\ufffdX');
  });
});

