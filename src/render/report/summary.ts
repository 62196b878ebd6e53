import { outOf } from '../audit/labels.js';
import type { ReportResult } from '../../core/report.js';
import { tr } from '../../core/i18n.js';
import { metricDef, METRICS } from '../../core/kpi/catalog.js';
import { KPI_OF } from '../../core/compare.js';
import { formatDay, formatJudged, formatLocalDate, formatPoints, formatValue } from '../format.js';
import { compareLabels, renderCompareMarkdown, ROW_INFO } from '../compare/text.js';
import { mdCode, mdTable, mdText } from '../text.js';
import { evidenceMarkdown, recommendationsMarkdown } from '../audit/text.js';
import { groupLabels } from '../kpi/group-labels.js';
import { planMeasures } from '../kpi/groups-text.js';
import { markdownWarnings, shownPeriod } from '../kpi/text.js';
import { assertionTally, auditNames, bareLabel, describeFailure, levelWord, showWithUnit, skippedNote } from './assertion-text.js';
import { ASSERT_SKIPPED, say } from '../../core/messages.js';

/** Headline KPIs on the Summary sheet and the CI summary. */
export const HEADLINE = ['leads', 'conversion', 'win_rate', 'revenue', 'average_check', 'cycle_days_median', 'response_min_median', 'missed_share', 'callback_rate', 'paid_share'];
/** The department's unit economics after them, when the KPIs had a spend file. */
export const UNIT_HEADLINE = ['spend', 'cac', 'cost_per_lead', 'romi', 'ltv', 'ltv_cac'];
/** A headline metric's definition: a deal metric or a unit-economics one. */
export const headlineDef = (key: string) => metricDef(key)!;

export function reportLabels(lang: string) {
  return {
    title: tr(lang, 'Отчёт crm-audit', 'crm-audit report'),
    company: tr(lang, 'Компания', 'Company'),
    date: tr(lang, 'Дата', 'Date'),
    audit: tr(lang, 'Аудит зрелости', 'Maturity audit'),
    band: tr(lang, 'Уровень', 'Band'),
    evidenceTotal: tr(lang, 'Итог с учётом выгрузок', 'Evidence-checked total'),
    metric: tr(lang, 'Показатель', 'Metric'),
    value: tr(lang, 'Значение', 'Value'),
    changeAfter: compareLabels(lang).changeAfter,
    target: tr(lang, 'Цель', 'Target'),
    met: tr(lang, 'Достигнута', 'Met'),
    assertions: tr(lang, 'Проверки', 'Assertions'),
    assertion: tr(lang, 'Проверка', 'Assertion'),
    level: tr(lang, 'Уровень', 'Level'),
    status: tr(lang, 'Итог', 'Status'),
    subject: tr(lang, 'Где', 'Where'),
    passed: tr(lang, 'пройдена', 'passed'),
    failed: tr(lang, 'не пройдена', 'failed'),
    skipped: say(ASSERT_SKIPPED.word, lang),
    yes: tr(lang, 'да', 'yes'),
    no: tr(lang, 'нет', 'no'),
    section: tr(lang, 'Раздел', 'Section'),
    points: tr(lang, 'Баллы', 'Points'),
    max: tr(lang, 'Из', 'Of'),
    kpis: tr(lang, 'Ключевые показатели', 'Headline KPIs'),
    manager: tr(lang, 'Менеджер', 'Manager'),
    department: tr(lang, 'Отдел', 'Department'),
    deltaSheet: tr(lang, 'С прошлого запуска', 'Since last run'),
    sinceLast: tr(lang, 'С прошлого запуска', 'Since the last run'),
    before: tr(lang, 'Было', 'Before'),
    change: tr(lang, 'изменение', 'change'),
    changeRow: tr(lang, 'Изменение', 'Change'),
    deltaTitle: (day: string) => tr(lang, `Изменения по менеджерам с прошлого запуска (${day})`, `Changes per manager since the last run (${day})`),
  };
}

/** Headline KPI rows: value, and the target and verdict from the before/after table when there is one. */
/**
 * The headline metrics: the value over the report's period, and, with a comparison, the change from
 * before to after that its target is judged on (beside the target: a whole-period value beside a
 * before/after target read as if that value had met it).
 */
