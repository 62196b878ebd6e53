import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../../src/core/audit/types.js';
import { AUDIT_WIDTHS, renderAuditXlsx } from '../../../src/render/audit/xlsx.js';
import { LEGIBLE_PAGE_UNITS, PRINT_MARGINS } from '../../../src/render/xlsx-layout.js';
import { headerRowOf } from '../../helpers/xlsx-projection.js';
import { auditResult } from '../../helpers/results.js';

async function workbook(result: AuditResult, lang: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderAuditXlsx(result, { lang })) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet's table: its header's cells by name, and the rows under it. */
function table(ws: ExcelJS.Worksheet): { col: (name: string) => number; rows: ExcelJS.Row[] } {
  const head = headerRowOf(ws);
  const names = (ws.getRow(head).values as unknown[]).map((v) => String(v ?? ''));
  return {
    col: (name) => {
      const i = names.indexOf(name);
      if (i < 1) throw new Error(`no column ${name} in ${names.join(' | ')}`);
      return i;
    },
    rows: ws.getRows(head + 1, ws.rowCount - head) ?? [],
  };
}

// A tester: the cost of a recommendation was one text cell («… 168 ч в месяц, около 151 200 ₽ в
// месяц»); the HTML report has «Часов в месяц» and «Стоимость в месяц, ₽» columns.
describe('the Recommendations sheet', () => {
  it('has the hours and the money a month as numbers, in the run\'s language, beside the text', async () => {
    const ru = table((await workbook(auditResult(), 'ru')).getWorksheet('Рекомендации')!);
    const row = ru.rows[0]!;
    expect(row.getCell(ru.col('Часов в месяц')).value).toBe(63);
    expect(row.getCell(ru.col('Часов в месяц')).numFmt).toBe('#,##0" ч"');
    expect(row.getCell(ru.col('Стоимость в месяц, ₽')).value).toBe(31_500);
    expect(row.getCell(ru.col('Стоимость в месяц, ₽')).numFmt).toBe('#,##0" ₽"');
    expect(row.getCell(ru.col('Основание расчёта')).value).toBe('30 мин в день; при 6 менеджерах — до 3 ч в день, 63 ч в месяц, около 31\u00a0500 ₽ в месяц');
    const en = table((await workbook(auditResult(), 'en')).getWorksheet('Recommendations')!);
    expect(en.rows[0]!.getCell(en.col('Hours a month')).numFmt).toBe('#,##0" h"');
    expect(en.rows[0]!.getCell(en.col('Cost a month, RUB')).numFmt).toBe('"RUB "#,##0');
    // The basis of the estimate is headed as the HTML report heads it, not «Цена» / "Cost" (a second money column to the eye).
    expect(en.rows[0]!.getCell(en.col('Basis')).value).toMatch(/; with 6 managers that is up to 3 h a day/);
    expect(() => ru.col('Цена')).toThrow();
  });

  // A tester: JSON had costPerMonth 83999.16 and the cell 83999: the sheet summed to other money than
  // the JSON. The cell keeps the value; only the format rounds it for the eye.
  // A tester: fitted at 62/31/10/62/8/12/62 one page wide in landscape, it printed at about 45 % (text of 5 pt).
  it('wraps its sentences in narrow columns: about 140 width units, a landscape page at 80 % or more', async () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `слово${i}`).join(' ');
    const r = auditResult();
    r.recommendations = [{ ...r.recommendations[0]!, text: long(40), cost: { ...r.recommendations[0]!.cost!, basis: long(30) } }];
    r.sections[1]!.title = long(8);
    r.sections[1]!.criteria[0]!.title = long(8);
    const ws = (await workbook(r, 'ru')).getWorksheet('Рекомендации')!;
    const widths = ws.columns.map((c) => c.width ?? 9);
    // The section's column is as wide as the heading's date and time under it (dd.mm.yyyy hh:mm).
    expect(widths).toEqual([22, 18, 12, 40, 8, 12, 30]);
    // 142: the points column is headed «Недостаёт баллов» (tester T62 B1: «Не хватает» also heads the criteria missing).
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(142);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    const { col, rows } = table(ws);
    for (const name of ['Раздел', 'Рекомендация', 'Основание расчёта']) expect(rows[0]!.getCell(col(name)).alignment?.wrapText, name).toBe(true);
    // The row is as tall as its longest sentence wrapped at 40: 15 points a line.
    expect(rows[0]!.height).toBeGreaterThanOrEqual(15 * Math.ceil(long(40).length / 40));
  });

  it('keeps the kopecks of the money a month in the cell; the format shows whole roubles', async () => {
    const base = auditResult();
    const rec = base.recommendations[0]!;
    const result: AuditResult = { ...base, recommendations: [{ ...rec, cost: { ...rec.cost!, costPerMonth: 83_999.16 } }] };
    const t = table((await workbook(result, 'ru')).getWorksheet('Рекомендации')!);
    expect(t.rows[0]!.getCell(t.col('Стоимость в месяц, ₽')).value).toBe(83_999.16);
    expect(t.rows[0]!.getCell(t.col('Стоимость в месяц, ₽')).numFmt).toBe('#,##0" ₽"');
  });

  it('a half hour keeps its decimal; without an hour\'s price there is no money column, and no cost leaves the cells empty', async () => {
    const base = auditResult();
    const rec = base.recommendations[0]!;
    const result: AuditResult = {
      ...base,
      recommendations: [
        { ...rec, cost: { ...rec.cost!, hoursPerMonth: 157.5, hourlyCost: undefined, costPerMonth: undefined } },
        { ...rec, criterion: 'leads.concept', section: 'leads', cost: undefined },
      ],
    };
    const ws = (await workbook(result, 'ru')).getWorksheet('Рекомендации')!;
    const t = table(ws);
    expect(t.rows[0]!.getCell(t.col('Часов в месяц')).value).toBe(157.5);
    expect(t.rows[0]!.getCell(t.col('Часов в месяц')).numFmt).toBe('#,##0.0" ч"');
    // Hours that round to a whole one are shown whole, as the sentence beside them writes «49 ч» (48,95 kept in the cell).
    const near = table((await workbook({ ...base, recommendations: [{ ...rec, cost: { ...rec.cost!, hoursPerMonth: 48.95, hourlyCost: undefined, costPerMonth: undefined } }] }, 'ru')).getWorksheet('Рекомендации')!);
    expect(near.rows[0]!.getCell(near.col('Часов в месяц')).value).toBe(48.95);
    expect(near.rows[0]!.getCell(near.col('Часов в месяц')).numFmt).toBe('#,##0" ч"');
    expect(t.rows[1]!.getCell(t.col('Часов в месяц')).value).toBeNull();
    expect(() => t.col('Стоимость в месяц, ₽')).toThrow();
    // Without --managers no recommendation has hours: no empty column either.
    const none = table((await workbook({ ...base, recommendations: [{ ...rec, cost: { hoursPerManagerPerDay: 1, basis: '1 ч в день' } }] }, 'ru')).getWorksheet('Рекомендации')!);
    expect(() => none.col('Часов в месяц')).toThrow();
    expect(none.rows[0]!.getCell(none.col('Основание расчёта')).value).toBe('1 ч в день');
  });
});

