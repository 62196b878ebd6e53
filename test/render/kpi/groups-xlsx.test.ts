import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderKpiXlsx } from '../../../src/render/kpi/xlsx.js';
import { sheetName } from '../../../src/render/kpi/groups-xlsx.js';
import { LEGIBLE_PAGE_UNITS, pagesAcross } from '../../../src/render/xlsx-layout.js';
import { groupsOnlyResult, groupsResult, SOURCE_ADS } from '../../helpers/groups-result.js';
import { headerRowOf } from '../../helpers/xlsx-projection.js';

/** The workbook written to bytes and read back, as a reader would open it. */
async function readBack(lang: string, result = groupsResult()): Promise<ExcelJS.Workbook> {
  const bytes = await renderKpiXlsx(result, { lang, now: new Date('2024-09-02T09:30:00Z'), company: 'ООО «Ромашка»' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet's header names and the row whose first cell is `first` (after the header). */
function table(ws: ExcelJS.Worksheet) {
  const header = headerRowOf(ws);
  const names = (ws.getRow(header).values as unknown[]).slice(1) as string[];
  const col = (name: string) => {
    const i = names.indexOf(name);
    expect(i, `no column «${name}» in ${ws.name}`).toBeGreaterThanOrEqual(0);
    return i + 1;
  };
  const rows = Array.from({ length: ws.rowCount - header }, (_, i) => ws.getRow(header + 1 + i));
  return { header, names, col, rows };
}

describe('groupings in the workbook', () => {
  it('a sheet per grouping after Managers, then Plan vs actual; names within Excel\'s rules', async () => {
    const wb = await readBack('ru');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Менеджеры', 'Источники', 'Месяцы', 'Источники × месяцы', 'По менеджерам', 'Этапы', 'План-факт', 'Причины отказа', 'Причины отказа — по источникам', 'Качество данных', 'Определения', 'Графики',
    ]);
    const en = await readBack('en');
    expect(en.worksheets.map((w) => w.name).slice(0, 7)).toEqual(['Managers', 'Sources', 'Months', 'Sources × months', 'By manager', 'Stages', 'Plan vs actual']);
  });

  it('a pivot sheet: heading, dimensions then every metric as numbers in formats, months as date cells, the department last', async () => {
    const ws = (await readBack('ru')).getWorksheet('Источники × месяцы')!;
    expect(ws.getRow(1).getCell(1).value).toBe('По источникам и месяцам');
    expect(ws.getRow(2).values).toEqual([undefined, 'Компания', 'ООО «Ромашка»']);
    expect(ws.getRow(3).getCell(2).value).toEqual(new Date('2024-07-01T00:00:00Z'));
    const { header, names, col, rows } = table(ws);
    expect(names.slice(0, 4)).toEqual(['Источник', 'Месяц', 'Лиды', 'Выиграно']);
    expect(names.slice(-7)).toEqual(['Расходы', 'Новые клиенты', 'CAC', 'Цена лида', 'ROMI', 'LTV', 'LTV/CAC']);
    expect(rows).toHaveLength(6);
    const ads = rows[0]!;
    expect(ads.getCell(1).value).toBe(SOURCE_ADS);
    expect(ads.getCell(2).value).toEqual(new Date('2024-07-01T00:00:00Z'));
    expect(ads.getCell(2).numFmt).toBe('mm.yyyy');
    expect(ads.getCell(col('Конверсия')).value).toBe(0.5);
    expect(ads.getCell(col('Конверсия')).numFmt).toBe('0.0%');
    expect(ads.getCell(col('Расходы')).value).toBe(25_000);
    expect(ads.getCell(col('Расходы')).numFmt).toBe('#,##0'); // amounts of 1 000 and more: whole roubles
    expect(ads.getCell(col('ROMI')).value).toBe(1);
    expect(ads.getCell(col('ROMI')).numFmt).toBe('0.0%');
    expect(ads.getCell(col('LTV/CAC')).value).toBe(3);
    expect(rows[1]!.getCell(col('CAC')).value).toBeNull();
    expect(rows[4]!.getCell(1).value).toBe('не указано');
    const total = rows[5]!;
    expect(total.getCell(1).value).toBe('Отдел');
    expect(total.getCell(col('Лиды')).value).toBe(6);
    expect(total.getCell(col('ROMI')).value).toBeCloseTo(35_000 / 55_000, 12);
    expect(total.font?.bold).toBe(true);
    // Too wide for one legible page: printed across pages, each repeating both dimension columns.
    const widths = ws.columns.map((c) => c.width ?? 9);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: pagesAcross(widths, 2), fitToHeight: 0, printTitlesRow: `${header}:${header}`, printTitlesColumn: 'A:B' });
    // Each page, both dimension columns repeated, within what a landscape page holds at 75 %.
    const pages = ws.pageSetup.fitToWidth!;
    expect((widths.reduce((a, b) => a + b, 0) + (pages - 1) * (widths[0]! + widths[1]!)) / pages).toBeLessThanOrEqual(LEGIBLE_PAGE_UNITS);
    expect(ws.pageSetup.fitToWidth).toBeGreaterThan(1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: header });
  });

  it('loss reasons by source: each source\'s reasons with their share of its lost deals, the department last', async () => {
    const ws = (await readBack('ru')).getWorksheet('Причины отказа — по источникам')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Причины отказа — по источникам');
    const { names, rows } = table(ws);
    expect(names).toEqual(['Источник', 'Причина', 'Сделок', 'Доля']);
    expect(rows.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value, r.getCell(4).value])).toEqual([
      [SOURCE_ADS, 'Дорого', 1, 1],
      ['не указано', 'не указана', 1, 1],
      // Ties in the order of the result's keys, as on the managers' sheet: `unspecified` first.
      ['Отдел', 'не указана', 1, 0.5],
      ['Отдел', 'Дорого', 1, 0.5],
    ]);
    expect(rows[0]!.getCell(4).numFmt).toBe('0.0%');
  });

  it('stages: open deals and their median age in days', async () => {
    const ws = (await readBack('en')).getWorksheet('Stages')!;
    const { names, rows } = table(ws);
    expect(names).toEqual(['Stage', 'Open', 'Age, days (median)']);
    expect(rows[0]!.getCell(3).value).toBe(48);
    expect(rows[0]!.getCell(3).numFmt).toBe('#,##0.0" d"');
  });

  it('plan vs fact: plan and fact in their formats, % of plan a percent cell, the totals last', async () => {
    const ws = (await readBack('ru')).getWorksheet('План-факт')!;
    expect(ws.getRow(1).getCell(1).value).toBe('План / факт');
    const { names, col, rows, header } = table(ws);
    expect(names).toEqual(['Источник', 'Месяц', 'Лиды: план', 'Лиды: факт', 'Лиды: % плана', 'Выиграно: план', 'Выиграно: факт', 'Выиграно: % плана', 'Выручка: план', 'Выручка: факт', 'Выручка: % плана']);
    const first = rows[0]!;
    expect(first.getCell(col('Лиды: % плана')).value).toBeCloseTo(2 / 3, 12);
    expect(first.getCell(col('Лиды: % плана')).numFmt).toBe('0.0%');
    expect(first.getCell(col('Лиды: план')).numFmt).toBe('#,##0');
    expect(first.getCell(col('Выручка: факт')).value).toBe(100_000);
    expect(first.getCell(col('Выручка: факт')).numFmt).toBe('#,##0');
    expect(rows[3]!.getCell(col('Выручка: % плана')).value).toBeNull();
    expect(rows[4]!.getCell(1).value).toBe('Итого по плану');
    expect(rows[4]!.getCell(col('Лиды: % плана')).value).toBe(5 / 8);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
  });

  it('the department\'s unit economics on Managers, the unmatched spend once in Data quality (the engine\'s warning), the new metrics defined', async () => {
    const wb = await readBack('ru');
    const { col, rows } = table(wb.getWorksheet('Менеджеры')!);
    expect(rows.at(-1)!.getCell(col('CAC')).value).toBe(27_500);
    expect(rows[0]!.getCell(col('CAC')).value).toBeNull();
    const dq = wb.getWorksheet('Качество данных')!;
    const texts = dq.getColumn(4).values.filter((v): v is string => typeof v === 'string');
    expect(texts.filter((t) => t.includes('Радио'))).toEqual([expect.stringMatching(/^Источники из файла расходов, которых нет ни в одной сделке: «Радио» \(5 000\)/)]);
    const defs = wb.getWorksheet('Определения')!.getColumn(1).values;
    expect(defs).toEqual(expect.arrayContaining(['spend', 'cac', 'romi', 'ltv_cac', 'age_days_median']));
  });

  it('without spend: no unit columns; the group sheets still come', async () => {
    const wb = await readBack('ru', groupsOnlyResult());
    expect(table(wb.getWorksheet('Менеджеры')!).names).not.toContain('CAC');
    expect(table(wb.getWorksheet('Источники')!).names).not.toContain('CAC');
    expect(wb.getWorksheet('План-факт')).toBeUndefined();
  });
});

describe('sheet names', () => {
  it('drop the characters Excel forbids, keep 31 characters, never repeat a name (ignoring case)', () => {
    expect(sheetName('Источники: [пилот] / 2024?', [])).toBe('Источники пилот 2024');
    expect(sheetName("'Воронки'", [])).toBe('Воронки');
    const long = sheetName('Источники × воронки × менеджеры × месяцы', []);
    expect([...long]).toHaveLength(31);
    expect(long.endsWith('…')).toBe(true);
    expect(sheetName('Менеджеры', ['менеджеры'], ['По менеджерам'])).toBe('По менеджерам');
    expect(sheetName('Менеджеры', ['Менеджеры', 'По менеджерам'], ['По менеджерам'])).toBe('Менеджеры (2)');
  });
});
