import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderKpiXlsx } from '../../../src/render/kpi/xlsx.js';
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
