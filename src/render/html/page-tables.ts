import type { ReadingTable } from '../kpi/reading-table.js';
import { esc, table } from './page.js';

/**
 * The width an A4 page in portrait holds for a table, in CSS pixels (210 mm less 12 mm margins each
 * side), and what 12-px table text takes: a character (DejaVu Sans' digits, the widest), a cell's padding.
 * Measured in Chromium: «Пропущенные» takes 100 px in a header, «26 114,0» 61 px in a cell.
 */
const PAGE_PX = 700;
const CHAR_PX = 7.6;
/** A character of a bold 12-px header (Cyrillic capitals and bold letters are wider than digits). */
const HEAD_PX = 9.2;
const CELL_PX = 12;
/** A text column (a source, a month) wraps past this many characters rather than take a page's width. */
const KEY_CHARS = 18;

const chars = (s: string) => [...s].length;
/** A header wraps between words: its longest word is all the width it needs. */
const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map(chars));

/**
 * Pixels each number column takes (its widest value, or its header's longest word), and the text
 * columns all together, the first no narrower than `firstKeyPx` (a CSS min-width).
 */
function columnWidths(t: ReadingTable, firstKeyPx: number): { cols: number[]; keys: number } {
  const cols = t.columns.map((h, j) => Math.max(longestWord(h) * HEAD_PX, ...t.rows.map((r) => chars(r.values[j]?.text ?? '') * CHAR_PX)) + CELL_PX);
  const key = (h: string, i: number) => Math.max(longestWord(h) * HEAD_PX, Math.min(KEY_CHARS, ...t.rows.map((r) => chars(r.keys[i] ?? ''))) * CHAR_PX) + CELL_PX;
  const keys = t.keys.reduce((sum, h, i) => sum + (i === 0 ? Math.max(firstKeyPx, key(h, i)) : key(h, i)), 0);
  return { cols, keys };
}

/**
 * Contiguous runs of `widths`, each at most `limit` wide, in as few runs as can be and those as even as
 * can be (the least sum of squared widths): the columns of a table split in two are shared out evenly,
 * not a full table and a second one of a single column (a tester: 73 rows, two printed pages, for one
 * column). A width above the limit alone is a run of its own.
 */
export function evenRuns(widths: number[], limit: number): number[][] {
  const n = widths.length;
  const width = (i: number, j: number) => widths.slice(i, j).reduce((a, b) => a + b, 0);
  // best[i]: the fewest runs of the first i widths, their cost, and where the last run starts.
  const best: Array<{ runs: number; cost: number; from: number }> = [{ runs: 0, cost: 0, from: 0 }];
  for (let i = 1; i <= n; i++) {
    let pick = { runs: Infinity, cost: Infinity, from: i - 1 };
    for (let k = i - 1; k >= 0; k--) {
      const w = width(k, i);
      if (w > limit && k < i - 1) break;
      const runs = best[k]!.runs + 1;
      const cost = best[k]!.cost + w * w;
      // Of splits as even, the earlier runs take more columns (5, 4, 4), as a reader fills a page.
      if (runs < pick.runs || (runs === pick.runs && cost < pick.cost)) pick = { runs, cost, from: k };
    }
    best.push(pick);
  }
  const runs: number[][] = [];
  for (let i = n; i > 0; i = best[i]!.from) runs.unshift(Array.from({ length: i - best[i]!.from }, (_, k) => best[i]!.from + k));
  return runs;
}

/**
 * A reading table split by columns for the A4 page: whole where it fits (the terminal's 96 characters
 * split tables the page holds), else in as few tables as fit, their columns shared out evenly; the text
 * columns repeat in each, a unit of columns (a plan's plan, fact and % of plan) is never split.
 */
export function pageTables(t: ReadingTable, opts: { max?: number; firstKeyPx?: number } = {}): ReadingTable[] {
  const max = opts.max ?? PAGE_PX;
  const { cols, keys } = columnWidths(t, opts.firstKeyPx ?? 0);
  const units = t.units ?? t.columns.map((_, j) => j);
  const items: number[][] = [];
  units.forEach((u, j) => (j > 0 && units[j - 1] === u ? items.at(-1)!.push(j) : items.push([j])));
  const widths = items.map((cs) => cs.reduce((s, j) => s + cols[j]!, 0));
  if (keys + widths.reduce((a, b) => a + b, 0) <= max || items.length < 2) return [t];
  return evenRuns(widths, max - keys).map((run, i) => {
    const cs = run.flatMap((k) => items[k]!);
    return {
      ...(i === 0 && t.title ? { title: t.title } : {}),
      keys: t.keys,
      columns: cs.map((j) => t.columns[j]!),
      units: cs.map((j) => units[j]!),
      rows: t.rows.map((r) => ({ ...r, values: cs.map((j) => r.values[j] ?? { text: '' }) })),
    };
  });
}

/**
 * A reading table (kpi/reading-table.ts) as HTML tables under its title when asked for, split for the
 * page (pageTables); `cls` the tables' class, `firstKeyPx` the width its CSS gives the first column at least.
 */
export function htmlTable(t: ReadingTable, withTitle: boolean, opts: { cls?: string; firstKeyPx?: number } = {}): string {
  const title = withTitle && t.title ? `<h3>${esc(t.title)}</h3>` : '';
  return title + pageTables(t, { firstKeyPx: opts.firstKeyPx }).map((part) => {
    const head = [...part.keys, ...part.columns];
    const rows = part.rows.map((r) => [...r.keys, ...r.values.map((v) => v.text)]);
    return table(head, rows, { numeric: head.map((_, i) => i >= part.keys.length), cls: opts.cls ?? 'groups', rowCls: (i) => (part.rows[i]!.total ? 'total' : undefined) });
  }).join('');
}
