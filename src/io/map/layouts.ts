// io/map: files written without a header row in a fixed layout that their own values show. Asterisk's
// cdr_csv module writes /var/log/asterisk/cdr-csv/Master.csv with no header, its columns always in one
// order; such a file was refused with a deals snippet («manager: "#4"» over «from-trunk»), while the
// same records with the CDR table's header were read as Asterisk's. Recognised by the values in fixed
// places (a disposition word, an AMA flag, a start time), the file is given the layout's names and read
// as the Asterisk profile reads the table.

/** Master.csv's sixteen columns, always written, in order (Asterisk's cdr/cdr_csv.c, build_csv_record). */
const MASTER_CSV = ['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags'];

/**
 * The columns cdr.conf's [csv] section may add after them, in the order build_csv_record writes them:
 * uniqueid (loguniqueid=yes), userfield (loguserfield=yes), then peeraccount, linkedid and sequence
 * (newcdrcolumns=yes, Asterisk 12 and later). The compiled defaults add none (16 columns); the sample
 * cdr.conf adds the first two (18). Before, the layout named them uniqueid, userfield, linkedid,
 * peeraccount, sequence whatever the file held: a tester's 21 columns read the empty peeraccount as the
 * call id (a ring group's legs were two calls, 66.7% missed instead of 50%), and 19 (newcdrcolumns
 * alone) read the sequence, 0 on every row, as one: a day of calls was one call, without a word.
 */
const TAILS: ReadonlyArray<readonly string[]> = [false, true].flatMap((uniqueid) =>
  [false, true].flatMap((userfield) => [false, true].map((newColumns) => [...(uniqueid ? ['uniqueid'] : []), ...(userfield ? ['userfield'] : []), ...(newColumns ? ['peeraccount', 'linkedid', 'sequence'] : [])])),
);

const DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION']);
const AMA_FLAGS = new Set(['DOCUMENTATION', 'BILLING', 'OMIT', 'DEFAULT']);
const START = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** A channel's uniqueid (and a call's linkedid, its first channel's): `[system name-]seconds since 1970.counter`, as main/channel.c builds it. */
export const UNIQUEID = /^(?:\S+-)?(\d{9,10})\.\d+$/;
/** An integer unquoted (cdr_csv writes the sequence so). */
const INTEGER = /^-?\d+$/;
/** Rows of the layout among the first filled ones: one, whose three values in their places no other file's row has (a log of one call, a `tail -1`). */
const ROWS_NEEDED = 1;

/** Whether a row is one of Master.csv's: 16 to 21 cells, a disposition, an AMA flag and a start time in their places. */
function masterCsvRow(cells: readonly string[]): boolean {
  return cells.length >= MASTER_CSV.length && cells.length <= MASTER_CSV.length + 5 && DISPOSITIONS.has(cells[14]!.trim()) && AMA_FLAGS.has(cells[15]!.trim()) && START.test(cells[9]!.trim());
}

/** What the values of a tail column must look like to be it; a column named without a test holds anything (a userfield, a peeraccount, usually empty). */
const SHAPES: Readonly<Record<string, (values: readonly string[]) => boolean>> = {
  // Every channel has a uniqueid and every call a linkedid: never empty.
  uniqueid: (values) => values.every((v) => UNIQUEID.test(v)),
  linkedid: (values) => values.every((v) => UNIQUEID.test(v)),
  sequence: (values) => values.every((v) => INTEGER.test(v)),
};

/**
 * The names of the columns after the sixteen, told by their values where their count leaves a choice
 * (17 cells: a uniqueid or a userfield; 20: either, before the three new columns). A column whose
 * values are not what its place says (another writer's file, a tail no cdr.conf makes) is named by its
 * number, as a file without a header is, and read as nothing: never a call id it is not.
 */
function tailNames(rows: ReadonlyArray<readonly string[]>, width: number): string[] {
  const fits = (name: string, c: number) => SHAPES[name]?.(rows.map((cells) => cells[c]?.trim() ?? ''));
  // Each tested column that fits counts for its tail, each that does not against it (a userfield holds anything).
  const score = (tail: readonly string[]) =>
    tail.reduce((n, name, i) => {
      const fit = fits(name, MASTER_CSV.length + i);
      return n + (fit === undefined ? 0 : fit ? 1 : -1);
    }, 0);
  const best = TAILS.filter((t) => t.length === width - MASTER_CSV.length).reduce((a, b) => (score(b) > score(a) ? b : a));
  return best.map((name, i) => (fits(name, MASTER_CSV.length + i) === false ? `#${MASTER_CSV.length + i + 1}` : name));
}

/**
 * The column names of a known layout the first rows are written in (every filled one of them), as wide
 * as the widest; undefined for any other file.
 */
export function knownLayout(rows: ReadonlyArray<{ cells: readonly string[] }>): string[] | undefined {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length < ROWS_NEEDED || !filled.every((r) => masterCsvRow(r.cells))) return undefined;
  const width = Math.max(...filled.map((r) => r.cells.length));
  return [...MASTER_CSV, ...tailNames(filled.filter((r) => r.cells.length === width).map((r) => r.cells), width)];
}
