import type { DataQuality, ManagerKpis, MetricValues } from './kpi/types.js';
import { DAY_MS, dayOf, dayOfIso, holdsNumber, isoDay, ratio } from './kpi/stats.js';
import type { DealStore } from './kpi/deal-store.js';
import { COMPARE_TEXT } from './messages/compare.js';
import { fill } from './messages.js';

/** Days in a month on average, so that periods of different lengths compare (spec: 30.4375). */
export const DAYS_PER_MONTH = 30.4375;

/** The before/after rows in the spec's order, each with the direction that is better. */
export const COMPARE_ROWS: ReadonlyArray<{ metric: string; better: 'up' | 'down' }> = [
  { metric: 'leads_per_month', better: 'up' },
  { metric: 'conversion', better: 'up' },
  { metric: 'win_rate', better: 'up' },
  { metric: 'revenue_per_month', better: 'up' },
  { metric: 'average_check', better: 'up' },
  { metric: 'cycle_days_median', better: 'down' },
  { metric: 'touches_per_won', better: 'up' },
  { metric: 'response_min_median', better: 'down' },
  { metric: 'missed_share', better: 'down' },
  { metric: 'callback_rate', better: 'up' },
  { metric: 'won_per_manager_per_month', better: 'up' },
];

/** Default targets (seed 002): conversion +20%, median response −30%, as relative changes. */
export const DEFAULT_TARGETS: Readonly<Record<string, number>> = { conversion: 0.2, response_min_median: -0.3 };

export interface Period {
  from: string;
  to: string;
  days: number;
  months: number;
}

/** One period's KPIs, as computed by the KPI engine over that period. */
export interface PeriodKpis {
  period: Period;
  total: MetricValues;
  managers: ManagerKpis[];
  /** Why a KPI of the period is not computed (the KPI result's notApplicable): said beside a row it leaves empty. */
  notApplicable?: Record<string, string>;
  /** The option its deals were given by (`--before-deals`, `--after-deals`; `--deals` with a cutover): named where its deals lack something. */
  dealsOption?: string;
}

export interface CompareRow {
  metric: string;
  before: number | null;
  after: number | null;
  change: number | null;
  change_pct: number | null;
  better: 'up' | 'down';
  target: number | null;
  met: boolean | null;
  /** Why a side is empty, where a period's KPIs say why (no activities file, no call status…). */
  not_applicable?: string;
  /**
   * Why the row's target has no verdict (met null) where not_applicable does not say it: a before of 0
   * gives no change in per cent, or a side has no value of its own reason (targetUnjudged).
   */
  target_not_applicable?: string;
}

export interface Payback {
  gain_per_month: number | null;
  payback_months: number | null;
  /** null when nothing was spent (no cost and no running cost): a return on nothing is not a number. */
  roi_12m: number | null;
  /** Why none of them is computed (as notApplicable says it): a period without revenue (no amount column). */
  not_applicable?: string;
  /** Why roi_12m alone is null: nothing was spent (cost and running cost 0), so its denominator is 0. */
  roi_not_applicable?: string;
}

/** Why payback and ROI are not computed when a period has no revenue. */
export const PAYBACK_NEEDS_REVENUE = 'needs an amount column in the deals of both periods (revenue per month)';

export interface CompareResult {
  schemaVersion: 1;
  before: Period;
  after: Period;
  rows: CompareRow[];
  payback: Payback | null;
  /** `margin_given`: whether --margin was given (without it the margin is 1, and the gain is revenue, so named). */
  /** `cost_currency`: the cost was typed with a rouble mark (`--cost "1 500 000 ₽"`), so is in roubles whatever the deals' currency. */
  payback_inputs?: { cost: number; monthly_cost: number; margin: number; margin_given: boolean; cost_currency?: 'RUB' };
  managers?: Array<{ manager: string; metrics: CompareRow[] }>;
  /** How the two periods' files were read, and what looks wrong in them (`compare --format json`; a report's comparison from files of its own). */
  dataQuality?: DataQuality;
}

export interface CompareOptions {
  targets?: Record<string, number>;
  cost?: number;
  monthlyCost?: number;
  /** --cost or --monthly-cost was typed with a rouble mark: in roubles, whatever the deals' currency. */
  costInRoubles?: boolean;
  margin?: number;
  byManager?: boolean;
}

