import { tr } from '../../core/i18n.js';
import { plural } from '../../core/i18n.js';
import { metricDef } from '../../core/kpi/catalog.js';

/** A metric's name in the catalogue, in the report's language. */
const metricLabel = (key: string, lang: string): string => metricDef(key)!.label[lang === 'ru' ? 'ru' : 'en'];

/** Chart titles, series and table headers in the report language. */
export function chartLabels(lang: string) {
  return {
    auditSections: tr(lang, 'Аудит по разделам: баллы из максимума', 'Audit by section: score out of the maximum'),
    score: tr(lang, 'Баллы', 'Score'),
    max: tr(lang, 'Максимум', 'Maximum'),
    section: tr(lang, 'Раздел', 'Section'),
    funnel: tr(lang, 'Воронка: лиды → выиграно / проиграно / в работе', 'Funnel: leads → won / lost / open'),
    stage: tr(lang, 'Этап', 'Stage'),
    deals: tr(lang, 'Сделок', 'Deals'),
    ofLeads: tr(lang, 'Доля от лидов', 'Share of leads'),
    conversion: tr(lang, 'Конверсия по менеджерам', 'Conversion per manager'),
    response: tr(lang, 'Медиана реакции по менеджерам, мин', 'Median response per manager, min'),
    touches: tr(lang, 'Касаний на выигранную сделку против нормы', 'Touches per won deal against the norm'),
    manager: tr(lang, 'Менеджер', 'Manager'),
    value: tr(lang, 'Значение', 'Value'),
    department: tr(lang, 'отдел', 'department'),
    norm: tr(lang, 'норма', 'norm'),
    vsReference: tr(lang, 'Ориентир', 'Reference'),
    lossReasons: tr(lang, 'Причины отказа: главные и прочие', 'Loss reasons: the most frequent and other'),
    reason: tr(lang, 'Причина', 'Reason'),
    share: tr(lang, 'Доля', 'Share'),
    calls: tr(lang, 'Звонки: доля пропущенных и перезвонов', 'Calls: missed share and callbacks'),
    // The metrics' own names, from the catalogue every table takes them from (the chart said «Called back», Markdown «Callback rate»).
    missedShare: metricLabel('missed_share', lang),
    callbackRate: metricLabel('callback_rate', lang),
    missed: tr(lang, 'Пропущено', 'Missed'),
    beforeAfter: tr(lang, 'До и после: изменение показателей и цели', 'Before and after: change of each metric and its target'),
    metric: tr(lang, 'Показатель', 'Metric'),
    before: tr(lang, 'До', 'Before'),
    after: tr(lang, 'После', 'After'),
    change: tr(lang, 'Изменение', 'Change'),
    changePct: tr(lang, 'Изм., %', 'Change %'),
    targetPct: tr(lang, 'Цель', 'Target'),
    met: tr(lang, 'Цель достигнута', 'Target met'),
    yes: tr(lang, 'да', 'yes'),
    no: tr(lang, 'нет', 'no'),
    noTarget: tr(lang, 'без цели', 'no target'),
    payback: tr(lang, 'Окупаемость: накопленный чистый прирост против затрат', 'Payback: cumulative net gain against the cost'),
    month: tr(lang, 'Месяц', 'Month'),
    cumulative: tr(lang, 'Накопленный чистый прирост', 'Cumulative net gain'),
    cost: tr(lang, 'Затраты на внедрение', 'Implementation cost'),
    balance: tr(lang, 'Итог', 'Balance'),
    money: tr(lang, 'Сумма', 'Amount'),
  };
}

/** Titles and series of the charts of groupings (`kpi --by month`, `--by source`). */
export function groupChartLabels(lang: string) {
  return {
    monthLeads: tr(lang, 'Лиды по месяцам', 'Leads by month'),
    monthConversion: tr(lang, 'Конверсия по месяцам', 'Conversion by month'),
    monthRevenue: tr(lang, 'Выручка по месяцам', 'Revenue by month'),
    sourceLeads: tr(lang, 'Лиды по источникам', 'Leads by source'),
    sourceConversion: tr(lang, 'Конверсия по источникам', 'Conversion by source'),
    sourceCac: tr(lang, 'CAC по источникам: расходы на нового клиента', 'CAC by source: spend per new client'),
    sourceRomi: tr(lang, 'ROMI по источникам', 'ROMI by source'),
    pipelineLeads: tr(lang, 'Лиды по воронкам', 'Leads by pipeline'),
    pipelineConversion: tr(lang, 'Конверсия по воронкам', 'Conversion by pipeline'),
    stageOpen: tr(lang, 'Сделки в работе по этапам', 'Open deals by stage'),
    stageAge: tr(lang, 'Возраст сделок в работе по этапам, дн. (медиана)', 'Age of open deals by stage, days (median)'),
    month: tr(lang, 'Месяц', 'Month'),
    source: tr(lang, 'Источник', 'Source'),
    pipeline: tr(lang, 'Воронка', 'Pipeline'),
    stage: tr(lang, 'Этап', 'Stage'),
    department: tr(lang, 'Отдел', 'Department'),
    others: (n: number) => tr(lang, `прочие (${n} ${plural(n, 'источник', 'источника', 'источников')})`, `other (${n} sources)`),
  };
}
