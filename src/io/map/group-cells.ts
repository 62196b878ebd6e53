import { RowCells, type Cells } from './cells.js';
import { isSubtotalLabel } from './row-filters.js';

/** Rows a group may hold before the file's first subtotal row shows it is a grouped report: read as they are past it. */
const HELD_MAX = 10_000;
/** The grouping columns a summary report writes first (one per grouping level, at most three in Salesforce). */
const GROUP_COLUMNS = 3;

/**
 * A summary report grouped by a column (Salesforce's grouped by Opportunity Owner, saved as CSV or
 * with its merged cells unmerged) writes each group's value on the group's first row only, blank below
 * it, until the group's `Subtotal` row. In a file where such subtotal rows are recognised, a blank
 * grouping cell between a group's first row and its subtotal reads as the row above, as a merged cell
 * does (xlsx.ts); its rows were skipped as «no manager», half the deals of a tester's report. Rows
 * before the file's first subtotal wait for it; a blank in a file with no subtotal row stays blank.
 * Grouping columns: the first, up to the subtotal label's column; the first is the header's first
 * filled one (`lead`: Salesforce's formatted report leaves its column A empty, and a tester's owners
 * were «no manager» there).
 */
export class GroupCells {
  private subtotals = false;
  private last = 0;
  /** The open group's values of its first columns (its first row's, then as lower levels change). */
  private above: string[] | undefined;
  private held: Array<{ cells: string[]; count: number; row: number }> = [];
  private readonly out = new RowCells();
  /** Rows read with a grouping cell filled from above, and the columns filled. */
  rows = 0;
  readonly columns = new Set<number>();

  constructor(
    private readonly read: (cells: Cells, count: number, row: number) => void,
    private readonly lead = 0,
  ) {}

  /** Whether the rows under a header look like a grouped report's: a subtotal row, or a row with its first cell blank under one with it filled. */
  static shown(sample: ReadonlyArray<readonly string[]>, lead = 0): boolean {
    const first = (r: readonly string[]) => (r[lead] ?? '').trim();
    return sample.some((r, i) => isSubtotalLabel(first(r)) || (i > 0 && first(r) === '' && r.some((c) => c.trim() !== '') && sample.slice(0, i).some((p) => first(p) !== '')));
  }

  /** A data row: true when taken (held, or read filled), false when the caller reads it as it is. */
  data(cells: Cells, count: number, row: number): boolean {
    if (!cells.blank(this.lead)) {
      this.flush(false);
      this.above = Array.from({ length: Math.min(count, this.lead + GROUP_COLUMNS) }, (_, c) => cells.text(c));
      return false;
    }
    if (!this.above) return false;
    if (this.subtotals) {
      this.emit([...cells.copy()], count, row);
      return true;
    }
    if (this.held.length >= HELD_MAX) {
      this.flush(false);
      this.above = undefined;
      return false;
    }
    this.held.push({ cells: [...cells.copy()], count, row });
    return true;
  }

  /**
   * A totals row: a group's subtotal fills the rows held and closes its group (labelled in the second
   * column, an inner level's: the outer group goes on); another (grand totals, a footer) closes all.
   */
  totals(cells: Cells, count: number): void {
    let first = this.lead;
    while (first < count && cells.blank(first)) first++;
    if (first < this.lead + GROUP_COLUMNS && isSubtotalLabel(cells.text(first))) {
      this.subtotals = true;
      this.last = Math.max(this.last, first);
      this.flush(true);
      if (first > this.lead && this.above) {
        for (let c = first; c < this.above.length; c++) this.above[c] = '';
        return;
      }
    } else this.flush(false);
    this.above = undefined;
  }

  /** The rows held read as they are (no subtotal came), or filled from above. */
  flush(fill: boolean): void {
    if (this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    for (const h of held) {
      if (fill) this.emit(h.cells, h.count, h.row);
      else this.read(this.out.setText(h.cells), h.count, h.row);
    }
  }

  private emit(cells: string[], count: number, row: number): void {
    const above = this.above!;
    let filled = false;
    for (let c = this.lead; c <= this.last && c < above.length; c++) {
      if ((cells[c] ?? '').trim() !== '') above[c] = cells[c]!;
      else if (above[c]!.trim() !== '') {
        while (cells.length <= c) cells.push('');
        cells[c] = above[c]!;
        this.columns.add(c);
        filled = true;
      }
    }
    if (filled) this.rows++;
    this.read(this.out.setText(cells), Math.max(count, cells.length), row);
  }
}
