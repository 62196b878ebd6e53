import { tr } from '../../core/i18n.js';
import type { Payback } from '../../core/compare.js';
import { fill } from '../../core/messages.js';
import { COMPARE_TEXT } from '../../core/messages/compare.js';

/** Metric groups for terminal tables: each fits 100 columns. */
export const METRIC_GROUPS: Array<{ title: { ru: string; en: string }; keys: string[] }> = [
  { title: { ru: 'Воронка', en: 'Funnel' }, keys: ['leads', 'won', 'lost', 'open', 'conversion', 'win_rate'] },
  { title: { ru: 'Деньги и скорость', en: 'Money and speed' }, keys: ['revenue', 'average_check', 'cycle_days_median', 'repeat_won', 'repeat_share'] },
  { title: { ru: 'Касания и реакция', en: 'Touches and response' }, keys: ['touches_per_won', 'won_below_touch_norm', 'response_min_median', 'no_response'] },
  { title: { ru: 'Звонки и активность', en: 'Calls and activity' }, keys: ['calls_out', 'calls_in', 'calls_missed', 'missed_share', 'callback_rate', 'talk_minutes', 'activities_per_day'] },
  { title: { ru: 'Письма, встречи, сообщения', en: 'E-mails, meetings, messages' }, keys: ['emails', 'meetings', 'messages'] },
  { title: { ru: 'Счета и оплаты', en: 'Invoices and payments' }, keys: ['invoiced', 'paid', 'paid_share'] },
];

/** Short column labels for terminal tables. */
export const SHORT: Record<string, { ru: string; en: string }> = {
  leads: { ru: 'Лиды', en: 'Leads' },
  won: { ru: 'Выигр.', en: 'Won' },
  lost: { ru: 'Проигр.', en: 'Lost' },
  open: { ru: 'В работе', en: 'Open' },
  conversion: { ru: 'Конв.', en: 'Conv.' },
  win_rate: { ru: 'Доля побед', en: 'Win rate' },
  revenue: { ru: 'Выручка', en: 'Revenue' },
  average_check: { ru: 'Ср. чек', en: 'Avg deal' },
  cycle_days_avg: { ru: 'Цикл ср., дн', en: 'Cycle avg, d' },
  cycle_days_median: { ru: 'Цикл мед., дн.', en: 'Cycle med., d' },
  repeat_won: { ru: 'Повт.', en: 'Repeat' },
  repeat_share: { ru: 'Доля повт.', en: 'Repeat %' },
  touches_per_won: { ru: 'Касаний', en: 'Touches' },
  won_below_touch_norm: { ru: 'Ниже нормы', en: 'Below norm' },
  response_min_median: { ru: 'Реакция мед., мин', en: 'Resp. med., min' },
  response_min_avg: { ru: 'Реакция ср.', en: 'Resp. avg' },
  no_response: { ru: 'Без ответа', en: 'No response' },
  calls_out: { ru: 'Исх.', en: 'Out' },
  calls_in: { ru: 'Вх.', en: 'In' },
  calls_missed: { ru: 'Пропущ.', en: 'Missed' },
  missed_share: { ru: '% пропущ.', en: 'Missed %' },
  callback_rate: { ru: 'Перезвон', en: 'Callback' },
  talk_minutes: { ru: 'Разговоры, мин', en: 'Talk, min' },
  activities_per_day: { ru: 'Акт./день', en: 'Act./day' },
  emails: { ru: 'Письма', en: 'E-mails' },
  meetings: { ru: 'Встречи', en: 'Meetings' },
  messages: { ru: 'Сообщ.', en: 'Messages' },
  invoiced: { ru: 'Выставлено', en: 'Invoiced' },
  paid: { ru: 'Оплачено', en: 'Paid' },
  paid_share: { ru: '% оплаты', en: 'Paid %' },
};

