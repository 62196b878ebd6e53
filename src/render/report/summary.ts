import type { ReportResult } from '../../core/report.js';
import { tr } from '../../core/i18n.js';
import { METRICS } from '../../core/kpi/catalog.js';
import { formatValue } from '../format.js';
import { mdTable } from '../text.js';

/** Headline KPIs on the Summary sheet and the CI summary. */
export const HEADLINE = ['leads', 'conversion', 'win_rate', 'revenue', 'average_check', 'cycle_days_median', 'response_min_median', 'missed_share', 'callback_rate', 'paid_share'];

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
    target: tr(lang, 'Цель', 'Target'),
    met: tr(lang, 'Достигнута', 'Met'),
    assertions: tr(lang, 'Проверки', 'Assertions'),
    assertion: tr(lang, 'Проверка', 'Assertion'),
    level: tr(lang, 'Уровень', 'Level'),
    status: tr(lang, 'Итог', 'Status'),
    subject: tr(lang, 'Где', 'Where'),
    passed: tr(lang, 'пройдена', 'passed'),
    failed: tr(lang, 'не пройдена', 'failed'),
    yes: tr(lang, 'да', 'yes'),
    no: tr(lang, 'нет', 'no'),
  };
}

/** A failure's offending value as text. */
export function showValue(v: unknown): string {
  return v === null ? 'null' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : typeof v === 'string' ? v : JSON.stringify(v);
}

/** Headline KPI rows: value, and the target and verdict from the before/after table when there is one. */
export function headlineRows(r: ReportResult, lang: string): Array<{ key: string; label: string; value: number | null; text: string; target: number | null; met: boolean | null }> {
  if (!r.kpi) return [];
  return HEADLINE.filter((k) => !(k in r.kpi!.notApplicable)).map((key) => {
    const def = METRICS.find((m) => m.key === key)!;
    const row = r.compare?.rows.find((x) => x.metric === key || (key === 'revenue' && x.metric === 'revenue_per_month'));
    const value = r.kpi!.total[key];
    return { key, label: def.label[lang === 'ru' ? 'ru' : 'en'], value: typeof value === 'number' ? value : null, text: formatValue(value, def.format, lang), target: row?.target ?? null, met: row?.met ?? null };
  });
}

/** A short Markdown summary fit for a CI job summary page. */
export function renderReportMarkdown(r: ReportResult): string {
  const L = reportLabels(r.lang);
  const out = [`## ${L.title}${r.company ? ` — ${r.company}` : ''}`, '', `${L.date}: ${r.generatedAt}`];
  if (r.audit) out.push('', `**${L.audit}:** ${r.audit.total} / ${r.audit.max} — ${r.audit.band.title}`);
  if (r.audit?.evidence) out.push('', `**${L.evidenceTotal}:** ${r.audit.evidence.total} / ${r.audit.max} — ${r.audit.evidence.band.title}`);
  const rows = headlineRows(r, r.lang);
  if (rows.length > 0) {
    out.push('', mdTable([L.metric, L.value, L.target, L.met], rows.map((x) => [x.label, x.text, x.target === null ? '' : `${x.target > 0 ? '+' : ''}${formatValue(x.target, 'ratio', r.lang)}`, x.met === null ? '' : x.met ? '✅' : '❌']), ['left', 'right', 'right', 'left']));
  }
  if (r.assertions.length > 0) {
    out.push('', `### ${L.assertions}`, '');
    for (const a of r.assertions) {
      const mark = a.passed ? '✅' : a.level === 'warn' ? '⚠️' : '❌';
      out.push(`- ${mark} \`${a.assertion}\`${a.passed ? '' : `: ${a.failures.map((f) => `${f.subject} = ${showValue(f.value)}`).join('; ')}`}`);
    }
  }
  return `${out.join('\n')}\n`;
}
