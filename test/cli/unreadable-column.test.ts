import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A Pipedrive export of 9 rows (8 deals and a deleted one): Bob Jones's 3 won deals and Anna's one,
// whose «Won time» the CRM left `TBD`; 3 lost, 1 open.
const header = 'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Lost time';
const rows = [
  '1,A,Anna Smith,1000,Proposal,Won,2024-01-10 10:00:00,WON1,',
  '2,B,Anna Smith,2000,Qualified,Lost,2024-01-15 09:00:00,,2024-01-18 09:00:00',
  '3,C,Anna Smith,500,Proposal,Open,2024-02-01 12:00:00,,',
  '4,D,Bob Jones,1000,Proposal,Won,2024-02-03 08:00:00,WON2,',
  '5,E,Bob Jones,1000,Proposal,Won,2024-02-06 08:00:00,WON3,',
  '6,F,Bob Jones,1000,Proposal,Won,2024-02-07 08:00:00,WON4,',
  '7,G,Carla Diaz,700,Qualified,Lost,2024-02-13 10:00:00,,2024-02-20 10:00:00',
  '8,H,Carla Diaz,300,Qualified,Lost,2024-02-14 10:00:00,,2024-02-21 10:00:00',
  '9,I,Carla Diaz,100,Qualified,Deleted,2024-02-15 10:00:00,,',
];

function file(won: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unreadable-'));
  writeFileSync(path.join(dir, 'deals.csv'), [header, ...rows.map((r) => r.replace(/WON(\d)/, (_, i: string) => won[Number(i) - 1]!))].join('\n'));
  return dir;
}

describe('a column none of whose filled values reads stops the run, whatever --max-bad-rows allows', () => {
  it('every won deal\'s close date `TBD` (4 rows, under the 5-row allowance): exit 2 naming the file, the column, a date, the values and the fixes', () => {
    const dir = file(['TBD', 'TBD', 'TBD', 'TBD']);
    const en = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('deals.csv: none of the 4 filled values of the column "Deal - Won time" can be read as a date: "TBD". The rows holding them would be skipped whole');
    expect(en.stderr).toContain('name it with --map (deals: columns: { closed_at: "Column" }');
    expect(en.stderr).toContain('pass --date-format DD/MM/YYYY or MM/DD/YYYY');
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru', '--max-bad-rows', '100'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('deals.csv: в колонке «Deal - Won time» ни одно из 4 заполненных значений не читается как дата: «TBD».');
    expect(ru.stderr).toContain('--max-bad-rows эту остановку не снимает');
  });

  it('two values or more, the first three distinct shown; one unreadable among readable ones is a bad row, as before', () => {
    const two = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: file(['soon', '', 'TBD', 'n.a.']) });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('none of the 3 filled values of the column "Deal - Won time" can be read as a date: "soon", "TBD", "n.a.".');
    const one = runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: file(['TBD', '2024-02-05 10:00:00', '2024-02-08 10:00:00', '2024-02-09 10:00:00']) });
    expect(one.code, one.stderr).toBe(0);
    const r = JSON.parse(one.stdout);
    // Hand count: Anna's won deal skipped; Bob 3 won; 3 lost; 1 open.
    expect([r.total.leads, r.total.won, r.total.lost, r.total.open]).toEqual([7, 3, 3, 1]);
    expect(r.dataQuality.rowsSkipped).toEqual([{ file: 'deals.csv', row: 2, column: 'Deal - Won time', reason: '"TBD" is not a date' }]);
  });

  it('inspect lists the column without stopping', () => {
    const run = runCli(['inspect', 'deals.csv', '--format', 'json'], { cwd: file(['TBD', 'TBD', 'TBD', 'TBD']) });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).unreadable).toEqual([{ column: 'Deal - Won time', expected: 'date', count: 4, values: ['TBD'] }]);
  });
});
