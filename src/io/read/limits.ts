/**
 * Limits that bound time and memory on hostile input. Each is named in the error it causes, and
 * the adjustable ones have a CLI option (README "Limits").
 */
export interface Limits {
  /** Longest cell, in characters (`--max-cell-size`). */
  maxCellChars: number;
  /** Most columns in a row (`--max-columns`). */
  maxColumns: number;
  /** Most bytes an XLSX may inflate to, all parts together (`--max-inflated-size`). */
  maxInflatedBytes: number;
  /** Largest shared-strings part we hold in memory. */
  maxSharedStringsBytes: number;
  /** Rows held back while an ambiguous date column is being resolved. */
  maxPendingRows: number;
  /** How many skipped rows are listed one by one (all are counted). */
  maxListedSkips: number;
  /** Rows searched for the header row. */
  headerSearchRows: number;
  /** Largest stdin accepted for formats that need random access (XLSX). */
  maxBufferedInputBytes: number;
  /**
   * Deepest nesting of elements in an HTML ".xls" (a browser's parser stops at 512 too). CRM exports
   * nest a dozen deep; the HTML library's element stack costs a step per open element at each open
   * tag, so 200k nested tables took minutes: the limit keeps the reading linear in the file's size.
   */
  maxHtmlDepth: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxCellChars: 1 << 20,
  maxColumns: 2000,
  maxInflatedBytes: 1 << 30,
  maxSharedStringsBytes: 256 << 20,
  maxPendingRows: 200_000,
  maxListedSkips: 100,
  headerSearchRows: 30,
  maxBufferedInputBytes: 512 << 20,
  maxHtmlDepth: 512,
};
