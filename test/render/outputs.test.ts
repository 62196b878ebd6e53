import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headerRowOf } from '../helpers/xlsx-projection.js';
import type { CompareResult } from '../../src/core/compare.js';
import type { KpiResult } from '../../src/core/kpi/types.js';
import { renderCompareCsv } from '../../src/render/compare/csv.js';
import { renderCompareMarkdown, renderCompareTable } from '../../src/render/compare/text.js';
import { addCompareSheets } from '../../src/render/compare/xlsx.js';
import { neutraliseFormula } from '../../src/render/csv.js';
import { formatChange, formatDay } from '../../src/render/format.js';
import { renderKpiCsv } from '../../src/render/kpi/csv.js';
import { lossReasonRows } from '../../src/render/kpi/loss-reasons.js';
import { renderKpiMarkdown, renderKpiTable } from '../../src/render/kpi/text.js';
import { addKpiSheets } from '../../src/render/kpi/xlsx.js';
import { numberWidth, wrappedLines } from '../../src/render/xlsx-layout.js';

const reasons = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`причина ${String(i + 1).padStart(2, '0')}`, 20 - i]));
reasons.unspecified = 3;
const lost = Object.values(reasons).reduce((a, b) => a + b, 0);

function kpi(): KpiResult {
  const m = { manager: '=HYPERLINK("x")', leads: 10, won: 3, conversion: 0.3, revenue: 1234567.5, loss_reasons: { 'Дорого': 2 } };
  return {
    schemaVersion: 1,
    period: { from: '2025-01-01', to: '2025-03-31' },
    managers: [m],
    total: { leads: 10, won: 3, conversion: 0.3, revenue: 1234567.5, loss_reasons: reasons },
    notApplicable: { emails: 'needs an activities file with e-mails' },
    dataQuality: { rowsRead: 10, rowsSkipped: [], rowsSkippedCount: 0, files: [], warnings: [] },
  };
}

const row = (metric: string, before: number, after: number, better: 'up' | 'down') => ({ metric, before, after, change: after - before, change_pct: (after - before) / before, better, target: null, met: null });
function compare(): CompareResult {
  return {
    schemaVersion: 1,
    before: { from: '2024-07-01', to: '2024-12-31', days: 184, months: 6 },
    after: { from: '2025-01-01', to: '2025-06-30', days: 181, months: 5.9 },
    rows: [row('conversion', 0.207, 0.288, 'up'), row('leads_per_month', 100, 90, 'up'), row('response_min_median', 117.2, 30.3, 'down')],
    payback: null,
  } as CompareResult;
}

