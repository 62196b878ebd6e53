import { tr } from '../../core/i18n.js';

/** The HTML report's own labels (section titles, cover, notes) in the report language. */
export function htmlLabels(lang: string) {
  return {
    title: tr(lang, 'Аудит CRM и показатели продаж', 'CRM audit and sales KPIs'),
    auditTitle: tr(lang, 'Аудит зрелости CRM', 'CRM maturity audit'),
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
    target: tr(lang, 'Цель', 'Target'),
    met: tr(lang, 'Достигнута', 'Met'),
    yes: tr(lang, 'да', 'yes'),
    no: tr(lang, 'нет', 'no'),
    audit: tr(lang, 'Аудит по разделам', 'The audit by section'),
    evidence: tr(lang, 'Проверка ответов по данным', 'Answers checked against the data'),
    evidenceTotal: tr(lang, 'Оценка после проверки', 'Score after the check'),
    criterion: tr(lang, 'Критерий', 'Criterion'),
    answer: tr(lang, 'Ответ', 'Answer'),
    verdict: tr(lang, 'Вывод', 'Verdict'),
    why: tr(lang, 'Почему', 'Why'),
    verdicts: {
      confirmed: tr(lang, 'подтверждено', 'confirmed'),
      contradicted: tr(lang, 'опровергнуто', 'contradicted'),
      inconclusive: tr(lang, 'не ясно', 'inconclusive'),
      'no-data': tr(lang, 'нет данных', 'no data'),
      'not-checkable': tr(lang, 'не проверяется', 'not checkable'),
    } as Record<string, string>,
    recommendations: tr(lang, 'Рекомендации', 'Recommendations'),
    recommendation: tr(lang, 'Рекомендация', 'Recommendation'),
    missingPoints: tr(lang, 'Баллов', 'Points'),
    hoursPerMonth: tr(lang, 'Часов в месяц', 'Hours a month'),
    moneyPerMonth: tr(lang, 'Стоимость в месяц, ₽', 'Cost a month, RUB'),
    costBasis: tr(lang, 'Основание расчёта', 'Basis'),
    noRecommendations: tr(lang, 'Все критерии выполнены — рекомендаций нет.', 'Every criterion is met: no recommendations.'),
    funnel: tr(lang, 'Воронка', 'Funnel'),
    managers: tr(lang, 'Сравнение менеджеров', 'Managers compared'),
    lossReasons: tr(lang, 'Причины отказа', 'Loss reasons'),
    calls: tr(lang, 'Звонки', 'Calls'),
    beforeAfter: tr(lang, 'До и после', 'Before and after'),
    payback: tr(lang, 'Окупаемость', 'Payback'),
    paybackMonths: tr(lang, 'Срок окупаемости, мес.', 'Payback, months'),
    gain: tr(lang, 'Прирост валовой прибыли в месяц', 'Gross gain per month'),
    roi: tr(lang, 'ROI за 12 месяцев', 'ROI over 12 months'),
    cost: tr(lang, 'Разовые затраты', 'One-off cost'),
    monthlyCost: tr(lang, 'Затраты в месяц', 'Running cost a month'),
    noPayback: tr(lang, 'не окупается: прирост не покрывает ежемесячные расходы', 'does not pay back: the gain does not cover the running cost'),
    paybackNote: tr(
      lang,
      'Накопленный чистый прирост за m месяцев = m × (прирост валовой прибыли в месяц − затраты в месяц); окупаемость наступает, когда он догоняет разовые затраты.',
      'Cumulative net gain after m months = m × (gross gain per month − running cost a month); it pays back when that reaches the one-off cost.',
    ),
    dataQuality: tr(lang, 'Качество данных', 'Data quality'),
    file: tr(lang, 'Файл', 'File'),
    format: tr(lang, 'Формат', 'Format'),
    rows: tr(lang, 'Строк', 'Rows'),
    records: tr(lang, 'Записей', 'Records'),
    unreadable: tr(lang, 'Не прочитано', 'Unreadable'),
    dropped: tr(lang, 'Отброшено служебных', 'Non-data rows dropped'),
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

/**
 * The reasons a metric is not applicable, in Russian. The result carries them in English (the JSON
 * contract); a reason not listed here is shown as it is.
 */
const REASONS_RU: Record<string, string> = {
  'needs an activities file (--activities)': 'нужен файл активностей (--activities)',
  'needs an activities file with deal_id or client (--activities)': 'нужен файл активностей со сделкой или клиентом (--activities)',
  'needs an activity kind column (a call log without one is all calls)': 'нужна колонка типа активности (журнал без неё — только звонки)',
  'needs a call status or missed column in the activities file': 'нужна колонка статуса звонка или пропуска в файле активностей',
  'needs a payments file (--payments)': 'нужен файл оплат (--payments)',
  'needs a loss-reason column in the deals file': 'нужна колонка причины отказа в файле сделок',
  'needs a client, company or contact column in the deals file': 'нужна колонка клиента, компании или контакта в файле сделок',
  'needs an amount (budget) column in the deals file': 'нужна колонка суммы (бюджета) в файле сделок',
  'needs a source column in the deals file': 'нужна колонка источника в файле сделок',
  'needs a pipeline column in the deals file': 'нужна колонка воронки в файле сделок',
  'needs a stage column in the deals file': 'нужна колонка этапа в файле сделок',
};

/** A not-applicable reason in the report language. */
export function reasonText(reason: string, lang: string): string {
  return lang === 'ru' ? (REASONS_RU[reason] ?? reason) : reason;
}
