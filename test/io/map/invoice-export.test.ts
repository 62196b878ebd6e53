// A CRM's invoice export (Bitrix24's and amoCRM's «Счета», HubSpot's invoices) has one amount, the
// invoice's: it is invoiced, its status says which invoices were paid, a balance column what is left
// to pay (src/io/map/invoice-export.ts, fields.ts, payment-reader.ts). A tester's snippet proposed the
// amount as paid, and following it counted unpaid invoices as paid.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPayments } from '../../../src/io/map/import.js';
import { ColumnsMissing } from '../../../src/io/map/mapping.js';
import { AMOCRM_INVOICES, BITRIX24_INVOICES, HUBSPOT_INVOICES, ONEC_RECEIPTS } from '../../fixtures/invoices.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-invoices-'));

async function read(name: string, text: string, columns?: Record<string, string>) {
  writeFileSync(path.join(dir, name), text);
  return importPayments(name, { cwd: dir, stdin: process.stdin, maxBadRows: { count: 100 }, ...(columns ? { columns } : {}) });
}

/** The --map snippet's columns a refused payments file is given. */
async function proposed(name: string, text: string): Promise<Record<string, string> | undefined> {
  const error = await read(name, text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ColumnsMissing);
  return (error as ColumnsMissing).guess?.columns?.payments;
}

/** Each payment as [manager, invoiced, paid]. */
const amounts = (list: Array<{ manager: string; invoiced: number; paid: number }>) => list.map((p) => [p.manager, p.invoiced, p.paid]);

describe('the amount a refused invoice export is proposed for', () => {
  it('is invoiced where the file has an invoice status column (Bitrix24 «Счета»: Статус, Сумма)', async () => {
    expect(await proposed('bitrix24-invoices.csv', BITRIX24_INVOICES)).toEqual({ invoiced: 'Сумма' });
  });

  it('is invoiced where a header names an invoice, with no status column', async () => {
    expect(await proposed('invoice-header.csv', 'Дата;Сумма по счёту;Ответственный\n10.03.2025;100;Анна Петрова\n11.03.2025;250;Борис Иванов')).toEqual({ invoiced: 'Сумма по счёту' });
  });

  it('is paid in a register of receipts (1C: «Сумма», no status, no invoice header)', async () => {
    expect(await proposed('receipts.csv', ONEC_RECEIPTS)).toEqual({ paid: 'Сумма' });
  });
});

describe('an invoice export read with its amount as invoiced', () => {
  it('Bitrix24: paid follows the status (Оплачен in full, Отправлен клиенту 0), the rejected one dropped', async () => {
    const { payments, report } = await read('bitrix24-invoices-mapped.csv', BITRIX24_INVOICES, { invoiced: 'Сумма' });
    // Invoiced 100 000 + 20 000 + 30 000 = 150 000, paid 100 000 + 20 000 = 120 000.
    expect(amounts(payments)).toEqual([['Анна Петрова', 100000, 100000], ['Борис Иванов', 20000, 20000], ['Борис Иванов', 30000, 0]]);
    expect(report.dropped['a rejected or cancelled invoice']).toBe(1);
  });

  it('amoCRM: «Итоговая сумма» is the invoiced amount with no map', async () => {
    const { payments, report } = await read('amocrm-invoices.csv', AMOCRM_INVOICES);
    expect(amounts(payments)).toEqual([['Анна Петрова', 100000, 100000], ['Борис Иванов', 20000, 20000], ['Борис Иванов', 30000, 0]]);
    expect(report.dropped['a rejected or cancelled invoice']).toBe(1);
  });
});

describe('HubSpot invoices with no map', () => {
  it('Amount billed is invoiced, paid is it less Balance due (Open 50 000, 30 000 due: 20 000 paid); Voided dropped', async () => {
    const { payments, report } = await read('hubspot-invoices.csv', HUBSPOT_INVOICES);
    expect(amounts(payments)).toEqual([['Anna Petrova', 100000, 100000], ['Boris Ivanov', 50000, 20000]]);
    expect(payments.map((p) => p.deal_id)).toEqual(['101', '201']);
    expect(report.dropped['a rejected or cancelled invoice']).toBe(1);
  });

  it('a paid column, where the file has one, is read as written: the balance is not subtracted again', async () => {
    const text = 'Invoice status,Amount billed,Amount paid,Balance due,Invoice owner\nOpen,50000,10000,30000,Boris Ivanov';
    const { payments } = await read('hubspot-paid-column.csv', text);
    expect(amounts(payments)).toEqual([['Boris Ivanov', 50000, 10000]]);
  });

  it('a blank balance falls back on the status: Paid is paid in full, Open nothing', async () => {
    const text = 'Invoice status,Amount billed,Balance due,Invoice owner\nPaid,40000,,Anna Petrova\nOpen,25000,,Boris Ivanov';
    const { payments } = await read('hubspot-blank-balance.csv', text);
    expect(amounts(payments)).toEqual([['Anna Petrova', 40000, 40000], ['Boris Ivanov', 25000, 0]]);
  });
});
