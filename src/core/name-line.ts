import { LINE_AFTER_NAME, lineAfterName } from './pbx-line.js';

/**
 * A telephony line written before a person's name: Sipuni writes its parties line first, the name in
 * brackets («101 (Иванов Иван)»; a parser of its real exports reads «428 (Додаев Иван)»); the mirror
 * forms of those after a name too («(101) Иванов Иван», «(доб. 101) Иванов Иван», «<101> Иванов Иван»).
 * The line is group 1, 3 or 5, the name group 2, 4 or 6; a name has a letter (`101 (102)` is none).
 */
const LINE_BEFORE_NAME =
  /^(?:(?:доб\.?|ext\.?|вн\.?)\s*)?(\d{2,6})\s*\(\s*([^()]*?\p{L}[^()]*?)\s*\)$|^\(\s*(?:(?:доб\.?|ext\.?|вн\.?)\s*)?(\d{2,6})\s*\)\s*(\p{L}.*)$|^<(\d{2,6})>\s*(\p{L}.*)$/iu;

/** A name and the line written beside it. */
export interface NamedLine {
  name: string;
  line: string;
}

/**
 * A name with a telephony line beside it, after («Иванов Иван (101)», «(доб. 101)», «<101>») or before
 * («101 (Иванов Иван)», Sipuni's way): the name without it and the line's digits; undefined for a
 * value with none. One rule for both spellings, so that a log that writes the line first names the
 * same manager as one that writes it after (a tester's Sipuni log listed each person twice).
 */
export function nameAndLine(value: string): NamedLine | undefined {
  const v = value.trim();
  const after = lineAfterName(v);
  if (after !== '') {
    const name = v.replace(LINE_AFTER_NAME, '').trim();
    if (name !== '') return { name, line: after };
  }
  const m = LINE_BEFORE_NAME.exec(v);
  if (m === null) return undefined;
  return { name: (m[2] ?? m[4] ?? m[6]!).trim(), line: m[1] ?? m[3] ?? m[5]! };
}

/**
 * A line a file named a person by, as the manager was reported (`name`) and as the file wrote the
 * cell (`as`: «101 (Иванов Иван)» stays line first), for the user-ids alert to quote.
 */
export interface LineSpelling {
  name: string;
  as: string;
}

/** The name of a value without its line, after or before it (the value itself when it has none). */
export function withoutLine(value: string): string {
  return nameAndLine(value)?.name ?? value;
}

/**
 * Whether a value may have a line beside it (it ends in `)` or `>`, as «101 (Иванов Иван)» does too, or
 * starts with `(` or `<`): a test cheaper than the patterns, for a cell read often.
 */
export function mayHaveLine(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  const first = value.charCodeAt(0);
  return last === 0x29 || last === 0x3e || first === 0x28 || first === 0x3c;
}
