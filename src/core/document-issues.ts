import type { z } from 'zod';
import { AMOUNT_FORMS, DAY_FORMS, SHARE_FORMS } from './option-values.js';
import { closest } from './assert-paths.js';
import { fill, type MessageId, type Params, type Template } from './messages.js';
import { QUOTED_TEXT } from './messages/documents.js';

type Issue = z.core.$ZodIssue;

/**
 * The schemas' own messages (a `.regex`, `.min` or refinement with a text), recognised by their
 * English text and told in Russian. A schema message not listed here keeps its English in a Russian
 * run, which the Russian-run test catches.
 */
const SCHEMA_RULES: readonly Template[] = [
  { en: `not a date: "{value}"; write ${DAY_FORMS.en}`, ru: `«{value}» — не дата; нужна ${DAY_FORMS.ru}` },
  { en: `not a sum of 0 or more: "{value}"; write ${AMOUNT_FORMS.en}`, ru: `«{value}» — не сумма от 0; нужно ${AMOUNT_FORMS.ru}` },
  { en: `not a share: "{value}"; write ${SHARE_FORMS.en}`, ru: `«{value}» — не доля; нужна ${SHARE_FORMS.ru}` },
  { en: 'not a grouping: "{value}"; use manager, source, pipeline, stage, month, comma-separated for a pivot', ru: '«{value}» — не группировка; можно manager, source, pipeline, stage, month, через запятую для сводной таблицы' },
  { en: `not an hour's cost in roubles: "{value}"; write a number above 0 and at most 10,000,000`, ru: `«{value}» — не цена часа в рублях; нужно число больше 0 и не больше 10 000 000` },
  { en: 'not a number of sales managers: "{value}"; write a whole number from 1 to 100,000', ru: '«{value}» — не число менеджеров по продажам; нужно целое число от 1 до 100 000' },
  { en: 'a target is a fraction such as 0.2 or a percentage such as "+20%"', ru: 'цель — доля (например, 0.2) или проценты (например, «+20%»)' },
  { en: '"{value}" may be {decimal} or {whole}: a comma or dot before three digits may be a decimal mark or a thousands separator; write the one meant', ru: '«{value}» может быть и {decimal}, и {whole}: запятая или точка перед тремя цифрами может отделять и дробную часть, и тысячи; напишите то, что имеется в виду' },
  { en: 'ids are lower-case latin letters, digits, ".", "_" and "-"', ru: 'id пишут строчными латинскими буквами, цифрами и знаками «.», «_», «-»' },
  { en: 'evidence needs at least one check', ru: 'в evidence нужна хотя бы одна проверка' },
  { en: 'a section needs at least one question', ru: 'в разделе нужен хотя бы один вопрос' },
  { en: 'a questionnaire needs at least one section', ru: 'в анкете нужен хотя бы один раздел' },
  { en: 'a questionnaire needs at least one band', ru: 'в анкете нужен хотя бы один уровень' },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RULES = SCHEMA_RULES.map((t) => {
  const names: string[] = [];
  const source = t.en.split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) return escapeRe(part);
    names.push(m[1]!);
    return '(.*?)';
  }).join('');
  return { re: new RegExp(`^${source}$`, 's'), names, ru: t.ru };
});

/**
 * A schema's own message in Russian: the Russian a rule gave beside its English (`params.ru` of a custom issue: a
 * value out of range, said by core/value-range.ts with the number typed), or one of SCHEMA_RULES; else undefined.
 */
function ownRuleRu(issue: Issue): string | undefined {
  const ru = issue.code === 'custom' ? (issue.params as { ru?: unknown } | undefined)?.ru : undefined;
  return typeof ru === 'string' ? ru : schemaRuleRu(issue.message);
}

/** Whether a schema's own message quotes the value it refuses (a range rule does): it is not followed by it again. */
function quotesValue(issue: Issue, input: unknown): boolean {
  return (issue.code === 'custom' && typeof (issue.params as { ru?: unknown } | undefined)?.ru === 'string') || (typeof input === 'string' && issue.message.includes(`"${shortText(input)}"`));
}

