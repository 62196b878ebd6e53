import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDeals } from '../../../src/io/map/import.js';
import { RowFilter } from '../../../src/io/map/row-filters.js';
import { cp1251 } from '../../fixtures/exports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-subtotals-'));

/**
 * A deals export after Excel's Data → Subtotals by manager: 20 deals a manager (so that the rows
 * after the first 30, read as text while the header is searched, reach the byte path), a «X Итог»
 * row after each group and «Общий итог» last.
 */
function subtotalled(word: string, grand: string): string {
  const rows = ['ID;Ответственный;Дата создания;Дата закрытия;Этап сделки;Бюджет'];
  for (const [m, name] of ['Иванов Олег', 'Петрова Анна'].entries()) {
    for (let i = 1; i <= 20; i++) rows.push(`${m * 100 + i};${name};01.02.2025;10.02.2025;${i % 2 ? 'Успешно реализовано' : 'Закрыто и не реализовано'};${i * 100}`);
    rows.push(`;${name} ${word};;;;21000`);
  }
  return `${[...rows, `;${grand};;;;42000`].join('\n')}\n`;
}

describe('the rows of Excel\'s subtotals', () => {
  for (const [word, grand] of [
    ['Итог', 'Общий итог'],
    ['Total', 'Grand Total'],
  ] as const) {
    for (const [name, bytes] of [
      [`utf8-${word}.csv`, (t: string) => Buffer.from(t, 'utf8')],
      [`cp1251-${word}.csv`, cp1251],
    ] as const) {
      it(`«X ${word}» and «${grand}» are totals rows, dropped and counted (${name}, text and bytes)`, async () => {
        writeFileSync(path.join(dir, name), bytes(subtotalled(word, grand)));
        for (const textRows of [false, true]) {
          const { store, report } = await importDeals(name, { cwd: dir, stdin: process.stdin, textRows });
          const deals = store.toDeals();
          expect(deals.length, `textRows ${textRows}`).toBe(40);
          expect(deals.map((d) => d.id)).toEqual([...Array.from({ length: 20 }, (_, i) => String(i + 1)), ...Array.from({ length: 20 }, (_, i) => String(101 + i))]);
          // 100 + 200 + … + 2000 a manager: 21,000, as the subtotal rows say.
          expect(deals.reduce((n, d) => n + (d.amount ?? 0), 0)).toBe(42_000);
          expect(report.dropped).toEqual({ 'totals row': 3 });
          expect(report.skippedCount).toBe(0);
        }
      });
    }
  }

  it('a data row whose first cell ends in the word is data: the row fills more than half of the columns', async () => {
    writeFileSync(path.join(dir, 'named.csv'), 'Название;Ответственный;Дата создания;Этап сделки;Бюджет\nПроект Итог;Иванов Олег;01.02.2025;Успешно реализовано;1000\nSales Total;Петрова Анна;02.02.2025;Успешно реализовано;700\n');
    const { store, report } = await importDeals('named.csv', { cwd: dir, stdin: process.stdin });
    expect(store.toDeals().map((d) => d.amount)).toEqual([1000, 700]);
    expect(report.dropped).toEqual({});
  });
});

// A helper's Salesforce and Zoho exports lost «Total Wine - POS rollout» and "Total Gym renewal" (won, 55,000) as totals rows, without a word.
describe('a deal whose name begins with a totals word', () => {
  it('is a deal in a row that fills most columns; a bare label («Итого», "Grand Totals (4 records)") is a totals row whatever it fills', async () => {
    const csv = [
      'Opportunity Name,Opportunity Owner,Stage,Amount,Created Date',
      'Total Wine - POS rollout,Anna Smith,Closed Won,50000,2026-01-05',
      'Total Gym renewal,Bob Lee,Closed Won,5000,2026-02-01',
      'TOTAL S.A.,Bob Lee,Closed Lost,100,2026-02-02',
      'Итого за январь,,,55100,',
      'Grand Totals (3 records),,,55100,',
      'Итого:,Всего,Всего,55100,Всего',
    ].join('\n');
    writeFileSync(path.join(dir, 'total-names.csv'), `${csv}\n`);
    for (const textRows of [false, true]) {
      const { store, report } = await importDeals('total-names.csv', { cwd: dir, stdin: process.stdin, textRows });
      expect(store.toDeals().map((d) => d.amount)).toEqual([50_000, 5000, 100]);
      expect(report.dropped).toEqual({ 'totals row': 3 });
    }
  });
});

