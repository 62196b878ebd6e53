import type { AuditResult, Recommendation } from '../../core/audit/types.js';
import { plural, tr } from '../../core/i18n.js';
import { formatLocalDate, formatPoints, formatValue } from '../format.js';
import { formatNumber } from '../../core/audit/evidence-text.js';

/** The audit report's labels in the report language. */
export function auditLabels(lang: string) {
  return {
    title: tr(lang, 'Аудит зрелости CRM', 'CRM maturity audit'),
    company: tr(lang, 'Компания', 'Company'),
    date: tr(lang, 'Дата', 'Date'),
    section: tr(lang, 'Раздел', 'Section'),
    criterion: tr(lang, 'Критерий', 'Criterion'),
    answer: tr(lang, 'Ответ', 'Answer'),
    score: tr(lang, 'Баллы', 'Score'),
    points: tr(lang, 'Баллы', 'Points'),
    max: tr(lang, 'Максимум', 'Max'),
    missing: tr(lang, 'Не хватает', 'Missing'),
    // A recommendation's points to gain, as the workbook and the HTML head it («Не хватает» is the criteria missing: tester T62 B1).
    missingPoints: tr(lang, 'Недостаёт баллов', 'Points missing'),
    total: tr(lang, 'Итого', 'Total'),
    band: tr(lang, 'Уровень', 'Band'),
    meaning: tr(lang, 'Что это значит', 'What it means'),
    recommendations: tr(lang, 'Рекомендации', 'Recommendations'),
    recommendation: tr(lang, 'Рекомендация', 'Recommendation'),
    // The basis of a recommendation's estimate, headed as the HTML report heads it: «Цена» beside
    // «Стоимость в месяц, ₽» read as a second money column.
    basis: tr(lang, 'Основание расчёта', 'Basis'),
    hoursPerMonth: tr(lang, 'Часов в месяц', 'Hours a month'),
    moneyPerMonth: tr(lang, 'Стоимость в месяц, ₽', 'Cost a month, RUB'),
    unanswered: tr(lang, 'Без ответа', 'Unanswered'),
    before: tr(lang, 'Было', 'Before'),
    warning: tr(lang, 'Внимание', 'Warning'),
    after: tr(lang, 'Стало', 'After'),
    change: tr(lang, 'Изменение', 'Change'),
    none: tr(lang, 'Все критерии выполнены — рекомендаций нет.', 'Every criterion is met: no recommendations.'),
    byExports: tr(lang, 'выгрузки опровергают «да»', 'the exports contradict "yes"'),
    doneByExports: tr(lang, 'по выгрузкам это уже делается: проверьте ответ «нет»', 'the exports suggest this is done already: check the "no"'),
    doneUnanswered: tr(lang, 'по выгрузкам это уже делается: уточните ответ', 'the exports suggest this is done already: ask for the answer'),
    answers: { yes: tr(lang, 'да', 'yes'), no: tr(lang, 'нет', 'no'), skip: tr(lang, 'пропущено', 'skipped') } as Record<string, string>,
    evidence: tr(lang, 'Проверка по выгрузкам', 'Checked against the exports'),
    verdict: tr(lang, 'Вердикт', 'Verdict'),
    evidenceText: tr(lang, 'Что показали выгрузки', 'What the exports show'),
    evidenceTotal: tr(lang, 'Итог с учётом выгрузок', 'Evidence-checked total'),
    verdicts: {
      confirmed: tr(lang, 'подтверждено', 'confirmed'),
      contradicted: tr(lang, 'опровергнуто', 'contradicted'),
      inconclusive: tr(lang, 'неясно', 'inconclusive'),
      'no-data': tr(lang, 'нет данных', 'no data'),
      'not-checkable': tr(lang, 'не проверяется', 'not checkable'),
    } as Record<string, string>,
  };
}

/**
 * A check's verdict as a report shows it. A skipped answer's is «нет ответа» ("not answered"): its
 * verdict stays `not-checkable` (there is no answer to check, and it scores nothing), but «не
 * проверяется» beside «выгрузки говорят, что вы это делаете» told the client the opposite of its sentence.
 */
export function verdictText(check: { verdict: string; answer: string }, lang: string): string {
  if (check.answer === 'skip' && check.verdict === 'not-checkable') return tr(lang, 'нет ответа', 'not answered');
  return auditLabels(lang).verdicts[check.verdict] ?? check.verdict;
}

/**
 * An answer as a report shows it: «да», «нет», «пропущено», or a declared choice's label in the
 * result's language («Частично»; the reports showed its id, «partly»), else the answer as given.
 */
