// Tester T31 (F5): a skipped row was said by its text line. After an amoCRM deal whose note holds a
// line break, «строка 9» was the next deal in Excel (deal 108, which has a manager), not the one
// without a manager (deal 107, Excel's row 8). A row is now numbered as a spreadsheet shows it, with
// the line of the file beside it where a multi-line cell above makes them differ.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { csv } from '../fixtures/exports.js';

const HEADER = ['ID', 'Название сделки', 'Бюджет', 'Ответственный', 'Дата создания сделки', 'Дата закрытия', 'Примечание', 'Этап сделки'];
const deal = (id: number, manager: string, note = '', created = `0${(id % 9) + 1}.11.2026 10:00:00`) => [String(id), `Сделка ${id}`, '1000', manager, created, 'не закрыта', note, 'Первичный контакт'];
/**
 * Deal 101 (row 3) has a two-line note, deal 107 (row 8, line 9) no readable creation date; deal 100 (row 2)
 * none either, above the note. (They had no manager: a deal assigned to no one is now skipped by rule, said
 * in its own alert and not against --max-bad-rows.)
 */
const ROWS = [deal(100, 'Иванова Анна', '', 'вчера'), deal(101, 'Иванова Анна', 'Клиент просил\nперезвонить'), ...[103, 104, 105, 106].map((id) => deal(id, 'Петров Олег')), deal(107, 'Петров Олег', '', 'вчера'), deal(108, 'Сидоров Иван')];

function folder(rows: string[][]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'skipped-rows-'));
  writeFileSync(path.join(dir, 'deals.csv'), csv([HEADER, ...rows], { bom: true }));
  return dir;
}

describe('a skipped row is said by its row as a spreadsheet shows it, with its line of the file where that differs', () => {
  it('on stderr in Russian and English, and in the JSON (rowsSkipped[].row and .line)', () => {
    const dir = folder(ROWS);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--now', '2026-12-05', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toContain('deals.csv, строка 2, колонка «Дата создания сделки»: «вчера» — не дата');
    expect(ru.stderr).toContain('deals.csv, строка 8 (строка файла 9), колонка «Дата создания сделки»: «вчера» — не дата');
    const en = runCli(['kpi', '-d', 'deals.csv', '--now', '2026-12-05', '--lang', 'en', '--format', 'json'], { cwd: dir });
    expect(en.stderr).toContain('deals.csv, row 2, column "Дата создания сделки": "вчера" is not a date');
    expect(en.stderr).toContain('deals.csv, row 8 (line 9 of the file), column "Дата создания сделки": "вчера" is not a date');
    expect(JSON.parse(en.stdout).dataQuality.rowsSkipped).toEqual([
      { file: 'deals.csv', row: 2, column: 'Дата создания сделки', reason: '"вчера" is not a date' },
      { file: 'deals.csv', row: 8, line: 9, column: 'Дата создания сделки', reason: '"вчера" is not a date' },
    ]);
  });

  it('in the examples of a run stopped by --max-bad-rows', () => {
    const dir = folder(ROWS);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--now', '2026-12-05', '--lang', 'ru', '--max-bad-rows', '1'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('  строка 2, колонка «Дата создания сделки»: «вчера» — не дата\n  строка 8 (строка файла 9), колонка «Дата создания сделки»: «вчера» — не дата');
    const en = runCli(['kpi', '-d', 'deals.csv', '--now', '2026-12-05', '--lang', 'en', '--max-bad-rows', '1'], { cwd: dir });
    expect(en.stderr).toContain('  row 2, column "Дата создания сделки": "вчера" is not a date\n  row 8 (line 9 of the file), column "Дата создания сделки": "вчера" is not a date');
  });

  // hF59's doubt: inspect and the workbook's quality sheet showed the row without the file's line.
  it('in inspect and the workbook\'s quality sheet', async () => {
    const dir = folder(ROWS);
    const inspect = runCli(['inspect', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(inspect.stdout).toContain('  строка 8 (строка файла 9), колонка «Дата создания сделки»: «вчера» — не дата');
    const run = runCli(['kpi', '-d', 'deals.csv', '--now', '2026-12-05', '--lang', 'en', '-o', 'out.xlsx'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out.xlsx'));
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : [])));
    expect(cells).toContain('row 8 (line 9 of the file)');
  });

  it('without multi-line cells a row is its line, said once', () => {
    const dir = folder(ROWS.map((r) => r.map((c) => c.replace('\n', ' '))));
    const en = runCli(['kpi', '-d', 'deals.csv', '--now', '2026-12-05', '--lang', 'en', '--format', 'json'], { cwd: dir });
    expect(en.stderr).toContain('deals.csv, row 8, column "Дата создания сделки": "вчера" is not a date');
    expect(en.stderr).not.toContain('of the file');
    expect(JSON.parse(en.stdout).dataQuality.rowsSkipped.map((s: { row: number; line?: number }) => [s.row, s.line])).toEqual([[2, undefined], [8, undefined]]);
  });
});
