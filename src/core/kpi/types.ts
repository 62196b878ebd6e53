import type { SkippedRow } from '../records.js';
import type { Alert } from './alerts.js';

/** Metric values by key: numbers, null for not applicable, loss reasons as counts by reason. */
export type MetricValues = Record<string, number | null | Record<string, number>>;

export type ManagerKpis = { manager: string; [metric: string]: string | number | null | Record<string, number> };

/** What deals and activities can be grouped by (`kpi --by`). */
export type GroupDim = 'manager' | 'source' | 'pipeline' | 'stage' | 'month';
export const GROUP_DIMS: readonly GroupDim[] = ['manager', 'source', 'pipeline', 'stage', 'month'];

/**
 * One group of a grouping: the value of each of its dimensions (`month` as `YYYY-MM`; null: the
 * deal or activity has none, shown as «не указано» / "not set") and its metrics. A grouping that
 * includes `stage` holds open deals only and its metrics are `open` and `age_days_median`.
 */
export interface KpiGroup {
  by: Partial<Record<GroupDim, string | null>>;
  metrics: MetricValues;
}

/** Plan, fact and fact ÷ plan (null when there is no plan or the plan is 0). */
export interface PlanFigure {
  plan: number;
  /** Null when no fact can be known (PlanResult.not_applicable). */
  fact: number | null;
  achieved: number | null;
}

/** One row of the plan with its facts: a manager or a source in a month. */
export interface PlanCell {
  by: { manager?: string; source?: string; month: string };
  leads?: PlanFigure;
  won?: PlanFigure;
  revenue?: PlanFigure;
}

/** Plan vs fact (`kpi --plan`): totals over the plan's rows in the period, then the rows. */
export interface PlanResult {
  by: 'manager' | 'source';
  /** Why the plan's facts are not known (a plan by source, deals with no source column): `achieved` is null on every row and total. */
  not_applicable?: string;
  leads?: PlanFigure;
  won?: PlanFigure;
  revenue?: PlanFigure;
  rows: PlanCell[];
}

/** The spend file's summary (`kpi --spend`): what was counted and what matched no deal. */
export interface SpendSummary {
  /** Spend of the months in the period, all sources. */
  total: number;
  margin: number;
  /** Sources of the spend file that no deal has (their spend is in `total`), by amount. */
  unmatched: Array<{ source: string; amount: number; /** A deal source it differs from only in case or spaces. */ like?: string }>;
  /** Spend of the period's rows without a source (in `total`, as the "not set" group). */
  noSource?: number;
  /** Months (`YYYY-MM`) of the period with deals and no spend row, and with spend and no deal. */
  monthsWithoutSpend?: string[];
  monthsWithoutDeals?: string[];
  /**
   * Named sources of the period's deals that no spend row has, with their deals: their spend is not
   * known, yet the department's CAC and ROMI count their clients and revenue as if they cost nothing.
   */
  sourcesWithoutSpend?: Array<{ source: string; deals: number }>;
  /** Months whose spend is counted whole although the period (--from/--to) covers part of them. */
  partialMonths?: string[];
}

/** What was read and what could not be: every row accounted for. */
export interface DataQuality {
  rowsRead: number;
  rowsSkipped: SkippedRow[];
  rowsSkippedCount: number;
  files: Array<{
    file: string;
    kind: string;
    format: string;
    rowsRead: number;
    records: number;
    skipped: number;
    /** Of the skipped, missed incoming calls with no employee: skipped by the spec's rule (said in missed-no-manager), not unreadable. */
    missedNoManager?: number;
    /** Of the skipped, deals assigned to no one (a blank manager): skipped as a manager is required, said in deals-no-manager, not unreadable. */
    dealsNoManager?: number;
    dropped: Record<string, number>;
    /** NUL bytes removed from the text (present only when there were some). */
    nulBytesRemoved?: number;
  }>;
  warnings: string[];
  /** Numbers that look wrong, with their likely cause (their English text is in `warnings` too). */
  alerts?: Alert[];
}

