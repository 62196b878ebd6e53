import type { AuditResult } from '../../core/audit/types.js';
import { KPI_OF, type CompareResult } from '../../core/compare.js';
import { metricDef, METRICS, STAGE_METRICS, UNIT_METRICS } from '../../core/kpi/catalog.js';
import { groupingsOf } from '../kpi/groups.js';
import { droppedRows, type DataQuality, type KpiResult } from '../../core/kpi/types.js';
import type { ReportResult } from '../../core/report.js';
import { answerText, auditLabels, criterionTitle, describeCost, formatHours, formatMoney, missingCriteria, shownRecommendations, verdictText } from '../audit/labels.js';
import type { Chart } from '../charts/spec.js';
import { compareLabels, gainLabel, managerCells, paybackInputs, roiDefinition, roiText, ROW_DEFINITIONS, ROW_INFO } from '../compare/text.js';
import { fileFormatText, formatCount, formatPoints, formatValue } from '../format.js';
import { htmlLabels, paybackNote } from './labels.js';
import { paybackMonthsCell, reasonText } from '../kpi/labels.js';
import { esc, section, table } from './page.js';
import { baseName, clientDefinition, clientNames, clientWarnings } from './client-text.js';
import { rowAt, rowReason, say } from '../../core/messages.js';

/** What an HTML report is rendered from: the report result, or one command's result wrapped alike. */
export type HtmlInput = Pick<ReportResult, 'lang' | 'generatedAt' | 'company' | 'audit' | 'kpi' | 'compare' | 'delta'> & Partial<Pick<ReportResult, 'assertions'>>;


/** A chart as a figure: its SVG, and its numbers in a table beside it. */
export function figure(chart: Chart, svg: string, lang: string): string {
  return `<figure class="chart" data-chart="${esc(chart.id)}" data-kind="${chart.kind}" data-marks="${chart.marks}"><figcaption>${esc(chart.title)}</figcaption>${svg}<details open><summary class="note">${esc(htmlLabels(lang).chartTable)}</summary>${chartTableHtml(chart.table)}</details></figure>`;
}

/** A chart's table (its first column names, the others are figures), with its chart or alone. */
export function chartTableHtml(t: Chart['table']): string {
  return table(t.head, t.rows, { numeric: t.head.map((_, i) => i > 0) });
}

/** The audit by section, its chart, and the evidence verdicts when the audit was checked against data. */
export function auditSection(a: AuditResult, lang: string, chart: string): string {
  const L = htmlLabels(lang);
  const A = auditLabels(lang);
  let body = chart;
  // What each section lacks, and the questions left unanswered, as the terminal, Markdown and workbook say them:
  // from the chart alone a client could not tell a «no» from a «don't know» (a tester).
  const pts = (n: number) => formatPoints(n, lang);
  body += table([A.section, A.score, A.missing], a.sections.map((s) => [s.title, `${pts(s.score)} / ${pts(s.max)}`, missingCriteria(a, s.id).join('; ') || '—']), { numeric: [false, true, false], cls: 'audit-sections' });
  if (a.unanswered.length > 0) body += `<p class="unanswered"><b>${esc(A.unanswered)}:</b> ${esc(a.unanswered.map((id) => criterionTitle(a, id)).join('; '))}</p>`;
  const ev = a.evidence;
  if (ev) {
    const titles = new Map(a.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.title || c.id] as const)));
    // The evidence's terms are the audit report's own (auditLabels), as every other format writes them.
    body += `<h3>${esc(A.evidence)}</h3><p>${esc(A.evidenceTotal)}: <b>${esc(formatPoints(ev.total, lang))} / ${esc(formatPoints(a.max, lang))}</b> — ${esc(ev.band.title)}</p>`;
    body += table([A.criterion, A.answer, A.verdict, A.evidenceText], ev.checks.map((c) => [titles.get(c.criterion) ?? c.criterion, answerText(a, c.criterion, c.answer, lang), verdictText(c, lang), c.text]), { cls: 'evidence' });
  }
  return section('audit', L.audit, body);
}

