import type { Alert } from '../../core/kpi/alerts.js';
import { KPI_OF, type CompareRow } from '../../core/compare.js';
import type { ReportResult } from '../../core/report.js';
import { fill, say } from '../../core/messages.js';
import { COMPARE_TEXT } from '../../core/messages/compare.js';
import { HTML_TEXT } from '../../core/messages/html.js';
import { baselineBandLine, baselineNoteLine } from '../audit/labels.js';
import { ROW_INFO, targetReason } from '../compare/text.js';
import { byReason } from '../text.js';
import { formatCount, formatJudged, formatLocalDate, formatPoints, formatValue } from '../format.js';
import { reasonText } from '../kpi/labels.js';
import { auditBefore, HEADLINE, headlineChange, headlineDef, headlineRows, UNIT_HEADLINE } from '../report/summary.js';
import { htmlLabels } from './labels.js';
import { esc, formatDate, table } from './page.js';
import type { HtmlInput } from './sections.js';

/**
 * The cover's period: the days the KPIs' deals run over (all data, or --from only, named by their first
 * and last day, not left out or «01.01.2025 — …»: a tester), else the period asked; a comparison's span.
 */
function periodOf(r: HtmlInput, lang: string): string | undefined {
  const kpi = r.kpi?.dataPeriod ?? r.kpi?.period;
  if (kpi && (kpi.from || kpi.to)) return `${formatDate(kpi.from, lang)} — ${formatDate(kpi.to, lang)}`;
  if (r.compare) return `${formatDate(r.compare.before.from, lang)} — ${formatDate(r.compare.after.to, lang)}`;
  return undefined;
}

/** The document's title: what it holds (audit, KPIs, before/after, or all of them). */
export function documentTitle(r: HtmlInput): string {
  const L = htmlLabels(r.lang);
  // The audit is titled by its questionnaire, as the terminal, Markdown and XLSX reports title it.
  const only = [r.audit && r.audit.questionnaire.title, r.kpi && L.kpiTitle, r.compare && L.compareTitle].filter(Boolean);
  return only.length === 1 ? (only[0] as string) : L.title;
}

/** A headline row as the cover shows it; `key` the KPI's (a comparison's rate a month names its KPI: revenue). */
interface Headline {
  key: string;
  label: string;
  text: string;
  change: string;
  target: number | null;
  targetText: string;
  met: boolean | null;
}

/**
 * The headline rows: the report's (headlineRows), with, in their place, the headline metrics that have a
 * target and were not computed («—»: the Zoho report left its response and missed share out silently);
 * without KPIs, the comparison's rows that have a target. `why`: each «—» row's reason.
 */
function headlines(r: HtmlInput): { rows: Headline[]; why: Array<[string, string]>; unjudged: Array<[string, string]> } {
  const lang = r.lang;
  const why: Array<[string, string]> = [];
  // A row with a value whose target has no verdict («—»): why, in the report's language (tester T33 F4: only the CSV and the workbook said it).
  const unjudged: Array<[string, string]> = [];
  const judge = (label: string, row: CompareRow | undefined) => {
    const reason = row && targetReason(row, lang);
    if (reason !== undefined) unjudged.push([label, reason]);
  };
  if (!r.kpi) {
    const rows = (r.compare?.rows ?? []).filter((x) => x.target !== null).map((x): Headline => {
      if (x.after === null && x.not_applicable) why.push([ROW_INFO[x.metric]![lang === 'ru' ? 'ru' : 'en'], x.not_applicable]);
      else judge(ROW_INFO[x.metric]![lang === 'ru' ? 'ru' : 'en'], x);
      const judged = formatJudged(x.change_pct, x.target, lang);
      return { key: KPI_OF[x.metric] ?? x.metric, label: ROW_INFO[x.metric]![lang === 'ru' ? 'ru' : 'en'], text: formatValue(x.after, ROW_INFO[x.metric]!.format, lang), change: judged.change, target: x.target, targetText: judged.target, met: x.met };
    });
    return { rows, why, unjudged };
  }
  const shown = new Map(headlineRows(r as ReportResult, lang).map((h) => [h.key, h]));
  const rows = [...HEADLINE, ...(r.kpi.spend ? UNIT_HEADLINE : [])].flatMap((key): Headline[] => {
    const h = shown.get(key);
    if (h) judge(h.label, r.compare?.rows.find((x) => x.metric === key || KPI_OF[x.metric] === key));
    if (h) return [{ key, label: h.label, text: h.text, change: headlineChange(h, lang), target: h.target, targetText: formatJudged(h.change, h.target, lang).target, met: h.met }];
    const row = r.compare?.rows.find((x) => (x.metric === key || KPI_OF[x.metric] === key) && x.target !== null);
    const reason = r.kpi!.notApplicable[key] ?? row?.not_applicable;
    if (!row || reason === undefined) return [];
    const label = headlineDef(key).label[lang === 'ru' ? 'ru' : 'en'];
    why.push([label, reason]);
    return [{ key, label, text: '—', change: '—', target: row.target, targetText: formatJudged(null, row.target, lang).target, met: null }];
  });
  return { rows, why, unjudged };
}

