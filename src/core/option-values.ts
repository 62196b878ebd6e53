/**
 * Values as people type them in options and config files: dates `ДД.ММ.ГГГГ` or ISO, amounts with
 * spaces or a comma decimal, shares as `35%`. Pure: callers turn `undefined` into their own error.
 */

/** The forms `readDay` accepts, for messages. */
export const DAY_FORMS = { ru: 'ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например 01.02.2025 или 2025-02-01', en: 'DD.MM.YYYY or YYYY-MM-DD, e.g. 01.02.2025 or 2025-02-01' };
/** The forms `readAmount` accepts, for messages. */
export const AMOUNT_FORMS = { ru: 'число: 1500000, 1 500 000, 1 500 000,50, 1 500 000 ₽, 1500000 руб., 1,5 млн, 800 тыс., 1,5e6', en: 'a number: 1500000, 1 500 000, 1 500 000,50, 1 500 000 ₽, 1500000 руб., 1,5 млн (million), 800 тыс. (thousand), 1.5e6 or 1,5e6' };
/** The forms `readShare` accepts, for messages. */
export const SHARE_FORMS = { ru: 'доля от 0 до 1 или проценты: 0.35, 0,35, 35%', en: 'a share from 0 to 1 or a percentage: 0.35, 0,35, 35%' };

/** `01.02.2025`, `1.2.2025` or `2025-02-01` as `2025-02-01`; undefined when it is not a real calendar day. */
export function readDay(text: string): string | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : undefined;
}

/**
 * A moment given as an option (--now): a day as readDay reads it (`2025-04-01`, `01.04.2025`: its
 * midnight UTC), or an ISO date and time (`2025-04-01T09:00`, seconds and fractions, `Z` or an
 * offset); undefined for anything else. Strict where `new Date()` is loose: it read `01.04.2025` as
 * 4 January and rolled `2025-02-30` over into March.
 */
