import { describe, expect, it } from 'vitest';
import { RowCells, type Cells } from '../../../src/io/map/cells.js';
import { GroupCells } from '../../../src/io/map/group-cells.js';

/** Feeds rows as the importer does (totals rows by their label), and gives the rows read, in order. */
function read(rows: string[][]): { out: string[]; groups: GroupCells } {
  const out: string[] = [];
  const groups = new GroupCells((cells: Cells, count: number, row: number) => out.push(`${row}:${Array.from({ length: count }, (_, c) => cells.text(c)).join('|')}`));
  const cells = new RowCells();
  rows.forEach((r, i) => {
    const c = cells.setText(r);
    if (r.some((v) => /^(Subtotal|Grand Totals)/.test(v))) groups.totals(c, r.length);
    else if (!groups.data(c, r.length, i + 2)) out.push(`${i + 2}:${r.join('|')}`);
  });
  groups.flush(false);
  return { out, groups };
}

describe('GroupCells: a grouped report\'s blank grouping cell reads as the row above', () => {
  it('between a group\'s first row and its subtotal, in file order, once the first subtotal shows the layout', () => {
    const { out, groups } = read([['Anna', 'O1'], ['', 'O2'], ['', 'O3'], ['Subtotal', ''], ['Bob', 'O4'], ['', 'O5'], ['Subtotal', ''], ['', 'O6'], ['Grand Totals (6 records)', '']]);
    // O6 comes after a subtotal, before any group's first row: no manager, as written.
    expect(out).toEqual(['2:Anna|O1', '3:Anna|O2', '4:Anna|O3', '6:Bob|O4', '7:Bob|O5', '9:|O6']);
    expect([groups.rows, [...groups.columns]]).toEqual([3, [0]]);
  });

  it('a blank in a file with no subtotal row stays blank, and the rows held are read in order', () => {
    const { out, groups } = read([['Anna', 'O1'], ['', 'O2'], ['Bob', 'O3'], ['', 'O4'], ['Grand Totals (4 records)', '']]);
    expect(out).toEqual(['2:Anna|O1', '3:|O2', '4:Bob|O3', '5:|O4']);
    expect(groups.rows).toBe(0);
  });

  it('a subtotal label in the second column makes the first two grouping columns (two levels), and closes the inner group only', () => {
    const { out } = read([['Anna', 'Won', 'O1'], ['', '', 'O2'], ['', 'Subtotal', ''], ['', 'Lost', 'O3'], ['', '', 'O4'], ['', 'Subtotal', ''], ['Subtotal', '', '']]);
    expect(out).toEqual(['2:Anna|Won|O1', '3:Anna|Won|O2', '5:Anna|Lost|O3', '6:Anna|Lost|O4']);
  });

  it('knows a grouped report by its first rows: a subtotal row, or a blank first cell under a filled one', () => {
    expect(GroupCells.shown([['Anna', 'O1'], ['Subtotal', '']])).toBe(true);
    expect(GroupCells.shown([['Anna', 'O1'], ['', 'O2']])).toBe(true);
    expect(GroupCells.shown([['', 'O1'], ['Anna', 'O2']])).toBe(false);
    expect(GroupCells.shown([['1', 'Anna'], ['2', 'Bob'], ['Итого', '']])).toBe(false);
  });
});
