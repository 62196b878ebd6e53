// A workbook written by a script (exceljs here, as a tester's generator) saves its formulas without
// their computed values. A totals row's =SUM stopped the run (exit 2) unless its «Итого» stood left of
// it; a formula in a column no field reads («Маржа», a budget's «Итого») stopped it too. The real binary
// is run on workbooks made here, and its numbers compared with those of the same file without the row.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-uncalculated-'));

const HEADER = ['ID', 'Название сделки', 'Бюджет', 'Ответственный', 'Этап сделки', 'Дата создания', 'Дата закрытия', 'Компания'];
const day = (d: number) => new Date(Date.UTC(2025, 0, d, 10));
/** Four deals: two won (100 000 and 70 000), one lost, one open: revenue 170 000. */
const DEALS: unknown[][] = [
  [501, 'С1', 100000, 'Иванов Иван', 'Успешно реализовано', day(2), day(12), 'А'],
  [502, 'С2', 50000, 'Иванов Иван', 'Закрыто и не реализовано', day(3), day(13), 'Б'],
  [503, 'С3', 70000, 'Петрова Анна', 'Успешно реализовано', day(4), day(14), 'В'],
  [504, 'С4', 30000, 'Петрова Анна', 'Переговоры', day(5), null, 'Г'],
];

/**
 * A deals workbook: the header, the four deals (each with `extra` cells after its own, by row number),
 * then `last` as row 6 (cells by column letter), its formulas saved without values.
 */
async function workbook(name: string, last?: Record<string, unknown>, extra?: { header: string; cell: (row: number) => unknown }): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Сделки');
  ws.addRow(extra ? [...HEADER, extra.header] : HEADER);
  DEALS.forEach((d, i) => ws.addRow(extra ? [...d, extra.cell(i + 2)] : d));
  for (const [col, value] of Object.entries(last ?? {})) ws.getCell(`${col}6`).value = value as ExcelJS.CellValue;
  ws.getColumn(6).numFmt = 'dd.mm.yyyy hh:mm';
  ws.getColumn(7).numFmt = 'dd.mm.yyyy hh:mm';
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

const kpi = (file: string, lang: 'ru' | 'en' = 'ru', more: string[] = []) => runCli(['kpi', '-d', file, ...more, '--now', '2025-03-01', '--format', 'json', '--lang', lang]);

interface Result {
  total: Record<string, unknown>;
  managers: unknown[];
  dataQuality: { files: Array<{ records: number; rowsRead: number; dropped: Record<string, number> }> };
}

const SUM = { formula: 'SUM(C2:C5)' };

describe('a totals row whose =SUM was saved without its value', () => {
  it.each([
    ['label left of the sum', { A: 'Итого', C: SUM }],
    ['label right of the sum', { C: SUM, D: 'Итого' }],
    ['label far right', { C: SUM, H: 'Итого' }],
    ['label in the manager column, with a colon', { C: SUM, D: 'Итого:' }],
    ['English label right of the sum', { C: SUM, E: 'Total' }],
    ['no label, a row of =SUM alone', { C: SUM }],
    ['no label, SUBTOTAL and COUNTA', { A: { formula: 'COUNTA(A2:A5)' }, C: { formula: 'SUBTOTAL(9,C2:C5)' } }],
    ['«Итого за январь» right of the sum', { C: SUM, D: 'Итого за январь' }],
  ])('is dropped as a totals row (%s): the numbers are those of the file without it', async (what, last) => {
    const slug = what.replace(/[^a-z]+/gi, '-');
    const plain = kpi(await workbook(`plain-${slug}.xlsx`));
    expect(plain.code, plain.stderr).toBe(0);
    const run = kpi(await workbook(`total-${slug}.xlsx`, last));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const [want, got] = [JSON.parse(plain.stdout) as Result, JSON.parse(run.stdout) as Result];
    expect(got.total).toMatchObject({ leads: 4, won: 2, lost: 1, open: 1, revenue: 170000 });
    expect(got.total).toEqual(want.total);
    expect(got.managers).toEqual(want.managers);
    expect(got.dataQuality.files[0]).toMatchObject({ records: 4, rowsRead: 5, dropped: { 'totals row': 1 } });
  });

  it('inspect reads it too (it stopped with exit 2), and counts it as a totals row', async () => {
    const file = await workbook('inspect-label-right.xlsx', { C: SUM, D: 'Итого' });
    const run = runCli(['inspect', file, '--lang', 'ru']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/отброшено:\s+строка итогов: 1/);
    const none = runCli(['inspect', await workbook('inspect-no-label.xlsx', { C: SUM })]);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/totals row: 1/);
  });

  it('a shared =SUM across the row (its later cells have no formula text of their own), with or without a label', async () => {
    const shared = { C: { formula: 'SUM(C2:C5)', shareType: 'shared', ref: 'C6:D6' }, D: { sharedFormula: 'C6' } };
    for (const [name, last] of [['shared-sum.xlsx', shared], ['shared-sum-label.xlsx', { ...shared, E: 'Итого' }]] as const) {
      const run = kpi(await workbook(name, last));
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as Result).total).toMatchObject({ leads: 4, won: 2, revenue: 170000 });
      expect((JSON.parse(run.stdout) as Result).dataQuality.files[0]).toMatchObject({ records: 4, dropped: { 'totals row': 1 } });
    }
  });

  it('a deal\'s own formula is no totals row: the amount a field reads still stops the run with the fix, in Russian and in English', async () => {
    // A row of one computed amount and nothing else: no label, and =500*2 sums up no range.
    const alone = await workbook('amount-alone.xlsx', { C: { formula: '500*2' } });
    const ru = kpi(alone, 'ru');
    expect(ru.code).toBe(2);
    expect(ru.stdout).toBe('');
    expect(ru.stderr).toContain('amount-alone.xlsx, строка 6: в ячейке «C6» листа «Сделки» формула «=500*2» без вычисленного значения');
    expect(ru.stderr).toContain('откройте файл в Excel или LibreOffice и сохраните его');
    expect(latinWords(ru.stderr.replace(/\S*amount-alone\.xlsx/, ''))).toEqual([]);
    const en = kpi(alone, 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('cell C6 of sheet "Сделки" holds the formula =500*2 with no computed value');
    expect(en.stderr).toContain('open the file in Excel or LibreOffice and save it');
    // A deal row whose amount is a formula never calculated, beside a label-looking name: still the deal's value.
    const deal = await workbook('deal-amount.xlsx', { A: 505, B: 'Итого по проекту', C: SUM, D: 'Петрова Анна', E: 'Успешно реализовано', F: day(6), G: day(16) });
    expect(kpi(deal).stderr).toContain('в ячейке «C6» листа «Сделки» формула «=SUM(C2:C5)» без вычисленного значения');
  });
});