export function readMoment(text: string): Date | undefined {
  const s = text.trim();
  const day = readDay(s);
  if (day !== undefined) return new Date(`${day}T00:00:00Z`);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m || readDay(m[1]!) === undefined || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  const zone = m[5];
  if (zone && zone.toUpperCase() !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return undefined;
  // No zone: UTC, as a day alone is read (the machine's own zone made generatedAt differ with TZ: tester T56 M5).
  const d = new Date(zone ? s : `${s}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

// Space, NBSP, narrow NBSP, thin space, figure space and the apostrophe/underscore some people group with.
const GROUP = /[\s\u00a0\u202f\u2009\u2007'_]/g;

/**
 * One comma or dot before exactly three digits, after one to three digits (`1,500`, `15,000`,
 * `1.500`): a decimal mark or a thousands separator? Both readings, else undefined. `0,125` is no grouping (a group
 * never starts with 0), nor is `12345,678`. Money options and assertion values refuse such a value
 * rather than read it as 1.5 (a payback and ROI off a thousandfold, without a word).
 */
export function ambiguousComma(text: string): { decimal: number; whole: number } | undefined {
  // A dot the same way (`1.500`): how Russian and German write 1 500, and how English writes 1.5.
  const m = /^([+-]?[1-9]\d{0,2})([.,])(\d{3})$/.exec(text.trim());
  return m ? { decimal: Number(`${m[1]}.${m[3]}`), whole: Number(`${m[1]}${m[3]}`) } : undefined;
}

/** A rouble mark either side of an amount (`₽`, `руб.`, `р.`, `RUB`): what a Russian user writes after money, and every file's amounts already take. */
const ROUBLES = /^(?:₽|rub)|(?:₽|руб\.?|р\.|rub)$/i;
/** A multiplier word after an amount (`1,5 млн`, `800 тыс.`), as the hint for an unquoted `--cost 1,5 млн` suggested it and the run then refused it (a tester). */
const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/млрд\.?$/i, 1e9],
  [/млн\.?$/i, 1e6],
  [/тыс\.?$/i, 1e3],
];

/** Whether an amount as typed carries a rouble mark (`1 500 000 ₽`, `1,5 млн руб.`): then it is in roubles, whatever currency the deals are in. */
export function roubleMarked(text: string | undefined): boolean {
  return text !== undefined && ROUBLES.test(text.trim());
}

/** `1500000`, `1 500 000`, `1 500 000,50`, `1 500 000 ₽`, `1500000 руб.`, `1,5 млн`, `800 тыс.`, `1,5e6`, `1.5e6`: a finite number of 0 or more, else undefined (an ambiguousComma too). */
export function readAmount(text: string): number | undefined {
  let s = text.trim().replace(GROUP, '').replace(ROUBLES, '');
  const scale = MULTIPLIERS.find(([re]) => re.test(s));
  if (scale) s = s.replace(scale[0], '').replace(ROUBLES, '');
  const n = readPlainAmount(s);
  // To the kopeck: 1,1 млн is 1 100 000, not 1 100 000.0000000002.
  return n === undefined || !scale ? n : Math.round(n * scale[1] * 100) / 100;
}

/** Currency marks and codes other than the rouble's, as a cost may be typed with them («$1 500 000», «1500000 USD»). */
const FOREIGN_CURRENCY = /[$€£¥₸₴]|\b(?:USD|EUR|GBP|CNY|KZT|UAH|BYN|CHF|AED|TRY)\b/i;
const FOREIGN_CURRENCY_ALL = new RegExp(FOREIGN_CURRENCY.source, 'gi');

/**
 * Why an amount readAmount refused is no amount, for the option's or the document's own words: a comma or
 * dot before three digits (both readings), another currency's mark around a number (the number), else
 * unreadable. One rule for `--cost` and a config's `compare.cost` (a config said «не сумма» of both: tester T56).
 */
export type AmountProblem = { kind: 'ambiguous'; decimal: number; whole: number } | { kind: 'currency'; number: number } | { kind: 'unreadable' };

export function amountProblem(text: string): AmountProblem {
  const comma = ambiguousComma(text);
  if (comma) return { kind: 'ambiguous', ...comma };
  const number = FOREIGN_CURRENCY.test(text) ? readAmount(text.replace(FOREIGN_CURRENCY_ALL, ' ')) : undefined;
  return number !== undefined ? { kind: 'currency', number } : { kind: 'unreadable' };
}

/**
 * What the message of an amount's problem says (`usage.amountAmbiguous`/`doc.amountAmbiguous`, `…Currency`): the value, both
 * readings and the whole one spaced, or the number to write; undefined for an amount that is only unreadable.
 */
export function amountProblemParams(value: string, shown = value): { kind: 'ambiguous' | 'currency'; params: Record<string, string> } | undefined {
  const problem = amountProblem(value);
  if (problem.kind === 'ambiguous') {
    const { decimal, whole } = problem;
    return { kind: 'ambiguous', params: { value: shown, decimal: String(decimal), decimalRu: String(decimal).replace('.', ','), whole: String(whole), spaced: spacedWhole(whole) } };
  }
  return problem.kind === 'currency' ? { kind: 'currency', params: { value: shown, number: String(problem.number) } } : undefined;
}

/** A whole number as «1 500 000»: how the ambiguous-amount fix writes it. */
export function spacedWhole(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** readAmount of a number with no mark or multiplier around it. */
function readPlainAmount(s: string): number | undefined {
  // One comma and no dot is a decimal comma; commas with a dot are grouping (`1,234.5`).
  if (ambiguousComma(s)) return undefined;
  let plain = s;
  if (/^[+]?\d*,\d+(e[+-]?\d+)?$/i.test(s)) plain = s.replace(',', '.');
  else if (/^[+]?\d{1,3}(,\d{3})+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) plain = s.replace(/,/g, '');
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The highest cost of a manager's hour a run takes, in roubles: above it is a slip (1e21 printed «около 1.575e+23 ₽»). */
export const MAX_HOURLY_COST = 10_000_000;

/** The most sales managers a run takes: above it is a slip (an absurd head count printed hours and money of 15 digits). */
export const MAX_MANAGERS = 100_000;

/**
 * `8`, `1_000`, `1 000` (the group separators money takes: spaces, non-breaking and narrow ones, `'`): a whole
 * number above 0, else undefined. Digits only: `1e3`, `2.5`, `-3`, `1,000` are refused, on the command line
 * (`--managers`), in the config and at the prompt alike.
 */
export function readCount(text: string): number | undefined {
  // `--managers "1 000"` was refused while `--hourly-cost "1 500"` was read (a tester).
  const digits = text.trim().replace(GROUP, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** What a manager's hour costs: a `readAmount` above 0 and at most MAX_HOURLY_COST, else undefined. */
export function readHourlyCost(text: string): number | undefined {
  const n = readAmount(text);
  return n !== undefined && n > 0 && n <= MAX_HOURLY_COST ? n : undefined;
}

/** `0.35`, `0,35`, `35%`, `35 %`, `35,5%`: a share from 0 to 1, else undefined. */
export function readShare(text: string): number | undefined {
  const s = text.trim();
  const percent = /%$/.test(s);
  const n = readAmount(percent ? s.slice(0, -1) : s);
  if (n === undefined) return undefined;
  const share = percent ? n / 100 : n;
  return share <= 1 ? share : undefined;
}

/**
 * The minus signs people type: the hyphen-minus, the minus sign the reports print (U+2212), and the dashes a
 * word processor or messenger makes of a typed "-" (hyphen, non-breaking hyphen, figure dash, en dash), the small
 * and the full-width hyphen-minus. The em dash is not among them: it is a sentence's dash, not a sign.
 */
const MINUS = '\\-\\u2010-\\u2013\\u2212\\ufe63\\uff0d';
const LEADING_MINUS = new RegExp(`^[${MINUS}]`);

/** A text whose leading sign is any of the minus signs people type (MINUS), written as the hyphen-minus: `−3`, `–3` → `-3`. */
export function plainMinus(text: string): string {
  return text.replace(LEADING_MINUS, '-');
}

/** A number as people type it, at the start of a text: sign, digits with a decimal dot or comma (`.2`, `,2` too), an exponent, then `%` (spaces before it allowed). */
const TYPED_NUMBER = new RegExp(`^(?:([+${MINUS}])[ \\t]*)?(?:(\\d+)(?:([.,])(\\d+))?|[.,](\\d+))(e[+-]?\\d+)?([ \\t\\u00a0\\u202f]*%)?`, 'i');

/** A number read from the start of a text: its value (a `%` divides by 100), or both readings of an ambiguousComma (as written: before a `%` divides them); `length` is how much of the text it took. */
export type TypedNumber = { length: number; percent: boolean } & ({ value: number } | { ambiguous: { decimal: number; whole: number } });

/**
 * `0.2`, `.2`, `0,2`, `+12,5%`, `-30 %`, `−30%`, `–25%` (an en dash), `1,5e6`: the number at the start of `text`, as
 * targets and assertion values take it; undefined when no number starts there. A comma or dot before exactly three
 * digits (`1,500`) is given as both readings (`ambiguous`), for the caller to refuse or to decide by its range.
 */
export function readTypedNumber(text: string): TypedNumber | undefined {
  const m = TYPED_NUMBER.exec(text);
  if (!m) return undefined;
  const [all, sign, whole, mark, frac, leadFrac, exp, percentSign] = m;
  const minus = sign !== undefined && sign !== '+' ? '-' : '';
  const percent = percentSign !== undefined;
  const scale = percent ? 100 : 1;
  const comma = whole !== undefined && mark !== undefined && !exp ? ambiguousComma(`${minus}${whole}${mark}${frac}`) : undefined;
  if (comma) return { length: all.length, percent, ambiguous: comma };
  const digits = whole !== undefined ? `${whole}${mark ? `.${frac}` : ''}` : `0.${leadFrac}`;
  return { length: all.length, percent, value: Number(`${minus}${digits}${exp ?? ''}`) / scale };
}