export function kpiLabels(lang: string) {
  return {
    title: tr(lang, 'Показатели продаж по менеджерам', 'Sales KPIs per manager'),
    manager: tr(lang, 'Менеджер', 'Manager'),
    total: tr(lang, 'Отдел', 'Department'),
    period: tr(lang, 'Период', 'Period'),
    allTime: tr(lang, 'все данные', 'all data'),
    lossReasons: tr(lang, 'Причины отказа', 'Loss reasons'),
    reason: tr(lang, 'Причина', 'Reason'),
    count: tr(lang, 'Сделок', 'Deals'),
    share: tr(lang, 'Доля', 'Share'),
    notApplicable: tr(lang, 'Не рассчитано', 'Not applicable'),
    dataQuality: tr(lang, 'Качество данных', 'Data quality'),
    metric: tr(lang, 'Показатель', 'Metric'),
    definition: tr(lang, 'Определение', 'Definition'),
    file: tr(lang, 'Файл', 'File'),
    row: tr(lang, 'Строка', 'Row'),
    column: tr(lang, 'Колонка', 'Column'),
    reasonSkip: tr(lang, 'Причина', 'Reason'),
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
  'the activities file holds calls only (an export of one kind of activity)': 'в файле активностей только звонки (выгрузка одного вида активностей)',
  'the activities file holds e-mails only (an export of one kind of activity)': 'в файле активностей только письма (выгрузка одного вида активностей)',
  'the activities file holds meetings only (an export of one kind of activity)': 'в файле активностей только встречи (выгрузка одного вида активностей)',
  'the activities file holds messages only (an export of one kind of activity)': 'в файле активностей только сообщения (выгрузка одного вида активностей)',
  'the activities file holds one other kind of activity only': 'в файле активностей только один вид активностей (не звонки, письма, встречи или сообщения)',
  'needs a call status or missed column in the activities file': 'нужна колонка статуса звонка или пропуска в файле активностей',
  'needs a payments file (--payments)': 'нужен файл оплат (--payments)',
  'needs a spend file (--spend)': 'нужен файл расходов (--spend)',
  'needs a grouping by stage (--by stage)': 'нужна группировка по этапам (--by stage)',
  'needs a paid amount column in the payments file, or an invoice status column with a paid status (a --map file names one: payments: status: { "Status": paid })':
    'нужна колонка оплаченной суммы в файле оплат или колонка статуса счёта со статусом оплаты (файл --map назовёт его: payments: status: { "Статус": paid })',
  'needs an invoiced amount column in the payments file': 'нужна колонка суммы счёта в файле оплат',
  'needs activities dated within the before period: the activities file has none in it': 'нужны действия, датированные периодом «до»: в файле активностей их нет',
  'needs activities dated within the after period: the activities file has none in it': 'нужны действия, датированные периодом «после»: в файле активностей их нет',
  'needs activities dated within both periods: the activities file has none in either': 'нужны действия, датированные периодами «до» и «после»: в файле активностей их нет ни в одном',
  'needs a loss-reason column in the deals file': 'нужна колонка причины отказа в файле сделок',
  'needs a client, company or contact column in the deals file': 'нужна колонка клиента, компании или контакта в файле сделок',
  'needs an amount (budget) column in the deals file': 'нужна колонка суммы (бюджета) в файле сделок',
  'needs a deals export: the file holds leads, whose amounts are expectations, not sales': 'нужна выгрузка сделок: в файле лиды, а их суммы — ожидания, не продажи',
  'needs a status or stage column in the deals file (without one every deal reads as open)': 'нужна колонка статуса или этапа в файле сделок (без неё все сделки выглядят открытыми)',
  'needs a close date column in the deals file': 'нужна колонка даты закрытия в файле сделок',
  "needs a deal id, client or phone column in the activities file (to link an activity to its deal)": 'нужна колонка сделки, клиента или телефона в файле активностей (чтобы связать активность со сделкой)',
  "needs the clients' phone numbers in the deals file (a phone column): the activities name their client by number only": 'нужны телефоны клиентов в файле сделок (колонка телефона): в файле активностей клиент назван только номером',
  "needs an id column in the deals file matching the activities' deal id: the activities link to a deal by its id only, and the deals file has none":
    'нужна колонка ID в файле сделок, совпадающая с ID сделки в файле активностей: активности связаны со сделкой только её ID, а в файле сделок его нет',
  "needs deal ids with all their digits: the deals file's ids lost their last digits (Excel's 5,80503E+18), and the activities link to a deal by its id only":
    'нужны ID сделок со всеми цифрами: в файле сделок у ID потеряны последние цифры (Excel записал их как 5,80503E+18), а активности связаны со сделкой только её ID',
  'needs the number an outgoing call dialled (a callee column), or a client, phone or deal id column, in the activities file: the caller of an outgoing call is the company': 'нужен номер, которому звонили (колонка вызываемого номера), или колонка клиента, телефона или сделки в файле активностей: звонящий в исходящем звонке — сама компания',
  "needs a call duration column (or the call's end time) in the activities file": 'нужна колонка длительности звонка (или времени его окончания) в файле активностей',
  'needs a call direction (incoming or outgoing) in the activities file: a direction column, or a type column that says it':
    'нужно направление звонка (входящий или исходящий) в файле активностей: колонка направления или типа, который его называет',
  'needs a source column in the deals file': 'нужна колонка источника в файле сделок',
  'needs a pipeline column in the deals file': 'нужна колонка воронки в файле сделок',
  'needs a stage column in the deals file': 'нужна колонка этапа в файле сделок',
  'needs an amount column in the deals of both periods (revenue per month)': 'нужна колонка суммы в сделках обоих периодов (выручка в месяц)',
};

/** A not-applicable reason in the report language. */
export function reasonText(reason: string, lang: string): string {
  if (lang !== 'ru') return reason;
  const ru = REASONS_RU[reason];
  if (ru !== undefined) return ru;
  // A period of a two-set comparison names its own option (--before-activities), or both periods theirs
  // (--before-activities and --after-activities): the reason of the plain one, with them.
  const own = /\((--(?:before|after)-(\w+))(?: and (--after-\w+))?\)$/.exec(reason);
  const plain = own && REASONS_RU[`${reason.slice(0, own.index)}(--${own[2]})`];
  if (plain) return plain.replace(`(--${own[2]})`, own[3] ? `(${own[1]} и ${own[3]})` : own[0]);
  // The two periods' different wants of a comparison row, joined by «; and» (core/compare.ts bothPeriods): each said.
  if (reason.includes('; and ')) return reason.split('; and ').map((part) => reasonText(part, lang)).join('; а также ');
  // A period's won deals with no amount (payback not computed): its period and option in the Russian sentence.
  const bare = /^no won deal of the (before|after) period has an amount \((--[\w-]+)\)/.exec(reason);
  if (bare) return fill(COMPARE_TEXT.noWonAmounts.ru, { whichRu: bare[1] === 'before' ? 'до' : 'после', option: bare[2]! });
  return periodFileReason(reason) ?? reason;
}

const FILE_OF_RU: Record<string, string> = { deals: 'сделок', activities: 'активностей', payments: 'оплат' };

/**
 * A reason about a column one period's file lacks («the before period's deals file (--before-deals)»,
 * «the deals files of both periods (--before-deals and --after-deals)»): the plain reason's Russian, its
 * file named with the period and the option.
 */
function periodFileReason(reason: string): string | undefined {
  const one = / the (before|after) period's (deals|activities|payments) file \((--\w+-\w+)\)/.exec(reason);
  const both = / the (deals|activities|payments) files of both periods \((--\w+-\w+) and (--\w+-\w+)\)/.exec(reason);
  const m = one ?? both;
  const kind = one ? one[2]! : both?.[1];
  if (!m || !kind) return undefined;
  const ru = REASONS_RU[reason.replace(m[0], ` the ${kind} file`)];
  const file = `в файле ${FILE_OF_RU[kind]}`;
  if (!ru?.includes(file)) return undefined;
  return ru.replace(file, one ? `${file} «${one[1] === 'before' ? 'до' : 'после'}» (${one[3]})` : `в файлах ${FILE_OF_RU[kind]} обоих периодов (${both![2]} и ${both![3]})`);
}

/** Payback and ROI not computed, and why (CompareResult.payback.not_applicable), in the report language. */
export function paybackNotApplicable(reason: string, lang: string): string {
  return `${lang === 'ru' ? 'не рассчитаны' : 'not computed'}: ${reasonText(reason, lang)}`;
}

/**
 * Why a project does not pay back: a margin of 0 (the revenue's growth brings the business nothing),
 * no gain at all (revenue per month after not above before), or a gain the running cost eats. It said
 * «the gain does not cover the running cost» with no running cost, and «no gain» when the revenue grew
 * but the margin was 0.
 */
export function noPaybackText(gainPerMonth: number | null, lang: string, margin?: number): string {
  if (margin === 0) return lang === 'ru' ? 'не окупается: при доле маржи 0 рост выручки ничего не приносит' : 'does not pay back: with a margin share of 0 no revenue growth brings anything';
  if (gainPerMonth !== null && gainPerMonth <= 0) return lang === 'ru' ? 'не окупается: прироста нет (выручка в месяц после не выше, чем до)' : 'does not pay back: there is no gain (revenue per month after is not above before)';
  return lang === 'ru' ? 'не окупается: прирост не покрывает ежемесячные расходы' : 'does not pay back: the gain does not cover the running cost';
}

/** The payback months as a table cell shows them: the number, else why there is none (not computed, or no payback). */
export function paybackMonthsCell(p: Payback, lang: string, margin?: number): number | string {
  if (p.not_applicable) return paybackNotApplicable(p.not_applicable, lang);
  return p.payback_months ?? noPaybackText(p.gain_per_month, lang, margin);
}
