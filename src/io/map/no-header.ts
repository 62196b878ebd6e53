// io/map: a file none of whose first rows names a column the importer knows. Rather than take a row
// of data for the header (and show its values as column names), the error says that no header row
// was recognised, shows the first rows, and gives a --map snippet that names the columns by number:
// for each field the kind needs, the first column whose values fit it (a date for a date, a number
// for an amount), to check. A --map naming columns only by number reads such a file with every row
// as data (see import.ts, headerRow).
import { UserError } from '../../core/errors.js';
import { DELIMITER_BY_EN, DELIMITER_BY_RU, KIND_FILE_EN, KIND_FILE_RU, KIND_RU } from '../../core/messages.js';
import { requiredAnyOf, requiredFields, type RecordKind } from './fields.js';
import { cellType } from './mapping.js';
import { parseMonth } from './month.js';
import { capitalised, oneValueThroughout, personLike } from './people.js';
import { buildValueMaps } from './value-maps.js';
import { normalizeValue } from './values.js';

const SHOWN_ROWS = 5;
const SHOWN_CELLS = 8;
const LONGEST_VALUE = 30;

/** Fields a snippet names beyond the required ones: for a kind that requires none, and a deal's id, outcome and amount. */
const MORE_FIELDS: Partial<Record<RecordKind, string[]>> = { payments: ['deal_id', 'paid'], deals: ['id', 'stage', 'amount'] };
/** The built-in stage and status words, to find a deals file's stage column by its values. */
const STATUS_WORDS = buildValueMaps().status;
const DATES = new Set(['created_at', 'at', 'invoiced_at', 'paid_at']);
const NUMBERS = new Set(['amount', 'invoiced', 'paid', 'leads', 'won', 'revenue']);
const IDS = new Set(['id', 'deal_id']);

type Row = { cells: readonly string[]; row: number };
type Column = { n: number; values: string[]; type: ReturnType<typeof cellType> | 'mixed'; month: boolean };

/**
 * No header row among the first rows (E_NO_HEADER, as before, so that a workbook's other sheets are
 * still searched): the first rows, and a --map snippet for `kind` (for a deals export when the kind is
 * not known, as inspect's guess has none to go by).
 */
export function noHeaderError(file: string, kind: RecordKind | undefined, rows: readonly Row[], searched: number): UserError {
  const shown = rows.filter((r) => r.cells.some((c) => c.trim() !== '')).slice(0, SHOWN_ROWS);
  // Nothing to show and nothing to name by number: an empty file (E_NO_HEADER still: a workbook's other sheets are searched).
  if (shown.length === 0) return UserError.of('E_NO_HEADER', 'import.onlyBlankLines', {}, { file });
  const apart = splitApart(shown);
  if (apart) return UserError.of('E_NO_HEADER', 'import.mixedDelimiters', { ...apart, delimiter: DELIMITER_BY_EN[apart.delimiter] ?? apart.delimiter, delimiterRu: DELIMITER_BY_RU[apart.delimiter] ?? apart.delimiter }, { file });
  const k = kind ?? 'deals';
  const params = {
    rows: searched,
    kind: k,
    kindRu: KIND_RU[k] ?? k,
    fileEn: KIND_FILE_EN[k] ?? k,
    fileRu: KIND_FILE_RU[k] ?? k,
    first: listRows(shown, 'en'),
    firstRu: listRows(shown, 'ru'),
    snippet: numberedSnippet(k, shown, 'en'),
    snippetRu: numberedSnippet(k, shown, 'ru'),
  };
  return UserError.of('E_NO_HEADER', kind ? 'import.noHeaderRow' : 'inspect.noHeaderRow', params, { file });
}

/** The delimiters a header line may be split by apart from its rows. */
const DELIMITERS = [',', ';', '\t', '|'];

/** A row's cells but the empty ones at its end (Bitrix24 ends every line with its delimiter). */
const width = (cells: readonly string[]) => {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === '') n--;
  return n;
};

/**
 * A header line split by one delimiter and the data rows by another (a half re-saved export: the rows
 * saved again with «;», the header left with «,»): the first row one cell, which a delimiter splits
 * into as many cells as most rows after it have (three at least; one more where the rows end with their
 * delimiter). Its snippet by number could not read it: a --map naming the header's columns splits the
 * file by the rows' delimiter, and the header is one cell.
 */
function splitApart(rows: readonly Row[]): { row: number; delimiter: string; columns: number; dataRow: number } | undefined {
  const [head, ...data] = rows;
  if (!head || data.length === 0 || width(head.cells) !== 1) return undefined;
  const counts = new Map<number, number>();
  for (const r of data) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  const [cells, rowsOfIt] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (cells < 2 || rowsOfIt * 2 < data.length) return undefined;
  // Three names at least, none empty but a last one: a title «Сделки, март» over two columns is no header.
  const names = (d: string) => head.cells[0]!.split(d);
  const parts = (d: string) => names(d).length;
  const delimiter = DELIMITERS.find((d) => parts(d) >= 3 && width(names(d)) >= parts(d) - 1 && names(d).slice(0, -1).every((n) => n.trim() !== '') && (parts(d) === cells || parts(d) + 1 === cells));
  if (delimiter === undefined) return undefined;
  return { row: head.row, delimiter, columns: parts(delimiter), dataRow: data.find((r) => r.cells.length === cells)!.row };
}

