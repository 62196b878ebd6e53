import type { AuditResult } from '../../core/audit/types.js';
import type { CompareResult } from '../../core/compare.js';
import type { KpiResult } from '../../core/kpi/types.js';
import { formatCount, formatInColumn, formatJudged, formatMoneyAt, formatPoints, formatRowValues, formatValue, moneyDecimals, shownMoney, withSign } from '../format.js';
import { auditLabels, beforeLabel } from '../audit/labels.js';
import { compareLabels, ROW_INFO, verdictText } from '../compare/text.js';
import { DEFAULT_TOP_REASONS, lossReasonRows } from '../kpi/loss-reasons.js';
import { chartLabels } from './labels.js';
import { monthCharts, pipelineCharts, sourceCharts, stageCharts } from './groups.js';
import { barSpec, lineSpec, pairedBarSpec, TONES, type Bar, type Chart } from './spec.js';

/** What a set of charts is drawn from: any of the three results. */
export interface ChartInputs {
  audit?: AuditResult;
  kpi?: KpiResult;
  compare?: CompareResult;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The audit's sections: score against the maximum; a re-audit (--baseline) adds the earlier score
 * as a bar and «Было (дата)» and «Изменение» columns, as the terminal and Markdown tables have them.
 */
export function auditChart(a: AuditResult, lang: string): Chart {
  const L = chartLabels(lang);
  const A = auditLabels(lang);
  const before = new Map(a.baseline?.sections.map((s) => [s.id, s]));
  const was = a.baseline ? beforeLabel(a, lang) : '';
  const rows = a.sections.flatMap((s) => {
    const b = before.get(s.id)?.before ?? null;
    return [
      { label: s.title, series: L.max, value: s.max, text: formatPoints(s.max, lang), color: '#cfd8dc' },
      ...(a.baseline && b !== null ? [{ label: s.title, series: was, value: b, text: formatPoints(b, lang), color: TONES.neutral }] : []),
      { label: s.title, series: L.score, value: s.score, text: formatPoints(s.score, lang), color: TONES.base },
    ];
  });
  const pts = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatPoints(n, lang));
  const change = (n: number | null | undefined) => (n === null || n === undefined ? '—' : withSign(n, formatPoints(n, lang)));
  const baseline = (id: string) => (a.baseline ? [pts(before.get(id)?.before), change(before.get(id)?.change)] : []);
  return {
    id: 'audit-sections', kind: 'bar', title: L.auditSections, marks: rows.length,
    spec: pairedBarSpec(lang, rows, 'points'),
    table: {
      head: [L.section, L.score, L.max, L.share, ...(a.baseline ? [was, A.change] : [])],
      rows: [
        ...a.sections.map((s) => [s.title, formatPoints(s.score, lang), formatPoints(s.max, lang), formatValue(s.max === 0 ? null : s.score / s.max, 'ratio', lang), ...baseline(s.id)]),
        // The total, with the earlier total and the change, when there is an earlier audit to set it against.
        ...(a.baseline ? [[A.total, formatPoints(a.total, lang), formatPoints(a.max, lang), formatValue(a.max === 0 ? null : a.total / a.max, 'ratio', lang), pts(a.baseline.total), change(a.baseline.change)]] : []),
      ],
    },
  };
}

/** The funnel of the department: leads, then won, lost and open. */
export function funnelChart(k: KpiResult, lang: string): Chart | undefined {
  const L = chartLabels(lang);
  const leads = num(k.total.leads);
  if (leads === null) return undefined;
  const stages: Array<[string, string, Bar['tone']]> = [['leads', lang === 'ru' ? 'Лиды' : 'Leads', 'base'], ['won', lang === 'ru' ? 'Выиграно' : 'Won', 'good'], ['lost', lang === 'ru' ? 'Проиграно' : 'Lost', 'bad'], ['open', lang === 'ru' ? 'В работе' : 'Open', 'neutral']];
  const bars = stages.map(([key, label, tone]) => {
    const v = num(k.total[key]) ?? 0;
    const share = leads === 0 ? null : v / leads;
    return { label, value: v, text: key === 'leads' ? formatCount(v, lang) : `${formatCount(v, lang)} (${formatValue(share, 'ratio', lang)})`, tone, share };
  });
  return {
    id: 'funnel', kind: 'bar', title: L.funnel, marks: bars.length, spec: barSpec(lang, bars, 'count'),
    table: { head: [L.stage, L.deals, L.ofLeads], rows: bars.map((b) => [b.label, formatCount(b.value, lang), formatValue(b.share, 'ratio', lang)]) },
  };
}

