import { NOTHING_MATCHES, type AssertionFailure, type AssertionResult, type AssertValue, type Operator } from '../../core/assert.js';
import { plural, tr } from '../../core/i18n.js';
import { ASSERT_SKIPPED, say } from '../../core/messages.js';
import { metricDef, type MetricFormat } from '../../core/kpi/catalog.js';
import { ROW_INFO } from '../compare/text.js';
import { auditLabels } from '../audit/labels.js';
import type { AuditResult } from '../../core/audit/types.js';
import { digitsApart, formatValue, ppUnit, withSign } from '../format.js';
import { groupLabels } from '../kpi/group-labels.js';
import { reasonText } from '../kpi/labels.js';

/** The relation that holds when an assertion fails: `<=30` failing reads "66,2 > 30". */
const BROKEN: Record<Operator, string> = { '>=': '<', '<=': '>', '>': '≤', '<': '≥', '==': '≠', '!=': '=' };

type Kind = MetricFormat | 'points' | 'pp' | 'bool' | 'text' | 'verdict';

const UNIT: Partial<Record<Kind, { ru: string; en: string }>> = { minutes: { ru: 'мин', en: 'min' }, days: { ru: 'дн.', en: 'days' }, pp: { ru: ppUnit('ru'), en: ppUnit('en') } };

/** A value with its unit: `66,2 мин`, `20,7%`, `−2,0 п. п.`, `да`; `extra` digits after the unit's own (formatValue). */
export function showWithUnit(v: AssertValue | unknown, kind: Kind, lang: string, signed = false, extra = 0): string {
  if (v === null || v === undefined) return tr(lang, 'нет данных', 'no data');
  if (typeof v === 'boolean') return v ? tr(lang, 'да', 'yes') : tr(lang, 'нет', 'no');
  // A text value is quoted as its language quotes: «…» in Russian, "…" in English.
  const quote = (s: string) => (lang === 'ru' ? `«${s}»` : `"${s}"`);
  if (typeof v === 'string' && kind === 'verdict') return quote(auditLabels(lang).verdicts[v] ?? v);
  if (typeof v !== 'number') return typeof v === 'string' ? quote(v) : JSON.stringify(v);
  const sign = (text: string) => (signed ? withSign(v, text) : text);
  if (kind === 'pp') return sign(`${formatValue(v * 100, 'days', lang, extra)} ${UNIT.pp![lang === 'ru' ? 'ru' : 'en']}`);
  const text = formatValue(v, kind === 'points' || kind === 'bool' || kind === 'text' || kind === 'verdict' ? 'decimal' : kind, lang, extra).replace(/,00$|\.00$/, '');
  const unit = UNIT[kind];
  return sign(`${text}${unit ? ` ${unit[lang === 'ru' ? 'ru' : 'en']}` : ''}`);
}

/** A metric's label without the unit its value now carries: «Реакция (медиана)». */
export const bareLabel = (label: string) => label.replace(/, (мин|дн\.|min|days)(?=[ ,]|$)/, '');

/** A metric by the catalogue's label and format, the unit economics' too (CAC, ROMI as a percent, as every table shows them). */
function metric(key: string, lang: string): { label: string; format: MetricFormat } {
  const def = metricDef(key);
  return def ? { label: bareLabel(def.label[lang === 'ru' ? 'ru' : 'en']), format: def.format } : { label: key, format: 'decimal' };
}

const COMPARE_FIELDS: Record<string, { ru: string; en: string }> = {
  before: { ru: 'до', en: 'before' },
  after: { ru: 'после', en: 'after' },
  change: { ru: 'изменение', en: 'change' },
  change_pct: { ru: 'изменение, %', en: 'change, %' },
  target: { ru: 'цель', en: 'target' },
  met: { ru: 'цель достигнута', en: 'target met' },
};

/** The titles of an audit's sections and criteria by id, for messages that name them. */
export interface AuditNames {
  sections: ReadonlyMap<string, string>;
  criteria: ReadonlyMap<string, string>;
}

/** The names of a run's audit (none without one). */
export function auditNames(audit: Pick<AuditResult, 'sections'> | undefined): AuditNames {
  return {
    sections: new Map((audit?.sections ?? []).map((s) => [s.id, s.title])),
    criteria: new Map((audit?.sections ?? []).flatMap((s) => s.criteria.map((c) => [c.id, c.title] as const))),
  };
}

const NO_NAMES: AuditNames = { sections: new Map(), criteria: new Map() };

