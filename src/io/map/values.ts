import { wholeSeconds } from '../read/serial.js';
import type { DurationUnit } from './fields.js';
import { daysFromCivil, daysInMonth, fixedDateText } from './calendar.js';
import { INVISIBLE_CLASS } from '../read/edges.js';
import { EXCEL_ERRORS } from '../../core/kpi/placeholder-clients.js';
import { TOO_LARGE, yearInRange } from '../../core/value-limits.js';

/** Normalises a value for lookup in a value map: trimmed, whitespace collapsed, ё→е, lower case. */
export function normalizeValue(value: string): string {
  // A letter and its combining mark (NFD: «й» and «ё» from a macOS tool) composed first, then ё read as е.
  if (COMBINING.test(value)) value = value.normalize('NFC');
  return value.replace(/[\s\u00a0\u202f]+/g, ' ').trim().replace(/ё/g, 'е').replace(/Ё/g, 'Е').toLowerCase();
}

/** A phone number as written: digits, spaces, brackets, dashes and dots, with a + before. */
const PHONE = /^\+?[\d\s().-]+$/;

/** How many digits a phone number has (phoneKey): a key of that many digits and nothing else is one. */
export const PHONE_DIGITS = { min: 7, max: 15 } as const;

/**
 * A phone number as a client's key: its digits, Russia's trunk 8 of an 11-digit number read as the
 * country code 7 (`+7 (916) 765-43-21`, `8 916 765-43-21` and `79167654321` are one client), and a
 * Russian number of 10 digits written without it (`9167654321`, `4951234567`: a code from 3, 4, 8 or
 * 9, as telephony logs write them) given it, so that a missed call and its callback written
 * differently pair up. Undefined for anything else (7 to 15 digits).
 */
export function phoneKey(text: string): string | undefined {
  if (!PHONE.test(text) || (text.indexOf('.0') !== -1 && FLOAT_PHONE.test(text))) {
    const main = mainNumber(text);
    return main === undefined ? undefined : phoneKey(main);
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length < PHONE_DIGITS.min || digits.length > PHONE_DIGITS.max) return undefined;
  if (digits.length === 11 && digits.charCodeAt(0) === 0x38) return `7${digits.slice(1)}`;
  // Without a +: a number written with one (`+1 415…`) is another country's whatever its digits.
  return digits.length === 10 && text.trimStart()[0] !== '+' && '3489'.includes(digits[0]!) ? `7${digits}` : digits;
}

/**
 * The number a phone cell holds beside an extension or a remark, as CRMs' contact phones are written
 * (`+7 (916) 111-22-33 доб. 5`, `8-495-123-45-67 (секретарь)`, `+1 415 555 0100 ext. 12`), or one a script
 * saved as a float (`79161112233.0`): the number the switchboard answers, undefined for any other text
 * (tester T73: such a deal's calls linked to nothing, without a word). Only a text that begins as a
 * number does: a name («ООО Ромашка») is no phone at its first character, not after two regexes.
 */
function mainNumber(text: string): string | undefined {
  if (!PHONE_START.test(text)) return undefined;
  const float = FLOAT_PHONE.exec(text);
  if (float) return float[1];
  const bare = text.replace(PHONE_REMARK, '').replace(PHONE_EXTENSION, '');
  // A whole number with its code (ten digits at least): «1 500 000 (руб.)», «2024-03-15 (пт)» are no phone (review R54).
  return bare !== text && PHONE.test(bare) && bare.replace(/\D/g, '').length >= 10 ? bare : undefined;
}

/** How a phone number begins: a digit, a + or a bracket, after spaces. */
const PHONE_START = /^\s*[\d+(]/;
/** A whole number of a phone's length saved as a float: `79161112233.0`. */
const FLOAT_PHONE = /^\s*(\+?\d{7,15})\.0+\s*$/;
/** A remark in brackets after a number (`(секретарь)`, `(mobile)`): words, not an area code's digits. */
const PHONE_REMARK = /\s*\((?=[^)]*\p{L})[^()]*\)\s*$/u;
/** An extension after a number: `доб. 5`, `добавочный 123`, `вн. 12`, `ext 12`, `x12`, `#12`, `, 12` is not (a list). */
const PHONE_EXTENSION = /(?<=[\d)])\s*[,;]?\s*(?:доб(?:авочный)?\.?|вн(?:утр(?:енний)?)?\.?|ext(?:ension)?\.?|x|#)\s*\d{1,6}\s*$/iu;

/**
 * Names and reasons: markup removed, every run of Unicode whitespace (NBSP included) made one space,
 * and letters written as a base and a combining mark composed (NFC): macOS tools write «й» and «ё» as
 * «и»/«е» and a mark (NFD), and «Андрей Йорк» so written was a second manager that looked the same.
 */
export function cleanText(value: string): string {
  const bare = value.indexOf('<') === -1 ? value : stripTags(value);
  // JavaScript's \s misses U+0085 (NEL), which Unicode counts as whitespace (spec: names collapse every run of it).
  const spaced = bare.replace(/[\s\u0085\u00a0\u202f\u2007\u2009\u2028\u2029\ufeff]+/gu, ' ').trim();
  // A failed formula's value (`#N/A` of a lookup) names nothing: as an empty cell, in a client's, a
  // source's or a loss reason's column alike (tester T49 F1: two deals of client «#N/A» made a repeat sale).
  if (isSpreadsheetError(spaced)) return '';
  const seen = INVISIBLE.test(spaced) ? spaced.replace(INVISIBLE_ALL, '').replace(/ {2,}/g, ' ').trim() : spaced;
  const composed = COMBINING.test(seen) ? seen.normalize('NFC') : seen;
  // The quote a spreadsheet-safe exporter puts before a text that begins with = + - @ (Odoo's CSV and
  // XLSX, crm-audit's own CSV): «'-- too expensive» is the loss reason «-- too expensive» (tester T46 F8).
  return composed.charCodeAt(0) === 0x27 && FORMULA_ESCAPED.test(composed) ? composed.slice(1) : composed;
}

/** A spreadsheet's error value (EXCEL_ERRORS), in any case, as a workbook caches a failed formula's result and a CSV saved from it writes them. */
const EXCEL_ERROR = new RegExp(`^(?:${EXCEL_ERRORS.map((e) => e.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`, 'i');

/** Whether a cell's trimmed text is a spreadsheet's error value (`#N/A`, `#REF!`…): the one test of cleanText, the row problems and the manager's. */
export function isSpreadsheetError(text: string): boolean {
  return text.charCodeAt(0) === 0x23 && EXCEL_ERROR.test(text);
}

/** A text escaped against formulas: a quote, then = + - or @. */
const FORMULA_ESCAPED = /^'[=+\-@]/;

/** A combining mark (Unicode category M): the text may compose under NFC. */
const COMBINING = /\p{M}/u;

/**
 * Characters that show nothing (a zero-width space, a soft hyphen, joiners, direction marks), which a
 * name copied from a web page or a messenger carries: «Иванов\u200bИван» looks like «ИвановИван» and
 * «Иванов Иван» with one looks like the other, yet each was a manager of its own.
 */
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/**
 * The elements an HTML export (Bitrix24's .xls, a CRM's rich-text field) wraps a value in. Only these
 * and a namespaced Office tag (`<o:p>`) are markup: `<other>` or `<unknown>` in a plain CSV is a
 * value (a CRM's placeholder), and read as markup it became no loss reason and no source.
 */
const HTML_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'body', 'br', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'html', 'i', 'img', 'ins', 'kbd', 'label', 'li', 'mark', 'meta', 'nobr', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'style', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'tt', 'u', 'ul', 'var', 'wbr']);

