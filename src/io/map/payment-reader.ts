import type { DealStore } from '../../core/kpi/deal-store.js';
import type { Payment } from '../../core/records.js';
import { cleanText, parseBoolean } from './values.js';
import { invoiceStatus, type InvoiceStatus } from './value-maps.js';
import { kopecks } from '../../core/kpi/payment-log.js';
import { noteCurrency, TOTALS_ROW } from './spend-reader.js';
import { CellMemo, trimEdges, type Cells } from './cells.js';
import { dateRead, DELETED_RECORD, firstFilled, headerOf, noteEntry, inRecycleBin, PENDING, readDate, readNumber, reportedManager, RowProblem, type ReadContext } from './context.js';

/**
 * A payment with its deal resolved to a key of the store it was read against (-1: no deal id, or an id
 * no deal has), for the KPI engine (PaymentLog.addLinked). One record for every row: valid until the next.
 */
export interface LinkedPayment {
  deal: number;
  /** Whether the row names a deal at all (a deal id or title, found or not): a file with no deal column names none, and links no payment to a deal. */
  named: boolean;
  manager: string;
  invoiced: number;
  paid: number;
  /** The deal id as written when no deal has it ('' otherwise): the payments-unknown-deals alert's example. */
  id: string;
  /** The dates as read (NaN: none), which tell a row repeated by mistake from another payment (PaymentOddities). */
  invoicedAt: number;
  paidAt: number;
}

/** What a payments file is read with: the manager column's memo, and the deals its deal ids are resolved against (ImportOptions.linkTo: LinkedPayment records), if any. */
export interface PaymentMemos {
  managers: CellMemo<string>;
  /** The manager's other columns (a --map list): the first filled one counts on each row (firstFilled). */
  managerMore: readonly number[];
  /** The deleted flag's cells (IsDeleted), read as booleans. */
  flag: CellMemo<boolean | undefined>;
  store: DealStore | undefined;
  out: LinkedPayment;
  /** The amounts added up as they are read, to know an unlabelled totals row. */
  sums: PaymentSums;
  /** An invoice status cell's meaning, each distinct value counted for `inspect` and the report (report.values.status). */
  status: CellMemo<{ status: InvoiceStatus | undefined; entry: { count: number } | undefined }>;
}

/**
 * The payments of one file added up as they are read, to know its unlabelled totals row, as a spend
 * table's is (SpendSums, spend-reader.ts), with its two amounts for months: a row naming no deal and no
 * manager is the totals when its invoiced and its paid amount (an empty one 0), at least one above 0,
 * are to the kopeck the sums of the rows above it, those since the previous totals row or all of them
 * (two rows at least). Numbers only: nothing is made a row.
 */
export class PaymentSums {
  /** Kopecks invoiced and paid and rows since the previous totals row, and in all. */
  private sinceInvoiced = 0;
  private sincePaid = 0;
  private sinceRows = 0;
  private allInvoiced = 0;
  private allPaid = 0;
  private allRows = 0;

  /** Whether the row is a totals row (`unnamed`: it names no deal and no manager), else adds it to the sums. */
  isTotals(invoiced: number, paid: number, unnamed: boolean): boolean {
    const inv = kopecks(invoiced);
    const pay = kopecks(paid);
    if (unnamed && (inv > 0 || pay > 0)) {
      const since = this.sinceRows >= 2 && this.sinceInvoiced === inv && this.sincePaid === pay;
      if (since || (this.allRows >= 2 && this.allInvoiced === inv && this.allPaid === pay)) {
        this.sinceInvoiced = this.sincePaid = this.sinceRows = 0;
        return true;
      }
    }
    this.sinceInvoiced += inv;
    this.sincePaid += pay;
    this.sinceRows++;
    this.allInvoiced += inv;
    this.allPaid += pay;
    this.allRows++;
    return false;
  }
}

/** A rejected or cancelled invoice («Отклонён», «Отменён»): no money was asked, so none is invoiced; dropped and counted. */
const VOID_INVOICE = new RowProblem('drop', 'a rejected or cancelled invoice');

/** What an invoice status cell says, and its counter among the file's status values (mapped as the status it reads as, or «?» for a word no rule knows). */
function statusOf(ctx: ReadContext, cell: string): { status: InvoiceStatus | undefined; entry: { count: number } | undefined } {
  const raw = trimEdges(cell);
  const status = invoiceStatus(ctx.maps, raw);
  return { status, entry: noteEntry(ctx, 'status', raw, status ?? '?') };
}

/**
 * What was paid of an invoice in a file with no paid column (a CRM's invoice export has one amount, the
 * invoice's): its amount less the balance left to pay where a balance column says it (HubSpot's "Balance
 * due": 50 000 billed, 30 000 due is 20 000 paid, whatever its status «Open» says), else its amount when
 * the status says paid («Оплачен»), else nothing (null: issued, partial or no status).
 */
function paidOfInvoice(cells: Cells, ctx: ReadContext, invoiced: number | null, status: InvoiceStatus | undefined): number | null | RowProblem | typeof PENDING {
  const balance = invoiced === null ? null : readNumber(cells, ctx.cols.balance, 'balance', ctx);
  if (balance === PENDING || balance instanceof RowProblem) return balance;
  if (balance !== null) return invoiced! - balance;
  return status === 'paid' ? invoiced : null;
}