const cut = (v: string) => (v.length > LONGEST_VALUE ? `${v.slice(0, LONGEST_VALUE)}…` : v);
const quote = (v: string, lang: string) => (lang === 'ru' ? `«${cut(v)}»` : JSON.stringify(cut(v)));

/** The rows as a reader sees them: their line number and their first cells, quoted. */
function listRows(rows: readonly Row[], lang: string): string {
  const word = lang === 'ru' ? 'строка' : 'row';
  return rows.map((r) => `  ${word} ${r.row}: ${r.cells.slice(0, SHOWN_CELLS).map((c) => quote(c.trim(), lang)).join(', ')}${r.cells.length > SHOWN_CELLS ? ', …' : ''}`).join('\n');
}

/** Each column of the rows: its number, its filled values, what they all are, and whether they are all months. */
function columnsOf(rows: readonly Row[]): Column[] {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, i) => {
    const values = rows.map((r) => (r.cells[i] ?? '').trim()).filter((v) => v !== '');
    const types = new Set(values.map(cellType));
    const month = values.length > 0 && values.every((v) => parseMonth(v, 'dmy') !== undefined);
    return { n: i + 1, values, type: values.length === 0 ? 'empty' : types.size === 1 ? [...types][0]! : 'mixed', month };
  });
}

/** Whether a column's values fit a field: dates for a date, months for a month, numbers for an amount or a target, a number or text for an id, text for the rest (a column of mixed values fits none). */
function fits(field: string, c: Column): boolean {
  if (field === 'month') return c.month;
  if (DATES.has(field)) return c.type === 'date';
  if (NUMBERS.has(field)) return c.type === 'number';
  if (IDS.has(field)) return c.type === 'number' || c.type === 'text';
  // A stage column holds a stage word the maps know (Сделка успешна, Closed Won).
  if (field === 'stage') return c.type === 'text' && c.values.some((v) => STATUS_WORDS.has(normalizeValue(v)));
  return c.type === 'text';
}

/** A --map section naming the fields the kind needs by column number, each with its first values to check, and the other columns in a comment. */
function numberedSnippet(kind: RecordKind, rows: readonly Row[], lang: string): string {
  const ru = lang === 'ru';
  const columns = columnsOf(rows);
  const used = new Set<number>();
  // Each once: a field both required and among the others offered (a payment's deal_id and paid) is one line.
  const fields = [...new Set([...requiredFields(kind), ...requiredAnyOf(kind).map((group) => group[0]!), ...(MORE_FIELDS[kind] ?? [])])];
  const lines = fields.map((field) => {
    const free = columns.filter((c) => !used.has(c.n) && fits(field, c));
    // A manager is looked for among names first, those written as names before those of a name's shape
    // only: the first text column is often a deal's title («Acme supply»); a column of one value on
    // every row (an opportunity's type) only where no other column fits.
    const varied = field === 'manager' ? free.filter((c) => !oneValueThroughout(rows.map((r) => (r.cells[c.n - 1] ?? '').trim()))) : free;
    const pool = varied.length > 0 ? varied : free;
    const names = field === 'manager' ? pool.filter((c) => personLike(c.values)) : [];
    const col = names.find((c) => c.values.every(capitalised)) ?? names[0] ?? pool[0];
    if (!col) return `    ${field}: ${ru ? '"<номер колонки, например #3>"' : '"<column number, e.g. #3>"'}`;
    used.add(col.n);
    return `    ${field}: "#${col.n}"    # ${col.values.slice(0, 2).map((v) => quote(v, lang)).join(', ')}: ${ru ? 'проверьте' : 'check'}`;
  });
  // A deal's close date, where a second date column is empty on some rows (the open deals): without it the
  // pasted snippet read no deal closed, and a renamed won stage was never asked (a tester: 0 won, exit 0).
  const closed = kind === 'deals' ? columns.find((c) => !used.has(c.n) && c.type === 'date' && c.values.length < rows.length) : undefined;
  if (closed) {
    used.add(closed.n);
    lines.push(`    closed_at: "#${closed.n}"    # ${closed.values.slice(0, 2).map((v) => quote(v, lang)).join(', ')}${ru ? ', пустая у открытых сделок: проверьте' : ', empty on open deals: check'}`);
  }
  const others = columns.filter((c) => !used.has(c.n) && c.values.length > 0).map((c) => `#${c.n} ${quote(c.values[0]!, lang)}`);
  if (others.length > 0) lines.push(`    # ${ru ? 'другие колонки' : 'other columns'}: ${others.join(', ')}`);
  return `${kind}:\n  columns:\n${lines.join('\n')}`;
}