function stripTags(value: string): string {
  return value
    // A tag is a known element's name and its attributes (or `/name`, `!…`; `o:p` with a namespace): `цена < 5 и > 3` is text, and so is `<other>`.
    .replace(/<(?:\/?([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?\/?|![^<>]*)>/g, (tag, name: string | undefined) => (name === undefined || name.includes(':') || HTML_TAGS.has(name.toLowerCase()) ? ' ' : tag))
    // An address after a name («Ivan Petrov <ivan@corp.com>») is the name's; an address alone is kept, without its brackets.
    .replace(/^(.*\S.*?)\s*<[^<>\s]+@[^<>\s]+>/u, '$1')
    .replace(/^\s*<([^<>\s]+@[^<>\s]+)>\s*$/u, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/** Currency signs, taken off a number and named by currencyOf (one list for both). */
const CURRENCY_SIGNS = '₽$€£¥₴₸₹₺₪₩₱';
/** Currency words written beside an amount, either side (`руб.`, `Rs.`, `kr`), as a regular expression's alternatives. */
const CURRENCY_WORDS_RE = 'руб\\.?|грн\\.?|тг\\.?|zł|kč|rs\\.?|kr\\.?';

/**
 * Currency marks before or after an amount (spaces already removed): signs (`₽ $ € £ ¥ ₴ ₸ ₹ ₺`,
 * `R$`, `US$`, `zł`), Russian abbreviations (`руб.`, `р.`, `грн`, `тг`), the codes `rub`, `usd`, `eur`
 * in any case, and any other three-letter ISO code in capitals (`BRL`, `MXN`, ...), so that `12abc`
 * stays text. A `?` after the amount is a sign its file's code page lacked: Excel saves a CSV in
 * Windows-1251, which has no `₽`, as `120 000,00 ?`.
 */
const CURRENCY = new RegExp(`^(?:[A-Z]{2}\\$|R\\$|[${CURRENCY_SIGNS}]|${CURRENCY_WORDS_RE}|р\\.|rub|usd|eur)|(?:[${CURRENCY_SIGNS}]|${CURRENCY_WORDS_RE}|р\\.?|rub|usd|eur|\\?)$`, 'giu');
const CURRENCY_CODE = /^[A-Z]{3}(?=[-+(−\d.,])|(?<=[\d)])[A-Z]{3}$/gu;

/**
 * Digit-group separators: spaces (normal, tab, non-breaking, narrow, figure, thin) and apostrophes (' and ’).
 * Never a line break: `50\r3` is two values run together (line ends lost), not 503.
 */
const SPACES = ' \\t\\f\\v\\u00a0\\u202f\\u2007\\u2009\\u2000-\\u2006\\u2008\\u200a\\u3000\\ufeff';
// The typographic apostrophe (U+2019) too: Swiss-locale Windows and Excel write `12’345.67` with it.
const GROUPING = new RegExp(`[${SPACES}'\u2019]`, 'g');

/**
 * «Not available» written in a number's cell (`н/д`, `n/a`, `N/A`, `n.a.`): no value, as an empty cell
 * is (spec: an empty amount is not zero). Read as unreadable, a deal with «н/д» in its amount was left
 * out of the leads and the conversion (tester T75).
 */
const NOT_AVAILABLE = /^(?:n\/a|n\.a\.|н\/д|н\.д\.)$/i;

/**
 * Parses a number as CRMs and a Russian-locale Excel write it: NBSP / narrow-space / apostrophe
 * groups, comma or dot decimals, currency marks, Bitrix24's `120000|RUB`, Odoo's leading `'`,
 * accounting parentheses. Returns null for an empty cell and NaN for a value that is not a number.
 */
export function parseNumber(raw: string, mark?: DecimalMark | 'grouping'): number | null {
  let s = raw.trim();
  if (s === '' || (s.length <= 4 && NOT_AVAILABLE.test(s))) return null;
  // An ambiguous `1,234` / `1.234` read by its column's decision (see decimalEvidence).
  if (mark !== undefined && decimalEvidence(s) === 'ambiguous') {
    const sep = s.includes(',') ? ',' : '.';
    if (sep !== mark) s = s.replace(sep, '');
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) return plausible(Number(s));
  if (!groupedAsWritten(s)) return Number.NaN;
  if (s.startsWith("'")) s = s.slice(1);
  s = s.replace(/\|[A-Za-z]{3}$/, '');
  s = s.replace(GROUPING, '');
  const marked = s;
  s = withoutCurrency(s);
  // Excel's accounting format writes a zero as a dash (` $-   `, ` -   ₽ `): with a currency mark a
  // zero; a dash alone is no value (a deal with one was skipped as unreadable).
  if (/^[-−–—]$/.test(s)) return s.length === marked.length ? null : 0;
  // A sign before the currency mark: `-$1,234.00`, `-€ 5`.
  if (/^[-−][^\d.,(]/.test(s)) s = `-${s.slice(1).replace(CURRENCY, '')}`;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    // Accounting parentheses around the currency too: `($1,234.00)`, `(USD 1,234.00)`.
    s = withoutCurrency(s.slice(1, -1));
    // They make a number negative: around a sign (`(-1)`, `(−1)`, `(+1)`) they are no accounting
    // format, and a minus in them was read as +1, two minuses making a plus. Unreadable, said so.
    if (/^[-+−–]/.test(s)) return Number.NaN;
  }
  if (s.startsWith('−')) s = `-${s.slice(1)}`;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma !== -1) {
    s = s.indexOf(',') !== comma ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (dot !== -1 && s.indexOf('.') !== dot) {
    s = s.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number.NaN;
  const n = plausible(Number(s));
  return negative ? -n : n;
}

/** A number's text without the currency mark or code before or after it (`Rs. 500`, `1 234 ₽`, `USD1,234.00`). */
function withoutCurrency(s: string): string {
  return s.replace(CURRENCY, '').replace(CURRENCY, '').replace(CURRENCY_CODE, '');
}

/** A number as large as an export can mean (below TOO_LARGE), else NaN. */
function plausible(n: number): number {
  return Number.isFinite(n) && Math.abs(n) < TOO_LARGE ? n : Number.NaN;
}

/** A run of the spaces GROUPING takes, and a number of digits, marks and those separators only. */
const SPACE_RUN = new RegExp(`[${SPACES}]+`, 'g');
const GROUPED_OR_DECIMAL = new RegExp(`^[\\d.,${SPACES}'\u2019]+$`);

/**
 * Whether the digits of a number are grouped as a locale writes them: one decimal mark (the later
 * of `,` and `.` when both are there, or one that occurs once), no group after it, and every group
 * before it of three digits after the first of one to three (or, with commas, India's lakh groups
 * of two before the last three: 1,00,000). A date in an amount column (01.03.2025, 12.12.12) or a
 * list (1,2,3) is then not read as one number. Other forms (an exponent, signs, currency marks
 * between digits) are left to the parser.
 */
function groupedAsWritten(raw: string): boolean {
  let a = 0;
  let b = raw.length - 1;
  while (a <= b && !isDigit(raw.charCodeAt(a))) a++;
  while (b >= a && !isDigit(raw.charCodeAt(b))) b--;
  // A run of spaces (a space beside a no-break space) is one separator.
  const core = raw.slice(a, b + 1).replace(SPACE_RUN, ' ');
  if (!GROUPED_OR_DECIMAL.test(core)) return true;
  const comma = core.split(',').length - 1;
  const dot = core.split('.').length - 1;
  let mark = -1;
  if (comma > 0 && dot > 0) mark = Math.max(core.lastIndexOf(','), core.lastIndexOf('.'));
  else if (comma === 1) mark = core.indexOf(',');
  else if (dot === 1) mark = core.indexOf('.');
  const whole = mark === -1 ? core : core.slice(0, mark);
  // Decimals may be grouped by spaces (3,141 59), never by a mark.
  if (mark !== -1 && !/^\d+( \d+)*$/.test(core.slice(mark + 1))) return false;
  const groups = whole.split(/[^\d]/);
  if (groups.length === 1) return true;
  const tail = groups.slice(1);
  if (groups[0]!.length >= 1 && groups[0]!.length <= 3 && tail.every((g) => g.length === 3)) return true;
  // India: 12,34,567.
  return /^\d{1,2}(,\d{2})*,\d{3}$/.test(whole);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The decimal mark of a number column. */
export type DecimalMark = ',' | '.';

/**
 * What a number says about its decimal mark: `1.234,56`, `1,5`, `25,0000000000`, `0,123`,
 * `1.234.567` and `1 234,567` say comma; `1,234.56`, `22.5`, `1,234,567` say dot; one separator
 * followed by exactly three digits after one to three digits (`1,234`, `1.234`) is ambiguous;
 * undefined when there is no separator or it is not a number.
 */
export function decimalEvidence(raw: string): DecimalMark | 'ambiguous' | undefined {
  const t = raw.trim();
  const spaced = /\d[ \t\u00a0\u202f\u2007\u2009']\d/.test(t);
  let s = t.replace(/\|[A-Za-z]{3}$/, '').replace(GROUPING, '');
  s = s.replace(CURRENCY, '').replace(CURRENCY, '').replace(CURRENCY_CODE, '').replace(/^[-+−(]+|\)$/g, '');
  if (!/^\d[\d.,]*\d$/.test(s)) return undefined;
  const comma = s.split(',').length - 1;
  const dot = s.split('.').length - 1;
  if (comma > 0 && dot > 0) return s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  if (comma > 1) return '.';
  if (dot > 1) return ',';
  if (comma + dot === 0) return undefined;
  const mark: DecimalMark = comma ? ',' : '.';
  const [int, frac] = s.split(mark) as [string, string];
  if (frac.length !== 3 || spaced || int === '0' || int.length > 3) return mark;
  return 'ambiguous';
}

/** A parsed date-time: wall-clock milliseconds read as UTC, and whether the text carried a time. */
export interface ParsedDate {
  ms: number;
  hasTime: boolean;
  /** The time is marked UTC (`Z`, `UTC`, `GMT`): a telephony API's, not the company's wall clock. */
  utc?: true;
}

/** Day-month order for slash dates: `dmy` (03/04 = 3 April) or `mdy` (03/04 = 4 March). */
export type SlashOrder = 'dmy' | 'mdy';

/**
 * Month names as exports write them, in ru, en, es, pt and de, and fr, it, pl, uk and tr (tester T54
 * F10: a French export's «2 mars 2025»): full, abbreviated (with or without a dot; the dot is removed
 * before lookup), the genitive a date is written with (`апреля`, `marca`, `квітня`) and the nominative.
 * Every word means the same month in every language that has it (`mar`, `set`, `mai`), so one table serves all.
 */
const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const months: string[][] = [
    ['январь', 'января', 'янв', 'january', 'jan', 'enero', 'ene', 'janeiro', 'januar', 'jänner', 'jän', 'janvier', 'janv', 'gennaio', 'gen', 'stycznia', 'styczeń', 'sty', 'січня', 'січень', 'ocak'],
    ['февраль', 'февраля', 'фев', 'февр', 'february', 'feb', 'febrero', 'fevereiro', 'fev', 'februar', 'février', 'févr', 'fevrier', 'fevr', 'febbraio', 'lutego', 'luty', 'lut', 'лютого', 'лютий', 'şubat', 'subat'],
    ['март', 'марта', 'мар', 'march', 'mar', 'marzo', 'março', 'marco', 'märz', 'mär', 'mrz', 'maerz', 'mars', 'marca', 'marzec', 'березня', 'березень', 'mart'],
    ['апрель', 'апреля', 'апр', 'april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile', 'kwietnia', 'kwiecień', 'kwi', 'квітня', 'квітень', 'nisan'],
    ['май', 'мая', 'may', 'mayo', 'maio', 'mai', 'maggio', 'mag', 'maja', 'maj', 'травня', 'травень', 'mayıs', 'mayis'],
    ['июнь', 'июня', 'июн', 'june', 'jun', 'junio', 'junho', 'juni', 'juin', 'giugno', 'giu', 'czerwca', 'czerwiec', 'cze', 'червня', 'червень', 'haziran'],
    ['июль', 'июля', 'июл', 'july', 'jul', 'julio', 'julho', 'juli', 'juillet', 'juil', 'luglio', 'lug', 'lipca', 'lipiec', 'lip', 'липня', 'липень', 'temmuz'],
    ['август', 'августа', 'авг', 'august', 'aug', 'agosto', 'ago', 'août', 'aout', 'sierpnia', 'sierpień', 'sie', 'серпня', 'серпень', 'ağustos', 'agustos'],
    ['сентябрь', 'сентября', 'сен', 'сент', 'september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'setembro', 'septembre', 'settembre', 'września', 'wrzesień', 'wrz', 'вересня', 'вересень', 'eylül', 'eylul'],
    ['октябрь', 'октября', 'окт', 'october', 'oct', 'octubre', 'outubro', 'out', 'oktober', 'okt', 'octobre', 'ottobre', 'ott', 'października', 'październik', 'paź', 'жовтня', 'жовтень', 'ekim'],
    ['ноябрь', 'ноября', 'ноя', 'нояб', 'november', 'nov', 'noviembre', 'novembro', 'novembre', 'listopada', 'listopad', 'lis', 'листопада', 'листопад', 'kasım', 'kasim'],
    ['декабрь', 'декабря', 'дек', 'december', 'dec', 'diciembre', 'dic', 'dezembro', 'dez', 'dezember', 'décembre', 'déc', 'decembre', 'dicembre', 'grudnia', 'grudzień', 'gru', 'грудня', 'грудень', 'aralık', 'aralik'],
  ];
  const map = new Map<string, number>();
  months.forEach((words, i) => words.forEach((w) => map.set(w, i + 1)));
  return map;
})();

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;
// Fractional seconds (`10:05:00.123`, `10:05:00,123`: a PBX cabinet's, an Excel re-save's milliseconds) are read and dropped, as ISO's are.
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?$/;
/** `2025.03.01` (a Hungarian or Korean locale's, a Zoho user's date format): year, month, day. */
const YMD_DOT = /^(\d{4})\.(\d{1,2})\.(\d{1,2})\.?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?$/;
/**
 * A day and a month before a year of four digits, by dashes (`01-03-2025`, `1-3-2025 10:00`: Zoho's
 * dd-MM-yyyy and MM-dd-yyyy, Salesforce's nl_NL and da_DK locales; tester T75): a slash date's
 * numbers, read in the same order as the column's slash dates would be. A year of two digits by
 * dashes is none (`25-03-01` may be year first).
 */
const DASH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)/;

/** A dashed day-month-year date written with slashes (DASH_DATE), else the text itself. */
function dashAsSlash(s: string): string {
  return DASH_DATE.test(s) ? s.replace(DASH_DATE, '$1/$2/$3') : s;
}

/** Whether a text may be a day-month date by dashes (DASH_DATE), after any spaces. */
export function mayDashDate(s: string): boolean {
  return DASH_DATE.test(s.trimStart());
}
/**
 * `15 Apr, 2021 00:02:00` (Zoho), `15 апреля 2021 г.`, `15 de abril de 2021`, `15. März 2021`, `15-Apr-2021`,
 * an e-mail's `03 Mar 2025 10:00:00 +0000` (its zone as ISO's); Excel's d-mmm-yy `01-Mar-25` and a Russian
 * Excel's `01.мар.25`, `01.мар.2025` (tester T75), two digits of year as Excel reads them.
 */
const WORD_MONTH = /^(\d{1,2})\.?(?:\s+de\s+|[\s.-]+)(\p{L}+)\.?(?:\s+de\s+|[\s,.-]+)(\d{4}|\d{2}(?!\d))(?:\s*г\.?)?(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)?$/iu;
/** `Apr 15, 2021 10:00 AM`, `April 15 2021`. */
const EN_MONTH_FIRST = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?\s?[Mm]\.?)?)?$/iu;
// An Excel serial; a Russian Excel's CSV save writes its fraction with a decimal comma (45475,375).
export const SERIAL = /^\d{4,5}([.,]\d+)?$/;

/** What a slash date says about the day-month order. */
export function slashEvidence(raw: string): SlashOrder | 'ambiguous' | undefined {
  const m = SLASH.exec(dashAsSlash(raw.trim()));
  if (!m) return weekdaySlashEvidence(raw);
  // AM/PM says nothing of the order: Salesforce's en_AU, en_NZ and en_IN locales write «25/12/2025 3:30 PM» day-first (spec: the file's other rows, else --date-format).
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return 'ambiguous';
}

/** A time marked as UTC after it (`07:25:00Z`, `07:25 UTC`, `07:25:00+00:00`), not an offset of the local zone (`+03:00`). */
const UTC_MARK = /(?:\dZ|\s*(?:UTC|GMT)|\d\s*[+-]00:?00)$/i;

/**
 * Parses the date forms CRM exports use: `DD.MM.YYYY[ HH:MM[:SS]]`, ISO, `M/D/YYYY h:mm AM`,
 * `D/M/YYYY`, month names in ru, en, es, pt and de, Excel serial numbers (1900 system) and Unix times. An ISO
 * time-zone offset (`+03:00`, `Z`) is ignored: the time is kept as written (see the README's Readings). A slash date
 * needs `order` unless AM/PM or a day above 12 settles it. Returns undefined when unreadable.
 */
export function parseDate(raw: string, order?: SlashOrder): ParsedDate | 'needs-order' | undefined {
  return dateAsWritten(raw, order) ?? weekdayDate(raw, order);
}

/**
 * Weekday names as exports write them before a date (RingCentral's «Mon 03/03/2025», Excel's long
 * date «Monday, March 3, 2025», an e-mail's «Mon, 03 Mar 2025 10:00:00 +0000»), in the languages of
 * MONTH_WORDS, full and abbreviated, to the day of the week (0 is Sunday). A word means the same day in
 * every language that has it (`mar`, `mer`, `dom`).
 */
const WEEKDAY_WORDS: ReadonlyMap<string, number> = (() => {
  const days: string[][] = [
    ['воскресенье', 'вс', 'sunday', 'sun', 'domingo', 'dom', 'sonntag', 'so', 'dimanche', 'dim', 'domenica', 'niedziela', 'niedz', 'nd', 'неділя', 'нд', 'pazar', 'paz'],
    ['понедельник', 'пн', 'monday', 'mon', 'lunes', 'lun', 'segunda-feira', 'segunda', 'seg', 'montag', 'mo', 'lundi', 'lunedì', 'lunedi', 'poniedziałek', 'pon', 'понеділок', 'pazartesi', 'pzt'],
    ['вторник', 'вт', 'tuesday', 'tue', 'tues', 'martes', 'mar', 'terça-feira', 'terça', 'terca', 'ter', 'dienstag', 'di', 'mardi', 'martedì', 'martedi', 'wtorek', 'wt', 'вівторок', 'salı', 'sali', 'sal'],
    ['среда', 'ср', 'wednesday', 'wed', 'miércoles', 'miercoles', 'mié', 'mie', 'quarta-feira', 'quarta', 'qua', 'mittwoch', 'mi', 'mercredi', 'mer', 'mercoledì', 'mercoledi', 'środa', 'śr', 'середа', 'çarşamba', 'carsamba', 'çar', 'car'],
    ['четверг', 'чт', 'thursday', 'thu', 'thur', 'thurs', 'jueves', 'jue', 'quinta-feira', 'quinta', 'qui', 'donnerstag', 'do', 'jeudi', 'jeu', 'giovedì', 'giovedi', 'gio', 'czwartek', 'czw', 'четвер', 'perşembe', 'persembe', 'per'],
    ['пятница', 'пт', 'friday', 'fri', 'viernes', 'vie', 'sexta-feira', 'sexta', 'sex', 'freitag', 'fr', 'vendredi', 'ven', 'venerdì', 'venerdi', 'piątek', 'pt', "п'ятниця", 'пʼятниця', 'cuma', 'cum'],
    ['суббота', 'сб', 'saturday', 'sat', 'sábado', 'sabado', 'sáb', 'sab', 'samstag', 'sonnabend', 'sa', 'samedi', 'sam', 'sabato', 'sobota', 'sob', 'субота', 'cumartesi', 'cmt'],
  ];
  const map = new Map<string, number>();
  days.forEach((words, i) => words.forEach((w) => map.set(w, i)));
  return map;
})();

/** A weekday word, its dot or comma, then the date. */
const WEEKDAY_FIRST = /^\s*([\p{L}'ʼ-]+)\.?,?\s+(\S.*)$/u;

/**
 * A date after a weekday's name, read where the weekday is that date's: where the day-month order
 * is open («Tue 04/03/2025»), the weekday settles it (4 March 2025 was a Tuesday, 3 April a Thursday);
 * a weekday that is neither reading's leaves the cell no date, as a day 31 of April does.
 */
function weekdayDate(raw: string, order?: SlashOrder): ParsedDate | 'needs-order' | undefined {
  const w = weekdayOf(raw);
  if (!w) return undefined;
  const readings = weekdayReadings(w.rest, w.day);
  // A weekday both orders fall on (Wednesday 3 December and 12 March 2025) settles nothing: the column's other rows or --date-format do.
  if (readings.dmy && readings.mdy && readings.dmy.ms !== readings.mdy.ms) return order ? readings[order] : 'needs-order';
  return (order ? readings[order] : undefined) ?? readings.dmy ?? readings.mdy;
}

/** The weekday a cell begins with (0 is Sunday) and the text after it, where its first word is a weekday. */
function weekdayOf(raw: string): { day: number; rest: string } | undefined {
  const m = WEEKDAY_FIRST.exec(raw);
  const day = m ? WEEKDAY_WORDS.get(m[1]!.toLowerCase()) : undefined;
  return day === undefined ? undefined : { day, rest: m![2]! };
}

/** The text's date read day-first and month-first, each kept only where it falls on the weekday. */
function weekdayReadings(rest: string, day: number): { dmy?: ParsedDate; mdy?: ParsedDate } {
  const onDay = (d: ParsedDate | 'needs-order' | undefined) => (d !== undefined && d !== 'needs-order' && new Date(d.ms).getUTCDay() === day ? d : undefined);
  return { dmy: onDay(dateAsWritten(rest, 'dmy')), mdy: onDay(dateAsWritten(rest, 'mdy')) };
}

/**
 * What a slash date after its weekday says of the column's order: its numbers' evidence, else the one
 * order whose reading falls on the weekday («Tue 03/04/2025»: 4 March, month first); both: ambiguous.
 */
function weekdaySlashEvidence(raw: string): SlashOrder | 'ambiguous' | undefined {
  const w = weekdayOf(raw);
  if (!w || !SLASH.test(w.rest.trim())) return undefined;
  const numbers = slashEvidence(w.rest);
  if (numbers !== 'ambiguous') return numbers;
  const r = weekdayReadings(w.rest, w.day);
  return r.dmy && r.mdy ? (r.dmy.ms === r.mdy.ms ? undefined : 'ambiguous') : r.dmy ? 'dmy' : r.mdy ? 'mdy' : undefined;
}

/** The spaces other than a space a date may hold between its parts: no-break (U+00A0), narrow no-break, figure and thin spaces. */
const DATE_SPACES = /[\u00a0\u202f\u2007\u2009]/;
const DATE_SPACES_ALL = new RegExp(DATE_SPACES.source, 'g');

function dateAsWritten(raw: string, order?: SlashOrder): ParsedDate | 'needs-order' | undefined {
  const fast = fixedDateText(raw);
  if (fast) return fast;
  // A no-break or thin space between the date and the time (a re-saved Excel's, a copy from a web page)
  // is a space: «01.03.2025 10:00» so written was «not a date» that read as one (tester T70).
  const s = dashAsSlash((DATE_SPACES.test(raw) ? raw.replace(DATE_SPACES_ALL, ' ') : raw).trim());
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(s))) {
    const d = build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6]);
    return d && m[4] !== undefined && UTC_MARK.test(s) ? { ...d, utc: true } : d;
  }
  if ((m = DOTTED.exec(s))) return build(year(m[3]!), +m[2]!, +m[1]!, m[4], m[5], m[6]);
  if ((m = SLASH.exec(s))) {
    const evidence = slashEvidence(s);
    const use = evidence === 'dmy' || evidence === 'mdy' ? evidence : order;
    if (!use) return 'needs-order';
    const [d, mo] = use === 'dmy' ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return build(year(m[3]!), mo, d, m[4] ? String(hour12(+m[4], m[7])) : undefined, m[5], m[6]);
  }
  if ((m = YMD_SLASH.exec(s) ?? YMD_DOT.exec(s))) return build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6]);
  if ((m = WORD_MONTH.exec(s))) {
    const mo = monthOf(m[2]!);
    const d = mo ? build(year(m[3]!), mo, +m[1]!, m[4] ? String(hour12(+m[4], m[7])) : undefined, m[5], m[6]) : undefined;
    return d && m[4] !== undefined && UTC_MARK.test(s) ? { ...d, utc: true } : d;
  }
  if ((m = EN_MONTH_FIRST.exec(s))) {
    const mo = monthOf(m[1]!);
    return mo ? build(+m[3]!, mo, +m[2]!, m[4] ? String(hour12(+m[4], m[7])) : undefined, m[5], m[6]) : undefined;
  }
  if (SERIAL.test(s)) {
    const serial = Number(s.replace(',', '.'));
    if (serial >= 1 && serial < 2_958_466) {
      const ms = Date.UTC(1899, 11, 30) + wholeSeconds(serial) * 1000;
      return { ms, hasTime: !Number.isInteger(serial) };
    }
  }
  return unixTime(s);
}

