import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A Salesforce summary report grouped by Opportunity Owner, saved as CSV: the owner on each group's
// first row only, a Subtotal row under each group, Grand Totals and the footer.
const header = '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Probability (%)","Close Date","Created Date"';
const groups = [
  '"Anna Smith","Acme","O1","Closed Won","$1,000.00","100","1/20/2024","1/10/2024"',
  '"","Beta","O2","Closed Lost","$2,000.00","0","1/18/2024","1/15/2024"',
  '"","Gamma","O3","Negotiation/Review","$500.00","90","12/31/2030","2/1/2024"',
  '"Subtotal","","","","$3,500.00","","",""',
  '"Bob Jones","Delta","O4","Closed Won","$3,000.00","100","2/5/2024","2/3/2024"',
  '"","Eps","O5","Closed Won","","100","2/3/2024","2/3/2024"',
  '"Subtotal","","","","$3,000.00","","",""',
  '"Carla Diaz","Zeta","O6","Prospecting","$1,200.00","10","3/13/2024","2/13/2024"',
  '"Subtotal","","","","$1,200.00","","",""',
  '"Grand Totals (6 records)","","","","$7,700.00","","",""',
  '""',
  '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."',
  '"Confidential Information - Do Not Distribute"',
];

function run(lines: string[], lang = 'en'): { code: number | null; stderr: string; r: { total: Record<string, unknown>; managers: Array<{ manager: string; leads: number }>; dataQuality: { alerts: Array<Record<string, unknown>>; rowsSkipped: unknown[] } } } {
  const dir = mkdtempSync(path.join(tmpdir(), 'grouped-'));
  writeFileSync(path.join(dir, 'report.csv'), [header, ...lines].join('\r\n'));
  const res = runCli(['kpi', '-d', 'report.csv', '--format', 'json', '--lang', lang, '--now', '2024-03-15'], { cwd: dir });
  return { code: res.code, stderr: res.stderr, r: JSON.parse(res.stdout) };
}

describe('a grouped report whose group cell is written on the first row of each group only', () => {
  it('reads a blank owner between the group\'s first row and its subtotal as the row above, and says so', () => {
    const { code, stderr, r } = run(groups);
    expect(code, stderr).toBe(0);
    // Hand count: 6 deals, won O1 O4 O5, lost O2, open O3 O6; conversion 3/6, win rate 3/4; revenue 1000 + 3000 (O5 has no amount).
    expect(r.total).toMatchObject({ leads: 6, won: 3, lost: 1, open: 2, conversion: 0.5, win_rate: 0.75, revenue: 4000, average_check: 2000 });
    expect(r.managers.map((m) => [m.manager, m.leads])).toEqual([['Anna Smith', 3], ['Bob Jones', 2], ['Carla Diaz', 1]]);
    expect(r.dataQuality.rowsSkipped).toEqual([]);
    expect(r.dataQuality.alerts).toEqual([{ code: 'same-as-above', file: 'report.csv', columns: ['Opportunity Owner'], rows: 3 }]);
    expect(stderr).toContain('report.csv: the report is grouped (it has subtotal rows), and 3 rows leave "Opportunity Owner" blank under the group\'s first row: read with the value of the row above');
    expect(run(groups, 'ru').stderr).toContain('report.csv: отчёт сгруппирован (в нём есть строки промежуточных итогов), и в 3 строках под первой строкой группы пуста колонка «Opportunity Owner»: строки прочитаны со значением строки выше');
  });

  it('without subtotal rows a blank owner stays «no manager» (a deal assigned to no one); weighed against the data rows, not totals and footers', () => {
    const plain = groups.filter((l) => !l.startsWith('"Subtotal"'));
    const { code, stderr, r } = run(plain);
    expect(code, stderr).toBe(0);
    expect(r.total).toMatchObject({ leads: 3, won: 2, lost: 0, open: 1 });
    expect(r.dataQuality.rowsSkipped).toHaveLength(3);
    // 3 of the 6 data rows (the Grand Totals row and the footer lines are none), said as deals assigned to no one, not as unreadable rows.
    expect(r.dataQuality.alerts).toEqual([{ code: 'deals-no-manager', file: 'report.csv', deals: 3, rows: 6, column: 'Opportunity Owner' }]);
  });
});

// Tester T51 F1: Salesforce's «Formatted Report» XLSX leaves column A empty (and a title block above the
// header): the grouping column is the header's first filled one, and its owners were «no manager» on 7 of
// 10 rows, the hint's --max-bad-rows 7 leaving 3 deals.
describe('a grouped report whose first column is empty', () => {
  it('fills the owner from the header\'s first filled column down to each subtotal', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'grouped-lead-'));
    const lead = (l: string) => `"",${l}`;
    writeFileSync(path.join(dir, 'report.csv'), ['"","Opportunities by Owner"', '', lead(header), ...groups.slice(0, 10).map(lead)].join('\r\n'));
    const res = runCli(['kpi', '-d', 'report.csv', '--format', 'json', '--lang', 'en', '--now', '2024-03-15'], { cwd: dir });
    expect(res.code, res.stderr).toBe(0);
    const r = JSON.parse(res.stdout);
    // The same hand count as the report above.
    expect(r.total).toMatchObject({ leads: 6, won: 3, lost: 1, open: 2, revenue: 4000 });
    expect(r.managers.map((m: { manager: string; leads: number }) => [m.manager, m.leads])).toEqual([['Anna Smith', 3], ['Bob Jones', 2], ['Carla Diaz', 1]]);
    expect(r.dataQuality.alerts).toEqual([{ code: 'same-as-above', file: 'report.csv', columns: ['Opportunity Owner'], rows: 3 }]);
  });
});
