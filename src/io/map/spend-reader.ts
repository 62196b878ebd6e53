import type { SpendRow } from '../../core/records.js';
import type { Cells } from './cells.js';
import { headerOf, PENDING, readNumber, RowProblem, truncate, type ReadContext } from './context.js';
import { readMonth } from './month.js';
import { isTotalsLabel } from './row-filters.js';
import { cleanText } from './values.js';

/** A totals row labelled in its source or manager column (`2024-07;Итого;150000`): not data. */
export const TOTALS_ROW = new RowProblem('drop', 'totals row');
/** A spend row whose amount cell is empty: nothing is known to have been spent (a budget table filled up to the current month). */
const NO_AMOUNT = new RowProblem('drop', 'a spend row without an amount');

/** The spend of one row of a table with months across: a row per month whose cell is filled (readWideSpend). */
export class SpendMonths {
  constructor(readonly rows: SpendRow[]) {}
}

/** A money or count cell that may not be negative: the number, null when empty, or why not. */
export function readNonNegative(cells: Cells, col: number | undefined, field: string, ctx: ReadContext): number | null | RowProblem | typeof PENDING {
  const n = readNumber(cells, col, field, ctx);
  if (n === null || n === PENDING || n instanceof RowProblem) return n;
  if (n < 0) return new RowProblem('skip', `"${truncate(cells.text(col))}" is negative`, headerOf(ctx, col, field));
  // -0 (`-0,00`) is a zero.
  return n + 0;
}

/**
 * Reads a row of a marketing spend file: the month, the source cleaned as the deal reader cleans a
 * deal's source (so that they match), and the amount. An empty source is kept as '' (spend of no
 * named source still counts in the department's); rows are never summed here.
 */
export function readSpend(cells: Cells, ctx: ReadContext): SpendRow | SpendMonths | RowProblem | typeof PENDING {
  const c = ctx.cols;
  const source = cleanText(cells.text(c.source));
  if (source !== '' && isTotalsLabel(source)) return TOTALS_ROW;
  if (ctx.map.months) return readMonthsAcross(cells, ctx, source, ctx.map.months);
  const month = readMonth(cells, c.month, ctx);
  if (typeof month !== 'string') return month;
  const amount = readNonNegative(cells, c.amount, 'amount', ctx);
  if (amount === PENDING || amount instanceof RowProblem) return amount;
  if (amount === null) return NO_AMOUNT;
  return { month, source, amount };
}

/**
 * A row of a spend table with months across (`Яндекс.Директ;25 000;15 000;40 000`): a spend row per
 * month whose cell is filled; an empty cell gives no row (nothing is known to have been spent, as an
 * empty amount of a long table: not a spend of 0, which a 0 says), and a row with every month empty is
 * dropped as such a row is. A bad cell (text, a negative amount) makes the whole row bad.
 */
function readMonthsAcross(cells: Cells, ctx: ReadContext, source: string, months: ReadonlyArray<{ col: number; month: string }>): SpendMonths | RowProblem | typeof PENDING {
  const rows: SpendRow[] = [];
  let pending = false;
  for (const { col, month } of months) {
    const amount = readNonNegative(cells, col, 'amount', ctx);
    if (amount instanceof RowProblem) return amount;
    if (amount === PENDING) pending = true;
    else if (amount !== null) rows.push({ month, source, amount });
  }
  if (pending) return PENDING;
  return rows.length === 0 ? NO_AMOUNT : new SpendMonths(rows);
}
