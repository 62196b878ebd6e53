import { CellMemo, RowCells, trimEdges, type Cells } from './cells.js';

/** Labels of totals rows (`Итого`, `Grand Totals (N records)`), dropped and counted. */
const TOTAL_WORDS = ['итого', 'итог', 'итоги', 'общий итог', 'общие итоги', 'всего', 'сумма итого', 'промежуточный итог', 'промежуточные итоги', 'total', 'totals', 'grand total', 'grand totals', 'subtotal', 'sub-total', 'total general', 'total geral', 'gesamtergebnis',
  // Salesforce's «Grand Totals (N records)» in a German, Spanish, Portuguese or French org (tester T71).
  'gesamtsumme', 'gesamtsummen', 'zwischensumme', 'totales', 'totales generales', 'totais', 'totais gerais', 'totaux', 'total général', 'totale', 'totale complessivo'];
const TOTALS = new RegExp(`^(${TOTAL_WORDS.join('|')})(?=$|[\\s:(.,])`, 'i');
const cp1251 = new TextDecoder('windows-1251');

/**
 * The first two bytes a totals label can begin with, in UTF-8 and in Windows-1251, in any case:
 * derived from TOTAL_WORDS, so that a CSV cell is decoded and matched only when it may be one.
 */
const LEADS = (() => {
  const out = new Uint8Array(65_536);
  const win = new Map<string, number>();
  for (let b = 0x80; b < 0x100; b++) win.set(cp1251.decode(Uint8Array.of(b)), b);
  for (const word of TOTAL_WORDS) {
    const [a, b] = [word[0]!, word[1]!];
    for (const pair of [a + b, a.toUpperCase() + b, a + b.toUpperCase(), (a + b).toUpperCase()]) {
      const utf8 = Buffer.from(pair, 'utf8');
      out[(utf8[0]! << 8) | utf8[1]!] = 1;
      const w = [...pair].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : win.get(ch)!));
      out[(w[0]! << 8) | w[1]!] = 1;
    }
  }
  return out;
})();

/**
 * Excel's Data → Subtotals labels a group's row with the group's value and a word after it
 * («Иванов Итог», "Ivanov Total"; the last row «Общий итог», "Grand Total", is a totals label): a row
 * whose first filled cell ends so, and that fills at most half the table's columns (the label and the
 * sums), is a totals row.
 */
const SUBTOTAL = /\s(итог|total)$/i;

/** The last bytes a subtotal label can end with (г, Г, l, L in UTF-8 and Windows-1251): a CSV cell is decoded and matched only when it may be one. */
const LAST = (() => {
  const out = new Uint8Array(256);
  for (const ch of ['г', 'Г', 'l', 'L']) {
    const utf8 = Buffer.from(ch, 'utf8');
    out[utf8[utf8.length - 1]!] = 1;
  }
  for (let b = 0x80; b < 0x100; b++) if (['г', 'Г'].includes(cp1251.decode(Uint8Array.of(b)))) out[b] = 1;
  return out;
})();

/**
 * What a first cell that begins with a totals word is: a bare label (`Итого`, `Итого: 15`, `Grand
 * Totals (4 records)`), always a totals row, or a label with words after it (`Итого за июль`,
 * `ИТОГО ПО ОТДЕЛУ`), which may be a name that begins with the word («Total Wine - POS rollout»,
 * "Total Gym renewal", «TOTAL S.A.»): a totals row only in a row that fills at most half the table's
 * columns (the label and the sums), a deal in a row that fills more.
 */
function totalsCell(text: string): 'label' | 'words' | false {
  const t = text.trim();
  const m = TOTALS.exec(t);
  if (!m) return false;
  // A totals word and a colon, then what it totals (Google Ads' footers `Total: Account`, `Total: Campaigns`; `Итого: по отделу`): a label, as no name is written so.
  if (t[m[0].length] === ':') return 'label';
  return /\p{L}/u.test(t.slice(m[0].length).replace(/\([^)]*\)/g, '')) ? 'words' : 'label';
}

/**
 * A group's header row in a grouped list exported to XLSX (Odoo: «Marc Demo (3)», «    Won (2)»,
 * indented four spaces a level, with the group's sums in its number columns): a label with a count in
 * parentheses in the first column and nothing but numbers in the other filled cells, at most half
 * the table's columns. Dropped as a totals row.
 */
const GROUP = /^\s*\S.*\s\(\d+\)$/;
const CLOSE_PAREN = (() => {
  const out = new Uint8Array(256);
  out[0x29] = 1;
  return out;
})();
const NUMBER = /^[-−]?[\d\s\u00a0.,]+$/;

/** Whether one of a table's first data rows is a grouped list's group row (RowFilter.groups). */
export function hasGroupRows(rows: ReadonlyArray<readonly string[]>): boolean {
  return rows.some((r) => GROUP.test(r[0] ?? ''));
}

