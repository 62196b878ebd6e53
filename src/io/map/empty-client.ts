/**
 * A call log's client column that is empty on every row (Sipuni's «Информация из CRM» with no CRM
 * integration filling it). Its blank cell means «a number the CRM does not know» only where the
 * column is filled on other rows; a column blank on every row says nothing of any number, and the
 * call's client comes from its sides (Откуда/Куда) or its phone column, as when the column is absent.
 * Read as that, tested row by row, it turned phone linking off for the whole file (a tester).
 *
 * The whole file decides, not its first rows: the first look (the header search's rows) sets the
 * column aside when it is blank there, every later row is checked, and a filled cell throws
 * ClientColumnFilled, upon which the file is read again with the column (`clientColumn: 'kept'`),
 * by a read that can throw away what it gave so far (readAgainOnFilled). That costs a second read
 * only for a log blank on its first rows and filled later; a log blank everywhere, the case, is read once. A part of a file read in parallel takes the first half's verdict.
 */
import { UserError } from '../../core/errors.js';
import { renderHint, renderMessage } from '../../core/messages.js';
import { namesNoClient, type Cells } from './cells.js';
import type { ImportOptions } from './import.js';
import type { ColumnMap } from './mapping.js';

/**
 * The client columns to set aside: every one blank on every row of the sample, in a call log whose
 * calls name a number otherwise (a caller, a callee, a phone). Undefined when one is filled there,
 * when the --map names the client (the user said which column holds it), or nothing would change.
 */
export function emptyClientColumns(map: ColumnMap, sample: ReadonlyArray<readonly string[]>): number[] | undefined {
  const cols = map.fields.get('client');
  if (map.kind !== 'activities' || cols === undefined || cols.some((c) => map.columns[c]?.byUser)) return undefined;
  if (!['caller', 'callee', 'phone'].some((f) => map.fields.has(f))) return undefined;
  return sample.every((row) => cols.every((c) => namesNoClient(row[c] ?? ''))) ? cols : undefined;
}

/**
 * Thrown by a read that set the client column aside when a later row fills it. The reads that can
 * start again catch it (readAgainOnFilled); one whose records already went to a caller lets it out,
 * a user error that says how to read the file with the column.
 */
export class ClientColumnFilled extends UserError {
  constructor(
    readonly header: string,
    file?: string,
  ) {
    const params = { column: header };
    super('E_CLIENT_FILLED', renderMessage('map.clientFilledLate', params, 'en'), file === undefined ? {} : { file }, renderHint('map.clientFilledLate', params, 'en'));
    this.name = 'ClientColumnFilled';
    this.messageId = 'map.clientFilledLate';
    this.params = params;
  }
}

/** Throws ClientColumnFilled when the row fills a client column set aside. */
export function checkClientCells(cells: Cells, cols: readonly number[], map: ColumnMap, file: string): void {
  for (const c of cols) if (!cells.noClient(c)) throw new ClientColumnFilled(map.columns[c]!.header, file);
}

/** Whether the input can be read a second time: a path can, stdin (or a stream given) cannot. */
export function canReadAgain(file: string, opts: Pick<ImportOptions, 'source'>): boolean {
  return file !== '-' && opts.source === undefined;
}

/**
 * The error for a read again that cannot be: stdin is read once. Said with the fix (the file by its
 * path, or the --map line that reads the column whatever its first rows).
 */
export function clientFilledError(error: ClientColumnFilled, file: string): UserError {
  return UserError.of('E_CLIENT_FILLED_STDIN', 'map.clientFilledStdin', { column: error.header }, { file });
}

/**
 * Runs `read`, and where a row filled the client column it set aside (ClientColumnFilled), runs it
 * again with the column kept: the one place every read that can start again (importFile's,
 * importActivities', the parallel read's) decides it. `restart` throws away what the first read gave
 * (the caller's records, the engines, the worker thread) before the second begins; a read without
 * one gave its records to a caller that cannot take them back, and lets the error out instead of
 * giving any row twice. A read told `kept` lets it out too (it cannot meet it); stdin cannot be read again.
 */
export async function readAgainOnFilled<R>(
  file: string,
  opts: Pick<ImportOptions, 'clientColumn' | 'source'>,
  read: (clientColumn: ImportOptions['clientColumn']) => Promise<R>,
  restart: (() => unknown) | undefined,
): Promise<R> {
  try {
    return await read(opts.clientColumn);
  } catch (error) {
    if (!(error instanceof ClientColumnFilled) || opts.clientColumn === 'kept' || restart === undefined) throw error;
    await restart();
    if (!canReadAgain(file, opts)) throw clientFilledError(error, file);
    return read('kept');
  }
}
