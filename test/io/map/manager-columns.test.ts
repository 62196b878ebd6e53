// A --map file's list of manager columns (`manager: ["answering_pin", "orig_pin"]`: Rostelecom's cloud
// PBX names the employee of an incoming call in one and of an outgoing call in the other) reads the first
// filled one on each row, as `at` reads a list. Before, the first alone was read: every outgoing call was
// dropped «нет менеджера», exit 0. CSV on the byte path and the text path, and an XLSX workbook.
// Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities, type ImportReport } from '../../../src/io/map/import.js';
import { buildValueMaps } from '../../../src/io/map/value-maps.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-manager-columns-'));

const HEADER = ['call_id', 'dir', 'answered', 'from_number', 'from_ext', 'to_number', 'to_ext', 'started', 'talk'];
const ROWS = [
  ['k1', '1', '1', '79264000001', '', '74950000000', '301', '2025-06-02 09:00:00', '40'],
  ['k2', '2', '1', '74950000000', '302', '79264000002', '', '2025-06-02 09:10:00', '75'],
  // Incoming, nobody took it: neither column names an employee.
  ['k3', '1', '2', '79264000003', '', '74950000000', '', '2025-06-02 09:20:00', '0'],
  ['k4', '2', '2', '74950000000', '301', '79264000004', '', '2025-06-02 09:30:00', '0'],
  // Both filled: the first column listed wins.
  ['k5', '1', '1', '79264000005', '399', '74950000000', '302', '2025-06-02 09:40:00', '20'],
];

const OPTIONS = {
  columns: { manager: ['to_ext', 'from_ext'], at: 'started', duration_s: 'talk', direction: 'dir', missed: 'answered', caller: 'from_number', callee: 'to_number' },
  valueMaps: buildValueMaps({ direction: { '1': 'in', '2': 'out' }, missed: { '1': false, '2': true } }),
};

/** Each call read as «manager direction duration», and the report. */
async function read(file: string, textRows: boolean): Promise<{ calls: string[]; report: ImportReport }> {
  const list: Activity[] = [];
  const { report } = await importActivities(file, { cwd: dir, stdin: process.stdin, textRows, ...OPTIONS }, (a) => list.push(a));
  return { calls: list.map((a) => `${a.manager} ${a.direction}${a.missed ? ' missed' : ''} ${a.duration_s}`), report };
}

function expectRead({ calls, report }: { calls: string[]; report: ImportReport }): void {
  expect(calls).toEqual(['301 in 40', '302 out 75', '301 out 0', '302 in 20']);
  // The missed call no column names is the one row skipped, as a missed call with no employee.
  expect(report.skipped.map((s) => [s.row, s.reason])).toEqual([[4, 'no manager (a missed incoming call)']]);
}

describe('manager: a list of columns', () => {
  writeFileSync(path.join(dir, 'history.csv'), `${[HEADER, ...ROWS].map((r) => r.join(';')).join('\n')}\n`);

  it.each([false, true])('takes the first filled one on each row (CSV, text rows: %s)', async (textRows) => {
    expectRead(await read('history.csv', textRows));
  });

  it('in an XLSX workbook too', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('calls').addRows([HEADER, ...ROWS]);
    writeFileSync(path.join(dir, 'history.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    expectRead(await read('history.xlsx', true));
  });
});
