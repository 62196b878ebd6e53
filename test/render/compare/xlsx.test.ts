import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareRow } from '../../../src/core/compare.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';
import { compareResult } from '../../helpers/results.js';

const now = new Date('2026-12-01T00:00:00Z');

async function beforeAfter(result = compareResult(), lang = 'ru'): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderCompareXlsx(result, { lang, now })) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The row whose first cell is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  return ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === label)!;
}

describe('the Before-After sheet\'s «Не рассчитано» column', () => {
  it('says why a target has no verdict on a row with values, as the CSV does (a «before» of 0: no change in per cent)', async () => {
    const r = compareResult();
    r.rows = r.rows.map((x) => (x.metric === 'conversion' ? compareRow('conversion', 'up', 0, 0.2, 0.2) : x));
    const row = rowOf(await beforeAfter(r), 'Конверсия');
    expect(row.getCell(8).value).toBe('—');
    expect(row.getCell(9).value).toBe('цель не оценить: в периоде «до» 0, изменения в процентах нет');
    expect(rowOf(await beforeAfter(r), 'Выручка в месяц').getCell(9).value).toBeNull();
  });
});
