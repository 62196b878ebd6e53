import type { ChalkInstance } from 'chalk';
import { mdStrong, mdTable } from '../text.js';
import { fitColumns, graphemes, visible } from '../wrap.js';
import { borderlessTable } from './table-style.js';

/** How a value reads against its reference: coloured on a terminal, plain elsewhere. */
export type Tone = 'bad' | 'warn' | 'good';

export interface Cell {
  text: string;
  tone?: Tone;
}

/**
 * A table for reading: text columns that say what a row is (a source, a month), then numbers. The
 * terminal splits it into tables that fit its width, repeating the text columns; Markdown keeps it whole.
 */
export interface ReadingTable {
  title?: string;
  keys: string[];
  columns: string[];
  /** Columns that stay in one terminal table (a plan's plan, fact and % of plan): the same number for each. */
  units?: number[];
  rows: Array<{ keys: string[]; values: Cell[]; total?: boolean }>;
}

/** The width the terminal tables fit, as the managers' tables do. */
export const TERMINAL_WIDTH = 100;

/** The width of a terminal's lines: its own when narrower than the TERMINAL_WIDTH the tables take elsewhere. */
export function lineWidth(width: number | undefined): number {
  return Math.min(width ?? TERMINAL_WIDTH, TERMINAL_WIDTH);
}
/** Space between columns (table-style.ts). */
const GAP = 2;
/** A text column is cut no narrower than this (or its header). */
const KEY_MIN = 12;

/** The columns a text takes on a terminal (a Chinese character two). */
const width = visible;

/** Text cut to `w` characters with an ellipsis; the full text stays in JSON, CSV and the workbook. */
export function clipText(text: string, w: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return width(flat) > w ? `${fitColumns(graphemes(flat), Math.max(1, w - 1)).join('')}…` : flat;
}

/** Column indices in chunks that fit `max` characters beside the text columns; a unit is never split. */
function chunks(colW: number[], units: number[], base: number, max: number): number[][] {
  const byUnit: number[][] = [];
  colW.forEach((_, j) => {
    const last = byUnit.at(-1);
    if (last && units[last[0]!] === units[j]) last.push(j);
    else byUnit.push([j]);
  });
  const out: number[][] = [];
  let cur: number[] = [];
  let used = base;
  for (const unit of byUnit) {
    const w = unit.reduce((s, j) => s + colW[j]! + GAP, 0);
    if (cur.length > 0 && used + w > max) {
      out.push(cur);
      cur = [];
      used = base;
    }
    cur.push(...unit);
    used += w;
  }
  if (cur.length > 0 || out.length === 0) out.push(cur);
  return out;
}

/** Widths of the text columns within `avail`: the widest are cut first, none below its minimum. */
function keyWidths(natural: number[], min: number[], avail: number): number[] {
  const w = [...natural];
  for (;;) {
    const over = w.reduce((s, x) => s + x, 0) - avail;
    if (over <= 0) return w;
    const i = w.reduce((best, x, k) => (x - min[k]! > w[best]! - min[best]! ? k : best), 0);
    if (w[i]! <= min[i]!) return w;
    w[i] = Math.max(min[i]!, w[i]! - over);
  }
}

/** Character widths of a table's number columns and text columns (header included). */
function measure(t: ReadingTable): { colW: number[]; natural: number[]; min: number[] } {
  const colW = t.columns.map((h, j) => Math.max(width(h), ...t.rows.map((r) => width(r.values[j]?.text ?? ''))));
  const natural = t.keys.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r.keys[i] ?? ''))));
  const min = t.keys.map((h, i) => Math.min(natural[i]!, Math.max(width(h), KEY_MIN)));
  return { colW, natural, min };
}

/**
 * A table split by columns into tables no wider than `max` characters, each repeating the text
 * columns (the first keeps the title); a unit of columns is never split.
 */
export function splitTable(t: ReadingTable, max = TERMINAL_WIDTH): ReadingTable[] {
  const { colW, min } = measure(t);
  const units = t.units ?? t.columns.map((_, j) => j);
  const base = min.reduce((s, x) => s + x, 0) + GAP * Math.max(0, t.keys.length - 1);
  const parts = chunks(colW, units, base, max);
  if (parts.length === 1) return [t];
  return parts.map((cols, i) => ({
    ...(i === 0 && t.title ? { title: t.title } : {}),
    keys: t.keys,
    columns: cols.map((j) => t.columns[j]!),
    units: cols.map((j) => units[j]!),
    rows: t.rows.map((r) => ({ ...r, values: cols.map((j) => r.values[j] ?? { text: '' }) })),
  }));
}

/** A reading table as borderless terminal tables no wider than `max` (text columns cut, numbers never). */
export function terminalTables(t: ReadingTable, c: ChalkInstance, max = TERMINAL_WIDTH): string[] {
  return splitTable(t, max).map((part) => {
    const { colW, natural, min } = measure(part);
    const keysGap = GAP * Math.max(0, part.keys.length - 1);
    const kw = keyWidths(natural, min, max - colW.reduce((s, w) => s + w + GAP, 0) - keysGap);
    const rows = part.rows.map((r) => {
      const keys = r.keys.map((k, i) => clipText(k, kw[i]!));
      const values = r.values.map((v) => paint(v, c));
      return r.total ? [...keys.map((k) => c.bold(k)), ...values.map((v) => c.bold(v))] : [...keys, ...values];
    });
    return borderlessTable([...part.keys, ...part.columns], rows, c, part.keys.length);
  });
}

function paint(cell: Cell, c: ChalkInstance): string {
  return cell.tone === 'bad' ? c.red(cell.text) : cell.tone === 'warn' ? c.yellow(cell.text) : cell.tone === 'good' ? c.green(cell.text) : cell.text;
}

/** A reading table as one Markdown table; the total row's label in bold, as the managers' table has it. */
export function markdownTable(t: ReadingTable): string {
  const rows = t.rows.map((r) => [...r.keys.map((k, i) => (r.total && i === 0 && k ? mdStrong(k) : k)), ...r.values.map((v) => v.text)]);
  return mdTable([...t.keys, ...t.columns], rows, [...t.keys.map(() => 'left' as const), ...t.columns.map(() => 'right' as const)]);
}