/** A group's subtotal label (Salesforce's summary reports write one under each group): `Subtotal`, `Промежуточный итог`. */
const SUBTOTAL_LABEL = /^(subtotal|sub-total|промежуточный итог|промежуточные итоги)(?=$|[\s:(.,])/i;

/** Whether a first cell is a group's subtotal label, not the table's grand total: a grouped report's sign (GroupCells). */
export function isSubtotalLabel(text: string): boolean {
  return SUBTOTAL_LABEL.test(text.trim());
}

/** Whether a label reads as a totals label (`Итого`, `Итого за июль`, `Grand Total`): for a totals row labelled in a later column. */
export function isTotalsLabel(text: string): boolean {
  return TOTALS.test(text.trim());
}

/** What a row is before it is read: empty, a totals row, a footer or note (one filled cell), or data. */
export type RowShape = 'empty' | 'totals' | 'footer' | 'data';

/**
 * Where a workbook's row holds formulas saved without their values (read as empty cells): their
 * columns, and whether each only aggregates ranges (`SUM(C2:C5)`, `SUBTOTAL(9,C2:C5)`).
 */
export interface RowFormulas {
  readonly col: number;
  readonly aggregate: boolean;
}

/** Judges rows of one file (the memo of first cells is per file). */
export class RowFilter {
  private readonly totals = new CellMemo(totalsCell, 10_000);
  private readonly subtotal = new CellMemo((t) => SUBTOTAL.test(trimEdges(t)), 10_000);
  private readonly group = new CellMemo((t) => GROUP.test(t), 10_000);

  /**
   * Whether the file has a grouped list's group rows: set when one stands among its first rows
   * (Odoo writes the first group's row right under the header), so that other files pay nothing for
   * the check.
   */
  groups = false;

  /**
   * The shape of a row of `count` cells in a table `width` columns wide (its header's): a footer line
   * of a CSV report is often one quoted cell, so the table's width decides, not the row's.
   */
  shape(cells: Cells, count: number, width = count): RowShape {
    // Only whether there are none, one or more filled cells matters, and which is first.
    let filled = 0;
    let first = -1;
    for (let i = 0; i < count && filled < 2; i++) {
      if (!cells.blank(i)) {
        if (filled === 0) first = i;
        filled++;
      }
    }
    if (filled === 0) return 'empty';
    if ((cells.mayStartWith(first, LEADS) && this.totalsLabel(cells, first, count, width)) || (cells.mayEndWith(first, LAST) && this.subtotalLabel(cells, first, count, width))) return 'totals';
    if (this.groups && first === 0 && this.groupRow(cells, count, width)) return 'totals';
    if (filled === 1 && Math.max(count, width) > 2) return 'footer';
    return 'data';
  }

  /**
   * Whether a workbook's row whose formulas were saved without their values (`cells` holds them empty)
   * is a totals row, judged on the whole row as it would be with the values: a row its first cell makes
   * one (`Итого` left of its sums), or a row of such formulas and totals labels alone, wherever the
   * label stands (right of the sums, in the manager column), or of aggregates of ranges with no label at
   * all (a row of =SUM under the table). A label with words after it (`Итого за июль`, «Total Wine…»)
   * or a subtotal's («Иванов Итог») counts in a row that fills at most half the columns, as ever.
   */
  totalsWithFormulas(cells: readonly string[], formulas: readonly RowFormulas[], width: number): boolean {
    const probe = [...cells];
    for (const f of formulas) {
      while (probe.length <= f.col) probe.push('');
      probe[f.col] = '0';
    }
    const filled = new RowCells().setText(probe);
    if (this.shape(filled, probe.length, width) === 'totals') return true;
    const at = new Set(formulas.map((f) => f.col));
    const half = halfFilled(filled, probe.length, width);
    let labels = 0;
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i]!.trim();
      if (at.has(i) || text === '') continue;
      const kind = totalsCell(text);
      if (kind === 'label' || (half && (kind === 'words' || SUBTOTAL.test(trimEdges(text))))) labels++;
      else return false;
    }
    return labels > 0 || formulas.every((f) => f.aggregate);
  }

  /** A first cell that begins with a totals word: a bare label, or words after it in a row that fills at most half the columns. */
  private totalsLabel(cells: Cells, first: number, count: number, width: number): boolean {
    const totals = cells.value(first, this.totals);
    return totals === 'label' || (totals === 'words' && halfFilled(cells, count, width));
  }

  /** «Иванов Итог», "Ivanov Total": Excel's Data → Subtotals label, in a row that fills at most half the columns. */
  private subtotalLabel(cells: Cells, first: number, count: number, width: number): boolean {
    return cells.value(first, this.subtotal) && halfFilled(cells, count, width);
  }

  /** A grouped list's group row (GROUP), its other filled cells numbers only, at most half the columns. */
  private groupRow(cells: Cells, count: number, width: number): boolean {
    return cells.mayEndWith(0, CLOSE_PAREN) && cells.value(0, this.group) && numbersAfter(cells, count) && halfFilled(cells, count, width);
  }
}

/** Whether every filled cell after the first holds a number (a group's sums). */
function numbersAfter(cells: Cells, count: number): boolean {
  for (let i = 1; i < count; i++) if (!cells.blank(i) && !NUMBER.test(cells.text(i).trim())) return false;
  return true;
}

/** Whether a row fills at most half the table's columns (its header's width, or its own when wider): a label and its sums. */
function halfFilled(cells: Cells, count: number, width: number): boolean {
  return filledIn(cells, count) * 2 <= Math.max(count, width);
}

/** How many of the row's cells are filled. */
function filledIn(cells: Cells, count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (!cells.blank(i)) n++;
  return n;
}