/** A period from its first to its last calendar day, inclusive. */
export function makePeriod(from: string, to: string): Period {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from, to, days, months: days / DAYS_PER_MONTH };
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The row values of one period: per-month rates from its totals and length. */
export function periodValues(p: PeriodKpis): Record<string, number | null> {
  const t = p.total;
  const months = p.period.months;
  const dealManagers = p.managers.filter((m) => typeof m.leads === 'number' && m.leads > 0).length;
  const won = num(t.won);
  return {
    leads_per_month: ratio(num(t.leads) ?? 0, months),
    conversion: num(t.conversion),
    win_rate: num(t.win_rate),
    revenue_per_month: t.revenue === null ? null : ratio(num(t.revenue) ?? 0, months),
    average_check: num(t.average_check),
    cycle_days_median: num(t.cycle_days_median),
    touches_per_won: num(t.touches_per_won),
    response_min_median: num(t.response_min_median),
    missed_share: num(t.missed_share),
    callback_rate: num(t.callback_rate),
    // Won not applicable (no status column) is no 0 won a manager (T39 F20: «0,00 → 0,34, лучше»): null, with won's reason.
    won_per_manager_per_month: dealManagers === 0 || won === null ? null : won / dealManagers / months,
  };
}

/** One comparison row: change, change %, target and whether it is met. */
export function compareRow(metric: string, better: 'up' | 'down', before: number | null, after: number | null, target: number | null): CompareRow {
  // No change is +0, never −0 (0 − (−0), 0 / −5): a report would print «−0» and JSON "-0" differs from "0".
  const change = before === null || after === null ? null : plusZero(after - before);
  const change_pct = change === null || before === null || before === 0 ? null : plusZero(change / before);
  const met = target === null || change_pct === null ? null : holdsNumber(change_pct, better === 'up' ? '>=' : '<=', target);
  return { metric, before, after, change, change_pct, better, target, met };
}

/**
 * Whether a row's change went the way its metric is better (spec Before / after, the «better» column):
 * 'better', 'worse', 'same' (no change), or null (nothing to compare). Every format says it in words,
 * so that without colour a fall that is better (a shorter response) is not read as one that is worse.
 */
export function verdictOf(row: Pick<CompareRow, 'change' | 'better'>): 'better' | 'worse' | 'same' | null {
  if (row.change === null) return null;
  if (row.change === 0) return 'same';
  return row.change > 0 === (row.better === 'up') ? 'better' : 'worse';
}

/**
 * Why a row's target has no verdict, where the row's own reason (not_applicable) does not say it: `zeroBefore`
 * (no change in per cent from a before of 0: spec, met is null when change_pct is n/a) or `noValue` (a side
 * empty for no reason a period's KPIs give: no won deal to take an average check of). Undefined where the
 * target is judged, there is none, or not_applicable says why.
 */
export function targetUnjudged(row: Pick<CompareRow, 'target' | 'met' | 'before' | 'after' | 'not_applicable'>): 'zeroBefore' | 'noValue' | undefined {
  if (row.target === null || row.met !== null || row.not_applicable !== undefined) return undefined;
  return row.before === 0 && row.after !== null ? 'zeroBefore' : 'noValue';
}

/** A row with why its target has no verdict (targetUnjudged), in the JSON's English, as not_applicable is. */
function withTargetReason(row: CompareRow): CompareRow {
  const why = targetUnjudged(row);
  return why === undefined ? row : { ...row, target_not_applicable: fill(COMPARE_TEXT.targetNotJudgedCell.en, { reason: COMPARE_TEXT[why].en }) };
}

function plusZero(x: number): number {
  return x === 0 ? 0 : x;
}

/**
 * Payback and 12-month ROI (seed 004); null without a one-off cost. `noGain`: why the revenues are no
 * base for a gain (paybackReason), which leaves them not computed.
 */
