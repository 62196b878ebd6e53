import { LINE_AFTER_NAME } from '../pbx-line.js';
import { nameAndLine, withoutLine, type LineSpelling } from '../name-line.js';
import { isPatronymicParticle, PATRONYMIC_PARTICLE } from '../patronymic.js';
import { ENCODING_FLAGS, ENCODING_NAMES } from '../encoding-names.js';
import { formatWhere } from '../errors.js';
import { ofMany, plural, pluralEn } from '../i18n.js';
import { crmName, rowReason } from '../messages.js';
import { dataRows, type DataQuality, type MetricValues } from './types.js';
import { makePeriod, revenueWithoutAmounts } from '../compare.js';
import type { EvidenceFacts } from './facts.js';
import type { PaymentLog } from './payment-log.js';

/** The units a --map file names a duration column's in (map-file-schema.ts `units`), as the duration alerts list them. */
const UNITS = { ru: '«s», «ms», «min», «hhmm» или «day»', en: 's, ms, min, hhmm or day' };

/** The deals' currencies of one period of a comparison (mixed-currencies' `periods`): `plain`, none named, taken as roubles. */
export interface PeriodCurrencies {
  file: string;
  currencies: string[];
  plain?: true;
}

/** Numbers that look wrong, said loudly with their likely cause (in dataQuality.alerts and on stderr). */
export type Alert =
  | { code: 'no-outcome'; deals: number; /** A comparison's period, where only it is so (PeriodAlert). */ which?: 'before' | 'after' }
  /** Every deal won, or every one lost (none open, none of the other outcome): an export filtered by stage. */
  | { code: 'one-outcome'; outcome: 'won' | 'lost'; deals: number; which?: 'before' | 'after' }
  | { code: 'won-no-amount'; won: number; which?: 'before' | 'after'; /** The period's deals file, with which. */ file?: string }
  /** A quarter or more of the won deals without an amount, or without a close date the cycle takes, where some have one: the average check or the cycle rests on the few. */
  | { code: 'won-partly-bare'; what: 'amount' | 'closed'; won: number; without: number }
  /**
   * Won deals with an amount of exactly 0 (`zero` of the `amounts` won deals with one), all of them or
   * many (ZERO_SHARE): amoCRM, Kommo and Bitrix24 write a budget never filled in as 0. `revenue` is the period's;
   * `others`: the average check over the won deals with another amount (null: none has one).
   */
  | { code: 'won-zero-amount'; amounts: number; zero: number; revenue: number; others: number | null }
  /** One client named by most won deals that name one (`deals` of `withClient`): a placeholder («Без имени»), most likely; `repeatWon`: the repeat sales counted. */
  | { code: 'one-client'; client: string; deals: number; withClient: number; repeatWon: number }
  /** A client column whose every won deal is blank or a placeholder: repeat sales 0 by the spec, and said. */
  | { code: 'won-no-client'; won: number }
  | { code: 'lost-no-reason'; lost: number }
  /**
   * An Odoo export with won deals and not one lost: Odoo archives a lost opportunity, and its lists leave
   * the archived out. `active`: the file has the Active column (True on every row read).
   */
  | { code: 'odoo-no-lost'; file: string; deals: number; won: number; active: boolean }
  | { code: 'closed-no-date'; won: number }
  /**
   * Nothing won among deals some of which are lost: `stages`, the stages no rule knows that hold deals
   * (one may be the won stage renamed); none in a file read by its status (Pipedrive's Status) or by
   * known stages, which names the column read and its values instead.
   */
  | { code: 'nothing-won'; file: string; deals: number; lost: number; stages: Array<{ stage: string; deals: number; amount: number }>; column?: string; values?: Array<{ value: string; count: number }> }
  | { code: 'unknown-stages-closed'; file: string; stages: Array<{ stage: string; deals: number; closed: number; lost: number; /** At a probability of 0%. */ zero?: number }> }
  /** `rows`: the file's data rows (read, less its totals, subtotal and footer rows). */
  | { code: 'many-skipped'; file: string; skipped: number; rows: number }
  /** A grouped report's rows whose blank grouping cells (`columns`) were read as the row above, between a group's first row and its subtotal. */
  | { code: 'same-as-above'; file: string; columns: string[]; rows: number }
  /** Managers whose talk on one calendar day passed 24 hours (the busiest day of each, most first); `more`: others not listed. */
  /** `ms`: the log's calls of an hour or more are whole numbers, which as milliseconds are calls (45000: 45 s). */
  | { code: 'talk-over-day'; file: string; column?: string; managers: Array<{ manager: string; day: string; minutes: number }>; more?: number; ms?: true }
  /** Half or more of a log's answered calls (`calls`) are whole numbers of an hour or more read as seconds (`long`), the first `example`: milliseconds, most likely. */
  | { code: 'call-hours'; file: string; column: string; calls: number; long: number; example: string }
  | { code: 'clock-minutes'; file: string; column: string; calls: number; short: number; example: string }
  | { code: 'day-fractions'; file: string; column: string; calls: number; short: number; example: string }
  | { code: 'nul-bytes'; file: string; count: number }
  /** Bytes that were not UTF-8 in a file --encoding utf-8 named so (`count`): read as U+FFFD «�». */
  | { code: 'invalid-utf8'; file: string; count: number }
  /** A workbook's other sheets (`sheets`) with a header of the kind read from `sheet` and rows under it: not read (one sheet is, the first that reads, or --sheet's). */
  | { code: 'other-sheets'; file: string; sheet: string; sheets: Array<{ sheet: string; rows: number; hidden?: true }> }
  | { code: 'encoding-doubt'; file: string; chosen: string; other: string; read: string; otherRead: string }
  | { code: 'hidden-rows'; file: string; sheet: string; rows: number }
  /** Columns read (each its header, its letter in the sheet, the field it feeds) that the workbook's sheet hides: their values are not shown in Excel. */
  | { code: 'hidden-columns'; file: string; sheet: string; columns: Array<{ header: string; column: string; field: string }> }
  | { code: 'money-scale'; file: string; columns: Array<{ header: string; scale: number }> }
  | { code: 'custom-fields'; file: string; columns: string[]; more?: number }
  | { code: 'activities-unlinked'; calls: number; won: number }
  /** Activities that name no deal but a client (`clientOnly`), beside `withDeal` that name one: by the spec they belong to no deal. */
  | { code: 'client-links-dropped'; file: string; withDeal: number; clientOnly: number }
  /** `kind`: a spend or payments file (`deals` there counts its rows), whose currencies are several or not the deals' (`dealCurrencies`). */
  | { code: 'mixed-currencies'; file: string; currencies: Array<{ currency: string; deals: number }>; kind?: 'spend' | 'payments'; dealCurrencies?: string[]; /** Two sets of a comparison whose deals are in different currencies (a plain amount taken as roubles: `plain`). */ periods?: Record<'before' | 'after', PeriodCurrencies> }
  /** Payments naming a deal id (`payments` of the `named`) that no deal has, the first `example`; `period`: left out (a period was given), else counted under their manager. */
  | { code: 'payments-unknown-deals'; file: string; payments: number; named: number; example: string; period: boolean; withoutManager: number }
  /** Payment rows counted as written that a paid share cannot be read from as it is (PaymentOddities): refunds, repeated rows, deals paid above their invoice. */
  | { code: 'payments-odd'; file: string; refunds?: { rows: number; sum: number }; duplicates?: { rows: number; sum: number }; over?: { deals: number; id: string; invoiced: number; paid: number } }
  /** Managers (and the department: '') whose paid sum in the period is below zero: refunds of money paid before it, or refunds alone. */
  | { code: 'paid-negative'; managers: string[] }
  | { code: 'spend-unmatched'; sources: Array<{ source: string; amount: number; like?: string }> }
  | { code: 'plan-unknown'; by: 'manager' | 'source'; names: string[] }
  /** A comparison period's first (or last) deals created far apart from the rest, which stretch it (strayEnds; T39 F13). */
  | { code: 'stray-deals'; file: string; which: 'before' | 'after'; at: 'start' | 'end'; deals: number; id: string; day: string; next: string; period: { from: string; to: string }; without: { from: string; to: string } }
  /** A comparison's cost against deals in one currency that is not roubles: the cost is taken in it (T39 F4). */
  | { code: 'cost-currency'; currency: string; cost: number; monthlyCost: number; costCurrency?: 'RUB' }
  /** Plan months in the period with no day of the deals' (from, to): left out of plan vs fact (T39 F2). */
  | { code: 'plan-outside'; months: string[]; from: string; to: string }
  /** A plan file whose revenue targets are in several currencies, or in one the deals' are not (mixed-currencies' rule for spend; T39 F7). */
  | { code: 'plan-currencies'; file: string; currencies: Array<{ currency: string; deals: number }>; dealCurrencies: string[] }
  | { code: 'spend-empty'; total: number }
  | { code: 'spend-no-source'; amount: number }
  | { code: 'spend-months'; withoutSpend: string[]; withoutDeals: string[] }
  /** Named sources with deals and no spend row: the department's CAC and ROMI count them as free. */
  | { code: 'spend-sources'; sources: Array<{ source: string; deals: number }> }
  | { code: 'partial-months'; file: 'spend' | 'plan'; months: string[] }
  | { code: 'plan-empty'; rows: number }
  | { code: 'group-column-missing'; dims: Array<'source' | 'pipeline' | 'stage'> }
  | { code: 'manager-ids'; ids: string[]; named?: Array<{ id: string; name: string; as: string }> }
  /** `by`: the name is the other's with a patronymic added or dropped, or written with initials. */
  | { code: 'manager-spellings'; names: Array<{ name: string; as: string; by?: Spelling; /** Latin letters that look Cyrillic in `name` (a Cyrillic name), each with its place in it from 1. */ latin?: Array<{ letter: string; at: number }> }> }
  /** A short name («Петрова А.», «Иванов Иван») that several full names could be: nothing merged. */
  | { code: 'manager-unclear'; names: Array<{ name: string; could: string[]; /** Other short names that fit the same person with another middle initial. */ also?: string[] }> }
  | { code: 'future-deals'; file: string; deals: number; latest: string; reportDate: string; reportDateFrom?: ReportDateFrom }
  | { code: 'untimed-activities'; file: string; untimed: number; records: number }
  /** Deals whose creation dates have no time of day (`untimed` of `deals`), beside an activities file (`activities`) with times: responses counted from midnight. */
  | { code: 'untimed-deals'; file: string; untimed: number; deals: number; activities: string }
  /** The activities timed by `column` (times) where the column `at` matched by name holds dates alone (the first of `dateOnly`: the --map line reads it). */
  | { code: 'timed-at'; file: string; column: string; dateOnly: string[] }
  /** `uniqueid`: a PBX log whose call ids (Asterisk's, begun with the UTC second the call began) match its times: the first such id, beside its time `example`. */
  | { code: 'utc-times'; file: string; count: number; example: string; column: string; uniqueid?: string }
  /** A call id column that joins calls of different clients (`rows` of the first `of` rows with an id): the legs were joined by their channel instead, or not at all. */
  | { code: 'call-id-unusable'; file: string; column: string; example: string; rows: number; of: number; joinedBy: 'channel' | 'none' }
  /** Deals in UTC beside activities on the company's clock (not shifted): `file` and `column` are the deals'. */
  | { code: 'utc-deals'; file: string; count: number; example: string; column: string; activities: string }
  | { code: 'shared-titles'; file: string; count: number; example: string }
  | { code: 'placeholder-dates'; file: string; deals: number; earliest: string }
  | { code: 'closed-later'; file: string; deals: number; latest: string; reportDate: string; reportDateFrom?: ReportDateFrom }
  /** `createdTime` and `closedTime` (HH:MM) when the example was closed on the day it was created, before its time. */
  | { code: 'closed-before-created'; file: string; deals: number; id: string; created: string; closed: string; createdTime?: string; closedTime?: string }
  | { code: 'empty-period'; from: string | null; to: string | null; first: string; last: string; deals: number }
  | { code: 'negative-amounts'; file: string; deals: number; sum: number }
  | { code: 'date-order-borrowed'; file: string; from: string; order: 'dmy' | 'mdy'; columns: string[] }
  | { code: 'idless-deals'; file: string; rows: number }
  /** Deal ids that lost their last digits (Excel's «5,80503E+18»): each such row a deal of its own; `activities`: a file naming deals by id, which cannot link to them. */
  | { code: 'ids-lost-digits'; file: string; column: string; rows: number; example: string; activities?: string }
  /** Amounts in a spreadsheet's scientific form («1,23457E+06»: digits may be lost): read as written, maybe rounded; every column they were in. */
  | { code: 'amounts-lost-digits'; file: string; columns: string[]; count: number; example: string }
  | { code: 'deals-no-manager'; file: string; deals: number; rows: number; column: string }
  | { code: 'clients-lost-digits'; file: string; kind: 'deals' | 'activities'; columns: string[]; count: number; example: string }
  | { code: 'leads-export'; file: string; crm: string }
  | { code: 'leads-vs-deals'; leads: 'before' | 'after' }
  | { code: 'three-decimals'; file: string; column: string; count: number; example: string; read: number; decidedBy: string }
  | { code: 'repeated-ids-differ'; file: string; rows: number; id: string }
  /** `shared`: the deal ids both periods' files hold, each counted in both periods (absent in results saved before it was counted). */
  | { code: 'periods-overlap'; before: { from: string; to: string }; after: { from: string; to: string }; shared?: number }
  | { code: 'short-period'; which: 'before' | 'after'; from: string; to: string; days: number; /** Two sets of files, not a cutover: the advice is to export more days. */ files?: true }
  /** Two sets of files, one of them without an activities file: that period's activity rows are empty. */
  | { code: 'period-without-activities'; which: 'before' | 'after' }
  | { code: 'unknown-values'; file: string; field: 'direction' | 'missed' | 'done'; header: string; unknown: number; filled: number; values: string[]; /** Distinct values past those listed. */ more?: number }
  | { code: 'quote-swallowed'; file: string; line: number; lines: number }
  /** The file's last row has fewer cells than the header and no line end, and no other row is short: cut off mid-row. */
  | { code: 'last-row-cut'; file: string; row: number; cells: number; width: number }
  | { code: 'html-table-cut'; file: string; row: number }
  | { code: 'short-rows'; file: string; count: number; row: number; cells: number; width: number }
  | { code: 'missed-no-manager'; file: string; calls: number; /** They are a PBX's calls hung up before any line (an IVR, a queue). */ pbx?: true }
  | { code: 'activities-all-dropped'; file: string; rows: number; reasons: Array<{ reason: string; count: number }> }
  | { code: 'activities-outside-deals'; file: string; /** A comparison's period; none for kpi. */ which?: 'before' | 'after'; deals: { count: number; from: string; to: string }; activities: { from: string; to: string }; early: number; late: number; /** No activity dated within the period: its response and touch figures are not computed. */ none?: true }
  /** `invoice`: the payments section's invoice statuses (`payments: status:`). */
  | { code: 'map-unmatched'; file: string; count: number; values: Array<{ section: 'status' | 'direction' | 'kind' | 'missed' | 'done' | 'invoice' | 'managers'; value: string; near: string | null }>; inspected?: string };

/** The code pages as a person names them, and as --encoding takes them. */

/**
 * Below this many deals a file with nothing won or lost, or nothing won, can be real (a new pipeline,
 * a short period). From 5 on it is said: a file of 9 deals none of them won or lost is far more likely
 * an export filtered to open deals, or a status not read, than a team that closed nothing, and an
 * alert costs a line where a conversion of 0% misleads (a tester's Pipedrive file said nothing).
 */
export const OUTCOME_MIN_DEALS = 5;
/** More unreadable rows than this share of a file's rows means a column is misread, not a few bad rows. */
const SKIPPED_SHARE = 0.2;

/**
 * An Odoo user's external id, as its import-compatible export writes a salesperson: `base.user_admin`,
 * `__export__.res_users_7_5e3f1a2b` (tester T68 L1: read as managers without a word).
 */
const ODOO_USER_XMLID = /^(?:base\.(?:default_)?user_|[a-z_][a-z0-9_]*\.res_users_)[A-Za-z0-9_]+$/;

/**
 * A manager that is a CRM user's id, not a name: what API-field exports write (Salesforce's
 * OwnerId `0058a00000MNWtFAAX`, Bitrix24's ASSIGNED_BY_ID, HubSpot's and Pipedrive's numeric owner
 * ids, Zoho's `zcrm_…`, Odoo's external ids). Patterns no person's name takes: digits only; 15 or 18 letters and digits
 * with digits among them; a UUID or a long hex string.
 */
export function looksLikeUserId(name: string): boolean {
  if (/^\d{1,20}$/.test(name) || /^zcrm_\d+$/i.test(name) || ODOO_USER_XMLID.test(name)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(name) || /^[0-9a-f]{16,}$/i.test(name)) return true;
  return (name.length === 15 || name.length === 18) && /^[A-Za-z0-9]+$/.test(name) && /[A-Za-z]/.test(name) && (name.match(/\d/g)?.length ?? 0) >= 3;
}

