import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../src/core/report.js';
import { renderReportXlsx } from '../../../src/render/report/xlsx.js';
import { compareResult, kpiResult } from '../../helpers/results.js';

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
    expect(row('compare.roi_12m>=2').getCell(4).numFmt).toBe('+0.0%;"−"0.0%;0.0%');
    // An amount of 1 000 or more in whole roubles, as the failure's line writes it.
    expect(row('compare.gain_per_month>=500000').getCell(4).numFmt).toBe('#,##0');
    const en = await summaryRows('en');
    expect(en.find((r) => r.getCell(1).value === 'compare.roi_12m>=2')!.getCell(2).value).toBe('warning');
  });
});

// A tester: the «Где» column showed total.conversion where every other output says «Отдел»; a value that is no number
// was English in a Russian workbook (contradicted, null, «nothing matches this path»).
describe('the Summary\'s «Где» column', () => {
  it('names who failed as the failure lines do (the department, the manager, the plan, the payback), and a value that is no number as they say it', async () => {
    const failed = (assertion: string, subject: string, path: string[], value: number) => ({ assertion, op: '>=' as const, expected: 1, level: 'error' as const, passed: false, failures: [{ subject, path, value }] });
    const where = async (lang: string) => {
      const r: ReportResult = {
        schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang,
        assertions: [
          failed('total.conversion>=0.7', 'total.conversion', ['total', 'conversion'], 0.625),
          failed('managers.*.conversion>=0.9', 'managers["Иванов Иван"].conversion', ['managers', 'Иванов Иван', 'conversion'], 0.5),
          failed('plan.leads.achieved>=0.8', 'plan.leads.achieved', ['plan', 'leads', 'achieved'], 0.78),
          failed('compare.payback_months<=3', 'compare.payback_months', ['compare', 'payback_months'], 4.2),
          { ...failed('managers.*.won>=1', 'managers.*.won', ['managers', '*', 'won'], 0), failures: [{ subject: 'managers.*.won', path: ['managers', '*', 'won'], value: 'nothing matches this path' }] },
          { ...failed("audit.evidence.lead.concept=='confirmed'", 'audit.evidence.lead.concept', ['audit', 'evidence', 'lead', 'concept'], 0), failures: [{ subject: 'audit.evidence.lead.concept', path: ['audit', 'evidence', 'lead', 'concept'], value: 'contradicted' }] },
          { ...failed('total.callback_rate>=0.5', 'total.callback_rate', ['total', 'callback_rate'], 0), failures: [{ subject: 'total.callback_rate', path: ['total', 'callback_rate'], value: null }] },
        ],
        failed: { errors: 7, warnings: 0 },
      };
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderReportXlsx(r)) as unknown as ExcelJS.Buffer);
      const rows = wb.worksheets[0]!.getRows(1, wb.worksheets[0]!.rowCount)!;
      return r.assertions.map((a) => rows.find((row) => row.getCell(1).value === a.assertion)!).map((row) => [row.getCell(4).value, row.getCell(5).value]);
    };
    expect(await where('ru')).toEqual([
      [0.625, 'Отдел'], [0.5, 'Иванов Иван'], [0.78, 'План / факт'], [4.2, 'Окупаемость'], ['нечего проверять (пусто)', 'managers.*.won'], ['«опровергнуто»', 'Аудит'], ['не рассчитано', 'Отдел'],
    ]);
    expect(await where('en')).toEqual([
      [0.625, 'Department'], [0.5, 'Иванов Иван'], [0.78, 'Plan vs actual'], [4.2, 'Payback'], ['nothing to check (empty)', 'managers.*.won'], ['"contradicted"', 'Audit'], ['not computed', 'Department'],
    ]);
  });
});

