import type { ActivityKind, InputShape } from '../records.js';

/** An input a metric may need (every field of InputShape but the kind of a one-kind export, which is no input). */
export type InputNeed = Exclude<keyof InputShape, 'activityRows'>;
import { ratio } from './stats.js';
import type { ActivityTally, DealTally, PaymentSums } from './tallies.js';
import type { SortedValues } from './time-index.js';

/** How a metric's value is shown. */
export type MetricFormat = 'count' | 'ratio' | 'money' | 'days' | 'minutes' | 'decimal';

export interface MetricDef {
  key: string;
  format: MetricFormat;
  label: { ru: string; en: string };
  definition: { ru: string; en: string };
  /** Inputs the metric needs: when one is missing it is not applicable, with this reason. */
  needs?: Array<InputNeed>;
  /** The reason shown when the activities file is missing, where it says more than the default. */
  activitiesReason?: string;
}

/** A metric of the engine: its formula over a group's tallies beside its label, format and needs. */
export interface KpiMetric extends MetricDef {
  value: (x: MetricInputs) => number | null | Record<string, number>;
}

/** What a metric's formula reads: the tallies of a manager, a group or the department, summed up. */
export interface MetricInputs {
  d: DealTally;
  a: ActivityTally;
  revenue: number;
  invoiced: number;
  paid: number;
  /** Won deals' cycles and first-response times. */
  cycles: SortedValues;
  responses: SortedValues;
  /** Lost deals by loss reason name, in code point order. */
  lossReasons: () => Record<string, number>;
}

/**
 * The inputs of the formulas from the tallies (`reason` names a loss-reason key); `lists`: cycles and
 * response times held elsewhere than in `d` (the department's are its managers').
 */
export function metricInputs(d: DealTally, a: ActivityTally, p: PaymentSums, reason: (id: number) => string, lists?: Pick<MetricInputs, 'cycles' | 'responses'>): MetricInputs {
  return {
    d,
    a,
    revenue: d.amounts.value(),
    invoiced: p.invoiced.value(),
    paid: p.paid.value(),
    cycles: lists?.cycles ?? d.cycles.values(),
    responses: lists?.responses ?? d.responses.values(),
    lossReasons: () => {
      const byName = new Map<string, number>();
      for (const [id, n] of d.reasons) byName.set(reason(id), (byName.get(reason(id)) ?? 0) + n);
      return Object.fromEntries([...byName.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)));
    },
  };
}

const describe = (key: string, format: MetricFormat, ru: string, en: string, dru: string, den: string, needs?: Array<InputNeed>): MetricDef => ({
  key,
  format,
  label: { ru, en },
  definition: { ru: dru, en: den },
  ...(needs ? { needs } : {}),
});

const def = (key: string, format: MetricFormat, ru: string, en: string, dru: string, den: string, value: KpiMetric['value'], needs?: Array<InputNeed>): KpiMetric => ({
  ...describe(key, format, ru, en, dru, den, needs),
  value,
});

const ACT: Array<InputNeed> = ['activities'];
const LINKED: Array<InputNeed> = ['activities', 'activityLink', 'dealPhones', 'dealIds', 'dealIdDigits'];
/** What counts calls by direction needs activities that say it. */
const DIRECTED: Array<InputNeed> = ['activities', 'activityDirection'];
/** What counts won or lost deals needs a column that says so (InputShape.outcome). */
const OUTCOME: Array<InputNeed> = ['outcome'];
/** Deal metrics from activities say what kind of activities file they need. */
const linked = (m: KpiMetric): KpiMetric => ({ ...m, activitiesReason: 'needs an activities file with deal_id or client (--activities)' });