/** The `managers:` section of a --map file for these user ids, each with a placeholder name to replace. */
export function managersSnippet(ids: readonly string[], lang: string): string {
  const placeholder = lang === 'ru' ? 'Имя Фамилия' : 'First Last';
  return `managers:\n${ids.map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(placeholder)}`).join('\n')}\n`;
}

/** An e-mail address written where a name should be (HubSpot names an owner without a name by it). */
const EMAIL = /^([^\s@]+)@[^\s@]+\.[^\s@]+$/;
/** An address in brackets after a name («Alice Smith (alice@acme.com)»): the name's key is the name's. */
const ADDRESS_AFTER = /\s*\([^\s()@]+@[^\s()@]+\.[^\s()@]+\)\s*$/;

/** Whether a manager is written as an address or with one after the name. */
const withAddress = (name: string): boolean => EMAIL.test(name.trim()) || ADDRESS_AFTER.test(name);

/**
 * A person's name as words: lower case, ё as е, without a PBX line (after or before it), split at spaces and commas (dots
 * kept: initials); an e-mail address gives the words of its local part («bob.jones@acme.com»: bob jones).
 */
function nameWords(name: string): string[] {
  // One-letter parts are initials («a.petrova»: А. Петрова), for the initials rule to decide.
  const email = EMAIL.exec(name.trim());
  if (email) return email[1]!.toLowerCase().split(/[._-]+/).filter((w) => w !== '');
  // A line before the name too («101 (Иванов Иван)», Sipuni's way), as after it.
  const words = cyrillicLookalikes(withoutLine(name))
    .replace(ADDRESS_AFTER, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(LINE_AFTER_NAME, ' ')
    .replace(PARTICLE_HYPHEN, ' ')
    .split(/[\s,]+/)
    .filter((w) => w !== '' && w !== '.');
  // A Turkic patronymic is one word with its particle («рауф оглы»), as «сергеевич» is; after an
  // initial («Мамедов Э. Р. оглы») the initial stands for it.
  const out: string[] = [];
  for (const w of words) {
    if (!isPatronymicParticle(w) || out.length === 0) out.push(w);
    else if (!initialsOf(out[out.length - 1]!)) out[out.length - 1] += ` ${w}`;
  }
  return out;
}

/** Latin letters that look like Cyrillic ones, and those Cyrillic letters. */
const HOMOGLYPHS: Readonly<Record<string, string>> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у' };
const HOMOGLYPH = /[ABCEHKMOPTXacepoxy]/g;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * A name with Cyrillic letters with its Latin look-alikes made Cyrillic («Cергеев» with a Latin C is
 * «Сергеев»): a keyboard layout left on, or a name pasted from elsewhere. A Latin name stays as it is.
 */
function cyrillicLookalikes(name: string): string {
  return CYRILLIC.test(name) ? name.replace(HOMOGLYPH, (c) => HOMOGLYPHS[c]!) : name;
}

/** The Latin look-alikes of a name with Cyrillic letters, each with its place in the name from 1. */
function latinLetters(name: string): Array<{ letter: string; at: number }> {
  if (!CYRILLIC.test(name)) return [];
  return [...name].flatMap((c, i) => (Object.hasOwn(HOMOGLYPHS, c) ? [{ letter: c, at: i + 1 }] : []));
}

/** A particle written joined to the father's name («Рауф-оглы»): read as «Рауф оглы». */
const PARTICLE_HYPHEN = new RegExp(`-(?=${PATRONYMIC_PARTICLE}(?:$|[\\s,]))`, 'giu');

/**
 * A person's name as a key that two spellings of it share: the words in any order («Смирнова Анна»,
 * «Анна Смирнова»), ё as е, in any case, without a PBX line number («Смирнова Анна (101)»).
 */
function nameKey(name: string): string {
  return nameWords(name)
    .flatMap((w) => w.split('.'))
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}

/** Initials written as a word: «А.», «А», «А.С.», «А.С»; the letters, or undefined for a word («Ли», «Анна»). */
function initialsOf(word: string): string[] | undefined {
  return /^(?:\p{L}\.)+\p{L}?$/u.test(word) || /^\p{L}$/u.test(word) ? word.replace(/\./g, '').split('') : undefined;
}

/**
 * A Russian patronymic (Сергеевич, Ильич, Сергеевна, Ильинична, Кузьминична; Sergeevich transliterated)
 * or a Turkic one, a father's name with its particle («рауф оглы», «рауф кызы», joined by nameWords):
 * what Mango, UIS and many PBXs add to an employee's name as their directory keeps it. Only a word of
 * this shape is taken as one: another third word (a second surname, an English middle name, «мл.», a
 * department) as often names another person or a label as the same person, and is not guessed at.
 */
function isPatronymic(word: string): boolean {
  const [father, particle] = word.split(' ');
  if (particle !== undefined) return father !== '' && isPatronymicParticle(particle);
  return word.length >= 5 && /(?:ович|евич|ич|овна|евна|ична|ovich|evich|ovna|evna|ichna)$/u.test(word);
}

/** A manager's name read for the spellings check. */
interface NameParts {
  key: string;
  /** The words that are not initials, in the name's order, without their dots. */
  words: string[];
  /** The initials' letters in order («Петрова А. С.»: а, с); empty for a full name. */
  initials: string[];
}

function nameParts(name: string): NameParts {
  const words: string[] = [];
  const initials: string[] = [];
  for (const w of nameWords(name)) {
    const letters = initialsOf(w);
    if (letters) initials.push(...letters);
    else words.push(w.replace(/\.+$/, ''));
  }
  return { key: nameKey(name), words, initials };
}

/**
 * Whether a surname with initials («Петрова А.», «А. С. Петрова») may be this full name («Петрова
 * Анна», «Анна Сергеевна Петрова»): it has the surname, the word after it (or before, as «Имя
 * Фамилия» writes it) starts with the first initial, and a patronymic, where both give one, with the second.
 */
function initialsFit(short: NameParts, full: NameParts): boolean {
  const [surname] = short.words;
  const at = full.words.indexOf(surname!);
  if (at < 0) return false;
  const rest = full.words.filter((_, i) => i !== at);
  const [first, middle] = short.initials;
  if (!rest[0]?.startsWith(first!)) return false;
  const patronymic = rest.slice(1).find(isPatronymic);
  return middle === undefined || patronymic === undefined || patronymic.startsWith(middle);
}

/**
 * Managers that look like one person written two ways, as a call log and the CRM do (a PBX lists
 * «Фамилия Имя», amoCRM «Имя Фамилия»; Mango and UIS add the patronymic, «Иванов Иван Сергеевич»,
 * or write the initials, «Петрова А.»): never merged (spec: names are not guessed), said, with the
 * `managers:` section that merges them; each other spelling goes to the one with the most deals (a
 * full name before initials). A name with a patronymic is another's when dropping the patronymic
 * gives it; a surname with initials is the one full name of that surname and first initial. Where
 * two full names could be it (two «Петрова А…», two patronymics of one «Иванов Иван»), nothing is
 * merged: `manager-unclear` names the candidates.
 */
export function managerSpellings(managers: ReadonlyArray<{ manager: string; leads?: unknown }>): Alert[] {
  const people = managers.map((m, index) => ({ manager: m.manager, leads: Number(m.leads ?? 0) || 0, index, ...nameParts(m.manager) })).filter((p) => p.key !== '');
  // Spellings of one key are one person; keys are joined by the patronymic and initials rules below.
  const root = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (root.get(r) !== r) r = root.get(r)!;
    return r;
  };
  const byKey = new Map<string, typeof people>();
  for (const p of people) {
    byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
    root.set(p.key, p.key);
  }
  const unclear: Array<{ name: string; could: string[]; also?: string[] }> = [];
  const first = (key: string) => byKey.get(key)![0]!;
  // A full name with a patronymic and the same name without it; a short name two patronymics reduce to is unclear.
  const reducedFrom = new Map<string, string[]>();
  for (const [key, [p]] of byKey) {
    if (p!.initials.length > 0 || p!.words.length !== 3) continue;
    const shorter = new Set(p!.words.filter(isPatronymic).map((w) => nameKey(p!.words.filter((x) => x !== w).join(' '))).filter((k) => k !== key && byKey.has(k)));
    if (shorter.size === 1) {
      const [k] = shorter;
      reducedFrom.set(k!, [...(reducedFrom.get(k!) ?? []), key]);
    }
  }
  for (const [short, longer] of reducedFrom) {
    if (longer.length === 1) root.set(find(longer[0]!), find(short));
    else unclear.push({ name: first(short).manager, could: longer.map((k) => first(k).manager) });
  }
  // A surname with initials and the one person whose full name fits it. Two short names that fit one person
  // with different middle initials («Иванов И. С.», «Иванов И. П.» beside «Иванов Иван») are two people: neither
  // is merged, each is unclear (a reviewer: the snippet merged both into one).
  const fitted: Array<{ key: string; short: (typeof people)[number]; person: string; fits: string[] }> = [];
  for (const [key, [p]] of byKey) {
    if (p!.words.length !== 1 || p!.initials.length === 0 || p!.initials.length > 2) continue;
    const fits = [...byKey.values()].filter(([f]) => f!.initials.length === 0 && f!.words.length >= 2 && f!.words.length <= 3 && initialsFit(p!, f!));
    const persons = [...new Set(fits.map(([f]) => find(f!.key)))];
    if (persons.length === 1) fitted.push({ key, short: p!, person: persons[0]!, fits: fits.map(([f]) => f!.manager) });
    else if (persons.length > 1) unclear.push({ name: p!.manager, could: fits.map(([f]) => f!.manager) });
  }
  for (const f of fitted) {
    const middle = f.short.initials[1];
    // A full name of the person with another patronymic («Иванов Иван Сергеевич» beside «Иванов И. П.») is another person too.
    const otherPatronymic = (p: (typeof people)[number]) => find(p.key) === f.person && p.words.some((w) => isPatronymic(w) && !w.startsWith(middle!));
    const also = middle === undefined ? [] : [...fitted.filter((g) => g.person === f.person && g.short.initials[1] !== undefined && g.short.initials[1] !== middle).map((g) => g.short.manager), ...people.filter(otherPatronymic).map((p) => p.manager)];
    if (also.length > 0) unclear.push({ name: f.short.manager, could: f.fits, also });
    else root.set(find(f.key), f.person);
  }
  const groups = new Map<string, typeof people>();
  for (const p of people) groups.set(find(p.key), [...(groups.get(find(p.key)) ?? []), p]);
  const names: Array<{ name: string; as: string; by?: Spelling }> = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    // A name before its e-mail address, whatever their deals.
    // A name all in Cyrillic before one with Latin look-alikes («Cергеев»), whatever their deals: the snippet gives the latter to it.
    // Of equal deals, a name without a line before one with it on either side («101 (Иванов Иван)» sorts first by its digits).
    const withLine = (m: string) => Number(nameAndLine(m) !== undefined);
    const asPerson = [...list].sort((a, b) => Number(withAddress(a.manager)) - Number(withAddress(b.manager)) || latinLetters(a.manager).length - latinLetters(b.manager).length || b.leads - a.leads || Number(a.initials.length > 0) - Number(b.initials.length > 0) || withLine(a.manager) - withLine(b.manager) || (a.manager < b.manager ? -1 : 1))[0]!;
    const as = asPerson.manager;
    // Two lines of one name («Оператор (101)», «Оператор (102)») are two employees, not two spellings.
    const lines = (name: string) => (name.match(/\d+/g) ?? []).join(' ');
    // «(address and name)» only where one has an address and the kept name has none.
    const by = (m: NameParts & { manager: string }): Spelling | undefined => (withAddress(m.manager) && !withAddress(asPerson.manager) ? 'email' : m.initials.length !== asPerson.initials.length ? 'initials' : m.words.length !== asPerson.words.length ? 'patronymic' : undefined);
    for (const m of list) {
      if (m.manager === as || (lines(m.manager) !== '' && lines(as) !== '' && lines(m.manager) !== lines(as))) continue;
      const how = by(m);
      const latin = latinLetters(m.manager);
      names.push({ name: m.manager, as, ...(how ? { by: how } : {}), ...(latin.length > 0 ? { latin } : {}) });
    }
  }
  const out: Alert[] = [];
  if (names.length > 0) out.push({ code: 'manager-spellings', names: names.slice(0, IDS_LISTED) });
  if (unclear.length > 0) out.push({ code: 'manager-unclear', names: unclear.slice(0, IDS_LISTED) });
  return out;
}

/**
 * The user ids that are lines (extensions) the files name a person by elsewhere: a cell «Анна (201)»
 * read as the manager Анна (`lineNames`, from the reports), or a manager «Анна (201)» listed as such.
 * A PBX log names the employee by name on one call and by the line alone on another (Sipuni: «Кто
 * ответил» «Анна (201)» on an incoming call, «Откуда» «201» on an outgoing one): one person in two
 * rows. `as` is how the file wrote the name with the line.
 */
function namedLines(ids: readonly string[], managers: readonly string[], lineNames: Readonly<Record<string, LineSpelling>>): Array<{ id: string; name: string; as: string }> {
  const out: Array<{ id: string; name: string; as: string }> = [];
  for (const id of ids) {
    if (!/^\d{2,6}$/.test(id)) continue;
    // As the file wrote it: «101 (Иванов Иван)» is not rebuilt as «Иванов Иван (101)».
    const named = Object.hasOwn(lineNames, id) ? lineNames[id]! : undefined;
    if (named !== undefined && managers.includes(named.name)) {
      out.push({ id, name: named.name, as: named.as });
      continue;
    }
    const listed = managers.find((m) => m !== id && nameAndLine(m)?.line === id);
    if (listed !== undefined) out.push({ id, name: listed, as: listed });
  }
  return out;
}

/** How one spelling of a person differs from the name kept: a patronymic added, initials, an e-mail address. */
type Spelling = 'patronymic' | 'initials' | 'email';

/** How many user ids the alert's --map snippet lists. */
const IDS_LISTED = 20;

/** What in a result looks wrong: no deal won or lost among many, a file with many unreadable rows, managers that are user ids. */
export function findAlerts(total: MetricValues, quality: Pick<DataQuality, 'files'>, managers: readonly string[] = [], notApplicable: Readonly<Record<string, string>> = {}, lineNames: Readonly<Record<string, LineSpelling>> = {}): Alert[] {
  const out: Alert[] = [];
  const ids = managers.filter(looksLikeUserId);
  if (ids.length > 0) {
    // Named among the ids the snippet lists: a pair said in the text is always in it.
    const listed = ids.slice(0, IDS_LISTED);
    const named = namedLines(listed, managers, lineNames);
    out.push({ code: 'manager-ids', ids: listed, ...(named.length > 0 ? { named } : {}) });
  }
  const leads = Number(total.leads ?? 0);
  if (leads >= OUTCOME_MIN_DEALS && total.won === 0 && total.lost === 0) out.push({ code: 'no-outcome', deals: leads });
  // Every deal won, or every one lost: conversion and win rate 100% or 0% by construction (an export
  // filtered by stage, a tester's 238 won deals of 8 managers said nothing). The floor is no-outcome's.
  else if (leads >= OUTCOME_MIN_DEALS && (total.won === leads || total.lost === leads)) out.push({ code: 'one-outcome', outcome: total.won === leads ? 'won' : 'lost', deals: leads });
  // An amount column read, but no won deal has an amount: revenue 0 reads as a department that sold nothing (a tester).
  const won = Number(total.won ?? 0);
  if (!('revenue' in notApplicable) && revenueWithoutAmounts(total)) out.push({ code: 'won-no-amount', won });
  // Won deals none of which has a close date on or after its creation: the cycle (spec: over won deals) is not computed, and the tables showed «—» without a word.
  if (won > 0 && !('cycle_days_avg' in notApplicable) && total.cycle_days_avg === null) out.push({ code: 'closed-no-date', won });
  // A loss-reason column no lost deal fills: the reasons read «not given» 100% with no word (a tester), as if the managers had been asked and said nothing.
  const lost = Number(total.lost ?? 0);
  const reasons = total.loss_reasons as Readonly<Record<string, number>> | null | undefined;
  if (lost >= OUTCOME_MIN_DEALS && !('loss_reasons' in notApplicable) && reasons && reasons.unspecified === lost) out.push({ code: 'lost-no-reason', lost });
  for (const f of quality.files) {
    // Missed calls nobody took are no misread column: a PBX log may hold many.
    const skipped = f.skipped - (f.missedNoManager ?? 0) - (f.dealsNoManager ?? 0);
    // Of the data rows: a grouped report's subtotal and footer rows are none («3 of 12 rows» of 6 deals).
    const rows = dataRows(f);
    if (rows > 0 && skipped / rows > SKIPPED_SHARE) out.push({ code: 'many-skipped', file: f.file, skipped, rows });
  }
  return out;
}

/**
 * Activities that name no deal but a client, a fifth of those that name either or more, beside others
 * that name a deal: the spec links by deal alone once any activity names one, so they belong to no deal
 * (tester T76: ten letters on deals in amoCRM's list of events unlinked its eighty calls on contacts,
 * without a word).
 */
export function clientLinkAlerts(facts: Pick<EvidenceFacts, 'dealLinks'> | undefined, file: string): Alert[] {
  const links = facts?.dealLinks;
  if (!links || links.clientOnly * 5 < links.withDeal + links.clientOnly) return [];
  return [{ code: 'client-links-dropped', file, withDeal: links.withDeal, clientOnly: links.clientOnly }];
}

/**
 * Activities that link to no deal at all: not one call of the period links to a known deal and no
 * won deal has an activity, so touches, responses and «no response» read as if nobody worked the deals
 * (a Salesforce report's Related To holding opportunity names beside deals whose client is the account).
 */
export function linkAlerts(facts: Pick<EvidenceFacts, 'parts'> | undefined): Alert[] {
  const calls = facts?.parts.calls_linked_share;
  const won = facts?.parts.won_with_activity_share;
  // No call in the period at all is no sign of a link misread («none of the 0 calls…»).
  if (!calls || !won || calls.den === 0 || calls.num > 0 || won.num > 0) return [];
  return [{ code: 'activities-unlinked', calls: calls.den, won: won.den }];
}

/** The share of won deals without an amount or a close date from which won-partly-bare is said. */
const BARE_SHARE = 0.25;

/**
 * Won deals of which a quarter or more have no amount (revenue understated, the average check over
 * the rest) or no close date the cycle takes (the cycle over the rest), where some have one: none is
 * won-no-amount's and closed-no-date's. From as many won deals as the outcome alerts (a tester: 19 of
 * 20 without a close date, a cycle of one deal, said nothing). Not where the column is missing.
 */
export function wonCoverageAlerts(facts: Pick<EvidenceFacts, 'wonCoverage'> | undefined, notApplicable: Readonly<Record<string, string>>): Alert[] {
  const c = facts?.wonCoverage;
  if (!c || c.won < OUTCOME_MIN_DEALS) return [];
  const bare = (have: number) => have > 0 && (c.won - have) / c.won >= BARE_SHARE;
  const out: Alert[] = [];
  if (!('revenue' in notApplicable) && bare(c.amounts)) out.push({ code: 'won-partly-bare', what: 'amount', won: c.won, without: c.won - c.amounts });
  if (!('cycle_days_avg' in notApplicable) && bare(c.dated)) out.push({ code: 'won-partly-bare', what: 'closed', won: c.won, without: c.won - c.dated });
  return out;
}

/** From this share of the won deals with an amount, amounts of exactly 0 are said (with ZERO_MIN of them at least); all of them always. */
const ZERO_SHARE = 0.2;
const ZERO_MIN = 3;
/** A client named by more than this share of the won deals that name one, of ONE_CLIENT_MIN at least, is a placeholder, most likely. */
const ONE_CLIENT_SHARE = 0.5;
const ONE_CLIENT_MIN = 10;

/**
 * What the won deals' values say of the revenue and the repeat sales, where the numbers stand as the
 * spec defines them: amounts of exactly 0 on every won deal with an amount, or on a fifth and three at
 * least (amoCRM and Kommo write a budget never filled in as 0: a real Kommo export had 112 of 238, and
 * its average check read 711.79 for 1 344.48 over the others, without a word); one client on more than
 * half of ten won deals or more that name one (every deal «Без имени» made repeat sales 96.7%).
 */
export function wonValueAlerts(facts: Pick<EvidenceFacts, 'wonCoverage'> | undefined, notApplicable: Readonly<Record<string, string>>, total: MetricValues): Alert[] {
  const c = facts?.wonCoverage;
  if (!c) return [];
  const out: Alert[] = [];
  const revenue = Number(total.revenue ?? 0);
  if (!('revenue' in notApplicable) && c.zero > 0 && (c.zero === c.amounts || (c.zero >= ZERO_MIN && c.zero >= ZERO_SHARE * c.amounts))) {
    const others = c.amounts - c.zero;
    out.push({ code: 'won-zero-amount', amounts: c.amounts, zero: c.zero, revenue, others: others > 0 ? revenue / others : null });
  }
  const top = c.client;
  if (!('repeat_won' in notApplicable) && top && top.withClient >= ONE_CLIENT_MIN && top.won > ONE_CLIENT_SHARE * top.withClient) {
    out.push({ code: 'one-client', client: top.name, deals: top.won, withClient: top.withClient, repeatWon: Number(total.repeat_won ?? 0) });
  }
  // A client column no won deal fills (all blank, or «Без имени» read as none): repeat sales read 0, for want of clients.
  if (!('repeat_won' in notApplicable) && !top && c.won >= OUTCOME_MIN_DEALS) out.push({ code: 'won-no-client', won: c.won });
  return out;
}

/** An alert in words, with the likely cause and what to do. */
export function describeAlert(alert: Alert, lang: string): string {
  // A file read from stdin is named as errors name it, not «-».
  const a = 'file' in alert && alert.file === '-' ? { ...alert, file: formatWhere({ file: '-' }, lang) } : alert;
  if (a.code === 'future-deals' || a.code === 'negative-amounts' || a.code === 'empty-period') return dealDatesAndAmountsText(a, lang);
  if (a.code === 'placeholder-dates' || a.code === 'closed-later' || a.code === 'closed-before-created') return oddDatesText(a, lang === 'ru');
  if (a.code === 'nothing-won') return nothingWonText(a, lang === 'ru');
  if ((a.code === 'no-outcome' || a.code === 'one-outcome') && a.which) return periodOutcomeText(a, a.which, lang);
  if (a.code === 'won-no-amount' && a.which) return periodNoAmountText(a, a.which, lang === 'ru');
  if (a.code === 'money-scale') return moneyScaleText(a, lang === 'ru');
  if (a.code === 'custom-fields') return customFieldsText(a, lang === 'ru');
  if (a.code === 'untimed-activities' || a.code === 'untimed-deals') return untimedText(a, lang === 'ru');
  if (a.code === 'won-zero-amount') return wonZeroText(a, lang);
  if (a.code === 'one-client') return oneClientText(a, lang === 'ru');
  if (a.code === 'won-no-client') return noClientText(a, lang === 'ru');
  if (a.code === 'lost-no-reason') return noReasonText(a, lang === 'ru');
  if (a.code === 'odoo-no-lost') return odooNoLostText(a, lang === 'ru');
  if (a.code === 'client-links-dropped') return clientLinksDroppedText(a, lang === 'ru');
  if (a.code === 'timed-at') return timedAtText(a, lang === 'ru');
  if (a.code === 'repeated-ids-differ') return repeatedIds(a, lang === 'ru');
  if (a.code === 'map-unmatched') return mapUnmatchedText(a, lang === 'ru');
  if (a.code === 'quote-swallowed') return quoteSwallowedText(a, lang === 'ru');
  if (a.code === 'html-table-cut') return htmlTableCut(a, lang === 'ru');
  if (a.code === 'missed-no-manager') return missedNoManagerText(a, lang === 'ru');
  if (a.code === 'deals-no-manager') return dealsNoManagerText(a, lang === 'ru');
  if (a.code === 'activities-all-dropped') return allDroppedText(a, lang);
  if (a.code === 'manager-spellings') return spellingsText(a, lang === 'ru');
  if (a.code === 'manager-unclear') return unclearText(a, lang === 'ru');
  if (a.code === 'utc-times' || a.code === 'utc-deals') return utcText(a, lang === 'ru');
  if (a.code === 'call-id-unusable') return callIdText(a, lang === 'ru');
  if (a.code === 'amounts-lost-digits') return amountsLostDigits(a, lang === 'ru');
  if (a.code === 'clients-lost-digits') return clientsLostDigits(a, lang === 'ru');
  if (a.code === 'shared-titles') return sharedTitlesText(a, lang === 'ru');
  if (a.code === 'periods-overlap' || a.code === 'short-period' || a.code === 'period-without-activities') return periodsText(a, lang);
  if (a.code === 'activities-outside-deals') return outsideDealsText(a, lang);
  if (a.code === 'cost-currency') return costCurrencyText(a, lang);
  if (a.code === 'stray-deals') return strayDealsText(a, lang);
  if (a.code === 'won-partly-bare') return wonPartlyBareText(a, lang === 'ru');
  if (a.code === 'other-sheets') return otherSheetsText(a, lang === 'ru');
  if (a.code === 'call-hours') return callHoursText(a, lang === 'ru');
  if (a.code === 'clock-minutes') return clockMinutesText(a, lang === 'ru');
  if (a.code === 'day-fractions') return dayFractionsText(a, lang === 'ru');
  if (a.code === 'payments-unknown-deals' || a.code === 'payments-odd' || a.code === 'paid-negative') return paymentsText(a, lang);
  if (ECONOMICS_CODES.has(a.code)) return economicsText(a as EconomicsAlert, lang);
  return alertText(a as Exclude<typeof a, EconomicsAlert>, lang);
}

/** Bytes of a text file that are not text: NULs removed, or bytes not UTF-8 read as «�» (--encoding utf-8). */
function bytesText(a: Extract<Alert, { code: 'nul-bytes' | 'invalid-utf8' }>, ru: boolean): string {
  if (a.code === 'nul-bytes') {
    return ru
      ? `${a.file}: ${plural(a.count, 'удалён', 'удалено', 'удалено')} ${num(a.count, ru)} ${plural(a.count, 'нулевой байт', 'нулевых байта', 'нулевых байтов')} (NUL): CRM записала их внутри текстовых полей; текст вокруг сохранён.`
      : `${num(a.count, ru)} NUL bytes removed from ${a.file}: the CRM wrote them inside text fields; the text around them is kept.`;
  }
  return ru
    ? `${a.file}: ${num(a.count, ru)} ${plural(a.count, 'байт', 'байта', 'байтов')} не в UTF-8 (--encoding utf-8) ${plural(a.count, 'прочитан', 'прочитаны', 'прочитаны')} как «�»: значения с ними искажены; остальной текст прочитан как есть.`
    : `${a.file}: ${num(a.count, ru)} ${a.count === 1 ? 'byte' : 'bytes'} not UTF-8 (--encoding utf-8) read as "�": the values holding them are garbled; the rest of the text is read as it is.`;
}

function alertText(a: Exclude<Alert, EconomicsAlert | { code: 'payments-unknown-deals' | 'payments-odd' | 'paid-negative' | 'won-partly-bare' | 'other-sheets' | 'call-hours' | 'clock-minutes' | 'day-fractions' | 'activities-outside-deals' | 'cost-currency' | 'stray-deals' | 'future-deals' | 'placeholder-dates' | 'closed-later' | 'closed-before-created' | 'nothing-won' | 'money-scale' | 'custom-fields' | 'untimed-activities' | 'untimed-deals' | 'won-zero-amount' | 'one-client' | 'won-no-client' | 'lost-no-reason' | 'odoo-no-lost' | 'client-links-dropped' | 'timed-at' | 'negative-amounts' | 'empty-period' | 'repeated-ids-differ' | 'periods-overlap' | 'short-period' | 'period-without-activities' | 'map-unmatched' | 'quote-swallowed' | 'missed-no-manager' | 'deals-no-manager' | 'activities-all-dropped' | 'manager-spellings' | 'manager-unclear' | 'utc-times' | 'utc-deals' | 'shared-titles' | 'call-id-unusable' | 'amounts-lost-digits' | 'clients-lost-digits' | 'html-table-cut' }>, lang: string): string {
  const ru = lang === 'ru';
  switch (a.code) {
    case 'won-no-amount':
      return ru
        ? `Ни у одной из ${num(a.won, ru)} ${plural(a.won, 'выигранной сделки', 'выигранных сделок', 'выигранных сделок')} нет суммы: выручка 0 и средний чек не посчитан. Вероятно, сумма в другой колонке (crm-audit inspect покажет колонки; файл --map назовёт её: columns: { amount: "Колонка" }) или в CRM её не заполняют.`
        : `None of the ${num(a.won, ru)} won ${a.won === 1 ? 'deal has' : 'deals has'} an amount: revenue is 0 and the average check is not computed. The amount is probably in another column (crm-audit inspect lists the columns; a --map file names it: columns: { amount: "Column" }), or the CRM's users leave it empty.`;
    case 'closed-no-date':
      return ru
        ? `${a.won === 1 ? 'У выигранной сделки' : `У всех ${num(a.won, ru)} выигранных сделок`} дата закрытия не указана или раньше даты создания: цикл сделки не посчитан. Вероятно, дата закрытия в другой колонке (crm-audit inspect покажет колонки; файл --map назовёт её: columns: { closed_at: "Колонка" }).`
        : `None of the ${num(a.won, ru)} won ${a.won === 1 ? 'deal has' : 'deals has'} a close date on or after its creation: the sales cycle is not computed. The close date is probably in another column (crm-audit inspect lists the columns; a --map file names it: columns: { closed_at: "Column" }).`;
    case 'no-outcome':
      return ru
        ? `Ни одна из ${num(a.deals, ru)} ${ofMany(a.deals, 'сделки', 'сделок')} не выиграна и не проиграна: вероятно, выгрузка отфильтрована (только открытые сделки), этапы переименованы или статус в другой колонке. Выгрузите все сделки периода без фильтра; crm-audit inspect покажет этапы; файл --map назовёт их (status: { "Этап": won }).`
        : `None of the ${num(a.deals, ru)} deals is won or lost: the export was probably filtered (open deals only), the stages renamed, or the status is in another column. Export every deal of the period with no filter; crm-audit inspect lists the stages; a --map file names them (status: { "Stage": won }).`;
    case 'one-outcome':
      return oneOutcomeText(a, ru);
    case 'unknown-stages-closed':
      return unknownStagesText(a, ru);
    case 'nul-bytes':
    case 'invalid-utf8':
      return bytesText(a, ru);
    case 'encoding-doubt': {
      const flag = ENCODING_FLAGS[a.other] ?? a.other;
      const name = ENCODING_NAMES[a.other] ?? a.other;
      const chosen = ENCODING_NAMES[a.chosen] ?? a.chosen;
      return ru
        ? `${a.file}: кодировка определена по немногим буквам — файл прочитан как ${chosen} («${a.read}»), а в ${name} те же байты читаются «${a.otherRead}». Если имена и этапы искажены, укажите --encoding ${flag}.`
        : `${a.file}: the encoding was judged on few letters: read as ${chosen} ("${a.read}"), while in ${name} the same bytes read "${a.otherRead}". If names and stages look garbled, pass --encoding ${flag}.`;
    }
    case 'hidden-rows':
      return ru
        ? `${a.file}: на листе «${a.sheet}» ${num(a.rows, ru)} ${plural(a.rows, 'строка скрыта', 'строки скрыты', 'строк скрыто')} (фильтром или вручную в Excel): ${a.rows === 1 ? 'она прочитана' : 'они прочитаны'}, как все остальные. Если в отчёт должны войти только видимые строки, удалите скрытые из файла или выгрузите его заново.`
        : `${a.file}: ${num(a.rows, ru)} ${a.rows === 1 ? 'row of the sheet "' + a.sheet + '" is' : 'rows of the sheet "' + a.sheet + '" are'} hidden (by a filter, or by hand in Excel): read as every other row. If only the rows you see belong in the report, delete the hidden ones from the file or export it again.`;
    case 'hidden-columns':
      return hiddenColumnsText(a, ru);
    case 'activities-unlinked':
      return ru
        ? `Ни один из ${num(a.calls, ru)} ${plural(a.calls, 'звонка', 'звонков', 'звонков')} не связан со сделкой, и ни у одной из ${num(a.won, ru)} ${plural(a.won, 'выигранной сделки', 'выигранных сделок', 'выигранных сделок')} нет действий: касания, реакция и «без ответа» выглядят так, будто со сделками не работали. Проверьте, какая колонка файла действий называет сделку (deal_id: ID сделки, Opportunity ID, Associated Deal) или клиента (client) так же, как файл сделок; crm-audit inspect покажет колонки, файл --map назовёт нужную.`
        : `None of the ${num(a.calls, ru)} calls links to a deal, and no won deal (${num(a.won, ru)}) has an activity: touches, responses and "no response" read as if nobody worked the deals. Check which column of the activities file names the deal (deal_id: Deal ID, Opportunity ID, Associated Deal) or the client (client) as the deals file does; crm-audit inspect lists the columns, a --map file names the right one.`;
    case 'mixed-currencies':
      return mixedCurrenciesText(a, ru);
    case 'manager-ids':
      return managerIds(a, lang);
    case 'date-order-borrowed':
      return borrowedOrder(a, ru);
    case 'three-decimals':
      return threeDecimals(a, lang);
    case 'idless-deals':
      return idlessDeals(a, lang);
    case 'last-row-cut':
    case 'short-rows':
      return a.code === 'last-row-cut' ? lastRowCut(a, ru) : shortRowsText(a, ru);
    case 'same-as-above':
      return sameAsAbove(a, ru);
    case 'ids-lost-digits':
      return idsLostDigits(a, ru);
    case 'leads-vs-deals':
      return ru
        ? `Период «${a.leads === 'before' ? 'до' : 'после'}» — выгрузка лидов, период «${a.leads === 'before' ? 'после' : 'до'}» — выгрузка сделок: конверсия, доля побед и лиды в месяц в них считают разное (из лида в сделку и из сделки в продажу), и их изменение — не результат внедрения. Сравнивайте выгрузки одного вида.`
        : `The ${a.leads} period is a leads export and the ${a.leads === 'before' ? 'after' : 'before'} period a deals export: their conversion, win rate and leads per month measure different steps (lead to deal, deal to sale), and their change is no result of the CRM. Compare exports of one kind.`;
    case 'leads-export':
      return ru
        ? `${a.file}: это выгрузка лидов (${crmName(a.crm, 'ru')}), а не сделок: «выиграна» здесь — лид сконвертирован в сделку, «проиграна» — отбракован, конверсия — из лида в сделку. Выручка и средний чек не считаются: сумма лида — ожидание, а не продажа. Для них передайте выгрузку сделок.`
        : `${a.file}: this is a leads export (${crmName(a.crm, 'en')}), not deals: won here means converted into a deal, lost discarded, and the conversion is from lead to deal. Revenue and the average check are not counted: a lead's amount is an expectation, not a sale. Pass the deals export for them.`;
    case 'unknown-values':
      return unknownValuesText(a, ru);
    case 'talk-over-day':
      return talkOverDayText(a, ru);
    case 'many-skipped':
      return ru
        ? `${a.file}: не прочитано ${num(a.skipped, ru)} из ${num(a.rows, ru)} ${ofMany(a.rows, 'строки', 'строк')} (${Math.round((a.skipped / a.rows) * 100)}%): вероятно, колонка прочитана не так (даты, суммы) или это файл другого вида. crm-audit inspect покажет причины.`
        : `${a.file}: ${num(a.skipped, ru)} of ${num(a.rows, ru)} rows (${Math.round((a.skipped / a.rows) * 100)}%) could not be read: a column is probably misread (dates, amounts), or this is another kind of file. crm-audit inspect shows why.`;
  }
}