export function payback(beforeRevenuePerMonth: number | null, afterRevenuePerMonth: number | null, cost: number | undefined, monthlyCost = 0, margin = 1, noGain?: string): Payback | null {
  if (cost === undefined) return null;
  // A gain from revenue one period does not have is no gain (never 0: spec, not applicable), nor one from a revenue taken as 0.
  if (beforeRevenuePerMonth === null || afterRevenuePerMonth === null || noGain !== undefined) return { gain_per_month: null, payback_months: null, roi_12m: null, not_applicable: noGain ?? PAYBACK_NEEDS_REVENUE };
  const gain = ((afterRevenuePerMonth ?? 0) - (beforeRevenuePerMonth ?? 0)) * margin;
  const net = gain - monthlyCost;
  const denominator = cost + 12 * monthlyCost;
  return {
    gain_per_month: gain,
    payback_months: net > 0 ? cost / net : null,
    roi_12m: denominator === 0 ? null : (12 * net - cost) / denominator,
    // A «—» with no reason beside every other payback figure's (tester T33 F5): said, in the JSON's English.
    ...(denominator === 0 ? { roi_not_applicable: COMPARE_TEXT.roiNoCost.en } : {}),
  };
}

/**
 * Why a period's response and touch figures are not computed: its activities file has no activity dated within it. The
 * period is named (a tester: «этим периодом» did not say which, and was said of the after period for the before's want).
 */
export function needsPeriodActivities(which: 'before' | 'after' | 'both'): string {
  return which === 'both' ? 'needs activities dated within both periods: the activities file has none in either' : `needs activities dated within the ${which} period: the activities file has none in it`;
}

/**
 * What a period whose dates hold no activity cannot have: the metrics a deal takes from its linked
 * activities, whatever their dates (spec: cohort metrics), and the comparison's call rows, whose calls
 * would all be another period's (a tester swapped the two call logs: «Доля пропущенных 50,0% → 66,7%,
 * хуже», each from the other period's calls, while touches and responses were already null).
 */
const LINKED_METRICS = ['touches_per_won', 'won_below_touch_norm', 'response_min_median', 'response_min_avg', 'no_response', 'missed_share', 'callback_rate'];

/**
 * A period whose dates hold no activity of its activities file (a call log that starts at go-live,
 * beside the deals before it): its deals' touches and responses could come only from activities
 * of another period (a first «response» months later, 0.14 touches a sale), and its missed share and
 * callback rate only from another period's calls, so they are null, with
 * the reason, for the department and every manager, and a target on them has no verdict. A reason the
 * period's KPIs already give (kpi's own: no ID column in the deals file to link the activities by) is kept:
 * dated activities alone would not fill the row (a tester: the Zoho deals, with no ID column, were told to
 * add activities dated within the period, in both periods).
 */
export function withoutLinkedActivities(p: PeriodKpis, which: 'before' | 'after'): PeriodKpis {
  const clear = <T extends Record<string, unknown>>(values: T): T => ({ ...values, ...Object.fromEntries(LINKED_METRICS.map((m) => [m, null])) });
  return {
    ...p,
    total: clear(p.total),
    managers: p.managers.map(clear),
    notApplicable: { ...Object.fromEntries(LINKED_METRICS.map((m) => [m, needsPeriodActivities(which)])), ...p.notApplicable },
  };
}

/**
 * Why payback and ROI are not computed, if they are not: the revenue row's reason where a period has no
 * revenue (it names the period's file and what it lacks: a status column, an amount column, sales; T39 F20:
 * a «до» file without a status column was told it lacked the amount column it had), else a period whose
 * won deals have no amount at all (bareRevenue).
 */
function paybackReason(rows: readonly CompareRow[], before: PeriodKpis, after: PeriodKpis): string | undefined {
  const row = rows.find((r) => r.metric === 'revenue_per_month');
  if (row?.before === null || row?.after === null) return row?.not_applicable;
  const bare = [bareRevenue(before, 'before'), bareRevenue(after, 'after')].filter((r) => r !== undefined);
  return bare.length === 0 ? undefined : bare.join('; and ');
}

/**
 * Won deals none of which has an amount, in a file with an amount column: revenue 0 and no average check.
 * The one rule of kpi's won-no-amount alert and of a comparison's period with no gain to count (bareRevenue).
 */
export function revenueWithoutAmounts(total: MetricValues): boolean {
  return (num(total.won) ?? 0) > 0 && total.revenue === 0 && total.average_check === null;
}

/**
 * A period with won deals none of which has an amount, in a file with an amount column (its revenue a
 * number, its average check none): its revenue reads 0, and a gain over it is the amounts left unfilled
 * before a CRM, not sales (T39 F18: payback 4,93 months, ROI +143,5% from budgets left empty). The
 * reason names the period and its deals' option.
 */