/** A SCHEMA_RULES message in Russian, or undefined when it is none of them. */
function schemaRuleRu(message: string): string | undefined {
  for (const rule of RULES) {
    const m = rule.re.exec(message);
    if (!m) continue;
    return fill(rule.ru, Object.fromEntries(rule.names.map((name, i) => [name, m[i + 1]!])));
  }
  return undefined;
}

/** What a schema expects, as a Russian reader names it. */
const EXPECTED_RU: Readonly<Record<string, string>> = {
  string: 'текст', number: 'число', int: 'целое число', boolean: 'true, false', object: 'набор «ключ: значение»',
  record: 'набор «ключ: значение»', array: 'список', null: 'null', undefined: 'ничего', date: 'дата',
};

/** What a schema expects, as an English reader names it (zod's own words for a union are a bare "Invalid input"). */
const EXPECTED_EN: Readonly<Record<string, string>> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true, false', object: 'a "key: value" map',
  record: 'a "key: value" map', array: 'a list', null: 'null', undefined: 'nothing', date: 'a date',
};

/** «a, b или c» / "a, b or c": the last of a list joined by «или» / "or". */
function orList(items: string[], or = 'или'): string {
  const words = items.flatMap((s) => s.split(', '));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${or} ${words[words.length - 1]}` : words.join('');
}

/** At most this many of a document's mistakes, or of the keys one names, are said one by one; the rest are counted. */
export const MAX_LISTED = 10;
/** A text longer than this is quoted by its first QUOTED_START characters (a 1 MB value was echoed whole on stderr). */
export const MAX_QUOTED = 80;
const QUOTED_START = 40;

/** The first QUOTED_START characters of a long text (its spaces and line breaks each one space); undefined for a short one. */
function startOf(s: string): string | undefined {
  if (s.length <= MAX_QUOTED) return undefined;
  return [...s.slice(0, QUOTED_START + 1)].slice(0, QUOTED_START).join('').replace(/\s+/g, ' ').trimEnd();
}

/** A text from the user's document as short as a message quotes it: a long one by its start and «…». */
export function shortText(s: string): string {
  const start = startOf(s);
  return start === undefined ? s : `${start}…`;
}

/** A whole number as a Russian reader writes it: 1 080 000. */
const groupedRu = (n: number): string => (n < 10_000 ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' '));

/** «, «k0», … «k9» и ещё 19 990»: the first MAX_LISTED items of a list, each as `quote` shows it, and how many more there are. */
export function listed(items: readonly string[], quote: (s: string) => string, lang: 'ru' | 'en'): string {
  const shown = items.slice(0, MAX_LISTED).map((s) => quote(shortText(s))).join(', ');
  const more = items.length - MAX_LISTED;
  return more > 0 ? shown + fill(QUOTED_TEXT.more[lang], { count: lang === 'ru' ? groupedRu(more) : more }) : shown;
}

/** A value from the user's document, shown in English: texts quoted, numbers and words as written. */
function describeValueEn(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const start = startOf(value);
    return start === undefined ? JSON.stringify(value) : fill(QUOTED_TEXT.long.en, { count: value.length, start });
  }
  // An empty list said as one: «expected a list of at least 1 item; got a list» read as a contradiction (a tester).
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value !== null && typeof value === 'object') return 'a "key: value" map';
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'not a number (.nan)' : 'a number too large to count with (1e999, .inf)';
  return String(value);
}

/** A value from the user's document, shown in Russian: texts quoted, numbers and words as written. */
export function describeValueRu(value: unknown): string {
  // «получено ничего» is no Russian (a tester): a key written with no value.
  if (value === undefined) return 'пустое значение';
  // A key with nothing after it (`version:`) is YAML's null: «получено null» is no Russian either (tester T40 F12).
  if (value === null) return 'пустое значение (null)';
  if (typeof value === 'string') {
    const start = startOf(value);
    return start === undefined ? `«${value}»` : fill(QUOTED_TEXT.long.ru, { count: groupedRu(value.length), start });
  }
  if (Array.isArray(value)) return value.length === 0 ? 'пустой список' : 'список';
  if (typeof value === 'object') return 'набор «ключ: значение»';
  // YAML's 1e999 and .inf are Infinity, .nan NaN: said, not printed as «Infinity».
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'не число (.nan)' : 'число больше любого, с которым можно считать (1e999, .inf)';
  return String(value);
}

/**
 * A document whose top is a text, a number or a list where a «key: value» map is wanted (a targets file `hello` was read
 * as a map of its characters, «0», «1», …, each an unknown key), said as the schema says a value of the wrong type.
 */
export function notAMap(value: unknown): { id: MessageId; params: Params } {
  return { id: 'doc.type', params: { expectedRu: EXPECTED_RU.object!, expectedEn: EXPECTED_EN.object!, receivedRu: describeValueRu(value), receivedEn: describeValueEn(value) } };
}

/**
 * What a bound wanted, in both languages (zod's own English is "Too small: expected string to have
 * >=1 characters"): a text, a list or a number of at least or at most so many.
 */
function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): { boundRu: string; boundEn: string } {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const say = (boundRu: string, boundEn: string) => ({ boundRu, boundEn });
  const many = (one: string, more: string) => `${limit} ${limit === 1 ? one : more}`;
  const atRu = small ? 'меньше' : 'больше';
  const atEn = small ? 'least' : 'most';
  if (small && limit === 1 && issue.origin === 'string') return say('непустой текст', 'a text that is not empty');
  if (issue.origin === 'array' || issue.origin === 'set') return say(`список (элементов: не ${atRu} ${limit})`, `a list of at ${atEn} ${many('item', 'items')}`);
  if (issue.origin === 'string') return say(`текст (символов: не ${atRu} ${limit})`, `a text of at ${atEn} ${many('character', 'characters')}`);
  if (inclusive) return say(`число не ${atRu} ${limit}`, `a number of at ${atEn} ${limit}`);
  return small ? say(`число больше ${limit}`, `a number greater than ${limit}`) : say(`число меньше ${limit}`, `a number less than ${limit}`);
}

/** Comparisons as people write them that are another: `=>` is `>=`. */
const OPERATOR_MEANT: Readonly<Record<string, string>> = { '=>': '>=', '=<': '<=', '=': '==', '≥': '>=', '≤': '<=' };

/** A misspelt choice's «did you mean» (`preset: recomended`, tester T56), empty for a value close to none. */
function oneOfNear(input: unknown, values: readonly unknown[]): { near: string; nearRu: string } {
  if (typeof input !== 'string' || input.length > 100) return quotedNear([]);
  // A comparison written the other way round is the one meant, not the nearest in letters (`=>` was offered "==": tester T66 L6).
  const meant = OPERATOR_MEANT[input.trim()];
  if (meant !== undefined && values.includes(meant)) return quotedNear([meant]);
  return quotedNear(closest(input, values.map((v) => String(v))).slice(0, 1));
}

/** didYouMean of names quoted as each language quotes them: "name" in English, «name» in Russian. */
export function quotedNear(names: readonly string[]): { near: string; nearRu: string } {
  return { near: didYouMean(names.map((n) => `"${n}"`)).near, nearRu: didYouMean(names.map((n) => `«${n}»`)).nearRu };
}

/** The params of a «did you mean» tail: `near` and `nearRu`, empty without a name (names given as they are shown). */
export function didYouMean(names: readonly string[]): { near: string; nearRu: string } {
  if (names.length === 0) return { near: '', nearRu: '' };
  return { near: `; did you mean ${names.join(' or ')}?`, nearRu: `; возможно, вы имели в виду ${names.join(' или ')}` };
}

/**
 * The params of «unknown key»: the first MAX_LISTED keys and how many more (20 000 unknown keys were each listed, and each
 * looked for among the others: 10 s), with the known keys the listed ones are closest to: a misspelt key (`answer:`) is said with its fix.
 */
function unknownKeys(keys: readonly string[], known: readonly string[]): Params {
  // `keyForm` picks «ключ» or «ключи» (key or keys) by one against several, not by the count's last digit: «21 ключ» lists 21 of them.
  const unknown = new Set(keys);
  const candidates = known.filter((n) => !unknown.has(n));
  const near = [...new Set(keys.slice(0, MAX_LISTED).flatMap((k) => closest(k, candidates).slice(0, 1)))];
  return { keys: listed(keys, (k) => `"${k}"`, 'en'), keysRu: listed(keys, (k) => `«${k}»`, 'ru'), keyForm: keys.length === 1 ? 1 : 0, ...quotedNear(near) };
}

/**
 * A zod issue of a user's document as a catalogue message: a wrong type, a missing value or a value
 * no option takes is told in both languages from the issue's expectation and the value found (zod's
 * own English for a union is a bare "Invalid input"); other issues keep zod's or the schema's English
 * text; the Russian is rendered from the issue's code, expectation and the value found
 * (the schemas are parsed with `reportInput: true`, so the value is on the issue).
 */
export function issueMessage(issue: Issue, known: readonly string[] = []): { id: MessageId; params: Params } {
  const message = issue.message;
  const receivedRu = describeValueRu(issue.input);
  const receivedEn = describeValueEn(issue.input);
  const ruleRu = ownRuleRu(issue);
  if (ruleRu !== undefined) return { id: 'doc.schemaRule', params: { message, ruleRu } };
  switch (issue.code) {
    case 'invalid_type': {
      const expectedRu = orList([EXPECTED_RU[issue.expected] ?? issue.expected]);
      const expectedEn = orList([EXPECTED_EN[issue.expected] ?? issue.expected], 'or');
      // A document with nothing in it parses as null at its top: the file is empty, not «null».
      if (issue.path.length === 0 && (issue.input === null || issue.input === undefined)) return { id: 'doc.empty', params: {} };
      return issue.input === undefined ? { id: 'doc.required', params: { expectedEn, expectedRu } } : { id: 'doc.type', params: { expectedEn, expectedRu, receivedEn, receivedRu } };
    }
    case 'invalid_union': {
      // An option with the schema's own words says best what was meant (a target: 0.2 or "+20%").
      const own = issue.errors.flat().find((i) => i.path.length === 0 && ownRuleRu(i) !== undefined);
      // A rule that quotes the value (`"2000%" is above +1000%`, `15 → 0.15 or "+15%"`) is not followed by it again.
      if (own && quotesValue(own, issue.input)) return { id: 'doc.schemaRule', params: { message: own.message, ruleRu: ownRuleRu(own)! } };
      if (own) return { id: 'doc.schemaRuleGot', params: { rule: own.message, ruleRu: ownRuleRu(own)!, received: receivedEn, receivedRu } };
      // Every option wanted another type (a number or a text): say which types would do.
      const expected = issue.errors.flatMap((list) => list.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => (i as { expected: string }).expected));
      const types = expected.map((e) => EXPECTED_RU[e] ?? '');
      if (types.length === issue.errors.length && types.every(Boolean)) {
        const expectedEn = orList([...new Set(expected.map((e) => EXPECTED_EN[e]!))], 'or');
        return { id: 'doc.type', params: { expectedEn, expectedRu: orList([...new Set(types)]), receivedEn, receivedRu } };
      }
      return { id: 'doc.invalid', params: { receivedEn, receivedRu } };
    }
    case 'unrecognized_keys':
      return { id: 'doc.unknownKeys', params: unknownKeys(issue.keys, known) };
    case 'invalid_value':
      return { id: 'doc.oneOf', params: { values: issue.values.map((v) => String(v)).join(', '), receivedEn, receivedRu, ...oneOfNear(issue.input, issue.values) } };
    case 'too_small':
    case 'too_big':
      return { id: 'doc.bound', params: { ...bound(issue), receivedEn, receivedRu } };
    default:
      return { id: 'doc.invalid', params: { receivedEn, receivedRu } };
  }
}
