import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COMPARE_ROWS, KPI_OF } from '../../../src/core/compare.js';
import { metricDef } from '../../../src/core/kpi/catalog.js';
import { renderCompareCsv } from '../../../src/render/compare/csv.js';
import { renderCompareMarkdown, renderCompareTable, ROW_INFO } from '../../../src/render/compare/text.js';
import { renderCompareXlsx } from '../../../src/render/compare/xlsx.js';
import { compareResult } from '../../helpers/results.js';

const LANGS = ['ru', 'en'] as const;

/** The label a before/after row must have: the catalogue's for a KPI, its own for a rate a month (no KPI of the catalogue). */
function catalogueLabel(metric: string, lang: (typeof LANGS)[number]): string | undefined {
  return metricDef(metric)?.label[lang];
}

/** The Before-After sheet's metric labels, in order: column A from the header row down to the first empty row. */
async function sheetLabels(lang: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderCompareXlsx(compareResult(), { lang, now: new Date('2026-01-15T10:00:00Z') })) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const header = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
  const labels: string[] = [];
  for (let r = header + 1; ws.getRow(r).getCell(1).value; r++) labels.push(String(ws.getRow(r).getCell(1).value));
  return labels;
}

// compare said «Deal cycle, days (median)», "Touches per won deal" and "Missed call share" (and «Цикл сделки, дн. (медиана)»)
// where the KPI tables, from the catalogue, said "Cycle, days (median)", "Touches per won deal" and "Missed share".
describe('the before/after rows are labelled as the metric catalogue labels them', () => {
  it('every KPI row takes the catalogue\'s label in both languages; a rate a month has its own in both', () => {
    for (const { metric } of COMPARE_ROWS) {
      for (const lang of LANGS) {
        const own = catalogueLabel(metric, lang);
        if (own !== undefined) expect(ROW_INFO[metric]![lang], `${metric} ${lang}`).toBe(own);
        else {
          // The rates a month are the ones the catalogue has no KPI of (KPI_OF names the count they are a rate of).
          expect(KPI_OF[metric], metric).toBeDefined();
          expect(ROW_INFO[metric]![lang], `${metric} ${lang}`).toMatch(/\S/);
        }
      }
      expect(ROW_INFO[metric]!.ru, metric).not.toBe(ROW_INFO[metric]!.en);
      if (metricDef(metric)) expect(ROW_INFO[metric]!.format, metric).toBe(metricDef(metric)!.format);
    }
  });

  it('the workbook, CSV, Markdown and terminal table print those labels, in the rows\' order', async () => {
    const result = compareResult();
    expect(result.rows.map((r) => r.metric)).toEqual(COMPARE_ROWS.map((r) => r.metric));
    for (const lang of LANGS) {
      const labels = COMPARE_ROWS.map(({ metric }) => catalogueLabel(metric, lang) ?? ROW_INFO[metric]![lang]);
      expect(await sheetLabels(lang), lang).toEqual(labels);
      const csv = parse(renderCompareCsv(result, { lang }).replace(/^\ufeff/, '').split('\r\n\r\n')[0]!, { delimiter: lang === 'ru' ? ';' : ',' }) as string[][];
      expect(csv.slice(1).map((r) => r[0]), lang).toEqual(labels);
      const md = renderCompareMarkdown(result, { lang, color: false });
      const table = renderCompareTable(result, { lang, color: false });
      for (const label of labels) {
        expect(md, `${lang} Markdown`).toContain(`| ${label} |`);
        expect(table, `${lang} terminal`).toContain(label);
      }
    }
  });
});