/** Recommendations with the points they would add and the hours they take. */
export function recommendationsSection(a: AuditResult, lang: string): string {
  const L = htmlLabels(lang);
  const shown = shownRecommendations(a, lang);
  if (shown.length === 0) return section('recommendations', L.recommendations, `<p>${esc(L.noRecommendations)}</p>`);
  // Money appears when the hour has a price (--hourly-cost): hours a month × that price.
  const money = shown.some(({ rec: r }) => r.cost?.costPerMonth !== undefined);
  const rows = shown.map(({ rec: r, title }, i) => [
    String(i + 1), `${title}: ${r.text}`, formatPoints(r.missingPoints, lang),
    r.cost?.hoursPerMonth === undefined ? '—' : formatHours(r.cost.hoursPerMonth, lang),
    ...(money ? [r.cost?.costPerMonth === undefined ? '—' : formatMoney(r.cost.costPerMonth, lang)] : []),
    // The whole basis, as the other formats give it: the managers, the hour's price and a partial criterion's share (tester T61).
    r.cost ? describeCost(lang, r.cost) : '—',
  ]);
  const head = [lang === 'ru' ? '№' : '#', L.recommendation, L.missingPoints, L.hoursPerMonth, ...(money ? [L.moneyPerMonth] : []), L.costBasis];
  return section('recommendations', L.recommendations, table(head, rows, { numeric: [true, false, true, true, ...(money ? [true] : []), false] }));
}

/** `--by-manager`: each manager's before and after, as the other formats give them. */
export function byManagerSection(c: CompareResult, lang: string): string {
  const managers = c.managers ?? [];
  if (managers.length === 0) return '';
  const ru = lang === 'ru';
  const C = compareLabels(lang);
  const head = [C.manager, ...managers[0]!.metrics.flatMap((m) => [`${ROW_INFO[m.metric]![ru ? 'ru' : 'en']}: ${C.beforeWord}`, C.afterWord])];
  // The after with its verdict in words, as the terminal and Markdown write it (tester T39 F11).
  const rows = managers.map((m) => [m.manager, ...m.metrics.flatMap((row) => {
    const x = managerCells(row, lang);
    return [x.before, x.after];
  })]);
  return section('by-manager', ru ? 'По менеджерам' : 'By manager', table(head, rows, { numeric: head.map((_, k) => k > 0) }));
}

/** Payback figures above its curve. */
export function paybackSummary(c: CompareResult, lang: string): string {
  const L = htmlLabels(lang);
  if (!c.payback || !c.payback_inputs) return '';
  const months = paybackMonthsCell(c.payback, lang, c.payback_inputs.margin);
  const rows = [
    // The one-off and running costs and the margin share, as every format lists them: the gain is revenue growth × that margin.
    ...paybackInputs(c.payback_inputs).map((i) => [say(i.label, lang), formatValue(i.value, i.format, lang)]),
    [gainLabel(c.payback_inputs, lang), formatValue(c.payback.gain_per_month, 'money', lang)],
    [L.paybackMonths, typeof months === 'number' ? formatValue(months, 'decimal', lang) : months],
    // Signed, as the terminal, Markdown and the workbook show it.
    [L.roi, roiText(c.payback, lang)],
  ];
  return `${table([L.metric, L.value], rows, { numeric: [false, true] })}<p class="note">${esc(paybackNote(c.payback_inputs, lang))}</p>`;
}

/**
 * The warnings of a Data quality section: one block, one way of writing them, for the KPIs' files and for a comparison's
 * (tester T39 F9: `compare -o x.html` dropped every warning its Markdown, CSV and workbook kept). '' without any.
 */
function warningsBlock(q: Pick<DataQuality, 'warnings' | 'alerts' | 'files'>, lang: string): string {
  // The files by their shortest names (clientNames), and no --map snippet: the client's copy (the terminal and Markdown keep them).
  const warnings = clientWarnings(q, lang);
  return warnings.length === 0 ? '' : `<h3>${esc(htmlLabels(lang).warnings)}</h3><ul class="warnings">${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`;
}

/**
 * Files read, rows skipped with where and why, warnings, and metrics that could not be computed: the KPIs' (with their
 * notApplicable), or a comparison's own files' (`compare.dataQuality`), under an id and a title of its own beside the KPIs'.
 */
