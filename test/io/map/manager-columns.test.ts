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
import { importActivities, importDeals, importPayments, type ImportReport } from '../../../src/io/map/import.js';
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

// The same list for the deals and the payments: a CRM export with the owner blank on some deals and the
// one who created them beside (`manager: ["Ответственный", "Создал"]`). Only the first column was read,
// and a deal or payment blank there was dropped «нет менеджера».
const DEAL_HEADER = ['ID', 'Ответственный', 'Создал', 'Дата создания', 'Этап', 'Бюджет'];
const DEAL_ROWS = [
  ['1', 'Анна', '', '01.03.2025', 'Переговоры', '100'],
  ['2', '', 'Борис', '02.03.2025', 'Переговоры', '200'],
  // Both filled: the first column listed wins.
  ['3', 'Анна', 'Борис', '03.03.2025', 'Переговоры', '300'],
  // Neither: no manager.
  ['4', '', '', '04.03.2025', 'Переговоры', '400'],
  // No id, a manager in the second column and a date: a deal amid the others (idlessDeals), not a footer.
  ['', '', 'Борис', '05.03.2025', 'Переговоры', '500'],
  ['6', '', 'Борис', '06.03.2025', 'Переговоры', '600'],
];
const DEAL_COLUMNS = { columns: { id: 'ID', manager: ['Ответственный', 'Создал'], created_at: 'Дата создания', stage: 'Этап', amount: 'Бюджет' } };

const PAY_HEADER = ['Сделка', 'Ответственный', 'Создал', 'Сумма', 'Оплачено', 'Дата оплаты'];
const PAY_ROWS = [
  ['', 'Анна', '', '1000', '1000', '10.03.2025'],
  ['', '', 'Борис', '2000', '500', '11.03.2025'],
  ['', 'Анна', 'Борис', '3000', '0', '12.03.2025'],
  // Neither, and no deal: nobody's payment.
  ['', '', '', '4000', '4000', '13.03.2025'],
];
const PAY_COLUMNS = { columns: { deal_id: 'Сделка', manager: ['Ответственный', 'Создал'], invoiced: 'Сумма', paid: 'Оплачено', paid_at: 'Дата оплаты' } };

describe('manager: a list of columns in deals and payments', () => {
  writeFileSync(path.join(dir, 'deals.csv'), `${[DEAL_HEADER, ...DEAL_ROWS].map((r) => r.join(';')).join('\n')}\n`);
  writeFileSync(path.join(dir, 'payments.csv'), `${[PAY_HEADER, ...PAY_ROWS].map((r) => r.join(';')).join('\n')}\n`);

  async function deals(file: string, textRows: boolean): Promise<void> {
    const { store, report } = await importDeals(file, { cwd: dir, stdin: process.stdin, textRows, ...DEAL_COLUMNS });
    expect(store.toDeals().map((d) => `${d.id} ${d.manager}`)).toEqual(['1 Анна', '2 Борис', '3 Анна', '6 Борис']);
    expect(report.skipped.map((s) => [s.row, s.reason])).toEqual([[5, 'no manager (a deal assigned to no one)']]);
    expect(report.idlessDeals).toBe(1);
  }

  async function payments(file: string, textRows: boolean): Promise<void> {
    const { payments: list, report } = await importPayments(file, { cwd: dir, stdin: process.stdin, textRows, ...PAY_COLUMNS });
    expect(list.map((p) => `${p.manager} ${p.invoiced} ${p.paid}`)).toEqual(['Анна 1000 1000', 'Борис 2000 500', 'Анна 3000 0']);
    expect(report.skipped.map((s) => [s.row, s.reason])).toEqual([[5, 'a payment needs a deal id or a manager']]);
  }

  it.each([false, true])('deals take the first filled one on each row (CSV, text rows: %s)', async (textRows) => {
    await deals('deals.csv', textRows);
  });

  it.each([false, true])('payments take the first filled one on each row (CSV, text rows: %s)', async (textRows) => {
    await payments('payments.csv', textRows);
  });

  it('in XLSX workbooks too', async () => {
    const { default: ExcelJS } = await import('exceljs');
    for (const [name, rows] of [['deals.xlsx', [DEAL_HEADER, ...DEAL_ROWS]], ['payments.xlsx', [PAY_HEADER, ...PAY_ROWS]]] as const) {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('data').addRows(rows.map((r) => [...r]));
      writeFileSync(path.join(dir, name), Buffer.from(await wb.xlsx.writeBuffer()));
    }
    await deals('deals.xlsx', true);
    await payments('payments.xlsx', true);
  });
});