/** The codes of the unit economics' and the plan's alerts (economicsText). */
const ECONOMICS_CODES = new Set<Alert['code']>(['spend-unmatched', 'spend-empty', 'spend-no-source', 'spend-months', 'partial-months', 'spend-sources', 'group-column-missing', 'plan-empty', 'plan-unknown', 'plan-currencies', 'plan-outside']);
type EconomicsAlert = Extract<Alert, { code: 'spend-unmatched' | 'spend-empty' | 'spend-no-source' | 'spend-months' | 'partial-months' | 'spend-sources' | 'group-column-missing' | 'plan-empty' | 'plan-unknown' | 'plan-currencies' | 'plan-outside' }>;

/** The unit economics' and the plan's alerts: spend and its sources and months, groups, the plan. */
function economicsText(a: EconomicsAlert, lang: string): string {
  const ru = lang === 'ru';
  switch (a.code) {
    case 'spend-unmatched': {
      const q = (v: string) => (ru ? `«${v}»` : `"${v}"`);
      const list = a.sources.map((x) => `${q(x.source)} (${money(x.amount, lang)}${x.like === undefined ? '' : ru ? `; похоже на ${q(x.like)}` : `; like ${q(x.like)}`})`).join(', ');
      return ru
        ? `Источники из файла расходов, которых нет ни в одной сделке: ${list}. Их расходы учтены в итоге и показаны отдельными строками; если это тот же источник под другим именем, переименуйте его в файле расходов.`
        : `Spend file sources that no deal has: ${list}. Their spend is in the total and shown as groups of their own; if one is a deal source under another name, rename it in the spend file.`;
    }
    case 'spend-empty':
      return ru
        ? 'Ни одна строка файла расходов не попала в период: расходы, CAC, цена лида и ROMI не рассчитаны. Проверьте месяцы файла и --from/--to.'
        : 'No row of the spend file falls in the period: spend, CAC, cost per lead and ROMI are not computed. Check the file\'s months and --from/--to.';
    case 'spend-no-source':
      return ru
        ? `В файле расходов есть строки без источника на ${money(a.amount, lang)}: они учтены в расходах отдела и в группе «не указано», но ни одному каналу не приписаны.`
        : `The spend file has rows without a source (${money(a.amount, lang)}): counted in the department's spend and under "not set", attributed to no channel.`;
    case 'spend-months':
    case 'partial-months':
      return monthsText(a, lang);
    case 'spend-sources': {
      // A reviewer of the numbers: a source the spend file is silent about counted as free in the department's CAC (15 000 for 60 000 over 4 clients, 3 of them from Сайт) and ROMI, without a word.
      const shown = a.sources.slice(0, 5);
      const more = a.sources.length - shown.length;
      const list = shown.map((s) => (ru ? `«${s.source}» (${num(s.deals, ru)} ${plural(s.deals, 'сделка', 'сделки', 'сделок')})` : `"${s.source}" (${num(s.deals, ru)} ${pluralEn(s.deals, 'deal', 'deals')})`)).join(', ') + (more > 0 ? (ru ? ` и ещё ${num(more, ru)}` : ` and ${num(more, ru)} more`) : '');
      return ru
        ? `В файле расходов нет строк для источников со сделками: ${list}. Их расходы не известны: в группах по источнику их CAC и ROMI не рассчитаны, а CAC и ROMI отдела считают их клиентов и выручку без расходов, как бесплатный канал. Если канал бесплатный, добавьте строку с расходом 0.`
        : `The spend file has no row for sources with deals: ${list}. Their spend is not known: by source their CAC and ROMI are not computed, while the department's CAC and ROMI count their clients and revenue with no spend, as a free channel. If a channel is free, add a row with a spend of 0.`;
    }
    case 'group-column-missing': {
      const ru3 = { source: 'источника', pipeline: 'воронки', stage: 'этапа' };
      return ru
        ? `В файле сделок нет колонки ${a.dims.map((d) => ru3[d]).join(', ')}: все сделки в группе «не указано». crm-audit inspect покажет колонки; файл --map назовёт нужную (columns: { ${a.dims[0]}: "Заголовок" }).`
        : `The deals file has no ${a.dims.join(', ')} column: every deal is under "not set". crm-audit inspect lists the columns; a --map file names the right one (columns: { ${a.dims[0]}: "Header" }).`;
    }
    case 'plan-empty':
      return ru
        ? `Ни одна из ${num(a.rows, ru)} ${ofMany(a.rows, 'строки', 'строк')} плана не попала в период: план / факт пуст. Проверьте месяцы плана и --from/--to.`
        : `None of the plan's ${num(a.rows, ru)} rows falls in the period: plan vs fact is empty. Check the plan's months and --from/--to.`;
    case 'plan-outside':
      return ru
        ? `Месяцы плана без сделок в отчёте (сделки созданы ${day(a.from, lang)} — ${day(a.to, lang)}): ${months(a.months, lang)} — их строки не вошли в план / факт и в итоги по плану. Чтобы их учесть, выгрузите сделки и за эти месяцы.`
        : `Plan months with no deals in the report (the deals were created ${day(a.from, lang)} — ${day(a.to, lang)}): ${months(a.months, lang)}; their rows are left out of plan vs fact and its totals. To count them, export the deals of those months too.`;
    case 'plan-currencies':
      return sideCurrenciesText({ ...a, kind: 'plan' }, currencyList(a.currencies, ru), ru);
    case 'plan-unknown':
      return ru
        ? `В плане есть ${a.by === 'manager' ? 'менеджеры' : 'источники'} без сделок в периоде: ${a.names.map((n) => `«${n}»`).join(', ')}; их факт — 0. Проверьте написание имён.`
        : `The plan names ${a.by === 'manager' ? 'managers' : 'sources'} with no deals in the period: ${a.names.map((n) => `"${n}"`).join(', ')}; their fact is 0. Check the spelling.`;
  }
}

/** What a side file's amounts in another currency make wrong (sideCurrenciesText). */
const SIDE_FIGURES = {
  spend: { ru: 'расходы, CAC, цена лида и ROMI', en: 'spend, CAC, cost per lead and ROMI' },
  payments: { ru: 'выставлено, оплачено и доля оплаты', en: 'invoiced, paid and the paid share' },
  plan: { ru: 'план по выручке и % плана', en: 'the revenue plan and % of plan' },
};

/** Currencies with their rows' counts, as a reader of the language writes them: «USD — 2, RUB — 1». */
function currencyList(currencies: ReadonlyArray<{ currency: string; deals: number }>, ru: boolean): string {
  return currencies.map((c) => (ru ? `${c.currency} — ${num(c.deals, ru)}` : `${c.currency} ${num(c.deals, ru)}`)).join(', ');
}

/** A spend, payments or plan file whose amounts are in several currencies, or in one the deals' are not: added to roubles as they are. */
function sideCurrenciesText(a: { file: string; kind?: 'spend' | 'payments' | 'plan'; dealCurrencies?: string[] }, list: string, ru: boolean): string {
  const deals = (a.dealCurrencies ?? []).join(', ');
  const what = SIDE_FIGURES[a.kind ?? 'spend'][ru ? 'ru' : 'en'];
  return ru
    ? `${a.file}: суммы в разных валютах или не в валюте сделок (${deals}): валюты строк — ${list}; ${what} складывают их как есть, без пересчёта. Пересчитайте суммы в валюту сделок или разделите файл по валютам.`
    : `${a.file}: the amounts are in several currencies or not in the deals' (${deals}): rows by currency ${list}; ${what} add them as they are, unconverted. Convert them into the deals' currency, or split the file by currency.`;
}

/**
 * Two sets of a comparison whose deals are in different currencies (T39 F1: roubles before, dollars
 * after read «Выручка в месяц −97,0%» and «не окупается», while the same rows in one file warned).
 */
function periodCurrenciesText(p: Record<'before' | 'after', PeriodCurrencies>, ru: boolean): string {
  // A file with no currency mark at all says none (roubles by default): said so, not as roubles it may not be (tester T71: two USD files).
  const side = (which: 'before' | 'after') => {
    const c = p[which];
    const currencies = c.plain ? (ru ? 'без знака валюты (по умолчанию — рубли)' : 'no currency mark (roubles by default)') : c.currencies.join(', ');
    return ru ? `«${which === 'before' ? 'до' : 'после'}» (${c.file}) — ${currencies}` : `${which} (${c.file}) ${currencies}`;
  };
  const marked = p.before.plain ? p.after : p.after.plain ? p.before : undefined;
  const unless = marked && !marked.plain
    ? ru
      ? ` Если суммы без знака тоже в ${marked.currencies.join(', ')}, периоды в одной валюте и сравнение верно.`
      : ` If the amounts with no mark are in ${marked.currencies.join(', ')} too, both periods are in one currency and the comparison stands.`
    : '';
  return ru
    ? `Суммы сделок двух периодов ${marked ? 'могут быть в' : 'в'} разных валютах: ${side('before')}, ${side('after')}; выручка в месяц, средний чек, окупаемость и ROI сравнивают их как есть, без пересчёта.${unless} ${marked ? 'Иначе в' : 'В'}ыгрузите оба периода в одной валюте (HubSpot: «Amount in company currency», Salesforce: «Amount (converted)», Битрикс24 через REST: OPPORTUNITY_ACCOUNT) или пересчитайте суммы одного из них.`
    : `The deal amounts of the two periods ${marked ? 'may be' : 'are'} in different currencies: ${side('before')}, ${side('after')}; revenue per month, the average check, payback and ROI compare them as they are, unconverted.${unless} ${marked ? 'Otherwise e' : 'E'}xport both periods in one currency (HubSpot: "Amount in company currency", Salesforce: "Amount (converted)", Bitrix24 through REST: OPPORTUNITY_ACCOUNT), or convert one period's amounts.`;
}

/** A period's months (makePeriod's, spec) with one decimal, as the comparison's header shows them: «121,0». */
function periodMonths(p: { from: string; to: string }, lang: string): string {
  return makePeriod(p.from, p.to).months.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace(/\u00a0|\u202f/g, ' ');
}

/**
 * A comparison period whose first (or last) deals stand far apart from the rest (T39 F13: one deal of a
 * mistyped 2015 among deals of 2025 made «до» 121 months long and reversed the payback, without a word).
 */
