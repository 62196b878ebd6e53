import type { Payment } from '../../core/records.js';
import { cleanText } from './values.js';
import { managerName } from './value-maps.js';
import { CellMemo, type Cells } from './cells.js';
import { dateRead, headerOf, PENDING, readDate, readNumber, RowProblem, type ReadContext } from './context.js';

/** The memo of a payments file's manager column: a name read once per distinct cell, not once per row. */
export function paymentManagers(ctx: ReadContext): CellMemo<string> {
  return new CellMemo((t) => managerName(ctx.maps, cleanText(t)));
}

/** Reads a payment from a row, or says why not. */
export function readPayment(cells: Cells, ctx: ReadContext, managers: CellMemo<string>): Payment | RowProblem | typeof PENDING {
  const c = ctx.cols;
  const dealId = cells.text(c.deal_id);
  const manager = c.manager === undefined ? managers.fromText('') : cells.value(c.manager, managers);
  if (dealId === '' && manager === '') return new RowProblem('skip', 'a payment needs a deal id or a manager', headerOf(ctx, c.deal_id, 'deal_id'));
  const invoiced = readNumber(cells, c.invoiced, 'invoiced', ctx);
  if (invoiced === PENDING || invoiced instanceof RowProblem) return invoiced;
  const paid = readNumber(cells, c.paid, 'paid', ctx);
  if (paid === PENDING || paid instanceof RowProblem) return paid;
  if (invoiced === null && paid === null) return new RowProblem('skip', 'neither an invoiced nor a paid amount', headerOf(ctx, c.invoiced ?? c.paid, c.invoiced !== undefined ? 'invoiced' : 'paid'));
  const invoicedRead = readDate(cells, c.invoiced_at, 'invoiced_at', false, ctx);
  if (invoicedRead instanceof RowProblem) return invoicedRead;
  const invoicedAt = dateRead[0]!;
  const paidRead = readDate(cells, c.paid_at, 'paid_at', false, ctx);
  if (paidRead instanceof RowProblem) return paidRead;
  const paidAt = dateRead[0]!;
  if (invoicedRead === PENDING || paidRead === PENDING) return PENDING;
  return { deal_id: dealId, manager, invoiced: invoiced ?? 0, paid: paid ?? 0, invoiced_at: Number.isNaN(invoicedAt) ? null : invoicedAt, paid_at: Number.isNaN(paidAt) ? null : paidAt };
}
