import { plural, sharePercent, tr } from '../i18n.js';
import type { EvidenceFacts, FactId, FactNeed } from '../kpi/facts.js';
import type { EvidenceFactUse, Verdict } from './types.js';

/**
 * A number as the reader writes it: `1 234,5` in Russian (a no-break space), `1,234.5` in English; at
 * most `decimals`. Every grouped number of the audit's report is written so (evidence, hours, money).
 */
export function formatNumber(n: number, lang: string, decimals = 1): string {
  // Zeros dropped after the point only: with no decimals, 1000 stays 1000.
  const fixed = Math.abs(n).toFixed(decimals).replace(/\.0+$|(\.\d*?)0+$/, '$1');
  const [int, frac] = fixed.split('.');
  // A no-break space: a table that wraps the sentence never splits a number.
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',');
  return `${n < 0 ? '−' : ''}${grouped}${frac ? (lang === 'ru' ? ',' : '.') + frac : ''}`;
}

/**
 * A share as a percentage with one decimal, as every table writes shares: `20,7%`, `80,0%`, `100,0%`
 * (the decimal stayed off a round share: «80%» beside «31,6%»). A share that is not all of them is at
 * most `99,9%` and one that is not none at least `0,1%`: 207 151 of 207 158 read «100%» beside the
 * count that says seven have none.
 */
export function formatShare(x: number, lang: string): string {
  const [int, frac] = sharePercent(x, 1).toFixed(1).split('.');
  return `${int}${lang === 'ru' ? ',' : '.'}${frac}%`;
}

type Share = (p: string, a: string, b: string) => string;
/** Each share fact said both ways; the negative form is used, with the complement, when under half. */
const SHARES: Partial<Record<FactId, { ru: [Share, Share]; en: [Share, Share] }>> = {
  win_rate: {
    ru: [(p, a, b) => `выиграно ${p} закрытых сделок (${a} из ${b})`, (p, a, b) => `проиграно ${p} закрытых сделок (${a} из ${b})`],
    en: [(p, a, b) => `${p} of closed deals are won (${a} of ${b})`, (p, a, b) => `${p} of closed deals are lost (${a} of ${b})`],
  },
  lost_with_reason_share: {
    ru: [(p, a, b) => `у ${p} проигранных сделок (${a} из ${b}) указана причина отказа`, (p, a, b) => `у ${p} проигранных сделок (${a} из ${b}) не указана причина отказа`],
    en: [(p, a, b) => `${p} of lost deals (${a} of ${b}) have a loss reason`, (p, a, b) => `${p} of lost deals (${a} of ${b}) have no loss reason`],
  },
  source_share: {
    ru: [(p, a, b) => `у ${p} сделок (${a} из ${b}) указан источник`, (p, a, b) => `у ${p} сделок (${a} из ${b}) не указан источник`],
    en: [(p, a, b) => `${p} of deals (${a} of ${b}) have a source`, (p, a, b) => `${p} of deals (${a} of ${b}) have no source`],
  },
  won_with_activity_share: {
    ru: [(p, a, b) => `у ${p} выигранных сделок (${a} из ${b}) есть хотя бы один контакт в CRM`, (p, a, b) => `у ${p} выигранных сделок (${a} из ${b}) нет ни одного контакта в CRM`],
    en: [(p, a, b) => `${p} of won deals (${a} of ${b}) have at least one logged contact`, (p, a, b) => `${p} of won deals (${a} of ${b}) have no logged contact`],
  },
  won_amount_share: {
    // An amount above zero (spec/evidence.md): a 0 is written, but is no amount the ERP gave.
    ru: [(p, a, b) => `у ${p} выигранных сделок (${a} из ${b}) сумма больше нуля`, (p, a, b) => `у ${p} выигранных сделок (${a} из ${b}) сумма не указана или равна нулю`],
    en: [(p, a, b) => `${p} of won deals (${a} of ${b}) have an amount above zero`, (p, a, b) => `${p} of won deals (${a} of ${b}) have no amount or a zero one`],
  },
  product_share: {
    ru: [(p, a, b) => `у ${p} сделок (${a} из ${b}) указан товар`, (p, a, b) => `у ${p} сделок (${a} из ${b}) не указан товар`],
    en: [(p, a, b) => `${p} of deals (${a} of ${b}) name a product`, (p, a, b) => `${p} of deals (${a} of ${b}) name no product`],
  },
  won_with_payment_share: {
    ru: [(p, a, b) => `по ${p} выигранных сделок (${a} из ${b}) есть оплата`, (p, a, b) => `по ${p} выигранных сделок (${a} из ${b}) нет ни одной оплаты`],
    en: [(p, a, b) => `${p} of won deals (${a} of ${b}) have a payment`, (p, a, b) => `${p} of won deals (${a} of ${b}) have no payment`],
  },
  calls_linked_share: {
    ru: [(p, a, b) => `${p} звонков (${a} из ${b}) привязаны к сделке`, (p, a, b) => `${p} звонков (${a} из ${b}) не привязаны ни к одной сделке`],
    en: [(p, a, b) => `${p} of calls (${a} of ${b}) are linked to a deal`, (p, a, b) => `${p} of calls (${a} of ${b}) are linked to no deal`],
  },
  answered_with_duration_share: {
    ru: [(p, a, b) => `у ${p} состоявшихся звонков (${a} из ${b}) есть длительность`, (p, a, b) => `у ${p} состоявшихся звонков (${a} из ${b}) нет длительности`],
    en: [(p, a, b) => `${p} of answered calls (${a} of ${b}) have a duration`, (p, a, b) => `${p} of answered calls (${a} of ${b}) have no duration`],
  },
};

