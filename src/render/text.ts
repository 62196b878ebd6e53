import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { terminalSafe } from './terminal-safe.js';
import { visible, wrapText } from './wrap.js';

/** Options every renderer takes; renderers are pure functions of (result, options). */
export interface RenderOptions {
  lang: string;
  color: boolean;
  /** The most columns a line may take (a terminal's width): terminal tables narrow to fit it. */
  width?: number;
  /** `--company`: after the title («… — ООО «Альфа»»), as the audit and the workbooks have it. */
  company?: string;
}

/** A chalk bound to the colour decision of the caller. */
export function colors(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/**
 * A cli-table3 table with no ANSI codes unless colour is on. `wrap`: the widest each column may be
 * (borders' padding included, 0: as wide as its text), its cells wrapped between words; `width`: the
 * most columns the whole table may take (a terminal's), the widest columns narrowed to fit, never
 * below their longest word; `keep`: columns whose cells never break («7 / 10»). When even the
 * longest words do not fit side by side, each row is written as lines «Header: value» instead.
 */
export function makeTable(head: string[], rows: Array<Array<string | number>>, opts: { color: boolean; align?: Array<'left' | 'right' | 'center'>; wrap?: number[]; width?: number; keep?: boolean[] }): string {
  const c = colors(opts.color);
  const heads = head.map((h) => c.bold(h));
  if (!opts.wrap && opts.width === undefined) {
    const table = new Table({ head: heads, style: { head: [], border: [], compact: true }, ...(opts.align ? { colAligns: opts.align } : {}) });
    for (const row of rows) table.push(row.map((v) => String(v)));
    return table.toString();
  }
  // cli-table3 wraps at any \s, a no-break space too, and would split «6 750» across lines: the
  // space is held as a private-use character (one column wide, not a space) while the table is laid
  // out, and so is every space of a column that is kept whole.
  const hold = (v: string | number, i: number) => String(v).replace(/\u00a0/g, HELD_SPACE).replace(/ /g, opts.keep?.[i] ? HELD_PLAIN : ' ');
  const cells = [heads, ...rows].map((r) => r.map(hold));
  const widths = fitWidths(cells, opts.wrap ?? [], opts.width ?? Infinity);
  if (!widths) return stacked(head, rows.map((r) => r.map(String)), c, opts.width!);
  const table = new Table({
    head: cells[0]!,
    style: { head: [], border: [], compact: true },
    ...(opts.align ? { colAligns: opts.align } : {}),
    colWidths: widths.map((w) => w + PADDING),
    wordWrap: true,
  });
  for (const row of cells.slice(1)) table.push(row);
  return table.toString().replace(/\uE000/g, '\u00a0').replace(/\uE001/g, ' ');
}

/** A cell's left and right padding. */
const PADDING = 2;

/** The widest line and the longest word of a cell, colour codes aside. */
function cellSpan(text: string): { line: number; word: number } {
  const lines = text.split('\n');
  return { line: Math.max(0, ...lines.map(visible)), word: Math.max(0, ...lines.flatMap((l) => l.split(/\s+/)).map(visible)) };
}

/**
 * Text widths of a table's columns within `width` (borders and padding counted): each column as
 * wide as its text or its cap, then the one with the most room above its longest word narrowed,
 * a column at a time, until the table fits; null when the longest words alone are too wide.
 */
function fitWidths(cells: string[][], caps: number[], width: number): number[] | null {
  const n = cells[0]!.length;
  const spans = cells.map((r) => r.map(cellSpan));
  const natural = Array.from({ length: n }, (_, i) => Math.max(1, ...spans.map((r) => r[i]?.line ?? 0)));
  const least = Array.from({ length: n }, (_, i) => Math.max(1, ...spans.map((r) => r[i]?.word ?? 0)));
  const w = natural.map((x, i) => Math.max(least[i]!, (caps[i] ?? 0) > 0 ? Math.min(x, caps[i]! - PADDING) : x));
  const avail = width - (n * (PADDING + 1) + 1);
  for (let over = w.reduce((s, x) => s + x, 0) - avail; over > 0; over--) {
    let i = -1;
    for (let k = 0; k < n; k++) if (w[k]! > least[k]! && (i < 0 || w[k]! - least[k]! > w[i]! - least[i]!)) i = k;
    if (i < 0) return null;
    w[i]!--;
  }
  return w;
}

/** A table too wide for `width` as one block of «Header: value» lines per row, wrapped between words. */
function stacked(head: string[], rows: string[][], c: ReturnType<typeof colors>, width: number): string {
  return rows
    .map((r) =>
      r
        .map((v, i) => (v.trim() === '' ? '' : wrapText(`${c.bold(`${head[i]}:`)} ${v.replace(/\n/g, ' ')}`, width)))
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n');
}

const HELD_SPACE = '\uE000';
/** A space of a column kept whole, while the table is laid out. */
const HELD_PLAIN = '\uE001';

/**
 * User text (a company, a questionnaire's titles, a manager's name, a file's values) as Markdown
 * shows it, not runs it: every character that could start emphasis, code, a link, raw HTML, an
 * entity or a heading's end is escaped with a backslash; a line break becomes a space (it would end
 * a heading or a list item); control characters show as U+FFFD, as on a terminal. `--company 'A|B
 * *x* <b>'` gave a heading with live emphasis and a raw <b> tag.
 */
export function mdText(value: unknown): string {
  return terminalSafe(mdEscape(String(value ?? '')).replace(/\r?\n/g, ' '), false);
}

function mdEscape(text: string): string {
  return text
    .replace(/[\\`*_~[\]|]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/(^|\s)#/g, '$1\\#');
}

/** Markdown the renderer wrote itself, for a table cell: kept as it is (mdTable escapes every other value). */
export interface MdMarkup {
  markdown: string;
}

/**
 * «Label, label — reason; …»: labels grouped by their reason, in the order they come. Where a label of a group
 * has a comma of its own («Цикл, дн. (медиана)»), the group's labels are quoted, as each language quotes: listed
 * bare, «Разговоры, мин, Активностей в день» could not be read apart (tester T62 C2).
 */
export function byReason(pairs: ReadonlyArray<readonly [label: string, reason: string]>, lang: string): string {
  const grouped = new Map<string, string[]>();
  for (const [label, reason] of pairs) grouped.set(reason, [...(grouped.get(reason) ?? []), label]);
  return [...grouped].map(([reason, labels]) => `${labelList(labels, lang)} — ${reason}`).join('; ');
}

/** Labels listed with commas, each quoted as its language quotes where one of them has a comma of its own. */
export function labelList(labels: readonly string[], lang: string): string {
  const quote = (l: string) => (lang === 'ru' ? `«${l}»` : `"${l}"`);
  return (labels.some((l) => l.includes(',')) ? labels.map(quote) : labels).join(', ');
}

/** Text in bold, for a table cell (a total row's label): the text escaped, the emphasis kept. */
export function mdStrong(text: string): MdMarkup {
  return { markdown: `**${mdText(text)}**` };
}

const isMarkup = (v: unknown): v is MdMarkup => typeof v === 'object' && v !== null && typeof (v as MdMarkup).markdown === 'string';

/** Escapes a value for a Markdown table cell, as mdText does, a line break written as <br>. */
export function mdCell(value: unknown): string {
  if (isMarkup(value)) return value.markdown;
  return terminalSafe(mdEscape(String(value ?? '')).replace(/\r?\n/g, '<br>'), false);
}

/** A Markdown table. */
export function mdTable(head: string[], rows: unknown[][], align?: Array<'left' | 'right'>): string {
  const sep = head.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.map((v) => (r === sep ? String(v) : mdCell(v))).join(' | ')} |`).join('\n');
}

/** Text as inline code, fenced with more backticks than any run in it (an assertion `a=='`x`'`). */
export function mdCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return terminalSafe(`${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`, false);
}

export { renderJson } from './json.js';
