// A workbook's formula saved without its computed value (a workbook a script wrote, never opened in
// Excel), as the XLSX reader hands it on: whether it stops the run is decided by the importer, once the
// whole row is read and the header mapped (a totals row's =SUM, or a column no field reads, stops
// nothing). Kept apart from xlsx.ts, which only workbooks load: the importer of a CSV imports this.
import { UserError } from '../../core/errors.js';

/** A cell whose formula has no value to read: its column (from 0), its reference, and the formula. */
export interface Uncalculated {
  col: number;
  /** `C6`. */
  cell: string;
  /** The formula as the message shows it (its first 60 characters; `…` for a shared formula's later cell). */
  formula: string;
  /** Whether the formula only aggregates ranges (`SUM(C2:C5)`, `SUBTOTAL(9,C2:C5)`): a totals row's. */
  aggregate: boolean;
  sheet: string;
  /**
   * The formula has its value, in the row's cell: an aggregate handed on only for the totals-row test
   * (a row of =COUNT and =SUM with their values and nothing else is the totals, as without them), never
   * an error.
   */
  cached?: true;
}

/** The error of such a cell that a field reads: the cause and the fix (open and save the workbook). */
export function uncalculatedError(u: Uncalculated, file: string, row: number): UserError {
  return UserError.of('E_XLSX_NO_VALUES', 'xlsx.formulaNoValue', { sheet: u.sheet, cell: u.cell, formula: u.formula }, { file, row });
}

/** Functions that sum up (or count, average…) the cells of a range: what a totals row holds. */
const AGGREGATES = 'SUM|SUBTOTAL|AGGREGATE|AVERAGE|AVERAGEA|COUNT|COUNTA|COUNTBLANK|COUNTIF|COUNTIFS|SUMIF|SUMIFS|AVERAGEIF|AVERAGEIFS|SUMPRODUCT|MIN|MINA|MAX|MAXA|MINIFS|MAXIFS|MEDIAN';
/**
 * A range: cells (`C2:C5`, `$C$2:$C$5`, `Лист1!C2:C5`), or a table's column as an Excel table's totals
 * row names it (`Сделки1[Бюджет]`, `Table1[[#Data],[Amount]]`: tester T49 F8, such a row stopped the run).
 */
const RANGE = '(?:\\$?[A-Z]{1,3}\\$?\\d+\\s*:\\s*\\$?[A-Z]{1,3}\\$?\\d+|[\\p{L}_][\\p{L}\\p{N}_.]*\\[[^()]*\\])';
/** A call of one of them whose arguments name a range, without nested calls. */
const AGGREGATE_CALL = new RegExp(`(?:_xlfn\\.)?(?:${AGGREGATES})\\s*\\([^()]*?${RANGE}[^()]*\\)`, 'giu');

/**
 * Whether a formula (without its `=`) is aggregates of ranges and nothing else: `SUM(C2:C5)`,
 * `SUBTOTAL(9,C2:C5)`, `SUM(C2:C5)+SUM(C8:C9)`. A deal's own formula (`500*2`, `C4*0.3`) is not.
 */
export function aggregateOverRanges(formula: string): boolean {
  const rest = formula.replace(AGGREGATE_CALL, '');
  return rest !== formula && /^[\s+\-*/()]*$/.test(rest);
}