/**
 * What a count of calls or their linked share leaves open where missed calls no employee took are in
 * the file (facts.missedNotRead): counted as calls, their links unknown, or under --from/--to not
 * known to be in the period (facts.bounds).
 */
function missedNotReadText(lang: string, id: FactId, facts: EvidenceFacts): string {
  const missed = facts.missedNotRead;
  const b = facts.bounds?.[id];
  if (!missed || (id !== 'calls' && id !== 'calls_linked_share')) return '';
  const n = formatNumber(missed, lang);
  const calls = tr(lang, `${n} ${plural(missed, 'пропущенный входящий', 'пропущенных входящих', 'пропущенных входящих')} без сотрудника`, `${n} missed incoming call${missed === 1 ? '' : 's'} no employee took`);
  if (id === 'calls') return b ? tr(lang, ` (и ещё до ${calls}: сколько из них в периоде, не видно)`, ` (and up to ${calls} more: how many are in the period is not known)`) : tr(lang, ` (из них ${calls})`, ` (${calls} among them)`);
  if (!b) return '';
  // Counted (the whole file): unlinked, for want of an employee's record; all the period's calls unknown: a range.
  if (!facts.bounds?.calls) return tr(lang, `; до ${formatShare(b.high, lang)}, если пропущенные без сотрудника — звонки клиентов сделок`, `; up to ${formatShare(b.high, lang)} if the missed calls no employee took are the deals' clients'`);
  return tr(lang, `; с ${calls} из файла — от ${formatShare(b.low, lang)} до ${formatShare(b.high, lang)}`, `; with the file's ${calls}, between ${formatShare(b.low, lang)} and ${formatShare(b.high, lang)}`);
}

/**
 * One fact in words, with its numbers. A share is said by its larger side unless `side` asks for the
 * side a verdict is about: a "yes" the data contradicts is told the side that falls short («у 50%
 * выигранных сделок сумма не указана»), not the side that reads as a confirmation.
 */