export function answerText(result: AuditResult, criterion: string, answer: string, lang: string): string {
  const word = auditLabels(lang).answers[answer];
  if (word !== undefined) return word;
  const c = result.sections.flatMap((s) => s.criteria).find((x) => x.id === criterion);
  return (c?.answer === answer ? c.answerLabel : undefined) ?? answer;
}

/** The re-audit's label, with the date of the earlier audit: «Было (01.06.2025)» / "Before (2025-06-01)". */
export function beforeLabel(result: AuditResult, lang: string): string {
  return `${auditLabels(lang).before} (${formatLocalDate(new Date(result.baseline!.answeredAt), lang)})`;
}

/** A score out of a maximum, as every audit report writes it beside a band: «7 / 10», «5,5 / 10». */
export function outOf(points: number, max: number, lang: string): string {
  return `${formatPoints(points, lang)} / ${formatPoints(max, lang)}`;
}

/** The earlier audit's score out of its own maximum (against an older questionnaire it may differ from this one's): «2 / 10». */
export function baselineScore(result: AuditResult, lang: string): string {
  const b = result.baseline!;
  return outOf(b.total, b.max ?? result.max, lang);
}

/** The earlier audit's band beside this one's: «Было (01.06.2025): Только начали (2 / 10)». */
export function baselineBandLine(result: AuditResult, lang: string): string {
  return `${beforeLabel(result, lang)}: ${result.baseline!.bandTitle} (${baselineScore(result, lang)})`;
}

/** What a questionnaire was at an audit: its id, version and maximum score. */
export interface QuestionnaireAt {
  id: string;
  version?: number | string;
  max: number;
}

/**
 * Why a re-audit's comparison is not like for like, or undefined when it is: the earlier result was
 * made with another version of the questionnaire, or out of another maximum. Said as a warning on
 * stderr and as a note under the comparison in every report (it was compared in silence).
 */
export function questionnaireChangeNote(before: QuestionnaireAt, now: QuestionnaireAt, lang: string): string | undefined {
  const versionDiffers = before.version !== undefined && String(before.version) !== String(now.version);
  if (!versionDiffers && before.max === now.max) return undefined;
  const was = formatPoints(before.max, lang);
  const is = formatPoints(now.max, lang);
  if (versionDiffers) {
    return tr(
      lang,
      `прошлый аудит проведён по версии ${before.version} анкеты «${now.id}» (максимум ${was}), этот — по версии ${now.version} (максимум ${is}): баллы сравниваются как есть, без пересчёта`,
      `the earlier audit used version ${before.version} of questionnaire "${now.id}" (max ${was}), this one version ${now.version} (max ${is}): scores are compared as they are, not rescaled`,
    );
  }
  return tr(
    lang,
    `прошлый аудит проведён по анкете «${now.id}» с максимумом ${was}, этот — с максимумом ${is}, хотя версия анкеты та же (${now.version}): баллы сравниваются как есть, без пересчёта`,
    `the earlier audit of questionnaire "${now.id}" was out of ${was}, this one is out of ${is}, though the version is the same (${now.version}): scores are compared as they are, not rescaled`,
  );
}

/** The note of a re-audit whose baseline was made with another questionnaire version or maximum (see questionnaireChangeNote). */
export function baselineNote(result: AuditResult, lang: string): string | undefined {
  const b = result.baseline;
  if (!b || b.max === undefined) return undefined;
  return questionnaireChangeNote({ id: result.questionnaire.id, version: b.questionnaireVersion, max: b.max }, { id: result.questionnaire.id, version: result.questionnaire.version, max: result.max }, lang);
}

/** The criteria of a section short of their points, by title (what it lacks). */
export function missingCriteria(result: AuditResult, sectionId: string): string[] {
  return result.sections.find((s) => s.id === sectionId)?.criteria.filter((c) => c.points < c.max).map((c) => c.title ?? c.id) ?? [];
}

/** A criterion's short title from a result (its id for results saved before titles existed). */
export function criterionTitle(result: AuditResult, id: string): string {
  for (const s of result.sections) for (const c of s.criteria) if (c.id === id) return c.title ?? id;
  return id;
}

/**
 * Whole roubles grouped as the reader writes them: `52 500` / `52,500`, with the no-break space the
 * evidence sentences have (formatNumber): a Russian report had two grouping characters, and Markdown
 * or HTML could break «31 500 | 000 ₽» at the plain one.
 */
