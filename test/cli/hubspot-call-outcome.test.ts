// Tester T68 H1: a HubSpot calls export with both «Call status» and «Call outcome» read the status alone.
// A logged call has no status, or COMPLETED whatever happened: an inbound «No answer» was answered, the
// ringing of a «Busy» dial counted as talk, an inbound voicemail was the deal's first response. The
// outcome decides, and the status where the outcome is blank (as the API profile reads hs_call_disposition).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEALS = [
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline',
  '101,D1,Closed Won,1000,2025-03-05 12:00,2025-03-01 09:00,Anna Berg,Sales Pipeline',
  '102,D2,Closed Lost,2000,2025-03-04 10:00,2025-03-02 10:00,Anna Berg,Sales Pipeline',
];
const CALLS = [
  'Record ID,Call Title,Activity date,Activity assigned to,Call direction,Call status,Call outcome,Call duration,Associated Deal IDs',
  '9101,Logged call,2025-03-01 09:20,Anna Berg,Outbound,,Connected,300000,101',
  '9102,Logged inbound,2025-03-01 10:00,Anna Berg,Inbound,,No answer,0,101',
  '9103,Logged call,2025-03-01 11:00,Anna Berg,Outbound,,Busy,20000,101',
  '9104,Inbound,2025-03-02 10:30,Anna Berg,Inbound,COMPLETED,Left voicemail,45000,102',
  '9105,Call back,2025-03-02 10:50,Anna Berg,Outbound,COMPLETED,Connected,120000,102',
  // No outcome logged: the status says it.
  '9106,Inbound,2025-03-03 09:00,Anna Berg,Inbound,COMPLETED,,60000,102',
];

describe('a HubSpot calls export with both Call status and Call outcome', () => {
  it('reads the outcome first, the status where the outcome is blank', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hubspot-outcome-'));
    writeFileSync(path.join(dir, 'deals.csv'), `${DEALS.join('\n')}\n`);
    writeFileSync(path.join(dir, 'calls.csv'), `${CALLS.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const t = JSON.parse(run.stdout).total;
    // In: 9102 (no answer), 9104 (voicemail) missed, 9106 answered; out: 9101, 9103, 9105.
    expect([t.calls_in, t.calls_out, t.calls_missed]).toEqual([3, 3, 2]);
    expect(t.missed_share).toBeCloseTo(2 / 3, 12);
    // Each missed call is followed by an outgoing call on its deal (the busy dial at 11:00 is one).
    expect(t.callback_rate).toBe(1);
    // 5 + 2 + 1 minutes: the busy dial's 20 s and the voicemail's 45 s are no talk.
    expect(t.talk_minutes).toBe(8);
    // D1: the call at 09:20, 20 min; D2: not the voicemail at 10:30 but the call back at 10:50, 50 min.
    expect([t.response_min_median, t.response_min_avg]).toEqual([35, 35]);
  });

  // A portal's own outcomes (HubSpot lets an admin add them) are words no rule knows: the status decides then.
  it('reads the status where the outcome is a word no rule knows, and warns of none the status settles', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hubspot-outcome-custom-'));
    writeFileSync(path.join(dir, 'deals.csv'), `${DEALS.join('\n')}\n`);
    writeFileSync(path.join(dir, 'calls.csv'), [
      CALLS[0],
      '9201,Inbound,2025-03-01 10:00,Anna Berg,Inbound,MISSED,Interested,0,101',
      '9202,Inbound,2025-03-01 11:00,Anna Berg,Inbound,COMPLETED,Meeting booked,60000,101',
      '9203,Inbound,2025-03-01 12:00,Anna Berg,Inbound,,Meeting booked,30000,101',
      // One of HubSpot's default outcomes: answered, by someone else; no word of it.
      '9204,Inbound,2025-03-01 13:00,Anna Berg,Inbound,,Wrong number,6000,101',
    ].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--now', '2025-04-01', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const t = JSON.parse(run.stdout).total;
    expect([t.calls_in, t.calls_out, t.calls_missed, t.talk_minutes]).toEqual([4, 0, 1, 1.6]);
    // The last call's only reading is the unknown outcome (no status): that one is said, read as answered.
    expect(run.stderr).toContain('"Meeting booked"');
    expect(run.stderr).not.toContain('"Interested"');
    expect(run.stderr).not.toContain('Wrong number');
  });
});