export function describeFact(lang: string, id: FactId, facts: EvidenceFacts, side?: 'done' | 'not done'): string {
  const value = facts.values[id];
  const n = (x: number) => formatNumber(x, lang);
  if (value === null || value === undefined) return tr(lang, `«${id}»: нет данных`, `"${id}": no data`);
  const share = SHARES[id];
  const parts = facts.parts[id];
  if (share && parts) {
    const [pos, neg] = share[lang === 'ru' ? 'ru' : 'en'];
    // A win rate reads as what it is; the other shares say the larger side, as a client would, or the side asked for.
    const positive = id === 'win_rate' || (side === undefined ? value >= 0.5 : side === 'done');
    // Each side's share from its own count: 1 − value need not be exactly the other side's.
    const of = (k: number) => (parts.den > 0 ? k / parts.den : value);
    const said = positive ? pos(formatShare(of(parts.num), lang), n(parts.num), n(parts.den)) : neg(formatShare(of(parts.den - parts.num), lang), n(parts.den - parts.num), n(parts.den));
    return said + missedNotReadText(lang, id, facts);
  }
  switch (id) {
    case 'closed_deals':
    case 'won_deals':
      return sampleCount(lang, id, value)!;
    case 'touches_per_won': {
      // A mean that one decimal would round onto a whole number is said with two: «1,96», not «2», beside a
      // verdict that it is under 2 (tester T76). The word agrees with the number shown: 4,9 → «4,9 касания».
      const one = Number(value.toFixed(1));
      const decimals = Number.isInteger(one) && Math.abs(value - one) >= 0.005 ? 2 : 1;
      const shown = Number(value.toFixed(decimals));
      const text = formatNumber(value, lang, decimals);
      return tr(lang, `в среднем ${text} ${plural(shown, 'касание', 'касания', 'касаний')} на выигранную сделку`, `${text} ${shown === 1 ? 'touch' : 'touches'} per won deal on average`);
    }
    case 'calls': {
      if (value === 0) {
        // A --from/--to period may hold none of the file's calls: say so, not that the file has none.
        const all = facts.fileCalls ?? 0;
        if (all > 0) return tr(lang, `в выбранном периоде нет ни одного звонка (в выгрузке активностей их ${n(all)}, все вне периода)`, `no call in the selected period (the activities export holds ${n(all)}, all outside it)`);
        const other = facts.callsNotRead ?? 0;
        if (other > 0) return tr(lang, `в выгрузке активностей нет ни одного звонка менеджера: все ${n(other)} — без сотрудника или между сотрудниками`, `the activities export holds no manager's call: all ${n(other)} have no employee or are between employees`);
        return tr(lang, 'в выгрузке активностей нет ни одного звонка', 'the activities export holds no call at all');
      }
      const won = facts.values.won_deals;
      const per = won ? tr(lang, ` на ${n(won)} ${plural(won, 'выигранную сделку', 'выигранные сделки', 'выигранных сделок')}`, ` for ${n(won)} won deal${won === 1 ? '' : 's'}`) : '';
      return tr(lang, `${n(value)} ${plural(value, 'звонок', 'звонка', 'звонков')}${per}`, `${n(value)} call${value === 1 ? '' : 's'}${per}`) + missedNotReadText(lang, id, facts);
    }
    default:
      return `${id} = ${n(value)}`;
  }
}

/** A count fact as a number of its things («7 звонков», "12 closed deals"), for a minimum sample; undefined for a fact that is no count. */
function sampleCount(lang: string, id: FactId, value: number): string | undefined {
  const n = formatNumber(value, lang);
  switch (id) {
    case 'calls':
      return tr(lang, `${n} ${plural(value, 'звонок', 'звонка', 'звонков')}`, `${n} call${value === 1 ? '' : 's'}`);
    case 'closed_deals':
      return tr(lang, `${n} ${plural(value, 'закрытая сделка', 'закрытые сделки', 'закрытых сделок')}`, `${n} closed deal${value === 1 ? '' : 's'}`);
    case 'won_deals':
      return tr(lang, `${n} ${plural(value, 'выигранная сделка', 'выигранные сделки', 'выигранных сделок')}`, `${n} won deal${value === 1 ? '' : 's'}`);
    default:
      return undefined;
  }
}

/**
 * Why a fact answers the question where its number alone does not say it (spec/evidence.md). A win
 * rate above the threshold reads as "no lead concept": a client read «выиграно 88,1% закрытых сделок»
 * as good news, not as why their "yes" was contradicted.
 */
function whyItSays(lang: string, use: EvidenceFactUse, side: 'done' | 'not done' | undefined): string {
  if (use.id === 'win_rate' && side === 'not done' && (use.op === '>' || use.op === '>=')) {
    return tr(
      lang,
      ', то есть почти ни одна сделка не проигрывается: так бывает, когда обращение заносят в CRM, только когда в сделке уже уверены, а остальные обращения в CRM не попадают и лидами не учитываются',
      ', so almost no deal is lost: that happens when a request is entered in the CRM only once the sale is nearly certain, and the other requests never reach it as leads',
    );
  }
  return '';
}

/** Needs that no --map line names a column for. */
const NOT_COLUMNS: ReadonlySet<FactNeed> = new Set(['activities.calls', 'activities.dates', 'payments.known']);

