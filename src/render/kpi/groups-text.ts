import type { ChalkInstance } from 'chalk';
import { UNIT_METRICS, type MetricDef } from '../../core/kpi/catalog.js';
import type { KpiResult, MetricValues, PlanFigure, PlanResult } from '../../core/kpi/types.js';
import { formatInColumn, formatValue } from '../format.js';
import { dimLabel, GROUP_SHORT, groupingTitle, groupLabels } from './group-labels.js';
import { dimText, groupingsOf, readingColumns, type Grouping } from './groups.js';
import { SHORT } from './labels.js';
import { lineWidth, markdownTable, terminalTables, type Cell, type ReadingTable, type Tone } from './reading-table.js';
import { wrapWords } from '../wrap.js';
import { mdText } from '../text.js';

/** A figure of the plan: which of them a plan has, in this order. */
export const PLAN_MEASURES = ['leads', 'won', 'revenue'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];
const MEASURE_FORMAT = { leads: 'count', won: 'count', revenue: 'money' } as const;

const short = (m: MetricDef, lang: string) => {
  const s = SHORT[m.key] ?? GROUP_SHORT[m.key];
  return s ? (lang === 'ru' ? s.ru : s.en) : m.label[lang === 'ru' ? 'ru' : 'en'];
};

/** How a group's value reads against the department: a lower conversion, a slower response, a loss. */
export function toneOf(key: string, value: unknown, total: unknown): Tone | undefined {
  if (typeof value !== 'number') return undefined;
  if (key === 'romi') return value < 0 ? 'bad' : undefined;
  if (key === 'ltv_cac') return value < 1 ? 'bad' : undefined;
  if (typeof total !== 'number') return undefined;
  if (key === 'conversion') return value < total ? 'warn' : undefined;
  if (key === 'response_min_median' || key === 'cycle_days_median') return value > total ? 'warn' : undefined;
  return undefined;
}

/** A metric's cell; `column` is every value of its table column, so money keeps one precision down it. */
const cell = (m: MetricDef, v: MetricValues, total: MetricValues | null, lang: string, column: readonly unknown[] = [v[m.key]]): Cell => {
  const tone = toneOf(m.key, v[m.key], total?.[m.key]);
  return { text: formatInColumn(v[m.key], m.format, lang, column), ...(tone ? { tone } : {}) };
};

/**
 * A grouping's table of the given metrics: a row per group, the department last. A group none of
 * whose shown metrics is a number other than 0 is left out: a row of zeros and dashes (a source that
 * only has calls without a deal, a month after the deals end that only has calls, a month without
 * spend or sales) says nothing there and reads as a bug. A group the spend file has a row for stays in
 * a table of spend, its spend 0 included: a free channel is a value (a tester saw it dropped). JSON,
 * CSV and XLSX keep every group.
 */
function groupingTable(result: KpiResult, g: Grouping, metrics: MetricDef[], title: string, lang: string, full: boolean): ReadingTable {
  const L = groupLabels(lang);
  const spendShown = metrics.some((m) => m.key === 'spend');
  const groups = g.groups.filter((x) => metrics.some((m) => typeof x.metrics[m.key] === 'number' && x.metrics[m.key] !== 0) || (spendShown && typeof x.metrics.spend === 'number'));
  const column = new Map(metrics.map((m) => [m.key, [...groups.map((x) => x.metrics[m.key]), result.total[m.key]]]));
  const rows: ReadingTable['rows'] = groups.map((x) => ({ keys: g.dims.map((d) => dimText(x.by[d], d, lang)), values: metrics.map((m) => cell(m, x.metrics, result.total, lang, column.get(m.key))) }));
  rows.push({ keys: g.dims.map((_, i) => (i === 0 ? L.department : '')), values: metrics.map((m) => cell(m, result.total, null, lang, column.get(m.key))), total: true });
  return { title, keys: g.dims.map((d) => dimLabel(d, lang)), columns: metrics.map((m) => (full ? m.label[lang === 'ru' ? 'ru' : 'en'] : short(m, lang))), rows };
}

/**
 * A grouping's tables: its deal metrics (or its stage metrics), then its unit economics. Headed by the
 * metrics' full names (`full`: HTML and Markdown, as their managers' tables are), else by the terminal's
 * abbreviations (tester T62 B3: one HTML report said «Средний чек» over the managers and «Ср. чек» over the months).
 */
export function tablesOfGrouping(result: KpiResult, g: Grouping, lang: string, metrics?: string[], full = false): ReadingTable[] {
  const cols = readingColumns(result, g, metrics);
  const title = groupingTitle(g.dims, lang);
  const out: ReadingTable[] = [];
  if (cols.deal.length > 0) out.push(groupingTable(result, g, cols.deal, title, lang, full));
  if (cols.unit.length > 0) out.push(groupingTable(result, g, cols.unit, groupLabels(lang).unitEconomicsOf(title), lang, full));
  return out;
}

