import { metricDef, METRICS, NEEDS_SPEND, NEEDS_STAGE_GROUPING, STAGE_METRICS, UNIT_METRICS, type MetricDef } from '../../core/kpi/catalog.js';
import { droppedRows, unreadableRows, type DataQuality, type KpiResult } from '../../core/kpi/types.js';
import { plural, tr } from '../../core/i18n.js';
import { warningLines } from '../../core/kpi/alerts.js';
import { formatCount, formatDay, formatInColumn, formatValue } from '../format.js';
import { byReason, colors, mdStrong, mdTable, mdText, type RenderOptions } from '../text.js';
import { shownData } from '../terminal-safe.js';
import { kpiLabels, METRIC_GROUPS, reasonText, SHORT } from './labels.js';
import { borderlessTable } from './table-style.js';
import { lossReasonRows } from './loss-reasons.js';
import { groupSectionsMarkdown, groupSectionsTerminal } from './groups-text.js';
import { groupingsOf } from './groups.js';
import { lineWidth } from './reading-table.js';
import { wrapWords } from '../wrap.js';

export interface KpiRenderOptions extends RenderOptions {
  /** Only these metrics, in this order, in one table. */
  metrics?: string[];
  /** Loss reasons shown before the rest go under «прочие» (default 10). */
  topReasons?: number;
}

/** Every value of a metric's column in the managers' table (the managers, then the department). */
const column = (result: KpiResult, key: string): unknown[] => [...result.managers.map((m) => m[key]), result.total[key]];

const byKey = new Map(METRICS.map((m) => [m.key, m]));
const label = (key: string, lang: string) => (SHORT[key] ? SHORT[key]![lang === 'ru' ? 'ru' : 'en'] : key);

/** Metric groups to show: --metrics as one group, else the default groups minus not-applicable metrics. */
function groups(result: KpiResult, opts: KpiRenderOptions): Array<{ title: string; metrics: MetricDef[] }> {
  const lang = opts.lang === 'ru' ? 'ru' : 'en';
  // Loss reasons are a table of their own (below), not a column of one value per manager.
  if (opts.metrics?.length) return [{ title: '', metrics: opts.metrics.filter((k) => k !== 'loss_reasons').map((k) => byKey.get(k)!).filter(Boolean) }].filter((g) => g.metrics.length > 0);
  return METRIC_GROUPS.map((g) => ({ title: g.title[lang], metrics: g.keys.filter((k) => !(k in result.notApplicable)).map((k) => byKey.get(k)!) })).filter((g) => g.metrics.length > 0);
}

/** Whether a manager's value is below the norm or the department: shown in red/yellow on a terminal. */
function judge(key: string, value: unknown, total: unknown, touchNorm: number): 'bad' | 'warn' | undefined {
  if (typeof value !== 'number') return undefined;
  if (key === 'touches_per_won') return value < touchNorm ? 'bad' : undefined;
  if (key === 'won_below_touch_norm' || key === 'no_response') return value > 0 ? 'warn' : undefined;
  if (typeof total !== 'number') return undefined;
  if (['conversion', 'win_rate', 'callback_rate', 'paid_share'].includes(key)) return value < total ? 'warn' : undefined;
  if (['response_min_median', 'missed_share', 'cycle_days_median'].includes(key)) return value > total ? 'warn' : undefined;
  return undefined;
}

/**
 * The KPIs as terminal tables: metric groups per manager with a department row, loss reasons, data
 * quality; the data's texts made safe before anything is painted (shownData).
 */
export function renderKpiTable(result: KpiResult, opts: KpiRenderOptions): string {
  return kpiTable(shownData(result), shownData(opts));
}

