import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { terminalSafe } from './terminal-safe.js';

/** Options every renderer takes; renderers are pure functions of (result, options). */
export interface RenderOptions {
  lang: string;
  color: boolean;
}

/** A chalk bound to the colour decision of the caller. */
export function colors(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** A cli-table3 table with no ANSI codes unless colour is on. */
export function makeTable(head: string[], rows: Array<Array<string | number>>, opts: { color: boolean; align?: Array<'left' | 'right' | 'center'>; wrap?: number[] }): string {
  const c = colors(opts.color);
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    ...(opts.align ? { colAligns: opts.align } : {}),
    ...(opts.wrap ? { colWidths: opts.wrap.map((w) => (w > 0 ? w : null)), wordWrap: true } : {}),
  });
  if (!opts.wrap) {
    for (const row of rows) table.push(row.map((v) => String(v)));
    return table.toString();
  }
  // cli-table3 wraps at any \s, a no-break space too, and would split «6 750» across lines: the
  // space is held as a private-use character (one column wide, not a space) while the table is laid out.
  for (const row of rows) table.push(row.map((v) => String(v).replace(/\u00a0/g, HELD_SPACE)));
  return table.toString().replace(/\uE000/g, '\u00a0');
}

const HELD_SPACE = '\uE000';

/** Escapes a value for a Markdown table cell (control characters of the data shown as U+FFFD, as on a terminal). */
export function mdCell(value: unknown): string {
  return terminalSafe(String(value ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>'), false);
}

/** A Markdown table. */
export function mdTable(head: string[], rows: unknown[][], align?: Array<'left' | 'right'>): string {
  const sep = head.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.map((v) => (r === sep ? String(v) : mdCell(v))).join(' | ')} |`).join('\n');
}

export { renderJson } from './json.js';
