import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderKpiXlsx } from '../../../src/render/kpi/xlsx.js';
import { LEGIBLE_PAGE_UNITS, PRINT_MARGINS } from '../../../src/render/xlsx-layout.js';
import { kpiResult } from '../../helpers/results.js';

// A tester: the workbook's data quality said «отброшено (строки товаров, объединённые со своей сделкой): 4»
// of a Bitrix24 export's product rows, which the footer and the HTML report say apart as merged.
describe('the KPI workbook\'s data-quality sheet', () => {
  it('says rows merged into their deal by their reason, without «отброшено»; other dropped rows keep it', async () => {
    const k = kpiResult();
    const file = k.dataQuality.files[0]!;
    const result = { ...k, dataQuality: { ...k.dataQuality, files: [{ ...file, dropped: { 'product rows merged into their deal': 4, 'rows repeating a deal id (first row kept)': 1, 'totals row': 2, 'empty row': 7 } }] } };
    const texts = async (lang: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderKpiXlsx(result, { lang, now: new Date('2025-01-01T00:00:00Z') })) as unknown as ExcelJS.Buffer);
      return wb.getWorksheet(lang === 'ru' ? 'Качество данных' : 'Data quality')!.getColumn(4).values.filter((v): v is string => typeof v === 'string');
    };
    const ru = await texts('ru');
    expect(ru).toContain('строки товаров, объединённые со своей сделкой: 4');
    expect(ru).toContain('строки с повторённым ID сделки (оставлена первая): 1');
    expect(ru).toContain('пустых строк (не входят в прочитанные): 7');
    expect(ru.filter((t) => t.startsWith('отброшено'))).toEqual([expect.stringMatching(/^отброшено \(.*\): 2$/)]);
    const en = await texts('en');
    expect(en).toContain('product rows merged into their deal: 4');
    expect(en).toContain('dropped (totals row): 2');
  });
});

// LibreOffice's PDF: the definitions and reasons fitted at 60 each made the sheet 170 width units, printed at 65 %.
describe('the KPI workbook\'s Definitions sheet in print', () => {
  it('wraps the definitions and reasons in narrower columns: landscape, one page wide at 75 % or more, header row repeated', async () => {
    for (const lang of ['ru', 'en']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderKpiXlsx(kpiResult(), { lang, now: new Date('2025-01-01T00:00:00Z') })) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet(lang === 'ru' ? 'Определения' : 'Definitions')!;
      const widths = ws.columns.map((c) => c.width ?? 9);
      expect(widths[2], lang).toBeLessThanOrEqual(46);
      expect(widths[3], lang).toBeLessThanOrEqual(38);
      expect(widths.reduce((a, b) => a + b, 0), lang).toBeLessThanOrEqual(LEGIBLE_PAGE_UNITS);
      const header = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
      expect(ws.pageSetup, lang).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}`, margins: PRINT_MARGINS });
      // A definition longer than its column wraps, its row as tall as the lines it takes.
      const rows = ws.getRows(header + 1, ws.rowCount - header)!;
      const long = rows.filter((r) => String(r.getCell(3).value ?? '').length > 44);
      expect(long.length, lang).toBeGreaterThan(0);
      for (const r of long) expect(r.getCell(3).alignment?.wrapText, `${lang} ${r.getCell(1).value}`).toBe(true);
      for (const r of rows.filter((x) => String(x.getCell(3).value ?? '').length > 90)) expect(r.height, `${lang} ${r.getCell(1).value}`).toBeGreaterThanOrEqual(30);
    }
  });
});