function strayDealsText(a: Extract<Alert, { code: 'stray-deals' }>, lang: string): string {
  const ru = lang === 'ru';
  const span = (p: { from: string; to: string }) => `${day(p.from, lang)} — ${day(p.to, lang)}`;
  const start = a.at === 'start';
  const gap = Math.abs(Date.parse(`${a.next}T00:00:00Z`) - Date.parse(`${a.day}T00:00:00Z`)) / 86_400_000;
  if (ru) {
    const which = `«${a.which === 'before' ? 'до' : 'после'}»`;
    const who = a.deals === 1 ? `сделкой ${a.id}, созданной ${day(a.day, lang)}` : `${num(a.deals, ru)} сделками (${start ? 'первая' : 'последняя'} — ${a.id}, ${day(a.day, lang)})`;
    const next = `${start ? 'следующая' : 'предыдущая'} сделка создана ${day(a.next, lang)}, через ${num(gap, ru)} ${plural(gap, 'день', 'дня', 'дней')}`;
    return `${a.file}: период ${which} ${start ? 'начинается' : 'кончается'} ${who}, а ${next}: ${plural(a.deals, 'она растягивает', 'они растягивают', 'они растягивают')} период до ${periodMonths(a.period, lang)} мес. (${span(a.period)}); без ${plural(a.deals, 'неё', 'них', 'них')} он шёл бы ${span(a.without)} (${periodMonths(a.without, lang)} мес.). Показатели в месяц, окупаемость и ROI считаются по всему периоду. Похоже на опечатку в годе: проверьте дату создания и исправьте её в CRM или в файле.`;
  }
  const who = a.deals === 1 ? `deal ${a.id}, created ${day(a.day, lang)}` : `${num(a.deals, ru)} deals (the ${start ? 'first' : 'last'}: ${a.id}, ${day(a.day, lang)})`;
  const next = `the ${start ? 'next' : 'previous'} deal was created ${day(a.next, lang)}, ${num(gap, ru)} ${gap === 1 ? 'day' : 'days'} ${start ? 'later' : 'earlier'}`;
  return `${a.file}: the ${a.which} period ${start ? 'starts' : 'ends'} with ${who}, and ${next}: ${a.deals === 1 ? 'it stretches' : 'they stretch'} the period to ${periodMonths(a.period, lang)} months (${span(a.period)}); without ${a.deals === 1 ? 'it' : 'them'} the period would run ${span(a.without)} (${periodMonths(a.without, lang)} months). The per-month figures, payback and ROI are computed over the whole period. This looks like a mistyped year: check the creation date and correct it in the CRM or the file.`;
}

/**
 * The cost of a comparison is a number in no currency of its own: payback divides it by the gain in the
 * deals' currency. Deals in one currency that is not the roubles --cost's marks name (T39 F4: --cost
 * «1 500 000 ₽» against deals in dollars gave «1 446,65 мес.» without a word).
 */
function costCurrencyText(a: Extract<Alert, { code: 'cost-currency' }>, lang: string): string {
  const ru = lang === 'ru';
  const monthly = a.monthlyCost > 0 ? (ru ? ` и --monthly-cost (${money(a.monthlyCost, lang)})` : ` and --monthly-cost (${money(a.monthlyCost, lang)})`) : '';
  // Typed with a rouble mark, the cost is in roubles: payback divides roubles by a gain in another currency (T39's leftover: said as if taken in the deals').
  if (a.costCurrency === 'RUB') {
    return ru
      ? `Затраты --cost (${money(a.cost, lang)})${monthly} указаны в рублях, а суммы сделок — в ${a.currency}: окупаемость и ROI делят рубли на прирост выручки в ${a.currency} и неверны. Пересчитайте затраты в ${a.currency} и укажите их числом, без знака рубля.`
      : `The cost --cost (${money(a.cost, lang)})${monthly} is typed in roubles, and the deal amounts are in ${a.currency}: payback and ROI divide roubles by a revenue gain in ${a.currency}, and are wrong. Convert the cost into ${a.currency} and give it as a number, without the rouble mark.`;
  }
  return ru
    ? `Суммы сделок в ${a.currency}, а затраты --cost (${money(a.cost, lang)})${monthly} считаются в валюте сделок: окупаемость и ROI делят их на прирост выручки в ${a.currency}. Если затраты в рублях или другой валюте, пересчитайте их в ${a.currency} и укажите числом (знак валюты в --cost читается только рублёвый).`
    : `The deal amounts are in ${a.currency}, and the cost --cost (${money(a.cost, lang)})${monthly} is taken in the deals' currency: payback and ROI divide it by the revenue gain in ${a.currency}. If the cost is in roubles or another currency, convert it into ${a.currency} and give it as a number (--cost reads a rouble mark only).`;
}

/** The payments' unknown deals and odd rows (PaymentOddities) as alerts; `period`: a period was given, which leaves unknown deals' payments out. */
export function paymentLogAlerts(log: PaymentLog, file: string, period: boolean): Alert[] {
  const out: Alert[] = [];
  const odd = log.odd;
  if (odd.unknown > 0) out.push({ code: 'payments-unknown-deals', file, payments: odd.unknown, named: log.named, example: odd.unknownExample, period, withoutManager: odd.unknownNoManager });
  const over = log.overPaid();
  const said = { ...(odd.refunds.rows > 0 ? { refunds: { ...odd.refunds } } : {}), ...(odd.duplicates.rows > 0 ? { duplicates: { ...odd.duplicates } } : {}), ...(over.example ? { over: { deals: over.count, ...over.example } } : {}) };
  if (Object.keys(said).length > 0) out.push({ code: 'payments-odd', file, ...said });
  return out;
}

/** The managers (and the department, as '') whose paid sum is below zero: refunds netted against payments the file or period lacks. */
export function paidNegative(managers: ReadonlyArray<{ manager: string; paid?: unknown }>, total: MetricValues): Alert[] {
  const below = (v: { paid?: unknown }) => typeof v.paid === 'number' && v.paid < 0;
  const names = [...managers.filter(below).map((m) => m.manager), ...(below(total) ? [''] : [])];
  return names.length > 0 ? [{ code: 'paid-negative', managers: names }] : [];
}

/**
 * Where payments of unknown deals are counted without a period: under their own manager, and those
 * without one in the department's total only (said here: a second alert had said those apart).
 */
function unknownDealsCounted(a: Extract<Alert, { code: 'payments-unknown-deals' }>, ru: boolean): string {
  const bare = a.withoutManager;
  if (bare === 0) return ru ? 'Они учтены у своего менеджера, но ни к одной сделке не привязаны' : 'They count under their manager, linked to no deal';
  if (bare === a.payments) return ru ? 'Менеджера у них в файле нет, и сделка его не даёт: они учтены только в итоге по отделу' : 'They name no manager, and no deal gives one: they count in the total only';
  return ru
    ? `Они учтены у своего менеджера, а ${num(bare, ru)} без менеджера — только в итоге по отделу; ни к одной сделке они не привязаны`
    : `They count under their manager, and the ${num(bare, ru)} without one in the total only; none is linked to a deal`;
}

/** What the payments hold that no paid share explains, in words (PaymentOddities); the amounts are counted as written. */
function paymentsText(a: Extract<Alert, { code: 'payments-unknown-deals' | 'payments-odd' | 'paid-negative' }>, lang: string): string {
  const ru = lang === 'ru';
  if (a.code === 'payments-unknown-deals') {
    const n = `${num(a.payments, ru)} ${ru ? 'из' : 'of'} ${num(a.named, ru)}`;
    return ru
      ? `${a.file}: ${n} ${plural(a.named, 'оплаты', 'оплат', 'оплат')} ${plural(a.payments, 'ссылается', 'ссылаются', 'ссылаются')} на сделки, которых нет в файле сделок (например, «${a.example}»). ${a.period ? 'С периодом (--from/--to) они не учтены: дата их сделки не известна.' : `${unknownDealsCounted(a, ru)}; с --from/--to они выпадут.`} Проверьте, что ID сделок в обоих файлах из одной CRM.`
      : `${a.file}: ${n} ${pluralEn(a.named, 'payment names', 'payments name')} a deal the deals file does not have (e.g. "${a.example}"). ${a.period ? 'With a period (--from/--to) they are left out: their deal\'s date is not known.' : `${unknownDealsCounted(a, ru)}; with --from/--to they drop out.`} Check that both files' deal ids come from the same CRM.`;
  }
  if (a.code === 'paid-negative') {
    const who = a.managers.map((m) => (m === '' ? (ru ? 'отдел' : 'the department') : ru ? `«${m}»` : `"${m}"`)).join(', ');
    return ru
      ? `Оплачено меньше нуля: ${who}. Возвраты вычтены из оплат, а сами оплаты в файле или в периоде не найдены; доля оплаты отрицательная и ничего не говорит.`
      : `Paid is below zero: ${who}. Refunds are netted against payments, and the payments they refund are not in the file or the period; the paid share is negative and means nothing.`;
  }
  const parts: string[] = [];
  if (a.refunds) parts.push(ru ? `${num(a.refunds.rows, ru)} ${plural(a.refunds.rows, 'строка', 'строки', 'строк')} с отрицательной суммой (${money(a.refunds.sum, lang)}): возвраты вычтены из оплат их сделок` : `${num(a.refunds.rows, ru)} ${pluralEn(a.refunds.rows, 'row', 'rows')} with a negative amount (${money(a.refunds.sum, lang)}): refunds, netted against their deals' paid`);
  if (a.duplicates) parts.push(ru ? `${num(a.duplicates.rows, ru)} ${plural(a.duplicates.rows, 'строка повторяет', 'строки повторяют', 'строк повторяют')} строку выше (сделка, менеджер, суммы и даты, ${money(a.duplicates.sum, lang)}): учтены дважды; если это одна оплата, удалите повтор` : `${num(a.duplicates.rows, ru)} ${pluralEn(a.duplicates.rows, 'row repeats', 'rows repeat')} a row above (deal, manager, amounts and dates, ${money(a.duplicates.sum, lang)}): counted twice; if it is one payment, delete the repeat`);
  if (a.over) parts.push(ru ? `по ${num(a.over.deals, ru)} ${plural(a.over.deals, 'сделке', 'сделкам', 'сделкам')} оплачено больше выставленного (например, «${a.over.id}»: выставлено ${money(a.over.invoiced, lang)}, оплачено ${money(a.over.paid, lang)}): доля оплаты выше 100%` : `${num(a.over.deals, ru)} ${pluralEn(a.over.deals, 'deal is', 'deals are')} paid above what was invoiced (e.g. "${a.over.id}": invoiced ${money(a.over.invoiced, lang)}, paid ${money(a.over.paid, lang)}): the paid share is above 100%`);
  return ru ? `${a.file}: суммы оплат учтены как записаны, но ${parts.join('; ')}.` : `${a.file}: payments are counted as written, but ${parts.join('; ')}.`;
}

/** The months the spend file or the plan and the deals or the period do not share, in words. */
function monthsText(a: Extract<Alert, { code: 'spend-months' | 'partial-months' }>, lang: string): string {
  const ru = lang === 'ru';
  if (a.code === 'spend-months') {
    const parts = ru
      ? [a.withoutSpend.length > 0 && `месяцы со сделками без строк расходов: ${months(a.withoutSpend, lang)} (их расходы и CAC не рассчитаны, а CAC и ROMI источников и отдела за период считают клиентов и выручку этих месяцев без их расходов: занижен CAC, завышен ROMI)`, a.withoutDeals.length > 0 && `месяцы с расходами без сделок: ${months(a.withoutDeals, lang)} (расходы учтены, лидов нет)`]
      : [a.withoutSpend.length > 0 && `months with deals and no spend row: ${months(a.withoutSpend, lang)} (their spend and CAC are not computed, while the sources' and the department's CAC and ROMI over the period count those months' clients and revenue without their spend: CAC too low, ROMI too high)`, a.withoutDeals.length > 0 && `months with spend and no deals: ${months(a.withoutDeals, lang)} (spend counted, no leads)`];
    const list = parts.filter(Boolean).join('; ');
    return ru ? `Файл расходов и сделки покрывают разные месяцы: ${list}. Проверьте, что файлы за один период (или ограничьте период месяцами расходов: --from, --to).` : `The spend file and the deals cover different months: ${list}. Check that both files are for the same period (or limit the period to the spend's months: --from, --to).`;
  }
  const what = ru ? (a.file === 'spend' ? 'Расходы' : 'Цели плана') : a.file === 'spend' ? 'Spend' : 'Plan targets';
  return ru
    ? `${what} заданы на месяц целиком, а период (--from/--to) захватывает лишь часть ${a.months.length === 1 ? 'месяца' : 'месяцев'} ${months(a.months, lang)}: сравнение с частью месяца занижает результат. Задайте период по границам месяцев.`
    : `${what} ${a.file === 'spend' ? 'is' : 'are'} for whole months, but the period (--from/--to) covers only part of ${months(a.months, lang)}: set against part of a month, the figures look worse than they are. Use a period on month boundaries.`;
}

/** Missed incoming calls skipped for want of an employee (telephony logs leave them blank), in words. */
function missedNoManagerText(a: Extract<Alert, { code: 'missed-no-manager' }>, ru: boolean): string {
  const n = num(a.calls, ru);
  if (a.pbx) {
    return ru
      ? `${a.file}: ${n} ${plural(a.calls, 'пропущенный входящий звонок', 'пропущенных входящих звонка', 'пропущенных входящих звонков')} не ${plural(a.calls, 'дошёл', 'дошли', 'дошли')} ни до одного внутреннего номера (трубку положили в голосовом меню или очереди): у них нет сотрудника, и в пропущенных менеджеров их нет — доля пропущенных по отделу меньше, чем теряет компания.`
      : `${a.file}: ${n} missed incoming ${pluralEn(a.calls, 'call', 'calls')} reached no line (hung up in an IVR or a queue): they have no employee and are in no manager's missed calls, so the department's missed share is lower than what the company loses.`;
  }
  return ru
    ? `${a.file}: ${n} ${plural(a.calls, 'пропущенный входящий звонок', 'пропущенных входящих звонка', 'пропущенных входящих звонков')} без сотрудника не ${plural(a.calls, 'прочитан', 'прочитаны', 'прочитаны')} (менеджер обязателен): пропущенных и их доля в отчёте меньше, чем на деле. Если журнал оставляет сотрудника пустым у непринятых звонков, выгрузите его с колонкой, куда направлен звонок (линия, группа), и назовите её менеджером в файле --map.`
    : `${a.file}: ${n} missed incoming ${pluralEn(a.calls, 'call', 'calls')} with no employee ${pluralEn(a.calls, 'is', 'are')} not read (a manager is required): missed calls and their share read lower than they are. If the log leaves the employee blank on calls nobody took, export it with the column the call was routed to (a line, a group) and name it the manager in a --map file.`;
}

/** Deal amounts in several currencies (or a comparison's two sets, a side file's), in words. */
function mixedCurrenciesText(a: Extract<Alert, { code: 'mixed-currencies' }>, ru: boolean): string {
  const list = currencyList(a.currencies, ru);
  if (a.kind || a.periods) return a.periods ? periodCurrenciesText(a.periods, ru) : sideCurrenciesText(a, list, ru);
  if (a.currencies.length === 2 && a.currencies.some((c) => c.currency === '?')) return lostSignText(a, list, ru);
  return ru
    ? `${a.file}: суммы сделок в разных валютах (${list}), а выручка и средний чек складывают их как есть. Выгрузите суммы в одной валюте (HubSpot: «Amount in company currency», Salesforce: «Amount (converted)», Битрикс24 через REST: OPPORTUNITY_ACCOUNT) или разделите файл по валютам.`
    : `${a.file}: the deal amounts are in several currencies (${list}), and revenue and the average check add them as they are. Export the amounts in one currency (HubSpot: "Amount in company currency", Salesforce: "Amount (converted)", Bitrix24 through REST: OPPORTUNITY_ACCOUNT), or split the file by currency.`;
}

/**
 * Amounts marked «?» beside amounts in one currency: «?» is a sign the file's code page could not hold
 * (Excel saving a CSV in Windows-1251 writes ₽ so), most likely the other amounts' currency; the
 * numbers are read as written (tester T70: «split the file by currency» of a file all in roubles).
 */
function lostSignText(a: Extract<Alert, { code: 'mixed-currencies' }>, list: string, ru: boolean): string {
  const other = a.currencies.find((c) => c.currency !== '?')!.currency;
  return ru
    ? `${a.file}: суммы сделок помечены по-разному (${list}): «?» — знак валюты, которого нет в кодировке файла (так Excel, сохраняя CSV в Windows-1251, пишет ₽). Если это ${other}, все суммы в одной валюте и выручка верна; если нет, выручка и средний чек складывают разные валюты. Выгрузите файл из CRM заново, не пересохраняя в Excel, или сохраните его в UTF-8.`
    : `${a.file}: the deal amounts are marked differently (${list}): "?" is a currency sign the file's code page cannot hold (Excel writes ₽ so when it saves a CSV in Windows-1251). If it stands for ${other}, every amount is in one currency and revenue is right; if not, revenue and the average check add different currencies. Export the file again from the CRM without re-saving it in Excel, or save it as UTF-8.`;
}

/** Deals assigned to no one (a blank manager cell), skipped as a manager is required: what that leaves out, and the fixes. */
function dealsNoManagerText(a: Extract<Alert, { code: 'deals-no-manager' }>, ru: boolean): string {
  const n = num(a.deals, ru);
  return ru
    ? `${a.file}: ${n} ${plural(a.deals, 'сделка', 'сделки', 'сделок')} из ${num(a.rows, ru)} ни на кого не ${plural(a.deals, 'назначена', 'назначены', 'назначены')} (колонка «${a.column}» пуста) и в отчёт не ${plural(a.deals, 'вошла', 'вошли', 'вошли')}: ${a.deals === 1 ? 'её' : 'их'} нет ни у одного менеджера, и показатели отдела посчитаны без ${a.deals === 1 ? 'неё' : 'них'}. Если это заявки, которые ещё не распределили, назначьте ответственных в CRM и выгрузите файл заново; если ответственный записан в другой колонке, назовите её в файле --map (deals: columns: manager: «…»).`
    : `${a.file}: ${n} of ${num(a.rows, ru)} deals ${a.deals === 1 ? 'is' : 'are'} assigned to no one (column "${a.column}" is blank) and ${a.deals === 1 ? 'is' : 'are'} not counted: ${a.deals === 1 ? 'it is' : 'they are'} in no manager's figures, and the department's are computed without them. If they are leads not yet handed out, assign them in the CRM and export again; if the responsible person is in another column, name it in a --map file (deals: columns: manager: "…").`;
}

/** A quoted cell that took whole rows into it (an unbalanced quote), in words. */
function quoteSwallowedText(a: Extract<Alert, { code: 'quote-swallowed' }>, ru: boolean): string {
  return ru
    ? `${a.file}: ячейка в кавычках, открытая в строке ${a.line}, захватила ${num(a.lines, ru)} ${plural(a.lines, 'строку', 'строки', 'строк')}, ${plural(a.lines, 'похожую', 'похожие', 'похожих')} на целые записи: вероятно, в ячейке непарная кавычка, и эти строки не посчитаны. Проверьте строку ${a.line} выгрузки (кавычку внутри ячейки пишут двумя: "").`
    : `${a.file}: a quoted cell opened at line ${a.line} runs over ${num(a.lines, ru)} ${pluralEn(a.lines, 'line that looks', 'lines that look')} like whole rows: a quote in the cell is probably unbalanced, and those rows are not counted. Check line ${a.line} of the export (a quote inside a cell is written twice: "").`;
}

/** Values of a --map file that no export of the run holds (a misspelt stage), with the closest one each export does hold. */
function mapUnmatchedText(a: Extract<Alert, { code: 'map-unmatched' }>, ru: boolean): string {
  const q = (v: string) => (ru ? `«${v}»` : `"${v}"`);
  const list = a.values.map((v) => `${v.section === 'invoice' ? 'payments: status' : v.section} ${q(v.value)}${v.near ? (ru ? ` (может быть, ${q(v.near)}?)` : ` (did you mean ${q(v.near)}?)`) : ''}`).join(', ');
  const more = a.count > a.values.length ? (ru ? ` и ещё ${num(a.count - a.values.length, ru)}` : ` and ${num(a.count - a.values.length, ru)} more`) : '';
  // Said by inspect of one export (`inspected`): a line may be about another export of the map's.
  if (a.inspected !== undefined) {
    return ru
      ? `${a.file}: значения файла --map, которых нет в ${a.inspected}: ${list}${more}; для этой выгрузки эти строки ничего не меняют. Проверьте их написание, если они о ней.`
      : `${a.file}: values of the --map file that ${a.inspected} does not hold: ${list}${more}; for this export those lines change nothing. Check their spelling if they are about it.`;
  }
  return ru
    ? `${a.file}: значения файла --map не встретились ни в одной выгрузке: ${list}${more}; эти строки ничего не меняют. Проверьте их написание (crm-audit inspect покажет значения выгрузки).`
    : `${a.file}: values of the --map file match nothing in the exports: ${list}${more}; those lines change nothing. Check their spelling (crm-audit inspect lists an export's values).`;
}

/**
 * Beginnings of the words of a call not answered, in the statuses PBXs write (FreeSWITCH's
 * `ORIGINATOR_CANCEL`, `USER_BUSY`; SIP's «Request Terminated», «Temporarily Unavailable»; «Сорвался»,
 * «Несостоявшийся», «Ошибка»; a machine that took the call: an IVR, voicemail).
 */
const NOT_ANSWERED_STEMS = [
  'busy', 'cancel', 'reject', 'declin', 'fail', 'timeout', 'unavail', 'unreach', 'terminat', 'notfound', 'notavail', 'notallow', 'congest', 'error', 'abandon', 'lost', 'miss', 'voicemail', 'forbid', 'ivr',
  'занят', 'отмен', 'отклон', 'сброс', 'сорвал', 'пропущ', 'неуда', 'неуспеш', 'несостоя', 'недоступ', 'недозвон', 'потерян', 'ошибк', 'неотвеч', 'непринят', 'автоответ', 'голосов',
  // other languages: es/pt perdida, de verpasst, besetzt, fr manqué, it persa, pl nieodebrane, zajęte, uk пропущений, зайнято, tr cevapsız, meşgul
  'perdid', 'verpass', 'besetzt', 'unbeantw', 'manqu', 'persa', 'nieodebr', 'zajęt', 'зайнят', 'cevapsız', 'cevapsiz', 'meşgul', 'kaçır',
];