const NEEDS: Record<FactNeed, [string, string]> = {
  deals: ['выгрузка сделок (--deals)', 'a deals export (--deals)'],
  activities: ['выгрузка активностей или журнал звонков (--activities)', 'an activities export or call log (--activities)'],
  'payments.known': ['выгрузка оплат со ссылками на сделки из выгрузки сделок (ни одна оплата не ссылается на известную сделку: проверьте, что колонка сделки в оплатах — ID той же CRM)', 'a payments export that names deals of the deals export (no payment names a known deal: check that the payments\' deal column holds the same CRM\'s ids)'],
  'activities.dates': ['выгрузка активностей за те же даты, что и сделки (большая часть сделок создана вне дат активностей)', 'an activities export of the same dates as the deals (most deals were created outside the activities\' dates)'],
  'activities.calls': ['выгрузка звонков или всех активностей (в этой выгрузке только один вид активностей, не звонки)', 'an export of calls or of every activity (this export holds one kind of activity, not calls)'],
  payments: ['выгрузка оплат (--payments)', 'a payments export (--payments)'],
  'payments.paid': ['колонка оплаченной суммы в выгрузке оплат', 'a paid amount column in the payments export'],
  'payments.deal_id': ['колонка сделки (ID или название) в выгрузке оплат', 'a deal column (id or name) in the payments export'],
  'deals.status': ['колонка статуса или этапа в выгрузке сделок', 'a status or stage column in the deals export'],
  'deals.loss_reason': ['колонка причины отказа в выгрузке сделок', 'a loss-reason column in the deals export'],
  'deals.source': ['колонка источника в выгрузке сделок', 'a source column in the deals export'],
  'deals.amount': ['колонка суммы в выгрузке сделок', 'an amount column in the deals export'],
  'deals.product': ['колонка товара в выгрузке сделок', 'a product column in the deals export'],
  'activities.duration_s': ['колонка длительности звонка в выгрузке активностей', 'a call-duration column in the activities export'],
  'activities.deal_id': ['колонка сделки или клиента в выгрузке активностей (ID сделки, клиент, телефон)', 'a deal or client column in the activities export (deal id, client, phone)'],
  'deals.id': ['колонка ID в выгрузке сделок (действия названы по ID сделки, а в выгрузке сделок его нет)', "a deal id column in the deals export (the activities name their deal by id, and the deals export has none)"],
  'deals.phone': ['колонка телефона клиента в выгрузке сделок (в журнале звонков клиент назван только номером)', "a client phone column in the deals export (the call log names clients by number only)"],
};

/** What to say about one verdict. */
export interface VerdictFacts {
  verdict: Verdict;
  answer: string;
  facts: EvidenceFacts;
  used: EvidenceFactUse[];
  missing?: FactId[];
  sample?: { fact: FactId; value: number; min: number };
  /** A skipped answer the data speaks to: what it suggests the answer is. */
  suggests?: 'yes' | 'no';
  /** A skipped answer the data does not settle: what it said of a "yes" (inconclusive or no-data, a sentence that names no answer). */
  unsettled?: string;
  /** The question has no `evidence:` rule: nothing in the exports speaks to it, whatever the answer (a choice read «only yes and no are checked»). */
  noRule?: true;
}

