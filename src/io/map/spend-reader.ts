import type { SpendRow } from '../../core/records.js';
import { kopecks } from '../../core/kpi/payment-log.js';
import type { Cells } from './cells.js';
import { headerOf, noteCurrency, PENDING, readNumber, RowProblem, truncate, type ReadContext } from './context.js';
import { readMonth } from './month.js';
import { isTotalsLabel } from './row-filters.js';
import { cleanText } from './values.js';

/** A totals row labelled in its source or manager column (`2024-07;Итого;150000`), or a spend table's unlabelled one (SpendSums): not data. */
export const TOTALS_ROW = new RowProblem('drop', 'totals row');
/** A spend row whose amount cell is empty: nothing is known to have been spent (a budget table filled up to the current month). */
const NO_AMOUNT = new RowProblem('drop', 'a spend row without an amount');

/** The spend (or plan targets) of one row of a table with months across: a row per month whose cell is filled (readWideSpend). */
export class SpendMonths<R = SpendRow> {
  constructor(readonly rows: R[]) {}
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
 * named source still counts in the department's), unless the row is the table's own unlabelled totals
 * (SpendSums): rows are never summed into one here, only added up to know such a row.
 */
export function readSpend(cells: Cells, ctx: ReadContext, sums: SpendSums): SpendRow | SpendMonths | RowProblem | typeof PENDING {
  const c = ctx.cols;
  const source = cleanText(cells.text(c.source));
  if (source !== '' && isTotalsLabel(source)) return TOTALS_ROW;
  const unnamed = source === '' || SUM_LABEL.test(source);
  if (ctx.map.months) {
    const rows = readMonthsAcross(cells, ctx, ctx.map.months, 'amount', (month, amount) => ({ month, source, amount }));
    if (!Array.isArray(rows)) return rows;
    if (rows.length === 0) return NO_AMOUNT;
    // The whole table is one scope: a totals row sums every month column.
    return sums.isTotals('', rows, unnamed) ? TOTALS_ROW : new SpendMonths(rows);
  }
  const month = readMonth(cells, c.month, ctx);
  if (typeof month !== 'string') return month;
  const amount = readNonNegative(cells, c.amount, 'amount', ctx);
  if (amount === PENDING || amount instanceof RowProblem) return amount;
  if (amount === null) return NO_AMOUNT;
  noteCurrency(cells, ctx, c.amount);
  const spend = { month, source, amount };
  // A long table's totals row sums one month (`2025-01;;45 000` under January's rows).
  return sums.isTotals(month, [spend], unnamed) ? TOTALS_ROW : spend;
}

/**
 * A source that only says «sum» (`Сумма;45 000;20 000;65 000`, as a budget's «Сумма» column is the
 * year's): not a totals word of every table (a deal may be titled so), but a spend row so named that
 * is the sums of the rows above is the totals, as a row with no source is (SpendSums).
 */
const SUM_LABEL = /^(сумма|sum)\s*:?$/i;

/** Amounts in kopecks (cents) per month, and how many rows of the file they add up. */
interface Tally {
  kopecks: Map<string, number>;
  rows: number;
}

/**
 * The spend rows of one file added up as they are read, to know its unlabelled totals row: a marketer's
 * budget often ends in a row of =SUM formulas with no name (`;45 000;20 000;65 000` under
 * `Канал;Январь 2025;Февраль 2025;Итого`), read as spend of no source it doubled the department's spend
 * (a tester: 130 000 for 65 000). A row with no source is such a row when each of its amounts equals,
 * to the cent, the sum of the same month over the rows above it (those since the previous such row, or
 * all of them; at least two rows), an empty cell standing for a sum of nothing; at least one amount is
 * above 0. Anything else with no source, a sum off by a kopeck or a row alone above, is spend of no
 * named source, as before. A row whose source only says «Сумма» (SUM_LABEL) is judged as one with no
 * source. Scopes: '' is the whole table of months across; a long table's month is its own scope (its
 * totals row sums that month's rows).
 */
export class SpendSums {
  private readonly since = new Map<string, Tally>();
  private readonly all = new Map<string, Tally>();

  /** Whether a row is a totals row of its scope, else adds it to the sums (a row with a name other than «Сумма» always is data). */
  isTotals(scope: string, rows: readonly SpendRow[], unnamed: boolean): boolean {
    const since = tallyOf(this.since, scope);
    const all = tallyOf(this.all, scope);
    if (unnamed && rows.some((r) => kopecks(r.amount) > 0) && (sumsOf(since, rows) || sumsOf(all, rows))) {
      this.since.set(scope, { kopecks: new Map(), rows: 0 });
      return true;
    }
    for (const t of [since, all]) {
      for (const r of rows) t.kopecks.set(r.month, (t.kopecks.get(r.month) ?? 0) + kopecks(r.amount));
      t.rows++;
    }
    return false;
  }
}

function tallyOf(tallies: Map<string, Tally>, scope: string): Tally {
  let t = tallies.get(scope);
  if (!t) tallies.set(scope, (t = { kopecks: new Map(), rows: 0 }));
  return t;
}

/** Whether a row's amounts are, month by month, the sums of a tally of two rows or more (an empty month on either side is 0). */
function sumsOf(tally: Tally, rows: readonly SpendRow[]): boolean {
  if (tally.rows < 2) return false;
  const row = new Map<string, number>();
  for (const r of rows) row.set(r.month, (row.get(r.month) ?? 0) + kopecks(r.amount));
  for (const [month, sum] of tally.kopecks) if ((row.get(month) ?? 0) !== sum) return false;
  for (const [month, amount] of row) if ((tally.kopecks.get(month) ?? 0) !== amount) return false;
  return true;
}

/**
 * A row of a table with months across (`Яндекс.Директ;25 000;15 000;40 000`, a spend budget; a plan's
 * `Иванов Иван;150 000;100 000`): a row per month whose cell is filled, made by `make`; an empty cell
 * gives no row (nothing is known to have been spent or planned: not a 0, which a 0 says), so a row with
 * every month empty gives none. A bad cell (text, a negative number) makes the whole row bad; PENDING
 * while a cell's decimal mark waits. The row's currency is its first filled month's (noteCurrency), as a
 * long table's row has one amount: noted once the row is read, never for a bad one.
 */
export function readMonthsAcross<R>(cells: Cells, ctx: ReadContext, months: ReadonlyArray<{ col: number; month: string }>, field: string, make: (month: string, amount: number) => R): R[] | RowProblem | typeof PENDING {
  const rows: R[] = [];
  let pending = false;
  let first: number | undefined;
  for (const { col, month } of months) {
    const amount = readNonNegative(cells, col, field, ctx);
    if (amount instanceof RowProblem) return amount;
    if (amount === PENDING) pending = true;
    else if (amount !== null) {
      first ??= col;
      rows.push(make(month, amount));
    }
  }
  if (pending) return PENDING;
  if (first !== undefined) noteCurrency(cells, ctx, first);
  return rows;
}

/** The one noteCurrency of every reader (context.ts), where payment-reader imports it from. */
export { noteCurrency };
