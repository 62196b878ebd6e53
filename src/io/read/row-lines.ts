/**
 * The lines of a delimited text file its rows start on, where they are not the rows themselves: a
 * row is the record's number, as a spreadsheet shows it, and a quoted cell holding line breaks (an
 * amoCRM note of two lines) puts every record after it one line further down the text. Kept as the
 * rows where the difference grows, so a file without such cells keeps nothing, and one with a note
 * on every row two numbers per row.
 */
export class RowLines {
  private readonly rows: number[] = [];
  private readonly shifts: number[] = [];
  private shift = 0;

  /** Notes the line a row starts on (rows in file order). */
  note(row: number, line: number): void {
    const shift = line - row;
    if (shift === this.shift) return;
    this.rows.push(row);
    this.shifts.push(shift);
    this.shift = shift;
  }

  /** The line a row noted starts on, where it is not the row; undefined where it is. */
  lineOf(row: number): number | undefined {
    const { rows, shifts } = this;
    // The last row at or before this one where the difference changed.
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid]! <= row) lo = mid + 1;
      else hi = mid;
    }
    const shift = lo === 0 ? 0 : shifts[lo - 1]!;
    return shift === 0 ? undefined : row + shift;
  }
}