/** Every metric of spec/metrics.md, in the order of the JSON contract. */
export const METRICS: readonly KpiMetric[] = [
  def('leads', 'count', 'Лиды', 'Leads', 'Число сделок (лидов), созданных в периоде', 'Number of deals (leads) created in the period', (x) => x.d.leads),
  def('won', 'count', 'Выиграно', 'Won', 'Сделки в статусе «выиграна»', 'Deals with status won', (x) => x.d.won, OUTCOME),
  def('lost', 'count', 'Проиграно', 'Lost', 'Сделки в статусе «проиграна»', 'Deals with status lost', (x) => x.d.lost, OUTCOME),
  def('open', 'count', 'В работе', 'Open', 'Сделки, ещё не закрытые', 'Deals still open', (x) => x.d.open, OUTCOME),
  def('conversion', 'ratio', 'Конверсия', 'Conversion', 'Выиграно / лиды', 'Won / leads', (x) => ratio(x.d.won, x.d.leads), OUTCOME),
  def('win_rate', 'ratio', 'Доля побед', 'Win rate', 'Выиграно / (выиграно + проиграно)', 'Won / (won + lost)', (x) => ratio(x.d.won, x.d.won + x.d.lost), OUTCOME),
  def('revenue', 'money', 'Выручка', 'Revenue', 'Сумма бюджета выигранных сделок (пустые суммы не учитываются)', 'Sum of amounts of won deals (empty amounts add nothing)', (x) => x.revenue, ['outcome', 'amount', 'sales']),
  def('average_check', 'money', 'Средний чек', 'Average deal size', 'Выручка / число выигранных сделок с суммой', 'Revenue / number of won deals with an amount', (x) => ratio(x.revenue, x.d.amounts.count), ['outcome', 'amount', 'sales']),
  def('cycle_days_avg', 'days', 'Цикл, дн. (сред.)', 'Cycle, days (mean)', 'Среднее (закрытие − создание) в днях по выигранным сделкам', 'Mean (closed − created) in days over won deals', (x) => x.cycles.mean(), [...OUTCOME, 'closedAt']),
  def('cycle_days_median', 'days', 'Цикл, дн. (медиана)', 'Cycle, days (median)', 'Медиана (закрытие − создание) в днях по выигранным сделкам', 'Median (closed − created) in days over won deals', (x) => x.cycles.median(), [...OUTCOME, 'closedAt']),
  linked(def('touches_per_won', 'decimal', 'Касаний на продажу', 'Touches per won deal', 'Среднее число касаний (непропущенных действий до закрытия) на выигранную сделку', 'Mean number of touches (non-missed activities up to closing) per won deal', (x) => ratio(x.d.touchSum, x.d.won), [...LINKED, 'outcome'])),
  linked(def('won_below_touch_norm', 'count', 'Продаж ниже нормы касаний', 'Won below touch norm', 'Выигранные сделки, где касаний меньше нормы (по умолчанию 5)', 'Won deals with fewer touches than the norm (default 5)', (x) => x.d.belowNorm, [...LINKED, 'outcome'])),
  linked(def('response_min_median', 'minutes', 'Реакция, мин (медиана)', 'Response, min (median)', 'Медиана времени (в минутах) от создания сделки до первого ответа (исходящего или принятого входящего)', 'Median minutes from deal creation to the first response (outgoing, or answered incoming)', (x) => x.responses.median(), [...LINKED, 'activityDirection'])),
  linked(def('response_min_avg', 'minutes', 'Реакция, мин (сред.)', 'Response, min (mean)', 'Среднее время (в минутах) от создания сделки до первого ответа', 'Mean minutes from deal creation to the first response', (x) => x.responses.mean(), [...LINKED, 'activityDirection'])),
  linked(def('no_response', 'count', 'Без ответа', 'No response', 'Сделки любого статуса без первого ответа', 'Deals of any status with no first response', (x) => x.d.noResponse, [...LINKED, 'activityDirection'])),
  def('calls_out', 'count', 'Исходящие', 'Calls out', 'Исходящие звонки в периоде', 'Outgoing calls in the period', (x) => x.a.callsOut, DIRECTED),
  def('calls_in', 'count', 'Входящие', 'Calls in', 'Входящие звонки в периоде', 'Incoming calls in the period', (x) => x.a.callsIn, DIRECTED),
  def('calls_missed', 'count', 'Пропущенные', 'Missed', 'Пропущенные входящие звонки', 'Missed incoming calls', (x) => x.a.callsMissed, [...DIRECTED, 'activityMissed']),
  def('missed_share', 'ratio', 'Доля пропущенных', 'Missed share', 'Пропущенные / входящие', 'Missed / incoming calls', (x) => ratio(x.a.callsMissed, x.a.callsIn), [...DIRECTED, 'activityMissed']),
  linked(def('callback_rate', 'ratio', 'Перезвонили', 'Callback rate', 'Доля пропущенных (с клиентом или сделкой), после которых был исходящий звонок тому же клиенту или по той же сделке в окне (по умолчанию 24 ч)', 'Share of missed calls (with a client or deal) followed by an outgoing call to the same client or deal within the window (default 24 h)', (x) => ratio(x.a.calledBack, x.a.missedWithKey), [...DIRECTED, 'activityMissed', 'activityLink', 'outgoingLink'])),
  def('emails', 'count', 'Письма', 'E-mails', 'Письма в периоде', 'E-mails in the period', (x) => x.a.emails, ['activities', 'activityKind']),
  def('meetings', 'count', 'Встречи', 'Meetings', 'Встречи в периоде', 'Meetings in the period', (x) => x.a.meetings, ['activities', 'activityKind']),
  def('messages', 'count', 'Сообщения', 'Messages', 'Сообщения в периоде', 'Messages in the period', (x) => x.a.messages, ['activities', 'activityKind']),
  def('talk_minutes', 'minutes', 'Разговоры, мин', 'Talk, min', 'Сумма длительностей непропущенных звонков, минут', 'Sum of durations of non-missed calls, minutes', (x) => x.a.talkMs / 60_000, [...ACT, 'callDuration']),
  def('activities_per_day', 'decimal', 'Активностей в день', 'Activities per day', 'Активности / число дней, в которые они были', 'Activities / number of days with any', (x) => ratio(x.a.activities, x.a.days.size), ACT),
  def('repeat_won', 'count', 'Повторные продажи', 'Repeat won', 'Выигранные сделки клиентов, у которых уже была выигранная сделка', 'Won deals of clients who already had a won deal', (x) => x.d.repeatWon, ['outcome', 'client']),
  def('repeat_share', 'ratio', 'Доля повторных', 'Repeat share', 'Повторные / выигранные', 'Repeat won / won', (x) => ratio(x.d.repeatWon, x.d.won), ['outcome', 'client']),
  def('loss_reasons', 'count', 'Причины отказа', 'Loss reasons', 'Проигранные сделки по причинам; пустая — «не указана» (в JSON — ключ unspecified)', 'Lost deals by reason; an empty one shows as "not given" (the JSON key is unspecified)', (x) => x.lossReasons(), ['lossReason']),
  def('invoiced', 'money', 'Выставлено', 'Invoiced', 'Сумма счетов', 'Sum invoiced', (x) => x.invoiced, ['payments', 'invoicedColumn']),
  def('paid', 'money', 'Оплачено', 'Paid', 'Сумма оплат', 'Sum paid', (x) => x.paid, ['payments', 'paidColumn']),
  def('paid_share', 'ratio', 'Доля оплаты', 'Paid share', 'Оплачено / выставлено', 'Paid / invoiced', (x) => ratio(x.paid, x.invoiced), ['payments', 'paidColumn', 'invoicedColumn']),
];

