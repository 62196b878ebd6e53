import type { ColumnMap } from './mapping.js';

/**
 * An amount header that names an invoice: «Сумма счёта», «Итоговая сумма счёта», "Invoice total",
 * "Amount billed", "Billed". The amount of a file headed so is what was asked for, not what came in.
 */
const INVOICE_HEADER = /сч[её]т|invoice|billed|\bbill\b/i;

/**
 * Whether a payments file is a CRM's invoice export (Bitrix24's and amoCRM's «Счета», HubSpot's
 * invoices): it has an invoice status column (the payments' `status`: Статус, Invoice status), or a
 * header that names an invoice. Such a file has one amount, the invoice's; which invoices are paid is
 * what the status says (payment-reader.ts: «Оплачен» with no paid column is paid in full), and a
 * balance column says what is left to pay of each.
 */
export function isInvoiceExport(map: Pick<ColumnMap, 'kind' | 'fields' | 'columns'>): boolean {
  if (map.kind !== 'payments') return false;
  return map.fields.has('status') || map.columns.some((c) => INVOICE_HEADER.test(c.header));
}

/**
 * The order a group of fields any one of which a file needs is proposed in (the first with a column
 * proposed for it gets the file's one amount in the --map snippet): for an invoice export, the invoiced
 * amount before the paid one. Proposed as paid, an unpaid invoice's amount counted as paid without a
 * word (a tester's Bitrix24 «Счета»: 50 000 paid of 20 000 paid and 30 000 sent to the client).
 */
export function invoicedFirst(map: Pick<ColumnMap, 'kind' | 'fields' | 'columns'>, group: readonly string[]): string[] {
  if (!group.includes('invoiced') || !isInvoiceExport(map)) return [...group];
  return ['invoiced', ...group.filter((f) => f !== 'invoiced')];
}
