import { colors } from '../../../src/render/text.js';
import { describe, expect, it } from 'vitest';
import { borderlessTable } from '../../../src/render/kpi/table-style.js';

const plain = colors(false);
const head = ['Менеджер', 'Исх.', 'Вх.', 'Пропущ.', '% пропущ.', 'Перезвон', 'Разговор, мин', 'Акт./день'];
const rows = [
  ['Алексеева Мария', '730', '327', '55', '16,8%', '58,2%', '4 041,8', '3,10'],
  ['Отдел', '4 711', '2 039', '279', '13,7%', '57,0%', '26 114,0', '17,62'],
];
const width = (t: string) => Math.max(...t.split('\n').map((l) => [...l].length));

// A session 24 note: kpi's calls table was 86 columns, and an 80-column terminal folded every row in two.
describe('a borderless table on a narrow terminal', () => {
  it('stays one table when it fits, and without a width', () => {
    const one = borderlessTable(head, rows, plain);
    expect(width(one)).toBe(85);
    expect(borderlessTable(head, rows, plain, 1, 85)).toBe(one);
    expect(borderlessTable(head, rows, plain, 1, Infinity)).toBe(one);
  });

  it('puts its number columns in tables one under another, each with the names again, none wider than the terminal', () => {
    for (const w of [80, 60, 40, 30]) {
      const out = borderlessTable(head, rows, plain, 1, w);
      const tables = out.split('\n\n');
      expect(tables.length).toBeGreaterThan(1);
      expect(width(out)).toBeLessThanOrEqual(w);
      // Every column once, in order; every table lists the managers and the department.
      expect(tables.flatMap((t) => t.split('\n')[0]!.trim().split(/ {2,}/).slice(1))).toEqual(head.slice(1));
      for (const t of tables) expect(t.split('\n').map((l) => l.split(/ {2,}/)[0])).toEqual(['Менеджер', 'Алексеева Мария', 'Отдел']);
      // No value lost: the department's values across the tables are its row's.
      expect(tables.flatMap((t) => t.split('\n')[2]!.split(/ {2,}/).slice(1))).toEqual(rows[1]!.slice(1));
    }
  });

  it('keeps columns that go together side by side (a before and its after)', () => {
    const h = ['Менеджер', 'Лиды: до', 'после', 'Конв.: до', 'после', 'Выручка: до', 'после'];
    const r = [['Алексеева Мария', '120', '189', '22,0%', '29,1%', '5 100 000', '7 699 900']];
    const out = borderlessTable(h, r, plain, 1, 50, 2);
    expect(width(out)).toBeLessThanOrEqual(50);
    for (const t of out.split('\n\n')) {
      const cols = t.split('\n')[0]!.trim().split(/ {2,}/).slice(1);
      expect(cols.length % 2).toBe(0);
      for (let i = 0; i < cols.length; i += 2) expect(cols[i + 1]).toBe('после');
    }
  });

  it('gives a column wider than the terminal a table of its own rather than dropping it', () => {
    const out = borderlessTable(['Менеджер', 'x'.repeat(50), 'y'], [['Анна', '1', '2']], plain, 1, 30);
    expect(out.split('\n\n')).toHaveLength(2);
    expect(out).toContain('x'.repeat(50));
  });

  // Tester T52 F4: a manager named in 130 characters without a space took every table apart on a
  // 100-column terminal, a metric to a table, the name on a line of its own.
  it('cuts a name longer than its share of the terminal, «…» where cut, its row whole', () => {
    const long = [['Ж'.repeat(130), '730', '327', '55', '16,8%', '58,2%', '4 041,8', '3,10'], ...rows];
    const out = borderlessTable(head, long, plain, 1, 100);
    // 40 columns of name and 70 of numbers: two tables, each row on one line with the name cut.
    const tables = out.split('\n\n');
    expect(tables).toHaveLength(2);
    expect(width(out)).toBeLessThanOrEqual(100);
    for (const t of tables) expect(t.split('\n')).toHaveLength(4);
    expect(tables[0]!.split('\n')[1]).toMatch(new RegExp(`^${'Ж'.repeat(39)}… +730 +327`));
    // One table where the numbers fit beside the cut name.
    expect(borderlessTable(head.slice(0, 4), long.map((r) => r.slice(0, 4)), plain, 1, 100).split('\n\n')).toHaveLength(1);
    // Short names are never cut, and without a width (a pipe, a file) the name is written whole.
    expect(out).toContain('Алексеева Мария  ');
    expect(borderlessTable(head, long, plain)).toContain('Ж'.repeat(130));
  });
});