export const METRIC_KEYS = METRICS.map((m) => m.key);

/** Why an input is needed, for `notApplicable`. */
export const NEEDS_TEXT: Record<InputNeed, string> = {
  activities: 'needs an activities file (--activities)',
  activityKind: 'needs an activity kind column (a call log without one is all calls)',
  activityMissed: 'needs a call status or missed column in the activities file',
  payments: 'needs a payments file (--payments)',
  paidColumn: 'needs a paid amount column in the payments file, or an invoice status column with a paid status (a --map file names one: payments: status: { "Status": paid })',
  invoicedColumn: 'needs an invoiced amount column in the payments file',
  lossReason: 'needs a loss-reason column in the deals file',
  client: 'needs a client, company or contact column in the deals file',
  amount: 'needs an amount (budget) column in the deals file',
  sales: 'needs a deals export: the file holds leads, whose amounts are expectations, not sales',
  outcome: 'needs a status or stage column in the deals file (without one every deal reads as open)',
  closedAt: 'needs a close date column in the deals file',
  activityLink: 'needs a deal id, client or phone column in the activities file (to link an activity to its deal)',
  dealPhones: "needs the clients' phone numbers in the deals file (a phone column): the activities name their client by number only",
  dealIds: "needs an id column in the deals file matching the activities' deal id: the activities link to a deal by its id only, and the deals file has none",
  dealIdDigits: "needs deal ids with all their digits: the deals file's ids lost their last digits (Excel's 5,80503E+18), and the activities link to a deal by its id only",
  outgoingLink: 'needs the number an outgoing call dialled (a callee column), or a client, phone or deal id column, in the activities file: the caller of an outgoing call is the company',
  callDuration: "needs a call duration column (or the call's end time) in the activities file",
  activityDirection: 'needs a call direction (incoming or outgoing) in the activities file: a direction column, or a type column that says it',
  source: 'needs a source column in the deals file',
  pipeline: 'needs a pipeline column in the deals file',
  stage: 'needs a stage column in the deals file',
};

/** Why a unit-economics metric asked for (`kpi --metrics cac`) is not computed: it is computed with a spend file only. */
export const NEEDS_SPEND = 'needs a spend file (--spend)';

/** Why a stage metric asked for (`kpi --metrics age_days_median`) is not computed: it is a grouping by stage's. */
export const NEEDS_STAGE_GROUPING = 'needs a grouping by stage (--by stage)';

