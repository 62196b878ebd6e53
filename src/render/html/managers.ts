import { METRICS, type MetricDef } from '../../core/kpi/catalog.js';
import type { KpiResult } from '../../core/kpi/types.js';
import { formatInColumn } from '../format.js';
import { kpiLabels, METRIC_GROUPS, reasonText } from '../kpi/labels.js';
import { currencyCaveat } from './cover.js';
import { htmlLabels } from './labels.js';
import type { ReadingTable } from '../kpi/reading-table.js';
import { esc, section } from './page.js';
import { byReason } from '../text.js';
import { htmlTable } from './page-tables.js';

/**
 * Every metric of the catalog a manager has (loss reasons are a table of their own), under the terminal
 * and Markdown's group titles and in their order; a metric those groups leave out (the mean cycle, the
 * mean response) follows the metric it follows in the catalog. A metric added to the catalog is never
 * left out: it joins the group of the one before it.
 */
export function managerMetricGroups(lang: string): Array<{ title: string; metrics: MetricDef[] }> {
  const ll = lang === 'ru' ? 'ru' : 'en';
  const groups = METRIC_GROUPS.map((g) => ({ title: g.title[ll], keys: g.keys.filter((k) => METRICS.some((m) => m.key === k)) }));
  let previous: string | undefined;
  for (const m of METRICS) {
    if (m.key === 'loss_reasons') continue;
    if (!groups.some((g) => g.keys.includes(m.key))) {
      const g = groups.find((x) => previous !== undefined && x.keys.includes(previous)) ?? groups[0]!;
      g.keys.splice(previous === undefined ? g.keys.length : g.keys.indexOf(previous) + 1, 0, m.key);
    }
    previous = m.key;
  }
  return groups.map((g) => ({ title: g.title, metrics: g.keys.map((k) => METRICS.find((m) => m.key === k)!) }));
}

/** «Не рассчитано: Письма, Встречи — нужна колонка типа активности…», the metrics grouped by reason, as Markdown says it. */
function notComputedNote(k: KpiResult, metrics: MetricDef[], lang: string): string {
  const pairs = metrics.flatMap((m): Array<[string, string]> => {
    const reason = k.notApplicable[m.key];
    return reason === undefined ? [] : [[m.label[lang === 'ru' ? 'ru' : 'en'], reasonText(reason, lang)]];
  });
  if (pairs.length === 0) return '';
  const text = byReason(pairs, lang);
  return `<p class="note not-computed">${esc(`${htmlLabels(lang).notApplicable}: ${text}`)}</p>`;
}

/** The first column's least width in CSS pixels: `table.manager-kpis td:first-child{min-width:11em}` at 12 px. */
const NAME_PX = 11 * 12;

/**
 * One group's table: a row per manager and the department's, a column per metric, each column in one
 * precision (formatInColumn, as Markdown and the terminal), split for the page where it is wider (the
 * calls' seven columns), the managers repeated; a metric not computed is «—» in every row and its reason
 * is said under the table. A group none of whose metrics is computed is its reason alone.
 */
function groupTable(k: KpiResult, g: { title: string; metrics: MetricDef[] }, lang: string, caveat: ReturnType<typeof currencyCaveat>): string {
  const L = kpiLabels(lang);
  const ll = lang === 'ru' ? 'ru' : 'en';
  const note = notComputedNote(k, g.metrics, lang);
  const title = `<h3>${esc(g.title)}</h3>`;
  if (g.metrics.every((m) => m.key in k.notApplicable)) return `<div class="metric-group">${title}${note}</div>`;
  const who = [...k.managers.map((m) => ({ name: m.manager, v: m as Record<string, unknown> })), { name: L.total, v: k.total as Record<string, unknown> }];
  const column = (key: string) => who.map((w) => w.v[key]);
  const cell = (m: MetricDef, v: unknown) => ({ text: m.key in k.notApplicable ? '—' : formatInColumn(v, m.format, lang, column(m.key)) });
  // Sums of several currencies added as they are: their columns marked, and the cover's caveat under the table.
  const marked = (m: MetricDef) => caveat.keys.has(m.key) && !(m.key in k.notApplicable);
  const t: ReadingTable = {
    keys: [L.manager],
    columns: g.metrics.map((m) => (marked(m) ? `${m.label[ll]}\u00a0*` : m.label[ll])),
    rows: who.map((w, i) => ({ keys: [w.name], values: g.metrics.map((m) => cell(m, w.v[m.key])), ...(i === who.length - 1 ? { total: true } : {}) })),
  };
  const warn = g.metrics.some(marked) ? caveat.lines.map((l) => `<p class="caveat">${esc(l)}</p>`).join('') : '';
  return `<div class="metric-group">${title}${htmlTable(t, false, { cls: 'manager-kpis', firstKeyPx: NAME_PX })}${warn}${note}</div>`;
}

/**
 * Every metric per manager and for the department, in the groups the terminal and Markdown show them
 * in: the HTML said (as stderr and the README) that it held every metric, and had no manager's revenue,
 * average check, cycle, repeat sales, payments or talk time (a tester). The department's unit economics
 * have a section of their own.
 */
export function managerKpisSection(k: KpiResult, lang: string): string {
  const caveat = currencyCaveat(k.dataQuality.alerts, lang);
  return section('manager-kpis', htmlLabels(lang).managerKpis, managerMetricGroups(lang).map((g) => groupTable(k, g, lang, caveat)).join(''));
}
