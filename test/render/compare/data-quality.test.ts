import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../src/core/compare.js';
import type { DataQuality } from '../../../src/core/kpi/types.js';
import type { ReportResult } from '../../../src/core/report.js';
import { renderCompareCsv } from '../../../src/render/compare/csv.js';
import { renderCompareMarkdown } from '../../../src/render/compare/text.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';
import { renderReportMarkdown } from '../../../src/render/report/summary.js';
import { renderReportXlsx } from '../../../src/render/report/xlsx.js';
import { compareResult, kpiResult } from '../../helpers/results.js';
import { runCli } from '../../helpers/cli.js';

const now = new Date('2026-12-01T00:00:00Z');

/** How a comparison's one deals file was read, with an «after» of 11 days. */
function quality(): DataQuality {
  return {
    rowsRead: 20,
    rowsSkipped: [],
    rowsSkippedCount: 0,
    files: [{ file: 'deals.csv', kind: 'deals', format: 'text, utf-8, ;', rowsRead: 20, records: 20, skipped: 0, dropped: {} }],
    warnings: ['The after period (2025-06-20 — 2025-06-30) is only 11 days: …'],
    alerts: [{ code: 'short-period', which: 'after', from: '2025-06-20', to: '2025-06-30', days: 11 }],
  };
}

const SHORT_RU = 'Период «после» (20.06.2025 — 30.06.2025) — всего 11 дней: показатели в месяц растянуты с нескольких дней на месяц и ненадёжны. Возьмите дату внедрения так, чтобы в каждом периоде было хотя бы две недели.';

async function sheets(bytes: Uint8Array): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets;
}

/** The texts of a sheet's column, top to bottom. */
function column(ws: ExcelJS.Worksheet, col: number): string[] {
  const out: string[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(col).value;
    if (typeof v === 'string') out.push(v);
  });
  return out;
}

// A tester: stderr said the «after» period of 11 days made the rates a month unreliable; the md and xlsx the client got did not.
describe('a comparison\'s data-quality warnings reach its files', () => {
  const result: CompareResult = { ...compareResult(), dataQuality: quality() };

  it('Markdown: a quote at the end, as kpi\'s, in the report\'s language', () => {
    const md = renderCompareMarkdown(result, { lang: 'ru', color: false });
    expect(md.endsWith(`\n\n> **Внимание:** ${SHORT_RU}\n`)).toBe(true);
    expect(renderCompareMarkdown(result, { lang: 'en', color: false })).toContain('> **Warning:** The after period (2025-06-20 — 2025-06-30) is only 11 days');
    // Without a read to tell of (a result made in code), nothing is added.
    expect(renderCompareMarkdown(compareResult(), { lang: 'ru', color: false })).not.toContain('Внимание');
  });

  it('the workbook: a Data quality sheet after the comparison\'s, its files and the warning', async () => {
    const book = await sheets(await renderCompareXlsx(result, { lang: 'ru', now }));
    expect(book.map((ws) => ws.name)).toEqual(['До и после', 'Окупаемость', 'Качество данных']);
    const dq = book[2]!;
    expect(column(dq, 1)).toEqual(['Качество данных', 'До', 'После', 'Дата отчёта', 'Файл', 'deals.csv']);
    expect(column(dq, 4).slice(-2)).toEqual(['текст (CSV), utf-8, разделитель «;»; строк: 20, записей: 20, не прочитано: 0', SHORT_RU]);
    expect((await sheets(await renderCompareXlsx(compareResult(), { lang: 'ru', now }))).map((ws) => ws.name)).toEqual(['До и после', 'Окупаемость']);
  });

  it('CSV: a last table «Внимание», one warning a row, after an empty line as the file\'s other tables', () => {
    const csv = renderCompareCsv(result, { lang: 'ru' });
    expect(csv.endsWith(`\r\n\r\nВнимание\r\n${SHORT_RU}\r\n`)).toBe(true);
    expect(renderCompareCsv(result, { lang: 'en' })).toContain('\r\n\r\nWarning\r\nThe after period (2025-06-20 — 2025-06-30) is only 11 days');
    expect(renderCompareCsv(compareResult(), { lang: 'ru' })).not.toContain('Внимание');
  });

  it('a report beside its KPIs\' Data quality sheet: the comparison\'s under a name of its own', async () => {
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-12-01T00:00:00.000Z', lang: 'ru', kpi: kpiResult(), compare: result, assertions: [], failed: { errors: 0, warnings: 0 } };
    const names = (await sheets(await renderReportXlsx(r))).map((ws) => ws.name);
    expect(names).toContain('Качество данных');
    expect(names).toContain('Качество данных (до и после)');
  });

  it('the report\'s Markdown says the KPIs\' warnings too (a cutover\'s short period is among them)', () => {
    const kpi = { ...kpiResult(), dataQuality: { ...kpiResult().dataQuality, ...quality() } };
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-12-01T00:00:00.000Z', lang: 'ru', kpi, assertions: [], failed: { errors: 0, warnings: 0 } };
    expect(renderReportMarkdown(r)).toContain(`> **Внимание:** ${SHORT_RU}`);
  });
});

describe('compare -o with a short period (the built CLI)', () => {
  const args = ['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-06-20', '--now', '2026-12-01', '--lang', 'ru'];

  it('the Markdown file says it, and the JSON carries the alert in dataQuality.alerts for the HTML to read', () => {
    const md = runCli([...args, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`> **Внимание:** ${SHORT_RU}`);
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout) as CompareResult;
    expect(json.dataQuality?.alerts).toEqual([{ code: 'short-period', which: 'after', from: '2025-06-20', to: '2025-06-30', days: 11 }]);
  });
});