/** The audit again a year later: the earlier result's sections, total and band. */
function reAudit(): AuditResult {
  const base = auditResult();
  return { ...base, baseline: { answeredAt: '2025-06-01T09:00:00.000Z', total: 1, change: 1.5, band: 'start', bandTitle: 'Начало пути', sections: [{ id: 'leads', before: 2, after: 2, change: 0 }, { id: 'journal', before: 0, after: 0.5, change: 0.5 }] } };
}

// A tester: with --baseline the workbook had «Было» but no «Изменение»; the terminal and Markdown
// have «Было (дата) | Изменение» (spec/audit.md: a before/after column per section).
describe('a re-audit on the Audit sheet', () => {
  it('has «Было (дата)» and «Изменение» per section and in total, the change signed as the other reports write it', async () => {
    const ws = (await workbook(reAudit(), 'ru')).getWorksheet('Аудит')!;
    const t = table(ws);
    const totalOf = (section: string) => t.rows.find((r) => r.getCell(1).value === section && r.getCell(2).value === 'Итого')!;
    const journal = totalOf('Журналирование');
    expect(journal.getCell(t.col('Было (01.06.2025)')).value).toBe(0);
    expect(journal.getCell(t.col('Изменение')).value).toBe(0.5);
    expect(journal.getCell(t.col('Изменение')).numFmt).toBe('+0.0;"−"0.0;0');
    expect(totalOf('Понятие лида').getCell(t.col('Изменение')).numFmt).toBe('+0;"−"0;0');
    const total = t.rows.find((r) => r.getCell(1).value === 'Итого')!;
    expect([total.getCell(t.col('Было (01.06.2025)')).value, total.getCell(t.col('Изменение')).value]).toEqual([1, 1.5]);
    // The verdicts stay in their columns, after the baseline's.
    expect(t.col('Проверка по выгрузкам')).toBe(t.col('Изменение') + 1);
    const en = table((await workbook(reAudit(), 'en')).getWorksheet('Audit')!);
    expect(en.col('Change')).toBe(en.col('Before (2025-06-01)') + 1);
  });
});

