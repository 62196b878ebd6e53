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
      const words = keepTogether(line.slice(indent.length).split(/ +/));
      const out: string[] = [];
      let current = indent;
      for (const word of words) {
        if (current.trim() === '') current = indent + word;
        else if (visible(current) + 1 + visible(word) <= width) current += ` ${word}`;
        else {
          out.push(current);
          current = indent + word;
        }
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
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

/** How many columns text takes: its characters, colour codes aside. */
export function visible(text: string): number {
  return [...plain(text)].length;
}

/** Text without its colour and style codes. */
export function plain(text: string): string {
  return text.replace(STYLE_CODE, '');
}