describe('numbers as a Russian reader writes them', () => {
  it('a change of a share is in percentage points, never a percentage', () => {
    expect(formatChange(0.081, 'ratio', 'ru')).toBe('+8,1 п.\u00a0п.');
    expect(formatChange(-0.086, 'ratio', 'en')).toBe('−8.6 pp');
    expect(renderCompareTable(compare(), { lang: 'ru', color: false })).toMatch(/↑ \+8,1 п\.\u00a0п\./);
    expect(renderCompareMarkdown(compare(), { lang: 'en', color: false })).toMatch(/↑ \+8\.1 pp/);
    expect(renderCompareMarkdown(compare(), { lang: 'ru', color: false })).toMatch(/До: 01\.07\.2024 — 31\.12\.2024/);
    expect(formatDay('2025-01-31', 'ru')).toBe('31.01.2025');
  });

  it('a target with no relative change to judge it by (nothing before) shows «—» under «Цель достигнута», not a blank', () => {
    const c = compare();
    c.rows[0] = { ...c.rows[0]!, before: 0, change: 0.288, change_pct: null, target: 0.2, met: null };
    expect(renderCompareMarkdown(c, { lang: 'ru', color: false })).toContain('| Конверсия | 0,0% | 28,8% | ↑ +28,8 п.\u00a0п. | — | лучше | +20,0% | — |');
    expect(renderCompareTable(c, { lang: 'ru', color: false }).split('\n').find((l) => l.startsWith('Конверсия'))!.trimEnd()).toMatch(/\+20,0%\s+—$/);
  });

  it('the xlsx stores the change of a share as points with a points format, arrows judged by better/worse', async () => {
    const wb = new ExcelJS.Workbook();
    addCompareSheets(wb, compare(), 'ru', { company: 'ООО «Ромашка»', date: new Date('2025-07-01T09:00:00Z') });
    const sheet = wb.worksheets[0]!;
    const header = headerRowOf(sheet);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Компания', 'ООО «Ромашка»']);
    expect(sheet.getRow(3).getCell(2).value).toEqual(new Date('2024-07-01T00:00:00Z'));
    expect(sheet.getRow(3).getCell(2).numFmt).toBe('dd.mm.yyyy');
    const conv = sheet.getRow(header + 1);
    expect(conv.getCell(4).value).toBeCloseTo(8.1, 6);
    expect(conv.getCell(4).numFmt).toBe('+0.0" п.\u00a0п.";"−"0.0" п.\u00a0п.";0.0" п.\u00a0п."');
    const leads = sheet.getRow(header + 2);
    expect(leads.getCell(6).value).toBe('↓ хуже');
    expect((leads.getCell(6).font.color as { argb: string }).argb).toBe('FF9C0006');
    const response = sheet.getRow(header + 3);
    expect(response.getCell(6).value).toBe('↓ лучше');
    expect((response.getCell(6).font.color as { argb: string }).argb).toBe('FF006100');
    expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}` });
  });
});

describe('loss reasons', () => {
  it('top N by count with «прочие», shares of all lost deals, the empty reason in words', () => {
    const rows = lossReasonRows(reasons, 'ru');
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatchObject({ reason: 'причина 01', count: 20 });
    expect(rows[10]).toMatchObject({ reason: 'прочие (5 причин)', other: true, count: 10 + 9 + 8 + 7 + 3 });
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(lost);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    expect(lossReasonRows(reasons, 'en', Infinity).map((r) => r.reason)).toContain('not given');
    expect(lossReasonRows({ a: 2, b: 1 }, 'en', 1).map((r) => r.reason)).toEqual(['a', 'b']);
  });

  it('every format shows shares; the workbook keeps every reason', async () => {
    const md = renderKpiMarkdown(kpi(), { lang: 'ru', color: false, topReasons: 3 });
    expect(md).toMatch(/\| Причина \| Сделок \| Доля \|/);
    expect(md).toMatch(/\| прочие \(12 причин\) \| 135 \| 70,3% \|/);
    const table = renderKpiTable(kpi(), { lang: 'ru', color: false });
    expect(table).toMatch(/Не рассчитано: Письма — needs an activities file with e-mails(;|\n)/);
    expect(table).not.toContain('--format json');
    expect(table).not.toMatch(/unspecified/);
    const wb = new ExcelJS.Workbook();
    addKpiSheets(wb, kpi(), 'ru', { date: new Date('2025-07-01T09:00:00Z') });
    const loss = wb.getWorksheet('Причины отказа')!;
    const header = headerRowOf(loss);
    expect(loss.getRow(header).values).toEqual([undefined, 'Менеджер', 'Причина', 'Сделок', 'Доля']);
    const department = loss.getRows(header + 1, loss.rowCount - header)!.filter((r) => r.getCell(1).value === 'Отдел');
    expect(department).toHaveLength(15);
    expect(department.map((r) => r.getCell(2).value)).toContain('не указана');
    expect(department[0]!.getCell(4).value).toBeCloseTo(20 / lost, 12);
    const defs = wb.getWorksheet('Определения')!;
    // The workbook's language only: «Metric» and «Definition» columns stood beside the Russian ones (a tester).
    expect(defs.getRow(headerRowOf(defs)).values).toEqual([undefined, 'Код', 'Показатель', 'Определение', 'Не рассчитано']);
    const conversion = defs.getRows(1, defs.rowCount)!.find((r) => r.getCell(1).value === 'conversion')!;
    expect(conversion.getCell(2).value).toBe('Конверсия');
    expect(String(conversion.getCell(3).value)).toMatch(/[а-я]/);
    expect(String(conversion.getCell(3).value)).not.toMatch(/[a-z]{3}/);
    // Why a metric was not computed, in the workbook's language: an English reason was left in a Russian workbook.
    const why = new ExcelJS.Workbook();
    addKpiSheets(why, { ...kpi(), notApplicable: { emails: 'needs an activity kind column (a call log without one is all calls)' } }, 'ru', { date: new Date('2025-07-01T09:00:00Z') });
    const sheet = why.getWorksheet('Определения')!;
    const emails = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'emails')!;
    expect(emails.getCell(4).value).toBe('нужна колонка типа активности (журнал без неё — только звонки)');
  });
});

describe('CSV', () => {
  it('kpi: BOM, ; and a decimal comma in Russian, formula-looking text neutralised, round-trips through csv-parse', () => {
    const text = renderKpiCsv(kpi(), { lang: 'ru', topReasons: 3 });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [managers, loss] = text.slice(1).split('\r\n\r\n');
    const rows = parse(managers!, { delimiter: ';' }) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['Менеджер', 'Лиды', 'Выиграно']);
    expect(rows[1]![0]).toBe('\'=HYPERLINK("x")');
    const conv = rows[0]!.indexOf('Конверсия, %');
    expect(rows[1]![conv]).toBe('30');
    expect(rows[2]![rows[0]!.indexOf('Выручка')]).toBe('1234567,5');
    const reasonsRows = parse(loss!, { delimiter: ';' }) as string[][];
    expect(reasonsRows[0]).toEqual(['Причина', 'Сделок', 'Доля, %']);
    expect(reasonsRows).toHaveLength(5);
  });

  it('compare in English: , and a dot; shares in %, their change in points', () => {
    const rows = parse(renderCompareCsv(compare(), { lang: 'en' }), { bom: true }) as string[][];
    expect(rows[0]![0]).toBe('Metric');
    expect(rows[0]!.slice(4)).toEqual(['Change', 'Change %', 'Verdict', 'Target, %', 'Target met', 'Not computed']);
    expect(rows[1]).toEqual(['Conversion', '% (change in pp)', '20.7', '28.8', '8.1', expect.stringMatching(/^39\.13/), 'better', '', '', '']);
  });

  it('compare in Russian: the periods in the header are dates as a Russian reader writes them', () => {
    const rows = parse(renderCompareCsv(compare(), { lang: 'ru' }), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]!.slice(2, 4)).toEqual(['До 01.07.2024 — 31.12.2024', 'После 01.01.2025 — 30.06.2025']);
    expect(rows[1]!.slice(2, 5)).toEqual(['20,7', '28,8', '8,1']);
  });

  it('a control character in a name (an escape sequence that would clear or retitle the terminal the CSV is printed on) is shown as U+FFFD', () => {
    const k = kpi();
    k.managers[0]!.manager = 'Ив\u001b]0;pwned\u0007ан\u001b[2J \u009bx';
    const rows = parse(renderKpiCsv(k, { lang: 'en', topReasons: 3 }), { bom: true, relax_column_count: true }) as string[][];
    expect(rows[1]![0]).toBe('Ив\ufffd]0;pwned\ufffdан\ufffd[2J \ufffdx');
    // A tab and a line break inside a cell are text a spreadsheet keeps: unchanged, quoted.
    k.managers[0]!.manager = 'a\tb\r\nc';
    expect((parse(renderKpiCsv(k, { lang: 'en', topReasons: 3 }), { bom: true, relax_column_count: true }) as string[][])[1]![0]).toBe('a\tb\r\nc');
  });

  it('OWASP: = + - @ tab and CR at the start of text are made inert', () => {
    for (const s of ['=1+1', '+7 999', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('Иванов')).toBe('Иванов');
  });
});

describe('workbook layout', () => {
  it('measures numbers as they show, and wraps text at word boundaries', () => {
    expect(numberWidth(1234567.891, '#,##0.00')).toBe('1,234,567.89'.length);
    expect(numberWidth(0.207, '0.0%')).toBe('20.7%'.length);
    expect(numberWidth(117.2, '#,##0.0" мин"')).toBe('117.2 мин'.length);
    expect(wrappedLines('Касаний на продажу', 10)).toBe(2);
    expect(wrappedLines('один\nдва', 20)).toBe(2);
  });
});
