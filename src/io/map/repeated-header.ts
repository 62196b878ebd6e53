import { UserError } from '../../core/errors.js';
import type { Cells } from './cells.js';
import { normalizeHeader } from './fields.js';

/** Why a row that repeats the header in its own order is dropped (counted in `dropped`). */
export const REPEATED_HEADER = 'repeated header row';

/**
 * The header of a file, to recognise it again amid the data: two exports joined into one file (a
 * copy-paste, `cat a.csv b.csv`) repeat it. Asked only of a row that could not be read as a record,
 * so that the rows that can pay nothing.
 */
export class RepeatedHeader {
  private readonly names: string[];
  /** The header's names, to pass over a row whose first cell is none of them with one normalisation (most dropped rows). */
  private readonly known: Set<string>;
  /** The header's names sorted: a row holding the same names in any order is a header. */
  private readonly sorted: string;

  constructor(
    private readonly header: readonly string[],
    private readonly file: string,
  ) {
    this.names = header.map(normalizeHeader);
    this.known = new Set(this.names);
    // Fewer than two names tell no header from a row (a one-column file, columns by number).
    this.sorted = this.names.filter((n) => n !== '').length >= 2 ? [...this.names].sort().join('\u0000') : '';
  }

  /**
   * Whether the row is the header again in its own order (true: the caller drops it); one holding the
   * header's names in another order stops the run, naming the file, the row and a column that moved:
   * every row after it would be read in another row's columns (managers «Клиент 15»).
   */
  repeats(cells: Cells, row: number): boolean {
    // Asked of every row dropped (an events list's stage changes, planned tasks): its first cell decides most.
    if (this.sorted === '' || !this.known.has(normalizeHeader(firstCell(cells.text(0))))) return false;
    const names = this.names.map((_, c) => normalizeHeader(c === 0 ? firstCell(cells.text(0)) : cells.text(c)));
    if ([...names].sort().join('\u0000') !== this.sorted) return false;
    const moved = names.findIndex((n, c) => n !== this.names[c]);
    if (moved === -1) return true;
    const was = this.header[moved]!.trim();
    const now = cells.text(moved);
    throw UserError.of('E_HEADER_REORDERED', 'import.headerReordered', { column: moved + 1, was, now, line: row }, { file: this.file, row });
  }
}

/**
 * A row's first cell as the header's would read: two files joined (`cat a.csv b.csv`) put the second's
 * byte order mark before its first quote (`\ufeff"ID"`), so that cell is not read as quoted and keeps
 * its quotes (tester T75: the second header was an unreadable row, weighed against --max-bad-rows).
 */
function firstCell(text: string): string {
  // A decoder drops the mark itself where the cell begins its text; the quotes stay.
  const bare = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
  return bare.length >= 2 && bare.startsWith('"') && bare.endsWith('"') ? bare.slice(1, -1).replace(/""/g, '"') : bare;
}
