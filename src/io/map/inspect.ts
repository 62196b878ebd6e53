import { UserError } from '../../core/errors.js';
import { RECORD_KINDS, type RecordKind } from './fields.js';
import { DealStore } from '../../core/kpi/deal-store.js';
import { importDealRowsCounted, importFile, namedCell, noteMerged, type ImportOptions, type ImportReport } from './import.js';
import { DEFAULT_LIMITS } from '../read/limits.js';
import { headerScore } from './mapping.js';
import { kindSaidBy } from './kind-said.js';
import { readTable } from '../read/table.js';
import { onAnotherSheet, SheetWithoutHeader } from '../read/sheet-error.js';
import { ownReportOf, yamlGivenAsExport, type OwnReport } from './own-report.js';
import type { HeadRow } from './stdin-head.js';

// Where the import's other-sheets check judges a sheet's first rows too (kind-said.ts).
export { kindSaidBy };

class Enough extends Error {}

/**
 * Whether a file holds deals, activities, payments, spend or a plan, by its header: the kind it says
 * (guessKindSaid), else deals (kindRead).
 */
export async function guessKind(file: string, opts: ImportOptions): Promise<RecordKind> {
  return kindRead(await guessKindSaid(file, opts));
}

/** The refusal of a report crm-audit wrote (guessKindSaid's `report`) given to `command` (inspect, map) as an export. */
export function ownReportError(file: string, report: OwnReport, command: 'inspect' | 'map'): UserError {
  return UserError.of('E_COMPARE_KIND', command === 'inspect' ? 'inspect.ownReport' : 'map.ownReport', { command: report }, { file });
}

/**
 * The kind a file is read as when nobody said it (no --kind): the one its header says, else deals. One
 * name («Номер», a call log's too) is no reason to read a file of names the run does not know as another kind.
 */
export function kindRead(guess: { kind: RecordKind; said: boolean }): RecordKind {
  return guess.said ? guess.kind : 'deals';
}

/**
 * guessKind, and whether the header says it: a CRM's signature, two of the kind's column names, or one
 * only that kind has («Длительность разговора», «Оплачено»). One id or date name alone (a «Datensatz-ID»
 * over a German call log) is a guess too weak to tell a user the file is of another kind.
 */
export async function guessKindSaid(file: string, opts: ImportOptions): Promise<{ kind: RecordKind; said: boolean; report?: OwnReport }> {
  const rows = await headRowsOf(file, opts);
  // A report crm-audit wrote is no export of any kind (kpi's names a plan's columns): said, not read as one.
  const report = ownReportOf(rows);
  const yaml = report ? undefined : yamlGivenAsExport(file);
  if (yaml) throw yaml;
  return { ...kindSaidBy(rows, file, { ...DEFAULT_LIMITS, ...opts.limits }.headerSearchRows), ...(report ? { report } : {}) };
}

/**
 * The first rows of a file, those its header is searched in: of a workbook, those of the sheet kpi
 * reads (--sheet's, else the first sheet whose rows name columns of some kind: onAnotherSheet's rule);
 * where none does, the first sheet is refused naming it and the others (SheetWithoutHeader).
 */
export async function headRowsOf(file: string, opts: ImportOptions): Promise<HeadRow[]> {
  try {
    return await sheetHeadRows(file, opts);
  } catch (error) {
    if (!(error instanceof SheetWithoutHeader)) throw error;
    const rows = await onAnotherSheet(error, async (sheet, source) => {
      const head = await sheetHeadRows(file, { ...opts, sheet, ...source });
      // Refused (E_NO_HEADER, E_NO_ROWS) where no row names a column: the next sheet is tried.
      kindSaidBy(head, file, { ...DEFAULT_LIMITS, ...opts.limits }.headerSearchRows);
      return head;
    });
    if (rows) return rows;
    throw error;
  }
}

/** headRowsOf of one table: a workbook's sheet read by default is refused (E_NO_HEADER, then SheetWithoutHeader) when no row names a column. */
async function sheetHeadRows(file: string, opts: ImportOptions): Promise<HeadRow[]> {
  const rows: HeadRow[] = [];
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // Only a sheet read by default may give way to another (a CSV's rows are judged by the caller, as
  // before); a report crm-audit wrote names no columns and is said as what it is (ownReportOf).
  const judge = () => opts.sheet === undefined && !ownReportOf(rows) && kindSaidBy(rows, file, limits.headerSearchRows);
  try {
    // An HTML document's data table is the one whose row names two columns of some kind, as when its kind is given.
    // A workbook's formulas saved without their values say nothing of its kind: the import judges them.
    const namesColumns = (cells: readonly string[]) => RECORD_KINDS.some((kind) => headerScore(cells, kind) >= 2);
    const table = await readTable(file, { cwd: opts.cwd, stdin: opts.stdin, limits, delimiter: opts.delimiter, encoding: opts.encoding, sheet: opts.sheet, source: opts.source, namesColumns, uncalculated: 'pass' }, (cells, line) => {
      rows.push({ cells: Array.isArray(cells) ? cells : cells.cells(), row: line });
      if (rows.length < limits.headerSearchRows) return;
      // A workbook's reader turns this refusal into SheetWithoutHeader, naming the sheet and the others.
      judge();
      throw new Enough();
    });
    // A short sheet is judged once it is read.
    if (table.sheet !== undefined && table.sheets && rows.length > 0) {
      try {
        judge();
      } catch (error) {
        if (error instanceof UserError && error.code === 'E_NO_HEADER') throw new SheetWithoutHeader(error, table.sheet, table.sheets, table.held);
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof Enough) return rows;
    // Text (not a workbook) with no header: its rows, for the caller to refuse as before.
    if (error instanceof UserError && error.code === 'E_NO_HEADER' && !(error instanceof SheetWithoutHeader)) return rows;
    throw namedCell(error, { headerAbove: (column, row) => headerAbove(rows, column, row) });
  }
  return rows;
}

/** The header of a column (from 0) above a row: the row before it that names the most known columns of some kind. */
function headerAbove(rows: ReadonlyArray<{ cells: string[]; row: number }>, column: number, row: number): string | undefined {
  let best: string[] | undefined;
  let bestScore = 0;
  for (const r of rows) {
    const score = r.row < row ? Math.max(...RECORD_KINDS.map((kind) => headerScore(r.cells, kind))) : 0;
    if (score > bestScore) [best, bestScore] = [r.cells, score];
  }
  return best?.[column]?.trim() || undefined;
}

/** Reads a whole file the way kpi would and reports everything the importer saw; bad rows do not fail it. */
export async function inspectFile(file: string, kind: RecordKind | undefined, opts: ImportOptions): Promise<ImportReport> {
  if (file === '-' && kind === undefined) throw UserError.of('E_USAGE', 'inspect.stdinNeedsKind');
  const k = kind ?? (await guessKind(file, opts));
  const options = { ...opts, enforceBadRows: false, listAmbiguous: opts.listAmbiguous ?? true };
  // Its records are kept nowhere: a call log whose client column fills late is read again, nothing to throw away.
  if (k !== 'deals') return importFile(file, k, { ...options, onReadAgain: () => undefined }, () => undefined);
  // Deals into a store, as kpi reads them: rows repeating an id are merged and said as kpi says them.
  const { report, merged, differing } = await importDealRowsCounted(file, options, opts.store ?? new DealStore());
  noteMerged(report, merged, differing);
  return report;
}