// The workbook showed the earlier audit's band with no score, where the terminal writes «Было (01.06.2025): Начало пути (1 / 4)».
describe('the bands on the Audit sheet', () => {
  it('have their scores beside them, the earlier one out of its own maximum', async () => {
    // This run 2,5 of 5; the earlier one 1 of 4 (an older questionnaire), which the «Было» column gives as a bare 1.
    const before = reAudit();
    const result: AuditResult = { ...before, baseline: { ...before.baseline!, max: 4 } };
    const ws = (await workbook(result, 'ru')).getWorksheet('Аудит')!;
    const rowOf = (label: string) => ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === label)!;
    expect([1, 2, 3].map((c) => rowOf('Уровень').getCell(c).value)).toEqual(['Уровень', 'Впереди многих', '2,5 / 5']);
    expect([1, 2, 3].map((c) => rowOf('Было (01.06.2025)').getCell(c).value)).toEqual(['Было (01.06.2025)', 'Начало пути', '1 / 4']);
    // Without its own maximum (a result saved before it was kept), out of this run's; in English with a decimal point.
    const en = (await workbook(reAudit(), 'en')).getWorksheet('Audit')!;
    const enRow = en.getRows(1, en.rowCount)!.find((r) => r.getCell(1).value === 'Before (2025-06-01)')!;
    expect([enRow.getCell(2).value, enRow.getCell(3).value]).toEqual(['Начало пути', '1 / 5']);
    expect(en.getRows(1, en.rowCount)!.find((r) => r.getCell(1).value === 'Band')!.getCell(3).value).toBe('2.5 / 5');
  });
});

// A tester: no print area on either sheet, and «Рекомендации» printed two pages wide (fitToWidth 2).
describe('the audit sheets in print', () => {
  it('each has a print area over its heading and table and prints one page wide, landscape A4, header row repeated, with a footer', async () => {
    const base = reAudit();
    const long = 'Подключите телефонию и почту к CRM: звонки из карточки в одно нажатие, запись разговоров, письма в ленте сделки. '.repeat(3);
    const result: AuditResult = { ...base, recommendations: [{ ...base.recommendations[0]!, text: long, cost: { ...base.recommendations[0]!.cost!, basis: long } }] };
    const wb = await workbook(result, 'ru');
    for (const name of ['Аудит', 'Рекомендации']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.printArea, name).toBe(`A1:${String.fromCharCode(64 + ws.columnCount)}${ws.rowCount}`);
      expect([ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight], name).toEqual([true, 1, 0]);
      expect([ws.pageSetup.orientation, ws.pageSetup.paperSize], name).toEqual(['landscape', 9]);
      expect(ws.pageSetup.printTitlesRow, name).toBe(`${headerRowOf(ws)}:${headerRowOf(ws)}`);
      expect(ws.headerFooter.oddFooter, name).toContain('Стр. &P из &N');
    }
    // The Audit sheet's last row (what the band means) is printed too.
    const audit = wb.getWorksheet('Аудит')!;
    expect(audit.getRow(audit.rowCount).getCell(1).value).toBe('Что это значит');
  });
});