/** A Unix time: 10 digits of seconds or 13 of milliseconds. */
const UNIX = /^\d{10}(?:\d{3})?$/;
/** The years a Unix time is believed in (2000-2039): ten digits outside them are a phone number or an id. */
const UNIX_FROM_S = 946_684_800;
const UNIX_TO_S = 2_208_988_800;

/**
 * A Unix time, as API dumps write it (Mango's call statistics, a CDR selected with UNIX_TIMESTAMP):
 * UTC, read as the wall clock of UTC (the file says no zone: --time-offset shifts it to the
 * company's), always with a time.
 */
function unixTime(s: string): ParsedDate | undefined {
  if (!UNIX.test(s)) return undefined;
  const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
  // UTC by what it is: marked so, a call log of them beside deals on the company's clock is said (utc-times), as one of `…Z` times is.
  return ms >= UNIX_FROM_S * 1000 && ms < UNIX_TO_S * 1000 ? { ms, hasTime: true, utc: true } : undefined;
}

function year(y: string): number {
  return y.length === 2 ? fullYear(Number(y)) : Number(y);
}

/**
 * A two-digit year as Excel reads it, which re-saved exports went through: 00-29 are 2000-2029,
 * 30-99 are 1930-1999 («01.02.99» was 2099, a deal in the future).
 */
