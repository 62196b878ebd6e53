import type { MetricFormat } from '../../core/kpi/catalog.js';
import type { KpiGroup, KpiResult } from '../../core/kpi/types.js';
import { formatMonth, formatValue } from '../format.js';
import { metricDef } from '../../core/kpi/catalog.js';
import { dimText, groupingsOf } from '../kpi/groups.js';
import { groupChartLabels } from './labels.js';
import { barSpec, monthLineSpec, type Bar, type Chart } from './spec.js';

/** Sources drawn as lines of their own; the rest are summed into one «прочие» line. */
export const TOP_SOURCES = 6;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The groups of the first grouping with exactly these dimensions that a chart of deal figures shows:
 * those with deals or spend. A month or a source that only activities have (calls after the last
 * deal, calls linked to no deal) would draw a line down to 0 that no deal made.
 */
function groupsBy(k: KpiResult, dims: string[]): KpiGroup[] | undefined {
  return groupingsOf(k)
    .find((g) => same(g.dims, dims))
    ?.groups.filter((g) => (num(g.metrics.leads) ?? 0) > 0 || (num(g.metrics.spend) ?? 0) > 0);
}

/** A line's figures in a month: counts and sums, so that lines summed into «прочие» stay exact. */
interface MonthFigures {
  leads: number | null;
  won: number | null;
  revenue: number | null;
}

const figuresOf = (g: KpiGroup): MonthFigures => ({ leads: num(g.metrics.leads), won: num(g.metrics.won), revenue: num(g.metrics.revenue) });
const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/**
 * The lines of the month charts: the department (from `--by month`) and each source (from `--by
 * source,month`), the TOP_SOURCES sources with the most leads by name, the others summed as one line.
 */