/** Who and what a path names, and how its values read: `Алексеева Мария` / `Реакция (медиана)` / minutes. */
export function describePath(path: readonly string[], lang: string, names: AuditNames = NO_NAMES): { subject: string; what: string; kind: Kind } {
  const dept = tr(lang, 'Отдел', 'Department');
  const [root, a, b, c] = path;
  if (root === 'total' && a) return { subject: dept, ...asMetric(a, lang) };
  if (root === 'managers' && a && b) return { subject: a, ...asMetric(b, lang) };
  if (root === 'audit') {
    const audit = tr(lang, 'Аудит', 'Audit');
    if (a === 'evidence' && b === 'total') return { subject: audit, what: tr(lang, 'баллы с учётом выгрузок', 'points checked against the exports'), kind: 'points' };
    if (a === 'evidence' && b === 'band') return { subject: audit, what: tr(lang, 'уровень с учётом выгрузок', 'band checked against the exports'), kind: 'text' };
    if (a === 'evidence' && b) {
      // The criterion by its title, as the audit shows it: «Телефония и почта в CRM», not telephony.integrated.
      const id = path.slice(2).join('.');
      const title = names.criteria.get(id);
      return { subject: audit, what: title ? tr(lang, `проверка ответа «${title}» по выгрузкам`, `answer "${title}" checked against the exports`) : tr(lang, `проверка ответа ${id} по выгрузкам`, `answer ${id} checked against the exports`), kind: 'verdict' };
    }
    if (a === 'sections' && b) {
      const title = names.sections.get(b) ?? b;
      return { subject: audit, what: tr(lang, `раздел «${title}», баллы`, `section "${title}", points`), kind: 'points' };
    }
    if (a === 'band') return { subject: tr(lang, 'Аудит', 'Audit'), what: tr(lang, 'уровень', 'band'), kind: 'text' };
    return { subject: tr(lang, 'Аудит', 'Audit'), what: a === 'max' ? tr(lang, 'максимум баллов', 'most points') : tr(lang, 'баллы', 'points'), kind: 'points' };
  }
  if (root === 'plan' && a && b) {
    // As the plan table names its columns: «Лиды: % плана», «Выручка: факт»; a share of the plan is a percent, as that table shows it.
    const G = groupLabels(lang);
    const measure = (G.measures as Record<string, string | undefined>)[a] ?? a;
    const field: Record<string, (m: string) => string> = { plan: G.planOf, fact: G.factOf, achieved: G.achievedOf };
    return { subject: G.plan, what: field[b]?.(measure) ?? `${measure}: ${b}`, kind: b === 'achieved' ? 'ratio' : (metricDef(a)?.format ?? 'decimal') };
  }
  if (root === 'compare' && a) {
    const row = ROW_INFO[a];
    if (row && b) {
      const field = COMPARE_FIELDS[b];
      // A share's change is in percentage points (+20 п. п.), as the compare table writes it, never a relative %.
      const kind: Kind = b === 'met' ? 'bool' : b === 'change_pct' || b === 'target' ? 'ratio' : b === 'change' && row.format === 'ratio' ? 'pp' : row.format;
      return { subject: tr(lang, 'До и после', 'Before/after'), what: `${row[lang === 'ru' ? 'ru' : 'en']}: ${field ? field[lang === 'ru' ? 'ru' : 'en'] : b}`, kind };
    }
    const payback: Record<string, [string, string, Kind]> = { gain_per_month: ['прирост в месяц', 'gain per month', 'money'], payback_months: ['срок, мес.', 'months to pay back', 'decimal'], roi_12m: ['ROI за 12 месяцев', 'ROI over 12 months', 'ratio'] };
    const p = payback[a];
    return { subject: tr(lang, 'Окупаемость', 'Payback'), what: p ? tr(lang, p[0], p[1]) : a, kind: p ? p[2] : 'decimal' };
  }
  if (root === 'delta' && a) {
    const since = tr(lang, 'с прошлого запуска', 'since the last run');
    const inner = a === 'audit' ? { subject: tr(lang, 'Аудит', 'Audit'), what: tr(lang, 'баллы', 'points'), kind: 'points' as Kind } : describePath(a === 'total' ? ['total', b ?? ''] : ['managers', b ?? '', c ?? ''], lang, names);
    return { subject: inner.subject, what: tr(lang, `${inner.what}, изменение ${since}`, `${inner.what}, change ${since}`), kind: inner.kind === 'ratio' ? 'pp' : inner.kind };
  }
  return { subject: path.join('.'), what: '', kind: 'decimal' };
}

function asMetric(key: string, lang: string): { what: string; kind: Kind } {
  const m = metric(key, lang);
  return { what: m.label, kind: m.format };
}

const nothingToCheck = (lang: string) => tr(lang, 'нечего проверять (пусто)', 'nothing to check (empty)');

/**
 * A value not computed, with why where the result says it: one wording whatever the operator (a tester: `met==true`
 * read «цель достигнута нет данных ≠ да», `met!=false` «не рассчитано, сравнить не с чем», and neither said why).
 */
function notComputed(failure: Pick<AssertionFailure, 'reason'>, lang: string, cell = false): string {
  const words = tr(lang, 'не рассчитано', 'not computed');
  if (failure.reason) return `${words}: ${reasonText(failure.reason, lang)}`;
  // A cell under «Значение» says the value; a line says too why the check failed.
  return cell ? words : tr(lang, 'не рассчитано, сравнить не с чем', 'not computed, nothing to compare');
}

