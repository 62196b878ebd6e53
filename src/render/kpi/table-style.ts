import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';

/**
 * A compact table without vertical borders (like xsv or kubectl): many columns fit in 100 characters.
 * The first `textColumns` columns (names, months) align left, the numbers after them right.
 */
export function borderlessTable(head: string[], rows: string[][], c: ChalkInstance, textColumns = 1): string {
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