describe('a formula without its value in a column no field reads', () => {
  it('is read as an empty cell («Маржа» of =C2*0.3 on every deal), with a totals row under it', async () => {
    const margin = { header: 'Маржа', cell: (row: number) => ({ formula: `C${row}*0.3` }) };
    const plain = kpi(await workbook('margin-plain.xlsx'));
    const run = kpi(await workbook('margin.xlsx', { A: 'Итого', C: SUM, I: { formula: 'SUM(I2:I5)' } }, margin));
    expect(run.code, run.stderr).toBe(0);
    const [want, got] = [JSON.parse(plain.stdout) as Result, JSON.parse(run.stdout) as Result];
    expect(got.total).toEqual(want.total);
    expect(got.managers).toEqual(want.managers);
    expect(got.dataQuality.files[0]).toMatchObject({ records: 4, dropped: { 'totals row': 1 } });
    expect(runCli(['inspect', await workbook('margin-inspect.xlsx', undefined, margin)]).code).toBe(0);
  });

  it('a budget with months across: its «Итого» column of =SUM is not read, the months are', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Бюджет');
    ws.addRow(['Бюджет маркетинга 2025']);
    ws.addRow([]);
    ws.addRow(['Канал', new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2025, 1, 1)), 'Итого']);
    ws.addRow(['Яндекс', 30000, 20000, { formula: 'SUM(B4:C4)' }]);
    ws.addRow(['Сайт', 10000, null, { formula: 'SUM(B5:C5)' }]);
    ws.getRow(3).getCell(2).numFmt = 'mmmm yyyy';
    ws.getRow(3).getCell(3).numFmt = 'mmmm yyyy';
    const spend = path.join(dir, 'spend-across.xlsx');
    writeFileSync(spend, Buffer.from(await wb.xlsx.writeBuffer()));
    const deals = await workbook('spend-deals.xlsx');
    const run = runCli(['kpi', '-d', deals, '--spend', spend, '--now', '2025-03-01', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result.total.spend).toBe(60000);
    // Two rows read, two records (a row of months across is one record, however many months it fills).
    expect(result.dataQuality.files[1]).toMatchObject({ rowsRead: 2, records: 2 });
  });
});

describe('the XLSX reader stays unloaded on text runs', () => {
  // The importer judges a workbook's formulas by a module of its own: a CSV run still loads no zip reader.
  it('kpi on a CSV runs with the zip library forbidden; on a workbook it loads it (so the check means something)', async () => {
    const forbid = path.join(ROOT, 'test/helpers/forbid-libs.mjs');
    const run = (file: string) => spawnSync(process.execPath, ['--import', forbid, BIN, 'kpi', '-d', file, '--format', 'json'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORBID_LIBS: 'yauzl' }, encoding: 'utf8', timeout: 60_000 });
    const csv = run('samples/amocrm-deals.csv');
    expect(csv.status, csv.stderr).toBe(0);
    expect(run(await workbook('forbid.xlsx', { C: SUM, D: 'Итого' })).stderr).toContain('library loaded: yauzl');
  });
});