/** Who failed and the offending value, each as the failure's line says it (a table's «Где» and «Значение»): «Отдел», «опровергнуто». */
export function failureParts(failure: AssertionFailure, lang: string, names: AuditNames = NO_NAMES): { subject: string; value: string } {
  if (failure.value === NOTHING_MATCHES) return { subject: failure.subject, value: nothingToCheck(lang) };
  const { subject, kind } = describePath(failure.path, lang, names);
  return { subject, value: failure.value === null ? notComputed(failure, lang, true) : showWithUnit(failure.value, kind, lang) };
}

/** One failure as a person reads it: «Алексеева Мария: Реакция (медиана) 66,2 мин > 30 мин». */
export function describeFailure(result: Pick<AssertionResult, 'op' | 'expected'>, failure: AssertionFailure, lang: string, names: AuditNames = NO_NAMES): string {
  if (failure.value === NOTHING_MATCHES) return `${failure.subject}: ${nothingToCheck(lang)}`;
  const { subject, what, kind } = describePath(failure.path, lang, names);
  const signed = failure.path[0] === 'delta' || failure.path[2] === 'change_pct' || failure.path[2] === 'change' || (failure.path[0] === 'compare' && failure.path[1] === 'roi_12m');
  // Rounding must not show a failed check as two equal numbers («0,78 < 0,78»): as many more digits as tell them apart.
  const show = (v: unknown, extra: number) => showWithUnit(v, kind, lang, signed, extra);
  const [a, e] = [failure.value, result.expected];
  const extra = typeof a === 'number' && typeof e === 'number' ? digitsApart(a, e, show, 12) : 0;
  const [actual, threshold] = [show(a, extra), show(e, extra)];
  // A payback of null is mostly a project that does not pay back (the payback section says which).
  if (failure.value === null && failure.path[failure.path.length - 1] === 'payback_months' && failure.reason === undefined) return `${subject}: ${what} — ${tr(lang, 'нет: проект не окупается или срок не рассчитан (почему — в разделе окупаемости)', 'none: the project does not pay back, or it was not computed (the payback section says why)')}`;
  if (failure.value === null) return `${subject}: ${what} — ${notComputed(failure, lang)}`;
  // The threshold as it was written: 30, not 30,0, and 77,8, not 77,80 (the decimal part's zeros only: 20,000 in English is twenty thousand).
  const mark = lang === 'ru' ? ',' : '.';
  const expected = typeof result.expected !== 'number' ? threshold : threshold.replace(lang === 'ru' ? /,(\d*?)0+(?=\D*$)/ : /\.(\d*?)0+(?=\D*$)/, (_, digits: string) => (digits ? `${mark}${digits}` : ''));
  return `${subject}: ${what ? `${what} ` : ''}${actual} ${BROKEN[result.op]} ${expected}`;
}

/** The words for an assertion's level and outcome. */
export function levelWord(level: 'error' | 'warn', lang: string): string {
  return level === 'error' ? tr(lang, 'ошибка', 'error') : tr(lang, 'предупреждение', 'warning');
}

/** Why an assertion was skipped, in the report's language ('' when it was judged). */
export function skippedNote(result: Pick<AssertionResult, 'skipped'>, lang: string): string {
  return result.skipped ? say(ASSERT_SKIPPED[result.skipped], lang) : '';
}

/** The closing count: «3 из 4 проверок пройдены, 1 предупреждение»; a skipped one is counted apart, with why. */
export function assertionTally(results: readonly AssertionResult[], lang: string): string {
  const errors = results.filter((r) => !r.passed && r.level === 'error').length;
  const warnings = results.filter((r) => !r.passed && r.level === 'warn').length;
  const skipped = results.filter((r) => r.skipped);
  const passed = results.length - errors - warnings - skipped.length;
  const why = [...new Set(skipped.map((r) => skippedNote(r, lang)))].join('; ');
  if (lang !== 'ru') return `${passed} of ${results.length} assertions passed${errors ? `, ${errors} failed` : ''}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}${skipped.length ? `, ${skipped.length} skipped (${why})` : ''}`;
  const skippedRu = skipped.length ? `, ${skipped.length} ${plural(skipped.length, 'пропущена', 'пропущены', 'пропущено')} (${why})` : '';
  return `${passed} из ${results.length} ${plural(results.length, 'проверки', 'проверок', 'проверок')} ${plural(passed, 'пройдена', 'пройдены', 'пройдено')}${errors ? `, ${errors} ${plural(errors, 'не пройдена', 'не пройдены', 'не пройдено')}` : ''}${warnings ? `, ${warnings} ${plural(warnings, 'предупреждение', 'предупреждения', 'предупреждений')}` : ''}${skippedRu}`;
}
