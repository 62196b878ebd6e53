import type { PlanRow } from '../../core/records.js';
import type { Cells } from './cells.js';
import { headerOf, NO_MANAGER, PENDING, RowProblem, type ReadContext } from './context.js';
import { COUNT_AT_MOST, type ColumnMap } from './mapping.js';
import { readMonth } from './month.js';
import { isTotalsLabel } from './row-filters.js';
import { noteCurrency, readMonthsAcross, readNonNegative, SpendMonths, TOTALS_ROW } from './spend-reader.js';
import { cleanText } from './values.js';
import { managerName } from './value-maps.js';

/** What a plan's rows are the targets of. */
export type PlanKey = 'manager' | 'source';

/** A row whose targets are all empty (a plan table laid out for the whole year, filled up to now): not data. */
const NO_TARGETS = new RowProblem('drop', 'a plan row without targets');

/**
 * Decides whether a plan is by manager or by source, before the header is checked. With both columns
 * the manager wins (a plan split by manager and source still adds up per manager), unless the --map
 * file names the source column and not the manager's. The losing column is unmapped, so that `inspect`
 * shows it as not read.
 */
export function choosePlanKey(map: ColumnMap, user: Record<string, string | string[]> = {}): PlanKey {
  const manager = map.fields.get('manager');
  const source = map.fields.get('source');
  if (!source) return 'manager';
  if (!manager) return 'source';
  const key: PlanKey = 'source' in user && !('manager' in user) ? 'source' : 'manager';
  const loser = key === 'manager' ? 'source' : 'manager';
  for (const i of map.fields.get(loser)!) delete map.columns[i]!.field;
  map.fields.delete(loser);
  return key;
}

/**
 * Reads a row of a plan file: the manager or the source (cleaned as the deal reader cleans them), the
 * month and the targets. A target cell that is empty is null; a row with no target at all is dropped.
 */
export function readPlan(cells: Cells, ctx: ReadContext, key: PlanKey): PlanRow | SpendMonths<PlanRow> | RowProblem | typeof PENDING {
  const c = ctx.cols;
  const cell = cleanText(cells.text(c[key]));
  const name = key === 'manager' ? managerName(ctx.maps, cell) : cell;
  if (name === '') return key === 'manager' ? NO_MANAGER(ctx, c.manager) : new RowProblem('skip', 'no source', headerOf(ctx, c.source, 'source'));
  if (isTotalsLabel(name)) return TOTALS_ROW;
  if (ctx.map.months) return readPlanMonths(cells, ctx, key, name, ctx.map.months);
  const month = readMonth(cells, c.month, ctx);
  if (typeof month !== 'string') return month;
  const leads = readNonNegative(cells, c.leads, 'leads', ctx);
  if (leads === PENDING || leads instanceof RowProblem) return leads;
  const won = readNonNegative(cells, c.won, 'won', ctx);
  if (won === PENDING || won instanceof RowProblem) return won;
  const revenue = readNonNegative(cells, c.revenue, 'revenue', ctx);
  if (revenue === PENDING || revenue instanceof RowProblem) return revenue;
  if (leads === null && won === null && revenue === null) return NO_TARGETS;
  // Its currency, as a spend row's: compared with the deals' (plan-currencies; T39 F7).
  if (revenue !== null) noteCurrency(cells, ctx, c.revenue);
  return { manager: key === 'manager' ? name : '', source: key === 'source' ? name : '', month, leads, won, revenue };
}

/**
 * A plan row with months across (`Иванов Иван;150 000;100 000;100 000;350 000`): a revenue target per
 * month whose cell is filled, as a spend budget's months across are read (readWideSpend). Its cells are
 * money: a row whose every target is a whole number up to COUNT_AT_MOST is a count of leads or deals
 * more likely, and is refused rather than read as roubles, with the layout that reads counts.
 */
function readPlanMonths(cells: Cells, ctx: ReadContext, key: PlanKey, name: string, months: ReadonlyArray<{ col: number; month: string }>): SpendMonths<PlanRow> | RowProblem | typeof PENDING {
  const rows = readMonthsAcross(cells, ctx, months, 'revenue', (month, revenue): PlanRow => ({ manager: key === 'manager' ? name : '', source: key === 'source' ? name : '', month, leads: null, won: null, revenue }));
  if (!Array.isArray(rows)) return rows;
  if (rows.length === 0) return NO_TARGETS;
  if (rows.every((r) => Number.isInteger(r.revenue) && r.revenue! <= COUNT_AT_MOST)) return new RowProblem('skip', 'a plan with months across is read as revenue targets, and these look like counts (leads or deals): keep such a plan long, a row per month with leads and won columns', headerOf(ctx, months[0]!.col, 'revenue'));
  return new SpendMonths(rows);
}