/**
 * Words that negate a call status's answer («Абонент не отвечает», `NO_USER_RESPONSE`, "Not Found"): fewer than the
 * stages' negations (core/negations), since «sin», «sem», «nicht», «sans» in a status negate what follows the answer
 * («Contestada sin grabación», «Angenommen (nicht aufgezeichnet)» were guessed missed: review R48).
 */
const ANSWER_NEGATIONS = new Set(['no', 'not', 'non', 'never', 'не', 'нет', 'без', 'kein', 'pas']);

/**
 * The snippet's guess for a call status no map knows: true (not answered) only where its words say
 * so, else false, the reading the run gives it («ANSWER», `NORMAL_CLEARING`, «Состоялся», «OK» say an
 * answer; a value that says neither is read as answered, and its line says what the run read). Before,
 * every value was proposed as `true`: pasted unedited, answered calls became missed (tester T32 F5).
 */
function missedGuess(value: string): boolean {
  const words = value.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}\p{N}]+/u);
  return words.some((w) => ANSWER_NEGATIONS.has(w) || NOT_ANSWERED_STEMS.some((stem) => w.startsWith(stem)));
}

/**
 * Beginnings of the words of an outgoing call in the languages of PBX and CRM interfaces: a snippet
 * proposes `out` for a direction they begin, `in` for any other. Before, every direction was proposed
 * `in`: pasted unedited, «Ausgehend» beside «Eingehend» made every call incoming (tester T54 F2).
 */
const OUT_STEMS = ['outgo', 'outbo', 'outw', 'исход', 'обратн', 'ausgeh', 'salie', 'salid', 'saíd', 'said', 'efetu', 'realiz', 'sortant', 'uscit', 'wychodz', 'вихід', 'giden', 'dial'];
/** Words that say a call between employees, `internal`: a Russian stem, and whole words elsewhere («International» is a call abroad). */
const INTERNAL_STEMS = ['внутрен', 'внутріш'];
const INTERNAL_WORDS = new Set(['internal', 'intern', 'interno', 'interna', 'interne']);
/** Words that say outgoing only whole: "out", "made", "placed" (not "outside", "outsourced", "madeira"). */
const OUT_WORDS = new Set(['out', 'made', 'placed']);

/** The value a snippet line proposes for an unknown value: a direction's guess by its words, a status's, a done flag's `true`. */
function unknownGuess(field: 'direction' | 'missed' | 'done', value: string): string {
  if (field === 'direction') {
    const words = value.toLowerCase().split(/[^\p{L}]+/u);
    // A call between employees (tester T69: «Входящий внутренний» was proposed `in`).
    if (words.some((w) => INTERNAL_WORDS.has(w) || INTERNAL_STEMS.some((stem) => w.startsWith(stem)))) return 'internal';
    return words.some((w) => OUT_WORDS.has(w) || OUT_STEMS.some((stem) => w.startsWith(stem))) ? 'out' : 'in';
  }
  return field === 'missed' ? String(missedGuess(value)) : 'true';
}

/** Calls whose direction or status no map knows, or activities whose done value none knows, in words, with the --map lines that read them. */
function unknownValuesText(a: Extract<Alert, { code: 'unknown-values' }>, ru: boolean): string {
  const more = a.more ? (ru ? ` и ещё ${num(a.more, ru)}` : ` and ${num(a.more, ru)} more`) : '';
  const values = a.values.map((v) => (ru ? `«${v}»` : `"${v}"`)).join(', ') + more;
  // Each line is the user's to decide, said so beside it: a status's guess is by its words (missedGuess).
  const choice = a.field === 'direction' ? (ru ? 'in, out или internal: проверьте' : 'in, out or internal: check') : ru ? 'true или false: проверьте' : 'true or false: check';
  const snippet = `${a.field}:\n${a.values.map((v) => `  ${JSON.stringify(v)}: ${unknownGuess(a.field, v)}    # ${choice}`).join('\n')}`;
  const share = `${num(a.unknown, ru)} ${ru ? 'из' : 'of'} ${num(a.filled, ru)}`;
  if (a.field === 'done')
    return ru
      ? `${a.file}: в колонке «${a.header}» не распознано, выполнено ли действие, в ${share} строк (${values}): такие действия считаются выполненными — касаниями, звонками, реакцией на сделку, — хотя могут быть только запланированы. Назовите значения в файле --map (true — выполнено, false — не выполнено: отбрасывается как запланированное):\n${snippet}`
      : `${a.file}: whether the activity took place is not recognised in ${share} rows of the column "${a.header}" (${values}): those activities count as done (touches, calls, a deal's response), though they may be only planned. Name the values in a --map file (true: done, false: not done, dropped as planned):\n${snippet}`;
  if (a.field === 'direction')
    return ru
      ? `${a.file}: направление звонка не распознано в ${share} строк колонки «${a.header}» (${values}): эти звонки не входящие и не исходящие, и входящие, пропущенные, перезвоны и реакция по ним не посчитаны. Назовите значения в файле --map (in — входящий, out — исходящий, internal — между сотрудниками):\n${snippet}`
      : `${a.file}: the call direction is not recognised in ${share} rows of the column "${a.header}" (${values}): those calls are neither incoming nor outgoing, and incoming, missed calls, callbacks and responses leave them out. Name the values in a --map file (in: incoming, out: outgoing, internal: between employees):\n${snippet}`;
  return ru
    ? `${a.file}: статус звонка не распознан в ${share} строк колонки «${a.header}» (${values}): такие звонки считаются отвеченными, и пропущенных может быть больше. Назовите значения в файле --map (true — не отвечен, false — отвечен):\n${snippet}`
    : `${a.file}: the call status is not recognised in ${share} rows of the column "${a.header}" (${values}): those calls count as answered, and there may be more missed calls. Name the values in a --map file (true: not answered, false: answered):\n${snippet}`;
}

/** What set a run's report date, where it is not the clock: `--now`, or SOURCE_DATE_EPOCH (a CI job's last commit). */
export type ReportDateFrom = '--now' | 'SOURCE_DATE_EPOCH';

/**
 * A report date pinned by --now or SOURCE_DATE_EPOCH, said beside deals dated after it: an early one (a CI job's
 * SOURCE_DATE_EPOCH of an old commit) put all 1 200 deals «in the future», blamed on a mistyped year (tester T44).
 */
function pinnedDateNote(a: { reportDateFrom?: ReportDateFrom; latest: string }, lang: string): string {
  if (a.reportDateFrom === undefined) return '';
  const latest = day(a.latest, lang);
  return lang === 'ru'
    ? ` Дата отчёта задана ${a.reportDateFrom}: если даты в выгрузке верны, уберите ${a.reportDateFrom} или задайте дату не раньше ${latest}.`
    : ` The report date is set by ${a.reportDateFrom}: if the export's dates are right, drop ${a.reportDateFrom} or set a date no earlier than ${latest}.`;
}

/** Deals created after the report date, or with a negative amount, in words: what it does to the figures. */
function dealDatesAndAmountsText(a: Extract<Alert, { code: 'future-deals' | 'negative-amounts' | 'empty-period' }>, lang: string): string {
  if (a.code === 'empty-period') return emptyPeriodText(a, lang);
  const ru = lang === 'ru';
  if (a.code === 'negative-amounts') {
    return lang === 'ru'
      ? `${a.file}: у ${num(a.deals, ru)} ${plural(a.deals, 'сделки', 'сделок', 'сделок')} отрицательная сумма (всего −${money(-a.sum, lang)}); они учтены как записаны: выигранные уменьшают выручку и средний чек. Возврат или корректировка — не продажа; если это ошибки ввода, исправьте суммы в CRM.`
      : `${a.file}: ${num(a.deals, ru)} ${a.deals === 1 ? 'deal has' : 'deals have'} a negative amount (−${money(-a.sum, lang)} in all), counted as written: won ones lower revenue and the average check. A refund or a correction is not a sale; if these are typing mistakes, correct the amounts in the CRM.`;
  }
  const [latest, report] = [day(a.latest, lang), day(a.reportDate, lang)];
  return lang === 'ru'
    ? `${a.file}: у ${num(a.deals, ru)} ${plural(a.deals, 'сделки', 'сделок', 'сделок')} ${a.deals === 1 ? `дата создания ${latest} позже даты отчёта (${report})` : `дата создания позже даты отчёта (${report}), самая поздняя — ${latest}`}: вероятно, опечатка в годе. ${a.deals === 1 ? 'Такая сделка растягивает' : 'Такие сделки растягивают'} период («все данные», «после» в сравнении до и после) и ${a.deals === 1 ? 'занижает' : 'занижают'} все показатели в месяц. Исправьте даты в CRM и выгрузите файл заново (в kpi период можно ограничить через --to).${pinnedDateNote(a, lang)}`
    : `${a.file}: ${num(a.deals, ru)} ${a.deals === 1 ? 'deal was' : 'deals were'} created after the report date (${report}), the latest on ${latest}: probably a mistyped year. They stretch the period ("all data", "after" in a before/after comparison) and lower every per-month figure. Correct the dates in the CRM and export again (kpi can end the period with --to).${pinnedDateNote(a, lang)}`;
}

/** Activities with dates alone: read at midnight, they measure no response time; or deals created on dates alone, beside timed activities: responses counted from midnight. */
function untimedText(a: Extract<Alert, { code: 'untimed-activities' | 'untimed-deals' }>, ru: boolean): string {
  if (a.code === 'untimed-deals')
    return ru
      ? `${a.file}: у ${num(a.untimed, ru)} из ${num(a.deals, ru)} ${plural(a.deals, 'сделки', 'сделок', 'сделок')} дата создания без времени: она считается полночью, а время действий в ${a.activities} записано. Время реакции отсчитано от полуночи дня создания сделки и завышено: звонок в 10:00 в день создания — это 600 минут, даже если сделку создали в 9:55. Выгрузите сделки с временем создания (дата и время в одной колонке или колонка времени рядом с датой).`
      : `${a.file}: ${num(a.untimed, ru)} of ${num(a.deals, ru)} deals have a creation date without a time of day: it is read as midnight, while the activities in ${a.activities} have their times. The response time is counted from midnight of the day the deal was created and reads high: a call at 10:00 on that day is 600 minutes, even if the deal was created at 9:55. Export the deals with their creation time (date and time in one column, or a time column beside the date).`;
  return ru
    ? `${a.file}: у ${num(a.untimed, ru)} из ${num(a.records, ru)} ${plural(a.records, 'активности', 'активностей', 'активностей')} дата без времени: они считаются в полночь. Время реакции от создания сделки по ним не измерить: ответ в день создания сделки не засчитывается, и «без ответа» завышено. Выгрузите активности со временем (или с колонкой времени рядом с датой).`
    : `${a.file}: ${num(a.untimed, ru)} of ${num(a.records, ru)} activities have a date without a time of day: they are read at midnight. The response time from a deal's creation cannot be measured by them: a response on the day the deal was created is not counted, and "no response" reads high. Export the activities with their time (or a time column beside the date).`;
}

/**
 * The alert of an activities file timed by another column than the one `at` matched (io/map/timed-at.ts's
 * TimedAt, on its import report): built here once, for the alert kpi raises and the line inspect shows.
 */
export function timedAtAlert(file: string, timedAt: { column: string; dateOnly: string[] }): Extract<Alert, { code: 'timed-at' }> {
  return { code: 'timed-at', file, column: timedAt.column, dateOnly: timedAt.dateOnly };
}

/**
 * Activities timed by another column than the one matched by name, which holds dates alone (a Salesforce
 * Task's ActivityDate beside its CompletedDateTime): the times are right if that column is the moment of
 * the activity, so both columns are named, and the --map line that reads the dates instead.
 */
function timedAtText(a: Extract<Alert, { code: 'timed-at' }>, ru: boolean): string {
  const q = (h: string) => (ru ? `«${h}»` : `"${h}"`);
  const dates = a.dateOnly.map(q).join(ru ? ' и ' : ' and ');
  const line = `--map activities: columns: { at: ${JSON.stringify(a.dateOnly[0] ?? a.column)} }`;
  return ru
    ? `${a.file}: в колонке ${dates} даты без времени, а в колонке ${q(a.column)} — дата и время: время звонков и действий взято из ${q(a.column)} (где она пуста — из ${dates}). В полночь звонок в день создания сделки оказался бы раньше неё и не считался бы ответом. Если ${q(a.column)} — не момент звонка, читать даты: ${line}`
    : `${a.file}: the column ${dates} holds dates without a time of day, and ${q(a.column)} dates with times: the calls and activities are timed by ${q(a.column)} (by ${dates} where it is blank). At midnight, a call on the day a deal was created would come before the deal and count as no response. If ${q(a.column)} is not the moment of the call, read the dates: ${line}`;
}

/** Nothing won among deals some of which are lost, while stages no rule knows hold deals: one of them may be the won stage, renamed. */
function nothingWonText(a: Extract<Alert, { code: 'nothing-won' }>, ru: boolean): string {
  if (a.stages.length === 0) return nothingWonByStatus(a, ru);
  const list = a.stages.map((x) => (ru ? `«${x.stage}» (${num(x.deals, ru)} ${plural(x.deals, 'сделка', 'сделки', 'сделок')}, из них с суммой: ${num(x.amount, ru)})` : `"${x.stage}" (${num(x.deals, ru)} ${x.deals === 1 ? 'deal' : 'deals'}, ${num(x.amount, ru)} with an amount)`)).join(', ');
  const first = a.stages[0]!.stage;
  return ru
    ? `${a.file}: ни одна из ${num(a.deals, ru)} ${plural(a.deals, 'сделки', 'сделок', 'сделок')} не выиграна, хотя ${num(a.lost, ru)} проиграно: конверсия, выручка и средний чек — нули. Этапы, которых не знает ни одно правило, посчитаны открытыми: ${list}. Если один из них — выигрыш (этап переименован), назовите его в файле --map (status: { "${first}": won }); crm-audit map спросит о каждом.`
    : `${a.file}: none of the ${num(a.deals, ru)} deals is won, though ${num(a.lost, ru)} are lost: conversion, revenue and the average check are zero. Stages no rule knows are counted as open: ${list}. If one of them is the won stage renamed, name it in a --map file (status: { "${first}": won }); crm-audit map asks about each.`;
}

/** Nothing won in a file read by its status column (or by stages every rule knows): the won deals are most likely not in the export. */
function nothingWonByStatus(a: Extract<Alert, { code: 'nothing-won' }>, ru: boolean): string {
  const values = (a.values ?? []).map((v) => (ru ? `«${v.value}» ${num(v.count, ru)}` : `"${v.value}" ${num(v.count, ru)}`)).join(', ');
  const column = a.column === undefined ? '' : ru ? ` в колонке «${a.column}»${values ? ` (${values})` : ''}` : ` in the column "${a.column}"${values ? ` (${values})` : ''}`;
  return ru
    ? `${a.file}: ни одна из ${num(a.deals, ru)} ${plural(a.deals, 'сделки', 'сделок', 'сделок')} не выиграна, хотя ${num(a.lost, ru)} проиграно: конверсия, выручка и средний чек — нули. Ни одно значение${column} не означает выигрыш: вероятно, выгрузка отфильтрована (выигранные сделки в неё не попали) или выигрыш записан словом, которого не знает ни одно правило. Выгрузите все сделки периода без фильтра; если одно из значений — выигрыш, назовите его в файле --map (status: { "Значение": won }).`
    : `${a.file}: none of the ${num(a.deals, ru)} deals is won, though ${num(a.lost, ru)} are lost: conversion, revenue and the average check are zero. No value${column} means won: the export was probably filtered (the won deals left out), or won is written with a word no rule knows. Export every deal of the period with no filter; if one of the values means won, name it in a --map file (status: { "Value": won }).`;
}

/** Dates no deal can have (a date left at its zero, a close a year after the report date), in words: what they do to the figures. */
function oddDatesText(a: Extract<Alert, { code: 'placeholder-dates' | 'closed-later' | 'closed-before-created' }>, ru: boolean): string {
  const lang = ru ? 'ru' : 'en';
  if (a.code === 'closed-before-created') {
    // Closed the same day, minutes or hours before: no mistyped year, rather times or a time zone.
    const sameDay = a.createdTime !== undefined && a.closedTime !== undefined;
    const at = (d: string, time: string | undefined) => day(d, lang) + (sameDay ? ` ${time}` : '');
    const check = ru
      ? sameDay ? 'Проверьте время создания и закрытия в CRM (разные часовые пояса? время, введённое вручную?)' : 'Проверьте даты в CRM (год?)'
      : sameDay ? 'Check the times of creation and close in the CRM (different time zones? a time typed by hand?)' : 'Check the dates in the CRM (the year?)';
    return ru
      ? `${a.file}: ${num(a.deals, ru)} ${plural(a.deals, 'выигранная или проигранная сделка закрыта', 'выигранные или проигранные сделки закрыты', 'выигранных или проигранных сделок закрыты')} раньше, чем ${plural(a.deals, 'создана', 'созданы', 'созданы')} (например, сделка ${a.id}: создана ${at(a.created, a.createdTime)}, закрыта ${at(a.closed, a.closedTime)}): ${a.deals === 1 ? 'у неё нет цикла, и средний и медианный цикл посчитаны без неё' : 'у этих сделок нет цикла, и средний и медианный цикл посчитаны без них'}. ${check} и выгрузите файл заново.`
      : `${a.file}: ${num(a.deals, ru)} won or lost ${a.deals === 1 ? 'deal was' : 'deals were'} closed before ${a.deals === 1 ? 'it was' : 'they were'} created (deal ${a.id}, for one: created ${at(a.created, a.createdTime)}, closed ${at(a.closed, a.closedTime)}): ${a.deals === 1 ? 'it has' : 'they have'} no cycle, and the mean and median cycle leave ${a.deals === 1 ? 'it' : 'them'} out. ${check} and export again.`;
  }
  if (a.code === 'placeholder-dates') {
    return ru
      ? `${a.file}: у ${num(a.deals, ru)} ${plural(a.deals, 'сделки', 'сделок', 'сделок')} дата создания раньше 1990 года (${a.deals === 1 ? '' : 'самая ранняя — '}${day(a.earliest, lang)}): похоже на незаполненную дату (01.01.1970 — нулевая дата Unix, 1900 год — Excel). ${a.deals === 1 ? 'Такая сделка растягивает' : 'Такие сделки растягивают'} период («все данные», «до» в сравнении до и после) на десятилетия и ${a.deals === 1 ? 'занижает' : 'занижают'} все показатели в месяц, окупаемость и ROI. Исправьте даты в CRM и выгрузите файл заново (в kpi период можно начать позже через --from).`
      : `${a.file}: ${num(a.deals, ru)} ${a.deals === 1 ? 'deal was' : 'deals were'} created before 1990 (the earliest on ${a.earliest}): most likely a date never filled in (1970-01-01 is Unix's zero, 1900 Excel's). They stretch the period ("all data", "before" in a before/after comparison) by decades and lower every per-month figure, the payback and the ROI. Correct the dates in the CRM and export again (kpi can start the period later with --from).`;
  }
  return ru
    ? `${a.file}: ${num(a.deals, ru)} ${plural(a.deals, 'выигранная или проигранная сделка закрыта', 'выигранные или проигранные сделки закрыты', 'выигранных или проигранных сделок закрыты')} больше чем через год после даты отчёта (${day(a.reportDate, lang)}), самая поздняя — ${day(a.latest, lang)}: вероятно, опечатка в годе. Их цикл сделки растягивается на годы и искажает средний и медианный цикл. Исправьте даты закрытия в CRM и выгрузите файл заново.${pinnedDateNote(a, lang)}`
    : `${a.file}: ${num(a.deals, ru)} won or lost ${a.deals === 1 ? 'deal was' : 'deals were'} closed more than a year after the report date (${a.reportDate}), the latest on ${a.latest}: probably a mistyped year. Their cycle runs for years and distorts the mean and median cycle. Correct the close dates in the CRM and export again.${pinnedDateNote(a, lang)}`;
}

/** A period (--from/--to) in which no deal of the file was created: all zeros, most likely a mistyped year. */
function emptyPeriodText(a: Extract<Alert, { code: 'empty-period' }>, lang: string): string {
  const ru = lang === 'ru';
  const period = `${a.from ? day(a.from, lang) : '…'} — ${a.to ? day(a.to, lang) : '…'}`;
  const span = `${day(a.first, lang)} — ${day(a.last, lang)}`;
  return ru
    ? `В периоде ${period} не создано ни одной сделки: все показатели — нули. ${num(a.deals, ru)} ${plural(a.deals, 'сделка', 'сделки', 'сделок')} файла созданы ${span}; проверьте --from и --to (год?).`
    : `No deal was created in the period ${period}: every figure is zero. The file's ${num(a.deals, ru)} ${a.deals === 1 ? 'deal was' : 'deals were'} created ${span}; check --from and --to (the year?).`;
}

