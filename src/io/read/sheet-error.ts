import { Readable } from 'node:stream';
import { UserError, userErrorMessage } from '../../core/errors.js';
import { renderHint, type MessageId } from '../../core/messages.js';

/** The sheet read by default has no known header row; the workbook's other sheets may hold the data. */
export class SheetWithoutHeader extends UserError {
  constructor(
    /** Why the sheet was passed over: no header row (E_NO_HEADER), or required columns missing (E_MAP_REQUIRED: a summary sheet before the data). */
    readonly passedOver: UserError,
    readonly sheet: string,
    readonly sheets: string[],
    /** The workbook, where it came from stdin: the other sheets are read from it (stdin cannot be read twice). */
    public held?: Buffer,
  ) {
    const cause = passedOver;
    // The sheet read is named in the message; the hint lists the others, to choose one with --sheet.
    const others = sheets.filter((n) => n !== sheet);
    super(cause.code, `${cause.message} on sheet "${sheet}"`, cause.where, sheets.length > 1 ? `the data may be on another sheet: pass --sheet with one of ${others.map((n) => `"${n}"`).join(', ')}` : cause.hint);
    // The same words from the catalogue, so that a Russian run reads the cause and the hint in Russian.
    const hintIn = (lang: string) => (cause.messageId ? renderHint(cause.messageId, cause.params ?? {}, lang) : cause.hint);
    const id: MessageId = sheets.length > 1 ? 'sheet.noHeaderOthers' : hintIn('en') !== undefined ? 'sheet.noHeader' : 'sheet.noHeaderBare';
    this.messageId = id;
    this.params = { cause: cause.message, causeRu: userErrorMessage(cause, 'ru'), sheet, sheets: others.map((n) => `"${n}"`).join(', '), sheetsRu: others.map((n) => `«${n}»`).join(', '), causeHint: hintIn('en') ?? '', causeHintRu: hintIn('ru') ?? '' };
  }
}

/** Why a sheet tried after the one read by default is passed over: no header, no required column, nothing at all. */
const PASSED_OVER = new Set(['E_NO_HEADER', 'E_MAP_REQUIRED', 'E_NO_ROWS', 'E_XLSX_EMPTY']);

/**
 * The rule a workbook's sheet is chosen by when no --sheet names one (kpi, inspect and map alike): the
 * first sheet with values, visible ones first; where that one was passed over (`passed`: no header it
 * knows, or a summary lacking a required column), the others in the same order, the first that `read`
 * reads (a sheet `read` refuses as PASSED_OVER is passed over too). A workbook from stdin is read again
 * from the bytes held (`source`). undefined when no other sheet reads.
 */
export async function onAnotherSheet<R>(passed: SheetWithoutHeader, read: (sheet: string, source: { source?: Readable }) => Promise<R>): Promise<R | undefined> {
  for (const sheet of passed.sheets.filter((n) => n !== passed.sheet)) {
    const source = passed.held ? { source: Readable.from([passed.held]) } : {};
    const result = await read(sheet, source).catch((error: unknown) => {
      if (error instanceof UserError && PASSED_OVER.has(error.code)) return undefined;
      throw error;
    });
    if (result !== undefined) return result;
  }
  return undefined;
}

/**
 * The sheet `--sheet` names, in a workbook's order (XLSX and Excel XML 2003 alike): a sheet of that very
 * name before a position (a workbook of months names its sheets «1»…«12», and «--sheet 3» is March
 * wherever its tab stands), then the name in any case; refused naming the sheets there are.
 */
export function chosenSheet<S extends { name: string }>(inOrder: readonly S[], wanted: string, names: readonly string[], file: string): S {
  const byIndex = /^\d+$/.test(wanted) ? inOrder[Number(wanted) - 1] : undefined;
  const chosen = inOrder.find((s) => s.name === wanted) ?? byIndex ?? inOrder.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (!chosen) throw UserError.of('E_XLSX_SHEET', 'xlsx.noSuchSheet', { sheet: wanted, sheets: names.map((n) => `"${n}"`).join(', '), sheetsRu: names.map((n) => `«${n}»`).join(', ') }, { file });
  return chosen;
}

/**
 * Why a workbook gave no rows: no sheet holds values, or the sheet `--sheet` chose (`chosen`) is empty,
 * beside the sheets that hold values (`filled`, named to choose one of them instead).
 */
export function emptySheetsError(file: string, chosen: string | undefined, names: readonly string[], filled: readonly string[]): UserError {
  if (chosen === undefined) return UserError.of('E_XLSX_EMPTY', 'xlsx.allSheetsEmpty', {}, { file });
  if (filled.length === 0) return UserError.of('E_XLSX_EMPTY', names.length > 1 ? 'xlsx.allSheetsEmpty' : 'xlsx.sheetEmpty', { sheet: chosen }, { file });
  return UserError.of('E_XLSX_EMPTY', 'xlsx.sheetEmptyOthers', { sheet: chosen, sheets: filled.map((n) => `"${n}"`).join(', '), sheetsRu: filled.map((n) => `«${n}»`).join(', ') }, { file });
}

/** A 0-based column's letters: 54 -> BC. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 0-based column and a row as a cell reference: (54, 12) -> BC12. */
export function cellRef(col: number, row: number): string {
  return `${columnName(col)}${row}`;
}