// Tester T71 (M4), review R53 (L1): Salesforce's «Grand Totals (N records)» in a German, Spanish, Portuguese, French or Italian org.
describe('a localised grand totals row', () => {
  it('is a totals row; a deal named «Totales» with its columns filled stays a deal', async () => {
    const csv = [
      'Opportunity Name,Opportunity Owner,Stage,Amount,Created Date',
      'Totales,Anna Smith,Closed Won,700,2026-01-05',
      'Gesamtsummen (1 Datensätze),,,700,',
      'Totales generales (1 registros),,,700,',
      'Totais gerais (1 registros),,,700,',
      'Total général (1 enregistrements),,,700,',
      'Totale complessivo (1 record),,,700,',
    ].join('\n');
    writeFileSync(path.join(dir, 'localised-totals.csv'), `${csv}\n`);
    for (const textRows of [false, true]) {
      const { store, report } = await importDeals('localised-totals.csv', { cwd: dir, stdin: process.stdin, textRows });
      expect(store.toDeals().map((d) => d.amount)).toEqual([700]);
      expect(report.dropped).toEqual({ 'totals row': 5 });
    }
  });
});

// A helper's Odoo list grouped by salesperson and stage, exported to XLSX: its group rows («Marc Demo (3)», «    Won (2)», with the sums) failed the run as 10 bad rows.
describe('the group rows of a grouped list', () => {
  it('a label with a count in parentheses, and only numbers beside it: dropped as totals; a deal named so, with its columns filled, is a deal', async () => {
    const csv = [
      'Opportunity,Customer,Salesperson,Expected Revenue,Stage,Probability,Created on',
      'Marc Demo (3),,,12000,,86.67,',
      '    Won (2),,,9000,,100,',
      'Desks,Deco Addict,Marc Demo,5000,Won,100,2026-01-07 10:00:00',
      'Sofas,Wood Corner,Marc Demo,4000,Won,100,2026-01-08 10:00:00',
      '    New (1),,,"3,000.00",,10,',
      'Chairs (2),Gemini Furniture,Marc Demo,3000,New,10,2026-01-09 11:00:00',
    ].join('\n');
    writeFileSync(path.join(dir, 'grouped.csv'), `${csv}\n`);
    for (const textRows of [false, true]) {
      const { store, report } = await importDeals('grouped.csv', { cwd: dir, stdin: process.stdin, textRows });
      expect(store.toDeals().map((d) => d.amount)).toEqual([5000, 4000, 3000]);
      expect(report.dropped).toEqual({ 'totals row': 3 });
      expect(report.skippedCount).toBe(0);
    }
  });
});

// A workbook written by a script: its totals row's =SUM has no value, read as an empty cell. The row
// stopped the run unless «Итого» stood left of the sum (a tester's deals_total_c4…c8, _manager, _nolabel).
describe('a workbook\'s row of formulas saved without their values', () => {
  const WIDTH = 8;
  /** A row of 8 cells with the given ones filled (by column from 0). */
  const row = (filled: Record<number, string>) => Array.from({ length: WIDTH }, (_, i) => filled[i] ?? '');
  const sum = { col: 2, aggregate: true };
  const judge = (cells: string[], formulas: Array<{ col: number; aggregate: boolean }>) => new RowFilter().totalsWithFormulas(cells, formulas, WIDTH);

  it('is a totals row wherever its label stands: left of the sums, right of them, in the manager column', () => {
    for (const at of [0, 1, 3, 4, 5, 6, 7]) expect(judge(row({ [at]: 'Итого' }), [sum]), `label in column ${at}`).toBe(true);
    expect(judge(row({ 3: 'Итого:' }), [sum])).toBe(true);
    expect(judge(row({ 4: 'Grand Total' }), [sum])).toBe(true);
    expect(judge(row({ 3: 'Иванов Итог' }), [{ col: 2, aggregate: true }])).toBe(true);
    // With a label, whatever the formulas compute (=C5*1.2 beside «Итого»: no deal's row).
    expect(judge(row({ 5: 'Итого' }), [{ col: 2, aggregate: false }])).toBe(true);
  });

  it('with no label, is one when every formula aggregates ranges (=SUM, =SUBTOTAL under the table), and no other cell is filled', () => {
    expect(judge(row({}), [sum])).toBe(true);
    expect(judge(row({}), [sum, { col: 0, aggregate: true }])).toBe(true);
    expect(judge(row({}), [{ col: 2, aggregate: false }])).toBe(false);
    expect(judge(row({}), [sum, { col: 8, aggregate: false }])).toBe(false);
  });

  it('is a deal where another cell holds anything but a totals label: its formulas are the deal\'s values', () => {
    expect(judge(row({ 0: '505', 3: 'Петрова Анна', 5: '2025-01-06' }), [sum])).toBe(false);
    expect(judge(row({ 3: 'Итого', 4: 'Успешно реализовано' }), [sum])).toBe(false);
    // «Total Wine…» with words after the label, in a row filled beyond half its columns: a deal, as with the value.
    expect(judge(row({ 1: 'Total Wine roll-out', 3: 'Ann', 4: 'Closed Won', 5: '2025-03-04' }), [sum])).toBe(false);
    expect(judge(row({ 1: 'Total Wine roll-out', 3: 'Ann', 4: 'x', 5: 'Итого' }), [sum])).toBe(false);
    // The same words in a row of the label and its sum: a totals row («Итого за январь»).
    expect(judge(row({ 3: 'Итого за январь' }), [sum])).toBe(true);
  });
});