/** One metric per manager as bars, against a reference (the department, a target or a norm). */
function managerChart(k: KpiResult, lang: string, id: string, key: string, format: 'ratio' | 'minutes' | 'decimal', title: string, rule: { value: number; label: string } | undefined, worse: 'below' | 'above'): Chart | undefined {
  const L = chartLabels(lang);
  const managers = k.managers.filter((m) => num(m[key]) !== null);
  if (managers.length === 0 || key in k.notApplicable) return undefined;
  const bars: Bar[] = managers.map((m) => {
    const v = num(m[key])!;
    const bad = rule ? (worse === 'below' ? v < rule.value : v > rule.value) : false;
    return { label: m.manager, value: v, text: formatValue(v, format, lang), tone: rule ? (bad ? 'bad' : 'good') : 'base' };
  });
  return {
    id, kind: 'bar', title, marks: bars.length, spec: barSpec(lang, bars, format, rule),
    table: { head: [L.manager, L.value, ...(rule ? [`${L.vsReference}: ${rule.label}`] : [])], rows: bars.map((b) => [b.label, b.text, ...(rule ? [formatValue(rule.value, format, lang)] : [])]) },
  };
}

/**
 * Conversion and median response against the department, touches against the norm, per manager. The
 * response is never drawn against a before/after target: a manager's median is the whole period's, and
 * a target is a change from the before period (spec metrics.md), so «цель 82,1» (the before median −30 %)
 * judged whole-period medians the kpi report judged against the department, with opposite verdicts.
 */
export function managerCharts(k: KpiResult, lang: string): Chart[] {
  const L = chartLabels(lang);
  const conv = num(k.total.conversion);
  const resp = num(k.total.response_min_median);
  const norm = k.options?.touchNorm ?? 5;
  return [
    managerChart(k, lang, 'managers-conversion', 'conversion', 'ratio', L.conversion, conv === null ? undefined : { value: conv, label: L.department }, 'below'),
    managerChart(k, lang, 'managers-response', 'response_min_median', 'minutes', L.response, resp === null ? undefined : { value: resp, label: L.department }, 'above'),
    managerChart(k, lang, 'managers-touches', 'touches_per_won', 'decimal', L.touches, { value: norm, label: L.norm }, 'below'),
  ].filter((c): c is Chart => c !== undefined);
}

/** Loss reasons as bars with their shares. */
export function lossChart(k: KpiResult, lang: string, top = DEFAULT_TOP_REASONS): Chart | undefined {
  const L = chartLabels(lang);
  const reasons = k.total.loss_reasons;
  if (!reasons || typeof reasons !== 'object') return undefined;
  // The same rows as every other loss-reason table: top N by count, the rest as «прочие (N причин)».
  const rows = lossReasonRows(reasons, lang, top);
  if (rows.length === 0) return undefined;
  const bars: Bar[] = rows.map((r) => ({ label: r.reason, value: r.count, text: `${formatCount(r.count, lang)} (${formatValue(r.share, 'ratio', lang)})`, tone: r.other ? 'neutral' : 'bad' }));
  return {
    id: 'loss-reasons', kind: 'bar', title: L.lossReasons, marks: bars.length, spec: barSpec(lang, bars, 'count'),
    table: { head: [L.reason, L.deals, L.share], rows: rows.map((r) => [r.reason, formatCount(r.count, lang), formatValue(r.share, 'ratio', lang)]) },
  };
}

/** Missed share and callback rate per manager and for the department. */
export function callsChart(k: KpiResult, lang: string): Chart | undefined {
  const L = chartLabels(lang);
  if ('missed_share' in k.notApplicable) return undefined;
  const who = [...k.managers.map((m) => ({ name: m.manager, v: m as Record<string, unknown> })), { name: lang === 'ru' ? 'Отдел' : 'Department', v: k.total as Record<string, unknown> }].filter((w) => num(w.v.calls_in) !== null && (num(w.v.calls_in) ?? 0) > 0);
  if (who.length === 0) return undefined;
  const rows = who.flatMap((w) => [
    ...(num(w.v.missed_share) === null ? [] : [{ label: w.name, series: L.missedShare, value: num(w.v.missed_share)!, text: formatValue(w.v.missed_share, 'ratio', lang), color: TONES.bad }]),
    ...(num(w.v.callback_rate) === null ? [] : [{ label: w.name, series: L.callbackRate, value: num(w.v.callback_rate)!, text: formatValue(w.v.callback_rate, 'ratio', lang), color: TONES.good }]),
  ]);
  if (rows.length === 0) return undefined;
  return {
    id: 'calls', kind: 'bar', title: L.calls, marks: rows.length, spec: pairedBarSpec(lang, rows, 'ratio'),
    table: { head: [L.manager, L.missed, L.missedShare, L.callbackRate], rows: who.map((w) => [w.name, formatValue(w.v.calls_missed, 'count', lang), formatValue(w.v.missed_share, 'ratio', lang), formatValue(w.v.callback_rate, 'ratio', lang)]) },
  };
}

/** Each before/after row's change in per cent, green where its target is met, red where missed. */
export function beforeAfterChart(c: CompareResult, lang: string): Chart | undefined {
  const L = chartLabels(lang);
  const rows = c.rows.filter((r) => r.change_pct !== null);
  if (rows.length === 0) return undefined;
  const name = (m: string) => ROW_INFO[m]?.[lang === 'ru' ? 'ru' : 'en'] ?? m;
  const shown = (r: CompareResult['rows'][number]) => formatJudged(r.change_pct, r.target, lang);
  const bars: Bar[] = rows.map((r) => ({ label: name(r.metric), value: r.change_pct!, text: `${shown(r).change}${r.target === null ? '' : ` / ${shown(r).target}`}`, tone: r.met === null ? 'neutral' : r.met ? 'good' : 'bad' }));
  return { id: 'before-after', kind: 'bar', title: L.beforeAfter, marks: bars.length, spec: barSpec(lang, bars, 'ratio'), table: beforeAfterTable(c, lang) };
}