/** The skipped rows that could not be read: all of them but the missed calls with no employee and the deals assigned to no one, which the spec's rule skips. */
export function unreadableRows(q: Pick<DataQuality, 'rowsSkippedCount' | 'files'>): number {
  return q.rowsSkippedCount - q.files.reduce((n, f) => n + (f.missedNoManager ?? 0) + (f.dealsNoManager ?? 0), 0);
}

/**
 * The reason an empty row is counted under `dropped` with: an empty row is no row read (README: a sheet's
 * million formatted empty rows do not read as a million rows), so it is said apart from the rows dropped.
 */
export const EMPTY_ROW = 'empty row';

/**
 * The dropped-row reasons of merged rows: product rows (amounts summed), product rows that repeat
 * their deal's total (counted once: DealStore.settleProducts), and other repeats of an id (the first row kept).
 */
export const PRODUCT_ROWS = 'product rows merged into their deal';
export const PRODUCT_TOTALS = "product rows merged into their deal (each repeats the deal's total, counted once)";
export const REPEATED_ID = 'rows repeating a deal id (first row kept)';

/**
 * A file's dropped rows, the empty ones and the merged ones apart: `rowsRead` = records + skipped +
 * `dropped` + `merged` (a tester saw «прочитано: 21 594 / записей: 21 564 / не прочитано: 29 /
 * отброшено: пустая строка: 535…», which did not add up; another read a Bitrix24 export's product rows,
 * summed into their deals, as «отброшено служебных: 4», data thrown away).
 */
export function droppedRows(dropped: Readonly<Record<string, number>>): { dropped: number; empty: number; merged: number } {
  let n = 0;
  let merged = 0;
  for (const [reason, count] of Object.entries(dropped)) {
    if (isMergedRow(reason)) merged += count;
    else if (reason !== EMPTY_ROW) n += count;
  }
  return { dropped: n, empty: dropped[EMPTY_ROW] ?? 0, merged };
}

/** A file's totals, subtotal and footer rows: a report's own, none of its data (many-skipped, deals-no-manager and a deals file of only them weigh data rows). */
export function noteRows(dropped: Readonly<Record<string, number>>): number {
  return (dropped['totals row'] ?? 0) + (dropped['footer or note row'] ?? 0);
}

/** A file's data rows: the rows read but its totals and footer rows (noteRows). */
export function dataRows(file: { rowsRead: number; dropped: Readonly<Record<string, number>> }): number {
  return file.rowsRead - noteRows(file.dropped);
}

/** Whether a dropped-row reason is a row merged into its deal (no data thrown away). */
export function isMergedRow(reason: string): boolean {
  return reason === PRODUCT_ROWS || reason === PRODUCT_TOTALS || reason === REPEATED_ID;
}

/** The KPI result: the JSON contract of spec/metrics.md that every KPI report is rendered from. */
export interface KpiResult {
  schemaVersion: 1;
  period: { from: string | null; to: string | null };
  /**
   * The days the deals read run over, within the period: the first and last day a deal was created on,
   * cut to --from/--to (as a comparison's periods are). What the HTML cover names as the period, where
   * `period` is open (all data, or --from only). Absent when no deal has a date in the period.
   */
  dataPeriod?: { from: string; to: string };
  managers: ManagerKpis[];
  total: MetricValues;
  notApplicable: Record<string, string>;
  dataQuality: DataQuality;
  options?: { touchNorm: number; callbackWindowHours: number };
  /** `kpi --by`: the groupings asked for, in order (each a list of dimensions, a pivot when several). */
  groupBy?: GroupDim[][];
  /** The groups of every grouping, grouping after grouping; each group's `by` names its dimensions. */
  groups?: KpiGroup[];
  /** `kpi --spend`: unit-economics metrics (spend, cac, ...) are in `total` and in the groups. */
  spend?: SpendSummary;
  /** `kpi --plan`. */
  plan?: PlanResult;
}
