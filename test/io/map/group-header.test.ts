import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { joinGroupHeader } from '../../../src/io/map/group-header.js';
import { runCli } from '../../helpers/cli.js';

// A header over two rows whose group cell «Дата» is merged over «создания» | «закрытия» (T34 F9): it was
// refused (no created_at column); joined, the names are the standard «Дата создания», «Дата закрытия».

const rowsOf = (...rows: string[][]) => rows.map((cells) => ({ cells }));
const DATA = ['1', 'Anna', '2025-01-02', '2025-01-10', 'won', '1000'];

describe('joinGroupHeader', () => {
  it('joins a group over the names under it: the lower row becomes the header row', () => {
    const rows = rowsOf(['ID', 'Ответственный', 'Дата', '', 'Этап сделки', 'Бюджет'], ['', '', 'создания', 'закрытия', '', ''], DATA);
    expect(joinGroupHeader(rows, 0, 'deals')).toBe(1);
    expect(rows[1]!.cells).toEqual(['ID', 'Ответственный', 'Дата создания', 'Дата закрытия', 'Этап сделки', 'Бюджет']);
  });

  it('so where the cells merged down repeat the header in the lower row (a workbook shows their value in each row)', () => {
    const rows = rowsOf(['ID', 'Ответственный', 'Дата', '', 'Этап сделки', 'Бюджет'], ['ID', 'Ответственный', 'создания', 'закрытия', 'Этап сделки', 'Бюджет'], DATA);
    expect(joinGroupHeader(rows, 0, 'deals')).toBe(1);
    expect(rows[1]!.cells).toEqual(['ID', 'Ответственный', 'Дата создания', 'Дата закрытия', 'Этап сделки', 'Бюджет']);
  });

  it('so where the header found is the lower row, its names joined to the group above them', () => {
    const rows = rowsOf(['', '', 'Дата', '', '', ''], ['ID', 'Ответственный', 'создания', 'закрытия', 'Этап сделки', 'Бюджет'], DATA);
    expect(joinGroupHeader(rows, 1, 'deals')).toBe(1);
    expect(rows[1]!.cells).toEqual(['ID', 'Ответственный', 'Дата создания', 'Дата закрытия', 'Этап сделки', 'Бюджет']);
  });

  it('leaves full names under groups, a title above, and a data row under the header as they are', () => {
    const groups = rowsOf(['Сделка', '', 'Даты', '', 'Результат', ''], ['ID', 'Ответственный', 'Дата создания', 'Дата закрытия', 'Этап сделки', 'Бюджет'], DATA);
    expect(joinGroupHeader(groups, 1, 'deals')).toBe(1);
    expect(groups[1]!.cells).toEqual(['ID', 'Ответственный', 'Дата создания', 'Дата закрытия', 'Этап сделки', 'Бюджет']);
    const title = rowsOf(['Отчёт по сделкам', '', '', ''], ['ID', 'Ответственный', 'Этап сделки', 'Бюджет'], ['1', 'Anna', 'won', '1000']);
    expect(joinGroupHeader(title, 1, 'deals')).toBe(1);
    expect(title[1]!.cells).toEqual(['ID', 'Ответственный', 'Этап сделки', 'Бюджет']);
    // A text-only first row under the header: no name joins, nothing changes.
    const text = rowsOf(['Ответственный', 'Этап сделки', 'Дата'], ['Anna', 'Новая', 'создания']);
    expect(joinGroupHeader(text, 0, 'deals')).toBe(0);
    expect(text[0]!.cells).toEqual(['Ответственный', 'Этап сделки', 'Дата']);
  });

  it('keeps the names a --map file names as they stand', () => {
    const rows = rowsOf(['ID', 'Ответственный', 'Дата', '', 'Этап сделки'], ['', '', 'создания', 'закрытия', ''], DATA);
    expect(joinGroupHeader(rows, 0, 'deals', ['Дата'])).toBe(0);
    expect(rows[0]!.cells).toEqual(['ID', 'Ответственный', 'Дата', '', 'Этап сделки']);
  });

  it('joins a name hyphenated across a line break where that makes a known name, and only there', () => {
    const rows = rowsOf(['ID', 'Ответствен-\nный', 'Дата\nсоздания', 'Этап\r\nсделки', 'Северо-\nзапад'], DATA);
    expect(joinGroupHeader(rows, 0, 'deals')).toBe(0);
    expect(rows[0]!.cells).toEqual(['ID', 'Ответственный', 'Дата\nсоздания', 'Этап\r\nсделки', 'Северо-\nзапад']);
    expect(joinGroupHeader(rows, -1, 'deals')).toBe(-1);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-group-header-'));

/** Deals 1-3: Anna won 1000 (8 days), Boris lost 2000, Anna won 5000 (10 days): revenue 6000, median cycle 9 days. */
const DEALS: Array<[number, string, Date, Date, string, number]> = [
  [1, 'Anna', new Date(Date.UTC(2025, 0, 2, 10)), new Date(Date.UTC(2025, 0, 10, 10)), 'won', 1000],
  [2, 'Boris', new Date(Date.UTC(2025, 0, 3, 10)), new Date(Date.UTC(2025, 0, 11, 10)), 'lost', 2000],
  [3, 'Anna', new Date(Date.UTC(2025, 0, 4, 10)), new Date(Date.UTC(2025, 0, 14, 10)), 'won', 5000],
];

async function workbook(name: string, header: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Сделки');
  header(ws);
  for (const d of DEALS) ws.addRow(d);
  ws.getColumn(3).numFmt = 'dd.mm.yyyy hh:mm';
  ws.getColumn(4).numFmt = 'dd.mm.yyyy hh:mm';
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

function kpi(file: string) {
  const run = runCli(['kpi', '-d', file, '--now', '2025-06-01', '--format', 'json']);
  const out = JSON.parse(run.stdout || '{}') as { total?: { leads: number; won: number; revenue: number; cycle_days_median: number }; dataQuality?: { rowsSkippedCount: number } };
  return { code: run.code, stderr: run.stderr, total: out.total, skipped: out.dataQuality?.rowsSkippedCount };
}

describe('kpi on a workbook with a two-row header', () => {
  it('reads «Дата» merged over «создания» | «закрытия» as «Дата создания» and «Дата закрытия»', async () => {
    const file = await workbook('merged-group.xlsx', (ws) => {
      ws.addRow(['ID', 'Ответственный', 'Дата', null, 'Этап сделки', 'Бюджет']);
      ws.addRow([null, null, 'создания', 'закрытия']);
      ws.mergeCells('C1:D1');
      for (const col of ['A', 'B', 'E', 'F']) ws.mergeCells(`${col}1:${col}2`);
    });
    const run = kpi(file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.total).toMatchObject({ leads: 3, won: 2, revenue: 6000, cycle_days_median: 9 });
    expect(run.skipped).toBe(0);
    const inspect = runCli(['inspect', file]);
    expect(inspect.stdout).toContain('3. "Дата создания"                      -> created_at');
    expect(inspect.stdout).toContain('4. "Дата закрытия"                      -> closed_at');
  });

  it('reads a header hyphenated across a line break («Ответствен-\\nный») as «Ответственный»', async () => {
    const file = await workbook('hyphen.xlsx', (ws) => void ws.addRow(['ID', 'Ответствен-\nный', 'Дата\nсоздания', 'Дата\nзакрытия', 'Этап\nсделки', 'Бюджет']));
    const run = kpi(file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.total).toMatchObject({ leads: 3, won: 2, revenue: 6000, cycle_days_median: 9 });
  });
});
