import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { fitColumns, graphemes, plain, visible, wrapWords } from '../wrap.js';

/** The spaces between two columns. */
const GAP = 2;

/**
 * A compact table without vertical borders (like xsv or kubectl): many columns fit in 100 characters.
 * The first `textColumns` columns (names, months) align left, the numbers after them right. Wider
 * than `width` (a terminal's), its number columns go to several tables, one under another, each
 * with the text columns again (a terminal folded an 86-column calls table at 80 mid-row); `together`
 * number columns stay side by side (a before and its after).
 */
export function borderlessTable(head: string[], given: string[][], c: ChalkInstance, textColumns = 1, width = Infinity, together = 1): string {
  const fits = (table: string) => table.split('\n').every((l) => visible(l) <= width);
  let whole = oneTable(head, given, c, textColumns);
  if (!Number.isFinite(width) || fits(whole)) return whole;
  const rows = clipped(given, textColumns, width);
  whole = oneTable(head, rows, c, textColumns);
  if (fits(whole)) return whole;
  const widths = head.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const keys = [...Array(textColumns).keys()];
  const keysWidth = keys.reduce((s, i) => s + widths[i]! + GAP, 0);
  const parts: number[][] = [];
  let used = Infinity;
  for (let j = textColumns; j < head.length; j += together) {
    const cols = [...Array(Math.min(together, head.length - j)).keys()].map((k) => j + k);
    const w = cols.reduce((s, i) => s + widths[i]! + GAP, 0);
    if (used + w - GAP > width || parts.length === 0) {
      parts.push([]);
      used = keysWidth;
    }
    parts.at(-1)!.push(...cols);
    used += w;
  }
  const pick = (r: string[], cols: number[]) => [...keys, ...cols].map((i) => r[i] ?? '');
  const groups = parts.length < 2 ? [[...Array(head.length - textColumns).keys()].map((k) => k + textColumns)] : parts;
  return groups.map((cols) => headsWrapped(pick(head, cols), rows.map((r) => pick(r, cols)), c, textColumns, fits)).join('\n\n');
}

/**
 * One table, its headers on two lines or more where it is still too wide for them («Реакция мед., мин: До»
 * over «131,5» took a 40-column terminal to 51: tester T57), each broken between words to its column's values.
 */
function headsWrapped(head: string[], rows: string[][], c: ChalkInstance, textColumns: number, fits: (table: string) => boolean): string {
  const table = oneTable(head, rows, c, textColumns);
  if (fits(table)) return table;
  const wrapped = head.map((h, i) => {
    const room = Math.max(...rows.map((r) => visible(r[i] ?? '')), ...h.split(' ').map(visible));
    return wrapWords(h, room).join('\n');
  });
  return oneTable(wrapped, rows, c, textColumns);
}

/**
 * The rows with each text cell (a name, a month) cut to its share of a terminal's width, «…» where
 * cut: one manager named in 130 characters without a space took every table apart, a metric to a
 * table, with the name on a line of its own (tester T52 F4). The whole name stays in every file format.
 */
function clipped(rows: string[][], textColumns: number, width: number): string[][] {
  const cap = Math.max(MIN_TEXT, Math.floor((width * TEXT_SHARE) / textColumns));
  const clip = (v: string) => {
    if (visible(v) <= cap) return v;
    // A cut cell is written without its colour (a name has none), cut by the columns its characters take (a Chinese one two).
    return `${fitColumns(graphemes(plain(v)), cap - 1).join('')}…`;
  };
  return rows.map((r) => r.map((v, i) => (i < textColumns ? clip(v) : v)));
}

/** The share of a terminal's width a table's text columns may take together, and the least each keeps. */
const TEXT_SHARE = 0.4;
const MIN_TEXT = 16;

function oneTable(head: string[], rows: string[][], c: ChalkInstance, textColumns: number): string {
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: head.map((_, i) => (i < textColumns ? 'left' : 'right')),
  });
  for (const r of rows) table.push(r);
  return table
    .toString()
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}
