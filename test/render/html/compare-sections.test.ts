import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod } from '../../../src/core/compare.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';
import { definitionsSection } from '../../../src/render/html/sections.js';
import { renderHtml } from '../../../src/render/html/index.js';

// A tester: the compare HTML (the client's copy) had empty rows with no reason, and defined e-mails and invoices, not
// «Лидов в месяц», «Продаж на менеджера в месяц» or the ROI; the workbook's empty cells said nothing either.
const NO_CALLS = 'needs an activities file (--activities)';
const period = (from: string, to: string, conv: number) => ({
  period: makePeriod(from, to),
  total: { leads: 300, won: 300 * conv, conversion: conv, revenue: 1_000_000 * conv, response_min_median: null },
  managers: [{ manager: 'Иванова Анна', leads: 300 }],
  notApplicable: { response_min_median: NO_CALLS },
});
const result = compareKpis(period('2024-01-01', '2024-06-30', 0.15), period('2025-01-01', '2025-06-30', 0.2), { cost: 100_000 });
const input = { lang: 'ru', generatedAt: '2025-07-01T00:00:00.000Z', compare: result };

describe('the compare HTML and workbook', () => {
  it('say why a row is empty under the table, as the terminal does', async () => {
    const html = await renderHtml(input);
    const section = html.slice(html.indexOf('id="before-after"'), html.indexOf('id="payback"'));
    expect(section).toContain('<p class="note not-computed">Не рассчитано: «Реакция, мин (медиана)» — нужен файл активностей (--activities)</p>');
  });

  it('define the rows the comparison shows, and the ROI, and no KPI it does not show', () => {
    const text = definitionsSection(input).replace(/<[^>]+>/g, '|');
    for (const label of ['Лидов в месяц', 'Продаж на менеджера в месяц', 'Конверсия', 'ROI за 12 месяцев', 'Окупаемость']) expect(text).toContain(`|${label}|`);
    expect(text).toContain('(12 × (прирост выручки в месяц − затраты в месяц) − разовые затраты) / (разовые затраты + 12 × затраты в месяц)');
    for (const label of ['Письма', 'Встречи', 'Выставлено', 'Оплачено', 'Доля оплаты']) expect(text).not.toContain(`|${label}|`);
  });

  it('the workbook gives the reason in a column of its own', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderCompareXlsx(result, { lang: 'ru', now: new Date('2025-07-01T00:00:00Z') })) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const rows = sheet.getRows(1, sheet.rowCount)!;
    expect(rows.some((r) => r.getCell(9).value === 'Не рассчитано')).toBe(true);
    expect(rows.find((r) => r.getCell(1).value === 'Реакция, мин (медиана)')!.getCell(9).value).toBe('нужен файл активностей (--activities)');
    expect(rows.find((r) => r.getCell(1).value === 'Конверсия')!.getCell(9).value).toBeNull();
  });
});