function bareRevenue(p: PeriodKpis, which: 'before' | 'after'): string | undefined {
  if (!revenueWithoutAmounts(p.total)) return undefined;
  return fill(COMPARE_TEXT.noWonAmounts.en, { which, whichRu: which === 'before' ? 'до' : 'после', option: p.dealsOption ?? '--deals' });
}

/** The before/after table of spec/metrics.md "Before / after". */
export function compareKpis(before: PeriodKpis, after: PeriodKpis, o: CompareOptions = {}): CompareResult {
  const targets = { ...DEFAULT_TARGETS, ...o.targets };
  const b = periodValues(before);
  const a = periodValues(after);
  const rows = COMPARE_ROWS.map((r) => withTargetReason(withReason(compareRow(r.metric, r.better, b[r.metric] ?? null, a[r.metric] ?? null, targets[r.metric] ?? null), before, after)));
  const result: CompareResult = {
    schemaVersion: 1,
    before: before.period,
    after: after.period,
    rows,
    payback: payback(b.revenue_per_month ?? null, a.revenue_per_month ?? null, o.cost, o.monthlyCost, o.margin, paybackReason(rows, before, after)),
  };
  if (o.cost !== undefined) result.payback_inputs = { cost: o.cost, monthly_cost: o.monthlyCost ?? 0, margin: o.margin ?? 1, margin_given: o.margin !== undefined, ...(o.costInRoubles ? { cost_currency: 'RUB' as const } : {}) };
  if (o.byManager) result.managers = compareManagers(before, after, targets);
  return result;
}

/** The KPI a comparison row is computed from, where its name differs (a per-month rate of a count). */
export const KPI_OF: Readonly<Record<string, string>> = { leads_per_month: 'leads', revenue_per_month: 'revenue', won_per_manager_per_month: 'won' };

/** A row with an empty side, with the reason the period's KPIs give for it (either period's). */
function withReason(row: CompareRow, before: PeriodKpis, after: PeriodKpis): CompareRow {
  if (row.before !== null && row.after !== null) return row;
  const kpi = KPI_OF[row.metric] ?? row.metric;
  const why = [row.before === null ? before.notApplicable?.[kpi] : undefined, row.after === null ? after.notApplicable?.[kpi] : undefined];
  const reason = why[0] !== undefined && why[1] !== undefined ? bothPeriods(why[0], why[1]) : (why[0] ?? why[1]);
  return reason === undefined ? row : { ...row, not_applicable: reason };
}

/**
 * The reason of a row both periods leave empty for the same want: two sets with no call log named only
 * --before-activities, and adding it left the row empty (a tester); it names what fills the row, both
 * periods' options. A cutover's periods give one reason (`--activities`), kept as it is.
 */
function bothPeriods(before: string, after: string): string {
  if (before === after) return before;
  if (before === needsPeriodActivities('before') && after === needsPeriodActivities('after')) return needsPeriodActivities('both');
  const own = / \(--before-(\w+)\)$/.exec(before);
  if (own && after === before.replace(own[0], ` (--after-${own[1]})`)) return before.replace(own[0], ` (--before-${own[1]} and --after-${own[1]})`);
  // A column neither period's file has: «the deals files of both periods (--before-deals and --after-deals)».
  const file = / the before period's (\w+) file \(--before-\1\)/.exec(before);
  if (file && after === before.replace(file[0], ` the after period's ${file[1]} file (--after-${file[1]})`)) return before.replace(file[0], ` the ${file[1]} files of both periods (--before-${file[1]} and --after-${file[1]})`);
  // Different wants: each is said, so that filling one does not leave the row empty unsaid (each names its period).
  return `${before}; and ${after}`;
}

const MANAGER_ROWS = COMPARE_ROWS.filter((r) => ['conversion', 'response_min_median', 'touches_per_won'].includes(r.metric));

/** Each manager's before and after for conversion, median response and touches. */
function compareManagers(before: PeriodKpis, after: PeriodKpis, targets: Record<string, number>): Array<{ manager: string; metrics: CompareRow[] }> {
  const b = new Map(before.managers.map((m) => [m.manager, m]));
  const a = new Map(after.managers.map((m) => [m.manager, m]));
  const names = [...new Set([...b.keys(), ...a.keys()])].sort();
  return names.map((manager) => ({
    manager,
    metrics: MANAGER_ROWS.map((r) => compareRow(r.metric, r.better, num(b.get(manager)?.[r.metric]), num(a.get(manager)?.[r.metric]), targets[r.metric] ?? null)),
  }));
}

