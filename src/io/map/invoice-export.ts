import type { ColumnMap } from './mapping.js';
import { buildValueMaps, invoiceStatus, type ValueMaps } from './value-maps.js';

/**
 * A header that names an invoice's amount or number: «Сумма счёта», «Сумма по счёту», «Итого по
 * счёту», «Итоговая сумма счёта», "Invoice total", "Invoice amount", "Amount billed", "Billed",
 * "Invoice number". A bare «Счёт» is not one: in Russian it is also a bank account («Расчетный
 * счет», «Счет плательщика»), and a payment register may name the invoice it pays («Номер счёта»,
 * Stripe's "Invoice ID") without being an invoice export.
 */
const INVOICE_AMOUNT_HEADER = [
  /(?<![а-я])(сумм|итог)[а-я]*(\s+[а-я]+)?\s+сч[её]т/i,
  /(?<![а-я])сч[её]т[а-я]*[\s:,-]+(итогов[а-я]*\s+)?(сумм|итог)/i,
  /\binvoice\s*(total|amount|sum|value|number|no\b|#)/i,
  /\b(total|amount)\s+(of\s+(the\s+)?)?invoice/i,
  /\b(amount|total)\s+billed\b|\bbilled\s+amount\b|^\s*billed\s*$/i,
];

/** Words that make a «счёт» a bank or ledger account: «Расчетный счет», «Лицевой счёт», «Банковский счёт», «Счет учета». */
const ACCOUNT_WORDS = /расч[её]тн|лицев|банковск|сч[её]т[а-я]*\s+учет|корр?\.?\s*сч[её]т|бухгалт/i;

/** Whether a header names an invoice's amount or number, not an account (INVOICE_AMOUNT_HEADER, ACCOUNT_WORDS). */
export function namesInvoice(header: string): boolean {
  return !ACCOUNT_WORDS.test(header) && INVOICE_AMOUNT_HEADER.some((re) => re.test(header));
}

/** The built-in invoice status words (value-maps.ts INVOICE_STATUS), made when a payments file's status is first read (not at start-up). */
let defaults: ReturnType<typeof buildValueMaps> | undefined;

/**
 * Whether a status column's first values read as invoice statuses («Оплачен», «Отправлен клиенту»,
 * Paid, Open): at least one filled value, and most of them known to the invoice status map, a --map
 * file's `payments: status:` words with the built-in ones (`maps`; the built-in ones alone without it).
 * A 1C register's «Проведён» or YooKassa's «Успешный» is the state of a payment, not of an invoice.
 */
function invoiceStatuses(col: number, sampleRows: readonly string[][], given: ValueMaps | undefined): boolean {
  const values = sampleRows.map((r) => (r[col] ?? '').trim()).filter((v) => v !== '');
  const maps = given ?? (defaults ??= buildValueMaps());
  const known = values.filter((v) => invoiceStatus(maps, v) !== undefined).length;
  return known > 0 && known * 2 >= values.length;
}

/**
 * Whether a payments file is a CRM's invoice export (Bitrix24's and amoCRM's «Счета», HubSpot's
 * invoices): its status column's values are invoice statuses (Статус «Оплачен», Invoice status
 * "Paid"), or a header names an invoice's amount or number (namesInvoice). Such a file has one
 * amount, the invoice's; which invoices are paid is what the status says (payment-reader.ts:
 * «Оплачен» with no paid column is paid in full), and a balance column says what is left to pay.
 * A caller that gives no sample rows (undefined) has any status column taken as a sign, unread. The
 * statuses are read with `maps`, the run's value maps: a status a --map file names under `payments:
 * status:` («Закрыт: paid») is an invoice's, as the payments reader takes it (it counted for nothing here).
 */
export function isInvoiceExport(map: Pick<ColumnMap, 'kind' | 'fields' | 'columns'>, sampleRows?: readonly string[][], maps?: ValueMaps): boolean {
  if (map.kind !== 'payments') return false;
  const status = map.fields.get('status')?.[0];
  if (status !== undefined && (sampleRows === undefined || invoiceStatuses(status, sampleRows, maps))) return true;
  return map.columns.some((c) => namesInvoice(c.header));
}

/**
 * The order a group of fields any one of which a file needs is proposed in (the first with a column
 * proposed for it gets the file's one amount in the --map snippet): for an invoice export, the invoiced
 * amount before the paid one. Proposed as paid, an unpaid invoice's amount counted as paid without a
 * word (a tester's Bitrix24 «Счета»: 50 000 paid of 20 000 paid and 30 000 sent to the client).
 */
export function invoicedFirst(map: Pick<ColumnMap, 'kind' | 'fields' | 'columns'>, group: readonly string[], sampleRows?: readonly string[][], maps?: ValueMaps): string[] {
  if (!group.includes('invoiced') || !isInvoiceExport(map, sampleRows, maps)) return [...group];
  return ['invoiced', ...group.filter((f) => f !== 'invoiced')];
}