// A tester: the leads' change of −0,000228 read «−0,0% (лидов в месяц)» on «Сводка» and «−0,0%» on «До и после»,
// «0,0%» in HTML and Markdown. The cell keeps its number; its format shows the zero unsigned.
describe('a change that rounds to zero', () => {
  it('is shown unsigned on the Summary and the Before-After sheet, the cell still a number', async () => {
    const compare = compareResult();
    const leads = compare.rows.find((x) => x.metric.startsWith('leads'))!;
    leads.change_pct = -0.000228;
    const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang: 'ru', kpi: kpiResult(), compare, assertions: [], failed: { errors: 0, warnings: 0 } };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderReportXlsx(r)) as unknown as ExcelJS.Buffer);
    const summary = wb.getWorksheet('Сводка')!;
    const row = summary.getRows(1, summary.rowCount)!.find((x) => x.getCell(1).value === 'Лиды')!;
    expect(row.getCell(3).value).toBe(-0.000228);
    expect(row.getCell(3).numFmt).toBe('0.0%" (лидов в месяц)";0.0%" (лидов в месяц)";0.0%" (лидов в месяц)"');
    // Another change keeps its sign.
    const conversion = summary.getRows(1, summary.rowCount)!.find((x) => x.getCell(1).value === 'Конверсия')!;
    expect(conversion.getCell(3).numFmt).toBe('+0.0%;"−"0.0%;0.0%');
    const ba = wb.getWorksheet('До и после')!;
    const baRow = ba.getRows(1, ba.rowCount)!.find((x) => x.getCell(5).value === -0.000228)!;
    expect(baRow.getCell(5).numFmt).toBe('0.0%;0.0%;0.0%');
  });
});

// T42 F6: with assertions the Summary printed at half size in portrait: a table header's whole width in one
// column, a skipped check's long note in another.
describe("the Summary's print layout", () => {
  it('wraps the tables\' headers and the long notes, and turns landscape when wide, never below a legible scale', async () => {
    const r = report('ru');
    r.assertions.push({ assertion: 'delta.total.conversion>=0', op: '>=', expected: 0, level: 'error', passed: true, failures: [], skipped: 'no_baseline' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderReportXlsx(r)) as unknown as ExcelJS.Buffer);
    const s = wb.worksheets[0]!;
    const widths = s.columns.map((c) => c.width ?? 9);
    const note = s.getRows(1, s.rowCount)!.find((row) => row.getCell(1).value === 'delta.total.conversion>=0')!.getCell(4);
    expect(String(note.value).length).toBeGreaterThan(60);
    expect(note.alignment?.wrapText).toBe(true);
    expect(widths[3]).toBeLessThanOrEqual(42);
    // «Изменение после внедрения» over up to three lines, not one wide column.
    expect(widths[2]).toBeLessThan(30);
    const total = widths.reduce((a, b) => a + b, 0);
    expect(s.pageSetup.orientation).toBe(total > 95 ? 'landscape' : 'portrait');
    expect(111 / total).toBeGreaterThanOrEqual(0.75);
  });
});

// T42 F3: the changes since the baseline run were only in the Markdown and the JSON.
describe('a report with a baseline', () => {
  it('has a sheet of the changes since it, the department first, numbers in their units (a share in points)', async () => {
    const r: ReportResult = { ...report('ru'), delta: { since: '2025-04-01T09:00:00.000Z', total: { leads: 299, conversion: 0.0225, revenue: null }, managers: { 'Иванов Иван': { leads: -3, conversion: -0.01, revenue: 1500 } } } };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderReportXlsx(r)) as unknown as ExcelJS.Buffer);
    const s = wb.getWorksheet('С прошлого запуска')!;
    const rows = s.getRows(1, s.rowCount)!.map((row) => (row.values as unknown[]).slice(1));
    expect(rows[0]![0]).toBe('Изменения по менеджерам с прошлого запуска (01.04.2025)');
    const head = rows.findIndex((x) => x[0] === 'Менеджер');
    expect(rows[head]).toEqual(['Менеджер', 'Лиды', 'Конверсия', 'Выручка']);
    expect(rows[head + 1]).toEqual(['Отдел', 299, 2.25, '—']);
    expect(rows[head + 2]).toEqual(['Иванов Иван', -3, -1, 1500]);
    expect(s.getRow(head + 2).getCell(3).numFmt).toBe('+0.0" п.\u00a0п.";"−"0.0" п.\u00a0п.";0.0" п.\u00a0п."');
  });
});