export function headlineRows(r: ReportResult, lang: string): Array<{ key: string; label: string; value: number | null; text: string; change: number | null; changeOf: string | undefined; target: number | null; met: boolean | null }> {
  if (!r.kpi) return [];
  const keys = [...HEADLINE, ...(r.kpi.spend ? UNIT_HEADLINE : [])];
  return keys.filter((k) => !(k in r.kpi!.notApplicable)).map((key) => {
    const def = headlineDef(key);
    // A count's row is its rate per month (leads → leads_per_month, revenue → revenue_per_month).
    const row = r.compare?.rows.find((x) => x.metric === key || KPI_OF[x.metric] === key);
    const value = r.kpi!.total[key];
    // Beside a count of the whole period, a change of its rate a month says so: «Лиды 18, +2,9%» read as more leads, where they fell from 10 to 8 in a shorter period (a tester).
    const rate = row && row.metric !== key ? ROW_INFO[row.metric] : undefined;
    const changeOf = rate && lowerFirst(rate[lang === 'ru' ? 'ru' : 'en']);
    return { key, label: def.label[lang === 'ru' ? 'ru' : 'en'], value: typeof value === 'number' ? value : null, text: formatValue(value, def.format, lang), change: row?.change_pct ?? null, changeOf, target: row?.target ?? null, met: row?.met ?? null };
  });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A headline's change as text: «+2,9%», or of a rate a month beside a count «+2,9% (лидов в месяц)». */
export function headlineChange(h: { change: number | null; changeOf: string | undefined; target?: number | null }, lang: string): string {
  // As many digits as tell it from its target, as the target beside it is shown with.
  const text = formatJudged(h.change, h.target ?? null, lang).change;
  return h.change !== null && h.changeOf ? `${text} (${h.changeOf})` : text;
}

/**
 * A day as its reader writes it: `30.11.2026` in Russian, ISO in English. A moment (the report's
 * `generatedAt`, a baseline's) is the day in the run's local time zone, as the HTML and the workbook
 * date it (formatLocalDate: one rule); the Markdown said the UTC day, 01.12.2026 beside their
 * 02.12.2026 in Vladivostok (a tester). A calendar day (`2025-01-31`, a period's end) is itself.
 */
export function reportDay(iso: string, lang: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDay(iso, lang) : formatLocalDate(new Date(iso), lang);
}

/** Shifts Markdown headings down by `levels`, so a section renderer's `# Title` nests under the report. */
const nest = (md: string, levels: number) => md.replace(/^(#+) /gm, (_, h: string) => `${'#'.repeat(Math.min(6, h.length + levels))} `);

function auditSection(r: ReportResult, L: ReturnType<typeof reportLabels>): string[] {
  const a = r.audit!;
  const pts = (n: number) => formatPoints(n, r.lang);
  const out = ['', `### ${L.audit}`, '', `**${outOf(a.total, a.max, r.lang)}** — ${mdText(a.band.title)}. ${mdText(a.band.meaning)}`];
  const before = auditBefore(r);
  if (before) out.push('', `${mdText(before.line)}.`);
  out.push('', mdTable([L.section, L.points, L.max], a.sections.map((s) => [s.title, pts(s.score), pts(s.max)]), ['left', 'right', 'right']));
  // Which answers the exports contradict, and why, as the audit's own Markdown says it: a CI reader saw the score fall with no reason.
  if (a.evidence) out.push(nest(evidenceMarkdown(a, r.lang).join('\n'), 2));
  // What to do, with its hours and money (--managers, --hourly-cost), as the HTML and the workbook give it: the Markdown had none (tester T36 F4).
  out.push(nest(recommendationsMarkdown(a, r.lang).join('\n'), 2));
  return out;
}

/**
 * The last run's audit beside this one, for the Markdown, the workbook and the HTML alike:
 * «Было (01.01.2025): 2 / 10 — Только начали; изменение: +5».
 */
export function auditBefore(r: Pick<ReportResult, 'lang' | 'audit' | 'delta'>): { label: string; score: string; band: string | null; change: string | null; line: string } | undefined {
  const d = r.delta;
  if (!d?.audit || !r.audit) return undefined;
  const L = reportLabels(r.lang);
  // Out of the earlier run's own maximum: a questionnaire's later version may have more points (7 / 10 was shown 7 / 12).
  const score = outOf(d.audit.before.total, d.audit.before.max ?? r.audit.max, r.lang);
  const band = d.audit.before.bandTitle;
  const change = d.audit.total === null ? null : showWithUnit(d.audit.total, 'points', r.lang, true);
  const label = `${L.before} (${reportDay(d.since, r.lang)})`;
  return { label, score, band, change, line: `${label}: ${score}${band ? ` — ${band}` : ''}${change === null ? '' : `; ${L.change}: ${change}`}` };
}

function kpiSection(r: ReportResult, L: ReturnType<typeof reportLabels>): string[] {
  const rows = headlineRows(r, r.lang);
  if (rows.length === 0) return [];
  const { from, to } = shownPeriod(r.kpi!);
  const day = (d: string) => reportDay(d, r.lang);
  const period = from && to ? ` (${day(from)} — ${day(to)})` : from ? tr(r.lang, ` (с ${day(from)})`, ` (from ${day(from)})`) : to ? tr(r.lang, ` (по ${day(to)})`, ` (to ${day(to)})`) : '';
  const delta = r.delta?.total;
  const head = [L.metric, L.value, ...(delta ? [L.sinceLast] : [])];
  const body = rows.map((x) => {
    const def = headlineDef(x.key);
    const change = delta?.[x.key];
    // The value carries the unit (`30,3 мин`), so the label need not repeat it. A metric not computed is
    // not listed (headlineRows); a null one is a ratio of nothing (no incoming call to miss): «—», as the
    // kpi table shows it, not «нет данных» beside a log that has the column (a tester).
    return [bareLabel(x.label), x.value === null ? '—' : showWithUnit(x.value, def.format, r.lang), ...(delta ? [change === null || change === undefined ? '—' : showWithUnit(change, def.format === 'ratio' ? 'pp' : def.format, r.lang, true)] : [])];
  });
  return ['', `### ${L.kpis}${period}`, '', mdTable(head, body, ['left', 'right', 'right'])];
}

/** Plan vs fact in total (`--plan`): what the `plan.*` assertions read; the rows are in the workbook. */
function planSection(r: ReportResult): string[] {
  const plan = r.kpi?.plan;
  if (!plan) return [];
  const G = groupLabels(r.lang);
  const format = { leads: 'count', won: 'count', revenue: 'money' } as const;
  const rows = planMeasures(plan).flatMap((m) => {
    const f = plan[m];
    return f ? [[G.measures[m], formatValue(f.plan, format[m], r.lang), formatValue(f.fact, format[m], r.lang), formatValue(f.achieved, 'ratio', r.lang)]] : [];
  });
  if (rows.length === 0) return [];
  return ['', `### ${G.plan}`, '', mdTable([G.metric, G.planWord, G.factWord, G.achievedWord], rows, ['left', 'right', 'right', 'right'])];
}

/**
 * The changes since the baseline run of the headline KPIs any row has one of: the department's (when
 * `withTotal`), then each manager's; what the Markdown, the workbook and the HTML show alike.
 */
export function deltaRows(r: Pick<ReportResult, 'delta' | 'lang'>, withTotal: boolean): { since: string; keys: string[]; rows: Array<{ name: string; total: boolean; values: Record<string, number | null> }> } | undefined {
  const d = r.delta;
  if (!d) return undefined;
  const rows = [...(withTotal && d.total ? [{ name: reportLabels(r.lang).department, total: true, values: d.total }] : []), ...Object.entries(d.managers ?? {}).map(([name, values]) => ({ name, total: false, values }))];
  const keys = HEADLINE.filter((k) => rows.some((row) => typeof row.values[k] === 'number'));
  return rows.length === 0 || keys.length === 0 ? undefined : { since: d.since, keys, rows };
}

/** Every KPI that changed since the baseline run, per manager; the department's are in the KPI table. */
function deltaSection(r: ReportResult, L: ReturnType<typeof reportLabels>): string[] {
  const managers = r.delta?.managers;
  if (!r.delta || !managers || Object.keys(managers).length === 0) return [];
  const keys = deltaRows(r, false)?.keys ?? [];
  const label = (k: string) => METRICS.find((m) => m.key === k)!.label[r.lang === 'ru' ? 'ru' : 'en'];
  const format = (k: string) => METRICS.find((m) => m.key === k)!.format;
  const body = Object.entries(managers).map(([name, m]) => [name, ...keys.map((k) => (m[k] === null || m[k] === undefined ? '—' : showWithUnit(m[k], format(k) === 'ratio' ? 'pp' : format(k), r.lang, true)))]);
  // The changes right-aligned, as the KPI table's numbers are.
  return ['', `### ${L.deltaTitle(reportDay(r.delta.since, r.lang))}`, '', mdTable([L.manager, ...keys.map(label)], body, ['left', ...keys.map(() => 'right' as const)])];
}

/** A Markdown summary fit for a CI job summary page: audit, headline KPIs, before/after with payback, changes since the last run, assertions. */
export function renderReportMarkdown(r: ReportResult): string {
  const L = reportLabels(r.lang);
  const out = [`## ${L.title}${r.company ? ` — ${mdText(r.company)}` : ''}`, '', `${L.date}: ${reportDay(r.generatedAt, r.lang)}`];
  if (r.assertions.length > 0) out.push('', `**${assertionTally(r.assertions, r.lang)}**`);
  if (r.audit) out.push(...auditSection(r, L));
  out.push(...kpiSection(r, L));
  out.push(...planSection(r));
  if (r.compare) out.push('', nest(renderCompareMarkdown(r.compare, { lang: r.lang, color: false }), 2).trimEnd());
  out.push(...deltaSection(r, L));
  // What looks wrong in the exports, as stderr said it and kpi's Markdown keeps it (a cutover's short period among them);
  // a comparison of files of its own says its own under its table.
  out.push(...markdownWarnings(r.kpi?.dataQuality, r.lang));
  if (r.assertions.length > 0) {
    out.push('', `### ${L.assertions}`, '');
    for (const a of r.assertions) {
      const mark = a.skipped ? '⏭️' : a.passed ? '✅' : a.level === 'warn' ? '⚠️' : '❌';
      const outcome = a.skipped ? ` — ${L.skipped}: ${mdText(skippedNote(a, r.lang))}` : a.passed ? '' : ` — ${levelWord(a.level, r.lang)}`;
      out.push(`- ${mark} ${mdCode(a.assertion)}${outcome}`);
      if (!a.passed) for (const f of a.failures) out.push(`  - ${mdText(describeFailure(a, f, r.lang, auditNames(r.audit)))}`);
    }
  }
  return `${out.join('\n')}\n`;
}
