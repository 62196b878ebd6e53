import { describe, expect, it } from 'vitest';
import { makeTable } from '../../src/render/text.js';

describe('terminal tables', () => {
  it('never wrap a number inside its no-break space («6 750» stays on one line)', () => {
    const text = 'вы это делаете: 6\u00a0750 звонков на 296 выигранных сделок; 91,2% звонков (6\u00a0159 из 6\u00a0750) привязаны к сделке.';
    const out = makeTable(['Что показали выгрузки'], [[text]], { color: false, wrap: [46] });
    const lines = out.split('\n').slice(3, -1).map((l) => l.replace(/^│ | *│$/g, ''));
    expect(lines.join(' ')).toBe(text);
    // Every grouped number is whole on one line.
    const numbers = (t: string) => t.match(/\d+(\u00a0\d{3})+/g) ?? [];
    expect(lines.flatMap(numbers)).toEqual(numbers(text));
    expect(out.split('\n').every((l) => l.length === out.split('\n')[0]!.length)).toBe(true);
  });
});

// A tester's audit at an 80- and a 60-column terminal: the summary table was 82 columns wide (its
// right border wrapped onto a line of its own), the evidence table 95 and the re-audit's 114.
describe('terminal tables that fit a width', () => {
  const sentence = 'You said "yes", and the exports confirm it: 31.6% of closed deals are won (296 of 936); 80.2% of lost deals (513 of 640) give a reason.';
  const rows = [
    ['The lead concept', 'yes', 'confirmed', sentence],
    ['Reports for management', 'yes', 'not checkable', 'The exports say nothing about this.'],
  ];
  const head = ['Criterion', 'Answer', 'Verdict', 'What the exports show'];
  /** The words of every cell, as the table's lines show them (borders and padding aside). */
  const words = (out: string) => out.split('\n').flatMap((l) => l.split(/[│┌┐└┘├┤┬┴┼─\s]+/)).filter(Boolean);

  for (const width of [79, 59]) {
    it(`at ${width} columns: no line is wider, and every word of every cell is whole on one line`, () => {
      const out = makeTable(head, rows, { color: false, wrap: [22, 0, 0, 46], width });
      for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
      const shown = words(out);
      for (const cell of [...head, ...rows.flat()]) for (const word of cell.split(' ')) expect(shown).toContain(word);
    });
  }

  it('a column kept whole is never broken («7 / 10»), and colour codes take no columns', () => {
    const out = makeTable(['Section', 'Score', 'Missing'], [['Reporting', '\u001b[32m7 / 10\u001b[39m', 'Reports for management, reports for staff']], { color: true, wrap: [30, 0, 40], width: 40, keep: [false, true, false] });
    // eslint-disable-next-line no-control-regex -- the colour codes are what this removes
    const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
    for (const line of plain.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
    expect(plain).toContain('│ 7 / 10 │');
  });

  it('too narrow for the longest words side by side: each row as «Header: value» lines, wrapped between words', () => {
    const out = makeTable(head, rows, { color: false, wrap: [22, 0, 0, 46], width: 30 });
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(30);
    expect(out).toContain('Criterion: The lead concept');
    expect(out).toContain('Verdict: not checkable');
    expect(out.replace(/\n/g, ' ')).toContain(`What the exports show: ${sentence}`);
  });

  it('without a width, a table is as before: its columns no wider than asked', () => {
    const out = makeTable(head, rows, { color: false, wrap: [22, 0, 0, 46] });
    expect(out.split('\n')[0]!.length).toBeLessThanOrEqual(22 + 8 + 15 + 46 + 5);
  });
});
