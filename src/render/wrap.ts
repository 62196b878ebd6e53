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
      const words = line.slice(indent.length).split(/ +/);
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

/** A line of a drawn table: it begins with a box-drawing character (after colour codes). */
const BOX_LINE = new RegExp(`^(?:${String.fromCharCode(27)}\\[[0-9;]*m)*\\s*[\u2500-\u257f]`);

/** Colour and style codes (ESC [ … m): they take no column on a terminal. */
const STYLE_CODE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** How many columns text takes: its characters, colour codes aside. */
export function visible(text: string): number {
  return [...text.replace(STYLE_CODE, '')].length;
}