export function fullYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = /^p/i.test(ampm);
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

/** The month (1-12) a month word names in any of the languages above (`июль`, `июля`, `Jul`, `März`), else undefined. */
export function monthOf(word: string): number | undefined {
  return MONTH_WORDS.get(word.toLowerCase().replace(/ё/g, 'е'));
}

function build(y: number, mo: number, d: number, h?: string, mi?: string, se?: string): ParsedDate | undefined {
  const hh = h === undefined ? 0 : Number(h);
  const mm = mi === undefined ? 0 : Number(mi);
  const ss = se === undefined ? 0 : Number(se);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60 || !yearInRange(y)) return undefined;
  if (d > daysInMonth(y, mo)) return undefined;
  return { ms: daysFromCivil(y, mo, d) * 86_400_000 + ((hh * 60 + mm) * 60 + Math.min(ss, 59)) * 1000, hasTime: h !== undefined };
}

/** Parses a time of day (`14:05`, `2:05 PM`) into milliseconds since midnight. */
export function parseTimeOfDay(raw: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(raw.trim());
  if (!m) return undefined;
  const h = hour12(Number(m[1]), m[4]);
  if (h > 23 || Number(m[2]) > 59) return undefined;
  return ((h * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
}

/**
 * A plain number of a duration column in seconds: HubSpot writes milliseconds, Pipedrive HH:MM as
 * minutes, a header «Длительность, мин» minutes, a workbook's time without its format a fraction of a day.
 */
export function scaleDuration(n: number, unit: DurationUnit = 's'): number {
  return unit === 'ms' ? n / 1000 : unit === 'hhmm' || unit === 'min' ? n * 60 : unit === 'day' ? n * 86_400 : n;
}

const CURRENCY_WORDS: Record<string, string> = { '₽': 'RUB', rur: 'RUB', руб: 'RUB', 'руб.': 'RUB', 'р.': 'RUB', р: 'RUB', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₴': 'UAH', грн: 'UAH', 'грн.': 'UAH', '₸': 'KZT', тг: 'KZT', 'тг.': 'KZT', '₹': 'INR', '₺': 'TRY', 'zł': 'PLN', 'R$': 'BRL', 'US$': 'USD', rs: 'INR', 'rs.': 'INR', kr: 'kr', 'kr.': 'kr', kč: 'CZK', '₪': 'ILS', '₩': 'KRW', '₱': 'PHP' };
// `?`: a sign a code page lacked (parseNumber), a currency of its own for the mixed-currencies warning.
const MARK_AFTER = new RegExp(`(?:\\|\\s*([A-Za-z]{3})|\\s([A-Z]{3})|\\s?([${CURRENCY_SIGNS}]|руб\\.?|р\\.?|грн\\.?|тг\\.?|zł|Kč|kr\\.?|Rs\\.?|\\?))$`, 'u');
const MARK_BEFORE = new RegExp(`^(?:([A-Z]{3})\\s|([A-Z]{2}\\$|R\\$|[${CURRENCY_SIGNS}]|Rs\\.?|kr\\.?))`, 'u');

/**
 * The currency an amount's text names (`120000|USD`, `$22,700.00`, `1 234,00 RUB`, `€ 2.900,00`,
 * `5 000 руб.`), as a code where the mark says one (`$` stays `$`: several dollars use it), else
 * undefined. A cell that starts and ends with a digit names none, and costs no regular expression.
 */
export function currencyOf(raw: string): string | undefined {
  const s = raw.trim();
  const digit = (c: number) => c >= 48 && c <= 57;
  if (s === '' || (digit(s.charCodeAt(0)) && digit(s.charCodeAt(s.length - 1)))) return undefined;
  const m = MARK_AFTER.exec(s) ?? MARK_BEFORE.exec(s.replace(/^[-−(]/, ''));
  const mark = m && (m[1] ?? m[2] ?? m[3]);
  if (!mark) return undefined;
  return CURRENCY_WORDS[mark.toLowerCase()] ?? CURRENCY_WORDS[mark] ?? mark.toUpperCase();
}

/**
 * Currencies by their names, as a CRM's currency column writes them (Bitrix24's «Российский рубль»,
 * «Доллар США», «Евро» of its currency list; amoCRM's and Salesforce's English names), lower-cased, ё as
 * е: a tester's deals in «Российский рубль» and invoices in `RUB` were warned as two currencies.
 */
const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  'российский рубль': 'RUB', 'российские рубли': 'RUB', рубль: 'RUB', рубли: 'RUB', рублей: 'RUB', 'рубль рф': 'RUB', 'russian ruble': 'RUB', 'russian rouble': 'RUB',
  'белорусский рубль': 'BYN', 'белорусские рубли': 'BYN', 'бел. руб.': 'BYN', 'бел.руб.': 'BYN', 'belarusian ruble': 'BYN',
  'доллар сша': 'USD', 'доллары сша': 'USD', доллар: 'USD', доллары: 'USD', долларов: 'USD', 'us dollar': 'USD', 'u.s. dollar': 'USD', 'united states dollar': 'USD',
  евро: 'EUR', euro: 'EUR',
  тенге: 'KZT', 'казахстанский тенге': 'KZT', 'kazakhstani tenge': 'KZT',
  гривна: 'UAH', 'украинская гривна': 'UAH', 'ukrainian hryvnia': 'UAH',
  'фунт стерлингов': 'GBP', 'british pound': 'GBP', 'pound sterling': 'GBP',
  юань: 'CNY', 'китайский юань': 'CNY', 'chinese yuan': 'CNY', 'yuan renminbi': 'CNY',
};

/**
 * A currency as its code (`руб.`, `₽`, `RUB`, «Российский рубль» are one; `$` is USD), so that one currency
 * written two ways is not two: a currency's name (CURRENCY_NAMES), else the mark or word currencyOf
 * knows, else the word upper-cased.
 */
export function currencyCode(raw: string): string {
  const text = raw.trim();
  const named = CURRENCY_NAMES[text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ')];
  if (named !== undefined) return named;
  // A code beside the name: «RUB - Российский рубль», «Российский рубль (RUB)».
  const coded = /^([A-Z]{3})\s*[-–—:]\s*\S/u.exec(text) ?? /\(([A-Z]{3})\)$/u.exec(text);
  const mark = coded ? coded[1]! : text;
  // A mark or a code (`руб.`, `₽`, `US$`, `RUB`) is read as an amount's mark would be; a longer name is
  // itself: «Канадский доллар» ends in a bare «р», which an amount's mark reads as roubles.
  const read = mark.length <= 4 ? currencyOf(`1 ${mark}`) : undefined;
  if (read !== undefined) return read === '$' ? 'USD' : read;
  return mark.toUpperCase();
}

/**
 * What a call log writes for no duration (a missed call's): a dash (-, −, –, —), or «n/a», «н/д». Empty,
 * as a dash alone in an amount is: read as unreadable, every missed call of a tester's log was a bad row,
 * and the --max-bad-rows its hint offered dropped exactly them (a missed share of 0 % for 25 %).
 */
const NO_DURATION = /^(?:[-−–—]+|n\/a|н\/д)$/;

/**
 * Parses a duration into seconds: plain numbers (in the column's unit), `N мин, M сек`, `1 ч 2 мин`,
 * `HH:MM:SS`, `MM:SS` (or `HH:MM` where the column says so). Null for empty (a dash, n/a), NaN for unreadable.
 * `mark` reads an ambiguous `1,234` as its column decided (see parseNumber); without it, as a decimal.
 */
export function parseDuration(raw: string, unit: DurationUnit = 's', mark?: DecimalMark | 'grouping'): number | null {
  const s = raw.trim().toLowerCase();
  if (s === '' || NO_DURATION.test(s)) return null;
  // A plain number in the column's unit (a currency mark is no unit of time: «5 kr» is no duration).
  const n = /^[\d\s.,'-]+$/.test(s) ? parseNumber(s, mark) : null;
  // A negative duration is no duration (it took time off the talk minutes).
  if (n !== null && !Number.isNaN(n)) return n < 0 ? Number.NaN : scaleDuration(n, unit);
  if (/^[-−]/.test(s)) return Number.NaN;
  // A time on Excel's day 0 (1899-12-31, or 1899-12-30 as LibreOffice counts it) is a duration a workbook
  // wrote as a date: an XML 2003 DateTime cell with no time style (tester T66 L12). No export dates a call in 1899.
  if (s.startsWith('1899-12-3')) {
    const clock = /^1899-12-3[01][ t](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(s);
    if (clock) return durationOfParts(clock[1]!, 'hhmm');
  }
  const parts = s.replace(NO_DIGITS_AROUND, ' ').trim();
  const restated = RESTATED.exec(parts);
  return restated === null ? durationOfParts(parts, unit) : restatedDuration(restated[1]!, restated[2]!, unit, mark);
}

/**
 * Words before the first number and remarks in brackets say nothing of the duration («около 5 мин»,
 * «5 мин (перезвон)»): set aside before the parts are read.
 */
const NO_DIGITS_AROUND = /^[^\d]*?(?=\d)|\([^()\d]*\)/gu;

/** A duration with another spelling of it in brackets after it: `120s (2m 0s)`, `120 (2 мин)`. */
const RESTATED = /^([^()]*\d[^()]*?)\s*\(([^()]*\d[^()]*)\)$/u;

/**
 * A duration followed by the same duration written otherwise, in brackets: Issabel's and Elastix's CDR
 * report writes its billsec `120s (2m 0s)` from a minute up, another log `120 (2 мин)`. The bracket is
 * set aside where it says the same (the plain number read in the column's unit, the bracket by its own
 * units); a bracket that says another duration leaves the cell no duration, as before (one of the two
 * is wrong, and which one is not known). Before, every such call was refused as «не длительность».
 */
function restatedDuration(value: string, bracket: string, unit: DurationUnit, mark: DecimalMark | 'grouping' | undefined): number {
  const read = parseDuration(value, unit, mark);
  const again = parseDuration(bracket, unit);
  if (read === null || again === null || Number.isNaN(read) || Number.isNaN(again)) return Number.NaN;
  return Math.abs(read - again) < SAME_DURATION_S ? read : Number.NaN;
}

/** Two readings of one duration that differ by less than this (a float's error, not a second) are the same. */
const SAME_DURATION_S = 1e-6;

/** A clock or numbers each with a unit, and nothing else; NaN otherwise (parseDuration). */
function durationOfParts(s: string, unit: DurationUnit): number {
  // A clock, with a unit word after it that says what its first part counts («01:23 мин», "1:30 h").
  // The last part may have a fraction of a second («00:01:23.456», as PBX logs write it).
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?([.,]\d+)?(?:\s*([a-zа-я]+)\.?)?$/u.exec(s);
  if (clock) {
    const fraction = clock[4] === undefined ? 0 : Number(`0.${clock[4].slice(1)}`);
    const [a, b, c] = [Number(clock[1]), Number(clock[2]) + (clock[3] === undefined ? fraction : 0), clock[3] === undefined ? undefined : Number(clock[3]) + fraction];
    // Minutes and seconds after the first part run to 59 («00:60:00» is no clock).
    if (b >= 60 || (c !== undefined && c >= 60)) return Number.NaN;
    const word = clock[5] === undefined ? undefined : durationUnit(clock[5]);
    if (clock[5] !== undefined && word === undefined) return Number.NaN;
    if (c !== undefined) return word === undefined || word === 3600 ? a * 3600 + b * 60 + c : Number.NaN;
    // Hours make it hours and minutes; minutes or seconds, minutes and seconds («00:05 сек» is 5 s).
    if (word !== undefined) return word === 3600 ? a * 3600 + b * 60 : a * 60 + b;
    return unit === 'hhmm' ? a * 3600 + b * 60 : a * 60 + b;
  }
  // Numbers each with its unit («1 ч 5 мин», «1м 23с», "2 min 5 sec"), and nothing else in the cell:
  // a part no unit names makes it no duration, rather than a duration of the parts that were read.
  let total = 0;
  let at = 0;
  DURATION_PART.lastIndex = 0;
  for (let m = DURATION_PART.exec(s); m !== null && m.index === at; m = DURATION_PART.exec(s)) {
    const seconds = durationUnit(m[2]!);
    if (seconds === undefined) return Number.NaN;
    total += Number(m[1]!.replace(',', '.')) * seconds;
    at = DURATION_PART.lastIndex;
  }
  return at > 0 && at === s.length ? total : Number.NaN;
}

/** A number and the word after it, then what may separate it from the next («,», «и», "and"). */
const DURATION_PART = /\s*(\d+(?:[.,]\d+)?)\s*([a-zа-я]+)\.?\s*(?:(?:,|и|and)\s*)?/gy;

/**
 * The seconds a unit word of a duration stands for (ч, час, часа, h, hrs; м, мин, минут, хв (Ukrainian),
 * m, min; с, сек, s, sec), or undefined: in a value («5 мин 3 сек») and after a header's name («Длительность,
 * мин», fields.ts headerUnit).
 */
export function durationUnit(word: string): number | undefined {
  if (/^(ч|час|часа|часов|h|hr|hrs|hour|hours)$/.test(word)) return 3600;
  if (/^(м|мин|минута|минуту|минуты|минут|минутах|хв|хвилина|хвилину|хвилини|хвилин|m|min|mins|minute|minutes)$/.test(word)) return 60;
  if (/^(с|сек|секунда|секунду|секунды|секунд|секундах|s|sec|secs|second|seconds)$/.test(word)) return 1;
  return undefined;
}

/**
 * The words of a yes or a no, each once, as normalizeValue gives them: the CRMs' own (true/false, 1/0,
 * Y/N: Bitrix24 REST's CLOSED; Да/Нет) and the TRUE and FALSE a localised Excel writes when it saves a
 * CSV, since exports are often opened and re-saved there on the way (a Spanish Excel's FALSO left an
 * archived Odoo opportunity open): ru ИСТИНА/ЛОЖЬ, es VERDADERO/FALSO, pt VERDADEIRO/FALSO, it
 * VERO/FALSO, de WAHR/FALSCH, fr VRAI/FAUX, nl WAAR/ONWAAR, pl PRAWDA/FAŁSZ, tr DOĞRU/YANLIŞ (upper case
 * as Excel writes it, `YANLIŞ`, lowers to «yanliş»), cs PRAVDA/NEPRAVDA, sv SANT/FALSKT, da SAND/FALSK,
 * nb SANN/USANN, fi TOSI/EPÄTOSI, hu IGAZ/HAMIS. And a yes and a no in the language of the CRM's
 * interface, as Bitrix24 writes its «Сделка закрыта» in each (tester T54 F6): de Ja/Nein, es Sí/No, pt
 * Sim/Não, fr Oui/Non, it Sì/No, pl Tak/Nie, uk Так/Ні, tr Evet/Hayır, cs Ano/Ne, hu Igen/Nem. Every
 * reader of a flag column goes through it.
 */
const YES_NO: ReadonlyMap<string, boolean> = new Map([
  ...['1', 'true', 'yes', 'y', 'да', 'д', 'истина', 'verdadero', 'verdadeiro', 'vero', 'wahr', 'vrai', 'waar', 'prawda', 'doğru', 'pravda', 'sant', 'sand', 'sann', 'tosi', 'igaz', 'ja', 'sí', 'si', 'sì', 'sim', 'oui', 'tak', 'так', 'evet', 'ano', 'igen'].map((w) => [w, true] as const),
  ...['0', 'false', 'no', 'n', 'нет', 'н', 'ложь', 'falso', 'falsch', 'faux', 'onwaar', 'fałsz', 'yanlış', 'yanliş', 'nepravda', 'falskt', 'falsk', 'usann', 'epätosi', 'hamis', 'nein', 'não', 'nao', 'non', 'nie', 'ні', 'hayır', 'hayir', 'ne', 'nem'].map((w) => [w, false] as const),
]);

/** A yes or a no written in words or digits (YES_NO); undefined for any other value. */
export function yesNo(raw: string): boolean | undefined {
  return YES_NO.get(normalizeValue(raw));
}

/** A checkbox's marks: ticked (x, ✓, +), or not (-, an empty cell). */
const MARKS: ReadonlyMap<string, boolean> = new Map([['x', true], ['✓', true], ['+', true], ['-', false], ['', false]]);

/** Reads a flag cell (a yes or a no, or a checkbox's mark); undefined when it is neither. */
export function parseBoolean(raw: string): boolean | undefined {
  const v = normalizeValue(raw);
  return YES_NO.get(v) ?? MARKS.get(v);
}

/** An activity's status words that say it took place, is still planned, or was called off (CRMs' status columns), as normalizeValue gives them (ё as е). */
// HubSpot's API codes of an e-mail's status (hs_email_status): SENT, and SENDING, on its way (sent by the rep).
const HELD_WORDS = new Set(['sent', 'sending', 'done', 'выполнено', 'completed', 'complete', 'held', 'выполнена', 'выполнен', 'завершено', 'завершена', 'завершен', 'состоялась', 'состоялся', 'проведена', 'concluído', 'concluido', 'concluida', 'concluída', 'feito', 'realizada', 'realizado', 'completada', 'completado', 'hecho', 'erledigt']);
/**
 * Planned, or not done: a status column's (Scheduled, Overdue) and a done column's other words than
 * no (Pipedrive's «Activity - Done» in its languages: Pending, Undone, Nicht erledigt, Pendiente).
 */
const PLANNED_WORDS = new Set([
  'to do', 'todo', 'not done', 'не выполнено',
  'scheduled', 'planned', 'overdue', 'rescheduled', 'today', 'not started', 'in progress', 'deferred', 'waiting on someone else', 'pending', 'undone', 'incomplete', 'not completed',
  'запланировано', 'запланирована', 'запланирован', 'просрочено', 'просрочена', 'перенесена', 'перенесено', 'не выполнена', 'не выполнен', 'невыполнено', 'не завершено', 'не завершена',
  'agendado', 'agendada', 'programado', 'programada', 'atrasado', 'atrasada', 'pendente', 'não concluído', 'não concluída', 'não realizado', 'não realizada', 'a fazer',
  'pendiente', 'no completado', 'no completada', 'no realizado', 'no realizada', 'por hacer',
  'geplant', 'überfällig', 'nicht erledigt', 'ausstehend',
  // HubSpot's API codes of a task's status (hs_task_status) beside the labels above: NOT_STARTED, IN_PROGRESS, WAITING, DEFERRED.
  'not_started', 'in_progress', 'waiting',
  // Zoho's task statuses beside Not Started, Deferred, In Progress (review R53), and in its Russian interface.
  'waiting for input', 'не начата', 'не начато', 'отложена', 'отложено', 'в процессе', 'ожидание ввода', 'ожидает ввода',
]);
// HubSpot's API code of a meeting nobody came to (hs_meeting_outcome NO_SHOW; CANCELED is the word).
const CALLED_OFF_WORDS = new Set(['cancelled', 'canceled', 'no show', 'no-show', 'noshow', 'no_show', 'отменено', 'отменена', 'отменен', 'не состоялась', 'не состоялся', 'неявка', 'cancelado', 'cancelada', 'abgesagt']);
/**
 * An e-mail that never reached the client (HubSpot's hs_email_status BOUNCED, FAILED): no touch, dropped
 * under a reason of its own. Only in an e-mail's status column (activityDone's `email`): a call's or a
 * task's «Failed» was dropped as «письмо не доставлено»; there it is a value no rule knows, and asked about.
 */
const NOT_DELIVERED_WORDS = new Set(['bounced', 'failed']);

/** What a done cell says: took place (true), planned (false), called off, an e-mail not delivered, or nothing (undefined). */
export type DoneReading = boolean | 'called off' | 'not delivered' | undefined;

/**
 * Whether an activity took place, from a done flag (`Activity - Done`, COMPLETED) or a status of its
 * own (Zoho's `Outgoing Call Status`, HubSpot's `Meeting outcome`, `hs_email_status`): true, false for
 * a planned one, 'called off' for one cancelled or not attended, 'not delivered' for an e-mail that
 * bounced or failed (where the column is an e-mail's status: `email`), undefined for a value that says
 * none. An empty cell is `empty`: not done in a checkbox (false), nothing said in a status (an incoming
 * call or e-mail has none). The --map file's `done:` values come first.
 */
export function activityDone(raw: string, empty: false | undefined, user?: ReadonlyMap<string, boolean>, email = false): DoneReading {
  const v = normalizeValue(raw);
  if (v === '') return empty;
  const mapped = user?.get(v);
  if (mapped !== undefined) return mapped;
  const flag = parseBoolean(v);
  if (flag !== undefined) return flag;
  if (HELD_WORDS.has(v)) return true;
  if (PLANNED_WORDS.has(v)) return false;
  if (email && NOT_DELIVERED_WORDS.has(v)) return 'not delivered';
  return CALLED_OFF_WORDS.has(v) ? 'called off' : undefined;
}
