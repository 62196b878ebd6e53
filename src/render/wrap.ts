/**
 * Wraps text at word boundaries to `width` columns (a word longer than a line stays whole);
 * existing line breaks are kept. Terminals otherwise break words mid-way. A line that fits is kept
 * as it is (its runs of spaces pad a table's cells), and so is a table's line (box drawing), which
 * wrapping could only break.
 */
export function wrapText(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 20) return text;
  return text
    .split('\n')
    .map((line) => {
      if (visible(line) <= width || BOX_LINE.test(line)) return line;
      const indent = /^\s*/.exec(line)![0];
      const lines = fill(keepTogether(line.slice(indent.length).split(/ +/)), width, indent);
      return lines.length > 0 ? lines.join('\n') : line;
    })
    .join('\n');
}

/** Lines of at most `max` columns, broken between words (a longer word keeps its own line): a note under a table, a table's header. */
export function wrapWords(text: string, max: number): string[] {
  return fill(text.split(' '), max, '');
}

/** Words filled into lines of at most `max` columns, each line after `indent`. */
function fill(words: readonly string[], max: number, indent: string): string[] {
  const lines: string[] = [];
  const room = max - visible(indent);
  let line = '';
  for (const word of words) {
    if (line && visible(line) + 1 + visible(word) > room) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** A unit written after its number: «21 000 ч», «30 мин», «4,5 дн.», «9 460 500 ₽», «15 %», «2 500 руб.», "3 h". */
const UNIT = /^(?:ч|мин|дн|руб|₽|%|h|min|d)\.?[,.;:!?)»"]*$/;
/** A word ending in a number: «21», «1 000» (its last group), «2,5», «(1». */
const NUMBER_END = /\d[\d,.]*$/;
/** A dash between words: a line must not begin with it. */
const DASH = /^[—–]$/;
/** A digit group after a space: «000» of «21 000», «500,50» of «1 500,50» (the next word is a part of the same number). */
const GROUP = /^\d{3}(?![\d])(?:[,.]\d+)?[,.;:!?)»"]*$/;

/**
 * Joins the words a line must not be broken between, as a Russian reader writes them: a number and
 * the unit after it («21 000 | ч» was printed), the groups of one number («1 | 500»), and a dash with
 * the word before it, so that no line begins with «—» (the dash ends the line instead).
 */
export function keepTogether(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const bare = word.replace(STYLE_CODE, '');
    const prev = out.length > 0 ? out[out.length - 1]!.replace(STYLE_CODE, '') : undefined;
    const joins = prev !== undefined && prev !== '' && (DASH.test(bare) || (NUMBER_END.test(prev) && (UNIT.test(bare) || GROUP.test(bare))));
    if (joins) out[out.length - 1] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/** A line of a drawn table: it begins with a box-drawing character (after colour codes). */
const BOX_LINE = new RegExp(`^(?:${String.fromCharCode(27)}\\[[0-9;]*m)*\\s*[\u2500-\u257f]`);

/** Colour and style codes (ESC [ … m): they take no column on a terminal. */
const STYLE_CODE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** How many columns text takes on a terminal, colour codes aside (textWidth). */
export function visible(text: string): number {
  return textWidth(plain(text));
}

/** Made at first use: making one loads the ICU break rules, some 20 ms before a kpi run's first row (node --cpu-prof). */
let segmenter: Intl.Segmenter | undefined;
const segments = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);
/** Letters and signs that need no segmenting: each one column (Latin, Greek, Cyrillic, punctuation, no combining mark). */
const NARROW_ONLY = /^[\u0020-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u205e\u20a0-\u20bf\u2116\u2190-\u21ff\u2500-\u257f]*$/;
/**
 * A character cluster two columns wide: East Asian wide and full-width letters (CJK, kana, hangul, full-width
 * forms) and emoji shown as pictures. A tester's progress line with a Chinese file name, counted a column a
 * character, ran to 101 columns of 80 and left stale lines (T57).
 */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}|\ufe0f/u;

/** A mark that joins the character before it (an accent, U+0306 of a decomposed «й»): no column of its own. */
const JOINING = /^(?:\p{M}|\u200d|\ufe0e|\ufe0f)$/u;
/** Words longer than this are counted by code point: the segmenter is slow on long runs (review R48: 100 000 characters took 20 s). */
const SEGMENTED_MAX = 256;

/**
 * The columns a text takes on a terminal: one a character cluster a reader sees (a letter and its accent are one), two a
 * wide one. Measured word by word: segmenting a long line whole was quadratic.
 */
export function textWidth(text: string): number {
  if (NARROW_ONLY.test(text)) return text.length;
  let width = 0;
  for (const word of text.split(' ')) width += wordWidth(word) + 1;
  return width - 1;
}

function wordWidth(word: string): number {
  if (NARROW_ONLY.test(word)) return word.length;
  let width = 0;
  if (word.length > SEGMENTED_MAX) {
    for (const ch of word) width += JOINING.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
    return width;
  }
  for (const { segment } of segments(word)) width += WIDE.test(segment) ? 2 : 1;
  return width;
}

/** The first of `chars` (character clusters) that fit in `columns` of a terminal: where a cut keeps a text's start. */
export function fitColumns(chars: readonly string[], columns: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const c of chars) {
    used += textWidth(c);
    if (used > columns) break;
    out.push(c);
  }
  return out;
}

/** A text's character clusters as a reader sees them (a cut never splits an emoji, a flag, a letter and its accent). */
export function graphemes(text: string): string[] {
  return Array.from(segments(text), (s) => s.segment);
}

/** Text without its colour and style codes. */
export function plain(text: string): string {
  return text.replace(STYLE_CODE, '');
}
