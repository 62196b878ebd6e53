import type { Cells } from './cells.js';

/** What a column's values were expected to be (context.ts unreadValue, and its callers in month.ts and activity-reader.ts). */
export type Expected = 'date' | 'number' | 'month' | 'time' | 'duration';

/** How many distinct values of an unreadable column are kept to show. */
const VALUES_SHOWN = 3;

/**
 * A column none of whose filled values could be read: its header, what its values should have been,
 * how many were filled (each a skipped row), and the first distinct ones. Made from a file's rows as
 * read (UnreadColumns), or from its parts' read apart (mergeUnreadable, settleUnreadable).
 */
export interface UnreadColumn {
  column: string;
  expected: Expected;
  count: number;
  values: string[];
}

/** A column needs this many unreadable filled values, and no readable one, to stop the run: one may be a typo. */
export const UNREADABLE_MIN = 2;

/**
 * Finds the mapped columns in which not one filled value could be read (Pipedrive's «Won time» = `TBD`
 * on every won deal): the rows holding them were skipped under the --max-bad-rows allowance, and a
 * third of a small team vanished from the report, exit 0 (a tester). Each skipped row's column and
 * value are noted; a row that gave a record marks its filled columns read, watching only the columns
 * not yet seen so (after the first rows, mostly none: the cost is a few blank checks a row).
 */
export class UnreadColumns {
  private watch: number[];
  private readonly read = new Set<string>();
  private readonly unread = new Map<string, UnreadColumn>();

  constructor(
    columns: Iterable<number>,
    private readonly headerOf: (col: number) => string,
  ) {
    this.watch = [...columns];
  }

  /** A row that gave a record: its filled columns were read. */
  noteRecord(cells: Cells): void {
    const watch = this.watch;
    if (watch.length === 0) return;
    for (let i = watch.length - 1; i >= 0; i--) {
      if (cells.blank(watch[i])) continue;
      this.read.add(this.headerOf(watch[i]!));
      watch.splice(i, 1);
    }
  }

  /** A skipped row: its value noted when it was a filled value its column's reader could not read (unreadValue). */
  noteSkipped(unread: { expected: Expected; value: string } | undefined, column: string | undefined): void {
    if (column === undefined || unread === undefined) return;
    let u = this.unread.get(column);
    if (!u) this.unread.set(column, (u = { column, expected: unread.expected, count: 0, values: [] }));
    u.count++;
    if (u.values.length < VALUES_SHOWN && !u.values.includes(unread.value)) u.values.push(unread.value);
  }

  /**
   * What the report keeps: the columns none of whose filled values was read, and, of a part of a file
   * read apart (parallel), every column some row read (the whole file's verdict is settleUnreadable's).
   */
  result(part: boolean): { unreadable?: UnreadColumn[]; columnsRead?: string[] } {
    const unreadable = [...this.unread.values()].filter((u) => !this.read.has(u.column));
    if (part) return { ...(unreadable.length > 0 ? { unreadable } : {}), columnsRead: [...this.read] };
    const whole = unreadable.filter((u) => u.count >= UNREADABLE_MIN);
    return whole.length > 0 ? { unreadable: whole } : {};
  }
}

/** Two parts' unreadable columns (the first part's first), and the columns either read. */
export function mergeUnreadable(a: { unreadable?: UnreadColumn[]; columnsRead?: string[] }, b: { unreadable?: UnreadColumn[]; columnsRead?: string[] }): { unreadable?: UnreadColumn[]; columnsRead?: string[] } {
  const byColumn = new Map<string, UnreadColumn>();
  for (const u of [...(a.unreadable ?? []), ...(b.unreadable ?? [])]) {
    const seen = byColumn.get(u.column);
    if (!seen) byColumn.set(u.column, { ...u, values: [...u.values] });
    else {
      seen.count += u.count;
      for (const v of u.values) if (seen.values.length < VALUES_SHOWN && !seen.values.includes(v)) seen.values.push(v);
    }
  }
  const read = [...new Set([...(a.columnsRead ?? []), ...(b.columnsRead ?? [])])];
  return { ...(byColumn.size > 0 ? { unreadable: [...byColumn.values()] } : {}), ...(a.columnsRead || b.columnsRead ? { columnsRead: read } : {}) };
}

/** The whole file's unreadable columns once its parts are merged: those no part read a value of, as one pass finds them. */
export function settleUnreadable(report: { unreadable?: UnreadColumn[]; columnsRead?: string[] }): void {
  const read = new Set(report.columnsRead ?? []);
  delete report.columnsRead;
  const whole = (report.unreadable ?? []).filter((u) => !read.has(u.column) && u.count >= UNREADABLE_MIN);
  if (whole.length > 0) report.unreadable = whole;
  else delete report.unreadable;
}