/** A day `YYYY-MM-DD` as a reader of the language writes it: `01.07.2052` in Russian. */
function day(iso: string, lang: string): string {
  return lang === 'ru' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

/** Slash dates that took the deals file's order (the same CRM wrote both), and the --date-format that reads them the other way. */
function borrowedOrder(a: Extract<Alert, { code: 'date-order-borrowed' }>, ru: boolean): string {
  const dmy = a.order === 'dmy';
  const [format, other] = dmy ? ['DD/MM/YYYY', 'MM/DD/YYYY'] : ['MM/DD/YYYY', 'DD/MM/YYYY'];
  const one = a.columns.length === 1;
  return ru
    ? `${a.file}: даты в ${one ? 'колонке' : 'колонках'} ${a.columns.map((c) => `«${c}»`).join(', ')} читаются и с днём впереди, и с месяцем впереди; прочитаны с ${dmy ? 'днём' : 'месяцем'} впереди (--date-format ${format}), как в ${a.from}: этот файл из той же CRM. Если даты на самом деле с ${dmy ? 'месяцем' : 'днём'} впереди, укажите --date-format ${other}.`
    : `${a.file}: the dates in ${one ? 'column' : 'columns'} ${a.columns.map((c) => `"${c}"`).join(', ')} can be read day-first or month-first; they were read ${dmy ? 'day' : 'month'} first (--date-format ${format}), as in ${a.from}, a file of the same CRM. If they are ${dmy ? 'month' : 'day'} first, pass --date-format ${other}.`;
}

/** One person written two ways, and the managers: section that merges them, in words. */
function spellingsText(a: Extract<Alert, { code: 'manager-spellings' }>, ru: boolean): string {
  const snippet = `managers:\n${a.names.map((x) => `  ${JSON.stringify(x.name)}: ${JSON.stringify(x.as)}`).join('\n')}`;
  const how = (by: Spelling | undefined) => (by === undefined ? '' : by === 'patronymic' ? (ru ? ' (с отчеством и без)' : ' (with and without the patronymic)') : by === 'email' ? (ru ? ' (адрес почты и имя)' : ' (an e-mail address and the name)') : ru ? ' (инициалы и полное имя)' : ' (initials and the full name)');
  const pairs = a.names.map((x) => (ru ? `«${x.name}» и «${x.as}»${how(x.by)}${latinText(x.latin, ru)}` : `"${x.name}" and "${x.as}"${how(x.by)}${latinText(x.latin, ru)}`)).join(', ');
  // Names that differ only by a Latin letter look the same on screen: said first, so the reader sees two rows of one name as two spellings.
  const latin = a.names.some((x) => x.latin) ? (ru ? ' На экране такую латинскую букву не отличить от русской.' : ' On screen such a Latin letter cannot be told from the Cyrillic one.') : '';
  return ru
    ? `Похоже, это одни и те же люди, записанные по-разному (например, в журнале звонков и в CRM): ${pairs}.${latin} Их сделки и действия посчитаны отдельно, как у разных менеджеров. Если это так, передайте --map с разделом:\n${snippet}`
    : `These look like the same people written two ways (in the call log and in the CRM, say): ${pairs}.${latin} Their deals and activities are counted apart, as different managers'. If so, pass --map with:\n${snippet}`;
}

/** The Latin look-alikes of a name and their places («латинская «C» — 1-я буква»), in brackets; nothing for none. */
function latinText(latin: ReadonlyArray<{ letter: string; at: number }> | undefined, ru: boolean): string {
  if (!latin || latin.length === 0) return '';
  if (latin.length === 1) {
    const [l] = latin;
    return ru ? ` (в первом имени латинская «${l!.letter}» на месте похожей русской — ${l!.at}-я буква)` : ` (the first has a Latin "${l!.letter}" that looks Cyrillic, letter ${l!.at})`;
  }
  const list = latin.map((l) => (ru ? `«${l.letter}» — ${l.at}-я буква` : `"${l.letter}", letter ${l.at}`)).join(ru ? ', ' : '; ');
  return ru ? ` (в первом имени латинские буквы на месте похожих русских: ${list})` : ` (the first has Latin letters that look Cyrillic: ${list})`;
}

/** A short name several full names could be, and a managers: section to keep one name of, in words. */
function unclearText(a: Extract<Alert, { code: 'manager-unclear' }>, ru: boolean): string {
  const q = (s: string) => (ru ? `«${s}»` : `"${s}"`);
  // One candidate, with other initials that fit it too («Иванов И. С.», «Иванов И. П.»): two people, one full name.
  const other = (x: { also?: string[] }) => (x.also?.length ? (ru ? ` или другой человек (есть и ${x.also.map(q).join(', ')})` : ` or another person (there is also ${x.also.map(q).join(', ')})`) : '');
  const items = a.names.map((x) => `${q(x.name)} ${ru ? '— это' : 'could be'} ${x.could.map(q).join(ru ? ' или ' : ' or ')}${other(x)}`).join('; ');
  const rest = (x: { could: string[] }) => (x.could.length > 1 ? `    # ${ru ? 'или' : 'or'} ${x.could.slice(1).map((c) => JSON.stringify(c)).join(', ')}` : '');
  const snippet = `managers:\n${a.names.map((x) => `  ${JSON.stringify(x.name)}: ${JSON.stringify(x.could[0])}${rest(x)}`).join('\n')}`;
  const one = a.names.length === 1;
  return ru
    ? `Не понять, кто из менеджеров записан так: ${items}. ${one ? 'Сделки и действия этой записи посчитаны' : 'Сделки и действия этих записей посчитаны'} отдельно, как у ${one ? 'ещё одного менеджера' : 'других менеджеров'}. Если так записаны разные люди, их не разделить: выгрузите файл с полными именами. Если это один человек, передайте --map с разделом, оставив верное имя:\n${snippet}`
    : `Which manager ${one ? 'this name is' : 'these names are'} is unclear: ${items}. ${one ? 'Its' : 'Their'} deals and activities are counted apart, as another manager's. If it names several people, they cannot be told apart: export the file with full names. If it is one person, pass --map with this section, keeping the right name:\n${snippet}`;
}

/**
 * A call log in UTC against deals on the company's clock, and the --time-offset that shifts it, in
 * words; or deals in UTC against activities on the company's clock, where --time-offset (which shifts
 * only the activities) puts the activities on UTC with the company's offset reversed.
 */
function utcText(a: Extract<Alert, { code: 'utc-times' | 'utc-deals' }>, ru: boolean): string {
  if (a.code === 'utc-times' && a.uniqueid !== undefined) return pbxUtcText(a, a.uniqueid, ru);
  if (a.code === 'utc-deals')
    return ru
      ? `${a.file}: время в колонке «${a.column}» записано по UTC (${num(a.count, ru)} ${plural(a.count, 'значение', 'значения', 'значений')}, например «${a.example}»), как пишут выгрузки через API, а время в ${a.activities} — по часам компании. Оба файла прочитаны как есть, и время реакции и касания сдвинуты на разницу часовых поясов. --time-offset сдвигает только действия: переведите их на UTC, указав разницу с обратным знаком (--time-offset -3 для Москвы; даты действий тогда тоже по UTC), или выгрузите сделки заново со временем по часам компании (из интерфейса CRM).`
      : `${a.file}: the times in "${a.column}" are UTC (${num(a.count, ru)} ${pluralEn(a.count, 'value', 'values')}, e.g. "${a.example}"), as API exports write them, while ${a.activities} is on the company's clock. Both were read as written, so response times and touches are off by the time-zone difference. --time-offset shifts only the activities: put them on UTC with the company's offset reversed (--time-offset -3 for Moscow; the activities' dates are then UTC's too), or export the deals again with times on the company's clock (from the CRM's interface).`;
  return ru
    ? `${a.file}: время в колонке «${a.column}» записано по UTC (${num(a.count, ru)} ${plural(a.count, 'значение', 'значения', 'значений')}, например «${a.example}»), а не по часам компании: так пишут выгрузки из API телефонии. Оно прочитано как есть, и время реакции и касания сдвинуты на разницу часовых поясов. Укажите её: --time-offset +3 для Москвы.`
    : `${a.file}: the times in "${a.column}" are UTC (${num(a.count, ru)} ${pluralEn(a.count, 'value', 'values')}, e.g. "${a.example}"), not the company's clock, as telephony API dumps write them. They were read as written, so response times and touches are off by the time-zone difference. Give it: --time-offset +3 for Moscow.`;
}

/**
 * A PBX log on UTC that its call ids show, in words: Asterisk's Master.csv says nothing of its clock,
 * and the sample cdr.conf writes it in UTC (usegmtime=yes).
 */
function pbxUtcText(a: { file: string; count: number; example: string; column: string }, uniqueid: string, ru: boolean): string {
  return ru
    ? `${a.file}: время в колонке «${a.column}» записано по UTC, а не по часам компании: ID звонков АТС (uniqueid, например «${uniqueid}») начинаются с секунды по UTC, в которую начался звонок, и у ${num(a.count, ru)} ${plural(a.count, 'строки', 'строк', 'строк')} она совпадает с записанным временем (например «${a.example}»). Так пишет Asterisk с usegmtime=yes в cdr.conf (как в образце cdr.conf) или на сервере, часы которого идут по UTC. Время прочитано как есть, и время реакции и касания сдвинуты на разницу часовых поясов. Укажите её: --time-offset +3 для Москвы.`
    : `${a.file}: the times in "${a.column}" are UTC, not the company's clock: the PBX's call ids (uniqueid, e.g. "${uniqueid}") begin with the UTC second the call began, and for ${num(a.count, ru)} ${pluralEn(a.count, 'row', 'rows')} it is the time written (e.g. "${a.example}"). Asterisk writes so with usegmtime=yes in cdr.conf (as its sample cdr.conf has it), or on a server whose clock is on UTC. They were read as written, so response times and touches are off by the time-zone difference. Give it: --time-offset +3 for Moscow.`;
}

/** A call id column that joins different clients' calls, and what the legs were joined by instead, in words. */
function callIdText(a: Extract<Alert, { code: 'call-id-unusable' }>, ru: boolean): string {
  const channel = a.joinedBy === 'channel';
  return ru
    ? `${a.file}: колонка «${a.column}» — не ID звонка: значение «${a.example}» и такие же объединяют звонки разных клиентов (${num(a.rows, ru)} из ${num(a.of, ru)} ${ofMany(a.of, 'первой строки', 'первых строк')} с ID). Плечи звонков по ней не объединены: ${channel ? 'они объединены по вызывающему каналу (channel) и времени.' : 'каждая строка посчитана отдельным звонком, и звонок, который обзвонил группу или очередь, может быть посчитан несколько раз — входящие и пропущенные завышены.'} Если ID звонка в другой колонке, назовите её в файле --map: columns: { call_id: "Колонка" }.`
    : `${a.file}: the column "${a.column}" is no call id: "${a.example}" and values like it join different clients' calls (${num(a.rows, ru)} of the first ${num(a.of, ru)} rows with an id). The legs of calls were not joined by it: ${channel ? 'they were joined by the calling channel (channel) and the time instead.' : "each row counts as a call, so a call that rang a ring group or a queue may count several times: incoming and missed calls read high."} If the call id is in another column, name it in a --map file: columns: { call_id: "Column" }.`;
}

/** Activities that name their deal by a title several deals share, linked to none, in words. */
function sharedTitlesText(a: Extract<Alert, { code: 'shared-titles' }>, ru: boolean): string {
  return ru
    ? `${a.file}: ${num(a.count, ru)} ${plural(a.count, 'действие называет', 'действия называют', 'действий называют')} сделку названием, которое носят несколько сделок (например, «${a.example}»): ${plural(a.count, 'оно не связано', 'они не связаны', 'они не связаны')} ни с одной, и касания и реакция этих сделок занижены. Выгрузите действия с ID сделки, если CRM это позволяет.`
    : `${a.file}: ${num(a.count, ru)} ${pluralEn(a.count, 'activity names its', 'activities name their')} deal by a title several deals share (e.g. "${a.example}"): linked to none of them, so those deals' touches and responses are understated. Export the activities with the deal id, where the CRM can.`;
}

/** Managers written as CRM user ids, and the --map section that names them. */
function managerIds(a: Extract<Alert, { code: 'manager-ids' }>, lang: string): string {
  if (a.named) return namedLinesText(a as Required<Extract<Alert, { code: 'manager-ids' }>>, lang);
  return `${idsText(a.ids, lang)} ${lang === 'ru' ? 'Чтобы видеть имена, передайте --map с разделом:' : 'To show names, pass --map with:'}\n${managersSnippet(a.ids, lang).trimEnd()}`;
}

/** What user ids among the managers are, and that the report shows them as they are. */
function idsText(ids: readonly string[], lang: string): string {
  return lang === 'ru'
    ? `Менеджеры указаны кодами пользователей CRM или внутренними номерами АТС, а не именами (${ids.slice(0, 3).map((x) => `«${x}»`).join(', ')}${ids.length > 3 ? ' и др.' : ''}): так пишут выгрузки с полями API (OwnerId, ASSIGNED_BY_ID, RESPONSIBLE_ID) и журналы звонков АТС. Цифры верны, но в отчёте будут коды.`
    : `Managers are CRM user ids or PBX extensions, not names (${ids.slice(0, 3).map((x) => `"${x}"`).join(', ')}${ids.length > 3 ? ' and more' : ''}): exports with API fields (OwnerId, ASSIGNED_BY_ID, RESPONSIBLE_ID) and PBX call logs write them so. The numbers are right, but the report shows the ids.`;
}

/**
 * Lines a file names a person by elsewhere: that person's activities are in two rows of the report, the
 * name's and the line's, so the numbers of each are not right (the plain user-ids text said they were);
 * the snippet names each such line, and leaves the other ids to fill in.
 */
function namedLinesText(a: Required<Extract<Alert, { code: 'manager-ids' }>>, lang: string): string {
  const ru = lang === 'ru';
  const q = (s: string) => (ru ? `«${s}»` : `"${s}"`);
  const pairs = a.named.map((n) => (ru ? `${q(n.id)} — это ${q(n.name)} (в файле: ${q(n.as)})` : `${q(n.id)} is ${q(n.name)} (the file writes ${q(n.as)})`)).join(', ');
  const placeholder = ru ? 'Имя Фамилия' : 'First Last';
  const names = new Map(a.named.map((n) => [n.id, n.name]));
  const snippet = `managers:\n${a.ids.map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(names.get(id) ?? placeholder)}`).join('\n')}`;
  // The ids no file names a person for are said as ever, their placeholders to fill in.
  const others = a.ids.filter((id) => !names.has(id));
  const rest = others.length > 0 ? ` ${idsText(others, lang)}${ru ? ' Впишите их имена.' : ' Fill in their names.'}` : '';
  return ru
    ? `Сотрудники указаны то именем, то внутренним номером АТС: ${pairs}. Действия каждого из них посчитаны в двух строках отчёта — под именем и под номером, и цифры каждой строки неполные.${rest} Передайте --map с разделом:\n${snippet}`
    : `Employees are named now by name, now by their PBX extension: ${pairs}. Each one's activities are counted in two rows of the report, under the name and under the number, and neither row's numbers are whole.${rest} Pass --map with:\n${snippet}`;
}

/** Amounts like `15,000` read as 15 by the decimal mark another value of their column decided (`1,5`): two formats in one column. */
/** Stages no rule knows whose deals are mostly closed, counted open (or lost by the flag), in words. */
function unknownStagesText(a: Extract<Alert, { code: 'unknown-stages-closed' }>, ru: boolean): string {
  const zero = (x: { zero?: number }) => (x.zero ? (ru ? `, с вероятностью 0%: ${num(x.zero, ru)}` : `, ${num(x.zero, ru)} at a probability of 0%`) : '');
  const list = (q: [string, string]) => a.stages.map((x) => `${q[0]}${x.stage}${q[1]} (${ru ? `${num(x.deals, ru)} ${plural(x.deals, 'сделка', 'сделки', 'сделок')}, закрыто ${num(x.closed, ru)}` : `${num(x.deals, ru)} ${x.deals === 1 ? 'deal' : 'deals'}, ${num(x.closed, ru)} closed`}${zero(x)})`).join(', ');
  const first = a.stages[0]!;
  // A stage only at a probability of 0% (none of its deals shown closed) looks lost: the example names it so.
  const example = `status: { "${first.stage}": ${first.closed === 0 && (first.zero ?? 0) > 0 ? 'lost' : 'won'} }`;
  // Deals a closed flag marks closed are counted lost, not open: said so, as «Оплачено» counted lost is a wrong number too.
  const lost = a.stages.some((x) => x.lost > 0);
  const anyZero = a.stages.some((x) => (x.zero ?? 0) > 0);
  // crm-audit map offers each of them (those only at 0% with open as the guess, unless the name says lost).
  const map = ru ? '; crm-audit map спросит о каждом' : '; crm-audit map asks about each';
  // Stages only at 0% (none of their deals shown closed) are not said to be closed: an early open stage may be at 0% too.
  const onlyZero = a.stages.every((x) => x.closed === 0);
  const why = onlyZero
    ? ru ? 'хотя у большинства их сделок вероятность 0%, как у проигранного этапа (но так бывает и у раннего открытого)' : 'though most of their deals are at a probability of 0%, as a lost stage\'s are (an early open stage\'s may be too)'
    : ru ? `хотя большинство их сделок закрыто${anyZero ? ' или с вероятностью 0%' : ''}` : `though most of their deals are closed${anyZero ? ' or at a probability of 0%' : ''}`;
  return ru
    ? `${a.file}: этапы, которых не знает ни одно правило, посчитаны открытыми${lost ? ' (а их сделки, закрытые по флагу, — проигранными)' : ''}, ${why}: ${list(['«', '»'])}. Если это выигрыш или проигрыш, назовите их в файле --map (${example})${map}.`
    : `${a.file}: stages no rule knows are counted as open${lost ? ' (their deals the closed flag marks closed, as lost)' : ''} ${why}: ${list(['"', '"'])}. If they are won or lost, name them in a --map file (${example})${map}.`;
}

/** The columns read that the sheet hides (hidden-columns): each by its header, letter and field. */
function hiddenColumnsText(a: Extract<Alert, { code: 'hidden-columns' }>, ru: boolean): string {
  const one = a.columns.length === 1;
  const list = a.columns.map((c) => (ru ? `«${c.header}» (колонка ${c.column}, поле ${c.field})` : `"${c.header}" (column ${c.column}, field ${c.field})`)).join(', ');
  return ru
    ? `${a.file}: на листе «${a.sheet}» ${one ? 'колонка' : 'колонки'} ${list} ${one ? 'скрыта' : 'скрыты'} в Excel, но ${one ? 'прочитана' : 'прочитаны'}: в отчёт вошли значения, которых в таблице не видно. Если ${one ? 'её' : 'их'} читать не нужно, удалите ${one ? 'её' : 'их'} из файла или назовите нужные колонки в файле --map (crm-audit inspect покажет колонки).`
    : `${a.file}: the ${one ? 'column' : 'columns'} ${list} of the sheet "${a.sheet}" ${one ? 'is' : 'are'} hidden in Excel, but read: the report holds values nobody sees in the table. If ${one ? 'it is' : 'they are'} not to be read, delete ${one ? 'it' : 'them'} from the file or name the right columns in a --map file (crm-audit inspect lists the columns).`;
}

/** A deals file's custom fields, none read as the loss reason (custom-fields): named, with the --map line. */
function customFieldsText(a: Extract<Alert, { code: 'custom-fields' }>, ru: boolean): string {
  const list = a.columns.map((c) => (ru ? `«${c}»` : `"${c}"`)).join(', ');
  const more = a.more ? (ru ? ` и ещё ${num(a.more, ru)}` : ` and ${num(a.more, ru)} more`) : '';
  const snippet = `deals: columns: { loss_reason: ${JSON.stringify(a.columns[0])} }`;
  return ru
    ? `${a.file}: причины отказа нет ни в одной известной колонке, а пользовательские поля CRM (${list}${more}) программа не читает: что в них, знает только портал. Если в одном из них причина отказа, назовите его в файле --map: «${snippet}» — тогда причины отказа будут посчитаны.`
    : `${a.file}: no known column holds the loss reason, and the CRM's custom fields (${list}${more}) are not read: only the portal knows what they hold. If one of them is the loss reason, name it in a --map file: "${snippet}", and the loss reasons are counted.`;
}

/** Money columns read in the thousands or millions their headers name (money-scale): each with how «1 500» reads. */
function moneyScaleText(a: Extract<Alert, { code: 'money-scale' }>, ru: boolean): string {
  const list = a.columns
    .map((c) => {
      const unit = c.scale === 1_000 ? (ru ? 'в тысячах' : 'in thousands') : ru ? 'в миллионах' : 'in millions';
      return ru ? `«${c.header}» — ${unit}: 1 500 → ${num(1_500 * c.scale, true)}` : `"${c.header}" ${unit}: 1,500 → ${num(1_500 * c.scale, false)}`;
    })
    .join('; ');
  return ru
    ? `${a.file}: суммы прочитаны в единицах, которые называет заголовок колонки: ${list}. Если колонка на самом деле не в тысячах и не в миллионах, уберите эти слова из заголовка.`
    : `${a.file}: the amounts are read in the unit the column's header names: ${list}. If the column is not in thousands or millions after all, take those words out of its header.`;
}

