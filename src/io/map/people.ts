// io/map: whether a column's first values are people's names, which a manager column holds. Shared by
// the snippet of a file without a header (no-header.ts) and the columns proposed for a missing field
// (mapping.ts), so that both find the same column.
import { PATRONYMIC_PARTICLE } from '../../core/patronymic.js';
import { withoutLine } from '../../core/name-line.js';
import { buildValueMaps } from './value-maps.js';
import { cleanText, normalizeValue } from './values.js';

/**
 * What a PBX writes in its employee column for a call no person took: the voice menu, a queue,
 * voicemail (Megafon's `account` is «ivr» for a call that ended in the menu). No employee: the activity
 * reader gives such a call no manager (a missed one is said in missed-no-manager), and the status-column
 * check (status-column.ts) counts such a value neither as a status nor as a name.
 */
const NOT_AN_EMPLOYEE = new Set(['ivr', 'voicemail', 'voice mail', 'queue', 'очередь', 'голосовое меню', 'голосовая почта', 'автоответчик', 'автосекретарь']);

/** Whether a cell names a machine that took a call, not an employee («IVR», «Голосовая почта», «Queue»): NOT_AN_EMPLOYEE. */
export function machineWord(value: string): boolean {
  return NOT_AN_EMPLOYEE.has(cleanText(value).toLowerCase());
}

/** The built-in stage and status words: «Сделка успешна» is two words of letters and no one's name. */
const STATUS_WORDS = buildValueMaps().status;

/**
 * Whether a column's filled values all look like people's names (two or three words of letters, no
 * digits, no stage word), which a manager column holds and a deal title («Сделка 12»), a company
 * («ООО 5») or a stage («Сделка успешна») does not.
 */
export function personLike(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => PERSON_NAME.test(v) && !STATUS_WORDS.has(normalizeValue(v)));
}

/**
 * Two or three words of letters («Иванов Иван», «Anna Lee», «Петрова А. С.», «Салтыков-Щедрин М. Е.»),
 * and a Turkic patronymic's particle after them («Мамедов Эльчин Рауф оглы», «Алиева Айгюн Рауф кызы»:
 * four words, which were read as no one's name and kept from the manager column): one rule for every check of a name's shape.
 */
export const PERSON_NAME = new RegExp(`^\\p{L}[\\p{L}'’.-]*(?:\\s+\\p{L}[\\p{L}'’.-]*){1,2}(?:\\s+${PATRONYMIC_PARTICLE})?$`, 'iu');

/** Whether at least half of the values pass the test (and there is one): what «a column of dates», «of names» means to a proposal. */
export function mostly(values: readonly string[], test: (v: string) => boolean): boolean {
  return values.length > 0 && values.filter(test).length * 2 >= values.length;
}

/** A patronymic's particle, written in lower case after a capitalised name («Рауф оглы»). */
const PARTICLE = new RegExp(`^${PATRONYMIC_PARTICLE}$`, 'iu');

/**
 * Whether every word of a value is capitalised, a line beside it aside («Anna Smith», «Петрова А. С.»,
 * «Мамедов Эльчин Рауф оглы», «Анна (201)», Sipuni's «201 (Анна)»): how people's names are written,
 * where a deal's title of the same shape («Acme supply», «Ромашка поставка») is not.
 */
export function capitalised(value: string): boolean {
  return withoutLine(value).trim().split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || PARTICLE.test(w));
}

/**
 * Whether a column holds one value on every row of a sample of several rows (`values` its cells, blank
 * ones included): an opportunity's type («New Customer» on each deal), a fixed pipeline, never who
 * sold them. Such a column is proposed for a manager only where no other column is (a team of one).
 */
export function oneValueThroughout(values: readonly string[]): boolean {
  return values.length > 1 && values[0] !== '' && values.every((v) => v === values[0]);
}
