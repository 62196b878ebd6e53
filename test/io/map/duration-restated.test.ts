// A duration whose cell restates it in brackets (Issabel's and Elastix's CDR report: `120s (2m 0s)` from
// a minute up; another log's `120 (2 мин)`) is read, the bracket set aside; one whose bracket says another
// duration is refused, naming the column. CSV on the byte path and the text path, and an XLSX workbook.
// Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities, type ImportReport } from '../../../src/io/map/import.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-duration-restated-'));

const HEADER = ['Сотрудник', 'Дата звонка', 'Тип звонка', 'Длительность'];
const ROWS = [
  ['Анна Смирнова', '03.03.2025 10:00', 'Исходящий', '125s (2m 5s)'],
  ['Анна Смирнова', '03.03.2025 10:10', 'Исходящий', '45s'],
  ['Олег Котов', '03.03.2025 10:20', 'Исходящий', '90 (1,5 мин)'],
  ['Олег Котов', '03.03.2025 10:30', 'Исходящий', '3600s (1h 0m 0s)'],
  // Disagrees: 120 s said as 2 min 5 s.
  ['Олег Котов', '03.03.2025 10:40', 'Исходящий', '120s (2m 5s)'],
];

/** The durations read, in file order, and the report. */
async function read(file: string, textRows: boolean): Promise<{ seconds: Array<number | null>; report: ImportReport }> {
  const list: Activity[] = [];
  const { report } = await importActivities(file, { cwd: dir, stdin: process.stdin, textRows, maxBadRows: { count: 5 } }, (a) => list.push(a));
  return { seconds: list.map((a) => a.duration_s), report };
}

function expectRead({ seconds, report }: { seconds: Array<number | null>; report: ImportReport }): void {
  expect(seconds).toEqual([125, 45, 90, 3600]);
  expect(report.skippedCount).toBe(1);
  expect(report.skipped[0]).toMatchObject({ row: 6, column: 'Длительность', reason: '"120s (2m 5s)" is not a duration' });
}

describe('a duration restated in brackets', () => {
  writeFileSync(path.join(dir, 'calls.csv'), `${[HEADER, ...ROWS].map((r) => r.join(';')).join('\n')}\n`);

  it.each([false, true])('is read, the bracket set aside; one that disagrees is refused (CSV, text rows: %s)', async (textRows) => {
    expectRead(await read('calls.csv', textRows));
  });

  it('in an XLSX workbook too', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('CDR').addRows([HEADER, ...ROWS]);
    writeFileSync(path.join(dir, 'calls.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    expectRead(await read('calls.xlsx', true));
  });
});