function monthSeries(k: KpiResult, lang: string): { months: string[]; series: Array<{ name: string; byMonth: Map<string, MonthFigures> }> } | undefined {
  const L = groupChartLabels(lang);
  const months = groupsBy(k, ['month']);
  const pivot = groupsBy(k, ['source', 'month']);
  if (!months?.length && !pivot?.length) return undefined;
  const series: Array<{ name: string; byMonth: Map<string, MonthFigures> }> = [];
  if (months?.length) series.push({ name: L.department, byMonth: new Map(months.filter((g) => g.by.month).map((g) => [g.by.month!, figuresOf(g)])) });
  if (pivot?.length) {
    const bySource = new Map<string, Map<string, MonthFigures>>();
    const leads = new Map<string, number>();
    for (const g of pivot) {
      if (!g.by.month) continue;
      const name = dimText(g.by.source, 'source', lang);
      if (!bySource.has(name)) bySource.set(name, new Map());
      bySource.get(name)!.set(g.by.month, figuresOf(g));
      leads.set(name, (leads.get(name) ?? 0) + (num(g.metrics.leads) ?? 0));
    }
    const ranked = [...bySource.keys()].sort((a, b) => leads.get(b)! - leads.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    const shown = ranked.length > TOP_SOURCES + 1 ? ranked.slice(0, TOP_SOURCES) : ranked;
    for (const name of shown) series.push({ name, byMonth: bySource.get(name)! });
    const rest = ranked.slice(shown.length);
    if (rest.length > 0) {
      const sum = new Map<string, MonthFigures>();
      for (const name of rest) {
        for (const [m, f] of bySource.get(name)!) {
          const s = sum.get(m) ?? { leads: null, won: null, revenue: null };
          sum.set(m, { leads: add(s.leads, f.leads), won: add(s.won, f.won), revenue: add(s.revenue, f.revenue) });
        }
      }
      series.push({ name: L.others(rest.length), byMonth: sum });
    }
  }
  const all = [...new Set(series.flatMap((s) => [...s.byMonth.keys()]))].sort();
  return { months: all, series };
}

/** A line chart of one figure by month, a line per series; the table has a row per month and a column per series. */
function monthChart(id: string, title: string, lang: string, data: NonNullable<ReturnType<typeof monthSeries>>, format: MetricFormat, value: (f: MonthFigures) => number | null): Chart | undefined {
  const L = groupChartLabels(lang);
  const labels = data.months.map((m) => formatMonth(m, lang));
  const points = data.series.flatMap((s) =>
    data.months.flatMap((m, i) => {
      const f = s.byMonth.get(m);
      const v = f ? value(f) : null;
      return v === null ? [] : [{ month: labels[i]!, series: s.name, value: v, text: formatValue(v, format, lang) }];
    }),
  );
  if (points.length === 0) return undefined;
  const names = data.series.map((s) => s.name);
  const rows = data.months.map((m, i) => [labels[i]!, ...data.series.map((s) => {
    const f = s.byMonth.get(m);
    return formatValue(f ? value(f) : null, format, lang);
  })]);
  return { id, kind: 'line', title, marks: points.length, spec: monthLineSpec(lang, points, labels, names, format), table: { head: [L.month, ...names], rows } };
}

/** Leads, conversion and revenue by month: the trend of the department and of each source. */
export function monthCharts(k: KpiResult, lang: string): Chart[] {
  const data = monthSeries(k, lang);
  if (!data) return [];
  const L = groupChartLabels(lang);
  const charts = [
    monthChart('months-leads', L.monthLeads, lang, data, 'count', (f) => f.leads),
    monthChart('months-conversion', L.monthConversion, lang, data, 'ratio', (f) => (f.leads === null || f.leads === 0 || f.won === null ? null : f.won / f.leads)),
    'revenue' in k.notApplicable ? undefined : monthChart('months-revenue', L.monthRevenue, lang, data, 'money', (f) => f.revenue),
  ];
  return charts.filter((c): c is Chart => c !== undefined);
}

/** One metric per group of a dimension (source, pipeline, stage) as bars, against the department when it has the metric. */
function dimChart(k: KpiResult, groups: KpiGroup[], dim: 'source' | 'pipeline' | 'stage', lang: string, id: string, key: string, format: MetricFormat, title: string, tone: (v: number, total: number | null) => Bar['tone']): Chart | undefined {
  const L = groupChartLabels(lang);
  const total = num(k.total[key]);
  const bars: Bar[] = groups.flatMap((g) => {
    const v = num(g.metrics[key]);
    return v === null ? [] : [{ label: dimText(g.by[dim], dim, lang), value: v, text: formatValue(v, format, lang), tone: tone(v, total) }];
  });
  if (bars.length === 0) return undefined;
  // A count's department is the groups' sum, no line to measure a group against.
  const rule = total === null || format === 'count' ? undefined : { value: total, label: L.department.toLowerCase() };
  return {
    id, kind: 'bar', title, marks: bars.length, spec: barSpec(lang, bars, format, rule),
    table: { head: [L[dim], metricDef(key)!.label[lang === 'ru' ? 'ru' : 'en'], ...(rule ? [L.department] : [])], rows: bars.map((b) => [b.label, b.text, ...(rule ? [formatValue(total, format, lang)] : [])]) },
  };
}

const sourceChart = (k: KpiResult, groups: KpiGroup[], lang: string, id: string, key: string, format: MetricFormat, title: string, tone: (v: number, total: number | null) => Bar['tone']) => dimChart(k, groups, 'source', lang, id, key, format, title, tone);

/** Conversion against the department's: under it is bad. */
const belowDepartment = (v: number, t: number | null): Bar['tone'] => (t !== null && v < t ? 'bad' : 'good');

/**
 * Leads and conversion by pipeline (`--by pipeline`), as by source: the report had the table alone, while a
 * company with a pipeline per product or branch compares them first (tester T42).
 */
export function pipelineCharts(k: KpiResult, lang: string): Chart[] {
  const groups = groupsBy(k, ['pipeline']);
  // One pipeline is the department: a bar beside nothing compares nothing.
  if (!groups || groups.length < 2) return [];
  const L = groupChartLabels(lang);
  return [dimChart(k, groups, 'pipeline', lang, 'pipelines-leads', 'leads', 'count', L.pipelineLeads, () => 'base'), dimChart(k, groups, 'pipeline', lang, 'pipelines-conversion', 'conversion', 'ratio', L.pipelineConversion, belowDepartment)].filter((c): c is Chart => c !== undefined);
}

/**
 * Open deals by stage and their median age (`--by stage`), the stages in the grouping's order: where the
 * deals in work sit and which stage they stall at. A stage with no open deal draws no bar.
 */
export function stageCharts(k: KpiResult, lang: string): Chart[] {
  const groups = groupingsOf(k)
    .find((g) => same(g.dims, ['stage']))
    ?.groups.filter((g) => (num(g.metrics.open) ?? 0) > 0);
  if (!groups || groups.length < 2) return [];
  const L = groupChartLabels(lang);
  return [dimChart(k, groups, 'stage', lang, 'stages-open', 'open', 'count', L.stageOpen, () => 'base'), dimChart(k, groups, 'stage', lang, 'stages-age', 'age_days_median', 'days', L.stageAge, () => 'base')].filter((c): c is Chart => c !== undefined);
}

/** Leads and conversion by source, and with a spend file CAC and ROMI: from `--by source`. */
export function sourceCharts(k: KpiResult, lang: string): Chart[] {
  const groups = groupsBy(k, ['source']);
  if (!groups?.length) return [];
  const L = groupChartLabels(lang);
  const charts = [
    sourceChart(k, groups, lang, 'sources-leads', 'leads', 'count', L.sourceLeads, () => 'base'),
    sourceChart(k, groups, lang, 'sources-conversion', 'conversion', 'ratio', L.sourceConversion, belowDepartment),
    ...(k.spend
      ? [
          sourceChart(k, groups, lang, 'sources-cac', 'cac', 'money', L.sourceCac, (v, t) => (t !== null && v > t ? 'bad' : 'good')),
          // Against the department, as conversion and CAC are (ROMI 11,8 % far below the department's 79,4 % was green); without its figure, a loss is bad.
          sourceChart(k, groups, lang, 'sources-romi', 'romi', 'ratio', L.sourceRomi, (v, t) => ((t !== null ? v < t : v < 0) ? 'bad' : 'good')),
        ]
      : []),
  ];
  return charts.filter((c): c is Chart => c !== undefined);
}
