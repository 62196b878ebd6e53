import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderAuditXlsx } from '../../src/render/audit/xlsx.js';
import { renderCompareXlsx } from '../../src/render/compare/xlsx.js';
import { renderKpiXlsx } from '../../src/render/kpi/xlsx.js';
import { renderReportXlsx } from '../../src/render/report/xlsx.js';
import type { ReportResult } from '../../src/core/report.js';
import { columnLetters, finishSheet, headingLine, LEGIBLE_PAGE_UNITS, pagesAcross, PRINT_MARGINS, setPageFooter } from '../../src/render/xlsx-layout.js';
import { auditResult, compareResult, kpiResult } from '../helpers/results.js';

const now = new Date('2026-01-15T10:00:00Z');

async function sheets(bytes: Uint8Array): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets;
}

describe('workbook sheets with a heading above the table', () => {
  it('filter, if any, on the header row that prints on every page, never on the title', async () => {
    const books = [
      await renderAuditXlsx(auditResult(), { lang: 'ru' }),
      await renderKpiXlsx(kpiResult(), { lang: 'ru', now }),
      await renderCompareXlsx(compareResult(), { lang: 'ru', now }),
    ];
    const seen: string[] = [];
    for (const ws of (await Promise.all(books.map(sheets))).flat()) {
      const titles = ws.pageSetup.printTitlesRow;
      if (!titles || !ws.autoFilter) continue;
      const header = Number(titles.split(':')[0]);
      const ref = typeof ws.autoFilter === 'string' ? ws.autoFilter : '';
      seen.push(ws.name);
      expect({ sheet: ws.name, filter: ref.replace(/[A-Z]+/g, '') }).toEqual({ sheet: ws.name, filter: `${header}:${header}` });
    }
    expect(seen).toContain('Менеджеры');
  });
});

describe('print setup of wide tables', () => {
  // LibreOffice's PDF: two pages of 200 width units printed the managers' 31 KPI columns at 57 %, text of 6 pt.
  it('a sheet wider than a legible landscape page prints across pages repeating its key column; a narrow one fits one page', async () => {
    const books = [await renderAuditXlsx(auditResult(), { lang: 'ru' }), await renderKpiXlsx(kpiResult(), { lang: 'ru', now }), await renderCompareXlsx(compareResult(), { lang: 'ru', now })];
    const all = (await Promise.all(books.map(sheets))).flat().filter((ws) => ws.pageSetup.printTitlesRow);
    let wide = 0;
    for (const ws of all) {
      const widths = ws.columns.map((c) => c.width ?? 9);
      const pages = pagesAcross(widths, 1);
      expect({ sheet: ws.name, pages: ws.pageSetup.fitToWidth }).toEqual({ sheet: ws.name, pages });
      // Each page, the key column repeated, holds no more than a landscape page at 75 %.
      const width = widths.reduce((a, b) => a + b, 0);
      expect((width + (pages - 1) * widths[0]!) / pages, ws.name).toBeLessThanOrEqual(LEGIBLE_PAGE_UNITS);
      expect(ws.pageSetup.orientation, ws.name).toBe(width > 95 ? 'landscape' : 'portrait');
      expect(ws.pageSetup.margins, ws.name).toEqual(PRINT_MARGINS);
      if (pages > 1) {
        wide++;
        expect(ws.pageSetup.printTitlesColumn, ws.name).toBe('A:A');
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', xSplit: 1 });
      } else expect(ws.pageSetup.printTitlesColumn, ws.name).toBeUndefined();
    }
    // The managers' sheet (every KPI a column) is the wide one.
    expect(wide).toBeGreaterThan(0);
    const managers = all.find((ws) => ws.name === 'Менеджеры')!;
    expect(managers.pageSetup.fitToWidth).toBeGreaterThan(1);
  });

  it('pagesAcross lays columns page by page, a column that does not fit starting the next page after the repeated keys', () => {
    expect(LEGIBLE_PAGE_UNITS).toBe(148);
    expect(pagesAcross([20, 60, 60], 1)).toBe(1);
    expect(pagesAcross([20, 60, 60, 10], 1)).toBe(2);
    // Page 2 starts with the key (20): 20 + 60 + 60 = 140 fits; the next 60 starts page 3.
    expect(pagesAcross([20, 60, 60, 60, 60, 60], 1)).toBe(3);
    expect(pagesAcross([40, 40, 60, 60], 2)).toBe(2);
    expect(pagesAcross([200], 1)).toBe(1);
    expect(pagesAcross([], 1)).toBe(1);
  });
});