/** One plain sentence about a checked answer, in the client's language, with the numbers. */
export function describeEvidence(lang: string, v: VerdictFacts): string {
  const said = v.answer === 'yes' ? tr(lang, 'Вы ответили «да»', 'You said "yes"') : tr(lang, 'Вы ответили «нет»', 'You said "no"');
  // The side of each share the verdict is about: what is done where the data says it is, else what is not.
  const done = (v.verdict === 'confirmed') === (v.answer === 'yes');
  const side = v.suggests ? (v.suggests === 'yes' ? 'done' : 'not done') : v.verdict === 'confirmed' || v.verdict === 'contradicted' ? (done ? 'done' : 'not done') : undefined;
  const list = [...new Map(v.used.map((u) => [u.id as FactId, u])).values()].map((u) => describeFact(lang, u.id as FactId, v.facts, side) + whyItSays(lang, u, side)).join('; ');
  switch (v.verdict) {
    case 'confirmed':
      return tr(lang, `${said}, и выгрузки это подтверждают: ${list}.`, `${said}, and the exports confirm it: ${list}.`);
    case 'contradicted':
      return v.answer === 'yes'
        ? tr(lang, `${said}, но ${list}.`, `${said}, but ${list}.`)
        : tr(lang, `${said}, но выгрузки говорят, что вы это делаете: ${list}.`, `${said}, but the data suggests you do this: ${list}.`);
    case 'inconclusive':
      if (v.sample) {
        // Both sides counted in one noun: «7 звонков на 1 выигранную сделку, нужно не меньше 50» read as 50 calls a won deal (a tester).
        const { fact, min } = v.sample;
        const value = v.facts.values[fact] ?? 0;
        // A count as a count («7 звонков»: the minimum is then its number alone); no call at all says why
        // (none in the period, none a manager's) in describeFact's words, and the minimum names its things.
        const counted = value === 0 ? undefined : sampleCount(lang, fact, value);
        const count = counted === undefined ? undefined : counted + missedNotReadText(lang, fact, v.facts);
        const has = count ?? describeFact(lang, fact, v.facts);
        const needs = (count === undefined ? sampleCount(lang, fact, min) : undefined) ?? formatNumber(min, lang);
        return tr(lang, `Данных для вывода мало: ${has}, нужно не меньше ${needs}.`, `Too little data to tell: ${has}, at least ${needs} needed.`);
      }
      return tr(lang, `Выгрузки не дают однозначного ответа: ${list}.`, `The exports do not settle it: ${list}.`);
    case 'no-data':
      return noDataText(lang, v, list);
    default:
      if (v.suggests === 'yes') return tr(lang, `Ответа нет, а выгрузки говорят, что вы это делаете: ${list}.`, `No answer was given; the data suggests you do this: ${list}.`);
      if (v.suggests === 'no') return tr(lang, `Ответа нет, а по выгрузкам этого не видно: ${list}.`, `No answer was given; the data suggests you do not: ${list}.`);
      if (v.unsettled !== undefined) return tr(lang, `Ответа нет. ${v.unsettled}`, `No answer was given. ${v.unsettled}`);
      if (!v.noRule && v.answer !== 'yes' && v.answer !== 'no') return tr(lang, 'По выгрузкам проверяются только ответы «да» и «нет».', 'Only "yes" and "no" answers are checked against the exports.');
      return tr(lang, 'Выгрузки об этом ничего не говорят.', 'The exports say nothing about this.');
  }
}

/** A no-data verdict: what the data with a value showed, and the inputs that would settle it (with the --map lines that name a column). */
function noDataText(lang: string, v: VerdictFacts, list: string): string {
  const kinds = [...new Set((v.missing ?? []).map((id) => v.facts.needs[id]!))];
  const needs = kinds.map((k) => NEEDS[k][lang === 'ru' ? 0 : 1]).join(tr(lang, ' и ', ' and '));
  // «нужна колонка …», «нужны колонка … и выгрузка …»: the verb agrees with the number of things named.
  const need = kinds.length > 1 ? 'нужны' : 'нужна';
  // A column the export may hold under a header no alias knows: the --map line that names it.
  const mapped = kinds.filter((k) => k.includes('.') && !NOT_COLUMNS.has(k)).map((k) => k.replace('.', '.columns.'));
  const cols = mapped.join(', ');
  const one = mapped.length === 1;
  const ru = one ? `если она есть под другим заголовком, укажите его в файле --map: ${cols}` : `если они есть под другими заголовками, укажите их в файле --map: ${cols}`;
  const en = one ? `if it is there under another header, name it in a --map file: ${cols}` : `if they are there under other headers, name them in a --map file: ${cols}`;
  const map = mapped.length === 0 ? '' : ` (${tr(lang, ru, en)})`;
  // A sample below its minimum is a second thing needed: the column alone would leave it inconclusive.
  const more = v.sample ? shortSample(lang, v.sample) : '';
  // What the data with a value did show, when it alone does not settle the answer.
  if (list) return tr(lang, `${capital(list)}, а одного этого для вывода мало: ${need} ${needs}${map}${more}.`, `${capital(list)}, which alone does not settle it: it needs ${needs}${map}${more}.`);
  return tr(lang, `Проверить нельзя: ${need} ${needs}${map}${more}.`, `Cannot be checked: it needs ${needs}${map}${more}.`);
}

/** «, и не меньше 30 закрытых сделок (в выгрузке их 12)»: the sample a no-data verdict also lacks. */
function shortSample(lang: string, sample: { fact: FactId; value: number; min: number }): string {
  const needed = sampleCount(lang, sample.fact, sample.min) ?? formatNumber(sample.min, lang);
  const has = formatNumber(sample.value, lang);
  return tr(lang, `, и не меньше ${needed} (в выгрузке их ${has})`, `, and at least ${needed} (the exports have ${has})`);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
