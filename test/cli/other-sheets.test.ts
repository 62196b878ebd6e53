// A workbook with two sheets of deals (one per pipeline): the first is read, as the spec says, and the
// second was dropped without a word (tester T13 F2). Now it is said, on stderr and in dataQuality, with
// its rows and the fixes; --sheet reads the other and says nothing. The real binary runs on workbooks made here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-other-sheets-'));
const HEADER = ['ID', 'Ответственный', 'Этап сделки', 'Бюджет', 'Дата создания', 'Дата закрытия'];
const day = (d: number) => new Date(Date.UTC(2025, 1, d, 10));

/** `n` deals from id `from`: every other one won (1 000 each), the rest lost. */
function deals(from: number, n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [from + i, i % 2 ? 'Петров' : 'Иванов', i % 2 ? 'Закрыто и не реализовано' : 'Успешно реализовано', 1000, day(1 + (i % 20)), day(2 + (i % 20))]);
}

async function workbook(name: string, sheets: Array<{ name: string; rows: unknown[][]; hidden?: boolean }>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    s.rows.forEach((r) => ws.addRow(r));
  }
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

const kpi = (file: string, lang: 'ru' | 'en', more: string[] = []) => runCli(['kpi', '-d', file, ...more, '--now', '2025-04-01', '--format', 'json', '--lang', lang]);

describe('a workbook with another sheet of deals', () => {
  it('reads the first sheet and says the other, its rows and the fixes, in both languages', async () => {
    const file = await workbook('two.xlsx', [{ name: 'Воронка 1', rows: [HEADER, ...deals(1, 4)] }, { name: 'Воронка 2', rows: [HEADER, ...deals(11, 4)] }, { name: 'Заметки', rows: [['выгружено 01.03.2025']] }]);
    const ru = kpi(file, 'ru');
    expect(ru.code).toBe(0);
    const out = JSON.parse(ru.stdout);
    expect(out.total.leads).toBe(4);
    expect(out.dataQuality.alerts).toContainEqual({ code: 'other-sheets', file, sheet: 'Воронка 1', sheets: [{ sheet: 'Воронка 2', rows: 4 }] });
    expect(ru.stderr).toContain(`${file}: прочитан только лист «Воронка 1», а в книге есть ещё лист с заголовком того же вида: «Воронка 2» — 4 строки; он не прочитан. Чтобы прочитать другой лист, укажите --sheet "Воронка 2"; чтобы посчитать всё вместе, объедините листы в один.`);
    expect(ru.stderr).not.toMatch(/[a-z]{4,} (sheet|read)/);
    const en = kpi(file, 'en');
    expect(en.stderr).toContain(`${file}: only the sheet "Воронка 1" was read, and the workbook has another sheet with a header of the same kind: "Воронка 2", 4 rows; it is not read. To read another sheet, pass --sheet "Воронка 2"; to count them together, join the sheets into one.`);
  });

  it('--sheet reads the other sheet and says nothing', async () => {
    const file = await workbook('chosen.xlsx', [{ name: 'Воронка 1', rows: [HEADER, ...deals(1, 4)] }, { name: 'Воронка 2', rows: [HEADER, ...deals(11, 6)] }]);
    const r = kpi(file, 'en', ['--sheet', 'Воронка 2']);
    const out = JSON.parse(r.stdout);
    expect(out.total.leads).toBe(6);
    expect(out.dataQuality.alerts.filter((a: { code: string }) => a.code === 'other-sheets')).toEqual([]);
  });

  it('a hidden sheet of many rows is said as hidden, its rows counted past the first ones; a payments sheet says nothing', async () => {
    const payments = [['ID сделки', 'Дата оплаты', 'Оплачено'], [1, day(5), 1000]];
    const file = await workbook('hidden.xlsx', [{ name: 'Сделки', rows: [HEADER, ...deals(1, 4)] }, { name: 'Оплаты', rows: payments }, { name: 'Архив', rows: [['Архив 2024'], HEADER, ...deals(100, 45)], hidden: true }]);
    const r = kpi(file, 'en');
    const out = JSON.parse(r.stdout);
    expect(out.total.leads).toBe(4);
    expect(out.dataQuality.alerts).toContainEqual({ code: 'other-sheets', file, sheet: 'Сделки', sheets: [{ sheet: 'Архив', hidden: true, rows: 45 }] });
    expect(r.stderr).toContain('"Архив" (hidden), 45 rows');
  });

  it('inspect lists the other sheet', async () => {
    const file = await workbook('inspect.xlsx', [{ name: 'A', rows: [HEADER, ...deals(1, 4)] }, { name: 'B', rows: [HEADER, ...deals(11, 3)] }]);
    const r = runCli(['inspect', file, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the workbook has another sheet with a header of the same kind: "B", 3 rows');
  });
});

// Tester T49 F9: deals and calls in one workbook, --sheet «Звонки»: the deals option was told it held a call
// log, with no word that --sheet names the sheet of every workbook of the run.
describe('--sheet given beside one workbook of deals and calls', () => {
  it('the refusal of the deals option says --sheet takes that sheet in every workbook', async () => {
    const calls = [['Дата звонка', 'Сотрудник', 'Тип звонка', 'Длительность', 'ID сделки'], [day(2), 'Иванов', 'Исходящий', 60, 100]];
    await workbook('both.xlsx', [{ name: 'Сделки', rows: [HEADER, ...deals(100, 4)] }, { name: 'Звонки', rows: calls }]);
    const ru = runCli(['kpi', '-d', 'both.xlsx', '-a', 'both.xlsx', '--sheet', 'Звонки', '--lang', 'ru'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('both.xlsx: --deals: на листе «Звонки» (--sheet) — журнал звонков и действий, а не выгрузка сделок');
    expect(ru.stderr).toContain('подсказка: --sheet берёт этот лист в каждой книге запуска; уберите --sheet');
    const en = runCli(['kpi', '-d', 'both.xlsx', '-a', 'both.xlsx', '--sheet', 'Звонки', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('--deals: the sheet "Звонки" (--sheet) holds an activities export, not deals\n  hint: --sheet takes that sheet of every workbook of the run; drop it');
    // Without --sheet each option reads its own sheet.
    expect(runCli(['kpi', '-d', 'both.xlsx', '-a', 'both.xlsx', '--now', '2025-03-01'], { cwd: dir }).code).toBe(0);
  });
});