// A tester: the second printed page of «Менеджеры» repeated the labels «Компания», «Период», «Дата отчёта» (column A, the key column) with their values on the first.
// LibreOffice's PDF: Data quality's file name sat on the bottom line of its row, under its wrapped summary, and read as the next row's.
describe('a row made taller by wrapped text', () => {
  it('has its other cells at the top; a row of one line keeps its alignment', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('t');
    ws.columns = [{ header: 'File', width: 20 }, { header: 'Reason', width: 60 }];
    ws.addRow(['deals.csv', 'слово '.repeat(30)]);
    ws.addRow(['calls.csv', 'short']);
    ws.getRow(3).getCell(1).alignment = { vertical: 'bottom' };
    ws.addRow(['x.csv', 'слово '.repeat(30)]).getCell(1).alignment = { vertical: 'middle' };
    const n = finishSheet(ws, { title: 'Data quality', date: now, lang: 'en' });
    const [tall, short, own] = [2, 3, 4].map((r) => ws.getRow(r + n));
    expect(tall!.height).toBeGreaterThan(15);
    expect([tall!.getCell(1).alignment?.vertical, tall!.getCell(2).alignment?.vertical, tall!.getCell(2).alignment?.wrapText]).toEqual(['top', 'top', true]);
    expect(short!.getCell(1).alignment?.vertical).toBe('bottom');
    // An alignment a sheet chose is kept.
    expect(own!.getCell(1).alignment?.vertical).toBe('middle');
  });
});

describe('a table printed across pages', () => {
  it('prints from its header row, the heading said in every page\'s header; a table one page wide prints its heading rows', async () => {
    const book = await sheets(await renderKpiXlsx(kpiResult(), { lang: 'ru', now, company: 'R&D' }));
    const managers = book.find((ws) => ws.name === 'Менеджеры')!;
    const header = Number(managers.pageSetup.printTitlesRow!.split(':')[0]);
    expect(managers.pageSetup.fitToWidth).toBeGreaterThan(1);
    expect(managers.getRow(2).getCell(1).value).toBe('Компания');
    expect(managers.pageSetup.printArea?.replace(/\$/g, '')).toBe(`A${header}:${columnLetters(managers.columnCount)}${managers.rowCount}`);
    expect(managers.headerFooter.oddHeader).toBe('&CПериод: 01.01.2025 — 31.03.2025 · Дата отчёта: 15.01.2026 10:00');
    const loss = book.find((ws) => ws.name === 'Причины отказа')!;
    expect(loss.pageSetup.fitToWidth).toBe(1);
    expect(loss.pageSetup.printArea).toBeUndefined();
    expect(loss.headerFooter.oddHeader).toBeUndefined();
  });

  it('in English, a comparison\'s two periods; a day given as such without a time', async () => {
    expect(headingLine({ title: 'x', lang: 'en', date: new Date('2026-12-01T00:00:00Z'), periods: [{ label: 'Before', from: '2024-07-01', to: '2024-12-31' }, { label: 'After', from: '2025-01-01', to: null }] })).toBe('Before: 2024-07-01 — 2024-12-31 · After: 2025-01-01 — … · Report date: 2026-12-01');
  });
});

