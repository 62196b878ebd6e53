// Plan vs fact (`kpi --plan`, docs/metrics.md "Plan vs fact"): a plan file's targets for a manager
// or a source in a month, beside the facts of the same group and month (leads and won deals by the
// deals' creation month, revenue of those won deals). Totals are over the plan's rows in the period.
import type { PlanRow } from '../records.js';
import { monthCode, monthInPeriod, monthWithin } from './groups.js';
import { dayOf, ratio } from './stats.js';
import type { KpiGroup, PlanCell, PlanFigure, PlanResult } from './types.js';
import { NEEDS_TEXT } from './catalog.js';

const FIGURES = ['leads', 'won', 'revenue'] as const;
type Figure = (typeof FIGURES)[number];

/** Which of manager and source a plan is by: the one its rows name. */
export function planBy(rows: readonly PlanRow[]): 'manager' | 'source' {
  return rows.some((r) => r.manager !== '') ? 'manager' : 'source';
}

/** Whether a `YYYY-MM` month has a day in [fromDay, toDay] (day numbers; infinite for no bound). */
export function monthHasDayIn(month: string, fromDay: number, toDay: number): boolean {
  const code = monthCode(month);
  return code !== undefined && monthInPeriod(code, fromDay, toDay);
}

const figure = (plan: number, fact: number): PlanFigure => ({ plan, fact, achieved: plan === 0 ? null : ratio(fact, plan) });

/**
 * The plan beside the facts. `groups` are the groups of the grouping [by, 'month'] over the same
 * period; a plan row whose manager or source has no deals that month has facts of 0. Rows of one
 * group and month are summed; revenue is left out when the deals have no amounts (`revenue` false).
 * `known` false: no fact can be known (a plan by source, deals with no source column): facts and achieved null.
 */
export function planVsFact(rows: readonly PlanRow[], groups: readonly KpiGroup[], period: { fromDay: number; toDay: number }, revenue: boolean, known = true): PlanResult {
  const by = planBy(rows);
  // With no fact known, nothing is achieved: a row's and a total's plan, fact and achieved null (not a fact of 0 beside it).
  const judged = (plan: number, fact: number): PlanFigure => (known ? figure(plan, fact) : { plan, fact: null, achieved: null });
  const facts = new Map<string, KpiGroup>();
  for (const g of groups) facts.set(`${g.by[by] ?? ''}\u0000${g.by.month ?? ''}`, g);
  const cells = new Map<string, { name: string; month: string; plan: Partial<Record<Figure, number>> }>();
  for (const r of rows) {
    if (!monthHasDayIn(r.month, period.fromDay, period.toDay)) continue;
    const name = by === 'manager' ? r.manager : r.source;
    const key = `${name}\u0000${r.month}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { name, month: r.month, plan: {} }));
    for (const f of FIGURES) {
      const v = r[f];
      if (v !== null && (f !== 'revenue' || revenue)) cell.plan[f] = (cell.plan[f] ?? 0) + v;
    }
  }
  const totals: Partial<Record<Figure, { plan: number; fact: number }>> = {};
  const out: PlanCell[] = [];
  const ordered = [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, cell] of ordered) {
    const metrics = facts.get(key)?.metrics;
    const row: PlanCell = { by: { [by]: cell.name, month: cell.month } as PlanCell['by'] };
    for (const f of FIGURES) {
      const plan = cell.plan[f];
      if (plan === undefined) continue;
      const v = metrics?.[f];
      const fact = typeof v === 'number' ? v : 0;
      row[f] = judged(plan, fact);
      const t = (totals[f] ??= { plan: 0, fact: 0 });
      t.plan += plan;
      t.fact += fact;
    }
    out.push(row);
  }
  // A plan by source beside deals with no source column: no fact is known (T39 F15: «0%» of plan, blamed on spelling).
  const result: PlanResult = { by, rows: out, ...(known ? {} : { not_applicable: NEEDS_TEXT.source }) };
  // A total for every target the file has, even when none of its rows is in the period (then 0 of 0).
  for (const f of FIGURES) {
    if (!rows.some((r) => r[f] !== null) || (f === 'revenue' && !revenue)) continue;
    const t = totals[f] ?? { plan: 0, fact: 0 };
    const fact = f === 'revenue' ? Math.round(t.fact * 100) / 100 : t.fact;
    result[f] = judged(t.plan, fact);
  }
  return result;
}

/**
 * The plan's managers or sources that no group has (their facts are 0), for a warning: of the rows
 * counted (in `period`), not a manager whose every row is outside it (T39 F10: «Сидоров» named, spelled
 * right, his one row of March left out by --to).
 */
export function planUnknown(rows: readonly PlanRow[], groups: readonly KpiGroup[], period: { fromDay: number; toDay: number }): string[] {
  const by = planBy(rows);
  const counted = rows.filter((r) => monthHasDayIn(r.month, period.fromDay, period.toDay));
  // Known: names with deals in the period (a manager with calls only has no fact a plan can meet).
  const known = new Set(groups.filter((g) => typeof g.metrics.leads === 'number' && g.metrics.leads > 0).map((g) => g.by[by]).filter((v): v is string => typeof v === 'string'));
  return [...new Set(counted.map((r) => (by === 'manager' ? r.manager : r.source)).filter((n) => n !== '' && !known.has(n)))].sort();
}

/** The plan's months in the period that the period covers only in part (their targets are for the whole month). */
export function planPartialMonths(rows: readonly PlanRow[], period: { fromDay: number; toDay: number }): string[] {
  const months = new Set(rows.filter((r) => monthHasDayIn(r.month, period.fromDay, period.toDay)).map((r) => r.month));
  return [...months].filter((m) => !monthWithin(monthCode(m)!, period.fromDay, period.toDay)).sort();
}

/**
 * The days a plan's rows are counted in: the period (--from/--to), and where it has no bound, the days of
 * the deals counted (ms at midnight; none when no deal is): a plan month with no day of the report's
 * period is left out of plan vs fact (T39 F2: a yearly plan's May, beside deals of January to March,
 * read 0% achieved and brought «Итого по плану» from 75,0% down to 46,2%).
 */
export function planDays(period: { fromDay: number; toDay: number }, deals: { first: number; last: number } | undefined): { fromDay: number; toDay: number } {
  if (!deals) return period;
  return { fromDay: period.fromDay === -Infinity ? dayOf(deals.first) : period.fromDay, toDay: period.toDay === Infinity ? dayOf(deals.last) : period.toDay };
}

/** The plan's months in the period (--from/--to) that planDays leaves out: no deal is dated in them. */
export function planMonthsOutside(rows: readonly PlanRow[], period: { fromDay: number; toDay: number }, days: { fromDay: number; toDay: number }): string[] {
  const months = rows.filter((r) => monthHasDayIn(r.month, period.fromDay, period.toDay) && !monthHasDayIn(r.month, days.fromDay, days.toDay)).map((r) => r.month);
  return [...new Set(months)].sort();
}
