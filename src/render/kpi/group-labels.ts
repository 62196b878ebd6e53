import { tr } from '../../core/i18n.js';
import type { GroupDim } from '../../core/kpi/types.js';

type Both = { ru: string; en: string };

/** A dimension's names: a column header, its dative plural for titles («по источникам»), its plural for sheet names. */
const DIMS: Record<GroupDim, { column: Both; by: Both; plural: Both }> = {
  manager: { column: { ru: 'Менеджер', en: 'Manager' }, by: { ru: 'менеджерам', en: 'manager' }, plural: { ru: 'Менеджеры', en: 'Managers' } },
  source: { column: { ru: 'Источник', en: 'Source' }, by: { ru: 'источникам', en: 'source' }, plural: { ru: 'Источники', en: 'Sources' } },
  pipeline: { column: { ru: 'Воронка', en: 'Pipeline' }, by: { ru: 'воронкам', en: 'pipeline' }, plural: { ru: 'Воронки', en: 'Pipelines' } },
  stage: { column: { ru: 'Этап', en: 'Stage' }, by: { ru: 'этапам', en: 'stage' }, plural: { ru: 'Этапы', en: 'Stages' } },
  month: { column: { ru: 'Месяц', en: 'Month' }, by: { ru: 'месяцам', en: 'month' }, plural: { ru: 'Месяцы', en: 'Months' } },
};

const pick = (b: Both, lang: string) => (lang === 'ru' ? b.ru : b.en);

/** The header of a dimension's column: «Источник» / "Source". */
export function dimLabel(dim: GroupDim, lang: string): string {
  return pick(DIMS[dim].column, lang);
}

/** «a, b и c» / "a, b and c". */
function listOf(words: string[], lang: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${tr(lang, 'и', 'and')} ${words.at(-1)}`;
}

/**
 * A grouping's title: «По источникам и месяцам» / "By source and month"; a grouping by stage holds
 * open deals only and says so: «Открытые сделки по этапам» / "Open deals by stage".
 */
export function groupingTitle(dims: GroupDim[], lang: string): string {
  const by = listOf(dims.map((d) => pick(DIMS[d].by, lang)), lang);
  if (dims.includes('stage')) return tr(lang, `Открытые сделки по ${by}`, `Open deals by ${by}`);
  return tr(lang, `По ${by}`, `By ${by}`);
}

/** A grouping's short name, for a sheet: «Источники × месяцы» / "Sources × months". */
export function groupingShortName(dims: GroupDim[], lang: string): string {
  return dims.map((d, i) => (i === 0 ? pick(DIMS[d].plural, lang) : pick(DIMS[d].plural, lang).toLowerCase())).join(' × ');
}

/** Short column labels of the unit-economics and stage metrics in terminal tables (the rest are in SHORT). */
export const GROUP_SHORT: Record<string, Both> = {
  spend: { ru: 'Расходы', en: 'Spend' },
  new_won_clients: { ru: 'Нов. клиенты', en: 'New clients' },
  cac: { ru: 'CAC', en: 'CAC' },
  cost_per_lead: { ru: 'Цена лида', en: 'Cost/lead' },
  romi: { ru: 'ROMI', en: 'ROMI' },
  ltv: { ru: 'LTV', en: 'LTV' },
  ltv_cac: { ru: 'LTV/CAC', en: 'LTV/CAC' },
  age_days_median: { ru: 'Возраст, дн. (медиана)', en: 'Age, days (median)' },
};

/** Labels of the groupings, unit economics and plan sections, in the report language. */
export function groupLabels(lang: string) {
  return {
    notSet: tr(lang, 'не указано', 'not set'),
    unitEconomics: tr(lang, 'Юнит-экономика', 'Unit economics'),
    unitEconomicsOf: (title: string) => tr(lang, `${title}: юнит-экономика`, `${title}: unit economics`),
    department: tr(lang, 'Отдел', 'Department'),
    margin: tr(lang, 'Маржа', 'Margin'),
    metric: tr(lang, 'Показатель', 'Metric'),
    value: tr(lang, 'Значение', 'Value'),
    spend: tr(lang, 'Расходы', 'Spend'),
    unmatchedHead: tr(lang, 'Источник расходов без сделок', 'Spend source with no deals'),
    unmatched: (list: string) =>
      tr(lang, `Расходы по источникам, которых нет в сделках (учтены в расходах отдела): ${list}.`, `Spend of sources no deal has (counted in the department's spend): ${list}.`),
    plan: tr(lang, 'План / факт', 'Plan vs actual'),
    planSheet: tr(lang, 'План-факт', 'Plan vs actual'),
    planTotal: tr(lang, 'Итого по плану', 'Plan total'),
    planWord: tr(lang, 'План', 'Plan'),
    factWord: tr(lang, 'Факт', 'Fact'),
    achievedWord: tr(lang, '% плана', '% of plan'),
    measures: { leads: tr(lang, 'Лиды', 'Leads'), won: tr(lang, 'Выиграно', 'Won'), revenue: tr(lang, 'Выручка', 'Revenue') } as Record<'leads' | 'won' | 'revenue', string>,
    planOf: (m: string) => tr(lang, `${m}: план`, `${m}: plan`),
    factOf: (m: string) => tr(lang, `${m}: факт`, `${m}: fact`),
    achievedOf: (m: string) => tr(lang, `${m}: % плана`, `${m}: % of plan`),
    /** The same in a terminal's width: «Выигр., план», «Выигр., %». */
    measuresShort: { leads: tr(lang, 'Лиды', 'Leads'), won: tr(lang, 'Выигр.', 'Won'), revenue: tr(lang, 'Выручка', 'Revenue') } as Record<'leads' | 'won' | 'revenue', string>,
    planShort: (m: string) => tr(lang, `${m}, план`, `${m} plan`),
    factShort: (m: string) => tr(lang, `${m}, факт`, `${m} fact`),
    achievedShort: (m: string) => tr(lang, `${m}, %`, `${m} %`),
    stages: tr(lang, 'Открытые сделки по этапам', 'Open deals by stage'),
    trends: tr(lang, 'По месяцам', 'By month'),
    sources: tr(lang, 'По источникам', 'By source'),
    groupings: tr(lang, 'Группировки', 'Groupings'),
  };
}