/** A gap longer than this between a period's first (or last) deals and the rest may be a mistyped year (strayEnds). */
const STRAY_GAP_DAYS = 180;
/** At most this share of a period's deals (one at least) stand apart for strayEnds to say so. */
const STRAY_SHARE = 0.05;

/** The first or last deals of a period that stand apart from the rest (strayEnds). */
export interface StrayEnd {
  /** How many deals stand apart. */
  deals: number;
  /** The outermost one's id and creation day. */
  id: string;
  day: string;
  /** The day of the nearest deal of the rest. */
  next: string;
  /** The period without them. */
  without: { from: string; to: string };
}

/**
 * The deals at the start (or the end) of a period, 5% of its deals at most (one at least), created more
 * than STRAY_GAP_DAYS before the next one and more days before it than the rest of the period spans: they
 * stretch the period to twice its length or more. One deal with a mistyped 2015 among deals of 2025 made a
 * comparison's «до» 121 months long and turned its payback from none into 14,7 months, while a typo into
 * the future was said and one before 1990 too (T39 F13). The period is a deals' period (withinDeals).
 */
export function strayEnds(store: Pick<DealStore, 'size' | 'created' | 'idOf'>, period: { from: string; to: string }): { start?: StrayEnd; end?: StrayEnd } {
  const [from, to] = [dayOfIso(period.from), dayOfIso(period.to)];
  // A period that holds no day (a cutover past every deal): no deal to stand apart; its error is the periods' own.
  if (!(to >= from)) return {};
  // Deals a day, over the period's days: its ends are walked day by day, with no sort of a million days (130 ms a period).
  const perDay = new Int32Array(to - from + 1);
  let n = 0;
  for (let i = 0; i < store.size; i++) {
    const d = dayOf(store.created[i]!);
    if (d < from || d > to) continue;
    perDay[d - from]!++;
    n++;
  }
  const most = Math.max(1, Math.floor(n * STRAY_SHARE));
  const out: { start?: StrayEnd; end?: StrayEnd } = {};
  const start = apart(perDay, most, n, 1);
  if (start) out.start = strayEnd(store, from + start.day, from + start.next, start.deals, { from: from + start.next, to });
  const end = apart(perDay, most, n, -1);
  if (end) out.end = strayEnd(store, from + end.day, from + end.next, end.deals, { from, to: from + end.next });
  return out;
}

/**
 * From one end of the period (`step` 1: its first day; −1: its last), the first days holding `most` deals
 * at most that stand more than STRAY_GAP_DAYS from the next day with a deal, and no nearer to it than that
 * day is to the period's other end: the outermost day, the next one (indices of `perDay`) and their deals.
 */
function apart(perDay: Int32Array, most: number, n: number, step: 1 | -1): { day: number; next: number; deals: number } | undefined {
  const last = perDay.length - 1;
  const first = step === 1 ? perDay.findIndex((c) => c > 0) : perDay.findLastIndex((c) => c > 0);
  let deals = 0;
  for (let d = first; d >= 0 && d <= last; ) {
    deals += perDay[d]!;
    if (deals > most || deals >= n) return undefined;
    let next = d + step;
    while (perDay[next] === 0) next += step;
    const gap = Math.abs(next - d);
    const rest = step === 1 ? last - next : next;
    if (gap > STRAY_GAP_DAYS && gap >= rest) return { day: first, next, deals };
    d = next;
  }
  return undefined;
}

/** A StrayEnd of `deals` deals whose outermost was created on `day` (a day number), the rest's nearest on `next`. */
function strayEnd(store: Pick<DealStore, 'size' | 'created' | 'idOf'>, day: number, next: number, deals: number, without: { from: number; to: number }): StrayEnd {
  let id = '';
  for (let i = 0; i < store.size && id === ''; i++) if (dayOf(store.created[i]!) === day) id = store.idOf(i);
  return { deals, id, day: isoDay(day * DAY_MS), next: isoDay(next * DAY_MS), without: { from: isoDay(without.from * DAY_MS), to: isoDay(without.to * DAY_MS) } };
}
