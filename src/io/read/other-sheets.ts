/**
 * A workbook's other sheets whose header is of the kind read (one per pipeline, one per year): their
 * rows are not read (the sheet read is the first that reads, or --sheet's), so they are said. Only
 * each sheet's first rows are looked at; the rows of a sheet that matches are then counted.
 */

/** Another sheet with a header of the kind read and rows under it: its name, whether hidden, and its rows. */
export interface OtherSheet {
  sheet: string;
  hidden?: true;
  rows: number;
}

/** A sheet's first rows with a value, and their row numbers. */
export type SheetHead = ReadonlyArray<{ cells: string[]; row: number }>;

/**
 * The test the importer gives: whether a sheet's first rows hold a header of the kind read (the header
 * of the sheet read again, or one recognised for the same kind); the header's row number, else undefined.
 */
export interface OtherSheetsCheck {
  /** How many first rows with a value are looked at (the header search's). */
  rows: number;
  header: (head: SheetHead) => number | undefined;
}

/** Thrown by a sink once a sheet's first rows are in: the rest is not parsed. */
export class HeadRead extends Error {}

/** A sink collecting a sheet's first rows with a value, that stops the read once `max` are in. */
export function headSink(max: number): { head: Array<{ cells: string[]; row: number }>; sink: (cells: string[] | { cells(): string[] }, row: number) => void } {
  const head: Array<{ cells: string[]; row: number }> = [];
  return {
    head,
    sink: (cells, row) => {
      const list = Array.isArray(cells) ? cells : cells.cells();
      if (list.some((c) => c.trim() !== '')) head.push({ cells: list, row });
      if (head.length >= max) throw new HeadRead();
    },
  };
}
