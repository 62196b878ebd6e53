// Tester T35 F2: a deals file of no known CRM headed `Closed` holding dates read the column as the closed
// flag: every closed deal was skipped as «neither a yes nor a no» (leads 1 for 3). Its dates are a close date.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-closed-'));
// Enough rows for the deals to be read in two halves where the run splits them (CRM_AUDIT_SPLIT_BYTES).
const rows = ['Deal ID,Owner,Stage,Value,Created,Closed,Customer'];
for (let i = 0; i < 300; i++) {
  const stage = ['Won', 'Lost', 'Negotiation'][i % 3]!;
  rows.push(`${i + 1},${i % 2 ? 'Ann' : 'Bob'},${stage},100,2025-03-03,${stage === 'Negotiation' ? '' : '2025-03-05'},C${i}`);
}
writeFileSync(path.join(dir, 'deals.csv'), `${rows.join('\n')}\n`);

describe('a `Closed` column of dates', () => {
  it('is the close date, in one pass and in two halves', () => {
    for (const split of ['0', '1']) {
      const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--now', '2025-04-01', '--lang', 'en'], { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: split } });
      expect(run.code, run.stderr).toBe(0);
      const t = (JSON.parse(run.stdout) as { total: Record<string, number> }).total;
      // By hand: 300 leads, 100 won, 100 lost; revenue 100 × 100; a date-only close is the day's end: 2 days and 86 399 s.
      expect([t.leads, t.won, t.lost, t.revenue]).toEqual([300, 100, 100, 10_000]);
      expect(t.cycle_days_median).toBeCloseTo(2 + 86_399 / 86_400, 9);
    }
    const inspect = runCli(['inspect', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(inspect.stdout).toMatch(/"Closed"\s+-> closed_at/);
  });
});