/** Other sheets of a workbook with a header of the kind read: not read, each named with its rows, and the two fixes. */
function otherSheetsText(a: Extract<Alert, { code: 'other-sheets' }>, ru: boolean): string {
  const one = a.sheets.length === 1;
  const first = a.sheets[0]?.sheet ?? '';
  if (ru) {
    const list = a.sheets.map((s) => `«${s.sheet}»${s.hidden ? ' (скрытый)' : ''} — ${num(s.rows, ru)} ${plural(s.rows, 'строка', 'строки', 'строк')}`).join(', ');
    return `${a.file}: прочитан только лист «${a.sheet}», а в книге есть ещё ${one ? 'лист' : 'листы'} с заголовком того же вида: ${list}; ${one ? 'он не прочитан' : 'они не прочитаны'}. Чтобы прочитать другой лист, укажите --sheet "${first}"; чтобы посчитать всё вместе, объедините листы в один.`;
  }
  const list = a.sheets.map((s) => `"${s.sheet}"${s.hidden ? ' (hidden)' : ''}, ${num(s.rows, ru)} ${s.rows === 1 ? 'row' : 'rows'}`).join('; ');
  return `${a.file}: only the sheet "${a.sheet}" was read, and the workbook has ${one ? 'another sheet' : 'other sheets'} with a header of the same kind: ${list}; ${one ? 'it is' : 'they are'} not read. To read another sheet, pass --sheet "${first}"; to count them together, join the sheets into one.`;
}

/** Talk of more than 24 hours on one day: a duration column misread, and the two fixes. */
function talkOverDayText(a: Extract<Alert, { code: 'talk-over-day' }>, ru: boolean): string {
  const lang = ru ? 'ru' : 'en';
  const hours = (minutes: number) => num(Math.round(minutes / 6) / 10, ru);
  const list = a.managers.map((m) => (ru ? `«${m.manager}» — ${hours(m.minutes)} ч за ${day(m.day, lang)}` : `"${m.manager}", ${hours(m.minutes)} h on ${m.day}`)).join(', ');
  const more = a.more ? (ru ? ` и ещё ${num(a.more, ru)}` : ` and ${num(a.more, ru)} more`) : '';
  const column = a.column ?? (ru ? 'Длительность' : 'Duration');
  const q = ru ? `«${column}»` : `"${column}"`;
  return ru
    ? `${a.file}: разговоров за один день больше 24 часов, чего не бывает: ${list}${more}. Вероятно, длительности в колонке ${q} прочитаны не так: Excel, пересохранив файл, записывает минуты и секунды «05:23» как часы «5:23:00», или колонка в других единицах; или строки журнала повторены (один звонок записан несколько раз: проверьте, нет ли у менеджера в этот день множества звонков в одну и ту же минуту). Минуты разговоров ${a.managers.length === 1 && !a.more ? 'этого менеджера' : 'этих менеджеров'} и отдела завышены. Выгрузите журнал заново, не пересохраняя его в Excel (или задайте колонке текстовый формат); ${a.ms ? `её длинные звонки — целые числа, которые в миллисекундах — обычные звонки: если колонка в миллисекундах, назовите единицу в файле --map: «activities: units: { ${JSON.stringify(column)}: ms }»` : `если колонка в других единицах, назовите их в файле --map: «activities: units: { ${JSON.stringify(column)}: s }»`} (единица — ${UNITS.ru}).`
    : `${a.file}: more than 24 hours of talk in one day, which no day holds: ${list}${more}. The durations in column ${q} are probably misread: Excel, re-saving the file, writes minutes and seconds "05:23" as hours "5:23:00", or the column is in another unit; or the log's rows are repeated (one call written several times: look for many calls of the manager at the same minute that day). Talk minutes of ${a.managers.length === 1 && !a.more ? 'this manager' : 'these managers'} and of the department read high. Export the log again without re-saving it in Excel (or format the column as text); ${a.ms ? `its long calls are whole numbers, which as milliseconds are ordinary calls: if the column is in milliseconds, name the unit in a --map file: "activities: units: { ${JSON.stringify(column)}: ms }"` : `if the column is in another unit, name it in a --map file: "activities: units: { ${JSON.stringify(column)}: s }"`} (the unit: ${UNITS.en}).`;
}

/** Half or more of the answered calls last an hour or more, as whole numbers read as seconds: milliseconds, and the --map line. */
function callHoursText(a: Extract<Alert, { code: 'call-hours' }>, ru: boolean): string {
  const hours = num(Math.round(Number(a.example) / 360) / 10, ru);
  const seconds = num(Math.round(Number(a.example) / 100) / 10, ru);
  const snippet = `activities: units: { ${JSON.stringify(a.column)}: ms }`;
  return ru
    ? `${a.file}: ${num(a.long, ru)} из ${num(a.calls, ru)} ${ofMany(a.calls, 'отвеченного звонка', 'отвеченных звонков')} ${plural(a.long, 'длится', 'длятся', 'длятся')} час и дольше, если читать колонку «${a.column}» в секундах (например, «${a.example}» — ${hours} ч): у звонков продаж так не бывает, и минуты разговоров завышены. Вероятно, длительности в миллисекундах («${a.example}» — ${seconds} с). Если так, назовите единицу в файле --map: «${snippet}» (единица — ${UNITS.ru}).`
    : `${a.file}: ${num(a.long, ru)} of ${num(a.calls, ru)} answered calls last an hour or more when column "${a.column}" is read in seconds (e.g. "${a.example}", ${hours} h): sales calls do not, and the talk minutes read high. The durations are probably in milliseconds ("${a.example}" is ${seconds} s). If so, name the unit in a --map file: "${snippet}" (the unit: ${UNITS.en}).`;
}

/** Nearly every answered call is a clock of no minutes (`00:05`), under a minute as minutes and seconds: perhaps hours and minutes, and the --map line. */
function clockMinutesText(a: Extract<Alert, { code: 'clock-minutes' }>, ru: boolean): string {
  const snippet = `activities: units: { ${JSON.stringify(a.column)}: hhmm }`;
  const minutes = Number(a.example.split(':')[1]);
  return ru
    ? `${a.file}: ${num(a.short, ru)} из ${num(a.calls, ru)} ${ofMany(a.calls, 'отвеченного звонка', 'отвеченных звонков')} короче минуты, если читать колонку «${a.column}» как минуты и секунды (например, «${a.example}» — ${num(minutes, ru)} с): у звонков продаж так не бывает, и минуты разговоров занижены. Вероятно, длительности записаны как часы и минуты, как в Pipedrive («${a.example}» — ${num(minutes, ru)} мин). Если так, назовите единицу в файле --map: «${snippet}» (единица — ${UNITS.ru}).`
    : `${a.file}: ${num(a.short, ru)} of ${num(a.calls, ru)} answered calls last under a minute when column "${a.column}" is read as minutes and seconds (e.g. "${a.example}", ${num(minutes, ru)} s): sales calls do not, and the talk minutes read low. The durations are probably hours and minutes, as Pipedrive writes them ("${a.example}" is ${num(minutes, ru)} min). If so, name the unit in a --map file: "${snippet}" (the unit: ${UNITS.en}).`;
}

/** Nearly every answered call lasts under a second as seconds: a workbook's time saved as a fraction of a day, and the --map line. */
function dayFractionsText(a: Extract<Alert, { code: 'day-fractions' }>, ru: boolean): string {
  const snippet = `activities: units: { ${JSON.stringify(a.column)}: day }`;
  const seconds = Math.round(Number(a.example.replace(',', '.')) * 86_400);
  return ru
    ? `${a.file}: ${num(a.short, ru)} из ${num(a.calls, ru)} ${ofMany(a.calls, 'отвеченного звонка', 'отвеченных звонков')} короче секунды, если читать колонку «${a.column}» в секундах (например, «${a.example}»): так не бывает, и минуты разговоров почти нулевые. Вероятно, это время Excel без формата — доля суток («${a.example}» — ${num(seconds, ru)} с). Если так, назовите единицу в файле --map: «${snippet}» (или задайте колонке в Excel формат времени [ч]:мм:сс).`
    : `${a.file}: ${num(a.short, ru)} of ${num(a.calls, ru)} answered calls last under a second when column "${a.column}" is read in seconds (e.g. "${a.example}"): no call does, and the talk minutes are near zero. It is probably an Excel time that lost its format, a fraction of a day ("${a.example}" is ${num(seconds, ru)} s). If so, name the unit in a --map file: "${snippet}" (or give the column Excel's [h]:mm:ss time format).`;
}