// A tester: in print, a criterion sat on the bottom line of its row and its wrapped evidence sentence
// started at the top, so the sentence read as the row above's; «2подтверждено» touched across columns.
describe('the Audit sheet with evidence', () => {
  it('top-aligns every cell of a criterion row and indents the verdict off the maximum beside it', async () => {
    for (const lang of ['ru', 'en']) {
      const t = table((await workbook(auditResult(), lang)).getWorksheet(lang === 'ru' ? 'Аудит' : 'Audit')!);
      const verdict = t.col(lang === 'ru' ? 'Проверка по выгрузкам' : 'Checked against the exports');
      const sentence = t.col(lang === 'ru' ? 'Что показали выгрузки' : 'What the exports show');
      const checked = t.rows.filter((r) => typeof r.getCell(sentence).value === 'string' && r.getCell(sentence).value !== '');
      expect(checked.length).toBeGreaterThan(0);
      for (const row of checked) {
        for (let c = 1; c <= sentence; c++) expect(row.getCell(c).alignment?.vertical, `${lang} row ${row.number} col ${c}`).toBe('top');
        expect(row.getCell(verdict).alignment?.indent).toBeGreaterThanOrEqual(1);
        expect(row.getCell(sentence).alignment?.wrapText).toBe(true);
      }
    }
  });

  // LibreOffice's PDF: fitted at 31/44/8/8/11/16/62 (180 width units) one landscape page wide, the sheet printed at 62 %.
  it('wraps its section, criterion and evidence sentences in narrow columns: one landscape page at 75 % or more', async () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `слово${i}`).join(' ');
    const r = auditResult();
    r.sections[1]!.title = long(8);
    r.sections[1]!.criteria[0]!.title = long(10);
    r.evidence!.checks[0]!.text = long(40);
    const ws = (await workbook(r, 'ru')).getWorksheet('Аудит')!;
    const widths = ws.columns.map((c) => c.width ?? 9);
    expect(widths.length).toBe(7);
    expect([widths[0], widths[1], widths[6]]).toEqual([AUDIT_WIDTHS.section + 2, AUDIT_WIDTHS.criterion + 2, AUDIT_WIDTHS.evidence + 2]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(LEGIBLE_PAGE_UNITS);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: PRINT_MARGINS });
    const t = table(ws);
    const row = t.rows.find((x) => x.getCell(1).value === long(8))!;
    for (const c of [1, 2, 7]) expect(row.getCell(c).alignment?.wrapText, `col ${c}`).toBe(true);
    expect(row.height).toBeGreaterThanOrEqual(15 * Math.ceil(long(40).length / AUDIT_WIDTHS.evidence));
  });

  it('without the evidence columns, prints portrait', async () => {
    const ws = (await workbook({ ...auditResult(), evidence: undefined }, 'en')).getWorksheet('Audit')!;
    expect(ws.columns.reduce((n, c) => n + (c.width ?? 9), 0)).toBeLessThanOrEqual(95);
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', fitToWidth: 1, printTitlesRow: `${headerRowOf(ws)}:${headerRowOf(ws)}` });
  });
});

// Tester T49 F5: an audit checked against a workbook with rows a filter hid said so on stderr and in the
// JSON only; the report handed to the client said nothing.
describe('the exports\' warnings in the audit\'s reports', () => {
  const hidden = (): AuditResult => {
    const base = auditResult();
    return { ...base, evidence: { ...base.evidence!, dataQuality: { rowsRead: 8, rowsSkipped: [], rowsSkippedCount: 0, files: [{ file: '/srv/exports/deals.xlsx', kind: 'deals', format: 'xlsx', rowsRead: 8, records: 8, skipped: 0, dropped: {} }], warnings: [], alerts: [{ code: 'hidden-rows', file: '/srv/exports/deals.xlsx', sheet: 'Сделки', rows: 2 }] } } };
  };

  // As the HTML report tells the client: a file by its base name (review R45 F8).
  it('are rows of the Audit sheet, and quotes in the Markdown, in the run\'s language', async () => {
    const wb = await workbook(hidden(), 'ru');
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : [])));
    expect(cells).toContain('deals.xlsx: на листе «Сделки» 2 строки скрыты (фильтром или вручную в Excel): они прочитаны, как все остальные. Если в отчёт должны войти только видимые строки, удалите скрытые из файла или выгрузите его заново.');
    const { renderAuditMarkdown } = await import('../../../src/render/audit/text.js');
    expect(renderAuditMarkdown(hidden(), { lang: 'en', color: false })).toContain('> **Warning:** deals.xlsx: 2 rows of the sheet "Сделки" are hidden');
  });
});