export function formatMoney(n: number, lang: string): string {
  return formatNumber(Math.round(n), lang, 0);
}

/**
 * Hours as every report shows them, the one rule: one decimal, dropped when it is 0 (2,331 → «2,3»,
 * 48,951 → «49», not «49,0» beside «147»; 367,5 → «367,5»). The XLSX cell keeps the number and
 * takes its format from this (hoursFormat).
 */
export function shownHours(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Hours grouped as the money beside them is («2 121 ч»), by the rule of shownHours. */
export function formatHours(n: number, lang: string): string {
  return formatNumber(shownHours(n), lang, 1);
}

/** "N h a day (M h a month)" for a recommendation's cost. */
export function describeCost(lang: string, cost: { hoursPerManagerPerDay: number; basis: string; managers?: number; hoursPerDay?: number; hoursPerMonth?: number; costPerMonth?: number; share?: number }): string {
  const num = (n: number) => formatHours(n, lang);
  // A criterion met in part: counted at the share of its points missing (RecommendationCost.share).
  const part = cost.share === undefined ? '' : tr(lang, `; критерий выполнен частично: в расчёте доля ненабранных баллов, ${formatValue(cost.share, 'ratio', lang)}`, `; the criterion is met in part: counted at the share of its points missing, ${formatValue(cost.share, 'ratio', lang)}`);
  const basis = `${cost.basis}${part}`;
  if (cost.managers === undefined || cost.hoursPerDay === undefined || cost.hoursPerMonth === undefined) return basis;
  // «при 1 менеджере», «при 21 менеджере», «при 5 менеджерах».
  const ru = `${basis}; при ${num(cost.managers)} ${plural(cost.managers, 'менеджере', 'менеджерах', 'менеджерах')} — до ${num(cost.hoursPerDay)} ч в день, ${num(cost.hoursPerMonth)} ч в месяц`;
  const en = `${basis}; with ${num(cost.managers)} ${cost.managers === 1 ? 'manager' : 'managers'} that is up to ${num(cost.hoursPerDay)} h a day, ${num(cost.hoursPerMonth)} h a month`;
  if (cost.costPerMonth === undefined) return tr(lang, ru, en);
  const money = formatMoney(cost.costPerMonth, lang);
  return tr(lang, `${ru}, около ${money} ₽ в месяц`, `${en}, about RUB ${money} a month`);
}

/**
 * The recommendations a reader is shown: those of the answers, then one for each "yes" the exports
 * contradict (a saved result from before they existed has none), each with the title it goes under.
 * The advice of a "no" the exports contradict stays (spec: such a "no" never adds points), under a
 * title that says the data suggests it is done already, so that nobody sells a client what it has;
 * so does that of a skipped answer the exports say is done, asking for the answer.
 */
export function shownRecommendations(result: AuditResult, lang: string): Array<{ rec: Recommendation; title: string }> {
  const L = auditLabels(lang);
  const checks = result.evidence?.checks ?? [];
  const doneAlready = new Set(checks.filter((c) => c.verdict === 'contradicted' && c.answer === 'no').map((c) => c.criterion));
  // A skipped answer the exports say is done: its advice is flagged too, asking for the answer.
  const doneUnanswered = new Set(checks.filter((c) => c.answer === 'skip' && c.suggests === 'yes').map((c) => c.criterion));
  const note = (criterion: string) => (doneAlready.has(criterion) ? ` (${L.doneByExports})` : doneUnanswered.has(criterion) ? ` (${L.doneUnanswered})` : '');
  return [
    ...result.recommendations.map((rec) => ({ rec, title: `${criterionTitle(result, rec.criterion)}${note(rec.criterion)}` })),
    ...(result.evidence?.recommendations ?? []).map((rec) => ({ rec, title: `${criterionTitle(result, rec.criterion)} (${L.byExports})` })),
  ];
}

/** The note as a report line: «Внимание: прошлый аудит проведён по версии 2 …». */
export function baselineNoteLine(result: AuditResult, lang: string): string | undefined {
  const note = baselineNote(result, lang);
  return note === undefined ? undefined : `${auditLabels(lang).warning}: ${note}.`;
}

/** The earlier total as the comparison's total row shows it: out of its own maximum where that differs from this run's («7 / 10»). */
export function baselineTotal(result: AuditResult, lang: string): string {
  const b = result.baseline!;
  return b.max !== undefined && b.max !== result.max ? outOf(b.total, b.max, lang) : formatPoints(b.total, lang);
}
