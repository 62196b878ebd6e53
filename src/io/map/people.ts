// io/map: whether a column's first values are people's names, which a manager column holds. Shared by
// the snippet of a file without a header (no-header.ts) and the columns proposed for a missing field
// (mapping.ts), so that both find the same column.
import { buildValueMaps } from './value-maps.js';
import { normalizeValue } from './values.js';

/** The built-in stage and status words: «Сделка успешна» is two words of letters and no one's name. */
const STATUS_WORDS = buildValueMaps().status;

/**
 * Whether a column's filled values all look like people's names (two or three words of letters, no
 * digits, no stage word), which a manager column holds and a deal title («Сделка 12»), a company
 * («ООО 5») or a stage («Сделка успешна») does not.
 */
export function personLike(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => /^[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){1,2}$/u.test(v) && !STATUS_WORDS.has(normalizeValue(v)));
}
