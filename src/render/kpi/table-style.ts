import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { visible } from '../wrap.js';

/** The spaces between two columns. */
const GAP = 2;

/**
 * A compact table without vertical borders (like xsv or kubectl): many columns fit in 100 characters.
 * The first `textColumns` columns (names, months) align left, the numbers after them right. Wider
 * than `width` (a terminal's), its number columns go to several tables, one under another, each
 * with the text columns again (a terminal folded an 86-column calls table at 80 mid-row); `together`
 * number columns stay side by side (a before and its after).
 */
export function borderlessTable(head: string[], rows: string[][], c: ChalkInstance, textColumns = 1, width = Infinity, together = 1): string {
  const whole = oneTable(head, rows, c, textColumns);
  if (!Number.isFinite(width) || whole.split('\n').every((l) => visible(l) <= width)) return whole;
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
  if (parts.length < 2) return whole;
  const pick = (r: string[], cols: number[]) => [...keys, ...cols].map((i) => r[i] ?? '');
  return parts.map((cols) => oneTable(pick(head, cols), rows.map((r) => pick(r, cols)), c, textColumns)).join('\n\n');
}

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