/** Headline figures a mixed-currencies alert's sums feed: the deals' amounts, a spend file's, a payments file's. */
const CURRENCY_KEYS: Record<'deals' | 'spend' | 'payments', readonly string[]> = {
  deals: ['revenue', 'average_check', 'romi', 'ltv', 'ltv_cac'],
  spend: ['spend', 'cac', 'cost_per_lead', 'romi', 'ltv_cac'],
  payments: ['paid_share'],
};

/**
 * The cover's caveat for sums of several currencies added as they are (the mixed-currencies alert), and
 * the headline figures it concerns: said beside them, not only pages later under Data quality (a tester:
 * a Salesforce export's «Выручка 337 799 002» on the cover summed MXN, COP, USD and PEN).
 */
export function currencyCaveat(alerts: readonly Alert[] | undefined, lang: string): { keys: Set<string>; lines: string[] } {
  const keys = new Set<string>();
  const lines: string[] = [];
  for (const a of alerts ?? []) {
    if (a.code !== 'mixed-currencies') continue;
    const kind = a.kind ?? 'deals';
    for (const k of CURRENCY_KEYS[kind]) keys.add(k);
    const list = a.currencies.map((c) => fill(say(HTML_TEXT.currencyCount, lang), { currency: c.currency, count: formatCount(c.deals, lang) })).join(', ');
    lines.push(fill(say(HTML_TEXT.currencyCaveat, lang), { whose: say(HTML_TEXT.amountsOf[kind], lang), list }));
  }
  return { keys, lines };
}

/**
 * The headline table: value, and with a comparison the change its target is judged on; the target and
 * whether it is met only where the run has a target (kpi's columns were «—» on every row); a «—» row's
 * reason and the currencies caveat under it.
 */
function headlineTable(r: HtmlInput): string {
  const L = htmlLabels(r.lang);
  const { rows, why, unjudged } = headlines(r);
  if (rows.length === 0) return '';
  const judged = r.compare !== undefined && r.compare !== null;
  const targets = rows.some((h) => h.target !== null);
  const caveat = currencyCaveat(r.kpi?.dataQuality?.alerts ?? r.compare?.dataQuality?.alerts, r.lang);
  const cells = rows.map((h) => [
    h.label,
    caveat.keys.has(h.key) ? `${h.text}\u00a0*` : h.text,
    ...(judged ? [h.change] : []),
    ...(targets ? [h.targetText, h.met === null ? '—' : h.met ? `✔ ${L.yes}` : `✘ ${L.no}`] : []),
  ]);
  const head = [L.metric, L.value, ...(judged ? [L.changeAfter] : []), ...(targets ? [L.target, L.met] : [])];
  let out = `<h3>${esc(L.headline)}</h3>${table(head, cells, { numeric: [false, true, ...(judged ? [true] : []), ...(targets ? [true, false] : [])], cls: 'headline' })}`;
  if (why.length > 0) out += `<p class="note not-computed">${esc(`${L.notApplicable}: ${byReason(why.map(([label, reason]) => [label, reasonText(reason, r.lang)] as const), r.lang)}`)}</p>`;
  if (unjudged.length > 0) out += `<p class="note not-computed">${esc(`${say(COMPARE_TEXT.targetNotJudged, r.lang)}: ${byReason(unjudged, r.lang)}`)}</p>`;
  if (rows.some((h) => caveat.keys.has(h.key))) out += caveat.lines.map((l) => `<p class="caveat">${esc(l)}</p>`).join('');
  return out;
}

/** The cover: company, period, date, the audit's score and band, and the headline KPIs against targets. */
export function coverSection(r: HtmlInput): string {
  const L = htmlLabels(r.lang);
  const meta = [
    r.company ? `${L.company}: <b>${esc(r.company)}</b>` : '',
    periodOf(r, r.lang) ? `${L.period}: ${esc(periodOf(r, r.lang))}` : '',
    // The report date as the other reports write it: the run's local calendar day.
    `${L.date}: ${esc(formatLocalDate(new Date(r.generatedAt), r.lang))}`,
  ].filter(Boolean);
  let body = `<h1>${esc(documentTitle(r))}</h1><p class="meta">${meta.join(' · ')}</p>`;
  if (r.audit) {
    body += `<div class="score"><span class="big">${esc(formatPoints(r.audit.total, r.lang))} / ${esc(formatPoints(r.audit.max, r.lang))}</span><span><span class="note">${esc(L.score)}</span><br><span class="band">${esc(r.audit.band.title)}</span></span></div><p>${esc(r.audit.band.meaning)}</p>`;
    // The earlier audit: a re-audit's own baseline (audit --baseline), else the last run's (report --baseline).
    const before = r.audit.baseline ? baselineBandLine(r.audit, r.lang) : auditBefore(r)?.line;
    if (before) body += `<p class="note">${esc(before)}</p>`;
    // A baseline of another questionnaire version (or maximum) is said where the comparison is.
    const changed = r.audit.baseline ? baselineNoteLine(r.audit, r.lang) : undefined;
    if (changed) body += `<p class="note">${esc(changed)}</p>`;
  }
  body += headlineTable(r);
  return `<section class="section cover" id="cover" data-section="cover">${body}</section>`;
}