/** An outcome alert of one period of a comparison (T39 F19: a «до» export filtered to won deals said nothing): the period, then the alert's words. */
function periodOutcomeText(a: Extract<Alert, { code: 'no-outcome' | 'one-outcome' }>, which: 'before' | 'after', lang: string): string {
  const { which: _, ...whole } = a;
  const text = describeAlert(whole, lang);
  const lead = lang === 'ru' ? `В периоде «${which === 'before' ? 'до' : 'после'}»: ` : `In the ${which} period: `;
  return lead + text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * A comparison's period whose won deals have no amount, in a file with an amount column (T39 F18): its
 * revenue reads 0, so payback and ROI, a gain over it, are not computed.
 */
function periodNoAmountText(a: Extract<Alert, { code: 'won-no-amount' }>, which: 'before' | 'after', ru: boolean): string {
  const file = a.file === undefined ? '' : `${a.file}: `;
  return ru
    ? `${file}в периоде «${which === 'before' ? 'до' : 'после'}» ни у одной из ${num(a.won, ru)} ${plural(a.won, 'выигранной сделки', 'выигранных сделок', 'выигранных сделок')} нет суммы: выручка периода 0, средний чек не посчитан, а прирост от выручки, взятой как 0, — не прирост: окупаемость и ROI от него не считаются. Заполните суммы в выгрузке или, если сумма в другой колонке, назовите её в файле --map (columns: { amount: "Колонка" }).`
    : `${file}in the ${which} period none of the ${num(a.won, ru)} won ${a.won === 1 ? 'deal has' : 'deals has'} an amount: the period's revenue is 0, its average check is not computed, and a gain from a revenue taken as 0 is no gain: payback and ROI are not computed from it. Fill the amounts in the export or, if the amount is in another column, name it in a --map file (columns: { amount: "Column" }).`;
}

/** Every deal won or every one lost: the export was most likely filtered by stage. */
function oneOutcomeText(a: Extract<Alert, { code: 'one-outcome' }>, ru: boolean): string {
  const won = a.outcome === 'won';
  const n = num(a.deals, ru);
  if (ru) {
    const stage = won ? '«Успешно реализовано» в amoCRM, «Сделка успешна» в Bitrix24' : '«Закрыто и не реализовано» в amoCRM, «Сделка провалена» в Bitrix24';
    const figures = won ? 'конверсия и доля побед — 100%' : 'конверсия, доля побед и выручка — нули';
    return `${won ? 'Выиграны' : 'Проиграны'} все сделки (${n}): ни одной ${won ? 'проигранной' : 'выигранной'} и ни одной открытой, и ${figures} уже по построению, а не по работе отдела. Вероятно, выгрузка отфильтрована по этапу (${stage}). Выгрузите все сделки периода, без фильтра по этапу.`;
  }
  const stage = won ? '"Успешно реализовано" in amoCRM, "Сделка успешна" in Bitrix24' : '"Закрыто и не реализовано" in amoCRM, "Сделка провалена" in Bitrix24';
  const figures = won ? 'conversion and win rate are 100%' : 'conversion, win rate and revenue are zero';
  return `All ${n} deals are ${a.outcome}: none is ${won ? 'lost' : 'won'} or open, so ${figures} by construction, not by the team's work. The export was probably filtered by stage (${stage}). Export every deal of the period, with no stage filter.`;
}

/** A file that ends mid-row: its last row short of cells and without a line end. */
function lastRowCut(a: Extract<Alert, { code: 'last-row-cut' }>, ru: boolean): string {
  return ru
    ? `${a.file}: файл обрывается на строке ${a.row}: в ней ${num(a.cells, ru)} ${plural(a.cells, 'ячейка', 'ячейки', 'ячеек')} из ${num(a.width, ru)} и нет перевода строки, хотя остальные строки полные. Похоже, файл скачан не до конца: значения этой строки могут быть обрезаны, а строк после неё в файле нет. Скачайте выгрузку заново.`
    : `${a.file}: the file ends in the middle of row ${a.row}: it has ${num(a.cells, ru)} of ${num(a.width, ru)} cells and no line end, while every other row is whole. The download was probably cut off: that row's values may be cut short, and any rows after it are missing. Download the export again.`;
}

/** An HTML export that ends inside its data table: cut off in transfer, or its markup broken after the last row read. */
function htmlTableCut(a: Extract<Alert, { code: 'html-table-cut' }>, ru: boolean): string {
  return ru
    ? `${a.file}: документ обрывается внутри таблицы: после строки ${a.row} нет закрывающего тега </table>. Похоже, файл скачан не до конца или разметка после этой строки испорчена (незакрытый «<!--» или «<script>»): прочитаны строки до ${a.row}-й, значения последней могут быть обрезаны, а строк после неё, если они были, в отчёте нет. Скачайте выгрузку заново.`
    : `${a.file}: the document ends inside its table: there is no closing </table> after row ${a.row}. The download was probably cut off, or the markup after that row is broken (an unclosed "<!--" or "<script>"): rows up to ${a.row} were read, the last one's values may be cut short, and any rows after it are missing from the report. Download the export again.`;
}

/** A few rows with fewer cells than the header amid whole ones: read with their last cells empty. */
function shortRowsText(a: Extract<Alert, { code: 'short-rows' }>, ru: boolean): string {
  const first = ru ? `строка ${a.row}: ${num(a.cells, ru)} ${plural(a.cells, 'ячейка', 'ячейки', 'ячеек')} из ${num(a.width, ru)}` : `row ${a.row}: ${num(a.cells, ru)} of ${num(a.width, ru)} cells`;
  return ru
    ? `${a.file}: ${a.count === 1 ? 'в одной строке' : `в ${num(a.count, ru)} ${plural(a.count, 'строке', 'строках', 'строках')}`} меньше ячеек, чем колонок в заголовке, хотя остальные строки полные (${a.count === 1 ? '' : 'первая — '}${first}). ${a.count === 1 ? 'Её последние колонки прочитаны' : 'Их последние колонки прочитаны'} пустыми. Так бывает, когда строку обрезали или склеили при копировании: проверьте ${a.count === 1 ? 'её' : 'их'} в файле или выгрузите файл заново.`
    : `${a.file}: ${a.count === 1 ? 'one row has' : `${num(a.count, ru)} rows have`} fewer cells than the header has columns, while the other rows are whole (${a.count === 1 ? '' : 'the first: '}${first}). ${a.count === 1 ? 'Its' : 'Their'} last columns were read as empty. This happens when a row is cut or joined in copying: check ${a.count === 1 ? 'it' : 'them'} in the file, or export the file again.`;
}

/** A grouped report's blank grouping cells read as the row above: what was read so, and why. */
function sameAsAbove(a: Extract<Alert, { code: 'same-as-above' }>, ru: boolean): string {
  const columns = a.columns.map((c) => (ru ? `«${c}»` : `"${c}"`)).join(', ');
  return ru
    ? `${a.file}: отчёт сгруппирован (в нём есть строки промежуточных итогов), и в ${num(a.rows, ru)} ${plural(a.rows, 'строке', 'строках', 'строках')} под первой строкой группы ${a.columns.length === 1 ? 'пуста колонка' : 'пусты колонки'} ${columns}: ${plural(a.rows, 'строка прочитана', 'строки прочитаны', 'строки прочитаны')} со значением строки выше, как объединённая ячейка (Salesforce пишет значение группы один раз). Если пустота там означает «нет менеджера», выгрузите отчёт без группировки.`
    : `${a.file}: the report is grouped (it has subtotal rows), and ${num(a.rows, ru)} ${a.rows === 1 ? 'row leaves' : 'rows leave'} ${columns} blank under the group's first row: read with the value of the row above, as a merged cell is (Salesforce writes a group's value once). If a blank there means no manager, export the report without grouping.`;
}

/** Deals rows amid the deals that have no id: dropped as the spec says, and what that means. */
function idlessDeals(a: Extract<Alert, { code: 'idless-deals' }>, lang: string): string {
  const ru = lang === 'ru';
  return ru
    ? `${a.file}: ${num(a.rows, ru)} ${plural(a.rows, 'строка', 'строки', 'строк')} среди сделок без ID, но с менеджером и датой создания: ${plural(a.rows, 'отброшена', 'отброшены', 'отброшены')}, как строки без ID, и в показатели не ${plural(a.rows, 'вошла', 'вошли', 'вошли')}. Если это сделки, выгрузите их заново с колонкой ID.`
    : `${a.file}: ${num(a.rows, ru)} ${a.rows === 1 ? 'row' : 'rows'} amid the deals ${a.rows === 1 ? 'has' : 'have'} no id but a manager and a creation date: dropped as rows without an id, and not counted. If they are deals, export them again with the ID column.`;
}

/**
 * Deal ids that lost their last digits: different deals read the same id, so each such row was
 * counted as a deal of its own (never merged by it); activities cannot link to them by id; and the fix.
 */
function idsLostDigits(a: Extract<Alert, { code: 'ids-lost-digits' }>, ru: boolean): string {
  const links = a.activities
    ? ru
      ? ` Действия из ${a.activities} называют сделку по id и с этими сделками не связываются: их касаний и ответов в отчёте нет.`
      : ` The activities in ${a.activities} name their deal by id and cannot link to these deals: their touches and responses are missing from the report.`
    : '';
  return ru
    ? `${a.file}: у ${num(a.rows, ru)} ${plural(a.rows, 'id сделки', 'id сделок', 'id сделок')} в колонке «${a.column}» потеряны последние цифры (например, ${a.example}): так Excel сохраняет длинное число, и у разных сделок такой id одинаковый. Каждая такая строка посчитана отдельной сделкой, по id они не объединялись.${links} Выгрузите сделки из CRM заново, не пересохраняя файл в Excel, или перед сохранением задайте колонке id текстовый формат.`
    : `${a.file}: ${num(a.rows, ru)} deal ${a.rows === 1 ? 'id' : 'ids'} in column "${a.column}" lost ${a.rows === 1 ? 'its' : 'their'} last digits (${a.example}, say): Excel saves a long number so, and different deals read the same id. Each such row was counted as a deal of its own, none merged by its id.${links} Export the deals again from the CRM without re-saving the file in Excel, or format the id column as text before saving.`;
}

/** Amounts a spreadsheet wrote in its scientific form: read as written, so maybe rounded to the digits the form kept; and the fix. */
function amountsLostDigits(a: Extract<Alert, { code: 'amounts-lost-digits' }>, ru: boolean): string {
  const columns = a.columns.map((c) => (ru ? `«${c}»` : `"${c}"`)).join(', ');
  return ru
    ? `${a.file}: ${num(a.count, ru)} ${plural(a.count, 'сумма', 'суммы', 'сумм')} в ${a.columns.length === 1 ? 'колонке' : 'колонках'} ${columns} ${plural(a.count, 'записана', 'записаны', 'записаны')} в экспоненциальном виде (например, «${a.example}»): так Excel показывает число, которое не помещается в ширину колонки, и так же сохраняет его в CSV, отбрасывая последние цифры. Такие суммы прочитаны как записаны и могут быть округлены. Выгрузите файл заново, не пересохраняя его в Excel, или перед сохранением расширьте колонку либо задайте ей числовой формат.`
    : `${a.file}: ${num(a.count, ru)} ${a.count === 1 ? 'amount' : 'amounts'} in ${a.columns.length === 1 ? 'column' : 'columns'} ${columns} ${a.count === 1 ? 'is' : 'are'} in scientific form ("${a.example}", say): Excel shows a number too wide for its column so and saves it so to CSV, dropping its last digits. Such amounts were read as written and may be rounded. Export the file again without re-saving it in Excel, or widen the column or give it a number format before saving.`;
}

/**
 * Client numbers a spreadsheet wrote in its scientific form with their last digits gone: different
 * clients read the same, so each such cell was read as no client; what that costs, and the fix.
 */
function clientsLostDigits(a: Extract<Alert, { code: 'clients-lost-digits' }>, ru: boolean): string {
  const columns = a.columns.map((c) => (ru ? `«${c}»` : `"${c}"`)).join(', ');
  const one = a.columns.length === 1;
  const cost = a.kind === 'deals'
    ? ru
      ? 'Такие сделки прочитаны без клиента: в повторных продажах они не учтены, и звонки по этим номерам с ними не связываются.'
      : 'Such deals were read with no client: they count in no repeat sale, and calls from these numbers do not link to them.'
    : ru
      ? 'Такие действия прочитаны без клиента: по номеру они со сделками не связываются и в перезвонах не учтены.'
      : 'Such activities were read with no client: they do not link to deals by the number and count in no callback.';
  return ru
    ? `${a.file}: ${num(a.count, ru)} ${plural(a.count, 'номер', 'номера', 'номеров')} в ${one ? 'колонке' : 'колонках'} ${columns} ${plural(a.count, 'записан', 'записаны', 'записаны')} в экспоненциальном виде без последних цифр (например, «${a.example}»): так Excel сохраняет длинное число, и разные номера становятся одинаковыми. ${cost} Выгрузите файл заново, не пересохраняя его в Excel, или перед сохранением задайте ${one ? 'колонке' : 'колонкам'} текстовый формат.`
    : `${a.file}: ${num(a.count, ru)} ${a.count === 1 ? 'number' : 'numbers'} in ${one ? 'column' : 'columns'} ${columns} ${a.count === 1 ? 'is' : 'are'} in scientific form with the last digits gone ("${a.example}", say): Excel saves a long number so, and different numbers read the same. ${cost} Export the file again without re-saving it in Excel, or format the ${one ? 'column' : 'columns'} as text before saving.`;
}

function threeDecimals(a: Extract<Alert, { code: 'three-decimals' }>, lang: string): string {
  const comma = a.example.includes(',');
  const ru = lang === 'ru';
  const values = ru ? `${num(a.count, ru)} ${plural(a.count, 'значение', 'значения', 'значений')}` : `${num(a.count, ru)} ${a.count === 1 ? 'value' : 'values'}`;
  return ru
    ? `${a.file}: в колонке «${a.column}» ${values} вроде «${a.example}» ${a.count === 1 ? 'прочитано' : 'прочитаны'} как ${money(a.read, lang)}: ${comma ? 'запятая' : 'точка'} в этой колонке — десятичный знак, как показывает «${a.decidedBy}» в ней же. У денег не бывает трёх знаков после ${comma ? 'запятой' : 'точки'}: похоже, в колонке два формата. Если «${a.example}» — это тысячи, исправьте такие значения в файле (без ${comma ? 'запятой' : 'точки'}) и запустите снова.`
    : `${a.file}: in column "${a.column}", ${values} like "${a.example}" ${a.count === 1 ? 'was' : 'were'} read as ${money(a.read, lang)}: the ${comma ? 'comma' : 'dot'} is this column's decimal mark, as "${a.decidedBy}" in it shows. Money has no three decimals: the column probably mixes two formats. If "${a.example}" means thousands, fix such values in the file (without the ${comma ? 'comma' : 'dot'}) and run again.`;
}

/** Rows under a repeated deal id that are another deal (another manager or status): the first row is kept, so they are not counted. */
function repeatedIds(a: Extract<Alert, { code: 'repeated-ids-differ' }>, ru: boolean): string {
  return ru
    ? `${a.file}: ${num(a.rows, ru)} ${plural(a.rows, 'строка повторяет', 'строки повторяют', 'строк повторяют')} id сделки с другим менеджером или статусом (например, id ${a.id}); в расчёт вошла только первая строка каждого id. Проверьте, что колонка id — это id сделки (а не контакта или компании) и что в выгрузке нет дублей.`
    : `${a.file}: ${num(a.rows, ru)} ${a.rows === 1 ? 'row repeats' : 'rows repeat'} a deal id with another manager or status (id ${a.id}, say); only the first row of each id is counted. Check that the id column is the deal's id (not a contact's or a company's) and that the export holds no duplicates.`;
}

/**
 * What looks wrong in a comparison's periods: the before and after sets cover some of the same days
 * (those days' deals are in both), or a period too short for per-month figures.
 */
function periodsText(a: Extract<Alert, { code: 'periods-overlap' | 'short-period' | 'period-without-activities' }>, lang: string): string {
  const span = (p: { from: string; to: string }) => `${day(p.from, lang)} — ${day(p.to, lang)}`;
  if (a.code === 'period-without-activities') {
    // The rows' reason names --activities, the option of one set of files: the period and its own option are said here.
    return lang === 'ru'
      ? `У периода «${a.which === 'before' ? 'до' : 'после'}» нет файла активностей (--${a.which}-activities): его звонки, касания и реакция не рассчитаны, и в сравнении эти строки пусты.`
      : `The ${a.which} period has no activities file (--${a.which}-activities): its calls, touches and responses are not computed, and those rows of the comparison are empty.`;
  }
  if (a.code === 'short-period') {
    return lang === 'ru'
      ? `Период «${a.which === 'before' ? 'до' : 'после'}» (${span(a)}) — всего ${a.days} ${plural(a.days, 'день', 'дня', 'дней')}: показатели в месяц растянуты с нескольких дней на месяц и ненадёжны. ${a.files ? 'Выгрузите за этот период хотя бы две недели.' : 'Возьмите дату внедрения так, чтобы в каждом периоде было хотя бы две недели.'}`
      : `The ${a.which} period (${span(a)}) is only ${a.days} ${a.days === 1 ? 'day' : 'days'}: its per-month figures stretch a few days to a month and are not reliable. ${a.files ? 'Export at least two weeks for it.' : 'Choose a cutover that leaves at least two weeks on each side.'}`;
  }
  return overlapText(a, lang, span);
}

/**
 * Two sets whose periods share days: how many deals (by id) both files hold, each counted in both
 * periods; none, and the spans overlap with no deal counted twice (a tester: «counted in both» was
 * said of files that share no deal, and no number was given of files that share eight).
 */
function overlapText(a: Extract<Alert, { code: 'periods-overlap' }>, lang: string, span: (p: { from: string; to: string }) => string): string {
  const ru = lang === 'ru';
  const head = ru ? `Периоды пересекаются: «до» ${span(a.before)}, «после» ${span(a.after)}` : `The periods overlap: before ${span(a.before)}, after ${span(a.after)}`;
  const fix = ru ? 'Выгрузите периоды без общих дней или дайте один файл с --cutover.' : 'Export periods that share no day, or give one file with --cutover.';
  if (a.shared === undefined) return ru ? `${head}; сделки общих дней вошли в оба периода, и изменения занижены. ${fix}` : `${head}; the deals of the shared days are in both periods, and the changes read smaller. ${fix}`;
  if (a.shared === 0) {
    return ru
      ? `${head}; ни одного id сделки нет в обоих файлах, так что дважды ни одна сделка не посчитана, но «до» заходит на время «после»: это сравнение не до и после одной даты. ${fix}`
      : `${head}; no deal id is in both files, so no deal is counted twice, but "before" runs into the time of "after": this is no comparison of before and after one date. ${fix}`;
  }
  const n = num(a.shared, ru);
  return ru
    ? `${head}; ${n} ${plural(a.shared, 'сделка', 'сделки', 'сделок')} с тем же id есть в обоих файлах и ${plural(a.shared, 'вошла', 'вошли', 'вошли')} в оба периода, и изменения занижены. ${fix}`
    : `${head}; ${n} ${pluralEn(a.shared, 'deal', 'deals')} with the same id ${pluralEn(a.shared, 'is', 'are')} in both files and counted in both periods, and the changes read smaller. ${fix}`;
}

/**
 * A period's deals the activities file barely covers (created before its first activity or after its
 * last), or a period with no activity dated in it at all: its responses and touches mean nothing.
 */
function outsideDealsText(a: Extract<Alert, { code: 'activities-outside-deals' }>, lang: string): string {
  const ru = lang === 'ru';
  const span = (p: { from: string; to: string }) => `${day(p.from, lang)} — ${day(p.to, lang)}`;
  const n = a.deals.count;
  if (ru) {
    const of = a.which ? ` периода «${a.which === 'before' ? 'до' : 'после'}»` : '';
    const early = `${num(a.early, ru)} ${plural(a.early, 'создана', 'созданы', 'созданы')} больше чем за неделю до первого действия`;
    const parts = [a.early > 0 && early, a.late > 0 && (a.early > 0 ? `${num(a.late, ru)} — после последнего` : `${num(a.late, ru)} ${plural(a.late, 'создана', 'созданы', 'созданы')} после последнего действия`)].filter(Boolean).join(', ');
    const detail = parts === '' ? '' : `: из ${num(n, ru)} ${plural(n, 'сделки', 'сделок', 'сделок')} ${parts}`;
    const tail = a.none
      ? `. Ни одно действие не датировано этим периодом: время реакции, касания, «без ответа», доля пропущенных и перезвоны${of} не рассчитаны.`
      : `. Ответ на такие сделки может найтись только в действиях намного позже или не найтись вовсе: время реакции и касания${of} не имеют смысла.`;
    return `${a.file}: действия в файле датированы ${span(a.activities)}, а сделки${of} созданы ${span(a.deals)}${detail}${tail} Выгрузите действия за те же даты, что и сделки.`;
  }
  const of = a.which ? ` of the ${a.which} period` : '';
  const parts = [a.early > 0 && `${num(a.early, ru)} ${pluralEn(a.early, 'was', 'were')} created more than a week before the first activity`, a.late > 0 && (a.early > 0 ? `${num(a.late, ru)} after the last` : `${num(a.late, ru)} ${pluralEn(a.late, 'was', 'were')} created after the last activity`)].filter(Boolean).join(', ');
  const detail = parts === '' ? '' : `: of the ${num(n, ru)} ${pluralEn(n, 'deal', 'deals')}, ${parts}`;
  const tail = a.none
    ? `. No activity is dated within that period: its response times, touches, "no response", missed share and callback rate are not computed.`
    : `. Such deals can find a response only in activities long after them, or none: the response times and touches${of} are not meaningful.`;
  return `${a.file}: the activities are dated ${span(a.activities)}, the deals${of} were created ${span(a.deals)}${detail}${tail} Export the activities for the same dates as the deals.`;
}

/** Months `YYYY-MM` as a reader of the language writes them: `01.2025` in Russian. */
function months(list: readonly string[], lang: string): string {
  return list.map((m) => (lang === 'ru' ? `${m.slice(5)}.${m.slice(0, 4)}` : m)).join(', ');
}

/** Money as a reader of the language writes it, to the kopeck when there are any. */
/** Every row of an activities file dropped for what it is: the activities' zeros are the file's. */
function allDroppedText(a: Extract<Alert, { code: 'activities-all-dropped' }>, lang: string): string {
  const ru = lang === 'ru';
  const why = a.reasons.map((r) => `${rowReason(r.reason, lang)}: ${num(r.count, ru)}`).join('; ');
  return ru
    ? `${a.file}: ни одного действия не прочитано — ${plural(a.rows, 'отброшена', 'отброшены', 'отброшены')} все ${num(a.rows, ru)} ${plural(a.rows, 'строка', 'строки', 'строк')} (${why}). Касания, звонки и реакция в отчёте — нули этого файла, а не работы отдела. Выгрузите действия, которые состоялись: журнал звонков, встречи (в Odoo — календарь и журнал звонков VoIP, а запланированные действия в выгрузку не годятся).`
    : `${a.file}: no activity was read — all ${num(a.rows, ru)} rows were dropped (${why}). The report's touches, calls and responses are this file's zeros, not the team's work. Export the activities that took place: a call log, the meetings (in Odoo: the calendar and the VoIP call log; its scheduled activities will not do).`;
}

/** Won deals some of which lack an amount, or a close date on or after their creation: how many, and what the metric rests on. */
function wonPartlyBareText(a: Extract<Alert, { code: 'won-partly-bare' }>, ru: boolean): string {
  const have = a.won - a.without;
  const of = ru ? `У ${num(a.without, ru)} из ${num(a.won, ru)} ${plural(a.won, 'выигранной сделки', 'выигранных сделок', 'выигранных сделок')}` : `${num(a.without, ru)} of the ${num(a.won, ru)} won deals have`;
  const rest = ru ? `${num(have, ru)} ${plural(have, 'сделке', 'сделкам', 'сделкам')}` : `${num(have, ru)} ${have === 1 ? 'deal' : 'deals'}`;
  if (a.what === 'amount') {
    return ru
      ? `${of} нет суммы: выручка занижена, средний чек посчитан по ${rest}. Вероятно, в CRM сумму заполняют не всегда или она в другой колонке (crm-audit inspect покажет колонки; файл --map назовёт её: columns: { amount: "Колонка" }).`
      : `${of} no amount: revenue is understated and the average check rests on ${rest}. The CRM's users probably leave the amount empty at times, or it is in another column (crm-audit inspect lists the columns; a --map file names it: columns: { amount: "Column" }).`;
  }
  return ru
    ? `${of} дата закрытия не указана или раньше даты создания: цикл сделки посчитан по ${rest}. Вероятно, в CRM дату закрытия заполняют не всегда или она в другой колонке (crm-audit inspect покажет колонки; файл --map назовёт её: columns: { closed_at: "Колонка" }).`
    : `${of} no close date on or after their creation: the sales cycle rests on ${rest}. The CRM's users probably leave the close date empty at times, or it is in another column (crm-audit inspect lists the columns; a --map file names it: columns: { closed_at: "Column" }).`;
}

/** Won deals with an amount of 0, all or many: what the average check rests on, the CRMs that write an unfilled budget so, and what to do. */
function wonZeroText(a: Extract<Alert, { code: 'won-zero-amount' }>, lang: string): string {
  const ru = lang === 'ru';
  const all = a.zero === a.amounts;
  const average = a.amounts > 0 ? a.revenue / a.amounts : 0;
  const why = ru
    ? 'amoCRM, Kommo и Битрикс24 записывают незаполненный бюджет как 0. Если 0 здесь значит «не заполнен», так и скажите в файле --map: «deals: zero_amount: unfilled» (сумма 0 в средний чек не войдёт, как пустая), или заполните бюджет в CRM.'
    : 'amoCRM, Kommo and Bitrix24 write a budget never filled in as 0. If 0 means not filled in here, say so in a --map file: "deals: zero_amount: unfilled" (an amount of 0 then stays out of the average check, as an empty one does), or fill in the budget in the CRM.';
  if (all) {
    const who = ru
      ? a.amounts === 1 ? 'У единственной выигранной сделки с суммой' : `У всех ${num(a.amounts, ru)} ${plural(a.amounts, 'выигранной сделки', 'выигранных сделок', 'выигранных сделок')} с суммой`
      : a.amounts === 1 ? 'The only won deal with an amount has' : `All ${num(a.amounts, ru)} won deals with an amount have`;
    return ru ? `${who} сумма 0: выручка 0 и средний чек 0, как у отдела, который продавал бесплатно. ${why}` : `${who} an amount of 0: revenue is 0 and the average check 0, as of a team that sold for nothing. ${why}`;
  }
  // The two checks at one precision, the tables' rule: kopecks only below 1 000 («8 292 675» beside «10 799 762,79» read as two kinds of number: a tester).
  const cents = Math.max(Math.abs(average), Math.abs(a.others ?? 0)) < 1000;
  const check = (v: number) => (cents ? money(v, lang) : money(Math.round(v), lang));
  const others = a.others === null ? '' : ru ? `; без них средний чек — ${check(a.others)}` : `; without them it is ${check(a.others)}`;
  return ru
    ? `У ${num(a.zero, ru)} из ${num(a.amounts, ru)} ${ofMany(a.amounts, 'выигранной сделки', 'выигранных сделок')} с суммой сумма 0: средний чек (${check(average)}) считает их продажами за 0${others}. ${why}`
    : `${num(a.zero, ru)} of the ${num(a.amounts, ru)} won deals with an amount have an amount of 0: the average check (${check(average)}) counts them as sales for 0${others}. ${why}`;
}

/** One client on most won deals: a placeholder, most likely, which makes every deal after its first a repeat sale. */
function noClientText(a: Extract<Alert, { code: 'won-no-client' }>, ru: boolean): string {
  const won = num(a.won, ru);
  return ru
    ? `Ни у одной из ${won} ${plural(a.won, 'выигранной сделки', 'выигранных сделок', 'выигранных сделок')} не указан клиент (ячейки пусты, в них заглушка вроде «Без имени» или номер, который Excel записал в экспоненциальной форме, «5,80503E+18», потеряв его последние цифры): повторных продаж 0 не потому, что их не было, а потому, что клиентов не видно. Выгрузите сделки с колонкой, где клиент назван (компания или контакт; файл --map назовёт её: columns: { client: "Колонка" }); номера — заново, не пересохраняя файл в Excel.`
    : `None of the ${won} won deals names a client (the cells are empty, hold a placeholder such as «Без имени», or a number Excel wrote in its scientific form, 5.80503E+18, losing its last digits): repeat sales are 0 because no client can be seen, not because there were none. Export the deals with a column that names the client (the company or the contact; a --map file names it: columns: { client: "Column" }); numbers anew, without re-saving the file in Excel.`;
}

/** A loss-reason column read, and not one lost deal has a reason in it. */
function noReasonText(a: Extract<Alert, { code: 'lost-no-reason' }>, ru: boolean): string {
  const lost = num(a.lost, ru);
  return ru
    ? `Ни у одной из ${lost} ${plural(a.lost, 'проигранной сделки', 'проигранных сделок', 'проигранных сделок')} не указана причина отказа (колонка причины пуста): «не указана» — 100%, и почему сделки проиграны, из выгрузки не узнать. Причины нужно заполнять в CRM при закрытии сделки; если они записаны в другой колонке, назовите её в файле --map: columns: { loss_reason: "Колонка" }.`
    : `None of the ${lost} lost deals gives a loss reason (the reason column is empty): "not given" is 100%, and why the deals were lost cannot be read from the export. Reasons must be filled in the CRM when a deal is closed; if they are in another column, name it in a --map file: columns: { loss_reason: "Column" }.`;
}

/** Activities naming only a client beside others naming a deal: by the spec's rule they belong to no deal. */
function clientLinksDroppedText(a: Extract<Alert, { code: 'client-links-dropped' }>, ru: boolean): string {
  const only = num(a.clientOnly, ru);
  const deal = num(a.withDeal, ru);
  return ru
    ? `${a.file}: ${only} ${plural(a.clientOnly, 'активность названа', 'активности названы', 'активностей названы')} только по клиенту, без сделки, и не ${a.clientOnly === 1 ? 'связана' : 'связаны'} ни с одной сделкой: у ${deal} других сделка указана, а когда она указана хотя бы у одной активности, связь идёт только по сделке. Касания, реакция и доля привязанных звонков посчитаны без них. Если действия записаны на контакты или компании (список событий amoCRM), выгрузите действия по сделкам или файл без колонки сделки: тогда связь пойдёт по клиенту.`
    : `${a.file}: ${only} ${a.clientOnly === 1 ? 'activity names' : 'activities name'} a client and no deal, and ${a.clientOnly === 1 ? 'links' : 'link'} to none: ${deal} others name a deal, and once any activity names one, activities link by deal alone. Touches, responses and the linked share of calls are counted without them. If the actions are logged on contacts or companies (amoCRM's list of events), export the actions on deals, or a file without a deal column: then they link by client.`;
}

/** An Odoo export of won and open opportunities only: the lost ones, archived, were left out of it (tester T73). */
function odooNoLostText(a: Extract<Alert, { code: 'odoo-no-lost' }>, ru: boolean): string {
  const won = `${num(a.won, ru)} ${ru ? 'из' : 'of'} ${num(a.deals, ru)}`;
  const active = a.active ? (ru ? ' (колонка «Активно» — «да» в каждой строке)' : ' (the Active column is True on every row)') : '';
  return ru
    ? `${a.file}: в выгрузке Odoo нет ни одной проигранной сделки${active}, выиграно ${won}. Odoo архивирует проигранную возможность, а списки архивные не показывают: доля побед завышена, причин отказа не видно. Выгрузите сделки заново, добавив в поиске фильтр «Проигранные» (или «Архивные») к остальным, так чтобы в файл попали и активные, и проигранные.`
    : `${a.file}: the Odoo export holds not one lost deal${active}, and ${won} won. Odoo archives a lost opportunity, and its lists leave the archived out: the win rate reads high and no loss reason shows. Export the deals again with the search filter «Lost» (or «Archived») added to the others, so that the file holds the active and the lost ones.`;
}

function oneClientText(a: Extract<Alert, { code: 'one-client' }>, ru: boolean): string {
  const share = `${num(a.deals, ru)} ${ru ? 'из' : 'of'} ${num(a.withClient, ru)}`;
  return ru
    ? `Клиент «${a.client}» указан у ${share} выигранных сделок с клиентом: похоже на заглушку (так CRM пишет контакт или компанию без имени), а не на одного клиента. Все его сделки, кроме самой ранней, посчитаны повторными продажами (повторных продаж: ${num(a.repeatWon, ru)}), и доля повторных завышена. Если это не один клиент, выгрузите сделки с колонкой, где клиент назван (компания или контакт; файл --map назовёт её: columns: { client: "Колонка" }), или очистите заглушку в ячейках; если это действительно один клиент, цифры верны.`
    : `The client "${a.client}" is named by ${share} won deals that name a client: most likely a placeholder (a CRM's contact or company without a name), not one client. Every deal of it but the earliest counts as a repeat sale (repeat sales: ${num(a.repeatWon, ru)}), and the repeat share reads high. If it is not one client, export the deals with a column that names the client (the company or the contact; a --map file names it: columns: { client: "Column" }), or clear the placeholder from the cells; if it really is one client, the figures are right.`;
}

function num(v: number, ru: boolean): string {
  return money(v, ru ? 'ru' : 'en');
}

function money(v: number, lang: string): string {
  // A Russian minus is «−», as the report's other sums write it («(−50)», tester T62 C10).
  const text = v.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 2 }).replace(/\u00a0|\u202f/g, ' ');
  return lang === 'ru' ? text.replace(/^-/, '−') : text;
}

/** A result's warnings in the reader's language: its alerts in words (the English `warnings` of results saved before alerts existed). */
export function warningLines(quality: Pick<DataQuality, 'warnings' | 'alerts'>, lang: string): string[] {
  return quality.alerts ? quality.alerts.map((a) => describeAlert(a, lang)) : quality.warnings;
}
