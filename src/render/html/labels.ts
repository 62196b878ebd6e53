import type { CompareResult } from '../../core/compare.js';
import { tr } from '../../core/i18n.js';
import { compareLabels, gainLabel } from '../compare/text.js';

/** The HTML report's own labels (section titles, cover, notes) in the report language. */
export function htmlLabels(lang: string) {
  return {
    title: tr(lang, 'Аудит CRM и показатели продаж', 'CRM audit and sales KPIs'),
    kpiTitle: tr(lang, 'Показатели продаж по менеджерам', 'Sales KPIs per manager'),
    compareTitle: tr(lang, 'До и после внедрения CRM', 'Before and after the CRM'),
    company: tr(lang, 'Компания', 'Company'),
    period: tr(lang, 'Период', 'Period'),
    before: tr(lang, 'До', 'Before'),
    after: tr(lang, 'После', 'After'),
    date: tr(lang, 'Дата отчёта', 'Report date'),
    score: tr(lang, 'Оценка зрелости', 'Maturity score'),
    band: tr(lang, 'Уровень', 'Band'),
    headline: tr(lang, 'Главные показатели', 'Headline KPIs'),
    metric: tr(lang, 'Показатель', 'Metric'),
    value: tr(lang, 'Значение', 'Value'),
    changeAfter: compareLabels(lang).changeAfter,
    target: tr(lang, 'Цель', 'Target'),
    met: tr(lang, 'Достигнута', 'Met'),
    yes: tr(lang, 'да', 'yes'),
    no: tr(lang, 'нет', 'no'),
    audit: tr(lang, 'Аудит по разделам', 'The audit by section'),
    criterion: tr(lang, 'Критерий', 'Criterion'),
    answer: tr(lang, 'Ответ', 'Answer'),
    recommendations: tr(lang, 'Рекомендации', 'Recommendations'),
    recommendation: tr(lang, 'Рекомендация', 'Recommendation'),
    missingPoints: tr(lang, 'Недостаёт баллов', 'Points missing'),
    hoursPerMonth: tr(lang, 'Часов в месяц', 'Hours a month'),
    moneyPerMonth: tr(lang, 'Стоимость в месяц, ₽', 'Cost a month, RUB'),
    costBasis: tr(lang, 'Основание расчёта', 'Basis'),
    noRecommendations: tr(lang, 'Все критерии выполнены — рекомендаций нет.', 'Every criterion is met: no recommendations.'),
    funnel: tr(lang, 'Воронка', 'Funnel'),
    managers: tr(lang, 'Сравнение менеджеров', 'Managers compared'),
    managerKpis: tr(lang, 'Все показатели по менеджерам', 'Every metric per manager'),
    lossReasons: tr(lang, 'Причины отказа', 'Loss reasons'),
    calls: tr(lang, 'Звонки', 'Calls'),
    beforeAfter: tr(lang, 'До и после', 'Before and after'),
    payback: tr(lang, 'Окупаемость', 'Payback'),
    paybackMonths: tr(lang, 'Срок окупаемости, мес.', 'Payback, months'),
    roi: tr(lang, 'ROI за 12 месяцев', 'ROI over 12 months'),
    dataQuality: tr(lang, 'Качество данных', 'Data quality'),
    // A report's comparison read from files of its own, as the workbook names its sheet.
    compareDataQuality: tr(lang, 'Качество данных (до и после)', 'Data quality (before, after)'),
    file: tr(lang, 'Файл', 'File'),
    format: tr(lang, 'Формат', 'Format'),
    rows: tr(lang, 'Строк', 'Rows'),
    records: tr(lang, 'Записей', 'Records'),
    unreadable: tr(lang, 'Не прочитано', 'Unreadable'),
    dropped: tr(lang, 'Отброшено служебных', 'Non-data rows dropped'),
    merged: tr(lang, 'Объединено со своей сделкой', 'Merged into their deal'),
    empty: tr(lang, 'Пустых строк (не входят в прочитанные)', 'Empty rows (not among those read)'),
    skippedRows: tr(lang, 'Непрочитанные строки (первые 50)', 'Unreadable rows (first 50)'),
    row: tr(lang, 'Строка', 'Row'),
    column: tr(lang, 'Колонка', 'Column'),
    reason: tr(lang, 'Причина', 'Reason'),
    warnings: tr(lang, 'Предупреждения', 'Warnings'),
    notApplicable: tr(lang, 'Не рассчитано', 'Not applicable'),
    definitions: tr(lang, 'Определения', 'Definitions'),
    definition: tr(lang, 'Определение', 'Definition'),
    chartTable: tr(lang, 'Числа графика', 'The chart\'s numbers'),
    contents: tr(lang, 'Содержание', 'Contents'),
    generator: tr(lang, 'Подготовлено crm-audit', 'Prepared with crm-audit'),
  };
}

/** How payback is reached, naming the gain as the table above does (revenue without --margin, gross profit with it). */
export function paybackNote(inputs: CompareResult['payback_inputs'], lang: string): string {
  const gain = gainLabel(inputs, lang, false);
  const term = gain.charAt(0).toLowerCase() + gain.slice(1);
  return tr(
    lang,
    `Накопленный чистый прирост за N месяцев = N × (${term} − затраты в месяц); окупаемость наступает, когда он догоняет разовые затраты.`,
    `Cumulative net gain after m months = m × (${term} − running cost a month); it pays back when that reaches the one-off cost.`,
  );
}