function kpiTable(result: KpiResult, opts: KpiRenderOptions): string {
  const L = kpiLabels(opts.lang);
  const c = colors(opts.color);
  const norm = result.options?.touchNorm ?? 5;
  // The period on a line of its own, as Markdown gives it: «… по менеджерам — Период: 01.07.2024 — 30.06.2025» had a capital after a dash and two dashes (tester T62 C18).
  const out: string[] = [c.bold(`${L.title}${opts.company ? ` — ${opts.company}` : ''}`), `${L.period}: ${periodText(result, opts.lang)}`];
  for (const g of groups(result, opts)) {
    const head = [L.manager, ...g.metrics.map((m) => label(m.key, opts.lang))];
    const rows = result.managers.map((m) => [
      m.manager,
      ...g.metrics.map((def) => {
        const text = formatInColumn(m[def.key], def.format, opts.lang, column(result, def.key));
        const verdict = judge(def.key, m[def.key], result.total[def.key], norm);
        return verdict === 'bad' ? c.red(text) : verdict === 'warn' ? c.yellow(text) : text;
      }),
    ]);
    rows.push([c.bold(L.total), ...g.metrics.map((def) => c.bold(formatInColumn(result.total[def.key], def.format, opts.lang, column(result, def.key))))]);
    out.push('', ...(g.title ? [c.bold(g.title)] : []), borderlessTable(head, rows, c, 1, opts.width));
  }
  const reasons = lossRows(result, opts);
  if (reasons.length > 0 && showsReasons(opts)) {
    const rows = reasons.map((r) => [clip(r.reason, 60), formatCount(r.count, opts.lang), formatValue(r.share, 'ratio', opts.lang)]);
    out.push('', c.bold(L.lossReasons), borderlessTable([L.reason, L.count, L.share], rows, c, 1, opts.width));
  }
  out.push(...groupSectionsTerminal(result, opts, c));
  out.push('', c.dim(qualityLine(result, opts.lang)));
  // Of the metrics asked for (--metrics), else of all; each with its reason, as JSON's notApplicable has it (no pointer there).
  const na = notComputed(result, opts);
  if (na) out.push(...wrapWords(`${L.notApplicable}: ${na}`, lineWidth(opts.width)).map((l) => c.dim(l)));
  return `${out.join('\n')}\n`;
}

/**
 * The metrics not applicable (of those asked for, --metrics, else all) with what would enable them,
 * grouped by reason: «Оплачено, Доля оплаты — нужна колонка оплаченной суммы в файле оплат». The
 * table listed the names alone, and Markdown nothing, so a report did not say which column to add.
 */
function notComputed(result: KpiResult, opts: KpiRenderOptions): string | undefined {
  const pairs: Array<[string, string]> = [];
  for (const [key, reason] of [...Object.entries(result.notApplicable), ...askedElsewhere(result, opts.metrics)]) {
    if (opts.metrics?.length && !opts.metrics.includes(key)) continue;
    pairs.push([metricDef(key)?.label[opts.lang === 'ru' ? 'ru' : 'en'] ?? key, reasonText(reason, opts.lang)]);
  }
  return pairs.length === 0 ? undefined : byReason(pairs, opts.lang);
}

/**
 * Metrics asked for (--metrics) that this run has no place for, with why: the unit economics without
 * a spend file, the stage metrics without a grouping by stage. Not in `notApplicable` (the JSON has
 * no such keys then), so `--metrics spend,cac` without --spend printed an empty report and no reason.
 */
function askedElsewhere(result: KpiResult, metrics: readonly string[] | undefined): Array<[string, string]> {
  const stages = groupingsOf(result).some((g) => g.stage);
  return (metrics ?? []).flatMap((key): Array<[string, string]> => {
    if (key in result.notApplicable) return [];
    if (!result.spend && UNIT_METRICS.some((m) => m.key === key)) return [[key, NEEDS_SPEND]];
    if (!stages && !byKey.has(key) && STAGE_METRICS.some((m) => m.key === key)) return [[key, NEEDS_STAGE_GROUPING]];
    return [];
  });
}

/** Whether the loss reasons table is shown: always, or when --metrics names them. */
function showsReasons(opts: KpiRenderOptions): boolean {
  return !opts.metrics?.length || opts.metrics.includes('loss_reasons');
}

/** The department's loss reasons, top N with «прочие». */
function lossRows(result: KpiResult, opts: KpiRenderOptions) {
  const reasons = result.total.loss_reasons;
  return lossReasonRows(reasons && typeof reasons === 'object' ? reasons : null, opts.lang, opts.topReasons);
}

/** A free-text reason cut to fit a terminal line; the full text stays in JSON and the workbook. */
function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/**
 * The days the KPIs are over, as every report names them: the first and last day of the deals read
 * (`dataPeriod`, within --from/--to), else the period asked, as the HTML cover names it. «Все данные»
 * said nothing of the days, where the HTML said «01.07.2024 — 30.06.2025» (a tester).
 */
export function shownPeriod(result: Pick<KpiResult, 'period' | 'dataPeriod'>): { from: string | null; to: string | null } {
  return result.dataPeriod ?? result.period;
}

/** shownPeriod as text: «01.07.2024 — 30.06.2025», «01.01.2025 — …», «все данные» when no deal is dated and no period was asked. */
export function periodText(result: Pick<KpiResult, 'period' | 'dataPeriod'>, lang: string): string {
  const { from, to } = shownPeriod(result);
  if (!from && !to) return kpiLabels(lang).allTime;
  return `${from ? formatDay(from, lang) : '…'} — ${to ? formatDay(to, lang) : '…'}`;
}