/**
 * Every before/after row, the chart's table: shown under the chart, and alone where no row has a
 * change in per cent to draw (every «before» 0 or missing), so the section is never empty.
 */
export function beforeAfterTable(c: CompareResult, lang: string): Chart['table'] {
  const L = chartLabels(lang);
  const name = (m: string) => ROW_INFO[m]?.[lang === 'ru' ? 'ru' : 'en'] ?? m;
  return {
    // The verdict (better or worse) beside the change, as every before/after table gives it (spec: the «better» column).
    head: [L.metric, L.before, L.after, L.change, L.changePct, compareLabels(lang).verdict, L.targetPct, L.met],
    rows: c.rows.map((r) => {
      const f = ROW_INFO[r.metric]?.format ?? 'decimal';
      // A target with no relative change to judge (before was 0 or missing) is not "no target".
      const met = r.met === null ? (r.target === null ? L.noTarget : '—') : r.met ? L.yes : L.no;
      const v = formatRowValues(r.before, r.after, r.change, f, lang);
      const judged = formatJudged(r.change_pct, r.target, lang);
      return [name(r.metric), v.before, v.after, v.change, judged.change, verdictText(r, lang) || '—', judged.target, met];
    }),
  };
}

/** Months the payback curve covers: a year, or past the payback month with a quarter to spare (at most 5 years). */
export function paybackHorizon(months: number | null): number {
  return months === null ? 12 : Math.min(60, Math.max(12, Math.ceil(months * 1.25)));
}

/** The payback curve: cumulative net gain, month × (gain per month − monthly cost), against the one-off cost. */
export function paybackChart(c: CompareResult, lang: string): Chart | undefined {
  const L = chartLabels(lang);
  if (!c.payback || !c.payback_inputs || c.payback.gain_per_month === null) return undefined;
  const net = c.payback.gain_per_month - c.payback_inputs.monthly_cost;
  const cost = c.payback_inputs.cost;
  const horizon = paybackHorizon(c.payback.payback_months);
  const months = Array.from({ length: horizon + 1 }, (_, m) => m);
  const points = months.flatMap((m) => [{ month: m, series: L.cumulative, value: m * net, text: formatValue(m * net, 'money', lang) }, { month: m, series: L.cost, value: cost, text: formatValue(cost, 'money', lang) }]);
  return {
    id: 'payback', kind: 'line', title: L.payback, marks: points.length,
    spec: lineSpec(lang, points, [[L.cumulative, TONES.good], [L.cost, TONES.bad]], L.money),
    table: { head: [L.month, L.cumulative, L.cost, L.balance], rows: paybackRows(months, net, cost, lang) },
  };
}

/**
 * The payback table's rows: the month, the cumulative net gain, the one-off cost and the balance. Each money
 * column in one precision (kopecks only while all its amounts are below 1 000), as every table's; the balance
 * is the shown gain minus the shown cost, so the row adds up as shown (tester T33 F6: 218 288 − 1 500 000 was
 * «−1 281 713», 218 287,5 and −1 281 712,5 each rounded on its own), with the decimals of the finer part.
 */
function paybackRows(months: readonly number[], net: number, cost: number, lang: string): string[][] {
  const cumulative = months.map((m) => m * net);
  const [gainDecimals, costDecimals] = [moneyDecimals(cumulative), moneyDecimals([cost])];
  const balance = cumulative.map((v) => shownMoney(v, gainDecimals) - shownMoney(cost, costDecimals));
  const decimals = Math.max(gainDecimals, costDecimals);
  return months.map((m, i) => [String(m), formatInColumn(cumulative[i], 'money', lang, cumulative), formatInColumn(cost, 'money', lang, [cost]), formatMoneyAt(balance[i]!, decimals, lang)]);
}

/** Every chart the inputs allow, in the order of the report; `topReasons` as --top-reasons. */
export function buildCharts(inputs: ChartInputs, lang: string, opts: { topReasons?: number } = {}): Chart[] {
  const out: Array<Chart | undefined> = [];
  if (inputs.audit) out.push(auditChart(inputs.audit, lang));
  if (inputs.kpi) out.push(funnelChart(inputs.kpi, lang), ...managerCharts(inputs.kpi, lang), lossChart(inputs.kpi, lang, opts.topReasons), callsChart(inputs.kpi, lang), ...monthCharts(inputs.kpi, lang), ...sourceCharts(inputs.kpi, lang), ...stageCharts(inputs.kpi, lang), ...pipelineCharts(inputs.kpi, lang));
  if (inputs.compare) out.push(beforeAfterChart(inputs.compare, lang), paybackChart(inputs.compare, lang));
  return out.filter((c): c is Chart => c !== undefined);
}