const NOBODY = (ctx: ReadContext) => new RowProblem('skip', 'a payment needs a deal id or a manager', headerOf(ctx, ctx.cols.deal_id, 'deal_id'));

/** The memos of a payments file; a manager's name is read once per distinct cell, not once per row. */
export function paymentMemos(ctx: ReadContext, store: DealStore | undefined): PaymentMemos {
  return { managers: new CellMemo((t) => reportedManager(ctx.maps, cleanText(t), store)), managerMore: (ctx.map.fields.get('manager') ?? []).slice(1), flag: new CellMemo((t) => parseBoolean(trimEdges(t))), store, sums: new PaymentSums(), status: new CellMemo((t) => statusOf(ctx, t)), out: { deal: -1, named: false, manager: '', invoiced: 0, paid: 0, id: '', invoicedAt: NaN, paidAt: NaN } };
}

/**
 * Reads a payment from a row, or says why not: a Payment, or with a store (m.store) a LinkedPayment,
 * whose deal id is looked up by its bytes where they can be (not decoded and encoded again).
 */
export function readPayment(cells: Cells, ctx: ReadContext, m: PaymentMemos): Payment | LinkedPayment | RowProblem | typeof PENDING {
  const c = ctx.cols;
  const binned = inRecycleBin(cells, ctx, m.flag);
  if (binned !== false) return binned === true ? DELETED_RECORD : binned;
  const manager = c.manager === undefined ? m.managers.fromText('') : cells.value(firstFilled(cells, c.manager, m.managerMore), m.managers);
  const nobody = cells.blank(c.deal_id) && manager === '';
  const invoiced = readNumber(cells, c.invoiced, 'invoiced', ctx);
  if (invoiced === PENDING || invoiced instanceof RowProblem) return nobody ? NOBODY(ctx) : invoiced;
  let paid = readNumber(cells, c.paid, 'paid', ctx);
  if (paid === PENDING || paid instanceof RowProblem) return nobody ? NOBODY(ctx) : paid;
  // An unlabelled row of =SUM under the payments is their totals: the invoiced and paid sums of the rows above.
  if (m.sums.isTotals(invoiced ?? 0, paid ?? 0, nobody)) return TOTALS_ROW;
  if (nobody) return NOBODY(ctx);
  noteCurrency(cells, ctx, invoiced !== null ? c.invoiced : c.paid);
  const status = c.status === undefined || cells.blank(c.status) ? undefined : cells.value(c.status, m.status);
  if (status?.entry) status.entry.count++;
  if (status?.status === 'void') return VOID_INVOICE;
  if (c.paid === undefined) {
    const settled = paidOfInvoice(cells, ctx, invoiced, status?.status);
    if (settled === PENDING || settled instanceof RowProblem) return settled;
    paid = settled;
  }
  if (invoiced === null && paid === null) return new RowProblem('skip', 'neither an invoiced nor a paid amount', headerOf(ctx, c.invoiced ?? c.paid, c.invoiced !== undefined ? 'invoiced' : 'paid'));
  const invoicedRead = readDate(cells, c.invoiced_at, 'invoiced_at', false, ctx);
  if (invoicedRead instanceof RowProblem) return invoicedRead;
  const invoicedAt = dateRead[0]!;
  const paidRead = readDate(cells, c.paid_at, 'paid_at', false, ctx);
  if (paidRead instanceof RowProblem) return paidRead;
  const paidAt = dateRead[0]!;
  if (invoicedRead === PENDING || paidRead === PENDING) return PENDING;
  if (m.store) {
    const out = m.out;
    out.deal = dealKey(cells, c.deal_id, m.store);
    out.named = c.deal_id !== undefined && !cells.blank(c.deal_id);
    out.manager = manager;
    out.invoiced = invoiced ?? 0;
    out.paid = paid ?? 0;
    out.id = out.deal < 0 && out.named ? cells.text(c.deal_id) : '';
    out.invoicedAt = invoicedAt;
    out.paidAt = paidAt;
    return out;
  }
  return { deal_id: cells.text(c.deal_id), manager, invoiced: invoiced ?? 0, paid: paid ?? 0, invoiced_at: Number.isNaN(invoicedAt) ? null : invoicedAt, paid_at: Number.isNaN(paidAt) ? null : paidAt };
}

/**
 * The key of a payment's deal id in the store (-1: blank, or no deal has it), as store.find gives it
 * for the cell's text: by the cell's bytes where they are that text's UTF-8 and deals have no titles
 * (which are looked up by text).
 */
function dealKey(cells: Cells, col: number | undefined, store: DealStore): number {
  if (col === undefined || cells.blank(col)) return -1;
  if (cells.bytes(col) && !store.hasNames) {
    const key = store.ids.find(cells.buf, cells.start, cells.end);
    return key >= 0 ? key : store.findOtherFormBytes(cells.buf, cells.start, cells.end);
  }
  return store.find(cells.text(col)) ?? -1;
}
