/**
 * The first rows of an export read from stdin, kept as its import saw them. A path is read again to
 * judge what its header says it is (a call log given as --deals: guessKindSaid); stdin is read once,
 * so the rows its header was searched in are kept, by the stream, for that judgment. Only the rows of
 * the header search (at most limits.headerSearchRows), never the data.
 */
import type { ImportOptions } from './import.js';

/** A row of the header search: its cells and its line. */
export interface HeadRow {
  cells: string[];
  row: number;
}

const heads = new WeakMap<object, readonly HeadRow[]>();

/**
 * Keeps the rows stdin's header is searched in, and hands them to `opts.onStdinHead`: the first
 * table only (a workbook's other sheets, tried after it, are read from the bytes held, not as stdin).
 */
export function keepStdinHead(opts: Pick<ImportOptions, 'stdin' | 'onStdinHead'>, rows: readonly HeadRow[]): void {
  if (heads.has(opts.stdin)) return;
  const kept = rows.map(({ cells, row }) => ({ cells: [...cells], row }));
  heads.set(opts.stdin, kept);
  opts.onStdinHead?.(kept);
}

/** The rows the import of this stdin searched for its header; undefined before it was read that far. */
export function stdinHead(stdin: NodeJS.ReadableStream): readonly HeadRow[] | undefined {
  return heads.get(stdin);
}