/** Every grouping's tables, in the order asked for. */
export function groupingTables(result: KpiResult, lang: string, metrics?: string[], full = false): ReadingTable[] {
  return groupingsOf(result).flatMap((g) => tablesOfGrouping(result, g, lang, metrics, full));
}

/** The department's unit economics, one metric a row, with the margin they assume. */
export function unitEconomicsTable(result: KpiResult, lang: string): ReadingTable | undefined {
  if (!result.spend) return undefined;
  const L = groupLabels(lang);
  const code = lang === 'ru' ? 'ru' : 'en';
  const rows: ReadingTable['rows'] = UNIT_METRICS.map((m) => ({ keys: [m.label[code]], values: [cell(m, result.total, null, lang)] }));
  rows.push({ keys: [L.margin], values: [{ text: formatValue(result.spend.margin, 'ratio', lang) }] });
  return { title: `${L.unitEconomics} — ${L.department.toLowerCase()}`, keys: [L.metric], columns: [L.value], rows };
}

/** The note on spend no deal's source matches: counted in the department's spend, not dropped. */
export function unmatchedSpendNote(result: KpiResult, lang: string): string | undefined {
  const list = result.spend?.unmatched ?? [];
  if (list.length === 0) return undefined;
  return groupLabels(lang).unmatched(list.map((u) => `${u.source} — ${formatValue(u.amount, 'money', lang)}`).join('; '));
}

/** The plan's measures that any row or the totals have. */
export function planMeasures(plan: PlanResult): PlanMeasure[] {
  return PLAN_MEASURES.filter((m) => plan[m] !== undefined || plan.rows.some((r) => r[m] !== undefined));
}

const planCells = (f: PlanFigure | undefined, m: PlanMeasure, lang: string): Cell[] => {
  if (!f) return [{ text: '—' }, { text: '—' }, { text: '—' }];
  const tone: Tone | undefined = f.achieved === null ? undefined : f.achieved < 1 ? 'warn' : 'good';
  return [{ text: formatValue(f.plan, MEASURE_FORMAT[m], lang) }, { text: formatValue(f.fact, MEASURE_FORMAT[m], lang) }, { text: formatValue(f.achieved, 'ratio', lang), ...(tone ? { tone } : {}) }];
};

/** Plan vs fact: a row per manager or source and month (plan, fact, % of plan for each measure), the totals last. */
export function planTable(result: KpiResult, lang: string): ReadingTable | undefined {
  const plan = result.plan;
  if (!plan) return undefined;
  const L = groupLabels(lang);
  const measures = planMeasures(plan);
  const who = plan.by;
  const rows: ReadingTable['rows'] = plan.rows.map((r) => ({ keys: [dimText(r.by[who], who, lang), dimText(r.by.month, 'month', lang)], values: measures.flatMap((m) => planCells(r[m], m, lang)) }));
  rows.push({ keys: [L.planTotal, ''], values: measures.flatMap((m) => planCells(plan[m], m, lang)), total: true });
  const columns = measures.flatMap((m) => [L.planShort(L.measuresShort[m]), L.factShort(L.measuresShort[m]), L.achievedShort(L.measuresShort[m])]);
  return { title: L.plan, keys: [dimLabel(who, lang), dimLabel('month', lang)], columns, units: measures.flatMap((_, i) => [i, i, i]), rows };
}

/** Every table after the managers': the department's unit economics, the groupings, the plan. */
function extraTables(result: KpiResult, lang: string, metrics?: string[], full = false): { unit?: ReadingTable; groupings: ReadingTable[]; plan?: ReadingTable; note?: string } {
  return { unit: unitEconomicsTable(result, lang), note: unmatchedSpendNote(result, lang), groupings: groupingTables(result, lang, metrics, full), plan: planTable(result, lang) };
}

/** The terminal lines of the groupings, unit economics and plan (none when the result has none of them). */
export function groupSectionsTerminal(result: KpiResult, opts: { lang: string; metrics?: string[]; width?: number }, c: ChalkInstance): string[] {
  const width = lineWidth(opts.width);
  const x = extraTables(result, opts.lang, opts.metrics);
  const out: string[] = [];
  const add = (t: ReadingTable | undefined) => {
    if (!t) return;
    terminalTables(t, c, width).forEach((table, i) => out.push('', ...(i === 0 && t.title ? [c.bold(t.title)] : []), table));
  };
  add(x.unit);
  if (x.note) out.push(...wrapWords(x.note, width).map((l) => c.yellow(l)));
  x.groupings.forEach(add);
  add(x.plan);
  return out;
}

/** The Markdown sections of the groupings, unit economics and plan. */
export function groupSectionsMarkdown(result: KpiResult, opts: { lang: string; metrics?: string[] }): string[] {
  const x = extraTables(result, opts.lang, opts.metrics, true);
  const out: string[] = [];
  const add = (t: ReadingTable | undefined) => {
    if (t) out.push('', `## ${mdText(t.title ?? '')}`, '', markdownTable(t));
  };
  add(x.unit);
  if (x.note) out.push('', `_${mdText(x.note)}_`);
  x.groupings.forEach(add);
  add(x.plan);
  return out;
}