/** One line on what was read, skipped and dropped. */
export function qualityLine(result: KpiResult, lang: string): string {
  const q = result.dataQuality;
  // Empty rows are no rows read: said apart, so that read = records + unreadable + dropped.
  const counts = q.files.map((f) => droppedRows(f.dropped));
  const dropped = counts.reduce((n, c) => n + c.dropped, 0);
  const empty = counts.reduce((n, c) => n + c.empty, 0);
  const merged = counts.reduce((n, c) => n + c.merged, 0);
  const files = q.files.length;
  const unreadable = unreadableRows(q);
  // Missed calls nobody took and deals assigned to no one are skipped by the spec's rule, not unreadable: counted apart.
  const unassigned = q.files.reduce((n, f) => n + (f.dealsNoManager ?? 0), 0);
  const nobody = q.rowsSkippedCount - unreadable - unassigned;
  return tr(
    lang,
    `Прочитано строк: ${formatCount(q.rowsRead, lang)} из ${files} ${plural(files, 'файла', 'файлов', 'файлов')}; не прочитано: ${formatCount(unreadable, lang)}${unassigned > 0 ? `; сделок без менеджера: ${formatCount(unassigned, lang)}` : ''}${nobody > 0 ? `; звонков без сотрудника: ${formatCount(nobody, lang)}` : ''}; отброшено служебных: ${formatCount(dropped, lang)}${merged > 0 ? `; объединено со строкой своей сделки (товары, повторы): ${formatCount(merged, lang)}` : ''}${empty > 0 ? `; пустых строк (не входят в прочитанные): ${formatCount(empty, lang)}` : ''}.`,
    `Read ${formatCount(q.rowsRead, lang)} rows from ${files} ${files === 1 ? 'file' : 'files'}; unreadable: ${formatCount(unreadable, lang)}${unassigned > 0 ? `; deals with no manager: ${formatCount(unassigned, lang)}` : ''}${nobody > 0 ? `; calls with no employee: ${formatCount(nobody, lang)}` : ''}; non-data rows dropped: ${formatCount(dropped, lang)}${merged > 0 ? `; merged into their deal's row (products, repeats): ${formatCount(merged, lang)}` : ''}${empty > 0 ? `; empty rows (not among those read): ${formatCount(empty, lang)}` : ''}.`,
  );
}

/** The KPIs as Markdown. */
export function renderKpiMarkdown(result: KpiResult, opts: KpiRenderOptions): string {
  const L = kpiLabels(opts.lang);
  const out = [`# ${L.title}${opts.company ? ` — ${mdText(opts.company)}` : ''}`, '', `${L.period}: ${periodText(result, opts.lang)}`];
  for (const g of groups(result, opts)) {
    out.push('', ...(g.title ? [`## ${g.title}`, ''] : []));
    out.push(
      mdTable(
        [L.manager, ...g.metrics.map((m) => label(m.key, opts.lang))],
        [...result.managers.map((m) => [m.manager, ...g.metrics.map((d) => formatInColumn(m[d.key], d.format, opts.lang, column(result, d.key)))]), [mdStrong(L.total), ...g.metrics.map((d) => formatInColumn(result.total[d.key], d.format, opts.lang, column(result, d.key)))]],
        ['left', ...g.metrics.map(() => 'right' as const)],
      ),
    );
  }
  const reasons = lossRows(result, opts);
  if (reasons.length > 0 && showsReasons(opts)) {
    out.push('', `## ${L.lossReasons}`, '', mdTable([L.reason, L.count, L.share], reasons.map((r) => [clip(r.reason, 120), formatCount(r.count, opts.lang), formatValue(r.share, 'ratio', opts.lang)]), ['left', 'right', 'right']));
  }
  out.push(...groupSectionsMarkdown(result, opts));
  out.push('', `_${qualityLine(result, opts.lang)}_`);
  const na = notComputed(result, opts);
  if (na) out.push('', `**${mdText(L.notApplicable)}:** ${mdText(na)}`);
  out.push(...markdownWarnings(result.dataQuality, opts.lang));
  return `${out.join('\n')}\n`;
}

/**
 * The warnings stderr gave (mixed currencies, unreadable rows, a period of 11 days…), each a quote
 * after an empty line: a document read away from the terminal keeps them (kpi's, compare's, report's).
 */
export function markdownWarnings(quality: Pick<DataQuality, 'warnings' | 'alerts'> | undefined, lang: string): string[] {
  if (!quality) return [];
  return warningLines(quality, lang).flatMap((w) => ['', `> **${tr(lang, 'Внимание', 'Warning')}:** ${mdText(w)}`]);
}