describe('printed pages say whose report and which page', () => {
  it('every sheet with a heading has a footer: its title and company, «Стр. 1 из 3» / "Page 1 of 3"', async () => {
    for (const lang of ['ru', 'en']) {
      const book = await sheets(await renderKpiXlsx({ ...kpiResult() }, { lang, now, company: 'R&D «Ромашка»' }));
      const managers = book.find((ws) => ws.name === (lang === 'ru' ? 'Менеджеры' : 'Managers'))!;
      expect(managers.headerFooter.oddFooter).toBe(lang === 'ru' ? '&LПоказатели продаж по менеджерам — R&&D «Ромашка»&RСтр. &P из &N' : '&LSales KPIs per manager — R&&D «Ромашка»&RPage &P of &N');
      for (const ws of book.filter((w) => w.pageSetup.printTitlesRow)) expect(ws.headerFooter.oddFooter, ws.name).toMatch(/&P .+ &N$/);
    }
  });

  // A tester: the report workbook's «Сводка» (its first printed page) and «Графики» had no footer, every other sheet one.
  it('the report workbook: every sheet, the Summary and the Charts too', async () => {
    for (const lang of ['ru', 'en']) {
      const r: ReportResult = { schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang, company: 'R&D «Ромашка»', audit: auditResult(), kpi: kpiResult(), compare: compareResult(), assertions: [], failed: { errors: 0, warnings: 0 } };
      const book = await sheets(await renderReportXlsx(r));
      expect(book.length).toBeGreaterThan(5);
      for (const ws of book) expect(ws.headerFooter.oddFooter, ws.name).toMatch(lang === 'ru' ? /^&L.+&RСтр\. &P из &N$/ : /^&L.+&RPage &P of &N$/);
      expect(book[0]!.headerFooter.oddFooter).toBe(lang === 'ru' ? '&LОтчёт crm-audit — R&&D «Ромашка»&RСтр. &P из &N' : '&Lcrm-audit report — R&&D «Ромашка»&RPage &P of &N');
      expect(book.at(-1)!.headerFooter.oddFooter).toBe(lang === 'ru' ? '&LГрафики — R&&D «Ромашка»&RСтр. &P из &N' : '&LCharts — R&&D «Ромашка»&RPage &P of &N');
    }
  });
});

describe('the compare workbook\'s targets', () => {
  it('are shown as written, to a tenth of a percent at least (+12,5% read +13% beside a change of +12,5%)', async () => {
    const ws = (await sheets(await renderCompareXlsx(compareResult(), { lang: 'ru', now })))[0]!;
    const targets: string[] = [];
    ws.eachRow((row) => {
      const cell = row.getCell(7);
      if (typeof cell.value === 'number') targets.push(cell.numFmt);
    });
    expect(targets.length).toBeGreaterThan(0);
    for (const f of targets) expect(f).toBe('+0.0#%;"−"0.0#%;0.0#%');
  });
});

// T42 F5: a company name of 300 characters made a footer of 371; Excel takes at most 255.
describe('a page footer', () => {
  const footer = (company: string, lang = 'ru') => {
    const sheet = new ExcelJS.Workbook().addWorksheet('x');
    setPageFooter(sheet, { title: 'Показатели продаж', company, lang });
    return sheet.headerFooter.oddFooter!;
  };

  it('keeps a short title and company whole, an ampersand doubled', () => {
    expect(footer('Рога & Копыта')).toBe('&LПоказатели продаж — Рога && Копыта&RСтр. &P из &N');
  });

  it('is cut to the 255 characters Excel takes, at a character, with «…», the page number kept', () => {
    const long = footer('Очень длинное название компании '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long.length).toBeGreaterThan(240);
    expect(long).toMatch(/компании…&RСтр\. &P из &N$|[а-я]…&RСтр\. &P из &N$/);
    // Never between the two ampersands of one: the text before the page code has none alone.
    const amps = footer('&'.repeat(300), 'en');
    expect(amps.length).toBeLessThanOrEqual(255);
    expect(amps.replace(/&R.*$/, '').replace(/^&L/, '').replace(/&&/g, '')).toBe('Показатели продаж — …');
  });
});
