// io/map: files written without a header row in a fixed layout that their own values show. Asterisk's
// cdr_csv module writes /var/log/asterisk/cdr-csv/Master.csv with no header, its columns always in one
// order; such a file was refused with a deals snippet («manager: "#4"» over «from-trunk»), while the
// same records with the CDR table's header were read as Asterisk's. Recognised by the values in fixed
// places (a disposition word, an AMA flag, a start time), the file is given the layout's names and read
// as the Asterisk profile reads the table.

/** Master.csv's columns in order (Asterisk's cdr_csv; later versions append linkedid, peeraccount, sequence). */
const MASTER_CSV = ['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield', 'linkedid', 'peeraccount', 'sequence'];

const DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION']);
const AMA_FLAGS = new Set(['DOCUMENTATION', 'BILLING', 'OMIT', 'DEFAULT']);
const START = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** Rows of the layout among the first filled ones: one, whose three values in their places no other file's row has (a log of one call, a `tail -1`). */
const ROWS_NEEDED = 1;

/** Whether a row is one of Master.csv's: 16 to 21 cells, a disposition, an AMA flag and a start time in their places. */
function masterCsvRow(cells: readonly string[]): boolean {
  return cells.length >= 16 && cells.length <= MASTER_CSV.length && DISPOSITIONS.has(cells[14]!.trim()) && AMA_FLAGS.has(cells[15]!.trim()) && START.test(cells[9]!.trim());
}

/**
 * The column names of a known layout the first rows are written in (every filled one of them), as wide
 * as the widest; undefined for any other file.
 */
export function knownLayout(rows: ReadonlyArray<{ cells: readonly string[] }>): string[] | undefined {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length < ROWS_NEEDED || !filled.every((r) => masterCsvRow(r.cells))) return undefined;
  return MASTER_CSV.slice(0, Math.max(...filled.map((r) => r.cells.length)));
}
