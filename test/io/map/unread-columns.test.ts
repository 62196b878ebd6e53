import { describe, expect, it } from 'vitest';
import { RowCells } from '../../../src/io/map/cells.js';
import { RowProblem, unreadValue } from '../../../src/io/map/context.js';
import { mergeUnreadable, settleUnreadable, UnreadColumns } from '../../../src/io/map/unread-columns.js';

const headers = ['id', 'Won time', 'Value'];
const row = (...cells: string[]) => new RowCells().setText(cells);

describe('UnreadColumns: a mapped column none of whose filled values reads', () => {
  it('is found from 2 unreadable values and no readable one, with the first distinct values; a value read on a record clears it', () => {
    const u = new UnreadColumns([0, 1, 2], (c) => headers[c]!);
    u.noteRecord(row('1', '', '100'));
    const skip = (p: RowProblem) => u.noteSkipped(p.unread, p.column);
    for (const v of ['TBD', 'TBD', 'soon', 'later', 'never']) skip(unreadValue(v, 'date', 'Won time'));
    skip(unreadValue('abc', 'number', 'Value'));
    skip(unreadValue('abc', 'number', 'Value'));
    // Not a value unread: a missing one, or one read and refused.
    skip(new RowProblem('skip', 'no manager', 'Owner'));
    skip(new RowProblem('skip', '"-5" is negative', 'Amount'));
    expect(u.result(false)).toEqual({ unreadable: [{ column: 'Won time', expected: 'date', count: 5, values: ['TBD', 'soon', 'later'] }] });
    u.noteRecord(row('2', '2024-01-05', ''));
    expect(u.result(false)).toEqual({});
  });

  it('needs 2 values: one may be a typo', () => {
    const u = new UnreadColumns([1], (c) => headers[c]!);
    const p = unreadValue('12:61', 'time', 'Won time');
    expect(p.reason).toBe('"12:61" is not a time of day');
    u.noteSkipped(p.unread, p.column);
    expect(u.result(false)).toEqual({});
    expect(u.result(true)).toEqual({ unreadable: [{ column: 'Won time', expected: 'time', count: 1, values: ['12:61'] }], columnsRead: [] });
  });

  it('gives each skipped row the reason it had: the value and what it should have been', () => {
    expect(['date', 'number', 'month', 'duration'].map((e) => unreadValue('TBD', e as 'date', 'c').reason)).toEqual(['"TBD" is not a date', '"TBD" is not a number', '"TBD" is not a month', '"TBD" is not a duration']);
  });

  it('of a file read in parts, is the whole file\'s: counts add up, and a column one part read is none', () => {
    const a = { unreadable: [{ column: 'Won time', expected: 'date' as const, count: 1, values: ['TBD'] }, { column: 'Value', expected: 'number' as const, count: 3, values: ['x'] }], columnsRead: ['id'] };
    const b = { unreadable: [{ column: 'Won time', expected: 'date' as const, count: 2, values: ['TBD', 'soon'] }], columnsRead: ['id', 'Value'] };
    const merged = mergeUnreadable(a, b);
    settleUnreadable(merged);
    expect(merged).toEqual({ unreadable: [{ column: 'Won time', expected: 'date', count: 3, values: ['TBD', 'soon'] }] });
  });
});
