import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// T39 F16: with two sets of files, a period's call counts took every call of its log, those dated in the
// other period too (a «до» log downloaded after go-live): missed share «до» 0,6 where the same data
// with --cutover gave 1,0. Spec, Period and cohorts: activity counts use the activities dated in the period.
const DEALS = 'id,manager,created_at,closed_at,status,amount,client';
const before = [DEALS, '1,Ann,2025-01-01 10:00,2025-01-05 10:00,won,100000,K1', '2,Ann,2025-01-31 10:00,,open,,K2'];
const after = [DEALS, '3,Ann,2025-02-01 10:00,2025-02-02 10:00,won,80000,K3', '4,Ann,2025-02-28 10:00,,open,,K4'];
const CALLS = 'manager,at,kind,direction,missed,duration_s,deal_id,client';
// January: one incoming call, answered; one outgoing. February: two incoming calls, both missed, one called back
// within the 24 hours (K3), one never (K4). A call on 15.12.2024, before the first deal, is missed too.
const january = ['Ann,2025-01-01 11:00,call,in,0,60,1,K1', 'Ann,2025-01-02 11:00,call,out,0,60,1,K1'];
const february = ['Ann,2025-02-01 11:00,call,in,1,0,3,K3', 'Ann,2025-02-01 12:00,call,out,0,60,3,K3', 'Ann,2025-02-28 11:00,call,in,1,0,4,K4'];
const december = ['Ann,2024-12-15 11:00,call,in,1,0,,K9'];

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-period-calls-'));
  const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  write('before.csv', before);
  write('after.csv', after);
  write('all.csv', [...before, ...after.slice(1)]);
  write('calls-all.csv', [CALLS, ...december, ...january, ...february]);
  write('calls-after.csv', [CALLS, ...february]);
  write('calls-before.csv', [CALLS, ...january]);
  return dir;
}

/** The rows of a comparison's JSON, by metric: [before, after]. */
function rows(args: string[], dir: string): Record<string, [number | null, number | null]> {
  const run = runCli(['compare', ...args, '--now', '2026-12-05', '--format', 'json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout) as { rows: Array<{ metric: string; before: number | null; after: number | null }> };
  return Object.fromEntries(out.rows.map((r) => [r.metric, [r.before, r.after]]));
}

const CALL_ROWS = ['missed_share', 'callback_rate', 'response_min_median', 'touches_per_won'];

describe('a period of two file sets counts the activities dated within its deals\' days (T39 F16)', () => {
  it('a «до» log that runs into «после» and starts before the first deal: «до» counts January alone', () => {
    const dir = files();
    const two = rows(['--before-deals', 'before.csv', '--before-activities', 'calls-all.csv', '--after-deals', 'after.csv', '--after-activities', 'calls-after.csv'], dir);
    // By hand: «до» 01.01–31.01.2025 holds one incoming call, answered: missed 0 of 1 → 0; no missed call → callback n/a.
    expect(two.missed_share).toEqual([0, 2 / 2]);
    expect(two.callback_rate).toEqual([null, 1 / 2]);
    // Cohort metrics keep their linked activities whatever their dates: deal 1's response 60 min, its touches 2.
    expect(two.response_min_median![0]).toBe(60);
    expect(two.touches_per_won![0]).toBe(2);
  });

  it('an «после» log starting in January: «после» counts February alone', () => {
    const two = rows(['--before-deals', 'before.csv', '--before-activities', 'calls-before.csv', '--after-deals', 'after.csv', '--after-activities', 'calls-all.csv'], files());
    // «после» 01.02–28.02.2025: two incoming calls, both missed → 1; one called back within 24 h → 1/2.
    expect(two.missed_share).toEqual([0, 1]);
    expect(two.callback_rate).toEqual([null, 0.5]);
  });

  it('counts as --cutover does over the same data: the two modes give the same rows', () => {
    const dir = files();
    const two = rows(['--before-deals', 'before.csv', '--before-activities', 'calls-all.csv', '--after-deals', 'after.csv', '--after-activities', 'calls-after.csv'], dir);
    const cut = rows(['-d', 'all.csv', '-a', 'calls-all.csv', '--cutover', '2025-02-01'], dir);
    for (const metric of CALL_ROWS) expect(two[metric], metric).toEqual(cut[metric]);
    // The December call, before the first deal, is in neither period (activities never widen a period).
    expect(cut.missed_share).toEqual([0, 1]);
  });
});