/** The kind of activity a metric counts: an export of one other kind (InputShape.activityRows) has none of it. */
const KIND_OF: Partial<Record<string, ActivityKind>> = { calls_out: 'call', calls_in: 'call', calls_missed: 'call', missed_share: 'call', callback_rate: 'call', talk_minutes: 'call', emails: 'email', meetings: 'meeting', messages: 'message' };

/** Why a metric of another kind is not applicable to an export of one kind of activity. */
export const ONLY_KIND_TEXT: Record<ActivityKind, string> = {
  call: 'the activities file holds calls only (an export of one kind of activity)',
  email: 'the activities file holds e-mails only (an export of one kind of activity)',
  meeting: 'the activities file holds meetings only (an export of one kind of activity)',
  message: 'the activities file holds messages only (an export of one kind of activity)',
  other: 'the activities file holds one other kind of activity only',
};

/**
 * Metrics that cannot be computed from the inputs given, with the reason; the unit economics too
 * where a spend file is given (`kpi --spend`: ROMI and LTV of a leads export need a deals export).
 */
export function notApplicable(shape: InputShape, spend = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of spend ? [...METRICS, ...UNIT_METRICS] : METRICS) {
    const missing = missingNeed(m, shape);
    if (missing) out[m.key] = missing === 'activities' && m.activitiesReason ? m.activitiesReason : NEEDS_TEXT[missing];
    else if (shape.activities && shape.activityRows && KIND_OF[m.key] !== undefined && KIND_OF[m.key] !== shape.activityRows) out[m.key] = ONLY_KIND_TEXT[shape.activityRows];
  }
  return out;
}

/** The first input a metric needs that the shape lacks (for the needs only `false` says are missing, only false). */
export function missingNeed(m: MetricDef, shape: InputShape): InputNeed | undefined {
  return m.needs?.find((n) => (n === 'closedAt' || n === 'paidColumn' || n === 'invoicedColumn' || n === 'activityDirection' || n === 'callDuration' || n === 'activityLink' || n === 'dealPhones' || n === 'dealIds' || n === 'dealIdDigits' || n === 'outgoingLink' || n === 'sales' ? shape[n] === false : !shape[n]));
}

/**
 * Unit economics (`kpi --spend`, docs/metrics.md "Spend"): in `total` and in the groups only when a
 * spend file is given. Spend is known by source and month, so a grouping by manager, pipeline or
 * stage has null spend, CAC, cost per lead, ROMI and LTV/CAC.
 */
export const UNIT_METRICS: readonly MetricDef[] = [
  describe('spend', 'money', 'Расходы', 'Spend', 'Расходы на привлечение за месяцы периода', 'Acquisition spend of the months of the period'),
  describe('new_won_clients', 'count', 'Новые клиенты', 'New won clients', 'Выигранные сделки, не являющиеся повторными (сделка без клиента — новый клиент)', 'Won deals that are not repeat sales (a won deal without a client is a new client)'),
  describe('cac', 'money', 'CAC', 'CAC', 'Расходы / новые клиенты', 'Spend / new won clients'),
  describe('cost_per_lead', 'money', 'Цена лида', 'Cost per lead', 'Расходы / лиды', 'Spend / leads'),
  describe('romi', 'ratio', 'ROMI', 'ROMI', '(Выручка × маржа − расходы) / расходы', '(Revenue × margin − spend) / spend', ['amount', 'sales']),
  describe('ltv', 'money', 'LTV', 'LTV', 'Средняя по клиентам с выигранной сделкой в периоде: маржа × выручка всех их выигранных сделок в файле', 'Mean over clients with a won deal in the period: margin × revenue of all their won deals in the file', ['amount', 'sales']),
  describe('ltv_cac', 'decimal', 'LTV/CAC', 'LTV/CAC', 'LTV / CAC', 'LTV / CAC', ['amount', 'sales']),
];

/** The metrics of a grouping by stage (`kpi --by stage`): open deals only. */
export const STAGE_METRICS: readonly MetricDef[] = [
  describe('open', 'count', 'В работе', 'Open', 'Открытые сделки на этапе', 'Open deals at the stage'),
  describe('age_days_median', 'days', 'Возраст, дн. (медиана)', 'Age, days (median)', 'Медиана времени (в днях) от создания до даты выгрузки (последняя дата в файле сделок, или --to)', 'Median days from creation to the export date (the last date in the deals file, or --to)'),
];

/** The definition of any metric: the per-manager ones, the unit economics and the stage metrics. */
export function metricDef(key: string): MetricDef | undefined {
  return BY_KEY.get(key);
}

const BY_KEY = new Map([...METRICS, ...UNIT_METRICS, ...STAGE_METRICS].map((m) => [m.key, m]));