export function qualitySection(q: DataQuality, lang: string, opts: { notApplicable?: KpiResult['notApplicable']; id?: string; title?: string } = {}): string {
  const L = htmlLabels(lang);
  // Rows merged into their deal (a Bitrix24 export's product rows) are no data thrown away: a column of their own, where there are any.
  // Empty rows are no rows read: their own column too, where there are any (as the kpi footer says them).
  const counts = q.files.map((f) => droppedRows(f.dropped));
  const merged = counts.some((d) => d.merged > 0);
  const empty = counts.some((d) => d.empty > 0);
  const head = [L.file, L.format, L.rows, L.records, L.unreadable, L.dropped, ...(merged ? [L.merged] : []), ...(empty ? [L.empty] : [])];
  const names = clientNames(q.files.map((f) => f.file));
  const rows = q.files.map((f, i) => {
    const d = counts[i]!;
    return [names.get(f.file)!, fileFormatText(f.format, lang), formatCount(f.rowsRead, lang), formatCount(f.records, lang), formatCount(f.skipped, lang), formatCount(d.dropped, lang), ...(merged ? [formatCount(d.merged, lang)] : []), ...(empty ? [formatCount(d.empty, lang)] : [])];
  });
  let body = table(head, rows, { numeric: [false, false, true, true, true, true, true, true] });
  if (q.rowsSkipped.length > 0) body += `<h3>${esc(L.skippedRows)}</h3>${table([L.file, L.row, L.column, L.reason], q.rowsSkipped.slice(0, 50).map((s) => [names.get(s.file) ?? baseName(s.file), s.line === undefined ? String(s.row) : rowAt(s, lang), s.column ?? '', rowReason(s.reason, lang)]))}`;
  body += warningsBlock(q, lang);
  const na = Object.entries(opts.notApplicable ?? {});
  if (na.length > 0) body += `<h3>${esc(L.notApplicable)}</h3>${table([L.metric, L.reason], na.map(([key, why]) => [metricDef(key)?.label[lang === 'ru' ? 'ru' : 'en'] ?? key, reasonText(why, lang)]))}`;
  return section(opts.id ?? 'data-quality', opts.title ?? L.dataQuality, body);
}

/**
 * The before/after rows the report shows that its KPI definitions do not: all of them without KPIs (a compare report
 * defined e-mails and invoices, not its own rows: a tester), the rates a month beside them; and the ROI, with the payback.
 */
function compareDefinitions(c: CompareResult, kpi: boolean, lang: 'ru' | 'en'): string[][] {
  const rows = c.rows.filter((row) => !kpi || ROW_DEFINITIONS[row.metric]).map((row) => [ROW_INFO[row.metric]![lang], (ROW_DEFINITIONS[row.metric] ?? metricDef(KPI_OF[row.metric] ?? row.metric)?.definition)?.[lang] ?? '']);
  if (c.payback) rows.push([compareLabels(lang).roi, roiDefinition(c.payback_inputs, lang)]);
  return rows;
}

/** Every metric the report shows, with its definition, and the payback curve's. */
export function definitionsSection(r: HtmlInput): string {
  const L = htmlLabels(r.lang);
  const lang = r.lang === 'ru' ? 'ru' : 'en';
  const rows = r.kpi ? METRICS.filter((m) => !(m.key in r.kpi!.notApplicable)).map((m) => [m.label[lang], m.definition[lang]]) : [];
  if (r.compare) rows.push(...compareDefinitions(r.compare, r.kpi !== undefined, lang));
  // The unit economics (a spend file) and the age of open deals (a grouping by stage), when shown.
  const extra = [...(r.kpi?.spend ? UNIT_METRICS : []), ...(r.kpi && groupingsOf(r.kpi).some((g) => g.stage) ? STAGE_METRICS.filter((m) => m.key !== 'open') : [])];
  rows.push(...extra.map((m) => [m.label[lang], m.definition[lang]]));
  if (r.compare?.payback) rows.push([L.payback, paybackNote(r.compare.payback_inputs, lang)]);
  // Without the notes on the JSON's keys: a client reads no JSON.
  return section('definitions', L.definitions, table([L.metric, L.definition], rows.map(([label, text]) => [label!, clientDefinition(text!)])));
}
