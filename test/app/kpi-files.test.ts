// Which amounts a payments file has (paymentColumns): an invoice status column says what was paid only
// where some status read as paid or partly paid; a column of issued invoices, or of words no rule
// knows, says nothing of any payment, and paid is «not known», not 0.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paymentColumns } from '../../src/app/kpi-files.js';
import { importPayments } from '../../src/io/map/import.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-payment-columns-'));
const columnsOf = async (rows: string[]) => {
  writeFileSync(path.join(dir, 'inv.csv'), `${['Сделка;Статус;Сумма счета;Ответственный', ...rows].join('\n')}\n`);
  return paymentColumns((await importPayments('inv.csv', { cwd: dir, stdin: process.stdin })).report);
};

describe('paymentColumns', () => {
  it('a status column with a paid or a partly paid invoice says what was paid', async () => {
    expect(await columnsOf(['501;Оплачен;60 000;Орлова Ольга', '504;Выставлен;25 000;Сомов Семён'])).toEqual({ paidColumn: true, invoicedColumn: true });
    expect(await columnsOf(['503;Частично оплачен;15 000;Сомов Семён', '504;Выставлен;25 000;Сомов Семён'])).toEqual({ paidColumn: true, invoicedColumn: true });
  });

  it('one whose statuses never read as paid does not: issued, cancelled, or words no rule knows', async () => {
    expect(await columnsOf(['503;Выставлен;15 000;Сомов Семён', '504;Не оплачен;25 000;Сомов Семён', '502;Отклонён;9 000;Орлова Ольга'])).toEqual({ paidColumn: false, invoicedColumn: true });
    expect(await columnsOf(['503;Закрыт;15 000;Сомов Семён', '504;В архиве;25 000;Сомов Семён'])).toEqual({ paidColumn: false, invoicedColumn: true });
  });

  it('a paid amount column says it whatever the statuses', async () => {
    writeFileSync(path.join(dir, 'paid.csv'), 'Сделка;Статус;Сумма счета;Оплачено;Ответственный\n503;Выставлен;15 000;0;Сомов Семён\n');
    expect(paymentColumns((await importPayments('paid.csv', { cwd: dir, stdin: process.stdin })).report)).toEqual({ paidColumn: true, invoicedColumn: true });
  });
});
